"""Numbers as each language writes them, in the app and in the PDF alike."""

from __future__ import annotations

from app.core.numbers import MINUS, number, percent, plural, weight
from app.report.strings import number as report_number


def test_swedish_uses_a_decimal_comma_and_a_real_minus() -> None:
    assert number(-1.25, "sv", 1) == f"{MINUS}1,2"  # Python rounds half to even, as the PDF
    assert number(-1.26, "sv", 2, sign=True) == f"{MINUS}1,26"
    assert number(0.5, "sv", 1, sign=True) == "+0,5"
    assert percent(85, "sv") == "85\u00a0%"
    assert weight(0.25, "sv") == "0,25"


def test_english_uses_a_point_and_a_plain_minus() -> None:
    assert number(-1.2, "en", 1) == "-1.2"
    assert number(1.2, "en", 1, sign=True) == "+1.2"
    assert percent(85, "en") == "85%"
    assert weight(0.5, "en") == "0.5"


def test_a_rounded_zero_has_no_sign() -> None:
    assert number(-0.01, "sv", 1, sign=True) == "0,0"
    assert number(-0.01, "en", 1) == "0.0"


def test_one_and_many() -> None:
    assert plural(1, "sv") == "one" and plural(0, "sv") == "other" and plural(2, "en") == "other"


def test_the_report_writes_numbers_with_the_same_helper() -> None:
    assert report_number(-1.5, "sv", 1) == number(-1.5, "sv", 1)
    assert report_number(-1.5, "en", 1) == "-1.5"
