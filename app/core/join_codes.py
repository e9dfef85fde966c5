"""Join codes: short, easy to read off a projector, typed forgivingly."""

from __future__ import annotations

import secrets
from collections.abc import Collection

from app.core.models.workshop import CODE_ALPHABET, CODE_LENGTH


def new_code(taken: Collection[str]) -> str:
    """A random code that is not in `taken` (25^6, about 244 million, to choose from)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code


def normalise_code(text: str) -> str:
    """What a trainee typed as a code: case, spaces and dashes ignored."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def spaced(code: str) -> str:
    """A code as shown: two groups of three, easier to read aloud ("K7M Q4P")."""
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}"
