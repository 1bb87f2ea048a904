import json
import time


def handler(event, context):
    """Answers the website's XMLHttpRequest with JSON; CORS lets the bucket's website origin read it."""
    http = event.get("requestContext", {}).get("http", {})
    answer = {
        "message": "Hello from AWS Lambda, called by a serverless website",
        "path": http.get("path", "/"),
        "servedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json", "access-control-allow-origin": "*"},
        "body": json.dumps(answer),
    }
