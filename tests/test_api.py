"""The API for case systems against a real `bka api` (uvicorn on loopback), on the local
folder and on PostgreSQL: tokens of each scope and access, a case created and its report
fetched, errors as problem details, every call logged with the token's name."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_server import running_api

from app.core import lifecycle as life
from app.core import webhook
from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment, Ownership
from app.core.models.lifecycle import CommitteeDecision
from app.report.build import build_report
from app.services.api_tokens import ApiTokens
from app.services.paths import ROOT
from app.store.factory import open_store

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
PROBLEM = "application/problem+json"


def decided(case_number: str, unit: str) -> Assessment:
    """The shipped school-closure example, decided, belonging to `unit` and shared there."""
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    a = life.send_for_review(a, "Per Berg", "Karin Lund", NOW)
    a = life.approve(a, "Per Berg", "Väl underbyggd.", NOW)
    a = life.record_decision(a, CommitteeDecision(
        date=dt.date(2026, 12, 10), paragraph="§ 112", outcome="as_proposed"), "Karin Lund",
        NOW)
    return a.model_copy(update={
        "decision": a.decision.model_copy(update={"case_number": case_number}),
        "ownership": Ownership(sub=f"owner-{unit}", unit=unit, shared=True)})


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def data(store_kind: str, tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def api(data: Path) -> Iterator[str]:
    with running_api(data) as base:
        yield base


def test_tokens_reach_only_their_scope_and_access(data: Path, api: str) -> None:
    store = open_store(data)
    school_a = store.create(decided("BUN 2026/7", "Skola A"), editor="Karin Lund")
    school_b = store.create(decided("BUN 2026/7", "Skola B"), editor="Karin Lund")
    private_a = store.create(decided("BUN 2026/8", "Skola A").model_copy(update={
        "ownership": Ownership(sub="someone", unit="Skola A", shared=False)}))
    tokens = ApiTokens(data)
    _, org_write = tokens.create("W3D3", access="write", by="admin")
    _, org_read = tokens.create("Platina", by="admin")
    _, unit_a = tokens.create("Skolsystem A", unit="Skola A", access="write", by="admin")
    _, unit_b = tokens.create("Skolsystem B", unit="Skola B", by="admin")

    # by case number: the organisation sees both units', a unit its own
    found = httpx.get(f"{api}/v1/assessments", params={"case_number": "bun 2026/7"},
                      headers=auth(org_read)).json()["assessments"]
    assert {r["id"] for r in found} == {school_a.id, school_b.id}
    found = httpx.get(f"{api}/v1/assessments", params={"case_number": "BUN 2026/7"},
                      headers=auth(unit_a)).json()["assessments"]
    assert [r["id"] for r in found] == [school_a.id]

    # by id: unit A's token cannot read unit B's assessment, nor A's unshared one
    for token, aid, status in ((unit_a, school_b.id, 404), (unit_b, school_a.id, 404),
                               (unit_a, private_a.id, 404), (unit_a, school_a.id, 200),
                               (org_read, school_b.id, 200), (org_read, private_a.id, 200)):
        answer = httpx.get(f"{api}/v1/assessments/{aid}", headers=auth(token))
        assert answer.status_code == status, (token, aid)
    refused = httpx.get(f"{api}/v1/assessments/{school_b.id}", headers=auth(unit_a))
    assert refused.headers["content-type"].startswith(PROBLEM)
    assert "Skola B" not in refused.text and "BUN" not in refused.text

    # the decided example: status, level, conclusion, findings, follow-up date as JSON
    facts = httpx.get(f"{api}/v1/assessments/{school_a.id}", headers=auth(unit_a)).json()
    assert facts["status"] == "decided" and facts["case_number"] == "BUN 2026/7"
    assert facts["level"]["label"] and facts["conclusion"]["outcome"]
    assert facts["follow_up"]["date"] == str(school_a.value("follow_up_date"))
    dates = httpx.get(f"{api}/v1/assessments/{school_a.id}/follow-up",
                      headers=auth(unit_a)).json()
    assert dates["date"] == facts["follow_up"]["date"]

    # create: a read token may not; a unit token creates in its own unit, shared there
    body = {"case_number": "KS 2026/123", "title": "Ny skolväg", "committee": "BUN",
            "official": "Anna Berg"}
    no = httpx.post(f"{api}/v1/assessments", json=body, headers=auth(org_read))
    assert no.status_code == 403 and no.json()["title"] == "Read-only token"
    other_unit = httpx.post(f"{api}/v1/assessments", json={**body, "unit": "Skola B"},
                            headers=auth(unit_a))
    assert other_unit.status_code == 403
    made = httpx.post(f"{api}/v1/assessments", json=body, headers=auth(unit_a))
    assert made.status_code == 201, made.text
    new_id = made.json()["id"]
    assert made.headers["location"].endswith(f"/v1/assessments/{new_id}")
    stored = store.get(new_id)
    assert stored.decision.case_number == "KS 2026/123" and stored.status == "draft"
    assert (stored.ownership.unit, stored.ownership.shared) == ("Skola A", True)
    assert httpx.get(f"{api}/v1/assessments/{new_id}", headers=auth(unit_b)).status_code == 404
    by_case = httpx.get(f"{api}/v1/assessments", params={"case_number": "KS 2026/123"},
                        headers=auth(org_write)).json()["assessments"]
    assert [r["id"] for r in by_case] == [new_id]

    # a revoked token is refused from its next call on
    token_b = next(t for t in tokens.all() if t.name == "Skolsystem B")
    tokens.revoke(token_b.id, by="admin")
    gone = httpx.get(f"{api}/v1/assessments/{school_b.id}", headers=auth(unit_b))
    assert gone.status_code == 401 and "revoked" in gone.json()["detail"]

    # every call is in the log with the calling token's name
    lines = [json.loads(x) for x in (data / "logs" / "api-calls.log").read_text().splitlines()]
    named = {(x["token"], x["status"]) for x in lines}
    assert ("Skolsystem A", 201) in named and ("Platina", 403) in named
    assert ("Skolsystem B", 200) not in named and ("Skolsystem B", 404) in named


def test_a_case_system_fetches_the_kept_report(data: Path, api: str, tmp_path: Path) -> None:
    store = open_store(data)
    a = store.create(decided("KS 2026/9", "Kultur"))
    full = build_report(a, out_dir=tmp_path / "reports", now=NOW, form="full")
    pdf = build_report(a, out_dir=tmp_path / "reports", now=NOW, form="short")
    store.add_report(a.id or "", full, editor="Karin Lund")
    store.add_report(a.id or "", pdf, editor="Karin Lund")
    _, token = ApiTokens(data).create("Public 360", unit="Kultur")

    got = httpx.get(f"{api}/v1/assessments/{a.id}/report.pdf", headers=auth(token))
    assert got.status_code == 200 and got.content.startswith(b"%PDF")
    assert hashlib.sha256(got.content).hexdigest() == pdf.sha256
    assert got.headers["x-bka-sha256"] == pdf.sha256
    assert got.headers["content-disposition"].startswith("attachment;")
    listed = httpx.get(f"{api}/v1/assessments/{a.id}/reports", headers=auth(token)).json()
    assert [(r["format"], r["form"], r["sha256"]) for r in listed["reports"]] == [
        ("pdf", "full", full.sha256), ("pdf", "short", pdf.sha256)]
    got_full = httpx.get(f"{api}/v1/assessments/{a.id}/report.pdf", params={"form": "full"},
                         headers=auth(token))
    assert hashlib.sha256(got_full.content).hexdigest() == full.sha256 != pdf.sha256

    none = httpx.get(f"{api}/v1/assessments/{a.id}/report.docx", headers=auth(token))
    assert none.status_code == 404 and "DOCX" in none.json()["detail"]
    Path(pdf.path).write_bytes(b"%PDF-1.7 something else")
    changed = httpx.get(f"{api}/v1/assessments/{a.id}/report.pdf", headers=auth(token))
    assert changed.status_code == 409 and "SHA-256" in changed.json()["detail"]


def test_errors_are_problem_details_never_tracebacks(data: Path, api: str) -> None:
    _, token = ApiTokens(data).create("Lex", access="write")
    cases = [
        httpx.get(f"{api}/v1/assessments"),  # no token
        httpx.get(f"{api}/v1/assessments", headers=auth("bka_nope_wrong")),
        httpx.get(f"{api}/v1/assessments", headers=auth(token)),  # no case number
        httpx.get(f"{api}/v1/nothing-here", headers=auth(token)),
        httpx.post(f"{api}/v1/assessments", content=b"{not json", headers={
            **auth(token), "content-type": "application/json"}),
        httpx.post(f"{api}/v1/assessments", json={"case_number": "x", "title": "t" * 400},
                   headers=auth(token)),
        httpx.post(f"{api}/v1/assessments", json={"case_number": "x", "title": "t",
                                                  "questionnaire": "nope"},
                   headers=auth(token)),
        httpx.post(f"{api}/v1/assessments", content=b"{" + b" " * 100_000 + b"}", headers={
            **auth(token), "content-type": "application/json"}),
    ]
    assert [c.status_code for c in cases] == [401, 401, 400, 404, 422, 422, 422, 413]
    for answer in cases:
        assert answer.headers["content-type"].startswith(PROBLEM)
        body = answer.json()
        assert body["status"] == answer.status_code and body["title"] and body["detail"]
        assert "Traceback" not in answer.text and 'File "' not in answer.text
    assert cases[0].headers["www-authenticate"] == "Bearer"
    assert "title" in cases[5].json()["detail"]
    assert "bka-standard" in cases[6].json()["detail"]


@pytest.fixture
def local(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("BKA_DATABASE_URL", raising=False)
    return tmp_path / "data"


def test_a_token_over_its_rate_is_told_when_to_come_back(local: Path) -> None:
    _, token = ApiTokens(local).create("W3D3")
    with running_api(local, ["--per-minute", "3"]) as api:
        answers = [httpx.get(f"{api}/v1/token", headers=auth(token)) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert int(answers[3].headers["retry-after"]) >= 1
    assert answers[3].headers["content-type"].startswith(PROBLEM)


class _Receiver(http.server.BaseHTTPRequestHandler):
    got: list[tuple[str, bytes]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        data = self.rfile.read(int(self.headers["Content-Length"]))
        _Receiver.got.append((self.headers[webhook.HEADER], data))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_a_status_change_reaches_the_webhook_signed(data: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    receiver = http.server.HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    _Receiver.got = []
    store = open_store(data)
    a = store.create(decided("KS 2026/5", "Kultur").model_copy(update={"status": "draft"}))
    monkeypatch.setenv("BKA_WEBHOOK_SECRET", "hemligt")
    url = f"http://127.0.0.1:{receiver.server_port}/bka"
    try:
        with running_api(data, ["--webhook-url", url, "--webhook-every", "0.2"]):
            store.set_status(a.id or "", "complete", editor="Karin Lund")
            deadline = time.monotonic() + 30
            while not _Receiver.got and time.monotonic() < deadline:
                time.sleep(0.1)
    finally:
        receiver.shutdown()
    assert _Receiver.got, "no webhook arrived"
    header, data = _Receiver.got[0]
    assert webhook.verify("hemligt", header, data, int(time.time()))
    assert not webhook.verify("annat", header, data, int(time.time()))
    message = json.loads(data)
    assert (message["assessment_id"], message["case_number"]) == (a.id, "KS 2026/5")
    assert (message["status_before"], message["status"]) == ("draft", "complete")


def test_an_administrator_creates_lists_and_revokes_tokens(local: Path) -> None:
    bka = [str(Path(sys.executable).with_name("bka")), "api-token"]
    env = {**os.environ}
    made = subprocess.run([*bka, "create", "Ciceron", "--unit", "Skola A", "--write",
                           "--data-dir", str(local)], capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stderr
    text = made.stdout.strip()
    assert text.startswith("bka_") and "Skola A" in made.stderr
    stored = (local / "api_tokens.json").read_text()
    assert text.split("_", 2)[2] not in stored  # only the hash is kept
    again = subprocess.run([*bka, "create", "ciceron", "--data-dir", str(local)],
                           capture_output=True, text=True, env=env)
    assert again.returncode == 2 and "exists" in again.stderr and not again.stdout
    listed = json.loads(subprocess.run([*bka, "list", "--json", "--data-dir", str(local)],
                                       capture_output=True, text=True, env=env).stdout)
    assert [(t["name"], t["unit"], t["access"]) for t in listed] == [
        ("Ciceron", "Skola A", "write")]
    gone = subprocess.run([*bka, "revoke", listed[0]["id"], "--data-dir", str(local)],
                          capture_output=True, text=True, env=env)
    assert gone.returncode == 0 and "Revoked" in gone.stdout
    unknown = subprocess.run([*bka, "revoke", "nope", "--data-dir", str(local)],
                             capture_output=True, text=True, env=env)
    assert unknown.returncode == 2 and "no token" in unknown.stderr


def test_an_assessment_with_a_wrong_stored_answer_is_read_with_the_problem_named(
        data: Path, api: str) -> None:
    """Stored before answers were checked when saved: the case system still reads it (it
    was refused as damage, a 503), and the answer is named as a problem to fix."""
    from app.services.shipped import catalog
    from app.store import answer_rules

    a = decided("BUN 2026/9", "Skola A")
    a = a.model_copy(update={"answers": {**a.answers, "affects_children": Answer(value="kanske")}})
    answer_rules._loaded.clear()  # written as before the check existed
    try:
        stored = open_store(data).create(a, editor="Karin Lund")
    finally:
        answer_rules.use(catalog())
    _, token = ApiTokens(data).create("Platina", by="admin")
    got = httpx.get(f"{api}/v1/assessments/{stored.id}", headers=auth(token))
    assert got.status_code == 200
    [problem] = got.json()["answer_problems"]
    assert "(affects_children)" in problem["message"] and "'kanske'" in problem["message"]
    assert "räknas inte" in problem["message"]  # the assessment's language: Swedish
    english = httpx.get(f"{api}/v1/assessments/{stored.id}", params={"lang": "en"},
                        headers=auth(token)).json()["answer_problems"][0]["message"]
    assert "'kanske' is not an option" in english and "kept but not scored" in english
