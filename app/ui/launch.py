"""`python -m app.ui.launch run app/ui/main.py ...`: Streamlit's command line, sealed first.

`bka serve` runs this instead of `python -m streamlit`, so that Streamlit never looks up the
machine's public address (see app/ui/offline.py), not even for its start banner.
"""

from __future__ import annotations

import sys

from app.ui.offline import seal


def main() -> None:
    seal()
    from streamlit.web.cli import main as streamlit_main

    sys.argv[0] = "streamlit"
    streamlit_main()


if __name__ == "__main__":
    main()
