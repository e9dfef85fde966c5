"""The trainer's key: made when a workshop is created, shown once, kept only as a hash.

A session that holds the key opens the trainer's view (codes, progress, comparison, notes).
Twelve characters from the join-code alphabet: 25^12, about 2^56, so a guess at a time is
hopeless, and guesses are rate-limited besides (app/core/join_guard.py).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from app.core.join_codes import normalise_code
from app.core.models.workshop import CODE_ALPHABET

LENGTH = 12
_ITERATIONS = 60_000  # PBKDF2-SHA256: a few tens of ms per check, nothing for the trainer
_SCHEME = "pbkdf2-sha256"


def new_key() -> str:
    """A fresh key, shown in groups of four ("KM7Q-4PXA-TR9C")."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, LENGTH, 4))


def key_hash(key: str) -> str:
    """What the workshop stores: scheme, iterations, salt and digest, never the key."""
    salt = secrets.token_hex(16)
    return f"{_SCHEME}${_ITERATIONS}${salt}${_digest(normalise_code(key), salt, _ITERATIONS)}"


def matches(typed: str, stored: str) -> bool:
    """Whether `typed` is the key `stored` was made from (case, spaces and dashes ignored)."""
    try:
        scheme, iterations, salt, digest = stored.split("$")
        rounds = int(iterations)
    except ValueError:
        return False
    if scheme != _SCHEME or not typed.strip():
        return False
    return hmac.compare_digest(_digest(normalise_code(typed), salt, rounds), digest)


def _digest(key: str, salt: str, rounds: int) -> str:
    return hashlib.pbkdf2_hmac("sha256", key.encode(), salt.encode(), rounds).hex()


# The trainer's own browser keeps a secret of its own (a cookie, never in the address), and the
# workshop keeps its hash: a reload on that machine finds the trainer again without the key.
# A reset of the key (`bka workshop-key`) forgets every such browser.
DEVICE_COOKIE_PREFIX = "bka_trainer_"
DEVICE_DAYS = 30  #: how long a browser stays the trainer without the key
MAX_DEVICES = 10  #: the oldest browser is forgotten when an eleventh is remembered


def new_device_secret() -> str:
    return secrets.token_urlsafe(32)


def device_hash(secret: str) -> str:
    """A fast hash is enough: the secret is 256 random bits, not something a person chose."""
    return hashlib.sha256(secret.encode()).hexdigest()


def device_known(secret: str, hashes: list[str]) -> bool:
    if not secret:
        return False
    mine = device_hash(secret)
    return any(hmac.compare_digest(mine, h) for h in hashes)


def cookie_name(workshop_id: str) -> str:
    """One cookie per workshop; an id holds only letters, digits, '-' and '_'."""
    return DEVICE_COOKIE_PREFIX + "".join(c for c in workshop_id if c.isalnum() or c in "-_")
