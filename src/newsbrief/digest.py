"""A digest: the stories of a grouping ranked by how many independent sources
cover them, each with its brief.

:func:`rank_stories` is the ranking ``newsbrief digest`` prints, usable from
Python; the renderers (:mod:`newsbrief.render`, :mod:`newsbrief.html`) take
the :class:`DigestEntry` records it leads to. What counts as an independent
source is :meth:`newsbrief.stories.StoryGroup.independent_sources`.

This module imports only :mod:`newsbrief.model` when it runs (the story
records are named for type checkers only), so renderers can use it without
loading the grouper.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from .model import Article, Brief

if TYPE_CHECKING:
    from .stories.groups import Grouping, StoryGroup


class RankedStory(NamedTuple):
    """A story and the number of independent sources that cover it."""

    story: StoryGroup
    independent_sources: int


class DigestEntry(NamedTuple):
    """One story of a digest: the story, its independent sources, its brief."""

    story: StoryGroup
    independent_sources: int
    brief: Brief


def rank_stories(grouping: Grouping, articles: Iterable[Article]) -> list[RankedStory]:
    """The stories of ``grouping``, most independent sources first, then most
    articles, then by story id (so ties are ordered the same on every run).

    ``articles`` are the grouped articles (at least those of the stories), for
    their source names.
    """
    source_of = {a.id: a.source for a in articles}.__getitem__
    ranked = [RankedStory(s, s.independent_sources(source_of)) for s in grouping.stories]
    ranked.sort(key=lambda r: (-r.independent_sources, -len(r.story.articles), r.story.id))
    return ranked


def digest_entries(entries: Iterable[DigestEntry | tuple]) -> list[DigestEntry]:
    """The entries as :class:`DigestEntry` records; plain ``(story, independent
    sources, brief)`` tuples, what the renderers took before this record, still do."""
    return [DigestEntry(*entry) for entry in entries]
