"""Story grouping on Dask gives the local grouping, exactly.

One in-process LocalCluster (two single-threaded workers on 127.0.0.1) serves
the module; one test starts its own process cluster, as the CLI does. Inputs
are small: the bundled example, the test fixtures, hand-made stories and, when
../shared is present, 100 real Multi-News stories.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsbrief.clean import clean_text
from newsbrief.errors import NewsbriefError
from newsbrief.ingest import read_stories
from newsbrief.model import Article, Story
from newsbrief.stories import (
    StoryGrouper,
    add_many_dask,
    adjusted_rand,
    bcubed,
    group_articles,
    group_articles_dask,
)
from newsbrief.stories.features import lead_sentence
from test_stories import multinews_pile

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DAY = date(2024, 3, 4)

FLOOD = (
    "Floodwaters swept through the river town of Ellsworth on Monday after the Kessel dam gave "
    "way, forcing thousands of residents to flee to higher ground. Rescue crews in boats pulled "
    "families from rooftops as the Kessel river rose six feet in an hour."
)
ELECTION = (
    "Voters in Marvania elected opposition leader Tomas Brenner as president on Sunday, ending "
    "twelve years of rule by the Unity party. Brenner won 54 percent of the vote according to "
    "the electoral commission, and promised to fight corruption and reform the courts."
)


@pytest.fixture(scope="module")
def client():
    """A Dask client of two worker threads in this process (fast to start)."""
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    try:
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, host="127.0.0.1",
            protocol="tcp", dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # not 8787: may be taken
        )  # fmt: skip
    except Exception as exc:
        pytest.skip(f"distributed cannot start a LocalCluster on 127.0.0.1 here: {exc}")
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def mixed_articles() -> list[Article]:
    """A pile with every case the grouper handles: titled, dated and undated
    articles of several stories, near-copies, headline-only articles,
    boilerplate pages, an empty text and a repeated id."""
    articles: list[Article] = []
    for item in read_stories([ROOT / "examples" / "raqqa", FIXTURES / "eval_small.jsonl"]):
        assert isinstance(item, Story)
        articles.extend(item.articles)
    for path in sorted((FIXTURES / "boilerplate").glob("*.txt")):
        articles.append(Article(id=path.name, source="scraped", text=path.read_text()))
    hand = [
        Article(id="flood", source="a", text=FLOOD, published=DAY),
        Article(id="election", source="b", text=ELECTION, published=DAY),
        Article(id="flood-copy", source="c", text="ELLSWORTH (Wire) - " + FLOOD),
        Article(id="late-copy", source="d", text=ELECTION, published=DAY + timedelta(days=40)),
        Article(id="head", source="e", text="", title="Kessel dam bursts, flooding Ellsworth"),
        Article(id="empty", source="f", text=""),
        Article(id="junk", source="f", text="Advertisement\nShare on Facebook"),
    ]
    mixed = articles + hand
    random.Random(3).shuffle(mixed)
    mixed.append(replace(mixed[4], text=ELECTION))  # a repeated id: ignored, as locally
    return mixed


def test_mixed_pile_same_grouping_as_local(client):
    articles = mixed_articles()
    local = group_articles(articles)
    assert local.unassigned and any(s.duplicates for s in local.stories)  # the cases occur
    for chunk in (3, 200):  # many small tasks, and one
        assert group_articles_dask(articles, client=client, chunk=chunk) == local


def test_without_refine_and_with_other_settings(client):
    articles = mixed_articles()
    options = {"threshold": 0.3, "lead_terms": 50, "num_perm": 32, "refine": False}
    assert group_articles_dask(articles, client=client, chunk=5, **options) == group_articles(
        articles, **options
    )


def test_continues_a_saved_grouper(client, tmp_path):
    """--state with the dask engine: a loaded grouper goes on as locally."""
    articles = mixed_articles()
    first = StoryGrouper()
    first.add_many(articles[:20])
    first.save(tmp_path)
    local = StoryGrouper.load(tmp_path)
    local.add_many(articles[20:])
    dask = StoryGrouper.load(tmp_path)
    add_many_dask(dask, iter(articles[20:]), client=client, chunk=4)
    assert dask.grouping() == local.grouping()
    dask.save(tmp_path / "dask")
    local.save(tmp_path / "local")
    for name in ("state.json", "arrays.npz"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_scheduler_address_is_used_and_left_running(client):
    articles = mixed_articles()
    address = client.scheduler.address
    assert group_articles_dask(articles, scheduler=address) == group_articles(articles)
    assert client.run(lambda: "alive")  # the cluster is not ours to close


def test_own_local_cluster_of_worker_processes():
    """What ``newsbrief stories --engine dask`` does without --scheduler."""
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    articles = mixed_articles()
    try:
        grouping = group_articles_dask(articles, workers=2)
    except NewsbriefError as exc:
        if "cannot start a Dask LocalCluster" in str(exc):
            pytest.skip(f"distributed cannot start a LocalCluster on 127.0.0.1 here: {exc}")
        raise
    assert grouping == group_articles(articles)


def test_bad_workers():
    with pytest.raises(NewsbriefError, match="--workers"):
        group_articles_dask([], workers=0)


def test_multinews_same_grouping_as_local(client, multinews_path):
    """100 real stories (~280 articles) mixed: identical to local, so ARI and
    B-cubed between the two are exactly 1."""
    articles, gold = multinews_pile(multinews_path, 100)
    local = group_articles(articles)
    dask = group_articles_dask(articles, client=client, chunk=25)
    assert len(articles) > 250
    assert dask == local
    assert adjusted_rand(dask.assignment(), local.assignment()) == 1.0
    assert bcubed(dask.assignment(), local.assignment()) == (1.0, 1.0, 1.0)
    scored = {a: s for a, s in gold.items() if a not in set(local.unassigned)}
    assert bcubed(dask.assignment(), scored)[2] >= 0.9


def test_half_headline_only_pile_same_grouping_as_local(client, multinews_path, tmp_path):
    """Bare headlines are attached by rules of their own (on arrival and in
    refine); on Dask they must still give the local grouping, also resumed
    from a saved state that holds stories of headlines only."""
    articles, _ = multinews_pile(multinews_path, 40)
    articles = [
        replace(a, text="", title=lead_sentence(clean_text(a.text))) if n % 2 == 0 else a
        for n, a in enumerate(articles)
    ]
    local = group_articles(articles)
    assert group_articles_dask(articles, client=client, chunk=7) == local
    assert any(  # the case occurs: a story with headlines and full articles
        {a.id for a in articles if not a.text} & set(s.articles)
        and {a.id for a in articles if a.text} & set(s.articles)
        for s in local.stories
    )
    first = StoryGrouper()
    first.add_many(articles[:30])
    assert 1 in first._heads  # the saved state holds a story of headlines only
    first.save(tmp_path)
    resumed_local, resumed_dask = StoryGrouper.load(tmp_path), StoryGrouper.load(tmp_path)
    resumed_local.add_many(articles[30:])
    add_many_dask(resumed_dask, iter(articles[30:]), client=client, chunk=6)
    resumed_local.refine()
    resumed_dask.refine()
    assert resumed_dask.grouping() == resumed_local.grouping()
