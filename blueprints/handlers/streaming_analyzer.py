import base64
import json
import os
import re

import boto3

POSITIVE = {"love", "great", "awesome", "happy", "good", "excellent", "nice", "fast"}
NEGATIVE = {"hate", "bad", "awful", "sad", "slow", "broken", "terrible", "down"}


def analyze(post):
    text = str(post.get("text", ""))
    words = set(re.findall(r"[a-z']+", text.lower()))
    score = len(words & POSITIVE) - len(words & NEGATIVE)
    return {
        "id": str(post.get("id") or post.get("postId") or hash(text)),
        "user": str(post.get("user", "anonymous")),
        "text": text,
        "hashtags": sorted(set(re.findall(r"#(\w+)", text.lower()))),
        "mentions": sorted(set(re.findall(r"@(\w+)", text.lower()))),
        "sentiment": "positive" if score > 0 else "negative" if score < 0 else "neutral",
    }


def handler(event, context):
    """Reads a batch of social-media events from the stream and saves one result per event."""
    table = boto3.resource("dynamodb").Table(os.environ["RESULTS_TABLE_NAME"])
    saved = 0
    with table.batch_writer(overwrite_by_pkeys=[os.environ.get("RESULTS_TABLE_KEY", "id")]) as batch:
        for record in event.get("Records", []):
            try:
                post = json.loads(base64.b64decode(record["kinesis"]["data"]))
            except (KeyError, ValueError):
                continue
            if isinstance(post, dict):
                batch.put_item(Item=analyze(post))
                saved += 1
    return {"saved": saved}
