import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

try:  # a shared 2-core machine answers slowly: wait as a patient user would, not 5 s
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
except ImportError:  # pragma: no cover - playwright is a dev dependency
    pass
