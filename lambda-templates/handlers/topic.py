def handler(event, context):
    """SNS notification: passes each message on."""
    return {"delivered": deliver([parse(r["Sns"]["Message"]) for r in event.get("Records", [])])}
