"""The API's reads at scale: `bka api` (uvicorn on loopback) over PostgreSQL with N
assessments, called as a case system calls it.

    BKA_BENCH_API_COUNT=100000 .venv/bin/python -m bench.bench_api

N defaults to 10,000 (short on a small machine). A private PostgreSQL server is started with
fsync on (tests/pg_server.py) and filled in bulk as bench_postgres.py does (1 in 50 rows
shared with the unit "Soc"). Every figure is one HTTP request over a kept-alive connection,
measured at the client (so it includes uvicorn, the token check, the scope and the JSON):

- "assessment by id": GET /v1/assessments/{id}: the stored assessment, scored (level,
  conclusion, findings) and its follow-up dates, with an organisation token;
- "… unit token": the same for the unit's own rows with a unit token; "… other unit's" a row
  of another unit (answered 404 after the same reads);
- "case number": GET /v1/assessments?case_number=… (a case number stored on about N/15,000
  rows), organisation and unit token;
- "token only": GET /v1/token (the floor: uvicorn, the token's look-up, the log line);
- "4 clients": the by-id read from 4 threads at once (several systems, or one in parallel).

Target (p95, one client): a read <= 100 ms at 100,000.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from bench.bench_postgres import fill_postgres, owned, p95
from bench.bench_store import synthesise, templates

RUNS = 200
CLIENTS = 4
TARGET_MS = 100.0


def sample(call: Callable[[], httpx.Response], runs: int = RUNS) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        answer = call()
        out.append((time.perf_counter() - t0) * 1000)
        if answer.status_code >= 500 or answer.status_code == 429:
            raise RuntimeError(f"{answer.status_code}: {answer.text}")
    return out


def parallel(make: Callable[[httpx.Client], Callable[[], httpx.Response]], base: str,
             headers: dict[str, str]) -> list[float]:
    samples: list[float] = []
    lock = threading.Lock()

    def run() -> None:
        with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
            got = sample(make(client), RUNS // 2)
        with lock:
            samples.extend(got)

    threads = [threading.Thread(target=run) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples


def main() -> None:
    count = int(os.environ.get("BKA_BENCH_API_COUNT", "10000"))
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    import pg_server
    from api_server import running_api

    if pg_server.binaries() is None:
        print("skipped: PostgreSQL is not installed (apt-get install postgresql)")
        return
    rng = random.Random(20261207)
    with pg_server.running(fsync=True) as server, \
            tempfile.TemporaryDirectory(prefix="bka-bench-api-") as folder:
        url = server.url()
        os.environ["BKA_DATABASE_URL"] = url  # the tokens, and the API process, use it
        data = owned(synthesise(count, templates(False), rng))
        t0 = time.perf_counter()
        fill_postgres(url, data)
        print(f"PostgreSQL filled with {count:,} in {time.perf_counter() - t0:.1f} s")
        from app.services.api_tokens import ApiTokens

        tokens = ApiTokens(folder)
        _, org = tokens.create("Bench org")
        _, unit = tokens.create("Bench Soc", unit="Soc")
        ids = [a.id or "" for a in data]
        soc = [a.id or "" for a in data if a.ownership.unit == "Soc" and a.ownership.shared]
        others = [a.id or "" for a in data if a.ownership.unit != "Soc"]
        cases = [a.decision.case_number for a in data]
        soc_cases = [a.decision.case_number for a in data if a.ownership.unit == "Soc"]
        with running_api(Path(folder), ["--per-minute", "10000000",
                                        "--log-file", f"{folder}/calls.log"]) as base:
            org_h = {"Authorization": f"Bearer {org}"}
            unit_h = {"Authorization": f"Bearer {unit}"}
            figures: dict[str, list[float]] = {}
            with httpx.Client(base_url=base, headers=org_h, timeout=60) as c, \
                    httpx.Client(base_url=base, headers=unit_h, timeout=60) as u:
                # warm: the shipped questionnaires load on the first read, the pool fills
                sample(lambda: c.get(f"/v1/assessments/{rng.choice(ids)}"), 20)
                figures["token only"] = sample(lambda: c.get("/v1/token"))
                figures["assessment by id"] = sample(
                    lambda: c.get(f"/v1/assessments/{rng.choice(ids)}"))
                figures["assessment by id, unit token"] = sample(
                    lambda: u.get(f"/v1/assessments/{rng.choice(soc)}"))
                figures["other unit's id, unit token"] = sample(
                    lambda: u.get(f"/v1/assessments/{rng.choice(others)}"))
                figures["case number"] = sample(lambda: c.get(
                    "/v1/assessments", params={"case_number": rng.choice(cases)}))
                figures["case number, unit token"] = sample(lambda: u.get(
                    "/v1/assessments", params={"case_number": rng.choice(soc_cases)}))
                figures["follow-up dates"] = sample(
                    lambda: c.get(f"/v1/assessments/{rng.choice(ids)}/follow-up"))
            figures[f"assessment by id, {CLIENTS} clients"] = parallel(
                lambda cl: lambda: cl.get(f"/v1/assessments/{rng.choice(ids)}"), base, org_h)
        print(f"\nThe API over PostgreSQL, {count:,} assessments ({RUNS} requests each)")
        print(f"{'read':<34} {'median ms':>10} {'p95 ms':>10}   target (p95)")
        for label, ms in figures.items():
            verdict = f"<= {TARGET_MS:g} ms " + ("ok" if p95(ms) <= TARGET_MS
                                                 else "OVER TARGET")
            print(f"{label:<34} {statistics.median(ms):10.2f} {p95(ms):10.2f}   {verdict}")


if __name__ == "__main__":
    main()
