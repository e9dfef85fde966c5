"""The API's routes: FastAPI, OpenAPI docs at /docs, every answer JSON (errors as problem
details), every call logged with the calling token's name.

Built by create_app(settings) so tests and `bka api` run the same thing; uvicorn loads it as
a factory (`app.api.app:from_environment`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi import Path as InPath
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from app.api.calllog import CallLog
from app.api.problems import problem
from app.api.ratelimit import RateLimiter
from app.api.webhook import WebhookSender
from app.core.api_tokens import describe
from app.core.models.api_token import ApiToken
from app.core.models.assessment import LINE_MAX, TITLE_MAX
from app.services.api_settings import Settings
from app.services.api_tokens import ApiTokens, TokenRefused
from app.services.case_api import (
    ApiRefused,
    CaseApi,
    NewCase,
    report_json,
    summary_json,
)
from app.services.shipped import catalog
from app.store.errors import AnswerRefused, NotFound, StoreError
from app.store.factory import open_store

BODY_MAX = 64 * 1024  #: bytes of a request body; the API takes small JSON only
REPORT_TYPES = {"pdf": "application/pdf",
                "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "html": "text/html; charset=utf-8"}
log = logging.getLogger("bka.api")


class NewCaseIn(BaseModel):
    """A new assessment for a case in the case system."""

    model_config = ConfigDict(extra="forbid")

    case_number: str = Field(min_length=1, max_length=LINE_MAX, examples=["KS 2026/123"])
    title: str = Field(min_length=1, max_length=TITLE_MAX,
                       examples=["Ny skolväg för Björkskolan"])
    committee: str = Field(default="", max_length=LINE_MAX,
                           examples=["Barn- och utbildningsnämnden"])
    official: str = Field(default="", max_length=LINE_MAX, examples=["Anna Berg"])
    official_email: str = Field(default="", max_length=LINE_MAX,
                                description="makes the official the owner if they have "
                                            "logged in to the app with this address")
    unit: str = Field(default="", max_length=LINE_MAX,
                      description="an organisation token only: the unit to share it with")
    questionnaire: str = Field(default="", max_length=100, examples=["bka-standard"])
    language: Literal["sv", "en"] = "sv"
    decision_date: dt.date | None = None


def create_app(settings: Settings | None = None) -> FastAPI:
    s = settings or Settings()
    store = open_store(s.folder)
    cases = CaseApi(store, catalog(), s.folder)
    tokens = ApiTokens(s.folder)
    limiter = RateLimiter(s.per_minute)
    refusals = RateLimiter(max(10, s.per_minute // 4))  # wrong tokens, per address
    calls = CallLog(s.log_file or _default_log(s.folder))
    sender = (WebhookSender(store, s.webhook_url, s.webhook_secret, s.webhook_every)
              if s.webhook_url else None)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if sender is not None:
            sender.start()
        try:
            yield
        finally:
            if sender is not None:
                sender.stop()

    api = FastAPI(title="BKA API", version="1",
                  description="Barnkonsekvensanalyser för ärendehanteringssystem / "
                              "Child rights impact assessments for case-management systems. "
                              "Authenticate with `Authorization: Bearer bka_…`.",
                  root_path=s.root_path, lifespan=lifespan)
    api.state.webhook = sender
    api.state.guard = _Guard(tokens, limiter, refusals, s.per_minute)


    @api.middleware("http")
    async def logged(request: Request,
                     call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        request.state.token_name = ""
        size = request.headers.get("content-length", "")
        if (size.isdigit() and int(size) > BODY_MAX) or (
                request.method in ("POST", "PUT", "PATCH") and not size.isdigit()
                and request.headers.get("transfer-encoding")):
            response: Response = problem(413, "Request too large",
                                         f"the API takes JSON bodies of at most {BODY_MAX:,} "
                                         "bytes, with a Content-Length", kind="too-large")
        else:
            try:
                response = await call_next(request)
            except Exception:  # the last net: the caller gets words, the log the details
                log.error("unexpected error on %s %s\n%s", request.method, request.url.path,
                          traceback.format_exc())
                response = problem(500, "Internal error",
                                   "the API could not answer; the administrator finds the "
                                   "details in the server's log", kind="internal")
        calls.write(token=request.state.token_name, method=request.method,
                    path=request.url.path, status=response.status_code,
                    ms=(time.perf_counter() - started) * 1000,
                    client=request.client.host if request.client else "")
        return response

    @api.exception_handler(ApiRefused)
    async def refused(_: Request, exc: ApiRefused) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return problem(exc.status, exc.title, exc.detail, headers=headers,
                       kind=exc.title.lower().replace(" ", "-"))

    @api.exception_handler(_TooMany)
    async def too_many(_: Request, exc: _TooMany) -> Response:
        seconds = max(1, int(exc.wait + 0.999))
        return problem(429, "Too many requests", f"{exc.reason}; try again in {seconds} s",
                       kind="rate-limit", headers={"Retry-After": str(seconds)})

    @api.exception_handler(NotFound)
    async def not_found(request: Request, _: NotFound) -> Response:
        return problem(404, "Not found", "no assessment with this id is within the token's "
                       "reach", kind="not-found", instance=request.url.path)

    @api.exception_handler(AnswerRefused)
    async def answer_refused(_: Request, exc: AnswerRefused) -> Response:
        return problem(422, "Answer refused", exc.both(), kind="answer-refused",
                       answers=[{"question": w.question_id, "sv": w.refused("sv"),
                                 "en": w.refused("en")} for w in exc.wrong])

    @api.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> Response:
        log.error("store error: %s", exc)
        return problem(503, "Store unavailable", str(exc), kind="store")

    @api.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "see the API's documentation"
        if exc.status_code == 404:
            detail = f"there is no endpoint {request.url.path}; see /docs"
        return problem(exc.status_code, _reason(exc.status_code), detail,
                       headers=getattr(exc, "headers", None))

    @api.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> Response:
        errors = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e["msg"]}
                  for e in exc.errors()]
        first = errors[0] if errors else {"where": "", "problem": "invalid request"}
        return problem(422, "Invalid request", f"{first['where']}: {first['problem']}",
                       kind="invalid", errors=errors)

    @api.get("/v1/token", summary="The calling token: name, scope, access")
    def whoami(t: Token) -> dict[str, Any]:
        return {"name": t.name, "unit": t.unit or None, "access": t.access,
                "scope": "unit" if t.unit else "organisation", "described": describe(t)}

    @api.get("/v1/assessments", summary="Find assessments by case number")
    def find(t: Token, case_number: Annotated[str, Query(max_length=LINE_MAX)] = ""
             ) -> dict[str, Any]:
        rows = cases.find(t, case_number)
        return {"case_number": case_number, "assessments": [summary_json(r) for r in rows]}

    @api.post("/v1/assessments", status_code=201,
              summary="Create an assessment for a case (a write token)")
    def create(t: Token, body: NewCaseIn, response: Response) -> dict[str, Any]:
        created = cases.create(t, NewCase(**body.model_dump()))
        response.headers["Location"] = f"{s.root_path}/v1/assessments/{created.id}"
        return cases.facts(created, created.language)

    @api.get("/v1/assessments/{assessment_id}",
             summary="Status, level, conclusion, findings, follow-up dates and kept reports")
    def read(t: Token, assessment_id: str,
             lang: Literal["sv", "en"] | None = None) -> dict[str, Any]:
        a = cases.get(t, assessment_id)
        return cases.facts(a, lang or a.language)

    @api.get("/v1/assessments/{assessment_id}/follow-up",
             summary="The follow-up date, the measures' dates and the follow-ups")
    def follow_up(t: Token, assessment_id: str) -> dict[str, Any]:
        return cases.follow_up(cases.get(t, assessment_id))

    @api.get("/v1/assessments/{assessment_id}/reports", summary="The kept reports")
    def reports(t: Token, assessment_id: str) -> dict[str, Any]:
        a = cases.get(t, assessment_id)
        return {"reports": [report_json(r) for r in a.reports]}

    @api.get("/v1/assessments/{assessment_id}/report.{fmt}",
             summary="The newest kept report in PDF, Word or HTML, exactly as kept; "
                     "?form=short (for the case file) or full (the full documentation)",
             response_class=Response,
             responses={200: {"content": {m: {} for m in REPORT_TYPES.values()}}})
    def report(t: Token, assessment_id: str, fmt: Literal["pdf", "docx", "html"],
               form: Literal["short", "full"] | None = None) -> Response:
        kept = cases.kept_report(cases.get(t, assessment_id), f".{fmt}", form)
        name = Path(kept.record.path).name
        return Response(kept.data, media_type=REPORT_TYPES[fmt], headers={
            # a download, never shown inline: an HTML report is not rendered by a browser
            # at the API's address
            "Content-Disposition": f'attachment; filename="{_ascii(name)}"',
            "X-Content-Type-Options": "nosniff",
            "X-BKA-SHA256": kept.record.sha256})

    @api.get("/v1/assessments/{assessment_id}/attachments/{sha256}",
             summary="One attached file (underlag), by its SHA-256, as a download",
             response_class=Response)
    def attachment(t: Token, assessment_id: str,
                   sha256: Annotated[str, InPath(pattern="^[0-9a-f]{64}$")]) -> Response:
        record, data = cases.attachment(cases.get(t, assessment_id), sha256)
        return Response(data, media_type=record.media_type, headers={
            "Content-Disposition": f'attachment; filename="{_ascii(record.filename)}"',
            "X-Content-Type-Options": "nosniff", "X-BKA-SHA256": record.sha256})

    @api.get("/v1/health", summary="The process answers and reaches the store (no token)")
    def health() -> dict[str, Any]:
        store.page(limit=1)
        return {"status": "ok"}

    return api


@dataclass
class _Guard:
    """What the token check needs, kept on the app (a dependency cannot close over it:
    FastAPI reads the annotations by name)."""

    tokens: ApiTokens
    limiter: RateLimiter
    refusals: RateLimiter
    per_minute: int


def current_token(request: Request) -> ApiToken:
    """The calling token, checked and counted; ApiRefused or _TooMany otherwise."""
    g: _Guard = request.app.state.guard
    header = request.headers.get("authorization", "")
    scheme, _, text = header.partition(" ")
    client = request.client.host if request.client else "?"
    if scheme.lower() != "bearer" or not text.strip():
        raise ApiRefused(401, "Token missing", "send the token as 'Authorization: Bearer bka_…'")
    try:
        found = g.tokens.authenticate(text)
    except TokenRefused as exc:
        wait = g.refusals.take(f"refused:{client}")
        if wait:
            raise _TooMany(wait, "too many wrong tokens from this address") from None
        raise ApiRefused(401, "Token refused", str(exc)) from None
    request.state.token_name = found.name
    wait = g.limiter.take(found.id)
    if wait:
        raise _TooMany(wait, f"the token '{found.name}' may make {g.per_minute} requests a "
                             "minute")
    return found


Token = Annotated[ApiToken, Depends(current_token)]


class _TooMany(Exception):
    def __init__(self, wait: float, reason: str) -> None:
        super().__init__(reason)
        self.wait, self.reason = wait, reason


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and c not in '"\\' else "_" for c in name)


def _default_log(folder: Path | None) -> Path:
    from app.store.layout import data_dir

    return (folder or data_dir()) / "logs" / "api-calls.log"


def from_environment() -> FastAPI:
    """The factory uvicorn calls in `bka api` (app/services/api_settings.py)."""
    return create_app(Settings.from_environment())
