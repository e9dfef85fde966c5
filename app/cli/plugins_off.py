"""pydantic's plugin lookup, not even imported when plugins are switched off.

pydantic asks its plugin loader (`pydantic.plugin._loader.get_plugins`) for plugins when it
builds a model's validator. With PYDANTIC_DISABLE_PLUGINS set to `__all__` (what bka sets
unless the operator chose otherwise: app/cli/main.py) that function returns no plugins at
once; but its module imports `importlib.metadata` to be able to look, and that import (with
the `email` package it brings) is ~15 ms of every cold command: a tenth of all pydantic costs
a `bka report`, spent on a lookup that is off.

So, in bka's own process only and only while plugins are off, the loader's module is a small
one of ours whose `get_plugins()` gives what pydantic's gives then: nothing. Plugins switched
on (the variable empty or naming single plugins) leave pydantic's own module in place. If a
pydantic release moves the lookup elsewhere, this module is simply never asked and the
command pays the import again (tests/test_cli_plugins_off.py notices).
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable

LOADER = "pydantic.plugin._loader"
#: the values for which pydantic's own get_plugins() returns no plugins without looking
OFF = ("__all__", "1", "true")


def _no_plugins() -> Iterable[object]:
    return ()


def skip_lookup() -> bool:
    """Put the no-plugins loader in pydantic's place when plugins are off and pydantic has not
    loaded its own yet; whether ours is the one in place."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in OFF:
        return False
    if LOADER not in sys.modules:
        loader = types.ModuleType(LOADER, "pydantic's plugin loader while plugins are off "
                                  "(app/cli/plugins_off.py)")
        loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
        sys.modules[LOADER] = loader
    return getattr(sys.modules[LOADER], "get_plugins", None) is _no_plugins
