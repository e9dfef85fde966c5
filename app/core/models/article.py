"""The convention's articles and their clusters: the UN Committee's for 1-42, our own for 43-54."""

from functools import cached_property

from pydantic import Field

from app.core.models.base import Strict
from app.core.text import Text


class Prompt(Strict):
    """A discussion prompt for a team meeting, in every language."""

    sv: str
    en: str


class Article(Strict):
    """One article of the UN Convention on the Rights of the Child."""

    number: int = Field(ge=1, le=54)  #: 1-54
    title: Text  #: a short title
    principle: bool = False  #: one of the four general principles (2, 3, 6, 12)
    clusters: list[str] = Field(min_length=1)  #: ids from clusters.yaml
    summary: Text  #: 2-4 plain sentences, our own words
    prompts: list[Prompt] = Field(min_length=3, max_length=5)  #: for meeting mode


class Cluster(Strict):
    """A group of articles: one the UN Committee uses for state reports, or our own (43-54)."""

    id: str
    title: Text
    description: Text = ""


class ClusterFile(Strict):
    """The shape of articles/clusters.yaml."""

    clusters: list[Cluster]


class ArticleLibrary(Strict):
    """All 54 articles and their clusters, in order."""

    articles: list[Article]
    clusters: list[Cluster]

    @cached_property
    def by_number(self) -> dict[int, Article]:
        return {a.number: a for a in self.articles}

    @cached_property
    def cluster_members(self) -> dict[str, list[int]]:
        """Article numbers of each cluster, in cluster order."""
        members: dict[str, list[int]] = {c.id: [] for c in self.clusters}
        for article in self.articles:
            for cid in article.clusters:
                members.setdefault(cid, []).append(article.number)
        return members

    def article(self, number: int) -> Article | None:
        return self.by_number.get(number)
