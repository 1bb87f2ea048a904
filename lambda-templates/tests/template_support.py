"""Helpers for the handler-template tests."""
import importlib.util
import sys
from pathlib import Path

import boto3

HANDLERS = Path(__file__).resolve().parent.parent / "handlers"


def load_handler(role):
    """The module a function of this role runs: the same text the generator inlines."""
    source = (HANDLERS / "common.py").read_text() + "\n\n" + (HANDLERS / f"{role}.py").read_text()
    spec = importlib.util.spec_from_loader(f"handler_{role}", loader=None)
    module = importlib.util.module_from_spec(spec)
    exec(compile(source, f"{role}.py", "exec"), module.__dict__)
    sys.modules[spec.name] = module
    return module


def connect(monkeypatch, name, suffix, value, access="write", **extra):
    """What an edge from the function to a resource puts in its environment."""
    monkeypatch.setenv(f"{name}_{suffix}", value)
    monkeypatch.setenv(f"{name}_ACCESS", access)
    for key, val in extra.items():
        monkeypatch.setenv(f"{name}_{key}", val)


def make_table(name="Orders", key="id"):
    ddb = boto3.resource("dynamodb")
    return ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )


def make_queue(name="Out"):
    return boto3.client("sqs").create_queue(QueueName=name)["QueueUrl"]


def messages(url, count=10):
    got = boto3.client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=count, WaitTimeSeconds=0).get("Messages", [])
    return got


class Context:
    function_name = "TestFunction"
