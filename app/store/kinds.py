"""The names of the record kinds children's pages keep (a file in the data folder, a kind
in the database's records table): one place for the stores and `bka migrate`."""

from __future__ import annotations

COLLECTIONS = "child_collections"  #: children's collections with every child's answers
LETTERS = "child_letters"  #: the official's edits of the letters back to the children
UPLOADED_CASES = "uploaded_cases"  #: workshop cases trainers uploaded in the app
