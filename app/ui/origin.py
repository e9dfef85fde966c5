"""Who may open the app's websocket: a page of the app itself, exactly.

Streamlit admits a websocket whose Origin names "localhost" or "127.0.0.1" on any port, so a
page served by any other program on this machine (another port of 127.0.0.1) could drive the
app in the user's name. Here the Origin must be the very address the browser asked for
(scheme-less host and port), and in the local mode that address must be this machine's own
name for the app (which also turns away a DNS-rebinding name pointed at 127.0.0.1).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlparse

LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


def allowed(origin: str | None, host: str | None, *, local_port: int | None) -> bool:
    """Whether a websocket from `origin` to the app asked for as `host` may open.
    `local_port`: the app's port in the local mode (listening on 127.0.0.1), else None."""
    if local_port is not None and host not in {f"{name}:{local_port}" for name in LOOPBACK}:
        return False
    if origin is None:  # not a browser (a browser always sends one): no page to forge from
        return True
    parsed = urlparse(origin)
    return parsed.scheme in ("http", "https") and bool(host) and parsed.netloc == host


def install() -> None:
    """Put the exact check in front of Streamlit's own (which still runs: its allowed
    hosts stay in force), in the server process before it starts."""
    from streamlit import config
    from streamlit.web.server.starlette import starlette_websocket

    original: Callable[[str | None, str | None], bool] = starlette_websocket._is_origin_allowed

    def exact(origin: str | None, host: str | None) -> bool:
        local = str(config.get_option("server.address") or "") in ("127.0.0.1", "localhost")
        port = int(config.get_option("server.port")) if local else None
        return allowed(origin, host, local_port=port) and original(origin, host)

    starlette_websocket._is_origin_allowed = exact
