"""Use cases: read and write the store, call the core; the pages and commands call these."""
