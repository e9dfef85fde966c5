"""The app's websocket opens only for a page of the app itself: in the local mode a page
served from another port of 127.0.0.1 (another program on the machine) cannot drive the app,
nor can a name pointed at 127.0.0.1 (DNS rebinding)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from browser import free_port, running_app

from app.ui.origin import allowed


def test_only_the_exact_origin_is_allowed() -> None:
    assert allowed("http://127.0.0.1:8501", "127.0.0.1:8501", local_port=8501)
    assert allowed("http://localhost:8501", "localhost:8501", local_port=8501)
    assert not allowed("http://127.0.0.1:9999", "127.0.0.1:8501", local_port=8501)
    assert not allowed("http://localhost:8501", "127.0.0.1:8501", local_port=8501)
    assert not allowed("http://evil.example:8501", "evil.example:8501", local_port=8501)
    assert not allowed("null", "127.0.0.1:8501", local_port=8501)  # a sandboxed page
    # The LAN mode: the machine's own address, as the browser asked for it.
    assert allowed("http://192.168.1.5:8501", "192.168.1.5:8501", local_port=None)
    assert not allowed("http://192.168.1.9:80", "192.168.1.5:8501", local_port=None)


def _opens(port: int, origin: str, host: str | None = None) -> bool:
    import websockets

    async def attempt() -> bool:
        headers = {"Origin": origin, **({"Host": host} if host else {})}
        try:
            async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                                          additional_headers=headers,
                                          subprotocols=["streamlit"],  # type: ignore[list-item]
                                          open_timeout=20) as ws:
                await asyncio.wait_for(ws.recv(), timeout=2)
                return True
        except TimeoutError:
            return True  # open and quiet: the app waits for the page's first message
        except Exception:
            return False

    return asyncio.run(attempt())


@pytest.mark.browser
def test_the_server_refuses_a_page_from_another_port(tmp_path: Path) -> None:
    port = free_port()
    with running_app(tmp_path / "data", port=port):
        assert _opens(port, f"http://127.0.0.1:{port}")
        assert not _opens(port, f"http://127.0.0.1:{free_port()}")
        assert not _opens(port, f"http://rebound.example:{port}", host=f"rebound.example:{port}")
