"""BKA: child-rights impact assessment engine."""
