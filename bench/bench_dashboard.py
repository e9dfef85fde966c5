"""The council's overview (Översikt för fullmäktige) beside its peer: the GROUP BYs alone.

The overview is counted by the store's facts index (app/store/facts/): GROUP BY over rows
the saves keep. Its peer is the simplest database doing the same counting: the same facts in
two bare indexed tables of the same engine (one row per assessment with committee, year,
status, kind, level, heard; one row per article or finding), counted with the two GROUP BYs
the board's figures need. Ours does more (one row per decision, follow-ups apart, the lists
of departures and overdue measures, the labels) and the goal is to stay within 2x of it.

Printed, for the local store (SQLite index) and PostgreSQL, each filled with --count
assessments (default 10,000; PostgreSQL $BKA_BENCH_DASH_PG_COUNT if set) and their facts
(dashboard_fill.py: replicas of 300 distinct assessments scored in full; how, and the check
that the page counts what a direct count gives, are printed first):

- cold: the board as a fresh process counts it (no connection or parsed facts kept), beside
  the peer's GROUP BYs, interleaved; the ratio of medians. Goal <= 2x.
- after one save: someone saved an assessment (its save wrote its facts), then the board.
  Goal <= 2x.
- memory: the peak resident size of a fresh `bka dashboard --json` process, as the process
  itself saw it (child_peak.py; the kernel's figure for a child includes the forking
  parent's size). Goal <= 200 MB.
- the overview list's first page of 50 (Översikt: store.page, with its total) beside the
  bare indexed query of those 50 rows in the same engine, at the two moments a person meets
  it: the first look after a save (nothing kept can serve it) and shown again with nothing
  written (locally the page kept until the index changes). Goal <= 3x for each.
- the rebuild after a questionnaire change (every row scored again): in the background, its
  rate, what a page view costs meanwhile beside one without a build, and whether each view
  shows the progress (Board.building, the page's bar). It never waits for the build.

Before (2026-12-07, the JSON file of kept facts, counted in Python): cold 6.6 s and 667 MiB
at 100,000 in PostgreSQL (44x one GROUP BY), 87x at 10,000 locally; after one save 1.8 s
(12.5x); first build 106 s in the foreground. The list's first page 31x (local, 10,000) and
58x (PostgreSQL, 100,000) the indexed query.

After (2026-12-07, the machine at a load of 25-30 on 2 cores, so absolute times are many
times the quiet machine's; the ratios are interleaved): local 10,000: cold 1.36x, after one
save 1.77x; local 2,000: 1.32x and 1.81x, 136 MB; PostgreSQL 2,000: cold 11.1x, after one
save 4.1x (round trips: three transactions and ten statements against the peer's one and
two, at ~6 ms a round trip under that load; one was merged since), 129 MB, list page 1.95x.
(The memory figures of that time included the bench process's own size: see child_peak.py.)

Then (2026-12-07 evening, load 6-20): the board one statement (one round trip where there
were fourteen), the list's page one statement, no Alembic import when the schema is current.
PostgreSQL 2,000: cold 2.04x -> 1.46x, after one save 2.05x -> 1.87x, list page 4.16x ->
1.81x, a fresh process 75-79 MB (Alembic, Mako and Pygments no longer loaded: 11 MB).
PostgreSQL 10,000: filled in 27 s, first build 794 s (79 ms an assessment at a load of 20;
a 100,000 build would take hours on this machine, so 10,000 is the largest size measured),
cold 1.48x, after one save 1.57x, list page 1.92x, 93 MB for a fresh process that also
scored every row again (a questionnaire had changed).

Filled in minutes (2026-12-07, late): both stores are filled with replicas of a few hundred
distinct assessments scored in full (bench/dashboard_fill.py says how, and each run checks a
random sample of the stored facts against a full scoring and the board against a direct
count of the facts), so 100,000 takes minutes instead of hours of scoring. The first build
after a questionnaire change (every row scored again) is measured by its own run: its rate,
what a page view costs meanwhile and whether it shows the progress; at 100,000 for a window
of BKA_BENCH_DASH_BUILD_WINDOW seconds (default 60) and extrapolated, then stopped.

At 100,000 (2026-12-07, 23:00, a load of 13-20 on 2 cores: absolute times many times the
quiet machine's, ratios interleaved): local cold 1.46x, after one save 1.74x, list page 3.23x;
PostgreSQL cold 2.83x, after one save 2.48x (both over 2x), list page 1.65x. Filling took
51 min locally (chunks of 5,000 then; 25,000 now, since each import rewrites every shard's
overview index) and 26 min in PostgreSQL at that load. At 10,000 (load 5): local cold 1.10x,
after one save 1.23x, 55 MB, list page 2.91x; the rebuild after a questionnaire change 42
assessments a second in the background, a page view meanwhile median 1.1 s (GIL and load
shared with the build), every view showing the progress.

Counted from one index (2026-12-08, PostgreSQL 100,000, load 13-26, runs interleaved): the
board read overview_facts whole three times (each row ~1.1 KB, 0.8 KB of it the facts as
JSON: 232 MB against the peer's 10 MB), once only to list the rows not counted, and its
estimated cost passed jit_above_cost, so PostgreSQL spent up to 0.77 s compiling it. Now an
index of every column the counts read (migration 0007, index-only scans; 19 MB), the rows not
counted looked up through it, no JIT on our connections: cold 2.33x -> 1.09x, after one save
2.25x -> 1.19x, a fresh `bka dashboard` 82 -> 80 MB (the list page, not changed, 2.04x and
1.03x in the two runs). A build's bulk link now ends with a VACUUM of the facts table (the
fill's too), so the scans are index-only at once. The login mode counts a person's rows in
Python (which row stands for a decision is linked over all rows, not among those one person
sees); reading the revisions of those rows only, not of all 100,000: a unit's 6,321 rows
~0.95 s against the whole board's 0.86 s from the database, interleaved, 123 MB; an
administrator sees every row and is counted by the database (before: every row in Python,
13 s warm and 806 MB at that load).

The list's page at the first look after a save (2026-12-08, a load of 10-25 on 2 cores,
interleaved): it fetched the overview's whole 17-column record in five statements and made
50 of them; now only the columns the page shows (records.Listed, the same in both stores),
the trust and the total in one head statement. Local 10,000: 3.29x -> 2.06-2.31x; 100,000:
2.33x; shown again 0.3-0.45x. PostgreSQL 10,000: 1.20x -> 1.10x after a save, 1.30x ->
1.33x shown again (each a round trip and a transaction, the same as the peer's).

Run: .venv/bin/python -m bench.bench_dashboard [--count 10000] [--runs 5] [--store
tinydb|postgres|both] [--part all|page] (page: the list's page alone); PostgreSQL's count is
$BKA_BENCH_DASH_PG_COUNT, else the same. BKA_BENCH_DASH_PG_KEEP=<folder> keeps PostgreSQL's
filled server in <folder>/<count> (a short path: the server's socket lives there) and the next
run with that folder and count reuses it instead of filling again (6-26 minutes at 100,000 on
a busy machine); the rebuild after a questionnaire change is then not run, since it would
leave the kept rows stale. Remove the folder (as root: it belongs to the postgres user) to
fill anew. The goal's size, 100,000 on both stores: `--count 100000`, or
BKA_BENCH_DASH_COUNT=100000 for `make bench` (which runs 10,000 by default); expect tens of
minutes to fill on a busy 2-core machine. Do not change the questionnaires or the code of the
facts while it runs: the fresh `bka dashboard` process of the memory figure would see every
fact stale and score them all again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.services import dashboard_facts, fact_builder
from app.services.dashboard import board
from app.store import AssessmentStore, TinyDBAssessmentStore
from app.store.facts import local
from bench import child_peak, dashboard_fill

TODAY = dt.date(2027, 6, 1)
PEER_TABLES = """
DROP TABLE IF EXISTS peer_facts;
DROP TABLE IF EXISTS peer_keys;
CREATE TABLE peer_facts (id TEXT PRIMARY KEY, committee TEXT NOT NULL, year INTEGER NOT NULL,
  status TEXT NOT NULL, kind TEXT NOT NULL, level TEXT, heard INTEGER NOT NULL);
CREATE INDEX peer_facts_counted ON peer_facts (status, committee, year);
CREATE TABLE peer_keys (id TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
  PRIMARY KEY (id, kind, key));
"""
PEER_FILL = ("INSERT INTO peer_facts SELECT id, committee, year, status, kind, level, heard "
             "FROM overview_facts WHERE kind IN ('assessment', 'screening')",
             "INSERT INTO peer_keys SELECT id, kind, key FROM overview_fact_keys")
#: the rows as a change of the questionnaires leaves them: scored with another set
STALE = "UPDATE overview_facts SET stamp = 'before-a-questionnaire-change' WHERE stamp <> ''"
PEER_COUNTS = ("SELECT committee, year, kind, level, heard, count(*) FROM peer_facts "
               "GROUP BY committee, year, kind, level, heard",
               "SELECT k.kind, k.key, count(*) FROM peer_keys k JOIN peer_facts f "
               "ON f.id = k.id GROUP BY k.kind, k.key")


def ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def paired(ours: list[float], peer: list[float]) -> float:
    """The median of each run's ratio to the peer's run beside it: on a shared machine whose
    load moves during a run, a pair measured a moment apart shares that moment's load."""
    return statistics.median(a / b for a, b in zip(ours, peer, strict=True))


def cold(folder: Path | None) -> None:
    """As a fresh process: nothing parsed or connected is kept."""
    dashboard_facts.forget()
    for handle in list(local._OPEN.values()):
        local.LocalFacts._close(handle)
    board(folder, None, None, TODAY, statuses=None)


def beside(name: str, ours: Callable[[], object], peer: Callable[[], object], runs: int,
           goal: float) -> None:
    a, b = [], []
    for _ in range(runs):
        a.append(ms(ours))
        b.append(ms(peer))
    ratio = paired(a, b)
    print(f"  {name:<34} ours {statistics.median(a):8.1f} ms   GROUP BYs "
          f"{statistics.median(b):7.1f} ms   ratio {ratio:5.2f}x   goal <= {goal:g}x "
          + ("ok" if ratio <= goal else "OVER"))


def measure(store: AssessmentStore, folder: Path | None, runs: int,
            peer: Callable[[], None], env: dict[str, str], filled: dashboard_fill.Filled,
            ) -> None:
    count = len(store.revision_map())
    print(f"  {filled.summary(count)}")
    print(f"  {dashboard_fill.check(store, filled, folder, TODAY)}")
    beside("cold (fresh process)", lambda: cold(folder), peer, runs, 2)
    ids = list(filled.sample)
    counter = iter(range(10**6))

    def after_a_save() -> None:
        aid = ids[next(counter) % len(ids)]
        store.set_decision(aid, store.get(aid).decision.model_copy(
            update={"title": f"Ändrad titel {next(counter)}"}), editor="bench")

    samples, peers = [], []
    for _ in range(runs):
        after_a_save()  # not measured: the save (with its facts row)
        samples.append(ms(lambda: board(folder, None, None, TODAY, statuses=None)))
        peers.append(ms(peer))
    ratio = paired(samples, peers)
    print(f"  {'after one save':<34} ours {statistics.median(samples):8.1f} ms   GROUP BYs "
          f"{statistics.median(peers):7.1f} ms   ratio {ratio:5.2f}x   goal <= 2x "
          + ("ok" if ratio <= 2 else "OVER"))
    peak, total = peak_mb(folder, env)
    assert total == sum(filled.groups.values()), f"bka dashboard counted {total:,}"
    print(f"  {'memory, fresh bka dashboard':<34} {peak:8.0f} MB   goal <= 200 MB "
          + ("ok" if peak <= 200 else "OVER") + f"   (it counted {total:,})")


def peak_mb(folder: Path | None, env: dict[str, str]) -> tuple[float, int]:
    """Peak resident size of a fresh `bka dashboard --json` process (that process alone),
    and the total it printed."""
    where = ["--data-dir", str(folder)] if folder is not None else []
    done = child_peak.run("app.cli.main", ["dashboard", "--json", *where, "--status", "all",
                                           "--today", TODAY.isoformat()], env=env)
    if done.returncode != 0:
        raise RuntimeError(f"bka dashboard failed: {done.stderr.strip()[-500:]}")
    return done.peak_mb, int(json.loads(done.stdout)["total"])


def rebuild(store: AssessmentStore, folder: Path | None, stale: Callable[[], None],
            window: float) -> None:
    """The first build after a questionnaire change: every row scored again, in the
    background (`stale` leaves the rows as a change of the questionnaires leaves them:
    scored with another set). Page views meanwhile, each timed, each asked whether it
    shows the progress; the build's rate, and its whole time extrapolated when it runs
    longer than `window` seconds (then it is stopped: what it scored is kept)."""
    idle = [ms(lambda: board(folder, None, None, TODAY, statuses=None)) for _ in range(5)]
    stale()
    dashboard_facts.forget()
    location = store.facts.location  # type: ignore[attr-defined]
    started = time.perf_counter()
    first = board(folder, None, None, TODAY, statuses=None)  # the view that starts it
    first_ms = (time.perf_counter() - started) * 1000
    views: list[float] = []
    shown: list[bool] = []
    job = first.building
    while job is not None and job.running and time.perf_counter() - started < window:
        time.sleep(0.5)  # a page's fragment asks every 2 s; a few sessions at once
        t = time.perf_counter()
        seen = board(folder, None, None, TODAY, statuses=None)
        views.append((time.perf_counter() - t) * 1000)
        shown.append(seen.building is not None or not job.running)
    elapsed = time.perf_counter() - started
    done, total = (job.done, job.total) if job is not None else (0, 0)
    finished = job is None or not job.running
    if not finished:
        fact_builder.stop(location)
    rate = done / elapsed if elapsed else 0.0
    whole = f"{elapsed:.0f} s" if finished else (
        f"{total / rate:.0f} s extrapolated from {done:,} in {elapsed:.0f} s" if rate
        else "nothing scored")
    print(f"  {'rebuild after a questionnaire change':<34} {total:,} in the background: "
          f"{rate:.0f} an s, {whole}")
    if views:
        print(f"  {'page view while it runs':<34} median {statistics.median(views):6.1f} ms "
              f"(without a build {statistics.median(idle):.1f} ms), slowest "
              f"{max(views):6.1f} ms over {len(views)} views; progress shown in "
              f"{sum(shown)} of {len(views)}; the view that started it {first_ms:.0f} ms "
              f"(waits up to {fact_builder.GRACE:g} s for a small build)")
    else:
        print(f"  {'page view while it runs':<34} none: the build ended within "
              f"{first_ms:.0f} ms (the view that starts it waits up to "
              f"{fact_builder.GRACE:g} s)")


def page_beside(store: AssessmentStore, peer: Callable[[], object], runs: int,
                ids: list[str]) -> None:
    """The list's page of 50 beside the bare indexed query of its rows, interleaved, at the
    two moments a person meets it: the first look after a save (someone saved, then opens
    the overview: nothing kept can serve it) and shown again with nothing written (a rerun,
    the next click). The save itself is not timed; locally its row is written into the
    index by the store's own thread, as after a save on the assessment's page."""
    store.page(limit=50)  # the list's index filled, as after the first view
    counter = iter(range(10**6))
    first, again, peers, peers_again = [], [], [], []
    for _ in range(runs):
        aid = ids[next(counter) % len(ids)]
        store.set_decision(aid, store.get(aid).decision.model_copy(
            update={"title": f"Ändrad titel {next(counter)}"}), editor="bench")
        settle(store)
        first.append(ms(lambda: store.page(limit=50)))
        peers.append(ms(peer))
        again.append(ms(lambda: store.page(limit=50)))
        peers_again.append(ms(peer))
    for name, a, b in (("list page of 50: after a save", first, peers),
                       ("list page of 50: shown again", again, peers_again)):
        ratio = paired(a, b)
        print(f"  {name:<34} ours {statistics.median(a):8.2f} ms   indexed query "
              f"{statistics.median(b):6.2f} ms   ratio {ratio:5.2f}x   goal <= 3x "
              + ("ok" if ratio <= 3 else "OVER"))


def settle(store: AssessmentStore) -> None:
    """A local save's rows in the index, written by a thread other than the reader's (as
    the store's own thread writes them): the reader's connection sees another's commit."""
    facts = getattr(store, "facts", None)
    backlog = getattr(facts, "backlog", None)
    if backlog is not None:
        writer = threading.Thread(target=backlog.drain)
        writer.start()
        writer.join()


def tinydb(count: int, runs: int, window: float, part: str = "all") -> None:
    import sqlite3

    with tempfile.TemporaryDirectory(prefix="bka-bench-dash-") as name:
        folder = Path(name)
        print(f"\nLocal folder (SQLite index), {count:,}")
        filled = dashboard_fill.fill_local(folder, count, 20261201)
        store = TinyDBAssessmentStore(folder)
        index = folder / local.FILE
        peer_db = folder / "peer.sqlite3"
        db: Any = None

        def peer() -> None:
            nonlocal db
            if db is None:
                db = sqlite3.connect(peer_db)
                db.execute(f"ATTACH DATABASE '{index}' AS idx")
                db.executescript(PEER_TABLES)
                for query in PEER_FILL:
                    db.execute(query.replace("FROM overview", "FROM idx.overview"))
                db.commit()
            for query in PEER_COUNTS:
                db.execute(query).fetchall()

        def stale() -> None:
            with sqlite3.connect(index) as conn:
                conn.execute(STALE)

        env = {**os.environ, "BKA_DATA_DIR": str(folder)}
        env.pop("BKA_DATABASE_URL", None)
        if part == "all":
            measure(store, folder, runs, peer, env, filled)
        rows_db = sqlite3.connect(index)
        page_beside(store, lambda: rows_db.execute(
            "SELECT id, title, case_number, committee, status, updated FROM overview_rows "
            "ORDER BY ord DESC, id LIMIT 50").fetchall(), runs * 20, list(filled.sample))
        if part == "all":
            rebuild(store, folder, stale, window)


def postgres(count: int, runs: int, window: float, part: str = "all") -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    import pg_server

    if pg_server.binaries() is None:
        print("PostgreSQL: skipped, not installed (apt-get install postgresql)")
        return
    from sqlalchemy import text

    from app.store.postgres.store import PostgresAssessmentStore

    keep = os.environ.get("BKA_BENCH_DASH_PG_KEEP")
    kept = Path(keep) / f"{count}" if keep else None
    with pg_server.running(fsync=True, keep=kept) as server:
        url = server.url()
        print(f"\nPostgreSQL, {count:,}")
        previous = os.environ.get("BKA_DATABASE_URL")
        os.environ["BKA_DATABASE_URL"] = url  # board() opens the store as the app does
        store = PostgresAssessmentStore(url)  # (the schema made, as the app makes it)
        record = kept / "filled.json" if kept is not None else None
        if record is not None and record.exists():
            filled = dashboard_fill.Filled.load(record)
            print(f"  reusing the fill kept in {kept}")
        else:
            filled = dashboard_fill.fill_server(url, count, 20261202)
            if record is not None:
                filled.save(record)
        prepared: list[bool] = []

        def peer() -> None:
            with store.engine.begin() as conn:
                if not prepared:
                    conn.execute(text(PEER_TABLES))
                    for query in PEER_FILL:
                        conn.execute(text(query))
                    conn.execute(text("ANALYZE"))
                    prepared.append(True)
                for query in PEER_COUNTS:
                    conn.execute(text(query)).all()

        def bare_page() -> None:
            with store.engine.begin() as conn:
                conn.execute(text(
                    "SELECT id, title, case_number, committee, status, updated FROM assessments "
                    "WHERE deleted_at IS NULL ORDER BY updated DESC, id LIMIT 50")).all()

        def stale() -> None:
            with store.engine.begin() as conn:
                conn.execute(text(STALE))

        try:
            if part == "all":
                measure(store, None, runs, peer, {**os.environ}, filled)
            page_beside(store, bare_page, runs * 20, list(filled.sample))
            if part == "all" and kept is None:
                rebuild(store, None, stale, window)
            elif part == "all":  # it would leave the kept rows stale for the next run
                print(f"  {'rebuild after a questionnaire change':<34} not run on a kept fill")
        finally:
            if previous is None:
                os.environ.pop("BKA_DATABASE_URL", None)
            else:
                os.environ["BKA_DATABASE_URL"] = previous


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int,
                        default=int(os.environ.get("BKA_BENCH_DASH_COUNT", "10000")))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", choices=["tinydb", "postgres", "both"], default="both")
    parser.add_argument("--part", choices=["all", "page"], default="all",
                        help="page: only the overview list's page beside its indexed query")
    args, _ = parser.parse_known_args()
    # a whole rebuild at 10,000 takes about a minute; at 100,000 a window, extrapolated
    window = float(os.environ.get("BKA_BENCH_DASH_BUILD_WINDOW",
                                  "600" if args.count <= 10_000 else "60"))
    dashboard_facts.register()
    print("The council overview beside its GROUP BYs")
    if args.store in ("tinydb", "both"):
        tinydb(args.count, args.runs, window, args.part)
    if args.store in ("postgres", "both"):
        # a board there costs tens of ms: three times the runs for the same minute
        postgres(int(os.environ.get("BKA_BENCH_DASH_PG_COUNT", str(args.count))),
                 args.runs * 3, window, args.part)


if __name__ == "__main__":
    main()
