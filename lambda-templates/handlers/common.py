import base64, json, os, time, uuid
from decimal import Decimal
import boto3

WRITES = {"invoke", "publish", "put-events", "read-write", "send", "start-execution", "write"}  # generated: npm run lambda-sources


def outputs(suffix):
    """(prefix, value) of each connected resource of a kind this function may write to."""
    found = []
    for key, value in sorted(os.environ.items()):
        if key.endswith("_" + suffix):
            prefix = key[: -len(suffix)]
            if os.environ.get(prefix + "ACCESS", "write") in WRITES:
                found.append((prefix, value))
    return found


def plain(o):
    if isinstance(o, Decimal):
        return int(o) if o == o.to_integral_value() else float(o)
    return str(o)


def deliver(records):
    """Sends each record to every resource the diagram connects this function to."""
    texts = [json.dumps(r, default=plain) for r in records]
    for prefix, name in outputs("TABLE_NAME"):
        key = os.environ.get(prefix + "TABLE_KEY", "id")
        sort = os.environ.get(prefix + "TABLE_SORT_KEY")
        with boto3.resource("dynamodb").Table(name).batch_writer() as batch:
            for text in texts:
                item = json.loads(text, parse_float=Decimal)
                item = item if isinstance(item, dict) else {"value": item}
                item.setdefault(key, str(uuid.uuid4()))
                if sort:
                    item.setdefault(sort, str(time.time_ns()))
                batch.put_item(Item=item)
    for _, name in outputs("BUCKET_NAME"):
        for text in texts:
            key = "eventform/%d-%s.json" % (time.time_ns(), uuid.uuid4().hex[:8])
            boto3.client("s3").put_object(Bucket=name, Key=key, Body=text.encode())
    for _, url in outputs("QUEUE_URL"):
        for text in texts:
            extra = {"MessageGroupId": "eventform"} if url.endswith(".fifo") else {}
            boto3.client("sqs").send_message(QueueUrl=url, MessageBody=text, **extra)
    for _, arn in outputs("TOPIC_ARN"):
        for text in texts:
            extra = {"MessageGroupId": "eventform"} if arn.endswith(".fifo") else {}
            boto3.client("sns").publish(TopicArn=arn, Message=text, **extra)
    for _, bus in outputs("EVENT_BUS_NAME"):
        for i in range(0, len(texts), 10):
            entries = [{"Source": "eventform.function", "DetailType": "Record", "Detail": t, "EventBusName": bus} for t in texts[i : i + 10]]
            boto3.client("events").put_events(Entries=entries)
    for _, name in outputs("STREAM_NAME"):
        for text in texts:
            boto3.client("kinesis").put_record(StreamName=name, Data=text.encode(), PartitionKey=uuid.uuid4().hex)
    for _, name in outputs("DELIVERY_STREAM_NAME"):
        for text in texts:
            boto3.client("firehose").put_record(DeliveryStreamName=name, Record={"Data": (text + "\n").encode()})
    for _, arn in outputs("STATE_MACHINE_ARN"):
        for text in texts:
            boto3.client("stepfunctions").start_execution(stateMachineArn=arn, input=text)
    for _, name in outputs("FUNCTION_NAME"):
        for text in texts:
            boto3.client("lambda").invoke(FunctionName=name, InvocationType="Event", Payload=text.encode())
    return len(texts)


def parse(text):
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text
