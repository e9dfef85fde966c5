"""What the children's pages share: the collection store and the children's questionnaires."""

from __future__ import annotations

import streamlit as st

from app.core.catalog import children_questionnaire_files
from app.core.children_loading import load_child_questionnaire
from app.core.models.children import ChildQuestionnaire
from app.services.paths import QUESTIONNAIRES_DIR
from app.store import data_dir
from app.store.child_collections import ChildCollectionStore

DEFAULT = "children-voices"


def store() -> ChildCollectionStore:
    return ChildCollectionStore(data_dir())


@st.cache_resource(show_spinner=False)
def questionnaires() -> dict[str, ChildQuestionnaire]:
    """The shipped children's questionnaires by id (immutable, shared by every session)."""
    loaded = [load_child_questionnaire(p) for p in children_questionnaire_files(QUESTIONNAIRES_DIR)]
    return {q.id: q for q in loaded}


def questionnaire(qid: str = DEFAULT) -> ChildQuestionnaire | None:
    return questionnaires().get(qid)
