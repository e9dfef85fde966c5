"""What a backup may hold of children's collections: while a collection has fewer than
MIN_GROUP answers nobody may read them (they point at the few children who gave them), so a
backup keeps only how many there were. A collection of five or more is kept whole."""

from __future__ import annotations

from typing import Any

from app.core.children import MIN_GROUP


def for_backup(document: dict[str, Any]) -> dict[str, Any]:
    """A stored collection (its JSON form) as a backup holds it."""
    responses = document.get("responses") or []
    if not 0 < len(responses) < MIN_GROUP:
        return document
    withheld = int(document.get("withheld") or 0) + len(responses)
    return {**document, "responses": [], "withheld": withheld}


def tinydb_for_backup(content: dict[str, Any]) -> dict[str, Any]:
    """The local file's content (TinyDB: table -> row number -> document) as a backup holds
    it."""
    return {table: {key: for_backup(doc) if isinstance(doc, dict) else doc
                    for key, doc in rows.items()} if isinstance(rows, dict) else rows
            for table, rows in content.items()}
