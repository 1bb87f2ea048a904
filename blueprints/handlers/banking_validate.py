import json
from decimal import Decimal, InvalidOperation

TERMS = {6, 12, 24, 36, 60}
RATES = {6: "3.10", 12: "3.60", 24: "3.90", 36: "4.10", 60: "4.25"}


def handler(event, context):
    """Step 1 of the workflow: checks a fixed-deposit request and says whether it is valid, and why not."""
    request = event if isinstance(event, dict) else {}
    if isinstance(request.get("body"), str):
        request = json.loads(request["body"])
    reasons = []
    customer = str(request.get("customerId", "")).strip()
    if not customer:
        reasons.append("customerId is required")
    try:
        amount = Decimal(str(request.get("amount")))
        if amount < 1000:
            reasons.append("the minimum deposit is 1000")
        if amount > 10000000:
            reasons.append("the maximum deposit is 10000000")
    except (InvalidOperation, ValueError):
        amount = None
        reasons.append("amount must be a number")
    term = request.get("termMonths")
    if term not in TERMS:
        reasons.append("termMonths must be one of 6, 12, 24, 36, 60")
    return {
        "customerId": customer,
        "amount": str(amount) if amount is not None else None,
        "termMonths": term,
        "rate": RATES.get(term),
        "valid": not reasons,
        "reasons": reasons,
    }
