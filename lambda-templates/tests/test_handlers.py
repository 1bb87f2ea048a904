import base64
import json

import boto3
from boto3.dynamodb.types import TypeSerializer

from template_support import Context, connect, load_handler, make_queue, make_table, messages


def test_api_handler_records_the_body_and_answers_json_with_cors(monkeypatch):
    # GIVEN an API function connected to a table
    table = make_table("Orders", key="orderId")
    connect(monkeypatch, "ORDERS", "TABLE_NAME", "Orders", TABLE_KEY="orderId")
    handler = load_handler("api").handler
    # WHEN a POST arrives
    event = {"requestContext": {"http": {"method": "POST", "path": "/orders"}}, "body": json.dumps({"orderId": "o-1", "total": 12.5})}
    response = handler(event, Context())
    # THEN it answers JSON with CORS and the body is stored
    assert response["statusCode"] == 200
    assert response["headers"]["access-control-allow-origin"] == "*"
    assert json.loads(response["body"]) == {"message": "Hello from Eventform", "method": "POST", "path": "/orders", "delivered": 1}
    item = table.get_item(Key={"orderId": "o-1"})["Item"]
    assert float(item["total"]) == 12.5


def test_api_handler_without_a_body_stores_nothing(monkeypatch):
    table = make_table("Orders")
    connect(monkeypatch, "ORDERS", "TABLE_NAME", "Orders")
    response = load_handler("api").handler({"requestContext": {"http": {"method": "GET", "path": "/"}}}, Context())
    assert json.loads(response["body"])["delivered"] == 0
    assert table.scan()["Count"] == 0


def test_read_only_connections_are_never_written(monkeypatch):
    table = make_table("Orders")
    connect(monkeypatch, "ORDERS", "TABLE_NAME", "Orders", access="read")
    load_handler("api").handler({"body": '{"a": 1}'}, Context())
    assert table.scan()["Count"] == 0


def test_s3_object_handler_passes_each_object_on_to_a_queue(monkeypatch):
    url = make_queue("Objects")
    connect(monkeypatch, "OBJECTS", "QUEUE_URL", url, access="send")
    event = {"Records": [{"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "uploads"}, "object": {"key": "photos/a+b.png", "size": 2048}}}]}
    assert load_handler("s3_object").handler(event, Context()) == {"delivered": 1}
    body = json.loads(messages(url)[0]["Body"])
    assert body == {"bucket": "uploads", "key": "photos/a b.png", "size": 2048, "event": "ObjectCreated:Put"}


def test_stream_handler_decodes_kinesis_and_dynamodb_records(monkeypatch):
    table = make_table("Results")
    connect(monkeypatch, "RESULTS", "TABLE_NAME", "Results")
    kinesis = {"kinesis": {"data": base64.b64encode(json.dumps({"id": "k-1", "text": "#aws"}).encode()).decode()}}
    image = {k: TypeSerializer().serialize(v) for k, v in {"id": "d-1", "n": 3}.items()}
    dynamodb = {"eventName": "INSERT", "dynamodb": {"NewImage": image}}
    assert load_handler("stream").handler({"Records": [kinesis, dynamodb]}, Context()) == {"delivered": 2}
    assert table.get_item(Key={"id": "k-1"})["Item"]["text"] == "#aws"
    change = [i for i in table.scan()["Items"] if i.get("change") == "INSERT"][0]
    assert change["item"] == {"id": "d-1", "n": 3}


def test_queue_handler_reports_only_the_failed_messages(monkeypatch):
    table = make_table("Jobs")
    connect(monkeypatch, "JOBS", "TABLE_NAME", "Jobs")
    ok = {"messageId": "m1", "body": json.dumps({"id": "j-1"})}
    wrapped = {"messageId": "m2", "body": json.dumps({"Type": "Notification", "Message": json.dumps({"id": "j-2"})})}
    bad = {"messageId": "m3", "body": json.dumps({"id": {"nested": float("nan")}})}
    result = load_handler("queue").handler({"Records": [ok, wrapped, bad]}, Context())
    assert result == {"batchItemFailures": [{"itemIdentifier": "m3"}]}
    assert {i["id"] for i in table.scan()["Items"]} == {"j-1", "j-2"}


def test_topic_handler_writes_each_message_to_a_bucket(monkeypatch):
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="archive")
    connect(monkeypatch, "ARCHIVE", "BUCKET_NAME", "archive")
    load_handler("topic").handler({"Records": [{"Sns": {"Message": json.dumps({"alert": "disk"})}}]}, Context())
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="archive")["Contents"]]
    assert len(keys) == 1 and keys[0].startswith("eventform/")
    assert json.loads(s3.get_object(Bucket="archive", Key=keys[0])["Body"].read()) == {"alert": "disk"}


def test_event_handler_puts_a_record_on_a_stream(monkeypatch):
    kinesis = boto3.client("kinesis")
    kinesis.create_stream(StreamName="Feed", ShardCount=1)
    connect(monkeypatch, "FEED", "STREAM_NAME", "Feed")
    load_handler("event").handler({"source": "shop", "detail-type": "Order", "detail": {"id": 7}}, Context())
    shard = kinesis.describe_stream(StreamName="Feed")["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = kinesis.get_shard_iterator(StreamName="Feed", ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = kinesis.get_records(ShardIterator=iterator)["Records"]
    assert [json.loads(r["Data"]) for r in records] == [{"source": "shop", "type": "Order", "detail": {"id": 7}}]


def test_workflow_handler_returns_the_state_and_publishes_it(monkeypatch):
    sns = boto3.client("sns")
    topic = sns.create_topic(Name="Steps")["TopicArn"]
    url = make_queue("StepCopies")
    queue_arn = boto3.client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn, Attributes={"RawMessageDelivery": "true"})
    connect(monkeypatch, "STEPS", "TOPIC_ARN", topic, access="publish")
    result = load_handler("workflow").handler({"amount": 100}, Context())
    assert result == {"amount": 100, "completedBy": "TestFunction"}
    assert json.loads(messages(url)[0]["Body"]) == {"amount": 100}


def test_firehose_transform_returns_one_json_line_per_record(monkeypatch):
    record = {"recordId": "r1", "data": base64.b64encode(b'{"x": 1}').decode(), "approximateArrivalTimestamp": 1700000000000}
    result = load_handler("firehose_transform").handler({"records": [record]}, Context())
    assert result["records"][0]["recordId"] == "r1" and result["records"][0]["result"] == "Ok"
    assert base64.b64decode(result["records"][0]["data"]).decode() == '{"data": {"x": 1}, "arrivedAt": 1700000000000}\n'


def test_generic_handler_starts_a_workflow_and_sends_to_an_event_bus(monkeypatch):
    iam = boto3.client("iam")
    role = iam.create_role(RoleName="sfn", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    sfn = boto3.client("stepfunctions")
    machine = sfn.create_state_machine(name="Flow", definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}), roleArn=role)["stateMachineArn"]
    connect(monkeypatch, "FLOW", "STATE_MACHINE_ARN", machine, access="start-execution")
    events = boto3.client("events")
    events.create_event_bus(Name="Bus")
    url = make_queue("BusCopies")
    queue_arn = boto3.client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    events.put_rule(Name="all", EventBusName="Bus", EventPattern=json.dumps({"source": ["eventform.function"]}))
    events.put_targets(Rule="all", EventBusName="Bus", Targets=[{"Id": "q", "Arn": queue_arn}])
    connect(monkeypatch, "BUS", "EVENT_BUS_NAME", "Bus", access="put-events")
    assert load_handler("generic").handler({"hello": "world"}, Context()) == {"delivered": 1}
    executions = sfn.list_executions(stateMachineArn=machine)["executions"]
    assert len(executions) == 1
    assert json.loads(sfn.describe_execution(executionArn=executions[0]["executionArn"])["input"]) == {"hello": "world"}
    assert json.loads(messages(url)[0]["Body"])["detail"] == {"hello": "world"}
