"""`python -m app.cli`: the same as the `bka` command."""

import sys

from app.cli.main import main

sys.exit(main())
