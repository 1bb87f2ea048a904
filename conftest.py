"""Every Python test runs against moto's in-process AWS, with fake credentials and no endpoint or
profile from the developer's environment, and none of the variables a handler reads left over."""
import os

import pytest
from moto import mock_aws

HANDLER_VARIABLES = ("_TABLE_NAME", "_BUCKET_NAME", "_QUEUE_URL", "_TOPIC_ARN", "_EVENT_BUS_NAME", "_STREAM_NAME", "_DELIVERY_STREAM_NAME", "_STATE_MACHINE_ARN", "_FUNCTION_NAME", "_ACCESS", "_TABLE_KEY", "_TABLE_SORT_KEY")


@pytest.fixture(autouse=True)
def aws(monkeypatch):
    for key in list(os.environ):
        if key.endswith(HANDLER_VARIABLES):
            monkeypatch.delenv(key)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with mock_aws():
        yield
