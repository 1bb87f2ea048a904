def handler(event, context):
    """Any event: logs it and passes it on."""
    print(json.dumps(event, default=str))
    return {"delivered": deliver([event])}
