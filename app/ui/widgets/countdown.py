"""The workshop's timer: minutes and seconds left until the end the trainer set, counted down
in the browser (no reruns), on the projector and the groups' screens alike."""

from __future__ import annotations

import datetime as dt
import json

import streamlit as st

from app.ui.strings.i18n import t

# Our own markup and script; the only values in it are a number and our own words, each
# written as JavaScript strings by json.dumps.
_TIMER = """<div class="bka-timer" role="timer" aria-label=%(name)s
  style="font-size:%(size)s;font-weight:700;font-variant-numeric:tabular-nums;
         border:2px solid #1f4e79;border-radius:8px;padding:.3rem .8rem;display:inline-block">
  <span class="bka-timer-text"></span></div>
<script>
(() => {
  const ends = %(ends)d, left = %(left)s, over = %(over)s;
  const boxes = document.querySelectorAll(".bka-timer .bka-timer-text");
  const box = boxes[boxes.length - 1];
  const tick = () => {
    const s = Math.max(0, Math.round((ends - Date.now()) / 1000));
    const m = Math.floor(s / 60), r = String(s %% 60).padStart(2, "0");
    box.textContent = s > 0 ? left + " " + m + ":" + r : over;
    if (s > 0) setTimeout(tick, 1000);
  };
  tick();
})();
</script>"""


def countdown(ends: dt.datetime | None, lang: str, large: bool = False) -> None:
    """Nothing without a timer; else "Kvar 12:34", then "Tiden är ute"."""
    if ends is None:
        return
    st.html(_TIMER % {"name": json.dumps(t("ws_timer_name", lang)),
                      "size": "2.4rem" if large else "1.3rem",
                      "ends": int(ends.timestamp() * 1000),
                      "left": json.dumps(t("ws_timer_left", lang)),
                      "over": json.dumps(t("ws_timer_over", lang))},
            unsafe_allow_javascript=True)
