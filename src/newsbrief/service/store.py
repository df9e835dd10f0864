"""The service's database: articles, stories, briefs and feeds in one SQLite file.

SQLite in WAL mode lets the readers (API requests, the UI) go on while the
desk writes; every thread gets its own connection, and writes take the lock at
once (``BEGIN IMMEDIATE``) so two clients posting the same article race on a
UNIQUE index, not on a read-then-write, and the article is stored once.

The schema is versioned with ``PRAGMA user_version`` and moved forward by the
numbered scripts in :data:`MIGRATIONS`, each in one transaction, so an old
database file is upgraded in place when a newer service opens it.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import NewsbriefError
from ..model import Article

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, stories with their stored brief, feeds and the items seen in them.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT UNIQUE,
        text_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        published TEXT,
        added_at REAL NOT NULL,
        feed_id INTEGER REFERENCES feeds(id),
        story_id TEXT
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        articles INTEGER NOT NULL,
        sources INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT,
        members TEXT NOT NULL,
        changed_at REAL NOT NULL,
        brief_json TEXT,
        brief_html TEXT,
        brief_members TEXT,
        brief_at REAL,
        brief_error TEXT
    );
    CREATE INDEX stories_changed ON stories(changed_at);
    CREATE INDEX stories_sources ON stories(sources);
    CREATE TABLE story_moves (
        old_id TEXT PRIMARY KEY,
        new_id TEXT NOT NULL
    );
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        interval REAL NOT NULL,
        added_at REAL NOT NULL,
        next_poll REAL NOT NULL,
        last_polled REAL,
        last_ok REAL,
        last_error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        items INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds(id),
        guid TEXT NOT NULL,
        article_id INTEGER REFERENCES articles(id),
        PRIMARY KEY (feed_id, guid)
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: a flag for briefs to rewrite, so the desk finds them by index, not by
    # comparing every story's members with its brief's.
    """
    ALTER TABLE stories ADD COLUMN stale INTEGER NOT NULL DEFAULT 1;
    UPDATE stories SET stale = (brief_members IS NULL OR brief_members != members);
    CREATE INDEX stories_stale ON stories(changed_at) WHERE stale = 1;
    """,
    # 3: unfollowing a feed keeps its row (its items and articles point to it).
    """
    ALTER TABLE feeds ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
    """,
)

_SPACE = re.compile(r"\s+")


def text_hash(title: str, text: str) -> str:
    """The identity of an article's content: the same words, however spaced or cased."""
    normal = _SPACE.sub(" ", f"{title}\n{text}").strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def database_path(db: str | Path) -> Path:
    """A database given as a path or as an SQLAlchemy-style URL: ``sqlite:///rel/path``
    (relative) or ``sqlite:////abs/path``."""
    value = str(db)
    if "://" in value:
        scheme, _, rest = value.partition("://")
        if scheme != "sqlite":
            raise NewsbriefError(
                f"--db {value}: only SQLite is supported (a path or sqlite:///path)"
            )
        value = rest[1:] if rest.startswith("/") else rest
        if not value:
            raise NewsbriefError(f"--db {db}: no file path in the URL")
    return Path(value).expanduser()


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the service keeps it: the pipeline's :class:`Article` plus its row."""

    number: int
    article: Article
    added_at: float
    story_id: str | None


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """A story row; ``brief_json`` is the last brief computed, possibly older than
    the members (``stale``), which readers get rather than waiting."""

    id: str
    title: str
    articles: int
    sources: int
    first_published: str | None
    last_published: str | None
    members: tuple[int, ...]
    changed_at: float
    brief_json: str | None
    brief_html: str | None
    brief_at: float | None
    brief_error: str | None
    stale: bool

    def summary(self) -> dict:
        """The story as the list endpoint shows it."""
        return {
            "id": self.id,
            "title": self.title,
            "articles": self.articles,
            "sources": self.sources,
            "first_published": self.first_published,
            "last_published": self.last_published,
            "updated": _iso_time(self.changed_at),
            "brief": "error" if self.brief_error else "stale" if self.stale else "current",
        }


@dataclass(frozen=True, slots=True)
class FeedRecord:
    id: int
    url: str
    title: str
    interval: float
    added_at: float
    next_poll: float
    last_polled: float | None
    last_ok: float | None
    last_error: str | None
    failures: int
    items: int
    active: int = 1

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "interval": self.interval,
            "added": _iso_time(self.added_at),
            "last_polled": _iso_time(self.last_polled),
            "last_ok": _iso_time(self.last_ok),
            "next_poll": _iso_time(self.next_poll),
            "last_error": self.last_error,
            "failures": self.failures,
            "items": self.items,
        }


def _iso_time(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


class Store:
    """All reads and writes of the service's database, safe to call from any thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = database_path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise NewsbriefError(f"--db {self.path}: cannot create its folder ({exc})") from None
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self.migrate()

    # -- connections ----------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(
                    self.path, timeout=30.0, isolation_level=None, check_same_thread=False
                )
                conn.execute("PRAGMA journal_mode=WAL")
            except sqlite3.DatabaseError as exc:
                raise NewsbriefError(f"{self.path}: not a usable SQLite database ({exc})") from None
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
            with self._guard:
                self._connections.append(conn)
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding the write lock from its first statement."""
        conn = self._connect()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        with self._guard:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def migrate(self) -> int:
        """Bring the schema up to date; returns the schema version."""
        conn = self._connect()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise NewsbriefError(
                f"{self.path}: made by a newer newsbrief (schema {version}, "
                f"this one knows {len(MIGRATIONS)})"
            )
        for number in range(version, len(MIGRATIONS)):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return len(MIGRATIONS)

    # -- articles -------------------------------------------------------------

    def add_article(self, article: Article, feed_id: int | None = None) -> tuple[int, bool]:
        """Store an article unless it is already there (same URL or same text).

        Returns its number and whether it was new.
        """
        digest = text_hash(article.title, article.text)
        url = article.url or None
        with self._write() as conn:
            row = conn.execute(
                "SELECT id FROM articles WHERE text_hash = ? OR (url IS NOT NULL AND url = ?)",
                (digest, url),
            ).fetchone()
            if row is not None:
                return row["id"], False
            cursor = conn.execute(
                "INSERT INTO articles (url, text_hash, source, title, text, published, added_at,"
                " feed_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    url,
                    digest,
                    article.source,
                    article.title,
                    article.text,
                    article.published.isoformat() if article.published else None,
                    time.time(),
                    feed_id,
                ),
            )
            return int(cursor.lastrowid), True

    def article_count(self, after: int = 0) -> int:
        """How many articles are stored (after the given number)."""
        query = "SELECT COUNT(*) FROM articles WHERE id > ?"
        return self._connect().execute(query, (after,)).fetchone()[0]

    def articles_after(self, number: int, limit: int = 1000) -> list[StoredArticle]:
        """Articles in the order they were stored, from just after ``number``."""
        rows = self._connect().execute(
            "SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT ?", (number, limit)
        )
        return [_stored(row) for row in rows]

    def _rows_in(
        self, query: str, values: Sequence[object], before: Sequence[object] = ()
    ) -> Iterator[sqlite3.Row]:
        """Rows of ``query`` (with ``{marks}`` for an IN list) over ``values``, in chunks
        small enough for SQLite's limit on parameters."""
        conn = self._connect()
        for start in range(0, len(values), 500):
            chunk = list(values[start : start + 500])
            marks = ",".join("?" * len(chunk))
            yield from conn.execute(query.format(marks=marks), [*before, *chunk])

    def articles(self, numbers: Sequence[int]) -> list[StoredArticle]:
        """The given articles, in the order asked."""
        rows = self._rows_in("SELECT * FROM articles WHERE id IN ({marks})", numbers)
        found = {row["id"]: _stored(row) for row in rows}
        return [found[n] for n in numbers if n in found]

    def sources(self, numbers: Sequence[int]) -> dict[int, str]:
        """Each given article's source name."""
        rows = self._rows_in("SELECT id, source FROM articles WHERE id IN ({marks})", numbers)
        return {row["id"]: row["source"] for row in rows}

    def article(self, number: int) -> StoredArticle | None:
        row = self._connect().execute("SELECT * FROM articles WHERE id = ?", (number,)).fetchone()
        return None if row is None else _stored(row)

    # -- stories --------------------------------------------------------------

    def synced_members(self) -> dict[str, tuple[int, ...]]:
        """Every story's members as last written, for the desk to diff against."""
        rows = self._connect().execute("SELECT id, members FROM stories")
        return {row["id"]: tuple(json.loads(row["members"])) for row in rows}

    def sync_stories(self, changed: Sequence[dict], moves: dict[str, str]) -> None:
        """Write the stories whose members changed and drop the ones merged away.

        ``changed`` are dicts with a story's columns (``members`` a list of
        article numbers); ``moves`` maps each story that was merged into another
        to the one it went into, so that its old links still lead somewhere.
        """
        now = time.time()
        with self._write() as conn:
            for story in changed:
                conn.execute(
                    "INSERT INTO stories (id, title, articles, sources, first_published,"
                    " last_published, members, changed_at, stale)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
                    " ON CONFLICT(id) DO UPDATE SET title=excluded.title, stale=1,"
                    " articles=excluded.articles, sources=excluded.sources,"
                    " first_published=excluded.first_published,"
                    " last_published=excluded.last_published, members=excluded.members,"
                    " changed_at=excluded.changed_at",
                    (
                        story["id"],
                        story["title"],
                        len(story["members"]),
                        story["sources"],
                        story["first_published"],
                        story["last_published"],
                        json.dumps(list(story["members"])),
                        now,
                    ),
                )
                conn.executemany(
                    "UPDATE articles SET story_id = ? WHERE id = ?",
                    [(story["id"], n) for n in story["members"]],
                )
            for old, new in moves.items():
                conn.execute("DELETE FROM stories WHERE id = ?", (old,))
                conn.execute(
                    "INSERT INTO story_moves (old_id, new_id) VALUES (?, ?)"
                    " ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id",
                    (old, new),
                )

    def story(self, story_id: str) -> StoryRecord | None:
        """A story by id, following the moves of stories merged into others."""
        conn = self._connect()
        for _ in range(64):
            row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
            if row is not None:
                return _story(row)
            moved = conn.execute(
                "SELECT new_id FROM story_moves WHERE old_id = ?", (story_id,)
            ).fetchone()
            if moved is None:
                return None
            story_id = moved["new_id"]
        return None

    def stories(self, order: str = "newest", limit: int = 20, offset: int = 0) -> list[StoryRecord]:
        """A page of stories, most recently changed or most widely covered first."""
        by = {
            "newest": "COALESCE(last_published, '') DESC, changed_at DESC, id",
            "covered": "sources DESC, articles DESC, changed_at DESC, id",
        }[order]
        rows = self._connect().execute(
            f"SELECT * FROM stories ORDER BY {by} LIMIT ? OFFSET ?", (limit, offset)
        )
        return [_story(row) for row in rows]

    def story_count(self, stale: bool = False) -> int:
        """How many stories there are (whose brief is to be rewritten, with ``stale``)."""
        query = "SELECT COUNT(*) FROM stories" + (" WHERE stale = 1" if stale else "")
        return self._connect().execute(query).fetchone()[0]

    def stale_stories(self, limit: int = 50) -> list[StoryRecord]:
        """Stories whose brief is missing or older than their members, newest change first."""
        rows = self._connect().execute(
            "SELECT * FROM stories WHERE stale = 1 ORDER BY changed_at DESC LIMIT ?",
            (limit,),
        )
        return [_story(row) for row in rows]

    def save_brief(
        self,
        story_id: str,
        members: tuple[int, ...],
        brief_json: str | None,
        brief_html: str | None,
        error: str | None = None,
    ) -> None:
        """Keep a story's new brief (or why it failed), for the members it was made from.

        A failed brief keeps the last good one for readers. The story stays stale
        when it changed while its brief was being written.
        """
        done = json.dumps(list(members))
        with self._write() as conn:
            if error is None:
                conn.execute(
                    "UPDATE stories SET brief_json = ?, brief_html = ?, brief_members = ?,"
                    " brief_at = ?, brief_error = NULL, stale = (members != ?) WHERE id = ?",
                    (brief_json, brief_html, done, time.time(), done, story_id),
                )
            else:
                conn.execute(
                    "UPDATE stories SET brief_members = ?, brief_at = ?, brief_error = ?,"
                    " stale = (members != ?) WHERE id = ?",
                    (done, time.time(), error, done, story_id),
                )

    # -- feeds ----------------------------------------------------------------

    def add_feed(self, url: str, interval: float, title: str = "") -> tuple[FeedRecord, bool]:
        """Follow a feed (polled at once). A feed followed already is returned as it is;
        one unfollowed before is followed again, with its items still known."""
        now = time.time()
        with self._write() as conn:
            row = conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is not None and row["active"]:
                return _feed(row), False
            if row is not None:
                conn.execute(
                    "UPDATE feeds SET active = 1, interval = ?, next_poll = ?, failures = 0"
                    " WHERE id = ?",
                    (interval, now, row["id"]),
                )
                row = conn.execute("SELECT * FROM feeds WHERE id = ?", (row["id"],)).fetchone()
                return _feed(row), True
            cursor = conn.execute(
                "INSERT INTO feeds (url, title, interval, added_at, next_poll)"
                " VALUES (?, ?, ?, ?, ?)",
                (url, title, interval, now, now),
            )
            row = conn.execute("SELECT * FROM feeds WHERE id = ?", (cursor.lastrowid,)).fetchone()
        return _feed(row), True

    def feeds(self) -> list[FeedRecord]:
        """The feeds followed."""
        rows = self._connect().execute("SELECT * FROM feeds WHERE active = 1 ORDER BY id")
        return [_feed(r) for r in rows]

    def feed(self, feed_id: int) -> FeedRecord | None:
        row = (
            self._connect()
            .execute("SELECT * FROM feeds WHERE id = ? AND active = 1", (feed_id,))
            .fetchone()
        )
        return None if row is None else _feed(row)

    def remove_feed(self, feed_id: int) -> bool:
        """Stop following a feed; its articles stay. False if no such feed is followed."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE feeds SET active = 0 WHERE id = ? AND active = 1", (feed_id,)
            )
            return cursor.rowcount == 1

    def due_feeds(self, now: float) -> list[FeedRecord]:
        rows = self._connect().execute(
            "SELECT * FROM feeds WHERE active = 1 AND next_poll <= ? ORDER BY next_poll", (now,)
        )
        return [_feed(r) for r in rows]

    def feed_polled(
        self, feed_id: int, *, title: str | None, error: str | None, next_poll: float
    ) -> None:
        """Record a poll's outcome: failures count up until the feed answers again."""
        now = time.time()
        with self._write() as conn:
            if error is None:
                conn.execute(
                    "UPDATE feeds SET last_polled = ?, last_ok = ?, last_error = NULL,"
                    " failures = 0, next_poll = ?, title = COALESCE(?, title) WHERE id = ?",
                    (now, now, next_poll, title, feed_id),
                )
            else:
                conn.execute(
                    "UPDATE feeds SET last_polled = ?, last_error = ?, failures = failures + 1,"
                    " next_poll = ? WHERE id = ?",
                    (now, error, next_poll, feed_id),
                )

    def seen_items(self, feed_id: int, guids: Sequence[str]) -> set[str]:
        rows = self._rows_in(
            "SELECT guid FROM feed_items WHERE feed_id = ? AND guid IN ({marks})", guids, [feed_id]
        )
        return {row["guid"] for row in rows}

    def add_feed_item(self, feed_id: int, guid: str, article_id: int | None) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO feed_items (feed_id, guid, article_id) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (feed_id, guid, article_id),
            )
            conn.execute(
                "UPDATE feeds SET items = (SELECT COUNT(*) FROM feed_items WHERE feed_id = ?)"
                " WHERE id = ?",
                (feed_id, feed_id),
            )


def _stored(row: sqlite3.Row) -> StoredArticle:
    article = Article(
        id=f"a{row['id']}",
        source=row["source"],
        text=row["text"],
        title=row["title"],
        url=row["url"] or "",
        published=date.fromisoformat(row["published"]) if row["published"] else None,
    )
    return StoredArticle(row["id"], article, row["added_at"], row["story_id"])


def _story(row: sqlite3.Row) -> StoryRecord:
    return StoryRecord(
        id=row["id"],
        title=row["title"],
        articles=row["articles"],
        sources=row["sources"],
        first_published=row["first_published"],
        last_published=row["last_published"],
        members=tuple(json.loads(row["members"])),
        changed_at=row["changed_at"],
        brief_json=row["brief_json"],
        brief_html=row["brief_html"],
        brief_at=row["brief_at"],
        brief_error=row["brief_error"],
        stale=bool(row["stale"]),
    )


def _feed(row: sqlite3.Row) -> FeedRecord:
    return FeedRecord(**{key: row[key] for key in row.keys()})  # noqa: SIM118
