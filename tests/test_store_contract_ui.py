"""The pages on the PostgreSQL store: the official's, the meeting's and the workshop's paths
(the AppTest tests of test_ui_assessment, test_ui_meeting and test_ui_workshop) run again
here with BKA_DATABASE_URL set, unchanged. Their own files run them on the local folder."""

from __future__ import annotations

import pytest
import test_ui_assessment
import test_ui_meeting
import test_ui_workshop

pytestmark = pytest.mark.usefixtures("pg_url")

for _module in (test_ui_assessment, test_ui_meeting, test_ui_workshop):
    for _name in dir(_module):
        if _name.startswith("test_"):
            globals()[f"{_name}_on_postgresql"] = getattr(_module, _name)
