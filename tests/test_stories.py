"""Story grouping: near-copies, streams and saved state, time, headlines, scores."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from newsbrief.model import Article
from newsbrief.stories import (
    Grouping,
    StoryGrouper,
    adjusted_rand,
    bcubed,
    group_articles,
)

# Four stories told by three outlets each, in their own words.
STORIES = {
    "flood": [
        "Floodwaters swept through the river town of Ellsworth on Monday after the Kessel "
        "dam gave way, forcing thousands of residents to flee to higher ground. Rescue crews "
        "in boats pulled families from rooftops as the Kessel river rose six feet in an hour. "
        "The governor declared a state of emergency for Ellsworth county.",
        "Thousands fled Ellsworth when the Kessel dam burst and the river flooded the town, "
        "officials said. Boats carried stranded families off rooftops while the water kept "
        "rising. The state emergency agency opened shelters and the governor asked for "
        "federal flood aid for the county.",
        "A dam failure on the Kessel river flooded Ellsworth overnight. Residents described "
        "water reaching second floors within an hour; rescue teams used boats to reach "
        "rooftops. Emergency shelters in the county were full by morning, the governor said.",
    ],
    "election": [
        "Voters in Marvania elected opposition leader Tomas Brenner as president on Sunday, "
        "ending twelve years of rule by the Unity party. Brenner won 54 percent of the vote "
        "according to the electoral commission, and promised to fight corruption and reform "
        "the courts.",
        "Tomas Brenner, the opposition candidate, won Marvania's presidential election with "
        "a clear majority, the electoral commission announced. The Unity party conceded "
        "defeat. Brenner campaigned against corruption and vowed judicial reform.",
        "Marvania has a new president: Tomas Brenner beat the Unity party candidate in "
        "Sunday's vote, taking 54 percent. Turnout was high. In his victory speech Brenner "
        "repeated his promise to root out corruption in the courts.",
    ],
    "football": [
        "Northvale United won the cup final 3-1 against Harbor City at the Grand Stadium on "
        "Saturday. Striker Leo Danvers scored twice in the second half, and goalkeeper Sam "
        "Okafor saved a penalty. It is Northvale's first cup title in forty years.",
        "Leo Danvers struck twice as Northvale United beat Harbor City 3-1 in the cup final. "
        "Harbor City had a penalty saved by Okafor. Northvale fans celebrated the club's first "
        "cup win in four decades at the Grand Stadium.",
        "Harbor City lost the cup final to Northvale United, who won 3-1 thanks to two goals "
        "from striker Leo Danvers. Northvale's goalkeeper Okafor stopped a penalty in the "
        "first half of the final.",
    ],
    "earnings": [
        "Chipmaker Quantel reported record quarterly revenue of 12 billion dollars, driven by "
        "demand for its data center processors. Quantel shares rose 9 percent in late trading "
        "after the company raised its forecast for the year.",
        "Quantel beat analyst expectations with quarterly revenue of 12 billion dollars as "
        "data center sales surged. The chipmaker lifted its full-year forecast, and its "
        "shares jumped in after-hours trading.",
        "Strong demand for data center processors pushed Quantel's quarterly revenue to a "
        "record. The chipmaker's shares climbed 9 percent after it raised its annual revenue "
        "forecast.",
    ],
}
DAY = date(2024, 3, 4)


def _corpus() -> tuple[list[Article], dict[str, str]]:
    """The stories' articles interleaved, dated within a few days of each other."""
    articles, gold = [], {}
    for outlet in range(3):
        for offset, (story, texts) in enumerate(STORIES.items()):
            aid = f"{story}-{outlet}"
            articles.append(
                Article(
                    id=aid,
                    source=f"outlet{outlet}",
                    text=texts[outlet],
                    published=DAY + timedelta(days=outlet + offset % 2),
                )
            )
            gold[aid] = story
    return articles, gold


def _ids(grouping: Grouping) -> list[str]:
    return [a for s in grouping.stories for a in s.articles] + list(grouping.unassigned)


def test_stories_are_recovered() -> None:
    articles, gold = _corpus()
    grouping = group_articles(articles)
    assert bcubed(grouping.assignment(), gold) == (1.0, 1.0, 1.0)
    flood = next(s for s in grouping.stories if "flood-0" in s.articles)
    assert flood.id == "s1"
    assert flood.articles == ("flood-0", "flood-1", "flood-2")
    assert flood.sources == ("outlet0", "outlet1", "outlet2")
    assert flood.first_published == DAY
    assert flood.last_published == DAY + timedelta(days=2)
    assert flood.duplicates == {}
    assert flood.independent == 3
    assert flood.title  # the first sentence of one of its articles, shortened
    assert len(flood.title.split()) <= 16


def test_near_duplicates_are_folded_and_marked() -> None:
    articles, _ = _corpus()
    original = STORIES["election"][0]
    # A syndicated copy with a new first line and a trimmed ending.
    copy = "MARVANIA CITY (Wire) - " + original.rsplit(" and ", 1)[0] + "."
    articles.append(Article(id="copy", source="syndicator", text=copy, published=DAY))
    grouping = group_articles(articles)
    story = next(s for s in grouping.stories if "copy" in s.articles)
    assert "election-0" in story.articles
    assert story.duplicates == {"copy": "election-0"}
    assert story.independent == len(story.articles) - 1
    assert "syndicator" in story.sources


def test_every_article_appears_exactly_once() -> None:
    articles, _ = _corpus()
    articles.append(Article(id="empty", source="x", text=""))
    articles.append(Article(id="junk", source="x", text="Advertisement\nShare on Facebook"))
    grouping = group_articles(articles)
    ids = _ids(grouping)
    assert sorted(ids) == sorted(a.id for a in articles)
    assert len(ids) == len(set(ids))


def test_boilerplate_only_pages_are_unassigned() -> None:
    grouper = StoryGrouper()
    pages = [
        Article(id="b1", source="x", text="Advertisement\nSign up for our newsletter"),
        Article(id="b2", source="x", text="Photo: Getty Images\nShare on Twitter"),
        Article(id="b3", source="x", text="   "),
        Article(id="b4", source="x", text="Read more."),
    ]
    assert [grouper.add(page) for page in pages] == [None] * 4
    grouping = grouper.grouping()
    assert grouping.stories == ()
    assert grouping.unassigned == ("b1", "b2", "b3", "b4")


def test_repeated_ids_are_not_added_twice() -> None:
    articles, _ = _corpus()
    grouper = StoryGrouper()
    grouper.add_many(articles)
    assert grouper.add(articles[0]) == "s1"
    assert len(_ids(grouper.grouping())) == len(articles)


@pytest.mark.parametrize("first", [False, True], ids=["headlines-last", "headlines-first"])
def test_headline_only_articles_join_their_story(first: bool) -> None:
    """Also when the headlines come first and open the stories: the strict
    first pass leaves the full articles on their own, and refine() joins them."""
    articles, gold = _corpus()
    heads = []
    headlines = {
        "h-flood": ("Kessel dam bursts, flooding Ellsworth", "flood"),
        "h-election": ("Brenner wins Marvania presidential election", "election"),
        "h-football": ("Danvers double gives Northvale United the cup", "football"),
        "h-earnings": ("Quantel revenue hits record on data center demand", "earnings"),
    }
    for aid, (title, story) in headlines.items():
        heads.append(Article(id=aid, source="wire", text="", title=title, published=DAY))
        gold[aid] = story
    # Headlines of events none of the articles tell stay on their own.
    unrelated = {
        "h-volcano": "Volcano erupts on Tarven island, villages evacuated",
        "h-strike": "Rail workers in Dunmore walk out over pension cuts",
    }
    for aid, title in unrelated.items():
        heads.append(Article(id=aid, source="wire", text="", title=title, published=DAY))
        gold[aid] = aid
    grouping = group_articles(heads + articles if first else articles + heads)
    assert bcubed(grouping.assignment(), gold) == (1.0, 1.0, 1.0)
    # A story with a real title is named by it.
    flood = next(s for s in grouping.stories if "h-flood" in s.articles)
    assert flood.title == "Kessel dam bursts, flooding Ellsworth"


def test_a_headline_that_came_first_joins_its_story_when_refined() -> None:
    """A short headline opens a story, the articles of its event each open
    their own (strict first pass) and refine() merges them; the mean
    similarity of the headline with the full articles is too low for the
    linkage, so the headline's own story has to be attached by its cosine."""
    articles, gold = _corpus()
    head = Article(id="head", source="wire", text="", title="Marvania votes for change")
    gold["head"] = "election"
    grouping = group_articles([head, *articles])
    assert bcubed(grouping.assignment(), gold) == (1.0, 1.0, 1.0)
    assert next(s for s in grouping.stories if "head" in s.articles).id == "s1"


def test_headlines_do_not_hold_back_the_merging_of_a_split_story() -> None:
    """A story split on arrival is merged by refine() whether or not headlines
    of it came first: the headline opens a story, the full articles take over
    its centroid, and the bare headline is not weighed in the linkage."""
    articles, gold = _corpus()
    head = Article(id="head", source="wire", text="", title="Kessel dam bursts, flooding Ellsworth")
    gold["head"] = "flood"
    plain = StoryGrouper(threshold=0.99)
    plain.add_many(articles)
    plain.refine()
    headed = StoryGrouper(threshold=0.99)
    headed.add_many([head, *articles])
    headed.refine()
    flood = next(s for s in headed.grouping().stories if "head" in s.articles)
    assert flood.id == "s1"  # the headline's story, the oldest, keeps its id
    expected = next(s for s in plain.grouping().stories if "flood-0" in s.articles)
    assert set(flood.articles) == {"head", *expected.articles}
    others = [s.articles for s in headed.grouping().stories if s is not flood]
    assert others == [s.articles for s in plain.grouping().stories if s is not expected]


def test_articles_a_month_apart_are_different_stories() -> None:
    first, second = STORIES["flood"][0], STORIES["flood"][1]
    later = DAY + timedelta(days=30)
    grouper = StoryGrouper(window_days=7)
    assert grouper.add(Article(id="a", source="x", text=first, published=DAY)) == "s1"
    assert grouper.add(Article(id="b", source="y", text=second, published=later)) == "s2"
    assert grouper.refine() == 0  # not even the merging pass joins them
    assert len(grouper.grouping().stories) == 2
    # Within the window, the same pair is one story (joined on arrival or by refine).
    soon = DAY + timedelta(days=5)
    grouper = StoryGrouper(window_days=7)
    grouper.add(Article(id="a", source="x", text=first, published=DAY))
    grouper.add(Article(id="b", source="y", text=second, published=soon))
    # Undated articles ignore time.
    grouper.add(Article(id="c", source="z", text=STORIES["flood"][2]))
    grouper.refine()
    assert [s.articles for s in grouper.grouping().stories] == [("a", "b", "c")]
    assert grouper.grouping().stories[0].id == "s1"


def test_near_copies_a_month_apart_are_the_same_story() -> None:
    text = STORIES["football"][0] + "\n" + STORIES["football"][1]
    copy = text.replace("on Saturday", "at the weekend")
    grouper = StoryGrouper(window_days=7)
    later = DAY + timedelta(days=30)
    grouper.add(Article(id="a", source="x", text=text, published=DAY))
    assert grouper.add(Article(id="b", source="y", text=copy, published=later)) == "s1"
    story = grouper.grouping().stories[0]
    assert story.duplicates == {"b": "a"}
    assert story.last_published == later


def test_incremental_with_saved_state_matches_one_batch(tmp_path: Path) -> None:
    articles, _ = _corpus()
    # A near-copy late in the stream of an article early in it: the restored
    # near-duplicate index must still know the original.
    copy = STORIES["earnings"][0].replace("Chipmaker", "The chipmaker")
    articles.append(Article(id="copy", source="wire", text=copy, published=DAY))
    articles.append(Article(id="junk", source="x", text="Advertisement"))
    articles.insert(5, Article(id="head", source="wire", text="", title="Brenner wins in Marvania"))

    batch = StoryGrouper()
    batch.add_many(articles)

    stream = StoryGrouper()
    for article in articles[:7]:
        stream.add(article)
    stream.save(tmp_path / "state")
    resumed = StoryGrouper.load(tmp_path / "state")
    assert resumed.params == stream.params
    for article in articles[7:]:
        resumed.add(article)

    assert resumed.grouping() == batch.grouping()
    assert "copy" in next(s for s in resumed.grouping().stories if "copy" in s.articles).duplicates
    # Saving again over the old state works, and so does refining a loaded grouper.
    resumed.save(tmp_path / "state")
    again = StoryGrouper.load(tmp_path / "state")
    assert again.grouping() == resumed.grouping()
    again.refine()
    assert sorted(_ids(again.grouping())) == sorted(a.id for a in articles)


def test_saved_state_keeps_which_stories_are_headlines_only(tmp_path: Path) -> None:
    """A story of bare headlines saved before its articles arrive is attached
    by refine() after loading as it would have been without the break."""
    articles, gold = _corpus()
    heads = [
        Article(
            id="h-flood", source="wire", text="", title="Kessel dam bursts, flooding Ellsworth"
        ),
        Article(id="h-vote", source="wire", text="", title="Brenner wins Marvania election"),
    ]
    gold.update({"h-flood": "flood", "h-vote": "election"})
    batch = StoryGrouper()
    batch.add_many(heads + articles)
    batch.refine()

    stream = StoryGrouper()
    stream.add_many(heads)
    stream.save(tmp_path)
    resumed = StoryGrouper.load(tmp_path)
    assert list(resumed._heads) == list(stream._heads) == [1, 1]
    resumed.add_many(articles)
    resumed.refine()
    assert resumed.grouping() == batch.grouping()
    assert bcubed(resumed.grouping().assignment(), gold) == (1.0, 1.0, 1.0)


def test_state_of_version_2_loads_with_every_story_told_in_full(tmp_path: Path) -> None:
    """Version 2 had no headline flags; its stories keep the rules it was refined by."""
    grouper = StoryGrouper()
    grouper.add_many(_corpus()[0])
    grouper.add(Article(id="head", source="wire", text="", title="Volcano erupts on Tarven"))
    grouper.save(tmp_path)
    assert 1 in grouper._heads
    state = json.loads((tmp_path / "state.json").read_text())
    state["version"] = 2
    (tmp_path / "state.json").write_text(json.dumps(state))
    with np.load(tmp_path / "arrays.npz") as data:
        arrays = {name: data[name] for name in data.files if name != "heads"}
    np.savez_compressed(tmp_path / "arrays.npz", **arrays)
    loaded = StoryGrouper.load(tmp_path)
    assert list(loaded._heads) == [0] * len(grouper._heads)
    assert loaded.grouping() == grouper.grouping()


def test_state_of_another_version_is_refused(tmp_path: Path) -> None:
    grouper = StoryGrouper()
    grouper.add_many(_corpus()[0])
    grouper.save(tmp_path)
    state = json.loads((tmp_path / "state.json").read_text())
    state["version"] = 999
    (tmp_path / "state.json").write_text(json.dumps(state))
    with pytest.raises(ValueError, match="version"):
        StoryGrouper.load(tmp_path)
    with pytest.raises(FileNotFoundError):
        StoryGrouper.load(tmp_path / "nothing")


def test_refine_merges_a_split_story() -> None:
    # A threshold no pair reaches splits every story; refine() then merges the
    # copies that the centroids show to be one story.
    articles, gold = _corpus()
    grouper = StoryGrouper(threshold=0.99, merge_threshold=0.2)
    grouper.add_many(articles)
    assert len(grouper.grouping().stories) == len(articles)
    merges = grouper.refine()
    assert merges > 0
    grouping = grouper.grouping()
    assert len(grouping.stories) == len(articles) - merges
    precision, recall, _ = bcubed(grouping.assignment(), gold)
    assert precision == 1.0
    assert recall > 1 / 3


def _story_after_refine(extra: Article, **params: float) -> tuple[str, ...]:
    """The story that ``extra``, added after the corpus, ends up in."""
    articles, _ = _corpus()
    grouper = StoryGrouper(**params)
    grouper.add_many([*articles, extra])
    grouper.refine()
    return next(s.articles for s in grouper.grouping().stories if extra.id in s.articles)


def test_a_lone_report_from_another_angle_joins_the_story_it_plainly_belongs_to() -> None:
    # Too unlike the flood reports to merge by average linkage, but far more
    # like them than like any other story: refine() attaches it last.
    angle = Article(
        id="angle",
        source="outlet9",
        published=DAY,
        text="Insurers expect large claims from Ellsworth after the flood. Engineers had "
        "warned for years that the Kessel dam needed repairs; an inspection report "
        "described cracks.",
    )
    for attach, expected in ((0.07, ("flood-0", "flood-1", "flood-2", "angle")), (1.0, ("angle",))):
        assert _story_after_refine(angle, attach_threshold=attach) == expected


def test_a_lone_report_between_two_stories_stays_alone() -> None:
    # Alike to the flood and to the cup final: no story stands out by the
    # margin, so it is not given to either.
    between = Article(
        id="between",
        source="outlet9",
        published=DAY,
        text="Insurers expect large claims after the flood in Ellsworth and after fans damaged "
        "the Grand Stadium at the cup final. Engineers had warned that the Kessel dam needed "
        "repairs, and that the stadium roof did.",
    )
    for margin, alone in ((2.5, True), (1.0, False)):
        assert (_story_after_refine(between, attach_margin=margin) == ("between",)) is alone


# -- evaluation --------------------------------------------------------------


def test_bcubed_by_hand() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    # Predicted {a, b} {c, d, e}.
    pred = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    # Precision: a, b: 2/2; c: 1/3; d, e: 2/3 -> (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15.
    # Recall: a, b: 2/3; c: 1/3; d, e: 2/2 -> (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15.
    precision, recall, f1 = bcubed(pred, gold)
    assert precision == pytest.approx(11 / 15)
    assert recall == pytest.approx(11 / 15)
    assert f1 == pytest.approx(11 / 15)
    # All in one cluster: precision (3 * 3/5 + 2 * 2/5) / 5 = 13/25, recall 1.
    assert bcubed({k: 0 for k in gold}, gold)[:2] == pytest.approx((13 / 25, 1.0))
    # A missing prediction is a singleton.
    assert bcubed({"a": 0}, {"a": 1, "b": 1}) == pytest.approx((1.0, 0.5, 2 / 3))


def test_adjusted_rand_by_hand() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    assert adjusted_rand(gold, gold) == 1.0
    pred = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    # Pairs: 10. Same in both: ab, de -> index 2. Pred pairs 1 + 3 = 4, gold
    # pairs 3 + 1 = 4; expected 4 * 4 / 10 = 1.6; max 4.
    # ARI = (2 - 1.6) / (4 - 1.6) = 1/6.
    assert adjusted_rand(pred, gold) == pytest.approx(1 / 6)
    # Labels are arbitrary.
    renamed = {k: f"c{v}" for k, v in gold.items()}
    assert adjusted_rand(renamed, gold) == 1.0
    # Everything in one cluster against a real split: ARI 0.
    assert adjusted_rand({k: 0 for k in gold}, gold) == pytest.approx(0.0)


# -- real data -----------------------------------------------------------------


def multinews_pile(path: Path, stories: int) -> tuple[list[Article], dict[str, str]]:
    """The articles of the first ``stories`` Multi-News stories, shuffled (seed 1),
    and the story of each (the gold grouping)."""
    articles, gold = [], {}
    with path.open(encoding="utf-8") as fh:
        for number, line in zip(range(stories), fh, strict=False):
            story = json.loads(line)
            for index, text in enumerate(story["documents"]):
                aid = f"{number}-{index}"
                articles.append(Article(id=aid, source=f"source{index}", text=text))
                gold[aid] = story["id"]
    random.Random(1).shuffle(articles)
    return articles, gold


def test_multinews_stories_are_recovered(multinews_path: Path) -> None:
    articles, gold = multinews_pile(multinews_path, 60)
    grouping = group_articles(articles)
    unassigned = set(grouping.unassigned)
    assert len(_ids(grouping)) == len(articles)
    scored = {aid: story for aid, story in gold.items() if aid not in unassigned}
    assert bcubed(grouping.assignment(), scored)[2] >= 0.9


# -- the snapshot and the atomic save ---------------------------------------------


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def _two_groupers() -> tuple[StoryGrouper, StoryGrouper]:
    """A grouper, and one that went further (more articles, refined)."""
    articles = _corpus()[0]
    before, after = StoryGrouper(), StoryGrouper()
    before.add_many(articles[:5])
    after.add_many(articles)
    after.refine()
    return before, after


def test_a_snapshot_restores_a_grouper_that_goes_on_as_the_original() -> None:
    articles = _corpus()[0]
    original, copy_source = StoryGrouper(), StoryGrouper()
    original.add_many(articles[:6])
    copy_source.add_many(articles[:6])
    restored = StoryGrouper.from_snapshot(copy_source.snapshot())
    for grouper in (original, restored):
        grouper.add_many(articles[6:])
        grouper.refine()
    assert restored.grouping() == original.grouping()


def test_a_save_cut_off_at_its_second_file_leaves_the_previous_state(tmp_path, monkeypatch):
    from newsbrief.stories import state

    before, after = _two_groupers()
    folder = tmp_path / "state"
    before.save(folder)
    saved = _files(folder)

    def crash(fh, arrays):
        raise OSError("disk full")

    monkeypatch.setattr(state, "_write_arrays", crash)
    with pytest.raises(OSError, match="disk full"):
        after.save(folder)
    assert _files(folder) == saved  # the pair on disk is the previous one, whole
    assert StoryGrouper.load(folder).grouping() == before.grouping()
    monkeypatch.undo()
    after.save(folder)  # the leftover DIR.new is cleared
    assert StoryGrouper.load(folder).grouping() == after.grouping()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state"]


def test_a_save_cut_off_between_its_renames_leaves_the_previous_state(tmp_path, monkeypatch):
    from newsbrief.stories import state

    before, after = _two_groupers()
    folder = tmp_path / "state"
    before.save(folder)
    saved = _files(folder)
    renames = []

    def rename(source, target):
        renames.append(target)
        if len(renames) == 2:
            raise OSError("power cut")
        state_rename(source, target)

    state_rename = state.os.rename
    monkeypatch.setattr(state.os, "rename", rename)
    with pytest.raises(OSError, match="power cut"):
        after.save(folder)
    monkeypatch.undo()
    assert not folder.exists()  # moved aside: what a reader finds is the previous pair
    assert state.has_state(folder)
    assert StoryGrouper.load(folder).grouping() == before.grouping()
    assert _files(tmp_path / "state.old") == saved
    after.save(folder)
    assert StoryGrouper.load(folder).grouping() == after.grouping()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state"]


def test_state_and_refine_sit_below_the_grouper() -> None:
    """The grouper imports them; they never import it (no cycle)."""
    import ast

    import newsbrief.stories.grouper as grouper

    for name in ("state", "refine", "params"):
        source = (Path(grouper.__file__).parent / f"{name}.py").read_text(encoding="utf-8")
        imported = {
            node.module
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert not any(m == "grouper" or m.endswith(".grouper") for m in imported), name
