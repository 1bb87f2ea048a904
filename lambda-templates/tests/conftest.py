"""Loads each handler exactly as it is inlined into a template (common prelude + role handler) and
runs it against moto's in-process AWS, so the tests exercise real boto3 calls."""
import os

import pytest
from moto import mock_aws

@pytest.fixture(autouse=True)
def aws(monkeypatch):
    for key in list(os.environ):
        if key.endswith(("_TABLE_NAME", "_BUCKET_NAME", "_QUEUE_URL", "_TOPIC_ARN", "_EVENT_BUS_NAME", "_STREAM_NAME", "_DELIVERY_STREAM_NAME", "_STATE_MACHINE_ARN", "_FUNCTION_NAME", "_ACCESS", "_TABLE_KEY")):
            monkeypatch.delenv(key)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with mock_aws():
        yield
