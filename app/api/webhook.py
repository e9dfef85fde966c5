"""Sends the organisation's webhook when an assessment's status changes: a thread of the
`bka api` process that looks at the store every few seconds (app/services/status_watch.py),
signs each message (app/core/webhook.py) and tries each one a few times before giving up
with a line in the log."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import urllib.error
import urllib.request

from app.core import webhook
from app.services.status_watch import StatusChange, StatusWatch
from app.store.errors import StoreError
from app.store.protocol import AssessmentStore

log = logging.getLogger("bka.api.webhook")
TRIES = 4
TIMEOUT = 10.0


class WebhookSender:
    def __init__(self, store: AssessmentStore, url: str, secret: str, every: float) -> None:
        if not secret:
            raise ValueError("a webhook needs a secret to sign with: set BKA_WEBHOOK_SECRET")
        self.url, self.secret, self.every = url, secret, every
        self.watch = StatusWatch(store)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="bka-webhook", daemon=True)
        self.sent = 0

    def start(self) -> None:
        self.watch.start()
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=TIMEOUT)

    def _run(self) -> None:
        while not self.stopping.wait(self.every):
            try:
                changes = self.watch.changes()
            except StoreError as exc:
                log.warning("webhook: the store could not be read: %s", exc)
                continue
            for change in changes:
                self.send(change)

    def send(self, change: StatusChange) -> bool:
        data = webhook.body(webhook.status_changed(
            change.assessment_id, change.case_number, change.before, change.after,
            change.revision, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
        for attempt in range(TRIES):
            stamp = int(time.time())
            request = urllib.request.Request(self.url, data=data, method="POST", headers={
                "Content-Type": "application/json",
                webhook.HEADER: webhook.signature(self.secret, stamp, data)})
            try:
                with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:  # noqa: S310
                    if 200 <= answer.status < 300:
                        self.sent += 1
                        return True
            except (urllib.error.URLError, OSError) as exc:
                log.warning("webhook to %s failed (try %d of %d): %s", self.url,
                            attempt + 1, TRIES, exc)
            if self.stopping.wait(2 ** attempt):
                break
        log.error("webhook: gave up on %s of %s -> %s", change.assessment_id, change.before,
                  change.after)
        return False
