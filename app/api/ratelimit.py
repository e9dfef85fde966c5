"""Requests per minute per token (and per address for wrong tokens): a token bucket in the
process, enough for one `bka api` process; several behind a proxy each count their own."""

from __future__ import annotations

import threading
import time


class RateLimiter:
    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(max(1, per_minute))
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 if a request may go now, else the seconds until one may."""
        now = time.monotonic()
        with self.lock:
            level, then = self.buckets.get(key, (self.burst, now))
            level = min(self.burst, level + (now - then) * self.rate)
            if level >= 1:
                self.buckets[key] = (level - 1, now)
                return 0.0
            self.buckets[key] = (level, now)
            return (1 - level) / self.rate
