"""Sizes of files in words: for the report's list of attachments and for messages.

Apart from the attachment checks (app/core/attachments.py), which bring the file-type
detector, zip and XML readers: a report lists sizes without needing any of them.
"""

from __future__ import annotations

MB = 1024 * 1024


def mb(size: int) -> str:
    """'12.3 MB' for a message, '0.4 MB' for a small one."""
    return f"{size / MB:.1f} MB"


def size_text(size: int) -> str:
    """A size as a report lists it: bytes exactly, and a rounded figure beside."""
    if size < 1024:
        return f"{size} B"
    if size < MB:
        return f"{size / 1024:.0f} kB ({size:,} B)".replace(",", " ")
    return f"{size / MB:.1f} MB ({size:,} B)".replace(",", " ")
