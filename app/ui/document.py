"""The page as a whole: its language (<html lang>), and Streamlit's own words in ours.

Streamlit sends `<html lang="en">` whatever the app says and has no setting for its widgets'
words ("Choose options", "Skip to main content", "Page not found"). A small script, drawn
once per run, sets the document's language and swaps those words as Streamlit draws them:
exact matches only (strings_streamlit.yaml), and never inside what we draw from data (Markdown,
text, code, tables, fields' values), so user text is never touched. It also names the buttons
of a keyed row (`st.container(key="bka-row-...")`) after the row's bold title, which
Streamlit's buttons cannot take as a separate accessible name.
"""

from __future__ import annotations

import json

import streamlit as st

from app.core.once import once
from app.ui.strings.i18n import _strings

_SCRIPT = """<script>
(() => {
  const doc = document;
  const words = %(words)s;
  const patterns = %(patterns)s.map(([p, r]) => [new RegExp(p), r]);
  doc.documentElement.lang = %(lang)s;
  const skip = '[data-testid="stMarkdownContainer"], [data-testid="stText"], ' +
    '[data-testid="stCode"], [data-testid="stDataFrame"], [data-testid="stTable"], ' +
    'textarea, [contenteditable="true"]';
  const mine = '[data-testid="stFileUploaderDropzone"] button';
  const swap = (text) => {
    const key = text.trim();
    if (!key) return null;
    if (Object.prototype.hasOwnProperty.call(words, key)) return text.replace(key, words[key]);
    for (const [p, r] of patterns) if (p.test(key)) return text.replace(key, key.replace(p, r));
    return null;
  };
  const fix = (node) => {
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      // Streamlit draws its own button texts as Markdown too: the uploader's is still its own.
      if (!parent || (parent.closest(skip) && !parent.closest(mine))) return;
      const text = swap(node.nodeValue);
      if (text !== null && text !== node.nodeValue) node.nodeValue = text;
      return;
    }
    if (node.nodeType !== 1 || node.closest(skip)) return;
    for (const name of ["aria-label", "placeholder", "title"]) {
      const value = node.getAttribute(name);
      const text = value === null ? null : swap(value);
      if (text !== null && text !== value) node.setAttribute(name, text);
    }
  };
  const sweep = (root) => {
    fix(root);
    if (root.nodeType !== 1) return;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) fix(walker.currentNode);
  };
  // A row's buttons ("Öppna", "Ta bort") are named with the row's title: "Öppna – title".
  // The title is read as text from the row's first bold Markdown and set as an attribute,
  // never as HTML.
  const nameRows = () => {
    for (const row of doc.querySelectorAll('[class*="st-key-bka-row-"]')) {
      const title = row.querySelector('[data-testid="stMarkdownContainer"] strong');
      const text = title ? title.textContent.trim() : "";
      if (!text) continue;
      for (const button of row.querySelectorAll("button")) {
        const own = button.innerText.trim();
        const want = own ? own + " – " + text : "";
        if (want && button.getAttribute("aria-label") !== want) {
          button.setAttribute("aria-label", want);
        }
      }
    }
  };
  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; nameRows(); });
  };
  if (window.__bkaWords) window.__bkaWords.disconnect();
  const observer = new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === "childList") c.addedNodes.forEach(sweep); else fix(c.target);
    }
    later();
  });
  observer.observe(doc.documentElement, {subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ["aria-label", "placeholder", "title"]});
  window.__bkaWords = observer;
  sweep(doc.body);
  nameRows();
})();
</script>"""


def streamlit_words(lang: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Streamlit's exact texts and patterns, each with our text in `lang`."""
    words: dict[str, str] = {}
    patterns: list[tuple[str, str]] = []
    for entry in _strings().values():
        ours = entry.get(lang) or entry.get("sv") or ""
        if "streamlit" in entry:
            words[entry["streamlit"]] = ours
        elif "pattern" in entry:
            patterns.append((entry["pattern"], ours))
    return words, patterns


def _js(value: object) -> str:
    # Streamlit's sanitiser (DOMPurify) drops a whole script whose text holds "<" before a
    # letter or "/", so no "<" reaches it: in JSON strings it is written \u003c.
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


@once  # the same every run of a language: the strings are read once per process
def script(lang: str) -> str:
    words, patterns = streamlit_words(lang)
    # JavaScript's replace() knows $1 as the first group, as the YAML writes it.
    return _SCRIPT % {"words": _js(words), "patterns": _js(patterns), "lang": _js(lang)}


def apply(lang: str) -> None:
    """The document's language and Streamlit's words, for this run's language."""
    st.html(script(lang), unsafe_allow_javascript=True)
