"""A workshop of 30 on one server: each person changes an answer every 3 s, and the server is
measured beside a bare Streamlit page with the same widgets under the same load.

The clients are websocket clients in this process (Streamlit's own protocol: a rerun message
carrying the changed text area's value and, as the browser sends it, the fragment the area was
drawn in, if any). A run the script ends to run again (st.rerun) counts until the run it
started has finished. The server runs in a process group of its own, so its CPU (user +
system from /proc) is the server's alone. Click -> settled is the time from sending the
change to the server's "script finished": the server's share of what a person waits for (a
browser on another machine adds its drawing).

Both servers run with the options the app is served with (app/ui/launch.py: no file watcher,
no full garbage collection after each run), so the ratio is the page's cost, not the
configuration's. The server's memory at the end of the load is printed beside its CPU.

Beside each: the elements (and containers) a change's run sends, the median per change; the
server builds, serialises and sends each one, so it is most of what a change costs.

Goals (per change): server CPU and p95 click -> settled; p95 <= 1 s for 30 people.
Run: .venv/bin/python -m bench.bench_workshop [--users 30] [--seconds 40] [--interval 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.loading import load_assessment
from app.core.text import tr
from app.services.paths import EXAMPLES_DIR, ROOT
from app.services.shipped import catalog
from app.ui.launch import SERVED
from bench.bench_ui import PEER, _peer_questions

TICKS = os.sysconf("SC_CLK_TCK")
REPLY_WITHIN = 300.0  #: seconds: a run never finished is an error, not a hang


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


@dataclass
class Server:
    command: list[str]
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        self.process = subprocess.Popen(
            [*self.command, "--server.port", str(self.port)], env=self.env, cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health",
                                            timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


@dataclass
class Widget:
    proto: Any  #: the widget's element (its options, for the section list)
    fragment: str  #: the fragment it was drawn in ("" for the page): a change reruns that


@dataclass
class Drawn:
    """What one change's run sent the browser."""

    widgets: dict[str, Widget] = field(default_factory=dict)  #: the widgets it drew, by id
    elements: int = 0  #: elements and containers sent (what the server built and serialised)


async def _run(ws: object, message: bytes) -> Drawn:
    """Send one rerun and read until its script finished (a run the script ended early to run
    again, st.rerun, goes on to the run it started): what it drew."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    await ws.send(message)  # type: ignore[attr-defined]
    drawn = Drawn()
    widgets = drawn.widgets
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await ws.recv())  # type: ignore[attr-defined]
        kind = msg.WhichOneof("type")
        if (kind == "script_finished"
                and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
            return drawn
        if kind == "delta" and (msg.delta.HasField("new_element")
                                or msg.delta.HasField("add_block")):
            drawn.elements += 1
        if kind == "delta" and msg.delta.HasField("new_element"):
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            proto = getattr(element, which or "", None)
            if getattr(proto, "id", None):
                widgets[proto.id] = Widget(proto, msg.delta.fragment_id)  # type: ignore


def _find(widgets: dict[str, Widget], key: str) -> tuple[str, Widget] | None:
    return next(((wid, w) for wid, w in widgets.items() if wid.endswith(key)), None)


@dataclass
class Person:
    query: str  #: the address's query (the guided page: ?id=...)
    page: str  #: the page's address name
    key: str  #: the end of the text area's widget id (its key)
    section: str = ""  #: the section list's option to pick first (the guided page)


@dataclass
class Start:
    """Every person set up (connected, section open) before the measured changes begin."""

    ready: asyncio.Barrier
    go: asyncio.Event = field(default_factory=asyncio.Event)
    until: float = 0.0


async def person(port: int, who: Person, start: Start, interval: float,
                 rng: random.Random, waits: list[float], elements: list[int]) -> None:
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg

    def rerun(widget: str | None = None, text: str = "", fragment: str = "") -> bytes:
        back = BackMsg()
        back.rerun_script.query_string = who.query
        back.rerun_script.page_name = who.page
        # As the browser does: a change to a widget drawn in a fragment reruns the fragment.
        back.rerun_script.fragment_id = fragment
        if widget is not None:
            state = back.rerun_script.widget_states.widgets.add()
            state.id = widget
            state.string_value = text
        return back.SerializeToString()

    async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                                  additional_headers={"Origin": f"http://127.0.0.1:{port}"},
                                  subprotocols=["streamlit"],  # type: ignore[list-item]
                                  max_size=None, open_timeout=60,
                                  # A loaded server answers late: that is the measurement
                                  # (p95), not a dead connection to give up on.
                                  ping_interval=None) as ws:
        try:
            found = await _open(ws, who, rerun)
        except BaseException:
            await start.ready.abort()  # the others stop waiting for this one; the error is seen
            raise
        await start.ready.wait()
        await start.go.wait()
        await asyncio.sleep(rng.uniform(0, interval))  # people do not type in step
        n = 0
        while time.monotonic() < start.until:
            n += 1
            sent = time.perf_counter()
            drawn = await asyncio.wait_for(_run(ws, rerun(found[0], f"Gruppens svar, ändring {n}",
                                                          found[1].fragment)), REPLY_WITHIN)
            waits.append(time.perf_counter() - sent)
            elements.append(drawn.elements)
            await asyncio.sleep(max(0.0, interval - (time.perf_counter() - sent)))


async def _open(ws: Any, who: Person, rerun: Callable[..., bytes]) -> tuple[str, Widget]:
    """Open the page (and the section, as a click in the section list does); the text area."""
    widgets = (await asyncio.wait_for(_run(ws, rerun()), REPLY_WITHIN)).widgets
    if who.section:
        nav = _find(widgets, "-nav")
        if nav is None:
            raise RuntimeError("no section list on the guided page")
        option = next(o for o in nav[1].proto.options if who.section in o)
        widgets = (await asyncio.wait_for(_run(ws, rerun(nav[0], option, nav[1].fragment)),
                                          REPLY_WITHIN)).widgets
    found = _find(widgets, who.key)
    if found is None:
        raise RuntimeError(f"no widget {who.key!r} on the page")
    return found


def rss_mib(pid: int) -> float:
    """The process's resident memory now."""
    pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@dataclass
class Load:
    """One server under the load."""

    cpu: float = 0.0  #: server CPU seconds
    waits: list[float] = field(default_factory=list)  #: each change's click -> settled
    elements: list[int] = field(default_factory=list)  #: each change's elements sent


def load(server: Server, people: list[Person], seconds: float, interval: float) -> Load:
    """Run the people against the server."""
    assert server.process is not None
    result = Load()
    waits = result.waits
    rng = random.Random(30)
    used: list[float] = []

    async def everyone() -> None:
        start = Start(asyncio.Barrier(len(people) + 1))
        tasks = [asyncio.create_task(person(server.port, who, start, interval, rng, waits,
                                            result.elements))
                 for who in people]
        await start.ready.wait()
        used.append(cpu_seconds(pid))
        start.until = time.monotonic() + seconds
        start.go.set()
        await asyncio.gather(*tasks)
        used.append(cpu_seconds(pid))
        print(f"  (server memory after the load: {rss_mib(pid):.0f} MiB)")

    pid = server.process.pid
    asyncio.run(everyone())
    result.cpu = used[1] - used[0]
    return result


def report(name: str, run: Load) -> tuple[float, float]:
    waits = run.waits
    per_change = run.cpu / max(1, len(waits)) * 1000
    ordered = sorted(waits)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)] if ordered else float("nan")
    print(f"  {name:<12} {len(waits):4d} changes   server CPU {per_change:6.1f} ms/change   "
          f"click -> settled median {statistics.median(ordered) * 1000:6.0f} ms   "
          f"p95 {p95 * 1000:6.0f} ms   elements per change "
          f"{statistics.median(run.elements or [0]):.0f}")
    return per_change, p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--interval", type=float, default=3.0)
    args = parser.parse_args()
    from app.store import open_store

    with tempfile.TemporaryDirectory(prefix="bka-bench-workshop-") as tmp:
        data = Path(tmp)
        env = {**os.environ, "BKA_DATA_DIR": str(data)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        example, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
        draft = example.model_copy(update={"id": None, "status": "draft"})
        store = open_store(data)
        ids = [store.create(draft, editor="bench").id or "" for _ in range(args.users)]
        q = catalog().questionnaires[example.questionnaire.id]
        section = max(q.sections, key=lambda s: len(s.questions))
        text_q = next(qu for qu in section.questions if qu.type == "text" and qu.multiline)
        peer_file = data / "peer.py"
        peer_file.write_text(PEER.format(path=str(data / "peer-answers.json"),
                                         questions=_peer_questions(section.questions, "sv")),
                             encoding="utf-8")
        flags = ["--server.headless", "true", "--browser.gatherUsageStats", "false",
                 "--server.address", "127.0.0.1"]
        served = [part for option, value in SERVED for part in (f"--{option}", value)]
        streamlit = str(Path(sys.executable).with_name("streamlit"))
        print(f"{args.users} people, a change each every {args.interval:g} s for "
              f"{args.seconds:g} s; section '{section.id}'")
        ours = Server([sys.executable, "-m", "app.ui.launch", "run",
                       str(ROOT / "app" / "ui" / "main.py"), *flags], env)
        with ours:
            title = tr(section.title, "sv")
            people = [Person(f"id={aid}", "analys", f":{aid}:{text_q.id}:", title)
                      for aid in ids]
            ours_run = load(ours, people, args.seconds, args.interval)
        saved = sum(str(getattr(store.get(aid).answers.get(text_q.id), "value", "")).startswith(
            "Gruppens svar") for aid in ids)
        print(f"  (the guided page stored the changed answer of {saved} of {len(ids)} people)")
        with Server([streamlit, "run", str(peer_file), *flags, *served], env) as bare:
            bare_run = load(bare, [Person("", "", f"-{text_q.id}")] * args.users,
                            args.seconds, args.interval)
        a, a95 = report("guided page", ours_run)
        b, b95 = report("bare page", bare_run)
        print(f"  ratio        server CPU per change {a / b:5.2f}x   p95 {a95 / b95:5.2f}x   "
              f"goal p95 <= 1 s")


if __name__ == "__main__":
    main()
