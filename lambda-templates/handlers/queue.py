def handler(event, context):
    """SQS batch: passes each message on; failed ones are retried alone (partial batch response)."""
    failures = []
    for r in event.get("Records", []):
        try:
            message = parse(r["body"])
            if isinstance(message, dict) and message.get("Type") == "Notification":
                message = parse(message["Message"])
            deliver([message])
        except Exception as error:
            print("failed", r.get("messageId"), error)
            failures.append({"itemIdentifier": r["messageId"]})
    return {"batchItemFailures": failures}
