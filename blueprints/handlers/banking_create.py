import os
import time
import uuid
from datetime import date
from decimal import Decimal

import boto3


def handler(event, context):
    """Step 2 when valid: computes maturity and interest and records the deposit as OPEN."""
    amount = Decimal(event["amount"])
    rate = Decimal(event["rate"])
    months = int(event["termMonths"])
    interest = (amount * rate / 100 * months / 12).quantize(Decimal("0.01"))
    today = date.today()
    month = today.month - 1 + months
    maturity = date(today.year + month // 12, month % 12 + 1, min(today.day, 28))
    deposit = {
        os.environ.get("DEPOSITS_TABLE_KEY", "depositId"): "fd-" + uuid.uuid4().hex[:12],
        "customerId": event["customerId"],
        "amount": amount,
        "termMonths": months,
        "rate": rate,
        "interest": interest,
        "maturityAmount": amount + interest,
        "maturityDate": maturity.isoformat(),
        "status": "OPEN",
        "createdAt": int(time.time()),
    }
    boto3.resource("dynamodb").Table(os.environ["DEPOSITS_TABLE_NAME"]).put_item(Item=deposit)
    return {**event, "deposit": {k: str(v) for k, v in deposit.items()}, "status": "OPEN"}
