"""The app's colours in one place, with the contrast each pair must reach (WCAG 2.1 AA).

Text needs 4.5:1 against what is behind it (3:1 when large), focus rings and other parts of
the interface 3:1 (1.4.11). `.streamlit/config.toml` holds the same theme colours; a test reads
both and computes every ratio, so a colour changed in one place and not the other fails.
"""

from __future__ import annotations

INK = "#1d1d1b"  #: body text (theme textColor)
MUTED = "#55534e"  #: captions and help texts: 7.4:1 on white, 6.7:1 on the sidebar
BACKGROUND = "#ffffff"  #: theme backgroundColor
SIDEBAR = "#f3f2ee"  #: theme secondaryBackgroundColor
PRIMARY = "#1d4f91"  #: theme primaryColor: buttons, the chosen segment, links
FOCUS = "#1d4f91"  #: the focus ring drawn around whatever has the keyboard
BORDER = "#8a8984"  #: widget borders (3:1 on white: a field's edge is a UI part)
DANGER = "#a4231b"  #: the overdue badge's text (theme redTextColor)
DANGER_BACKGROUND = "#fbe9e7"  #: the overdue badge (theme redBackgroundColor)

# Impact from -2 to +2, as in the PDF report but darker at the ends. A cell's figure is black
# or white, whichever stands out more: on any fill one of the two reaches at least 4.58:1
# (with a dark grey instead of black, some mid-tone fill would leave both under 4.5:1).
NEGATIVE = "#9a3f0f"
NEUTRAL = "#f1f1ec"
POSITIVE = "#1f4e86"
WHITE = "#ffffff"
BLACK = "#000000"

# (foreground, background, minimum ratio, where it is used)
PAIRS: list[tuple[str, str, float, str]] = [
    (INK, BACKGROUND, 4.5, "body text"),
    (INK, SIDEBAR, 4.5, "sidebar text"),
    (MUTED, BACKGROUND, 4.5, "captions, help texts"),
    (MUTED, SIDEBAR, 4.5, "captions in the sidebar"),
    (WHITE, PRIMARY, 4.5, "primary button text"),
    (PRIMARY, BACKGROUND, 4.5, "links, tertiary buttons"),
    (PRIMARY, SIDEBAR, 4.5, "the chosen language segment"),
    (FOCUS, BACKGROUND, 3.0, "focus ring on the page"),
    (FOCUS, SIDEBAR, 3.0, "focus ring in the sidebar"),
    (BORDER, BACKGROUND, 3.0, "field borders"),
    (DANGER, DANGER_BACKGROUND, 4.5, "overdue badge"),
    (NEGATIVE, BACKGROUND, 3.0, "negative bars in the results chart"),
    (POSITIVE, BACKGROUND, 3.0, "positive bars in the results chart"),
]


def _channels(color: str) -> tuple[float, float, float]:
    value = color.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def luminance(color: str) -> float:
    """Relative luminance as WCAG 2.1 defines it."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(first: str, second: str, share: float) -> str:
    """`share` of the way from `first` to `second`, in RGB as Vega's 'rgb' interpolation."""
    a, b = _channels(first), _channels(second)
    parts = (round(255 * (x + (y - x) * share)) for x, y in zip(a, b, strict=True))
    return "#" + "".join(f"{p:02x}" for p in parts)


def cell_fill(rating: float) -> str:
    """A heat-map cell's colour for a rating from -2 to 2 (the chart's own scale)."""
    if rating < 0:
        return mix(NEUTRAL, NEGATIVE, min(-rating, 2) / 2)
    return mix(NEUTRAL, POSITIVE, min(rating, 2) / 2)


def cell_ink(rating: float) -> str:
    """The figure's colour on that cell: black or white, whichever contrasts more."""
    fill = cell_fill(rating)
    return WHITE if contrast(WHITE, fill) > contrast(BLACK, fill) else BLACK
