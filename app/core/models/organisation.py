"""The organisation's profile: who sends every document, and how its documents look.

Set once by an administrator (locally a file `organisation.yaml` beside the data; in the login
mode the Organisation page writes the same file) and used by every generated document: the
report in all its formats, the summary, the letter to children, the minutes, the council
overview. The logo and the Word template are files beside the profile, named here.
"""

from pydantic import Field, field_validator

from app.core.models.base import Strict
from app.core.typography import DEFAULT_DATE_STYLE, DateStyle

LINE_MAX = 200
HEX = r"^#[0-9a-fA-F]{6}$"


class Organisation(Strict):
    name: str = Field(default="", max_length=LINE_MAX)  #: "Lövåkers kommun"
    unit: str = Field(default="", max_length=LINE_MAX)  #: the sending unit, if any
    address: str = Field(default="", max_length=500)  #: postal address, lines as written
    phone: str = Field(default="", max_length=LINE_MAX)
    email: str = Field(default="", max_length=LINE_MAX)
    web: str = Field(default="", max_length=LINE_MAX)
    #: the logo's file name beside the profile (PNG or SVG); '' for none
    logo: str = Field(default="", max_length=LINE_MAX)
    #: the organisation's Word template (.dotx or .docx) beside the profile; '' for ours
    word_template: str = Field(default="", max_length=LINE_MAX)
    primary_colour: str = Field(default="#1f4e79", pattern=HEX)  #: headings, rules
    #: 2026-11-19 (iso, the default), 19 november 2026 (long), 19 nov. 2026 (short)
    date_style: DateStyle = DEFAULT_DATE_STYLE

    @field_validator("logo", "word_template")
    @classmethod
    def _file_name_only(cls, value: str) -> str:
        """A file beside the profile, never a path elsewhere on the machine."""
        value = value.strip()
        if "/" in value or "\\" in value or value.startswith("."):
            raise ValueError("give a file name in the same folder as the profile, not a path")
        return value

    @property
    def contact_lines(self) -> list[str]:
        """The address and contact as lines, in the order a letterhead prints them."""
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        return lines + [x.strip() for x in (self.phone, self.email, self.web) if x.strip()]

    @property
    def given(self) -> bool:
        return bool(self.name.strip() or self.logo)
