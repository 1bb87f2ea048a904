from boto3.dynamodb.types import TypeDeserializer


def handler(event, context):
    """DynamoDB or Kinesis stream batch: decodes each record and passes it on."""
    records = []
    for r in event.get("Records", []):
        if "kinesis" in r:
            records.append(parse(base64.b64decode(r["kinesis"]["data"]).decode()))
        elif "dynamodb" in r:
            image = r["dynamodb"].get("NewImage") or r["dynamodb"].get("OldImage") or {}
            item = {k: TypeDeserializer().deserialize(v) for k, v in image.items()}
            records.append({"change": r.get("eventName"), "item": item})
    return {"delivered": deliver(records)}
