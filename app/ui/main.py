"""The app's entry script: everything it does is app/ui/entry.py's main() (page setup,
language, navigation), so that this file stays a few lines to compile."""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run app/ui/main.py` puts app/ui on sys.path, not the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.ui.entry import main  # noqa: E402

main()
