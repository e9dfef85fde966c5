"""`python -m app.ui.launch run app/ui/main.py ...`: Streamlit's command line, sealed first.

`bka serve` runs this instead of `python -m streamlit`, so that Streamlit never looks up the
machine's public address (see app/ui/offline.py), not even for its start banner, and its
websocket opens only for a page of the app itself (app/ui/origin.py).
"""

from __future__ import annotations

import sys

from app.ui import origin
from app.ui.offline import seal


def main() -> None:
    seal()
    origin.install()  # the websocket opens only for the app's own pages
    from streamlit.web.cli import main as streamlit_main

    sys.argv[0] = "streamlit"
    streamlit_main()


if __name__ == "__main__":
    main()
