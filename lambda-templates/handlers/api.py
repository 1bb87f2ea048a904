def handler(event, context):
    """HTTP API route (payload 2.0): records the request body, answers JSON."""
    http = event.get("requestContext", {}).get("http", {})
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        body = base64.b64decode(body).decode()
    delivered = deliver([parse(body)]) if body else 0
    answer = {"message": "Hello from Eventform", "method": http.get("method"), "path": http.get("path"), "delivered": delivered}
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json", "access-control-allow-origin": "*"},
        "body": json.dumps(answer),
    }
