"""A Paragraph measured once per width.

Laying out a report asks a paragraph its height again and again at the same width: a table
measures its cells, measures them again when it is split over a page and once more when it
draws them; KeepTogether measures its content to see whether it fits, then the frame measures
it to place it. Line breaking is most of the PDF's time, and its result depends only on the
paragraph and the width, so the last width's lines are kept and given back.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph as _Paragraph


class Paragraph(_Paragraph):
    """reportlab's Paragraph, its line breaking kept for the last width asked."""

    _measured: tuple[float, float, float, Any, Any] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        last = self._measured
        if last is not None and last[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = last
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):  # not when nothing fits (reportlab returns early)
            self._measured = (availWidth, self.width, self.height, self.blPara,
                              self._wrapWidths)
        return width, height
