"""The served app runs without Streamlit's options for a script being written: no file watcher
walking every imported module after each run, no full garbage collection after each run (most
of the server's CPU per change in a workshop, bench/bench_workshop.py)."""

from __future__ import annotations

from app.ui.launch import served


def test_the_served_options_are_added_to_a_run() -> None:
    argv = served(["run", "app/ui/main.py", "--server.port", "8600"])
    assert argv[:4] == ["run", "app/ui/main.py", "--server.port", "8600"]
    options = dict(zip(argv[4::2], argv[5::2], strict=True))
    assert options == {"--server.fileWatcherType": "none", "--runner.postScriptGC": "false"}


def test_an_option_given_by_the_caller_is_kept() -> None:
    argv = served(["run", "app/ui/main.py", "--server.fileWatcherType", "poll"])
    assert argv.count("--server.fileWatcherType") == 1
    assert argv[argv.index("--server.fileWatcherType") + 1] == "poll"
    assert argv[-2:] == ["--runner.postScriptGC", "false"]
    written = served(["run", "app/ui/main.py", "--runner.postScriptGC=true"])
    assert "--runner.postScriptGC" not in written
