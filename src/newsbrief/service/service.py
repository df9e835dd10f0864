"""The running service: the store, the desk and the feed poller, wired together.

:class:`Service` is what the web app talks to; it is also usable without HTTP
(``Service(settings)``, ``start()``, ``add_article(...)``) for embedding.
"""

from __future__ import annotations

import logging
import time

from ..model import Article
from ..version import __version__
from .desk import Desk
from .feeds import FeedPoller
from .settings import ServiceSettings
from .store import FeedRecord, Store, StoryRecord

log = logging.getLogger(__name__)


class Service:
    """Articles in, stories and briefs out, with the work done on background threads."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self.store = Store(settings.db)
        self.desk = Desk(self.store, settings.state_dir, settings.desk)
        self.poller = FeedPoller(self.store, settings.feeds, on_articles=self.desk.notify)
        self.started = time.time()

    def start(self) -> None:
        self.desk.start()
        self.poller.start()
        self.desk.notify()
        log.info("newsbrief service on %s", self.store.path)

    def stop(self) -> None:
        self.poller.stop()
        self.desk.stop()
        self.store.close()

    # -- writes -----------------------------------------------------------------

    def add_article(self, article: Article) -> tuple[int, bool]:
        number, created = self.store.add_article(article)
        if created:
            self.desk.notify()
        return number, created

    def add_feed(self, url: str, interval: float | None) -> tuple[FeedRecord, bool]:
        record, created = self.store.add_feed(url, interval or self.settings.feeds.interval)
        if created:
            self.poller.notify()
        return record, created

    # -- reads ------------------------------------------------------------------

    def health(self) -> dict:
        return {
            "status": "ok",
            "version": __version__,
            "articles": self.store.article_count(),
            "stories": self.store.story_count(),
            "articles_to_group": self.store.article_count(after=self.desk.last_grouped),
            "stale_briefs": self.store.story_count(stale=True),
            "feeds": len(self.store.feeds()),
            "desk_errors": self.desk.errors,
            "uptime_s": round(time.time() - self.started, 1),
        }

    def story_page(self, order: str, page: int, per_page: int) -> dict:
        total = self.store.story_count()
        records = self.store.stories(order, limit=per_page, offset=(page - 1) * per_page)
        return {
            "stories": [r.summary() for r in records],
            "order": order,
            "page": page,
            "per_page": per_page,
            "total": total,
            "pages": max(1, -(-total // per_page)),
        }

    def index_page(self, order: str, page: int, per_page: int = 30) -> str:
        from ..html import StoryRow, render_story_index

        listing = self.story_page(order, page, per_page)
        rows = [
            StoryRow(
                id=s["id"],
                title=s["title"] or s["id"],
                href=f"/story/{s['id']}",
                sources=s["sources"],
                articles=s["articles"],
                first_published=s["first_published"],
                last_published=s["last_published"],
                updated=s["updated"],
            )
            for s in listing["stories"]
        ]
        links = []
        if page > 1:
            links.append(("Newer" if order == "newest" else "Previous", _href(order, page - 1)))
        if page < listing["pages"]:
            links.append(("Older" if order == "newest" else "Next", _href(order, page + 1)))
        other = "covered" if order == "newest" else "newest"
        links.append((f"Sort: {other.replace('covered', 'most covered')}", _href(other, 1)))
        return render_story_index(rows, title="Stories", page_links=links)

    def pending_page(self, record: StoryRecord) -> str:
        detail = (
            f"This story's brief could not be made: {record.brief_error}"
            if record.brief_error
            else "Its brief is being written; this page refreshes by itself."
        )
        return self.message_page(record.title or record.id, detail, refresh=not record.brief_error)

    def message_page(self, title: str, detail: str, refresh: bool = False) -> str:
        from .pages import render_message_page

        return render_message_page(title, detail, nav=[("All stories", "/")], refresh=refresh)


def _href(order: str, page: int) -> str:
    return f"/?order={order}&page={page}"
