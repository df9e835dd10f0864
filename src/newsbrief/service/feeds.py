"""Polling RSS and Atom feeds: each due feed fetched, its new items stored as articles.

Feeds are fetched by httpx (with a timeout) and parsed by feedparser from the
bytes, so a feed that hangs or sends garbage fails alone: the error is kept on
the feed, it is tried again later (backing off while it keeps failing), and
the other feeds are polled as usual on their own threads. An item already seen
in a feed (by its guid, else its link) is skipped; an article already stored
(same URL or same text, from another feed or a client) is stored once.

Feed items often carry only a teaser, so when an item links to a page the page
is fetched and its text extracted with trafilatura; the teaser stays the text
when the page cannot be had.
"""

from __future__ import annotations

import calendar
import hashlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from urllib.parse import urlparse

from ..clean import clean_text
from ..errors import NewsbriefError
from ..ingest import article_from_html, host_of
from ..model import Article
from .settings import FeedSettings
from .store import FeedRecord, Store

log = logging.getLogger(__name__)

USER_AGENT = "newsbrief (+https://github.com/newsbrief; feed reader)"


class FeedError(NewsbriefError):
    """A feed that could not be fetched or read."""


def check_feed_url(url: str) -> str:
    """An http(s) URL with a host, or a one-line error."""
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise FeedError(f"not an http(s) feed URL: {url!r}")
    return url.strip()


class FeedPoller:
    """Polls due feeds on a small thread pool and hands new articles to the store."""

    def __init__(
        self,
        store: Store,
        settings: FeedSettings | None = None,
        on_articles: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or FeedSettings()
        self.on_articles = on_articles or (lambda: None)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._busy: set[int] = set()
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    def start(self) -> None:
        self._pool = ThreadPoolExecutor(self.settings.threads, thread_name_prefix="newsbrief-feed")
        self._thread = threading.Thread(target=self._run, name="newsbrief-feeds", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(10)
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def notify(self) -> None:
        """A feed was added: look for due feeds now."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                for feed in self.store.due_feeds(time.time()):
                    with self._lock:
                        if feed.id in self._busy:
                            continue
                        self._busy.add(feed.id)
                    assert self._pool is not None
                    self._pool.submit(self._poll_guarded, feed)
            except Exception:
                log.exception("feed scheduling failed")
            self._wake.wait(self.settings.tick)
            self._wake.clear()

    def _poll_guarded(self, feed: FeedRecord) -> None:
        try:
            self.poll(feed)
        finally:
            with self._lock:
                self._busy.discard(feed.id)

    def poll(self, feed: FeedRecord) -> int:
        """Fetch one feed and store its new items; returns how many articles were new.

        Never raises: a failure is recorded on the feed and retried later.
        """
        try:
            title, items = self._fetch(feed.url)
        except Exception as exc:  # any failure of one feed stays with that feed
            error = str(exc) if isinstance(exc, FeedError) else f"{type(exc).__name__}: {exc}"
            wait = min(self.settings.retry * 2**feed.failures, feed.interval * 4)
            log.warning("feed %s: %s (next try in %.0f s)", feed.url, error, wait)
            self.store.feed_polled(feed.id, title=None, error=error, next_poll=time.time() + wait)
            return 0
        seen = self.store.seen_items(feed.id, [guid for guid, _ in items])
        new = 0
        for guid, entry in items:
            if guid in seen:
                continue
            article = self._article(entry, source=title or host_of(feed.url))
            number = None
            if article is not None:
                number, created = self.store.add_article(article, feed_id=feed.id)
                new += created
            self.store.add_feed_item(feed.id, guid, number)
        self.store.feed_polled(
            feed.id, title=title or None, error=None, next_poll=time.time() + feed.interval
        )
        if new:
            log.info("feed %s: %d new articles", feed.url, new)
            self.on_articles()
        return new

    # -- fetching and reading ---------------------------------------------------

    def _get(self, url: str) -> bytes:
        import httpx

        with httpx.stream(
            "GET",
            url,
            timeout=self.settings.timeout,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        ) as response:
            response.raise_for_status()
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > self.settings.max_bytes:
                    raise FeedError(f"{url}: larger than {self.settings.max_bytes} bytes")
            return bytes(body)

    def _fetch(self, url: str) -> tuple[str, list[tuple[str, dict]]]:
        import feedparser

        data = self._get(url)
        parsed = feedparser.parse(data)
        if not parsed.get("version") and not parsed.entries:
            reason = parsed.get("bozo_exception") or "no RSS or Atom content"
            raise FeedError(f"not a feed ({reason})".splitlines()[0])
        title = str(parsed.feed.get("title") or "").strip()
        items = []
        for entry in parsed.entries:
            guid = str(entry.get("id") or entry.get("link") or "") or _digest(entry)
            items.append((guid, entry))
        return title, items

    def _article(self, entry: dict, source: str) -> Article | None:
        """An article from a feed item: the linked page's text when it is richer."""
        link = str(entry.get("link") or "")
        title = clean_text(str(entry.get("title") or "")).strip()
        teaser = _entry_text(entry)
        text = teaser
        if self.settings.fetch_pages and link.startswith(("http://", "https://")):
            try:
                page = article_from_html(self._get(link).decode("utf-8", "replace"), link, link)
            except Exception as exc:
                log.info("item %s: page not used (%s)", link, exc)
            else:
                if len(page.text) > len(teaser):
                    text = page.text
        if not text.strip() and not title:
            return None
        return Article(
            id=link or title,
            source=source,
            text=text or title,
            title=title,
            url=link,
            published=_entry_date(entry),
        )


def _entry_text(entry: dict) -> str:
    """The item's own text: full content when the feed carries it, else the summary."""
    parts = [c.get("value", "") for c in entry.get("content") or []]
    html = max(parts, key=len) if parts else str(entry.get("summary") or "")
    if "<" in html:
        from lxml import html as lxml_html

        try:
            return lxml_html.fromstring(f"<div>{html}</div>").text_content().strip()
        except Exception:
            return ""
    return html.strip()


def _entry_date(entry: dict) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date()
    return None


def _digest(entry: dict) -> str:
    text = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
