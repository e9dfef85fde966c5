"""Nothing leaves the machine: Streamlit's own lookups of the outside world, switched off.

Streamlit asks checkip.amazonaws.com for the machine's public address when it prints its
start banner in headless mode and when a websocket comes from an origin it does not know
(`streamlit/net_util.py`, `get_external_ip`). No config option turns that off, so `seal()`
replaces the function with one that answers "no public address". `bka serve` starts Streamlit
through `app.ui.launch`, which seals before the server starts; main.py seals again for a
plain `streamlit run`.
"""

from __future__ import annotations

from pathlib import Path

ICON = Path(__file__).parent / "assets" / "icon.png"  #: the favicon, served by the app itself


def _no_external_ip() -> None:
    return None


def seal() -> None:
    from streamlit import net_util

    net_util.get_external_ip = _no_external_ip  # type: ignore[assignment]
    net_util._external_ip = None
