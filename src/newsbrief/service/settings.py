"""What can be set on the service, kept apart so that reading options costs no imports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "newsbrief-data/newsbrief.db"


@dataclass(frozen=True, slots=True)
class DeskSettings:
    """How the desk works; the defaults suit a newsroom's day of copy."""

    words: int = 120
    max_brief_articles: int = 50
    idle_wait: float = 1.0
    save_every: float = 2.0


@dataclass(frozen=True, slots=True)
class FeedSettings:
    """How feeds are polled: ``interval`` is the default time between polls of a
    feed, ``retry`` the first wait after a failure (doubled per failure, at most
    ``interval`` times four)."""

    interval: float = 900.0
    timeout: float = 10.0
    retry: float = 60.0
    fetch_pages: bool = True
    max_bytes: int = 10_000_000
    threads: int = 4
    tick: float = 1.0


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """Everything ``newsbrief serve`` can set. ``db`` is a path or ``sqlite:///path``;
    the story grouping's state is kept in a folder beside it."""

    db: str = DEFAULT_DB
    max_body: int = 5_000_000
    desk: DeskSettings = field(default_factory=DeskSettings)
    feeds: FeedSettings = field(default_factory=FeedSettings)

    @property
    def state_dir(self) -> Path:
        from .store import database_path

        path = database_path(self.db)
        return path.with_name(path.name + ".stories")
