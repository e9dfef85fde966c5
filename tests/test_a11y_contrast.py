"""Every colour pair we choose meets WCAG 2.1 AA, and config.toml's theme is palette.py's."""

from __future__ import annotations

import re
import tomllib

import pytest

from app.services.paths import ROOT
from app.ui import palette
from app.ui.theme import CSS

THEME = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]


def test_the_contrast_formula_matches_wcag() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert palette.contrast("#828180", "#ffffff") < 4.5  # Streamlit's caption grey, measured


@pytest.mark.parametrize("fg,bg,minimum,where", palette.PAIRS, ids=[p[3] for p in palette.PAIRS])
def test_each_pair_meets_its_minimum(fg: str, bg: str, minimum: float, where: str) -> None:
    assert palette.contrast(fg, bg) >= minimum, where


def test_config_toml_theme_is_the_palette() -> None:
    assert THEME["primaryColor"] == palette.PRIMARY
    assert THEME["backgroundColor"] == palette.BACKGROUND
    assert THEME["secondaryBackgroundColor"] == palette.SIDEBAR
    assert THEME["textColor"] == palette.INK
    assert THEME["borderColor"] == palette.BORDER
    assert THEME["linkColor"] == palette.PRIMARY
    assert THEME["redTextColor"] == palette.DANGER
    assert THEME["redBackgroundColor"] == palette.DANGER_BACKGROUND


def test_every_colour_in_our_css_is_from_the_palette() -> None:
    named = {v.lower() for k, v in vars(palette).items() if k.isupper() and isinstance(v, str)}
    used = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", CSS)}
    assert used and used <= named


def test_heat_map_figures_read_on_every_cell() -> None:
    for step in range(-200, 201):
        rating = step / 100
        ratio = palette.contrast(palette.cell_ink(rating), palette.cell_fill(rating))
        assert ratio >= 4.5, (rating, palette.cell_fill(rating))


def test_meeting_grid_cells_are_readable() -> None:
    from app.ui.screens.meeting_history import GRID_CSS

    pairs = re.findall(r"background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6})", GRID_CSS)
    assert len(pairs) == 2
    for bg, fg in pairs:
        assert palette.contrast(fg, bg) >= 4.5, (fg, bg)
