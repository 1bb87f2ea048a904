from urllib.parse import unquote_plus


def handler(event, context):
    """S3 object event: passes each object's bucket, key, size and event on."""
    records = []
    for r in event.get("Records", []):
        obj = r["s3"]["object"]
        records.append({
            "bucket": r["s3"]["bucket"]["name"],
            "key": unquote_plus(obj["key"]),
            "size": obj.get("size", 0),
            "event": r.get("eventName"),
        })
    return {"delivered": deliver(records)}
