"""The two small scripts the app runs in the browser; no data ever goes into them.

Streamlit's text fields send their value only when they lose focus or on (Ctrl+)Enter, so text
typed just before the tab is closed never reaches the server. `autosave()` commits a free-text
field after a short pause in typing, the way Ctrl+Enter would, and at once when the tab is
hidden, closed or reloaded; while typed text could not be sent (the server out of reach, or a
form not saved yet) the browser asks before leaving, and a note in view says when the server
cannot be reached. `focus_heading()` moves the keyboard focus to a section's heading after
"Nästa" or the section list, so that a screen reader starts reading the new section instead of
the top of the page.
"""

from __future__ import annotations

import json
import re

import streamlit as st

from app.ui.strings.i18n import t

PAUSE_MS = 300  #: a pause in typing this long commits the field (well inside a second)

_AUTOSAVE = """<script>
(() => {
  window.bkaTexts = %(texts)s;  // the words of the outage note and the leave prompt
  if (window.bkaAutosave) return;
  window.bkaAutosave = true;
  const timers = new WeakMap();
  const dirty = new Set();  // text fields typed in and not yet sent to the server
  let sentAt = 0;  // when a text was last handed to the app: not stored until its run ends
  const forms = new Set();  // forms typed in and not yet saved with their button
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest(
      '[data-testid="stFormSubmitButton"] button, [data-testid^="stBaseButton"]');
    const form = button && button.closest('[data-testid="stForm"]');
    if (form) forms.delete(form);
  }, true);
  // The server out of reach: Streamlit's own sign, or our own look at its health address
  // every two seconds (its sign is not always drawn, and its dialog speaks English only).
  let unreachable = 0;
  const health = () => fetch(new URL("_stcore/health", document.baseURI), {cache: "no-store"})
    .then((r) => { unreachable = r.ok ? 0 : unreachable + 1; })
    .catch(() => { unreachable += 1; });
  setInterval(health, 2000);
  const offline = () => unreachable >= 2
    || document.querySelector('[data-testid="stConnectionStatus"]') !== null;
  const commit = (el) => {
    clearTimeout(timers.get(el));
    if (!el.isConnected || el.disabled) { dirty.delete(el); return; }
    if (offline()) return;  // nothing can be sent: stays unsent, the leave prompt holds
    const area = el.tagName === "TEXTAREA";
    el.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", code: "Enter", keyCode: 13,
      which: 13, ctrlKey: area, bubbles: true, cancelable: true}));
    dirty.delete(el);
    sentAt = Date.now();
  };
  const commitAll = () => { for (const el of [...dirty]) commit(el); };
  document.addEventListener("input", (event) => {
    const el = event.target;
    if (!(el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement
          && el.type === "text"))) return;
    if (!el.closest('[data-testid="stTextArea"], [data-testid="stTextInput"]')) return;
    const form = el.closest('[data-testid="stForm"]');
    if (form) { forms.add(form); return; }  // a form saves with its own button
    dirty.add(el);
    clearTimeout(timers.get(el));
    timers.set(el, setTimeout(() => commit(el), %(pause)d));
  }, true);
  // Leaving the field sends it (Streamlit's own commit on blur).
  document.addEventListener("focusout", (event) => {
    if (dirty.delete(event.target)) sentAt = Date.now();
  }, true);
  // The tab hidden, closed or navigated away: send what was typed at once, not after the
  // pause; and while something could not be sent, the browser asks before leaving.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") commitAll();
  });
  window.addEventListener("pagehide", commitAll);
  // Unsent: typed and not handed over, a form not saved, or handed over so recently that
  // the app's run storing it may not have reached the server (it is still running).
  const unsent = () => {
    for (const form of [...forms]) if (!form.isConnected) forms.delete(form);
    const running = document.querySelector('[data-testid="stStatusWidgetRunningIcon"],'
      + ' [data-testid="stStatusWidgetRunningManIcon"]') !== null;
    return dirty.size > 0 || forms.size > 0 || Date.now() - sentAt < 1500
      || (running && Date.now() - sentAt < 10000);
  };
  window.addEventListener("beforeunload", (event) => {
    const waiting = unsent();
    commitAll();  // handed over now; whether it gets out before the page goes is not known
    if (!waiting) return;
    event.preventDefault();
    event.returnValue = window.bkaTexts.unsent;
  });
  // The server out of reach: said in words, in view, until it is back.
  const note = document.createElement("div");
  note.setAttribute("role", "alert");
  note.setAttribute("data-testid", "bka-offline");
  note.style.cssText = "position:fixed;top:0.75rem;left:50%%;transform:translateX(-50%%);"
    + "z-index:1000000;max-width:36rem;padding:0.75rem 1rem;border-radius:0.5rem;"
    + "background:#fff4ce;color:#3d2e00;border:2px solid #8a6d00;font:inherit;"
    + "box-shadow:0 2px 8px rgba(0,0,0,.25);display:none";
  let since = 0;
  let reloadWhenSent = false;
  let seenOnline = false;
  setInterval(() => {
    if (!note.isConnected) document.body.appendChild(note);
    const gone = offline();
    if (gone && !seenOnline) return;  // still connecting for the first time: not an outage
    seenOnline = true;
    if (gone) {
      since = since || Date.now();
      if (Date.now() - since > 1000) {
        note.textContent = window.bkaTexts.offline;
        note.style.display = "block";
      }
    } else {
      if (since && Date.now() - since > 1000) reloadWhenSent = true;  // it was really gone
      since = 0;
      note.style.display = "none";
      if (dirty.size) commitAll();  // back: what waited is sent now
      // Then the page is read again from the store: a server that was restarted knows
      // nothing of this page, and what the page still showed may never have been stored.
      if (reloadWhenSent && !unsent()) {
        reloadWhenSent = false;
        // Back to the same step: its heading's anchor names it.
        const heading = document.querySelector('[id^="bka-step-"]');
        const url = new URL(location.href);
        if (heading) url.searchParams.set("steg", heading.id.slice("bka-step-".length));
        location.replace(url.toString());
      }
    }
  }, 250);
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


def autosave(lang: str = "sv") -> None:
    """Commit free-text fields outside forms after a pause in typing, and at once when the
    tab is hidden or closed; ask before leaving while typed text could not be sent; say so
    in view while the server is out of reach (once per page)."""
    texts = {"offline": t("offline_note", lang), "unsent": t("unsent_leave", lang)}
    # json.dumps of our own strings: no user data ever goes into the script.
    st.html(_AUTOSAVE % {"pause": PAUSE_MS, "texts": json.dumps(texts)},
            unsafe_allow_javascript=True)


def focus_heading(anchor: str, nonce: int) -> None:
    """Move focus to the heading with this anchor once it is drawn."""
    if not _ANCHOR.match(anchor):  # ids are ours, but never let anything else into a script
        raise ValueError(f"not an anchor: {anchor!r}")
    st.html(_FOCUS % {"anchor": anchor, "nonce": nonce}, unsafe_allow_javascript=True)
