"""The organisation's profile, read from `organisation.yaml` beside the data, and written there
by the administrator's page.

    profile(folder=None) -> Organisation           the profile (empty when none is set)
    letterhead(folder=None) -> Letterhead | None   what a document draws: name, logo, template
    save_profile(profile, logo=None, template=None) write the file (and the logo, the template)

A damaged file is a LoadError with its line, never silently ignored: a report made without the
letterhead the organisation set would go out looking like someone else's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from app.core.document.model import Letterhead
from app.core.errors import LoadError, Problem
from app.core.loading import validate_source
from app.core.models.organisation import Organisation
from app.core.typography import DEFAULT_DATE_STYLE, DateStyle
from app.core.yamlsource import read_yaml
from app.store.layout import data_dir

FILE_NAME = "organisation.yaml"
LOGO_SUFFIXES: dict[str, Literal["png", "svg"]] = {".png": "png", ".svg": "svg"}
TEMPLATE_SUFFIXES = (".dotx", ".docx")
MAX_FILE_BYTES = 5 * 1024 * 1024  # a logo or a template; more is not a logo


def folder_of(folder: Path | str | None = None) -> Path:
    """Where the profile lives: the argument, else the data folder ($BKA_DATA_DIR or ./data)."""
    return Path(folder) if folder is not None else data_dir()


def profile(folder: Path | str | None = None) -> Organisation:
    """The profile set for this installation, or an empty one."""
    path = folder_of(folder) / FILE_NAME
    if not path.is_file():
        return Organisation()
    return validate_source(read_yaml(path), Organisation)


def date_style(folder: Path | str | None = None) -> DateStyle:
    """How the organisation writes dates; the default where no profile is set."""
    if not (folder_of(folder) / FILE_NAME).is_file():
        return DEFAULT_DATE_STYLE
    return profile(folder).date_style


def letterhead(folder: Path | str | None = None) -> Letterhead | None:
    """The letterhead every document draws, or None when no profile is set."""
    base = folder_of(folder)
    if not (base / FILE_NAME).is_file():  # none set: no model to validate an empty one with
        return None
    org = profile(base)
    if not org.given:
        return None
    logo, kind = _logo(base, org)
    template = _file(base, org.word_template, "word_template") if org.word_template else None
    return Letterhead(name=org.name.strip(), unit=org.unit.strip(),
                      lines=tuple(org.contact_lines), logo=logo, logo_kind=kind,
                      colour=org.primary_colour, word_template=template)


def _logo(base: Path, org: Organisation) -> tuple[bytes | None, Literal["png", "svg", ""]]:
    if not org.logo:
        return None, ""
    kind = LOGO_SUFFIXES.get(Path(org.logo).suffix.lower())
    if kind is None:
        raise LoadError([Problem(str(base / FILE_NAME), None,
                                 f"logo: '{org.logo}' is neither a PNG nor an SVG file; "
                                 "give a .png or .svg file")])
    return _file(base, org.logo, "logo"), kind


def _file(base: Path, name: str, key: str) -> bytes:
    path = base / name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError([Problem(str(base / FILE_NAME), None,
                                     f"{key}: {name} is larger than 5 MB")])
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError([Problem(str(base / FILE_NAME), None,
                                 f"{key}: the file {name} is not in {base}; put it beside "
                                 f"{FILE_NAME} or remove the line")]) from None
    except OSError as exc:
        raise LoadError([Problem(str(base / FILE_NAME), None,
                                 f"{key}: {name} cannot be read ({exc.strerror})")]) from None


def save_profile(org: Organisation, folder: Path | str | None = None, *,
                 logo: tuple[str, bytes] | None = None,
                 template: tuple[str, bytes] | None = None) -> Path:
    """Write the profile (and a new logo or template, given as file name and bytes) atomically;
    returns the profile's path."""
    import yaml

    from app.store.atomic import write_atomic

    base = folder_of(folder)
    base.mkdir(parents=True, exist_ok=True)
    updates: dict[str, str] = {}
    for given, key, allowed in ((logo, "logo", tuple(LOGO_SUFFIXES)),
                                (template, "word_template", TEMPLATE_SUFFIXES)):
        if given is None:
            continue
        name, data = given
        suffix = Path(name).suffix.lower()
        if suffix not in allowed:
            raise ValueError(f"{key}: {name} is not a {' or '.join(allowed)} file")
        if len(data) > MAX_FILE_BYTES:
            raise ValueError(f"{key}: {name} is larger than 5 MB")
        stored = f"organisation-{key.replace('_', '-')}{suffix}"
        write_atomic(base / stored, data, keep_previous=False)
        updates[key] = stored
    org = org.model_copy(update=updates)
    text = yaml.safe_dump(org.model_dump(mode="json"), allow_unicode=True, sort_keys=False)
    path = base / FILE_NAME
    write_atomic(path, text.encode("utf-8"), keep_previous=False)
    return path
