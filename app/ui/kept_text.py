"""Text typed into a box that a run draws again is kept, never dropped unseen.

Streamlit sends a text box's value only when the box loses focus or on (Ctrl+)Enter; until then
the typed text lives in the page alone. A run that draws the box again can take it away: when
an element above the box comes or goes (a button offered to one name and not to another, a part
drawn for one role only), the box is drawn anew or over what was typed, empty. A message shown
for one run moves nothing: it has a slot of its own on every run (state.show_once). Text typed
in that moment (a name changed, then a reply typed at once) used to be gone without a word. A
small script, drawn once per run on every page, watches the boxes typed in and not yet handed
over: when a run takes a text away, the text goes back at once, into the same box or into the
new box of the same key (keyed widgets carry their key as a class, `st-key-...`), with the
focus and the caret where the person was typing. A box that did not come back (no longer
offered) leaves a note in view with the text, to be copied; it is set as text, never as markup.
"""

from __future__ import annotations

import json

import streamlit as st

from app.ui.strings.i18n import t

_SCRIPT = """<script>
(() => {
  window.bkaKeptTexts = %(texts)s;
  if (window.bkaKeptText) return;
  window.bkaKeptText = true;
  const FIELD = '[data-testid="stTextInput"] input, [data-testid="stTextArea"] textarea';
  const typed = new Map();  // box -> what was typed in it and not yet handed to the app
  const keyOf = (el) => {
    const holder = el.closest('[data-testid="stElementContainer"]');
    const key = holder && [...holder.classList].find((c) => c.startsWith("st-key-"));
    return key || null;
  };
  const labelOf = (el) => el.getAttribute("aria-label") || "";
  const note = (entry) => {
    const box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "bka-kept-text");
    box.style.cssText = "position:fixed;bottom:1rem;right:1rem;z-index:1000000;"
      + "max-width:32rem;padding:0.75rem 1rem;border-radius:0.5rem;background:#fff4ce;"
      + "color:#3d2e00;border:2px solid #8a6d00;font:inherit;"
      + "box-shadow:0 2px 8px rgba(0,0,0,.25)";
    const words = window.bkaKeptTexts;
    const head = document.createElement("p");
    head.textContent = words.lost.replace("{label}", entry.label);
    const text = document.createElement("pre");
    text.style.cssText = "white-space:pre-wrap;user-select:all;margin:0.5rem 0";
    text.textContent = entry.value;  // the person's own words: as text, never markup
    if (entry.secret) text.textContent = "••••";  // a key is never shown
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = words.close;
    close.addEventListener("click", () => box.remove());
    box.append(head, text, close);
    document.body.appendChild(box);
  };
  const idle = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app !== null && app.getAttribute("data-test-script-state") === "notRunning"
      && !document.querySelector('[data-stale="true"]');
  };
  const setValue = (el, value) => {
    const proto = el.tagName === "TEXTAREA" ? HTMLTextAreaElement : HTMLInputElement;
    Object.getOwnPropertyDescriptor(proto.prototype, "value").set.call(el, value);
    el.dispatchEvent(new Event("input", {bubbles: true}));  // as if typed: React takes it
  };
  // A box typed in whose text a run took away: drawn anew (a new element of the same key) or
  // drawn again over the typed text (the same element, its value reset): the typed text goes
  // back at once, before the next keystroke. A box that did not come back is said in view once
  // the run is over. Text not yet handed over has no other way to change than typing.
  const carry = () => {
    for (const [old, entry] of [...typed]) {
      const now = old.isConnected ? old : entry.key && document.querySelector(
        "." + CSS.escape(entry.key) + " input, ." + CSS.escape(entry.key) + " textarea");
      if (now && !now.disabled) {
        if (now !== old) {
          typed.delete(old);
          typed.set(now, entry);
        }
        if (now.value !== entry.value) {
          const away = document.activeElement === document.body
            || document.activeElement === null;
          const refocus = entry.focused && (away || document.activeElement === now);
          if (refocus) now.focus();
          setValue(now, entry.value);
          if (refocus) now.setSelectionRange(entry.value.length, entry.value.length);
        }
        continue;
      }
      if (!old.isConnected && idle()) {
        typed.delete(old);
        note(entry);
      }
    }
  };
  // Read as the keystroke arrives, before the box's own handler: the page may look again
  // between that handler and the event's end (a length limit is the browser's own maxlength,
  // so what arrives is what the box takes).
  document.addEventListener("input", (event) => {
    const el = event.target;
    if (!(el instanceof Element) || !el.matches(FIELD)) return;
    typed.set(el, {key: keyOf(el), label: labelOf(el), value: el.value,
                   secret: el.type === "password", focused: document.activeElement === el});
  }, true);
  // Handed over: Enter in a line (Ctrl+Enter in an area, as the page's autosave sends it),
  // which in a form sends the whole form; or the box left while it is still on the page
  // (Streamlit sends it on blur); or a form's button.
  const sent = (form) => {
    for (const el of [...typed.keys()]) if (form.contains(el)) typed.delete(el);
  };
  document.addEventListener("keydown", (event) => {
    const el = event.target;
    if (event.key !== "Enter" || !(el instanceof Element) || !el.matches(FIELD)) return;
    if (el.tagName === "TEXTAREA" && !(event.ctrlKey || event.metaKey)) return;
    const form = el.closest('[data-testid="stForm"]');
    if (form) sent(form);
    else typed.delete(el);
  }, true);
  document.addEventListener("focusout", (event) => {
    const el = event.target;
    if (!typed.has(el)) return;
    // A box removed while focused is not handed over: only one still on the page is (and a
    // form's box waits for its button).
    setTimeout(() => {
      const entry = typed.get(el);
      if (!entry || !el.isConnected) return;
      if (el.closest('[data-testid="stForm"]')) entry.focused = false;
      else typed.delete(el);
    }, 0);
  }, true);
  document.addEventListener("focusin", (event) => {
    const entry = typed.get(event.target);
    if (entry) entry.focused = true;
  }, true);
  document.addEventListener("click", (event) => {
    const form = event.target.closest && event.target.closest('[data-testid="stForm"]');
    if (form && event.target.closest("button")) sent(form);
  }, true);
  // Right after each change a run makes to the page (a box drawn, a faded element drawn
  // again), and on a timer for a value set without any change to the page's tree.
  new MutationObserver(() => { if (typed.size) carry(); }).observe(document.body,
    {childList: true, subtree: true, attributes: true, attributeFilter: ["data-stale"]});
  setInterval(() => { if (typed.size) carry(); }, 100);
})();
</script>"""


def apply(lang: str) -> None:
    """The script, once per run (drawn at the same place each run, so it moves nothing)."""
    texts = {"lost": t("kept_text_lost", lang), "close": t("kept_text_close", lang)}
    # json.dumps of our own strings: no user data ever goes into the script.
    st.html(_SCRIPT % {"texts": json.dumps(texts)}, unsafe_allow_javascript=True)
