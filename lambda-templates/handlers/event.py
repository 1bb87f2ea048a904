def handler(event, context):
    """EventBridge rule target: passes the event's source, type and detail on."""
    record = {"source": event.get("source"), "type": event.get("detail-type"), "detail": event.get("detail")}
    return {"delivered": deliver([record])}
