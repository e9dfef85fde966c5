"""Login through a real OpenID Connect provider on loopback (tests/oidc.py), in Chromium:
three people with different roles, what each may open by address, the review between two of
them recorded under their names, and a workshop group that joins without an account."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, confirm_review, free_port, need_chromium, running_app
from oidc import add_user, log_in, loopback_only, provider, secrets_file
from save_trials import to_section

from app.core import trainer_key
from app.core.models.assessment import Assessment, Decision, Ownership, QuestionnaireRef
from app.core.roles import Person
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.workshops import WorkshopStore

pytestmark = pytest.mark.browser
WAIT = 30_000
UNIT = "Socialförvaltningen"
ANNA = Person("sub-anna", "Anna Berg", "anna@kommun.se", frozenset({"handlaggare"}), UNIT)
BO = Person("sub-bo", "Bo Ek", "bo@kommun.se", frozenset({"handlaggare"}), UNIT)
ADA = Person("sub-ada", "Ada Admin", "ada@kommun.se", frozenset({"administrator"}))
GRETA = Person("sub-greta", "Greta Gran", "greta@kommun.se", frozenset({"granskare"}), UNIT)
ROLES_YAML = f"""users:
  - email: bo@kommun.se
    roles: [handläggare]
    unit: {UNIT}
"""
REFUSED = "Du har inte behörighet"


def _owned(person: Person, title: str, status: str = "draft") -> Assessment:
    q = catalog().questionnaires["bka-standard"]
    return Assessment(
        questionnaire=QuestionnaireRef(id=q.id, version=q.version), status=status,  # type: ignore[arg-type]
        decision=Decision(title=title, official=person.name),
        ownership=Ownership(sub=person.sub, name=person.name, email=person.email,
                            unit=person.unit))


def test_people_see_and_change_only_what_their_roles_give_them(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    store = open_store(data)
    annas = store.create(_owned(ANNA, "Skolskjuts i Norrby", "complete"), "seed").id or ""
    bos = store.create(_owned(BO, "Fritidsgården Solsidan"), "seed").id or ""
    old = store.create(_owned(Person("", "", ""), "Gammalt ärende från mappen"), "seed").id or ""
    ws = WorkshopStore(store, data)
    case = next(c for c in cases() if c.id == "lekplats-lindparken")
    group = ws.create(case, ["Ekarna"], catalog(),
                      trainer_key=trainer_key.key_hash("KM7Q-4PXA-TR9C")).groups[0]
    roles = tmp_path / "roles.yaml"
    roles.write_text(ROLES_YAML, encoding="utf-8")
    port = free_port()
    with provider() as issuer:
        # Anna and Greta have app roles in their tokens; Bo's come from the roles file.
        add_user(issuer, ANNA.sub, name=ANNA.name, email=ANNA.email, roles=["Handläggare"],
                 unit=UNIT)
        add_user(issuer, GRETA.sub, name=GRETA.name, email=GRETA.email, roles=["Granskare"],
                 unit=UNIT)
        add_user(issuer, BO.sub, name=BO.name, email=BO.email)
        add_user(issuer, ADA.sub, name=ADA.name, email=ADA.email, roles=["Administrator"])
        secrets = secrets_file(tmp_path, issuer, port)
        with running_app(data, ["--secrets", str(secrets), "--roles", str(roles)],
                         port=port) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)

            def person_page() -> object:
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                loopback_only(context)
                return context.new_page()

            # Not logged in: the login page, nothing of the assessments.
            stranger = person_page()
            stranger.goto(base + f"/analys?id={annas}")  # type: ignore[attr-defined]
            main = stranger.get_by_role("main")  # type: ignore[attr-defined]
            expect(stranger.get_by_role(  # type: ignore[attr-defined]
                "button", name="Logga in med jobbkontot")).to_be_visible(timeout=WAIT)
            expect(main).not_to_contain_text("Skolskjuts")

            greta = person_page()
            log_in(greta, base, GRETA.sub)  # once, so that Anna can choose her as reviewer
            greta.goto(base + "/oversikt")  # type: ignore[attr-defined]
            expect(greta.get_by_role("heading", name="Barnkonsekvensanalyser")  # type: ignore[attr-defined]
                   ).to_be_visible(timeout=WAIT)
            expect(greta.get_by_role("main")).not_to_contain_text("Skolskjuts")  # type: ignore[attr-defined]

            anna = person_page()
            log_in(anna, base, ANNA.sub)
            anna.goto(base + "/oversikt")  # type: ignore[attr-defined]
            amain = anna.get_by_role("main")  # type: ignore[attr-defined]
            expect(amain).to_contain_text("Skolskjuts i Norrby", timeout=WAIT)
            expect(amain).not_to_contain_text("Fritidsgården Solsidan")
            for path in (f"/analys?id={bos}", f"/resultat?id={bos}",
                         f"/barnens-roster?id={bos}", f"/analys?id={group.assessment_id}"):
                anna.goto(base + path)  # type: ignore[attr-defined]
                expect(amain).to_contain_text(REFUSED, timeout=WAIT)
                expect(amain).not_to_contain_text("Fritidsgården")
                expect(amain).not_to_contain_text("Lindparken")
            for path in ("/data", "/workshop", "/anvandare"):  # not her roles' pages
                anna.goto(base + path)  # type: ignore[attr-defined]
                expect(amain).not_to_contain_text("Säkerhetskopia", timeout=WAIT)
                expect(anna.get_by_role("heading", name="Användare och roller")  # type: ignore[attr-defined]
                       ).to_have_count(0)

            # Anna sends hers to Greta; the name is hers from the login, not typed.
            anna.goto(base + f"/resultat?id={annas}")  # type: ignore[attr-defined]
            name = anna.get_by_label("Ditt namn").and_(  # type: ignore[attr-defined]
                anna.locator("input[disabled]"))  # type: ignore[attr-defined]
            expect(name).to_have_value("Anna Berg", timeout=WAIT)
            expect(name).to_be_disabled()
            expect(anna.get_by_label("Granskare", exact=True)).to_be_visible()  # type: ignore[attr-defined]
            anna.get_by_role("button", name="Skicka för granskning").click()  # type: ignore[attr-defined]
            expect(amain).to_contain_text("Greta Gran", timeout=WAIT)
            sent = _wait_for(lambda: open_store(data).get(annas), "in_review")
            assert sent.review.reviewer_sub == GRETA.sub
            assert sent.lifecycle[-1].by == ANNA.signature
            assert open_store(data).revisions(annas)[0].editor == ANNA.signature

            # Greta now sees it in her list and may approve it.
            greta.goto(base + "/oversikt")  # type: ignore[attr-defined]
            gmain = greta.get_by_role("main")  # type: ignore[attr-defined]
            expect(gmain).to_contain_text("Skolskjuts i Norrby", timeout=WAIT)
            expect(gmain).not_to_contain_text("Fritidsgården Solsidan")
            greta.goto(base + f"/analys?id={bos}")  # type: ignore[attr-defined]
            expect(gmain).to_contain_text(REFUSED, timeout=WAIT)
            greta.goto(base + f"/resultat?id={annas}")  # type: ignore[attr-defined]
            expect(greta.get_by_role("button", name="Godkänn")).to_be_visible(  # type: ignore[attr-defined]
                timeout=WAIT)
            confirm_review(greta)
            greta.get_by_role("button", name="Godkänn").click()  # type: ignore[attr-defined]
            approved = _wait_for(lambda: open_store(data).get(annas), "approved")
            assert approved.lifecycle[-1].by == GRETA.signature
            assert approved.review.decided_by == GRETA.signature

            # Bo's role is in the roles file: his own assessment, not Anna's.
            bo = person_page()
            log_in(bo, base, BO.sub)
            bo.goto(base + "/oversikt")  # type: ignore[attr-defined]
            bmain = bo.get_by_role("main")  # type: ignore[attr-defined]
            expect(bmain).to_contain_text("Fritidsgården Solsidan", timeout=WAIT)
            expect(bmain).not_to_contain_text("Skolskjuts")
            bo.goto(base + f"/resultat?id={annas}")  # type: ignore[attr-defined]
            expect(bmain).to_contain_text(REFUSED, timeout=WAIT)

            # The administrator sees every assessment and everyone who logged in, and gives
            # the folder's old, ownerless assessment to Anna.
            ada = person_page()
            log_in(ada, base, ADA.sub)
            ada.goto(base + "/oversikt")  # type: ignore[attr-defined]
            admin_main = ada.get_by_role("main")  # type: ignore[attr-defined]
            for title in ("Skolskjuts i Norrby", "Fritidsgården Solsidan", "Gammalt ärende"):
                expect(admin_main).to_contain_text(title, timeout=WAIT)
            ada.goto(base + "/anvandare")  # type: ignore[attr-defined]
            expect(ada.get_by_role("heading", name="Användare och roller")  # type: ignore[attr-defined]
                   ).to_be_visible(timeout=WAIT)
            # Tables read Markdown, so an address carries an invisible word joiner before its @
            # (app/ui/safe.py: it keeps Streamlit from making it a link); it reads the same.
            for text in (r"greta\u2060?@kommun\.se", "granskare", r"bo\u2060?@kommun\.se"):
                expect(admin_main).to_contain_text(re.compile(text), timeout=WAIT)
            anna.goto(base + f"/analys?id={old}")  # type: ignore[attr-defined]
            expect(amain).to_contain_text(REFUSED, timeout=WAIT)  # nobody's: not hers yet
            ada.goto(base + f"/analys?id={old}")  # type: ignore[attr-defined]
            to_section(ada, "Om beslutet")
            ada.get_by_label("Ge analysen till en annan handläggare").click()  # type: ignore[attr-defined]
            ada.get_by_role("option", name="Anna Berg").click()  # type: ignore[attr-defined]
            ada.get_by_role("button", name="Byt ägare").click()  # type: ignore[attr-defined]
            given = _wait_for(lambda: open_store(data).get(old), "draft",
                              until=lambda a: a.ownership.sub == ANNA.sub)
            assert given.ownership.unit == UNIT
            assert open_store(data).revisions(old)[0].editor == ADA.signature
            anna.goto(base + "/oversikt")  # type: ignore[attr-defined]
            expect(amain).to_contain_text("Gammalt ärende från mappen", timeout=WAIT)

            # A workshop group's device: no account, its code, its own assessment.
            device = person_page()
            device.goto(base + "/ga-med")  # type: ignore[attr-defined]
            device.get_by_label("Gruppens kod").fill(group.code)  # type: ignore[attr-defined]
            device.get_by_role("button", name="Gå med").click()  # type: ignore[attr-defined]
            expect(device.get_by_role("heading", name="Ekarna")  # type: ignore[attr-defined]
                   ).to_be_visible(timeout=WAIT)
            device.goto(base + f"/resultat?id={annas}")  # type: ignore[attr-defined]
            expect(device.get_by_role("main")).not_to_contain_text(  # type: ignore[attr-defined]
                "Skolskjuts", timeout=WAIT)
            browser.close()


def _wait_for(read: object, status: str, seconds: float = 30,
              until: object = None) -> Assessment:
    """The store as the server wrote it: a click's change lands a moment after the click."""
    import time

    def done(a: Assessment) -> bool:
        return a.status == status and (until is None or bool(until(a)))  # type: ignore[operator]

    deadline = time.monotonic() + seconds
    while True:
        current: Assessment = read()  # type: ignore[operator]
        if done(current) or time.monotonic() > deadline:
            assert done(current), (current.status, current.ownership)
            return current
        time.sleep(0.3)
