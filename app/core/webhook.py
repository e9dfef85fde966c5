"""The signed message a case system receives when an assessment's status changes.

The body is JSON; the signature is HMAC-SHA256 over "<timestamp>.<body>" with the secret the
organisation configured, sent as `X-BKA-Signature: t=<timestamp>,v1=<hex>`. Signing the
timestamp with the body lets the receiver refuse an old message played again (docs/API.md
shows the check).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

HEADER = "X-BKA-Signature"
EVENT = "assessment.status_changed"


def body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def signature(secret: str, timestamp: int, data: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + data, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, data: bytes, now: int, tolerance: int = 300) -> bool:
    """What a receiver does (and our tests do): the signature matches and is recent."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, data), header)


def status_changed(assessment_id: str, case_number: str, before: str | None, after: str,
                   revision: int, at: str) -> dict[str, Any]:
    return {"event": EVENT, "assessment_id": assessment_id, "case_number": case_number,
            "status_before": before, "status": after, "revision": revision, "at": at}
