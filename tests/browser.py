"""Starting the app as `make run` does and driving it in headless Chromium."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.services.paths import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium (.ci/run installs it)")
        pytest.skip("Debian's chromium is not installed")


def until(check: Callable[[], bool], what: str, seconds: float = 30) -> None:
    """Wait for a stored state (the store is read, not the clock): fails saying what."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.2)


# The run's state as Streamlit's own frame writes it on the app's root element ("running",
# "notRunning", ...): the app hides the toolbar (toolbarMode "minimal"), so the running sign
# (stStatusWidget) is never drawn and cannot be waited for.
_IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-stale="true"]')
    && !document.querySelector('[data-testid="stSkeleton"]');
}"""

# Counts the runs the page has seen end (the root element's state turning to "notRunning"),
# installed on first use; a new document starts from nothing. Each change is read from the
# mutation records, not from the attribute once per batch, which missed a run under load.
_RUNS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (app === null) return 0;
  if (window.__bkaRuns === undefined || window.__bkaRunsOn !== app) {
    window.__bkaRuns = 0;
    window.__bkaRunsOn = app;
    // Every change, from the records' old values: a starved page delivers a run's start and
    // end in one batch, and the attribute read then says "notRunning" as before the run.
    new MutationObserver((records) => {
      const states = [...records.map(r => r.oldValue),
                      app.getAttribute('data-test-script-state')];
      for (let i = 1; i < states.length; i++) {
        if (states[i] === 'notRunning' && states[i - 1] !== 'notRunning') window.__bkaRuns += 1;
      }
    }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state'],
                     attributeOldValue: true});
  }
  return window.__bkaRuns;
}"""


def idle(page: Any, timeout_ms: int = 30_000) -> None:
    """The app has drawn the page and stopped running: its root element says "notRunning",
    and nothing is left over from the run before (Streamlit fades those while a run draws the
    page again). Just after an input the run it starts may not have begun: use `runs`/`ran`."""
    page.wait_for_function(_IDLE, timeout=timeout_ms)


def runs(page: Any) -> int:
    """How many runs the page has seen end; call before an input, and `ran` after it."""
    count: int = page.evaluate(_RUNS)
    return count


def ran(page: Any, before: int, timeout_ms: int = 30_000) -> None:
    """A run started after `runs` returned `before` has ended and the page is idle: the
    page as the input's run drew it, not the one it replaces."""
    page.wait_for_function(f"() => window.__bkaRuns > {int(before)} && ({_IDLE})()",
                           timeout=timeout_ms)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def running_app(data: Path, args: Sequence[str] = (), output: list[str] | None = None,
                host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """`bka serve` on a free port (or `port`) and a fresh data folder; yields the base URL.
    `args` go to `bka serve` (e.g. --lan); `output` receives the server's output when it has
    stopped."""
    port = port or free_port()
    bka = Path(sys.executable).with_name("bka")
    process = subprocess.Popen(
        [str(bka), "serve", "--port", str(port), "--data-dir", str(data), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the Streamlit child is stopped too
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection((host, port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    log = process.stdout.read().decode() if process.stdout else ""
                    raise RuntimeError(log) from None
                time.sleep(0.3)
        yield f"http://{host}:{port}"
    finally:
        _stop_group(process)
        if output is not None and process.stdout:
            output.append(process.stdout.read().decode(errors="replace"))


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """`bka serve` and the Streamlit server it started, both: a server left behind would keep
    its port and the output pipe open. SIGTERM, then SIGKILL for whatever is left after 10 s."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            process.poll()  # reap the parent, or the group never looks empty
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)


@contextmanager
def from_another_machine(base: str, source: str = "127.0.0.2") -> Iterator[str]:
    """The app as a browser on another machine reaches it: a TCP relay on a free port whose
    connections to the app leave from `source`, a loopback address that is not 127.0.0.1
    (the only ones Streamlit counts as this machine, with ::1). Yields the relay's base URL."""
    target = base.rsplit(":", 1)
    host, port = target[0].split("//")[1], int(target[1])
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    stop = threading.Event()

    def pump(a: socket.socket, b: socket.socket) -> None:
        try:
            while chunk := a.recv(65536):
                b.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (a, b):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                continue
            upstream = socket.socket()
            upstream.bind((source, 0))
            upstream.connect((host, port))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=pump, args=(a, b), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def confirm_review(page: Any) -> int:
    """The reviewer ticks every generated question in the review step (the approval counts
    only then), each tick waited for until the app has stored it and drawn the page again.
    Returns how many there were."""
    from playwright.sync_api import expect

    idle(page)
    boxes = page.locator(".st-key-review_confirm input[type=checkbox]")
    count = boxes.count()
    for i in range(count):
        box = boxes.nth(i)
        if not box.is_checked():
            page.locator(".st-key-review_confirm [data-testid=stCheckbox] label").nth(i).click()
            expect(box).to_be_checked()
            idle(page)
    return count


@contextmanager
def app_page(data: Path, path: str, *, slow_mo: int = 0, first_ms: int = 90_000,
             wait_ms: int = 30_000, before: Callable[[Any], None] | None = None) -> Iterator[Any]:
    """The app on `data` (running_app) and one Chromium page on its `path`, drawn by the
    server's first run (`first_ms`: a server just started on a busy machine is slow); every
    later wait of the page is `wait_ms`. `before` is called with the page before it opens
    (to route its connection); `slow_mo` slows each input, as a person types."""
    from playwright.sync_api import sync_playwright

    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, slow_mo=slow_mo)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            page.set_default_timeout(wait_ms)
            if before is not None:
                before(page)
            page.goto(base + path)
            idle(page, first_ms)
            yield page
        finally:
            browser.close()
