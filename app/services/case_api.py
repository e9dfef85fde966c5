"""What a case system asks of the store through the API: create an assessment for a case,
find a case's assessments, read one's status and result, fetch a kept report.

Every read goes through the token's scope (app/core/api_tokens.py): an assessment outside it
is answered as not found, so a token cannot even learn that another unit's id exists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core import api_tokens as rules
from app.core import measure_status
from app.core.access import Holding
from app.core.catalog import Catalog
from app.core.followup import MEASURES, due, scored
from app.core.loading import normalise_answers
from app.core.models.api_token import ApiToken
from app.core.models.assessment import (
    Assessment,
    Decision,
    Ownership,
    QuestionnaireRef,
    ReportRecord,
)
from app.core.models.attachment import Attachment
from app.core.text import tr
from app.services.review_approval import standing_of
from app.services.stored_texts import references
from app.store.case_numbers import by_case_number
from app.store.errors import NotFound
from app.store.factory import open_attachment_files
from app.store.people import People
from app.store.protocol import AssessmentStore
from app.store.records import Summary
from app.store.workshops import workshop_assessment_ids

DEFAULT_QUESTIONNAIRE = "bka-standard"
CASE_LIST_MAX = 200  #: assessments one case number returns at most


class ApiRefused(Exception):
    """A request the API refuses, with the HTTP status and a sentence for the problem."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


@dataclass(frozen=True)
class NewCase:
    """What a case system sends to open an assessment for one of its cases."""

    case_number: str
    title: str
    committee: str = ""
    official: str = ""
    official_email: str = ""
    unit: str = ""
    questionnaire: str = ""
    language: str = "sv"
    decision_date: dt.date | None = None


@dataclass(frozen=True)
class KeptReport:
    record: ReportRecord
    data: bytes
    suffix: str


class CaseApi:
    def __init__(self, store: AssessmentStore, catalog: Catalog,
                 folder: Path | str | None = None) -> None:
        self.store, self.catalog, self.folder = store, catalog, folder

    # --- reads -------------------------------------------------------------------------
    def _in_scope(self, token: ApiToken, assessment: Assessment) -> bool:
        workshop = (assessment.id or "") in workshop_assessment_ids(self.folder)
        return rules.may_read(token, Holding.of(assessment, workshop=workshop))

    def get(self, token: ApiToken, assessment_id: str) -> Assessment:
        """The assessment if the token reaches it; NotFound otherwise, alike."""
        assessment = self.store.get(assessment_id)
        if not self._in_scope(token, assessment):
            raise NotFound(assessment_id)
        return assessment

    def find(self, token: ApiToken, case_number: str) -> list[Summary]:
        """The assessments of one case number (exact, any letter case), newest first."""
        if not case_number.strip():
            raise ApiRefused(400, "Case number missing",
                             "give the case number to look for: ?case_number=…")
        exact = by_case_number(self.store, case_number, rules.scope_of(token))[
            :CASE_LIST_MAX]
        if not exact:
            return []
        workshops = workshop_assessment_ids(self.folder)
        return [r for r in exact if r.id not in workshops and rules.may_read(
            token, Holding(r.owner, r.unit, r.shared, r.reviewer))]

    def facts(self, assessment: Assessment, lang: str) -> dict[str, Any]:
        """Status, level, conclusion and findings as the report states them (scored from
        the stored answers by the shipped questionnaire), follow-up dates, kept reports."""
        d = assessment.decision
        out: dict[str, Any] = {
            "id": assessment.id, "revision": assessment.revision,
            "status": assessment.status,
            "case_number": d.case_number, "title": d.title, "committee": d.committee,
            "official": d.official,
            "decision_date": d.decision_date.isoformat() if d.decision_date else None,
            "questionnaire": {"id": assessment.questionnaire.id,
                              "version": assessment.questionnaire.version},
            "created": _time(assessment.created), "updated": _time(assessment.updated),
            "unit": assessment.ownership.unit,
            "level": None, "conclusion": None, "findings": [],
            "follow_up": self.follow_up(assessment),
            "reports": [report_json(r) for r in assessment.reports],
            "attachments": [attachment_json(x) for x in assessment.attachments],
        }
        result = scored(assessment, self.catalog, standing_of(assessment, self.store),
                        references(assessment, self.store))
        if result is None:
            out["scoring"] = "the questionnaire is not installed here; no level is given"
            return out
        card = result[2]
        # a stored answer that does not fit its question: kept, not scored, named to fix
        out["answer_problems"] = [{"message": p.said() if lang == "sv" else p.message}
                                  for p in normalise_answers(assessment, result[0])[1]]
        if card.level is not None:
            out["level"] = {"id": card.level.id, "label": tr(card.level.label, lang),
                            "points": round(card.overall, 1)}
        if card.conclusion is not None and card.conclusion.outcome is not None:
            c = card.conclusion
            out["conclusion"] = {
                "outcome": c.outcome,
                "label": tr(c.outcome_label, lang) if c.outcome_label else c.outcome,
                "motivation": c.motivation}
        out["findings"] = [{"id": f.id, "severity": f.severity, "question": f.question,
                            "message": tr(f.message, lang)} for f in card.flags]
        return out

    def follow_up(self, assessment: Assessment) -> dict[str, Any]:
        """The follow-up date it set, its measures' dates, and its follow-ups."""
        when = due(assessment)
        measures = []
        items = assessment.value(MEASURES)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and str(item.get("what") or "").strip():
                measures.append({"what": str(item["what"]), "who": str(item.get("who") or ""),
                                 "due": str(item["due"]) if item.get("due") else None,
                                 "status": str(item.get("status") or measure_status.DEFAULT)})
        follow_ups = []
        for fid in assessment.follow_ups:
            try:
                f = self.store.get(fid)
            except NotFound:
                continue
            follow_ups.append({"id": fid, "status": f.status, "created": _time(f.created)})
        return {"date": when.isoformat() if when else None, "measures": measures,
                "follow_ups": follow_ups, "follow_up_of": assessment.follow_up_of}

    def kept_report(self, assessment: Assessment, suffix: str,
                    form: str | None = None) -> KeptReport:
        """The newest kept report in the format (and form: `short`, the report for the case
        file, or `full`, the full documentation) asked for, exactly as kept: its checksum is
        compared with the one recorded, so the case file gets the version of record."""
        kept = [r for r in assessment.reports if Path(r.path).suffix.lower() == suffix
                and (form is None or form_of(r) == form)]
        if not kept:
            which = f"{suffix[1:].upper()} report" + (f" in the form '{form}'" if form else "")
            raise ApiRefused(404, "No kept report",
                             f"no {which} has been made and kept for this assessment; make "
                             "one in the app (Resultat) first")
        # the newest; of two made in the same second, the one kept last
        record = max(enumerate(kept), key=lambda x: (x[1].created, x[0]))[1]
        try:
            data = Path(record.path).read_bytes()
        except OSError:
            raise ApiRefused(410, "Report file gone",
                             f"the kept report of {record.created:%Y-%m-%d %H:%M} is no "
                             "longer in the reports folder; make it again in the app") from None
        if hashlib.sha256(data).hexdigest() != record.sha256:
            raise ApiRefused(409, "Report file changed",
                             "the file in the reports folder is not the report kept on "
                             "the assessment (its SHA-256 differs); make it again in the app")
        return KeptReport(record, data, suffix)

    def attachment(self, assessment: Assessment, sha256: str) -> tuple[Attachment, bytes]:
        """One attached file of an assessment the token reaches, checked against its
        recorded checksum by the store."""
        found = next((x for x in assessment.attachments if x.sha256 == sha256), None)
        if found is None:
            raise ApiRefused(404, "No such attachment",
                             "the assessment has no attached file with this SHA-256")
        try:
            data = open_attachment_files(self.folder).get(assessment.id or "", sha256)
        except NotFound:
            raise ApiRefused(410, "Attachment file gone",
                             "the attached file is listed but no longer kept; attach it "
                             "again in the app") from None
        return found, data

    # --- writes ------------------------------------------------------------------------
    def create(self, token: ApiToken, new: NewCase) -> Assessment:
        """A draft for the case, shared with the unit (the token's, or the one named by an
        organisation token) so the unit's officials find it; owned by the responsible
        official when they have logged in before with that e-mail."""
        if not rules.may_write(token):
            raise ApiRefused(403, "Read-only token",
                             f"the token '{token.name}' may read but not create assessments")
        if token.unit and new.unit and new.unit.strip() != token.unit:
            raise ApiRefused(403, "Outside the token's unit",
                             f"the token '{token.name}' creates assessments for the unit "
                             f"'{token.unit}' only")
        qid = new.questionnaire or DEFAULT_QUESTIONNAIRE
        q = self.catalog.questionnaire(qid)
        if q is None or q.purpose != "assessment":
            known = ", ".join(sorted(i for i, x in self.catalog.questionnaires.items()
                                     if x.purpose == "assessment"))
            raise ApiRefused(422, "Unknown questionnaire",
                             f"'{qid}' is not a questionnaire for assessments here; "
                             f"use one of: {known}")
        decision = Decision(title=new.title, case_number=" ".join(new.case_number.split()),
                            committee=new.committee, official=new.official,
                            decision_date=new.decision_date)
        unit = token.unit or new.unit.strip()
        owner = self._person(new.official_email)
        ownership = Ownership(sub=owner[0] if owner else "", name=owner[1] if owner else "",
                              email=new.official_email.strip(), unit=unit, shared=bool(unit))
        assessment = Assessment(
            questionnaire=QuestionnaireRef(id=q.id, version=q.version,
                                           hash=self.catalog.hashes.get(q.id)),
            language="en" if new.language == "en" else "sv",
            decision=decision, ownership=ownership)
        return self.store.create(assessment, editor=f"API: {token.name}")

    def _person(self, email: str) -> tuple[str, str] | None:
        wanted = email.strip().casefold()
        if not wanted:
            return None
        for m in People(self.folder).all():
            if m.email.casefold() == wanted:
                return m.sub, m.name
        return None


def attachment_json(x: Attachment) -> dict[str, Any]:
    return {"title": x.title, "file": x.filename, "type": x.media_type, "size": x.size,
            "sha256": x.sha256, "question": x.question or None, "added": _time(x.added)}


def form_of(r: ReportRecord) -> str:
    """short or full; a record from before the two forms was the full documentation."""
    return r.form or "full"


def report_json(r: ReportRecord) -> dict[str, Any]:
    return {"file": Path(r.path).name, "format": Path(r.path).suffix.lstrip(".").lower(),
            "form": form_of(r), "sha256": r.sha256, "created": _time(r.created),
            "language": r.language}


def summary_json(r: Summary) -> dict[str, Any]:
    return {"id": r.id, "case_number": r.case_number, "title": r.title,
            "committee": r.committee, "status": r.status, "revision": r.revision,
            "updated": _time(r.updated), "unit": r.unit}


def _time(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None
