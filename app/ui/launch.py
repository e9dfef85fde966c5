"""`python -m app.ui.launch run app/ui/main.py ...`: Streamlit's command line, sealed first.

`bka serve` runs this instead of `python -m streamlit`, so that Streamlit never looks up the
machine's public address (see app/ui/offline.py), not even for its start banner, and its
websocket opens only for a page of the app itself (app/ui/origin.py).

The served app is never edited in place, so two of Streamlit's defaults for a script being
written are turned off (`SERVED`); a caller may still set either itself. Profiled under a
workshop of thirty, they were most of the server's CPU per change: after every run the file
watcher looked up the real path of every imported module (about 38%, plus its polling threads
about 20%), and a full garbage collection walked the whole heap (about 15%). Python's own
collector still runs as objects are made.
"""

from __future__ import annotations

import sys

from app.ui import origin
from app.ui.offline import seal

#: Streamlit options for a served app: (option, value).
SERVED = (("server.fileWatcherType", "none"), ("runner.postScriptGC", "false"))


def served(argv: list[str]) -> list[str]:
    """`argv` (Streamlit's command line after "run") with the served app's options added,
    unless given."""
    given = {arg.split("=", 1)[0] for arg in argv if arg.startswith("--")}
    extra = [part for option, value in SERVED if f"--{option}" not in given
             for part in (f"--{option}", value)]
    return [*argv, *extra]


def main() -> None:
    seal()
    origin.install()  # the websocket opens only for the app's own pages
    from streamlit.web.cli import main as streamlit_main

    sys.argv[0] = "streamlit"
    if sys.argv[1:2] == ["run"]:
        sys.argv[1:] = served(sys.argv[1:])
    streamlit_main()


if __name__ == "__main__":
    main()
