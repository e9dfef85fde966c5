"""`bka`: validate, list, score, report and serve. Thin: parse the arguments, call, print.

Only the module of the command being run is imported (registry.py): `bka serve` starts
Streamlit without loading the models, `bka report` without the store's commands.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from app.cli import plugins_off, startup
from app.cli.registry import COMMANDS

Handler = Callable[[argparse.Namespace], int]
#: pydantic looks for plugins of its own (observability hooks) in every installed package's
#: metadata when it builds the first model: ~10 ms of each command's start. bka installs none;
#: an operator who adds one sets this variable to "" (pydantic's own switch, kept if set).
NO_PLUGINS = ("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _parser(command: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bka",
        description="Barnkonsekvensanalys: child-rights impact assessments, local and scored.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    wanted = COMMANDS.get(command or "")
    if wanted is not None:
        # Only the command being run is parsed: the others' parsers (argparse makes one each,
        # ~2 ms for all) are for `bka --help` and a mistyped command's message.
        importlib.import_module(wanted.module).register(sub)
        return parser
    for name, entry in COMMANDS.items():
        if name not in sub.choices:  # listed in --help; its module is not needed this time
            sub.add_parser(name, help=entry.help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault(*NO_PLUGINS)  # before a command's module builds any model
    if argv is None:  # `bka` itself, not a caller of main() (a test, a script)
        startup.claim()
        plugins_off.skip_lookup()  # its process only: a caller's pydantic stays as it was
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and not argv[0].startswith("-") else None
    with startup.lasting():  # the command's modules, made once (startup.py)
        args = _parser(command).parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from app.store import StoreError

        if not isinstance(exc, StoreError):
            raise
        # Every store error is a plain sentence (what, where, what to do): no traceback.
        print(f"bka {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
