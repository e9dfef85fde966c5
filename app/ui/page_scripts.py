"""The two small scripts the app runs in the browser; no data ever goes into them.

Streamlit's text fields send their value only when they lose focus or on (Ctrl+)Enter, so text
typed just before the tab is closed never reaches the server. `autosave()` commits a free-text
field after a short pause in typing, the way Ctrl+Enter would. `focus_heading()` moves the
keyboard focus to a section's heading after "Nästa" or the section list, so that a screen
reader starts reading the new section instead of the top of the page.
"""

from __future__ import annotations

import re

import streamlit as st

PAUSE_MS = 600  #: a pause in typing this long commits the field (well inside a second)

_AUTOSAVE = """<script>
(() => {
  if (window.bkaAutosave) return;
  window.bkaAutosave = true;
  const timers = new WeakMap();
  const commit = (el) => {
    if (!el.isConnected || el.disabled) return;
    const area = el.tagName === "TEXTAREA";
    el.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", code: "Enter", keyCode: 13,
      which: 13, ctrlKey: area, bubbles: true, cancelable: true}));
  };
  document.addEventListener("input", (event) => {
    const el = event.target;
    if (!(el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement
          && el.type === "text"))) return;
    if (!el.closest('[data-testid="stTextArea"], [data-testid="stTextInput"]')) return;
    if (el.closest('[data-testid="stForm"]')) return;  // a form saves with its own button
    clearTimeout(timers.get(el));
    timers.set(el, setTimeout(() => commit(el), %(pause)d));
  }, true);
  // A sidebar page link clicked while the field's own save is still running was sometimes
  // undone by that run's answer (the browser came back to the page it had left): hold the
  // click until the app is idle, then click again.
  let committed = 0;
  document.addEventListener("focusout", (event) => {
    if (event.target.closest && event.target.closest(
        '[data-testid="stTextArea"], [data-testid="stTextInput"]')) committed = Date.now();
  }, true);
  const busy = () => document.querySelector('[data-testid="stStatusWidgetRunningIcon"],'
    + ' [data-testid="stStatusWidgetRunningManIcon"]') !== null;
  // Streamlit shows its running sign only a moment after a run starts: hold at least this long.
  const HOLD_MS = 500;
  let passing = false;
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest(
      '[data-testid="stSidebarNavLink"]');
    if (!link || passing || Date.now() - committed > 1500) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const started = Date.now();
    const later = () => {
      if ((busy() || Date.now() - started < HOLD_MS) && Date.now() - started < 4000) {
        setTimeout(later, 50);
        return;
      }
      committed = 0;
      passing = true;
      link.click();
      passing = false;
    };
    setTimeout(later, 50);
  }, true);
})();
</script>"""

_FOCUS = """<script>
(() => {
  const id = "%(anchor)s";  // %(nonce)d: a new element each time, so the script runs again
  let tries = 0;
  const focus = () => {
    const heading = window.document.getElementById(id);
    if (!heading) { if (tries++ < 40) setTimeout(focus, 50); return; }
    heading.setAttribute("tabindex", "-1");
    heading.focus({preventScroll: false});
  };
  setTimeout(focus, 0);
})();
</script>"""

_ANCHOR = re.compile(r"^[A-Za-z0-9_-]+$")


def autosave() -> None:
    """Commit free-text fields outside forms after a pause in typing (once per page)."""
    st.html(_AUTOSAVE % {"pause": PAUSE_MS}, unsafe_allow_javascript=True)


def focus_heading(anchor: str, nonce: int) -> None:
    """Move focus to the heading with this anchor once it is drawn."""
    if not _ANCHOR.match(anchor):  # ids are ours, but never let anything else into a script
        raise ValueError(f"not an anchor: {anchor!r}")
    st.html(_FOCUS % {"anchor": anchor, "nonce": nonce}, unsafe_allow_javascript=True)
