"""What story grouping hands back: the stories found and the articles left out.

These are plain frozen records so that a caller (the CLI, a test, a later
process) can sort, print or serialise them without touching the grouper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """One story: the articles that report the same event.

    ``duplicates`` maps the id of each near-copy (syndicated or lightly
    rewritten text) to the id of the article it copies, so that a caller can
    count independent sources as ``len(articles) - len(duplicates)``.
    """

    id: str
    title: str
    articles: tuple[str, ...]
    sources: tuple[str, ...]
    first_published: date | None
    last_published: date | None
    duplicates: dict[str, str] = field(default_factory=dict)

    @property
    def independent(self) -> int:
        """How many of the articles are not near-copies of another."""
        return len(self.articles) - len(self.duplicates)


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
