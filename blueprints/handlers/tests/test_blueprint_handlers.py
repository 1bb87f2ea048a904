import base64
import json

from blueprint_support import load, table


def test_website_handler_answers_the_page_with_json_and_cors():
    response = load("website_hello").handler({"requestContext": {"http": {"method": "GET", "path": "/hello"}}}, None)
    assert response["statusCode"] == 200
    assert response["headers"]["access-control-allow-origin"] == "*"
    body = json.loads(response["body"])
    assert body["path"] == "/hello" and body["message"].startswith("Hello from AWS Lambda")


def run_workflow(request, monkeypatch):
    """What the state machine does: validate, then create when valid, else reject."""
    monkeypatch.setenv("DEPOSITS_TABLE_NAME", "Deposits")
    monkeypatch.setenv("DEPOSITS_TABLE_KEY", "depositId")
    validated = load("banking_validate").handler(request, None)
    step = "banking_create" if validated["valid"] is True else "banking_reject"
    return validated, load(step).handler(validated, None)


def test_a_valid_deposit_request_is_validated_and_stored_with_its_maturity(monkeypatch):
    deposits = table("Deposits", "depositId")
    validated, created = run_workflow({"customerId": "c-42", "amount": 5000, "termMonths": 12}, monkeypatch)
    assert validated == {"customerId": "c-42", "amount": "5000", "termMonths": 12, "rate": "3.60", "valid": True, "reasons": []}
    assert created["status"] == "OPEN"
    [item] = deposits.scan()["Items"]
    assert item["customerId"] == "c-42" and item["status"] == "OPEN"
    assert str(item["interest"]) == "180.00" and str(item["maturityAmount"]) == "5180.00"
    assert item["depositId"].startswith("fd-")


def test_an_invalid_request_is_rejected_with_its_reasons_and_recorded(monkeypatch):
    deposits = table("Deposits", "depositId")
    validated, rejected = run_workflow({"customerId": "", "amount": "ten", "termMonths": 7}, monkeypatch)
    assert validated["valid"] is False
    assert validated["reasons"] == ["customerId is required", "amount must be a number", "termMonths must be one of 6, 12, 24, 36, 60"]
    assert rejected["status"] == "REJECTED"
    [item] = deposits.scan()["Items"]
    assert item["status"] == "REJECTED" and item["reasons"] == validated["reasons"]


def test_the_api_body_as_a_string_is_accepted_too(monkeypatch):
    validated = load("banking_validate").handler({"body": json.dumps({"customerId": "c", "amount": 999, "termMonths": 6})}, None)
    assert validated["valid"] is False and validated["reasons"] == ["the minimum deposit is 1000"]


def test_a_batch_of_stream_records_becomes_analyzed_items(monkeypatch):
    results = table("Results", "id")
    monkeypatch.setenv("RESULTS_TABLE_NAME", "Results")
    monkeypatch.setenv("RESULTS_TABLE_KEY", "id")
    posts = [
        {"id": "p1", "user": "ana", "text": "I love #serverless and #AWS, great talk @bob"},
        {"id": "p2", "user": "ben", "text": "the demo was slow and broken #fail"},
        {"id": "p3", "user": "cy", "text": "Lunch at noon"},
    ]
    records = [{"kinesis": {"data": base64.b64encode(json.dumps(p).encode()).decode()}} for p in posts]
    records.append({"kinesis": {"data": base64.b64encode(b"not json").decode()}})
    assert load("streaming_analyzer").handler({"Records": records}, None) == {"saved": 3}
    items = {i["id"]: i for i in results.scan()["Items"]}
    assert items["p1"]["hashtags"] == ["aws", "serverless"] and items["p1"]["mentions"] == ["bob"] and items["p1"]["sentiment"] == "positive"
    assert items["p2"]["sentiment"] == "negative" and items["p3"]["sentiment"] == "neutral"
