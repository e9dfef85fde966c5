"""A case file uploaded in the app: checked whole, kept in the data folder, and offered with
the shipped cases, so a trainer never has to touch the installation's cases/ folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.cases import check_case, looks_like_case
from app.core.catalog import Catalog
from app.core.errors import LoadError, Problem
from app.core.models.case import Case
from app.core.yamlsource import parse_yaml
from app.services.shipped import cases as shipped_cases
from app.store.uploaded_cases import UploadedCaseStore

MAX_BYTES = 200_000  #: a case is a few hundred lines; anything larger is not one


@dataclass
class Checked:
    """What an uploaded file turned out to be."""

    case: Case | None = None  #: the case, when it has no problems
    problems: list[Problem] = field(default_factory=list)  #: every problem, each with its line
    case_keys: list[str] = field(default_factory=list)  #: why it looks like a case, if it does


def check_upload(data: bytes, file_name: str, catalog: Catalog) -> Checked:
    """Every problem of the file in one pass; an id a shipped case has is refused too."""
    name = Path(file_name).name or "case.yaml"
    if len(data) > MAX_BYTES:
        return Checked(problems=[Problem(name, None, f"the file is {len(data):,} bytes; a case "
                                         f"file is at most {MAX_BYTES:,}")])
    try:
        text = data.decode("utf-8")
        source = parse_yaml(text, name)
    except UnicodeDecodeError:
        return Checked(problems=[Problem(name, None, "the file is not UTF-8 text")])
    except LoadError as exc:
        return Checked(problems=exc.problems)
    keys = looks_like_case(source.data)
    try:
        case = check_case(source, catalog.questionnaires)
    except LoadError as exc:
        return Checked(problems=exc.problems, case_keys=keys)
    if case.id in {c.id for c in shipped_cases()}:
        return Checked(problems=[source.problem(("id",), f"a shipped case already has the id "
                                                f"'{case.id}'; give yours another id")],
                       case_keys=keys)
    return Checked(case=case, case_keys=keys)


def keep(data: bytes, file_name: str, case: Case, folder: Path | str | None) -> None:
    UploadedCaseStore(folder).save(case.id, Path(file_name).name, data.decode("utf-8"))


def uploaded_cases(catalog: Catalog, folder: Path | str | None) -> list[Case]:
    """The uploaded cases that still check out against today's questionnaires (a
    questionnaire can change after an upload; such a case is left out, not half-used)."""
    found = []
    for record in UploadedCaseStore(folder).all():
        try:
            found.append(check_case(parse_yaml(record.text, record.file_name),
                                    catalog.questionnaires))
        except LoadError:
            continue
    return found


def all_cases(catalog: Catalog, folder: Path | str | None) -> list[Case]:
    """The shipped cases, then the uploaded ones."""
    shipped = shipped_cases()
    ids = {c.id for c in shipped}
    return [*shipped, *(c for c in uploaded_cases(catalog, folder) if c.id not in ids)]
