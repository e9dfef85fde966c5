"""The HTTP API for case-management systems (`bka api`): a separate process on the same
store as the app. See docs/API.md."""
