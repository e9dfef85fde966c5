"""No request leaves the machine: every page's requests go to the app's own origin only, and
the server never asks the outside world for its address, even with --lan."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app
from offline_tour import tour

pytestmark = pytest.mark.browser
HERE = Path(__file__).parent


def test_every_page_requests_only_its_own_origin(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import sync_playwright

    with running_app(tmp_path / "data") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        seen = tour(browser, base, tmp_path / "data")
        browser.close()
    print(f"{seen['requests']} requests, none elsewhere" if not seen["foreign"] else seen)
    assert seen["requests"] > 50  # the tour did load the pages
    assert seen["foreign"] == []


def test_lan_server_in_a_network_with_only_loopback(tmp_path: Path) -> None:
    """The whole tour inside `unshare -n`: the server (with --lan, where Streamlit would look
    up its public address for the banner) and the browser see only loopback."""
    need_chromium()
    if not (shutil.which("unshare") and shutil.which("ip") and os.geteuid() == 0):
        if os.environ.get("CI"):
            pytest.fail("CI runs as root with unshare and ip (util-linux, iproute2)")
        pytest.skip("needs root, unshare and ip for a network namespace")
    script = f"ip link set lo up && exec {sys.executable} {HERE / 'offline_tour.py'}"
    # A short temporary folder: Chromium keeps a socket in it, and a socket's path has room
    # for 107 bytes only (a deep pytest folder, "pytest-of-root/pytest-1173/test_lan_...",
    # made Chromium stop with "Socket path too long").
    with tempfile.TemporaryDirectory(prefix="bka-lan-") as short:
        done = subprocess.run(["unshare", "-n", "sh", "-c", script], capture_output=True,
                              text=True, timeout=600, env={**os.environ, "TMPDIR": short})
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["requests"] > 50 and seen["foreign"] == []
    server = seen["server_output"]
    assert "Network URL" in server or "URL" in server  # it did start and print its banner
    assert "External URL" not in server
    assert "Did not auto detect external IP" not in server  # the lookup was never tried
