"""`bka api` as a real uvicorn process on loopback, on a free port, for the API tests and the
benchmark. The store it opens is the one the environment selects (BKA_DATABASE_URL or the
data folder given)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx
from browser import _stop_group as stop_group
from browser import free_port

from app.services.paths import ROOT


@contextmanager
def running_api(data: Path, args: Sequence[str] = (),
                output: list[str] | None = None) -> Iterator[str]:
    """Start `bka api --data-dir data`; yields the base URL once /v1/health answers."""
    port = free_port()
    bka = Path(sys.executable).with_name("bka")
    # the output to a file, not a pipe: a pipe nobody reads fills up and stops the server
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [str(bka), "api", "--port", str(port), "--data-dir", str(data), *args],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"bka api did not start:\n{log.read().decode()}")
                time.sleep(0.2)
            yield base
        finally:
            stop_group(process)
            log.seek(0)
            if output is not None:
                output.append(log.read().decode(errors="replace"))
