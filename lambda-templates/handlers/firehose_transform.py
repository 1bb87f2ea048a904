def handler(event, context):
    """Firehose transformation: one JSON object per line, each stamped with its arrival time."""
    out = []
    for r in event.get("records", []):
        data = parse(base64.b64decode(r["data"]).decode())
        line = json.dumps({"data": data, "arrivedAt": r.get("approximateArrivalTimestamp")}) + "\n"
        out.append({"recordId": r["recordId"], "result": "Ok", "data": base64.b64encode(line.encode()).decode()})
    return {"records": out}
