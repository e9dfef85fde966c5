"""A person's recorded signature: how who did something is written into a record.

In the login mode a signature is the person's name, e-mail and directory subject id,
'Anna Berg <anna@kommun.se> [sub-anna]'; in the local mode a typed name. Reading one back
needs nothing of the roles and their sources (app/core/roles.py), so a record's lifecycle
(app/core/lifecycle.py) and a report read it here.
"""

from __future__ import annotations


def signature(name: str, email: str, sub: str) -> str:
    who = " ".join(name.split()) or email or sub
    mail = f" <{email}>" if email and email != who else ""
    return f"{who}{mail} [{sub}]"


def subject_of(recorded: str) -> str:
    """The subject id in a recorded signature ('' for a typed name of the local mode)."""
    text = recorded.strip()
    if text.endswith("]") and " [" in text:
        return text[text.rindex(" [") + 2:-1]
    return ""


def display_name(recorded: str) -> str:
    """A recorded signature without its subject id, for reading: 'Anna Berg <anna@…>'."""
    sub = subject_of(recorded)
    return recorded.strip()[:-(len(sub) + 3)] if sub else recorded
