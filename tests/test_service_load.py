"""Load: 2,000 articles from 8 concurrent clients, none lost, none stored twice."""

from __future__ import annotations

import logging
import sqlite3

from loadgen import post_concurrently, synthetic_articles
from newsbrief.service.store import database_path
from servers import local_http, running_service, wait_for
from test_service import settings_for

log = logging.getLogger(__name__)


def test_two_thousand_articles_from_eight_clients(tmp_path):
    articles = synthetic_articles(2000)
    settings = settings_for(tmp_path)
    with running_service(settings) as base:
        result = post_concurrently(base, articles, clients=8, shared=100)
        log.info(
            "load: %d requests in %.1f s = %.0f/s, p50 %.1f ms, p95 %.1f ms",
            result.requests,
            result.seconds,
            result.per_second,
            result.percentile(50) * 1000,
            result.percentile(95) * 1000,
        )
        assert result.errors == []
        assert result.requests == 2000 + 8 * 100
        assert result.created == 2000
        # Every poster of the same article was given the same id, and ids are distinct.
        assert all(len(numbers) == 1 for numbers in result.ids.values())
        assert len({n for numbers in result.ids.values() for n in numbers}) == 2000
        assert local_http.get(f"{base}/health").json()["articles"] == 2000

        def grouped():
            listing = local_http.get(f"{base}/stories", params={"per_page": 200}).json()
            total = sum(s["articles"] for s in listing["stories"])
            return listing if total == 2000 and listing["total"] <= 200 else None

        listing = wait_for(grouped, timeout=120, every=0.2)
    assert 30 <= listing["total"] <= 60  # forty topics, give or take a split or merge
    db = sqlite3.connect(database_path(settings.db))
    texts = {row[0] for row in db.execute("SELECT text FROM articles")}
    assert texts == {a["text"] for a in articles}
    assert db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
