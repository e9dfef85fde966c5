"""`bka serve` as an operator stops it: one PID, one signal, and the port is free."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from browser import free_port

from app.services.paths import ROOT


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def test_sigterm_to_the_serve_pid_frees_the_port(tmp_path: Path) -> None:
    port = free_port()
    bka = Path(sys.executable).with_name("bka")
    process = subprocess.Popen(
        [str(bka), "serve", "--port", str(port), "--data-dir", str(tmp_path)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # so the clean-up below can reach any child it leaves
    )
    try:
        deadline = time.monotonic() + 60
        while not _listening(port):
            assert process.poll() is None, "bka serve ended before it listened"
            assert time.monotonic() < deadline, "bka serve did not start listening"
            time.sleep(0.3)
        os.kill(process.pid, signal.SIGTERM)
        process.wait(15)
        deadline = time.monotonic() + 10
        while _listening(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _listening(port), "the server still answers after its PID was stopped"
    finally:
        # Whatever the outcome, leave nothing serving (the whole session started here).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
