from __future__ import annotations

import html
import re
import shutil
from datetime import date
from types import SimpleNamespace

import pytest

import newsbrief
from newsbrief.html import StoryRow, render_brief_page, render_digest_page, render_story_index
from newsbrief.html.report import safe_href, timeline_chart
from newsbrief.model import (
    Article,
    Brief,
    Claim,
    Conflict,
    Entity,
    Fact,
    FactMap,
    Quote,
    Source,
    SummarySentence,
    TimelineEvent,
)
from newsbrief.render import renderer

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
EVIL = f"Breaking {SCRIPT} news {IMG} here."


@pytest.fixture(scope="module")
def raqqa() -> Brief:
    from conftest import EXAMPLE

    return newsbrief.brief([EXAMPLE], words=120)


@pytest.fixture(scope="module")
def page(raqqa) -> str:
    return render_brief_page(raqqa, nav=[("All stories", "/")], updated="2017-07-05")


def section(page: str, ident: str) -> str:
    """The element with id ``ident`` up to the end of its section."""
    start = page.index(f'id="{ident}"')
    return page[start : page.index("</section>", start)]


def cites(fragment: str) -> list[tuple[int, str | None]]:
    """(source, quote text) of every citation marker, in order."""
    found = []
    for marker in re.split(r'(?=<span class="cite" )', fragment)[1:]:
        source = int(re.match(r'<span class="cite" data-source="(\d+)"', marker).group(1))
        quote = re.search(r'<span class="cite-quote">(.*?)</span>', marker)
        found.append((source, html.unescape(quote.group(1)) if quote else None))
    return found


def evil_brief() -> Brief:
    """A brief whose every text field carries markup, as scraped pages can."""
    facts = FactMap(
        agreements=(Fact(EVIL, (1, 2), (Quote(1, EVIL), Quote(2, EVIL))),),
        unique=(Fact(EVIL, (2,), (Quote(2, EVIL),)),),
        conflicts=(Conflict("quantity", EVIL, (Claim(IMG, 1, EVIL), Claim("4,000", 2, EVIL))),),
        timeline=(TimelineEvent(date(2017, 7, 4), "day", EVIL, (1,), (Quote(1, EVIL),)),),
        entities=(Entity(SCRIPT, "person", (IMG,), (1, 2)),),
    )
    return Brief(
        story_id=SCRIPT,
        sources=(
            Source(1, "a", SCRIPT, title=IMG, url="javascript:alert(1)"),
            Source(2, "b", IMG, title=SCRIPT, url=" java\tscript:alert(1)"),
        ),
        summary=(SummarySentence(EVIL, (1, 2), 1, 0, (Quote(1, EVIL), Quote(2, EVIL))),),
        warnings=(SCRIPT,),
        facts=facts,
    )


def test_brief_page_is_one_self_contained_document(page):
    assert page.startswith("<!doctype html>")
    assert page.rstrip().endswith("</html>")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert re.search(r"<style>\s*\S", page) and re.search(r"<script>\s*\S", page)
    assert not re.search(r"<script[^>]*\ssrc=", page)
    assert not re.search(r"<link[^>]*href=[\"']?(https?:)?//", page)
    assert "@import" not in page and "url(" not in page
    assert page.count("<script") == 1
    for hook in ("summary", "agree", "differ", "timeline", "entities", "sources"):
        assert f'id="{hook}"' in page
    assert '<a href="/">All stories</a>' in page


def test_every_citation_shows_the_cited_sources_quote(raqqa, page):
    markers = cites(section(page, "summary"))
    expected = [(q.source, q.text) for s in raqqa.summary for q in s.quotes]
    assert markers == expected
    assert [n for n, _ in markers] == [n for s in raqqa.summary for n in s.citations]
    assert all(quote for _, quote in markers)
    names = {s.number: s.name for s in raqqa.sources}
    first = section(page, "summary")
    for number, name in names.items():
        if f'data-source="{number}"' in first:
            assert f'<span class="cite-name">{number}. {html.escape(name)}</span>' in first


def test_citation_markers_are_buttons(page):
    summary = section(page, "summary")
    assert summary.count('<button type="button" class="cite-btn"') == len(cites(summary))
    assert 'aria-expanded="false"' in summary


def test_example_shows_the_fighters_conflict(page):
    differ = section(page, "differ")
    assert "<strong>fighters</strong>" in differ
    assert "around 2,500" in differ and "as many as 4,000" in differ
    assert "Meridian Wire" in differ and "Northgate Broadcasting" in differ
    assert "still defending Raqqa" in differ
    assert "agree" not in differ and "Where sources agree" in section(page, "agree")


def test_example_timeline_is_an_svg_chart_with_a_dot_per_event(raqqa, page):
    timeline = section(page, "timeline")
    assert "<svg" in timeline and "</svg>" in timeline
    events = raqqa.facts.timeline
    assert len(events) >= 5
    assert timeline.count('<circle class="event"') == len(events)
    assert timeline.count('class="event-item"') == len(events)
    precisions = re.findall(r'<circle class="event" data-precision="(\w+)"', timeline)
    assert precisions == [e.precision for e in sorted(events, key=lambda e: e.date)] or sorted(
        precisions
    ) == sorted(e.precision for e in events)
    assert "2014" in timeline and "4 Jul" in timeline


def test_entities_and_sources(raqqa, page):
    entities = section(page, "entities")
    assert "Islamic State" in entities and "Daesh" in entities
    sources = section(page, "sources")
    linked = [s for s in raqqa.sources if s.url]
    assert linked
    for s in linked:
        assert f'<a href="{html.escape(s.url)}" rel="noopener noreferrer">' in sources
    assert sources.count("<li ") == len(raqqa.sources)


def test_title_and_updated_override(raqqa):
    page = render_brief_page(raqqa, title="My title", updated="2024-05-01T12:30:00+00:00")
    assert "<title>My title</title>" in page and "<h1>My title</h1>" in page
    assert "1 May 2024, 12:30" in page
    assert "<nav" not in page.split("<main", 1)[0].split("</head>")[1]


def test_untrusted_text_is_escaped_everywhere():
    page = render_brief_page(evil_brief(), title=SCRIPT, nav=[(SCRIPT, "javascript:alert(1)")])
    assert SCRIPT not in page and "<img" not in page
    assert page.count("<script") == 1
    assert html.escape(SCRIPT, quote=False) in page or "&lt;script&gt;" in page
    assert "javascript:" not in page.lower().replace(" ", "")
    assert "java\tscript" not in page
    assert not re.search(r"\son\w+=", page.replace("onerror=alert", ""))
    # The markup is there to read, as text.
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_untrusted_article_through_the_pipeline():
    """The cleaner drops paragraphs with markup, but titles and outlet names pass as given."""
    text = "The dam failed after heavy rain on Sunday, officials said. Residents fled."
    articles = [
        Article(id="a", source="Evil <b>Wire</b>", title=SCRIPT, text=text),
        Article(id="b", source=IMG, title=IMG, text=text),
    ]
    brief = newsbrief.brief(articles, sentences=2)
    assert brief.sources[1].name == IMG
    page = renderer("html")(brief)
    assert SCRIPT not in page and "<img" not in page and "<b>" not in page
    assert page.count("<script") == 1


def test_digest_lists_stories_in_rank_order(raqqa):
    other = newsbrief.brief(
        [
            Article(id="x", source="Wire A", text="The Elbe burst its banks in Dresden on Sunday."),
            Article(
                id="y", source="Paper B", text="Dresden flooded when the Elbe burst its banks."
            ),
        ],
        sentences=1,
    )
    story = SimpleNamespace
    entries = [
        (story(id="s1", title="Raqqa wall breached", articles=list("abcdef"),
               first_published=date(2017, 7, 3), last_published=date(2017, 7, 4)), 6, raqqa),
        (story(id="s2", title=f"Dresden {SCRIPT}", articles=["x", "y"],
               first_published=None, last_published=None), 2, other),
    ]  # fmt: skip
    page = render_digest_page(entries, title="Morning digest")
    assert page.startswith("<!doctype html>") and "<title>Morning digest</title>" in page
    ranks = re.findall(r'<article id="story-(\d+)" class="story" data-rank="(\d+)">', page)
    assert ranks == [("1", "1"), ("2", "2")]
    first = page.index('<span class="rank">1.</span> Raqqa wall breached</h2>')
    second = page.index('<span class="rank">2.</span> Dresden &lt;script')
    assert first < second
    assert "6 independent sources" in page and "3 Jul 2017 – 4 Jul 2017" in page
    assert page.count('<details class="factmap">') == 2
    assert SCRIPT not in page
    # One document: ids stay unique although every story has a summary and a timeline.
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert 'id="s1-summary"' in page and 'id="s2-summary"' in page
    assert 'href="#s1-ev-1"' in page


def test_empty_digest():
    page = render_digest_page([])
    assert "No stories." in page and page.rstrip().endswith("</html>")


def test_story_index():
    rows = [
        StoryRow("s1", "Raqqa wall breached", "/story/s1", 6, 8, "2017-07-03", "2017-07-04",
                 updated="2017-07-05T08:00:00"),
        StoryRow("s2", IMG, "javascript:alert(1)", 1, 1, None, None),
    ]  # fmt: skip
    page = render_story_index(rows, page_links=[("Next", "/?page=2")])
    assert '<a class="story-link" href="/story/s1">Raqqa wall breached</a>' in page
    assert "6 sources" in page and "8 articles" in page and "1 source<" in page
    assert "3 Jul 2017 – 4 Jul 2017" in page
    assert '<a href="/?page=2">Next</a>' in page
    assert "<img" not in page and "javascript:" not in page
    assert page.index("Raqqa wall") < page.index("&lt;img")
    assert "No stories yet." in render_story_index([], title="Stories")


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("/story/1", True),
        ("?page=2", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,x", False),
        ("", False),
    ],
)
def test_safe_href(url, safe):
    assert (safe_href(url) is not None) is safe


def test_timeline_chart_stacks_one_date_and_marks_long_gaps():
    events = [
        TimelineEvent(date(2014, 1, 1), "year", "a", (1,), ()),
        TimelineEvent(date(2017, 7, 3), "day", "b", (1,), ()),
        TimelineEvent(date(2017, 7, 4), "day", "c", (1,), ()),
        TimelineEvent(date(2017, 7, 4), "day", "d", (2,), ()),
    ]
    chart = timeline_chart(events)
    assert len(chart["dots"]) == 4 and len(chart["labels"]) == 3
    c, d = chart["dots"][2:]
    assert c["x"] == d["x"] and c["y"] > d["y"]
    assert [s["dashed"] for s in chart["segments"]] == [True, False]
    assert chart["segments"][0]["gap"] == "2 yr"  # 2015 to mid-2017
    assert all(0 < dot["x"] < chart["width"] and 0 < dot["y"] < chart["axis_y"]
               for dot in chart["dots"])  # fmt: skip


def test_brief_without_fact_map_or_quotes():
    brief = Brief(
        story_id="x",
        sources=(Source(1, "a", "Solo"),),
        summary=(SummarySentence("Only sentence.", (1,), 1, 0),),
    )
    page = render_brief_page(brief)
    assert 'id="summary"' in page and 'id="timeline"' not in page
    assert cites(section(page, "summary")) == [(1, None)]


def _browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    manager = sync_api.sync_playwright().start()
    for kwargs in ({}, {"executable_path": shutil.which("chromium") or ""}):
        try:
            return manager, manager.chromium.launch(args=["--no-sandbox"], **kwargs)
        except Exception:
            continue
    manager.stop()
    pytest.skip("no Chromium for Playwright on this machine")


def test_page_in_a_phone_sized_browser(page, tmp_path):
    """No sideways scrolling at 375px, and a tap on a marker shows its quote."""
    manager, browser = _browser()
    try:
        path = tmp_path / "brief.html"
        path.write_text(page, encoding="utf-8")
        tab = browser.new_page(viewport={"width": 375, "height": 740}, has_touch=True)
        tab.goto(path.as_uri())
        assert tab.evaluate("document.documentElement.scrollWidth") <= 375
        marker = tab.locator("#summary .cite").first
        quote = marker.locator(".cite-quote")
        assert not quote.is_visible()
        marker.locator("button").tap()
        assert quote.is_visible()
        box = quote.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
        tab.keyboard.press("Escape")
        assert not quote.is_visible()
        wide = browser.new_page(viewport={"width": 1200, "height": 800})
        wide.goto(path.as_uri())
        agree, differ = (
            wide.locator("#agree").bounding_box(),
            wide.locator("#differ").bounding_box(),
        )
        assert agree and differ and abs(agree["y"] - differ["y"]) < 2 and agree["x"] < differ["x"]
    finally:
        browser.close()
        manager.stop()
