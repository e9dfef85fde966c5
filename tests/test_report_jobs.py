"""A report built in the background tells the page how far it has come, and how it ended."""

from __future__ import annotations

import threading
import time

import pytest

from app.core.loading import load_assessment
from app.report import ReportError, tagged_pdf
from app.report.context import prepare
from app.report.formats import TAGGED_PDF
from app.services import report_jobs
from app.services.paths import EXAMPLES_DIR


def finished(job: report_jobs.Job, seconds: float = 180) -> report_jobs.Job:
    deadline = time.monotonic() + seconds
    while not job.done:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return job


def test_a_running_job_is_not_started_twice_and_tells_its_stage() -> None:
    gate = threading.Event()

    def work(job: report_jobs.Job) -> str:
        job.step("layout", 0.4)
        gate.wait(10)
        return "done"

    first = report_jobs.start("k1", work)
    second = report_jobs.start("k1", work)
    assert second is first
    deadline = time.monotonic() + 10
    while first.stage != "layout":
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert first.fraction == pytest.approx(0.4) and not first.done
    gate.set()
    assert finished(first).result == "done" and first.fraction == 1.0
    assert report_jobs.take("k1") is first  # handed out once: recorded once
    assert report_jobs.take("k1") is None and report_jobs.get("k1") is None


def test_a_failing_job_says_why_in_words() -> None:
    def work(job: report_jobs.Job) -> None:
        raise ReportError("the organisation's profile cannot be read")

    job = finished(report_jobs.start("k2", work))
    assert job.error == "the organisation's profile cannot be read" and job.result is None


@pytest.mark.skipif(not tagged_pdf.available(), reason="WeasyPrint is not installed")
def test_the_tagged_pdf_reports_its_steps() -> None:
    seen: list[str] = []
    token = tagged_pdf.progress.set(lambda stage, fraction: seen.append(stage))
    try:
        a = load_assessment(EXAMPLES_DIR / "trafik-skolvag.yaml")[0]
        data = TAGGED_PDF.render(prepare(a, form="short"))
    finally:
        tagged_pdf.progress.reset(token)
    assert data.startswith(b"%PDF") and seen == ["layout", "write"]
