"""Use cases: read and write the store and call the core; the edges (ui, cli, api,
report) call these."""

from app.core.models.assessment import Assessment
from app.store.facts import scorer as _scorer
from app.store.facts.rows import Fact


def _fact_of(assessment: Assessment) -> Fact:
    """Every save in a process that uses the services writes its overview facts; imported
    only at the first save, so a command that saves nothing loads no questionnaires."""
    from app.services.dashboard_facts import fact_of

    return fact_of(assessment)


_scorer.register(_fact_of)
