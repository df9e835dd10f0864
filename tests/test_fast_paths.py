"""Fast paths held to the rules they shortcut, on real text.

Each speed-up of the fact map and the summarizer restates a simple rule in a
faster form (one scan of a joined or marked copy, one array operation, the last
characters instead of a regex search). The rule is kept callable beside its
shortcut, and here the two must give the same answer on every sentence and
story of the bundled example, the test fixtures and, when ../shared is
present, the DUC 2003 and Multi-News validation sets (skipped otherwise).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from newsbrief.align import SentenceSpace, build_space
from newsbrief.facts import agreement
from newsbrief.facts.build import _published
from newsbrief.facts.conflicts import quantity_candidates
from newsbrief.facts.dates import DateFinder
from newsbrief.facts.quantities import find_all_quantities
from newsbrief.ingest import StoryError, read_stories
from newsbrief.model import Story
from newsbrief.pipeline import segment
from newsbrief.quotable import COMPLETE_SENTENCE, fits, is_complete, quotable

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
#: The project's own inputs, always there.
OWN = {
    "example": ROOT / "examples" / "raqqa",
    "eval_small": ROOT / "tests" / "fixtures" / "eval_small.jsonl",
}
#: Shared story sets, read when present.
SHARED = {
    "duc2003": DATA / "duc2003_task2.jsonl",
    "multinews_val": DATA / "multinews_val.jsonl",
}


@dataclass(frozen=True)
class Aligned:
    """A segmented story with its space and the publication date of each sentence."""

    story: Story
    space: SentenceSpace
    published: list[dt.date | None]

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.story.sentences]


_LOADED: dict[str, list[Aligned]] = {}


def _aligned(name: str) -> list[Aligned]:
    """The stories of one input, segmented and aligned once per test session."""
    if name not in _LOADED:
        path = OWN.get(name) or SHARED[name]
        if not path.exists():
            pytest.skip(f"{path} not present (a fresh clone has no ../shared; CI has it)")
        out = []
        for item in read_stories([path]):
            if isinstance(item, StoryError):
                continue
            story = segment(item)
            dates = [_published(story, a) for a in range(len(story.articles))]
            published = [dates[s.article] for s in story.sentences]
            out.append(Aligned(story, build_space(story), published))
        _LOADED[name] = out
    return _LOADED[name]


INPUTS = pytest.mark.parametrize("name", [*OWN, *SHARED])


@INPUTS
def test_a_complete_sentence_is_told_by_its_last_characters(name):
    texts = [text for story in _aligned(name) for text in story.texts]
    assert texts
    fast = [is_complete(text) for text in texts]
    assert fast == [COMPLETE_SENTENCE.search(text) is not None for text in texts]
    assert any(fast)


@INPUTS
def test_quotable_rules_rows_out_by_length_in_one_array_operation(name):
    for story in _aligned(name):
        fit = quotable(story.story, story.space)
        assert fit.tolist() == [fits(text) for text in story.texts]
        wide = quotable(story.story, story.space, min_words=1, max_words=200)
        assert wide.tolist() == [fits(text, 1, 200) for text in story.texts]


@INPUTS
def test_near_quotable_rows_from_one_array_operation(name):
    checked = 0
    for story in _aligned(name):
        space = story.space
        if space.cosines is None:
            continue
        fit = quotable(story.story, space)
        seeds = np.flatnonzero(fit)
        for threshold in (0.3, 0.1):
            fast = agreement._near_rows(space, seeds, fit, threshold)
            assert fast == agreement._near_rows_per_seed(space, seeds, fit, threshold)
        checked += 1
    assert checked


@INPUTS
def test_dates_found_by_cheap_scans_are_the_dates_of_every_trigger(name):
    """Covers: repeated sentences read once; an undated sentence without '19' or
    '20' not read; only digit runs that can open a date looked at; the trigger
    places found by scans of the joined text."""
    found = 0
    for story in _aligned(name):
        texts = story.texts
        for published in (story.published, [None] * len(texts)):
            fast = DateFinder().find_all(texts, published)
            rule = DateFinder().find_all(texts, published, shortcuts=False)
            assert list(fast.items()) == list(rule.items())
            found += len(fast)
    assert found


@INPUTS
def test_quantity_anchors_found_in_one_scan_are_the_rule_anchors(name):
    """Covers: ASCII text scanned as one marked copy; digit anchors found digit
    first; number words as a trie; repeated sentences read once; the bound
    before a figure not searched where the text cannot end in one."""
    found = 0
    for story in _aligned(name):
        texts = story.texts
        for qualify in (True, False):
            fast = find_all_quantities(texts, qualify)
            rule = find_all_quantities(texts, qualify, shortcuts=False)
            assert list(fast.items()) == list(rule.items())
            found += len(fast)
    assert found


def test_the_rules_see_text_the_data_may_lack():
    """Non-ASCII text, a letter that lowers to two ('İ') and repeats, which take
    other branches of the fast paths."""
    texts = [
        "İstanbul said 2,500 fighters fled on 6 June 2017, up from two thousand in 2016.",
        "Some 300 people – a few hundred – left on Tuesday, the İzmir office said.",
        "About 40 km of the wall, almost 2.5 miles, fell in 2014.",
        "About 40 km of the wall, almost 2.5 miles, fell in 2014.",
        "Dozens of trucks left Raqqa last week, two weeks ago, said the 9/11 panel.",
        "No figures at all here.",
    ]
    published = [dt.date(2017, 7, 4), None, None, dt.date(2017, 7, 4), None, None]
    for qualify in (True, False):
        fast = find_all_quantities(texts, qualify)
        assert list(fast.items()) == list(
            find_all_quantities(texts, qualify, shortcuts=False).items()
        )
        assert fast
    fast_dates = DateFinder().find_all(texts, published)
    assert fast_dates == DateFinder().find_all(texts, published, shortcuts=False)
    assert fast_dates
    ends = ['He left."', "He left.)", "He left.\n", "He left", "", '"', "Why?'”"]
    assert [is_complete(t) for t in ends[:2]] == [True, True]
    # A trailing newline is where the two would part: sentences never end in one.
    assert [is_complete(t) for t in ends if not t.endswith("\n")] == [
        COMPLETE_SENTENCE.search(t) is not None for t in ends if not t.endswith("\n")
    ]


@INPUTS
def test_estimate_words_found_by_substring_search(name):
    for story in _aligned(name):
        fast = quantity_candidates(story.story, story.space)
        rule = quantity_candidates(story.story, story.space, shortcuts=False)
        assert fast.tolist() == rule.tolist()
