"""Errors as JSON problem details (RFC 9457), never a traceback or a driver's message."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

MEDIA_TYPE = "application/problem+json"
#: our problem types, explained in docs/API.md under "Errors"
BASE = "https://bka.invalid/problems/"


def problem(status: int, title: str, detail: str, *, kind: str = "",
            headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"type": BASE + kind if kind else "about:blank", "title": title,
                            "status": status, "detail": detail}
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)
