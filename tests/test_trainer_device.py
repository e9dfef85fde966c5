"""The trainer stays the trainer on their own browser; a lost key is reset by whoever runs the
server; in the login mode the utbildare role replaces the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from app.core import trainer_key
from app.core.access import Identity, may_run_workshop
from app.core.roles import Person
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.workshops import WorkshopStore

OLD_KEY = "KM7Q-4PXA-TR9C"


def workshop(data: Path) -> tuple[WorkshopStore, str]:
    ws = WorkshopStore(open_store(data), data)
    w = ws.create(cases()[0], ["Ekarna", "Lindarna"], catalog(),
                  trainer_key=trainer_key.key_hash(OLD_KEY))
    return ws, w.id or ""


def test_a_browser_secret_is_known_by_its_hash_and_the_newest_ten_are_kept(
        tmp_path: Path) -> None:
    ws, wid = workshop(tmp_path)
    secrets = [trainer_key.new_device_secret() for _ in range(trainer_key.MAX_DEVICES + 1)]
    for secret in secrets:
        ws.remember_device(wid, trainer_key.device_hash(secret))
    kept = ws.get(wid).trainer_devices
    assert secrets[0] not in str(kept)  # only hashes are stored
    assert not trainer_key.device_known(secrets[0], kept)  # the oldest is forgotten
    assert all(trainer_key.device_known(s, kept) for s in secrets[1:])
    assert not trainer_key.device_known("", kept) and not trainer_key.device_known("x", kept)


def test_bka_workshop_key_makes_a_new_key_and_forgets_every_browser(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws, wid = workshop(tmp_path)
    secret = trainer_key.new_device_secret()
    ws.remember_device(wid, trainer_key.device_hash(secret))
    assert main(["workshop-key", wid, "--data-dir", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    new = printed.split(": ", 1)[1].split()[0]
    stored = ws.get(wid)
    assert trainer_key.matches(new, stored.trainer_key)
    assert not trainer_key.matches(OLD_KEY, stored.trainer_key)
    assert stored.trainer_devices == []
    assert "Ny tränarnyckel" in printed and "New trainer's key" in printed


def test_bka_workshop_key_names_the_workshops_when_the_id_is_wrong(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, wid = workshop(tmp_path)
    assert main(["workshop-key", "nope", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no workshop 'nope'" in err and wid in err and "Traceback" not in err


def test_in_the_login_mode_the_utbildare_role_replaces_the_key() -> None:
    def person(*roles: str) -> Person:
        return Person(sub="s1", name="Tove", email="tove@kommun.se",
                      roles=frozenset(roles))  # type: ignore[arg-type]

    trainer = Identity(local=False, login=True, person=person("utbildare"))
    official = Identity(local=False, login=True, person=person("handlaggare"))
    assert may_run_workshop(trainer, "w1") and not may_run_workshop(official, "w1")
    group = Identity(local=False, login=True, person=person("utbildare"), group_device=True)
    assert not may_run_workshop(group, "w1")
