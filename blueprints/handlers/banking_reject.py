import os
import time
import uuid

import boto3


def handler(event, context):
    """Step 2 otherwise: records the refused request with its reasons, so the customer can be told why."""
    rejection = {
        os.environ.get("DEPOSITS_TABLE_KEY", "depositId"): "rej-" + uuid.uuid4().hex[:12],
        "customerId": event.get("customerId") or "unknown",
        "status": "REJECTED",
        "reasons": event.get("reasons") or ["invalid request"],
        "createdAt": int(time.time()),
    }
    boto3.resource("dynamodb").Table(os.environ["DEPOSITS_TABLE_NAME"]).put_item(Item=rejection)
    return {**event, "status": "REJECTED"}
