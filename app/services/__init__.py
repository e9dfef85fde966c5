"""Use cases: read and write the store and call the core; the edges (ui, cli, api,
report) call these."""
