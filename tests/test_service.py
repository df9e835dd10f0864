"""The web service end to end: a real server on 127.0.0.1 over a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from newsbrief.errors import NewsbriefError
from newsbrief.ingest import load_articles
from newsbrief.model import Article
from newsbrief.service import DeskSettings, FeedSettings, ServiceSettings
from newsbrief.service.store import MIGRATIONS, Store, database_path
from servers import (
    file_route,
    local_http,
    running_service,
    static_site,
    wait_for,
    wait_until_briefed,
)

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def settings_for(tmp_path: Path, **overrides) -> ServiceSettings:
    values = {
        "db": str(tmp_path / "data" / "newsbrief.db"),
        "desk": DeskSettings(idle_wait=0.05, save_every=0.2),
        "feeds": FeedSettings(interval=600, timeout=1.0, retry=0.3, tick=0.05),
    }
    values.update(overrides)
    return ServiceSettings(**values)


def article_json(article: Article) -> dict:
    return {
        "text": article.text,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
    }


@pytest.fixture
def example_json(example_dir) -> list[dict]:
    return [article_json(a) for a in load_articles([example_dir])]


# -- the store ------------------------------------------------------------------


def test_migrations_version_the_schema_and_reopen(tmp_path):
    store = Store(tmp_path / "a.db")
    version = store._connect().execute("PRAGMA user_version").fetchone()[0]
    mode = store._connect().execute("PRAGMA journal_mode").fetchone()[0]
    store.close()
    assert version == len(MIGRATIONS)
    assert mode == "wal"
    assert Store(tmp_path / "a.db").migrate() == len(MIGRATIONS)


def test_an_old_database_is_upgraded_in_place(tmp_path):
    path = tmp_path / "v1.db"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    old.execute(
        "INSERT INTO stories (id, title, articles, sources, members, changed_at,"
        " brief_json, brief_members) VALUES ('s1', 'Done', 1, 1, '[1]', 0, '{}', '[1]'),"
        " ('s2', 'To do', 1, 1, '[2]', 0, NULL, NULL)"
    )
    old.commit()
    old.close()
    store = Store(path)
    assert store._connect().execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert [s.id for s in store.stale_stories()] == ["s2"]
    assert store.story("s1").brief_json == "{}" and not store.story("s1").stale


def test_a_brief_written_for_old_members_leaves_the_story_stale(tmp_path):
    store = Store(tmp_path / "a.db")
    row = {"id": "s1", "title": "T", "members": (1, 2), "sources": 2}
    store.sync_stories([{**row, "first_published": None, "last_published": None}], {})
    store.save_brief("s1", (1,), "{}", "<p>", None)
    assert store.story("s1").stale and store.story_count(stale=True) == 1
    store.save_brief("s1", (1, 2), "{}", "<p>", None)
    assert not store.story("s1").stale and store.story_count(stale=True) == 0


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    sqlite3.connect(path).execute("PRAGMA user_version = 99").connection.close()
    with pytest.raises(NewsbriefError, match="newer newsbrief"):
        Store(path)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("x/y.db", "x/y.db"),
        ("sqlite:///data/y.db", "data/y.db"),
        ("sqlite:////tmp/y.db", "/tmp/y.db"),
    ],
)
def test_database_given_as_path_or_url(given, expected):
    assert database_path(given) == Path(expected)


def test_a_database_url_of_another_kind_is_a_clear_error():
    with pytest.raises(NewsbriefError, match="only SQLite"):
        database_path("postgresql://host/db")


def test_same_text_or_same_url_is_one_article(tmp_path):
    store = Store(tmp_path / "a.db")
    one = Article(id="1", source="A", text="Water is wet.  Very wet.", url="http://a/1")
    assert store.add_article(one) == (1, True)
    respaced = Article(id="2", source="B", text="water is wet. very wet.")
    assert store.add_article(respaced) == (1, False)
    same_url = Article(id="3", source="A", text="Updated text.", url="http://a/1")
    assert store.add_article(same_url) == (1, False)
    assert store.article_count() == 1


def test_concurrent_writers_store_each_article_once(tmp_path):
    store = Store(tmp_path / "a.db")
    articles = [Article(id=str(i), source="S", text=f"Article number {i}.") for i in range(40)]
    results: list[tuple[int, bool]] = []
    lock = threading.Lock()

    def post_all():
        for article in articles:
            outcome = store.add_article(article)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=post_all) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.article_count() == 40
    assert sum(created for _, created in results) == 40
    assert len({number for number, _ in results}) == 40


# -- the API ----------------------------------------------------------------------


def test_articles_become_a_story_with_its_brief_and_fact_map(tmp_path, example_json):
    with running_service(settings_for(tmp_path)) as base:
        posted = [local_http.post(f"{base}/articles", json=doc) for doc in example_json]
        assert [r.status_code for r in posted] == [201] * len(example_json)
        again = local_http.post(f"{base}/articles", json=example_json[0])
        assert again.status_code == 200
        assert again.json()["created"] is False
        assert again.json()["id"] == posted[0].json()["id"]

        health = wait_until_briefed(base)
        assert health["articles"] == len(example_json)

        listing = local_http.get(f"{base}/stories").json()
        assert listing["total"] == 1
        story = listing["stories"][0]
        assert story["articles"] == len(example_json)
        assert story["sources"] == len({d["source"] for d in example_json})
        assert story["first_published"] == "2017-07-04"

        brief = local_http.get(f"{base}/stories/{story['id']}").json()
        assert brief["story"]["id"] == story["id"]
        assert brief["story"]["brief"] == "current"
        assert brief["summary"] and all(s["citations"] for s in brief["summary"])
        values = {c["value"] for x in brief["conflicts"] for c in x["claims"]}
        assert any("2,500" in v for v in values) and any("4,000" in v for v in values)
        assert any(e["date"] == "2017-06-06" for e in brief["timeline"])

        article = local_http.get(f"{base}/articles/{posted[0].json()['id']}").json()
        assert article["story"] == story["id"]
        assert article["title"] == example_json[0]["title"]


def test_html_posted_with_its_url(tmp_path, example_dir):
    page = (example_dir / "05_levant_observer.html").read_bytes()
    with running_service(settings_for(tmp_path)) as base:
        url = "https://levant-observer.example/raqqa-wall"
        first = local_http.post(
            f"{base}/articles",
            params={"url": url},
            content=page,
            headers={"content-type": "text/html; charset=utf-8"},
        )
        assert first.status_code == 201, first.text
        stored = local_http.get(f"{base}/articles/{first.json()['id']}").json()
        assert stored["url"] == url
        assert "Raqqa" in stored["text"]
        as_json = local_http.post(f"{base}/articles", json={"html": page.decode(), "url": url})
        assert as_json.status_code == 200


def test_bad_requests_get_clear_errors(tmp_path):
    with running_service(settings_for(tmp_path, max_body=10_000)) as base:
        broken = local_http.post(
            f"{base}/articles", content=b'{"text": ', headers={"content-type": "application/json"}
        )
        assert broken.status_code == 422
        empty = local_http.post(f"{base}/articles", json={"title": "no text"})
        assert empty.status_code == 422
        assert "text" in empty.text
        bad_date = local_http.post(
            f"{base}/articles", json={"text": "A b c.", "published": "soon-ish"}
        )
        assert bad_date.status_code == 422
        huge = local_http.post(f"{base}/articles", json={"text": "word " * 5000})
        assert huge.status_code == 413
        assert "limit" in huge.json()["detail"]

        def chunks():
            for _ in range(20):
                yield b"x" * 1000

        streamed = local_http.post(
            f"{base}/articles", content=chunks(), headers={"content-type": "text/html"}
        )
        assert streamed.status_code == 413
        assert local_http.get(f"{base}/stories/s999").status_code == 404
        assert local_http.get(f"{base}/articles/999").status_code == 404
        assert local_http.get(f"{base}/feeds/999").status_code == 404
        assert local_http.get(f"{base}/story/s999").status_code == 404
        assert local_http.get(f"{base}/stories", params={"page": 0}).status_code == 422
        assert local_http.post(f"{base}/feeds", json={"url": "ftp://x/feed"}).status_code == 422
        assert local_http.get(f"{base}/health").json()["articles"] == 0


def test_published_must_be_iso_8601_and_is_checked_at_once(tmp_path):
    """The request path reads `published` strictly (no dateparser, seconds on its first call)."""
    with running_service(settings_for(tmp_path)) as base:
        for value in ("July 4, 2017", "yesterday", "soon-ish", "04/07/2017"):
            reply = local_http.post(f"{base}/articles", json={"text": "A b c.", "published": value})
            assert reply.status_code == 422, value
            (error,) = reply.json()["detail"]
            assert error["loc"] == ["body", "published"]
            assert error["msg"].startswith("published: expected an ISO 8601 date or date-time")
            assert repr(value) in error["msg"]
        for number, (value, day) in enumerate(
            [("2017-07-04", "2017-07-04"), ("2017-07-04T23:30:00Z", "2017-07-04")]
        ):
            text = f"Fighters breached the wall of the old city, report {number}."
            reply = local_http.post(f"{base}/articles", json={"text": text, "published": value})
            assert reply.status_code == 201, reply.text
            stored = local_http.get(f"{base}/articles/{reply.json()['id']}").json()
            assert stored["published"] == day


def test_openapi_documents_the_api(tmp_path):
    with running_service(settings_for(tmp_path)) as base:
        spec = local_http.get(f"{base}/openapi.json").json()
        docs = local_http.get(f"{base}/docs").text
    assert "<code>POST /articles</code>" in docs and "cdn" not in docs.lower()
    paths = spec["paths"]
    for path in ("/articles", "/stories", "/stories/{story_id}", "/feeds", "/health"):
        assert path in paths
    body = paths["/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/html"} <= set(body)


def test_untrusted_article_text_renders_as_text(tmp_path, example_json):
    evil = dict(example_json[0])
    evil["title"] = "<script>alert('title')</script> Raqqa wall breached"
    evil["text"] = (
        "<script>window.pwned = 1</script> <img src=x onerror=\"alert('x')\"> " + evil["text"]
    )
    with running_service(settings_for(tmp_path)) as base:
        for doc in [evil, *example_json[1:]]:
            local_http.post(f"{base}/articles", json=doc).raise_for_status()
        wait_until_briefed(base)
        story = local_http.get(f"{base}/stories").json()["stories"][0]
        pages = [
            local_http.get(f"{base}/story/{story['id']}").text,
            local_http.get(f"{base}/").text,
        ]
    for page in pages:
        assert "<script>alert" not in page
        assert "<script>window.pwned" not in page
        assert "<img src=x" not in page


def test_story_pages_list_and_show_briefs(tmp_path, example_json):
    with running_service(settings_for(tmp_path)) as base:
        for doc in example_json:
            local_http.post(f"{base}/articles", json=doc).raise_for_status()
        wait_until_briefed(base)
        story = local_http.get(f"{base}/stories").json()["stories"][0]
        index = local_http.get(f"{base}/")
        page = local_http.get(f"{base}/story/{story['id']}")
        covered = local_http.get(f"{base}/", params={"order": "covered"})
    assert index.status_code == 200 and page.status_code == 200 and covered.status_code == 200
    assert f"/story/{story['id']}" in index.text
    assert 'id="summary"' in page.text and 'id="timeline"' in page.text
    assert "Where sources differ" in page.text


def test_a_growing_story_keeps_its_brief_readable_while_it_is_rewritten(tmp_path, example_json):
    with running_service(settings_for(tmp_path)) as base:
        for doc in example_json[:3]:
            local_http.post(f"{base}/articles", json=doc).raise_for_status()
        wait_until_briefed(base)
        story_id = local_http.get(f"{base}/stories").json()["stories"][0]["id"]
        first = local_http.get(f"{base}/stories/{story_id}").json()
        for doc in example_json[3:]:
            local_http.post(f"{base}/articles", json=doc).raise_for_status()
        # Readers are answered at once, from the last brief, until the new one is in.
        during = local_http.get(f"{base}/stories/{story_id}")
        assert during.status_code == 200
        wait_until_briefed(base)
        later = local_http.get(f"{base}/stories/{story_id}").json()
    assert len(first["sources"]) == 3
    assert len(later["sources"]) == len(example_json)
    assert later["story"]["brief"] == "current"


# -- feeds -------------------------------------------------------------------------


def _page_route(article: Article):
    body = (
        f"<html><head><title>{article.title}</title></head><body><article>"
        f"<h1>{article.title}</h1>"
        + "".join(f"<p>{p}</p>" for p in article.text.split("\n\n") if p.strip())
        + "</article></body></html>"
    )
    return lambda base: (200, "text/html; charset=utf-8", body.encode())


def test_feeds_are_polled_and_failures_stay_with_their_feed(tmp_path, example_dir):
    articles = load_articles([example_dir])
    hang = threading.Event()

    def slow(base):
        hang.wait(5)
        return 200, "application/rss+xml", b"<rss></rss>"

    routes = {
        "/wire.rss": file_route(FEEDS / "wire.rss", "application/rss+xml"),
        "/observer.atom": file_route(FEEDS / "observer.atom", "application/atom+xml"),
        "/pages/wall.html": _page_route(articles[0]),
        "/pages/civilians.html": _page_route(articles[3]),
        "/garbage": lambda base: (200, "text/plain", b"\x00\x01 this is not a feed \xff"),
        "/slow.rss": slow,
        "/gone.rss": lambda base: (500, "text/plain", b"server error"),
    }
    settings = settings_for(tmp_path)
    try:
        with static_site(routes) as site, running_service(settings) as base:
            for name in ("garbage", "slow.rss", "gone.rss", "wire.rss", "observer.atom"):
                r = local_http.post(f"{base}/feeds", json={"url": f"{site}/{name}"})
                assert r.status_code == 201, r.text
            again = local_http.post(f"{base}/feeds", json={"url": f"{site}/wire.rss"})
            assert again.status_code == 200

            def polled():
                feeds = {
                    f["url"].rsplit("/", 1)[1]: f
                    for f in local_http.get(f"{base}/feeds").json()["feeds"]
                }
                done = all(f["last_polled"] for f in feeds.values())
                return feeds if done and feeds["slow.rss"]["failures"] else None

            feeds = wait_for(polled, 30)
            assert feeds["wire.rss"]["last_error"] is None
            assert feeds["wire.rss"]["items"] == 2
            assert feeds["wire.rss"]["title"] == "Meridian Wire"
            assert feeds["observer.atom"]["items"] == 1
            assert "not a feed" in feeds["garbage"]["last_error"]
            assert "500" in feeds["gone.rss"]["last_error"]
            assert "Timeout" in feeds["slow.rss"]["last_error"]

            health = wait_until_briefed(base)
            assert health["articles"] == 3
            stories = local_http.get(f"{base}/stories").json()["stories"]
            assert len(stories) == 1 and stories[0]["articles"] == 3
            # The linked page's full text was fetched; the Atom entry's page is
            # missing, so its own content is the text.
            texts = [local_http.get(f"{base}/articles/{n}").json() for n in (1, 2, 3)]
            wall = next(t for t in texts if t["url"].endswith("wall.html"))
            assert "Brett McGurk" in wall["text"]
            assert wall["source"] == "Meridian Wire"
            assert wall["published"] == "2017-07-04"
            atom = next(t for t in texts if t["url"].endswith("missing.html"))
            assert "Rafiqah Wall" in atom["text"]

            # Failing feeds are retried (and keep failing) without touching the others.
            wait_for(lambda: local_http.get(f"{base}/feeds/1").json()["failures"] >= 2, 30)
            assert local_http.get(f"{base}/health").json()["articles"] == 3
    finally:
        hang.set()


def test_a_reposted_feed_item_is_stored_once(tmp_path, example_dir):
    articles = load_articles([example_dir])
    routes = {
        "/wire.rss": file_route(FEEDS / "wire.rss", "application/rss+xml"),
        "/copy.rss": file_route(FEEDS / "wire.rss", "application/rss+xml"),
        "/pages/wall.html": _page_route(articles[0]),
        "/pages/civilians.html": _page_route(articles[3]),
    }
    settings = settings_for(tmp_path, feeds=FeedSettings(interval=600, timeout=2, tick=0.05))
    with static_site(routes) as site, running_service(settings) as base:
        local_http.post(f"{base}/feeds", json={"url": f"{site}/wire.rss", "interval": 10})
        local_http.post(f"{base}/feeds", json={"url": f"{site}/copy.rss", "interval": 10})
        feeds = wait_for(
            lambda: (
                all(f["last_ok"] for f in local_http.get(f"{base}/feeds").json()["feeds"])
                and local_http.get(f"{base}/feeds").json()["feeds"]
            ),
            30,
        )
        assert [f["items"] for f in feeds] == [2, 2]
        assert local_http.get(f"{base}/health").json()["articles"] == 2


def test_an_unfollowed_feed_is_not_polled_and_can_be_followed_again(tmp_path, example_dir):
    articles = load_articles([example_dir])
    routes = {
        "/wire.rss": file_route(FEEDS / "wire.rss", "application/rss+xml"),
        "/pages/wall.html": _page_route(articles[0]),
        "/pages/civilians.html": _page_route(articles[3]),
    }
    settings = settings_for(tmp_path, feeds=FeedSettings(interval=600, timeout=2, tick=0.05))
    with static_site(routes) as site, running_service(settings) as base:
        url = f"{site}/wire.rss"
        feed = local_http.post(f"{base}/feeds", json={"url": url, "interval": 10}).json()
        wait_for(lambda: local_http.get(f"{base}/feeds/{feed['id']}").json()["last_ok"], 30)
        db = sqlite3.connect(database_path(settings.db))
        last_polled = "SELECT last_polled FROM feeds WHERE id = ?"
        first_poll = db.execute(last_polled, (feed["id"],)).fetchone()[0]
        assert local_http.delete(f"{base}/feeds/{feed['id']}").status_code == 204
        assert local_http.delete(f"{base}/feeds/{feed['id']}").status_code == 404
        assert local_http.get(f"{base}/feeds/{feed['id']}").status_code == 404
        assert local_http.get(f"{base}/feeds").json()["feeds"] == []
        assert local_http.get(f"{base}/health").json()["articles"] == 2  # its articles stay
        again = local_http.post(f"{base}/feeds", json={"url": url, "interval": 10})
        assert again.status_code == 201 and again.json()["id"] == feed["id"]
        wait_for(lambda: db.execute(last_polled, (feed["id"],)).fetchone()[0] > first_poll, 30)
        polled = local_http.get(f"{base}/feeds/{feed['id']}").json()
        assert polled["items"] == 2 and polled["last_error"] is None
        assert local_http.get(f"{base}/health").json()["articles"] == 2


# -- restarts ----------------------------------------------------------------------


def test_a_restart_keeps_articles_stories_briefs_and_feeds(tmp_path, example_json):
    settings = settings_for(tmp_path)
    with running_service(settings) as base:
        for doc in example_json[:4]:
            local_http.post(f"{base}/articles", json=doc).raise_for_status()
        local_http.post(f"{base}/feeds", json={"url": "http://127.0.0.1:9/never.rss"})
        wait_until_briefed(base)
        before = local_http.get(f"{base}/stories").json()
        story_id = before["stories"][0]["id"]
        brief_before = local_http.get(f"{base}/stories/{story_id}").json()

    with running_service(settings) as base:
        after = local_http.get(f"{base}/stories").json()
        assert after["stories"] == before["stories"]
        assert local_http.get(f"{base}/stories/{story_id}").json() == brief_before
        assert len(local_http.get(f"{base}/feeds").json()["feeds"]) == 1
        # A new article joins the story it belongs to: the grouping went on.
        local_http.post(f"{base}/articles", json=example_json[4]).raise_for_status()
        wait_for(
            lambda: local_http.get(f"{base}/stories/{story_id}").json()["story"]["articles"] == 5
        )
        assert local_http.get(f"{base}/health").json()["stories"] == 1


def test_a_lost_story_state_is_rebuilt_from_the_database(tmp_path, example_json):
    settings = settings_for(tmp_path)
    with running_service(settings) as base:
        for doc in example_json:
            local_http.post(f"{base}/articles", json=doc).raise_for_status()
        wait_until_briefed(base)
    for path in sorted(settings.state_dir.iterdir()):
        path.unlink()
    settings.state_dir.rmdir()
    with running_service(settings) as base:
        health = wait_until_briefed(base)
        listing = local_http.get(f"{base}/stories").json()
    assert health["articles"] == len(example_json)
    assert listing["total"] == 1
    assert listing["stories"][0]["articles"] == len(example_json)
    db = sqlite3.connect(database_path(settings.db))
    assert db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
    assert json.loads(db.execute("SELECT members FROM stories").fetchone()[0]) == list(
        range(1, len(example_json) + 1)
    )


def test_a_desk_save_cut_off_at_its_second_file_leaves_the_previous_state(
    tmp_path, example_dir, monkeypatch
):
    """The desk saves with the grouper's one atomic policy: a crash while
    writing arrays.npz leaves the state of the last save, whole."""
    from newsbrief.service.desk import Desk
    from newsbrief.stories import state

    articles = load_articles([example_dir])
    store = Store(tmp_path / "news.db")
    folder = tmp_path / "news.db.stories"
    try:
        desk = Desk(store, folder)
        store.add_article(articles[0])
        desk.group_new()
        desk.save()
        saved = {p.name: p.read_bytes() for p in folder.iterdir()}
        grouped = desk.grouper.grouping()
        for article in articles[1:]:
            store.add_article(article)
        desk.group_new()

        def crash(fh, arrays):
            raise OSError("disk full")

        monkeypatch.setattr(state, "_write_arrays", crash)
        desk.save()  # logged, not raised: the desk goes on
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == saved
        restarted = Desk(store, folder)
        assert restarted.grouper.grouping() == grouped
        assert restarted.last_grouped == 1
        monkeypatch.undo()
        desk.save()
        assert Desk(store, folder).grouper.grouping() == desk.grouper.grouping()
        assert not (tmp_path / "news.db.stories.new").exists()
    finally:
        store.close()
