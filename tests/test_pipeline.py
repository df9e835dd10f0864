from __future__ import annotations

import pytest

import newsbrief
from newsbrief import Article, Story
from newsbrief.align import build_space, content_terms, stem
from newsbrief.errors import InputError, NewsbriefError
from newsbrief.pipeline import segment
from newsbrief.summarizers import Budget, get_summarizer

FILLER = [
    "The weather in the capital was mild for the season, forecasters noted.",
    "Local markets reopened after the holiday weekend with brisk trading.",
    "A football match in the northern league ended in a goalless draw.",
    "Officials opened a new library branch in the suburbs last spring.",
    "Train services on the coastal line ran on a reduced timetable.",
]


def three_outlets() -> list[Article]:
    """One fact (100,000 civilians trapped) told by three outlets in their own words."""
    return [
        Article(
            id="a",
            source="Alpha",
            text="The United Nations warned that up to 100,000 civilians remain trapped in "
            "Raqqa as fighting intensifies.\n" + " ".join(FILLER[:2]),
        ),
        Article(
            id="b",
            source="Beta",
            text="Some 100,000 civilians are still trapped inside Raqqa, the United Nations "
            "said on Tuesday.\n" + " ".join(FILLER[2:4]),
        ),
        Article(
            id="c",
            source="Gamma",
            text="According to the UN, at least 100,000 civilians are trapped in the city of "
            "Raqqa by the fighting.\n" + FILLER[4],
        ),
    ]


def test_fact_reported_by_three_outlets_cites_all_three():
    result = newsbrief.brief(three_outlets(), sentences=1)
    [sentence] = result.summary
    assert "100,000" in sentence.text
    assert sentence.citations == (1, 2, 3)


def test_unrelated_sentences_cite_only_their_own_article():
    result = newsbrief.brief(three_outlets(), sentences=4)
    for s in result.summary:
        if "100,000" not in s.text:
            assert s.citations == (s.article,)


def test_sentence_traces_back_to_its_article():
    articles = three_outlets()
    result = newsbrief.brief(articles, sentences=3)
    for s in result.summary:
        assert s.article in s.citations
        assert s.text in articles[s.article - 1].text
        story = segment(Story(articles=articles))
        rows = [x for x in story.sentences if x.article == s.article - 1]
        assert rows[s.sentence_index].text == s.text


def test_every_citation_has_the_cited_sources_own_sentence():
    articles = three_outlets()
    result = newsbrief.brief(articles, sentences=1)
    [sentence] = result.summary
    assert [q.source for q in sentence.quotes] == list(sentence.citations) == [1, 2, 3]
    story = segment(Story(articles=articles))
    for quote in sentence.quotes:
        own = [x.text for x in story.sentences if x.article == quote.source - 1]
        assert quote.text in own and "100,000" in quote.text
        if quote.source == sentence.article:
            assert quote.text == sentence.text


def test_quotes_on_the_large_story_path_match_the_small_one():
    """Stories too big for the cosine matrix find quotes row by row: same answer."""
    from newsbrief import align

    small = newsbrief.brief(three_outlets(), sentences=2)
    saved = align._BLOCK_CELLS
    align._BLOCK_CELLS = 1
    try:
        large = newsbrief.brief(three_outlets(), sentences=2)
    finally:
        align._BLOCK_CELLS = saved
    assert [s.quotes for s in large.summary] == [s.quotes for s in small.summary]
    assert all(s.quotes for s in small.summary)


def test_word_budget_is_respected():
    result = newsbrief.brief(three_outlets(), words=30)
    assert 0 < result.words <= 30


def test_redundant_facts_are_said_once():
    result = newsbrief.brief(three_outlets(), sentences=3)
    assert sum("100,000" in s.text for s in result.summary) == 1


def test_story_order_follows_article_position():
    articles = [
        Article(
            id=str(i),
            source=f"S{i}",
            text=" ".join(
                f"Sentence number {j} of article {i} talks about topic {j} in detail."
                for j in range(6)
            ),
        )
        for i in range(3)
    ]
    story = segment(Story(articles=articles))
    space = build_space(story)
    rows = get_summarizer("newsbrief").select(story, space, Budget(sentences=4))
    positions = [story.sentences[r].index / 6 for r in rows]
    assert positions == sorted(positions)


def test_single_article_brief_works_and_warns():
    result = newsbrief.brief([Article(id="x", source="Solo", text=" ".join(FILLER))], words=40)
    assert result.summary
    assert all(s.citations == (1,) for s in result.summary)
    assert result.warnings


def test_many_articles_story():
    articles = [
        Article(
            id=str(i),
            source=f"Outlet {i}",
            text=f"Outlet {i} reports that the dam on the river failed after heavy rain. "
            + " ".join(FILLER),
        )
        for i in range(200)
    ]
    result = newsbrief.brief(articles, words=60)
    assert result.summary
    assert len(result.sources) == 200
    assert max(len(s.citations) for s in result.summary) > 100


def test_large_article(tmp_path):
    paragraph = " ".join(FILLER) + "\n"
    big = tmp_path / "big.txt"
    big.write_text(paragraph * (5_000_000 // len(paragraph)), encoding="utf-8")
    assert big.stat().st_size > 4_900_000
    result = newsbrief.brief([big], words=50)
    assert result.summary and result.words <= 50


def test_brief_from_paths(example_dir):
    result = newsbrief.brief([example_dir], words=120)
    assert 60 <= result.words <= 120
    assert len(result.sources) >= 5
    assert any(len(s.citations) >= 3 for s in result.summary)


def test_api_errors(tmp_path):
    with pytest.raises(InputError):
        newsbrief.brief([])
    with pytest.raises(NewsbriefError, match="--words"):
        newsbrief.brief(three_outlets(), words=0)
    with pytest.raises(NewsbriefError, match="unknown summarizer"):
        newsbrief.brief(three_outlets(), summarizer="nope")
    with pytest.raises(InputError, match="no text left"):
        newsbrief.brief([Article(id="e", source="E", text="Skip to content")])


@pytest.mark.parametrize(
    "word, expected",
    [
        ("fighters", "fighter"),
        ("breached", "breach"),
        ("cities", "city"),
        ("press", "press"),
        ("trapped", "trapp"),
        ("status", "status"),
        ("isis's", "isis"),
    ],
)
def test_stem(word, expected):
    assert stem(word) == expected


def test_numbers_are_normalised_for_matching():
    assert "2500" in content_terms("around 2,500 fighters")
    assert "2500" in content_terms("2500 fighters")


def test_briefs_do_not_depend_on_the_hash_seed(example_dir):
    import os
    import subprocess
    import sys

    script = (
        "import json, newsbrief; from newsbrief.render import to_dict; "
        f"print(json.dumps(to_dict(newsbrief.brief([{str(example_dir)!r}]))))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True, text=True, check=True, timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert len(outputs) == 1
