"""axe-core (from the npm registry, `make node_modules`) run inside a Playwright page.

Every violation is sorted into one of two heaps: the ones Streamlit's own widgets and frame
cause, which we cannot change from the app (each named in STREAMLIT_OWN with the reason), and
everything else, which is ours: our labels, headings, colours, theme and CSS.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from app.services.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, as the law asks (EN 301 549); best-practice rules are reported too.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# (rule, a CSS fragment of the failing element's target, why it is Streamlit's and not ours)
STREAMLIT_OWN: list[tuple[str, str, str]] = [
    ("list", r"stSidebarNavItems",
     "the sidebar navigation puts its section headers inside the <ul>, between the <li>s"),
    ("listitem", r"<li class=",
     "the sidebar navigation's <li>s sit in a <div> per section, not directly in the <ul>"),
    ("presentation-role-conflict", r"stFileUploaderDropzone",
     "the file uploader's drop zone has role=presentation and is focusable (tabindex=-1)"),
]


def need_axe() -> Path:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing: `make node_modules` installs it (npm ci)")
        pytest.skip("axe-core is not installed: run `make node_modules`")
    return AXE


@dataclass
class Finding:
    page: str
    rule: str
    impact: str
    target: str
    html: str
    summary: str
    streamlit: str = ""  #: why Streamlit causes it; empty when it is ours


@dataclass
class Tally:
    findings: list[Finding] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  #: every page measured, in order

    def ours(self) -> list[Finding]:
        return [f for f in self.findings if not f.streamlit]

    def theirs(self) -> list[Finding]:
        return [f for f in self.findings if f.streamlit]

    def by_rule(self, items: list[Finding]) -> Counter[str]:
        return Counter(f.rule for f in items)


def run_axe(page: Any, name: str) -> list[Finding]:
    """axe's violations on the page as it stands now, one Finding per failing element."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(need_axe()))
    result = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        TAGS,
    )
    found: list[Finding] = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            target = " ".join(" ".join(t) if isinstance(t, list) else t for t in node["target"])
            finding = Finding(name, violation["id"], node.get("impact") or "",
                              target, node["html"][:300], node.get("failureSummary", "")[:400])
            finding.streamlit = streamlit_reason(finding)
            found.append(finding)
    return found


def streamlit_reason(finding: Finding) -> str:
    for rule, fragment, why in STREAMLIT_OWN:
        if finding.rule == rule and re.search(fragment, finding.target + " " + finding.html):
            return why
    return ""


def report(tally: Tally) -> str:
    """The figures per page and rule, for the test's output and the closing note."""
    lines = []
    pages = tally.pages or sorted({f.page for f in tally.findings})
    for page in pages:
        here = [f for f in tally.findings if f.page == page]
        ours = Counter(f.rule for f in here if not f.streamlit)
        theirs = Counter(f.rule for f in here if f.streamlit)
        lines.append(f"{page}: ours {sum(ours.values())} {dict(ours)}; "
                     f"streamlit {sum(theirs.values())} {dict(theirs)}")
    lines.append(f"TOTAL ours {len(tally.ours())} {dict(tally.by_rule(tally.ours()))}")
    lines.append(f"TOTAL streamlit {len(tally.theirs())} {dict(tally.by_rule(tally.theirs()))}")
    for rule, _, why in STREAMLIT_OWN:
        count = sum(1 for f in tally.theirs() if f.rule == rule and f.streamlit == why)
        if count:
            lines.append(f"  streamlit {rule} x{count}: {why}")
    return "\n".join(lines)
