"""What story grouping hands back: the stories found and the articles left out.

These are plain frozen records so that a caller (the CLI, a test, a later
process) can sort, print or serialise them without touching the grouper.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """One story: the articles that report the same event.

    ``duplicates`` maps the id of each near-copy (syndicated or lightly
    rewritten text) to the id of the article it copies; near-copies do not
    count as sources of their own (:meth:`independent_sources`).
    """

    id: str
    title: str
    articles: tuple[str, ...]
    sources: tuple[str, ...]
    first_published: date | None
    last_published: date | None
    duplicates: dict[str, str] = field(default_factory=dict)

    @property
    def original_articles(self) -> int:
        """How many of the articles are not near-copies of another.

        Articles, not sources: two original reports by one outlet count twice
        here and once in :meth:`independent_sources`.
        """
        return len(self.articles) - len(self.duplicates)

    @property
    def independent(self) -> int:
        """The old name of :attr:`original_articles` (a count of articles, not of
        independent sources: see :meth:`independent_sources`)."""
        return self.original_articles

    def independent_sources(self, source_of: Callable[[str], str]) -> int:
        """How many independent sources cover the story: the distinct outlets
        (``source_of(article id)``) of the articles that are not near-copies.

        One wire story printed by ten papers is one source; the digest ranks
        stories by this number and the service shows it as a story's sources.
        """
        return len({source_of(a) for a in self.articles if a not in self.duplicates})


@dataclass(frozen=True, slots=True)
class Grouping:
    """Every article seen, exactly once: in a story or unassigned.

    Stories come in the order of their first article; the caller sorts them
    (by size, by date) as its output needs. ``unassigned`` holds the articles
    that kept no usable text after cleaning (pure boilerplate pages).
    """

    stories: tuple[StoryGroup, ...]
    unassigned: tuple[str, ...]

    def assignment(self) -> dict[str, str]:
        """Article id -> story id, for evaluation and lookups."""
        return {article: story.id for story in self.stories for article in story.articles}
