"""The desk: groups new articles into stories and rewrites their briefs, off the request path.

One background thread owns the :class:`~newsbrief.stories.StoryGrouper` (which
is not thread-safe and need not be): requests only store articles and nudge
the desk, and readers get the last brief written, flagged stale while a newer
one is being made. Grouping comes before briefs on every turn, so a burst of
articles is grouped at once, and a story's brief is rebuilt only from the
members it has when its turn comes, not once per article it gained.

The grouper's state is saved beside the database; after a restart the desk
adds the articles stored since that save, in the order they were stored, so
the stories continue where they were.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

from ..errors import NewsbriefError
from ..model import Story
from ..pipeline import brief_story
from ..render import to_dict
from ..stories import StoryGrouper
from ..stories.groups import StoryGroup
from ..stories.state import has_state
from .settings import DeskSettings
from .store import Store, StoryRecord

log = logging.getLogger(__name__)


def article_number(article_id: str) -> int:
    """The database number inside a grouper id ('a42' -> 42)."""
    return int(article_id[1:])


class Desk:
    """Keeps stories and briefs up to date with the articles in the store."""

    def __init__(self, store: Store, state_dir: Path, settings: DeskSettings | None = None):
        self.store = store
        self.state_dir = state_dir
        self.settings = settings or DeskSettings()
        self.grouper, self._last = self._load_grouper()
        self._synced = store.synced_members()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._saved_at = time.monotonic()
        self._unsaved = False
        self.errors = 0

    def _load_grouper(self) -> tuple[StoryGrouper, int]:
        """The saved grouping and the last article in it; a fresh one if none is usable."""
        saved = self.state_dir.is_dir() and any(self.state_dir.iterdir())
        if saved or has_state(self.state_dir):  # the latter: a save cut off between renames
            try:
                grouper = StoryGrouper.load(self.state_dir)
            except (OSError, ValueError, KeyError) as exc:
                log.warning("story state in %s unusable (%s); regrouping all", self.state_dir, exc)
            else:
                grouping = grouper.grouping()
                ids = [a for s in grouping.stories for a in s.articles]
                ids.extend(grouping.unassigned)
                last = max((article_number(a) for a in ids), default=0)
                return grouper, last
        return StoryGrouper(), 0

    @property
    def last_grouped(self) -> int:
        """The number of the last article in the grouping."""
        return self._last

    # -- the thread -----------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="newsbrief-desk", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the step under way, save the grouping and end the thread."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.save()

    def notify(self) -> None:
        """New articles are in the store: group them soon."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self.step()
            except Exception:  # the desk must outlive any one bad turn
                self.errors += 1
                log.exception("desk step failed")
                busy = False
            if not busy:
                self._wake.wait(self.settings.idle_wait)
                self._wake.clear()

    def step(self) -> bool:
        """One turn: group what is new, then rewrite one stale brief. True if work was done."""
        grouped = self.group_new()
        if self._unsaved and time.monotonic() - self._saved_at >= self.settings.save_every:
            self.save()
        stale = self.store.stale_stories(limit=1)
        if stale:
            self.write_brief(stale[0])
        return bool(grouped or stale)

    # -- grouping -------------------------------------------------------------

    def group_new(self, batch: int = 2000) -> int:
        """Add the articles stored since the last turn to the grouping; returns how many."""
        added, last = 0, self._last
        while True:
            rows = self.store.articles_after(last, limit=batch)
            if not rows:
                break
            for row in rows:
                self.grouper.add(row.article)
                last = row.number
            added += len(rows)
        if added:
            self.grouper.refine()
            self._sync()
            self._unsaved = True
        # Only now are they grouped for readers: /health must not report an
        # article as grouped while its story is not yet written to the store.
        self._last = last
        return added

    def _sync(self) -> None:
        grouping = self.grouper.grouping()
        current: dict[str, tuple[int, ...]] = {}
        changed = []
        for group in grouping.stories:
            members = tuple(sorted(article_number(a) for a in group.articles))
            current[group.id] = members
            if self._synced.get(group.id) != members:
                changed.append((group, members))
        sources = self.store.sources([n for _, members in changed for n in members])
        rows = [_story_row(group, members, sources) for group, members in changed]
        owner = {n: story for story, members in current.items() for n in members}
        moves = {
            old: owner[members[0]]
            for old, members in self._synced.items()
            if old not in current and members and members[0] in owner
        }
        self.store.sync_stories(rows, moves)
        self._synced = current

    def save(self) -> None:
        """Write the grouping's state beside the database (atomically, see
        :func:`newsbrief.stories.state.save_state`)."""
        if not self._unsaved:
            return
        try:
            self.grouper.save(self.state_dir)
        except OSError as exc:
            log.error("cannot save the story state in %s: %s", self.state_dir, exc)
            return
        self._saved_at = time.monotonic()
        self._unsaved = False

    # -- briefs ---------------------------------------------------------------

    def write_brief(self, record: StoryRecord) -> None:
        """Brief a story from its members (the latest ``max_brief_articles`` of a large one)."""
        from ..html import render_brief_page

        stored = self.store.articles(record.members)
        articles = [row.article for row in stored][-self.settings.max_brief_articles :]
        try:
            brief = brief_story(Story(articles=articles, id=record.id), words=self.settings.words)
            as_json = json.dumps(to_dict(brief), ensure_ascii=False)
            page = render_brief_page(
                brief,
                title=record.title,
                nav=[("All stories", "/")],
                updated=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            )
        except NewsbriefError as exc:
            log.warning("story %s: no brief (%s)", record.id, exc)
            self.store.save_brief(record.id, record.members, None, None, error=str(exc))
            return
        except Exception as exc:  # a bug on one story must not stall the others
            log.exception("story %s: brief failed", record.id)
            error = f"internal error: {type(exc).__name__}"
            self.store.save_brief(record.id, record.members, None, None, error=error)
            return
        self.store.save_brief(record.id, record.members, as_json, page)


def _story_row(group: StoryGroup, members: tuple[int, ...], sources: dict[int, str]) -> dict:
    """A story's columns; its source count is :meth:`StoryGroup.independent_sources`."""
    independent = group.independent_sources(lambda a: sources.get(article_number(a), ""))
    return {
        "id": group.id,
        "title": group.title,
        "members": members,
        "sources": independent,
        "first_published": group.first_published.isoformat() if group.first_published else None,
        "last_published": group.last_published.isoformat() if group.last_published else None,
    }
