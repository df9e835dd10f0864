"""The layout of the output side: labels, the digest ranking, and who imports whom.

Each concept shared by render and html is coded once (newsbrief.labels); these
tests hold the shared code to the codings it replaced, on real briefs.
"""

from __future__ import annotations

import ast
import itertools
from datetime import date
from pathlib import Path

import pytest

import newsbrief
from newsbrief.digest import DigestEntry, RankedStory, digest_entries, rank_stories
from newsbrief.html import render_digest_page
from newsbrief.html.report import date_span as page_span
from newsbrief.ingest import StoryError, read_stories
from newsbrief.labels import ClaimGroup, date_span, grouped_claims
from newsbrief.model import Article, Claim, Conflict
from newsbrief.render import digest_to_dict, digest_to_markdown
from newsbrief.stories import StoryGroup, group_articles

SRC = Path(newsbrief.__file__).parent
FIXTURES = Path(__file__).parent / "fixtures"


def _imports(path: Path, *, in_functions: bool = True) -> set[str]:
    """The newsbrief modules (and names) a file imports when it runs, not under
    ``if TYPE_CHECKING:``; with ``in_functions=False`` only those imported when
    the module loads (not those a function imports on use)."""
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(n)
        for node in ast.walk(tree)
        if (isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"))
        or (not in_functions and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef))
        for n in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return {m for m in found if m.startswith("newsbrief")}


def test_labels_and_digest_are_leaves():
    """labels and digest import only the model (and the package's version)."""
    for name in ("labels.py", "digest.py"):
        imports = _imports(SRC / name)
        assert {m.rsplit(".", 1)[0] for m in imports} <= {"newsbrief", "newsbrief.model"}, name
        assert "newsbrief.model" in imports


def test_html_does_not_import_render():
    """render hands pages to html (--format html); html takes its labels from
    newsbrief.labels, so no import goes back from html to render."""
    for path in (SRC / "html").glob("*.py"):
        imports = _imports(path)
        assert "newsbrief.labels" in imports or path.name == "__init__.py"
        assert not any(m.startswith("newsbrief.render") for m in imports), (path, imports)


def test_render_imports_no_cli_and_html_only_on_use():
    """render loads html (and Jinja2) only when a page is asked for."""
    for path in (SRC / "render").glob("*.py"):
        loaded = _imports(path, in_functions=False)
        assert not any(m.startswith(("newsbrief.cli", "newsbrief.html")) for m in loaded), path
        assert not any(m.startswith("newsbrief.cli") for m in _imports(path)), path
    assert "newsbrief.html" in _imports(SRC / "render" / "__init__.py")  # to_html, on use


def test_old_import_paths_still_work():
    from newsbrief.cli import build_parser, main  # noqa: F401  (pyproject: newsbrief.cli:main)
    from newsbrief.render import (  # noqa: F401
        FORMATS,
        SCHEMA_VERSION,
        digest_to_dict,
        digest_to_markdown,
        fact_map_dict,
        fact_map_lines,
        grouping_to_dict,
        grouping_to_markdown,
        headline,
        renderer,
        to_dict,
        to_html,
        to_json,
        to_markdown,
        to_text,
        when,
    )

    assert FORMATS == ("md", "text", "json", "html")
    assert {renderer(f).__name__ for f in FORMATS} == {
        "to_markdown", "to_text", "to_json", "to_html"
    }  # fmt: skip


# -- grouped conflict claims ----------------------------------------------------


def _markdown_groups(conflict: Conflict) -> list[list[Claim]]:
    """How render grouped a conflict's claims before labels.grouped_claims."""
    by_value: dict[str, list] = {}
    for claim in conflict.claims:
        by_value.setdefault(claim.value.lower(), []).append(claim)
    return list(by_value.values())


def _page_groups(conflict: Conflict) -> list[dict]:
    """How html/report.py grouped them before labels.grouped_claims."""
    groups: dict[str, dict] = {}
    for claim in conflict.claims:
        group = groups.setdefault(
            claim.value.lower(), {"value": claim.value, "quote": claim.quote, "quotes": {}}
        )
        group["quotes"].setdefault(claim.source, claim.quote)
    return list(groups.values())


def _same_as_both_old_codings(conflict: Conflict) -> None:
    groups = grouped_claims(conflict)
    assert [list(g.claims) for g in groups] == _markdown_groups(conflict)
    assert [(g.value, g.quote) for g in groups] == [
        (c[0].value, c[0].quote) for c in _markdown_groups(conflict)
    ]
    assert [{"value": g.value, "quote": g.quote, "quotes": g.quotes} for g in groups] == (
        _page_groups(conflict)
    )


def test_grouped_claims_by_value_ignoring_case():
    claims = (
        Claim("3 killed", 1, "three were killed"),
        Claim("5 killed", 2, "five died"),
        Claim("3 Killed", 3, "Three people were killed"),
        Claim("3 killed", 1, "a second quote of source 1"),
    )
    conflict = Conflict(kind="number", subject="dead", claims=claims)
    groups = grouped_claims(conflict)
    assert groups[0] == ClaimGroup(
        "3 killed", "three were killed", (claims[0], claims[2], claims[3])
    )
    assert groups[0].quotes == {1: "three were killed", 3: "Three people were killed"}
    assert [g.value for g in groups] == ["3 killed", "5 killed"]
    _same_as_both_old_codings(conflict)


def _briefs(path: Path, limit: int):
    stories = (s for s in read_stories([str(path)]) if not isinstance(s, StoryError))
    for story in itertools.islice(stories, limit):
        yield newsbrief.brief_story(story, words=80)


@pytest.mark.parametrize(
    "source", ["example", "fixtures", "duc2003"], ids=["example", "fixtures", "duc2003"]
)
def test_grouped_claims_match_both_old_codings_on_real_briefs(source, example_dir):
    if source == "example":
        briefs = [newsbrief.brief_story(next(iter(read_stories([str(example_dir)]))))]
    elif source == "fixtures":
        briefs = list(_briefs(FIXTURES / "eval_small.jsonl", 10))
    else:
        path = Path(__file__).resolve().parents[1].parent / "shared/data/duc2003_task2.jsonl"
        if not path.exists():
            pytest.skip(f"{path} not present (a fresh clone has no ../shared)")
        briefs = list(_briefs(path, 8))
    conflicts = [c for b in briefs if b.facts for c in b.facts.conflicts]
    if source != "fixtures":
        assert conflicts, "the input is chosen to hold conflicts"
    for conflict in conflicts:
        _same_as_both_old_codings(conflict)


# -- date spans -------------------------------------------------------------------


def _old_markdown_span(first, last) -> str:
    if first is None:
        return ""
    if last is None or last == first:
        return f", {first.isoformat()}"
    return f", {first.isoformat()} to {last.isoformat()}"


@pytest.mark.parametrize(
    ("first", "last"),
    [(None, None), (date(2017, 7, 3), None), (date(2017, 7, 3), date(2017, 7, 3)),
     (date(2017, 7, 3), date(2017, 7, 4)), (date(2016, 12, 31), date(2017, 1, 2))],
)  # fmt: skip
def test_date_span_in_both_forms(first, last):
    span = date_span(first, last, show=date.isoformat)
    assert (f", {span}" if span else "") == _old_markdown_span(first, last)
    iso = (first.isoformat() if first else None, last.isoformat() if last else None)
    assert page_span(first, last) == page_span(*iso)  # dates or the service's ISO strings


def test_page_date_span():
    assert page_span(date(2017, 7, 3), date(2017, 7, 4)) == "3 Jul 2017 – 4 Jul 2017"
    assert page_span("2017-07-03", "2017-07-03") == "3 Jul 2017"
    assert page_span(None, "2017-07-04") == "4 Jul 2017"
    assert page_span(None, None) == ""


# -- independent sources and the digest ranking -----------------------------------------


def test_independent_sources_count_outlets_not_articles():
    story = StoryGroup(
        id="s1", title="t", articles=("a", "b", "c", "d"), sources=("X", "Y"),
        first_published=None, last_published=None, duplicates={"d": "a"},
    )  # fmt: skip
    source = {"a": "Wire", "b": "Paper", "c": "Paper", "d": "Other"}
    assert story.independent_sources(source.__getitem__) == 2  # d copies a; b, c: one outlet
    assert story.original_articles == 3 == story.independent


def _old_cli_ranking(grouping, articles):
    """The ranking as cmd_digest coded it before rank_stories."""
    by_id = {a.id: a for a in articles}
    ranked = []
    for story in grouping.stories:
        independent = len({by_id[a].source for a in story.articles if a not in story.duplicates})
        ranked.append((independent, len(story.articles), story))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2].id))
    return [(story, independent) for independent, _, story in ranked]


def _articles(path: Path) -> list[Article]:
    seen: dict[str, Article] = {}
    for item in read_stories([str(path)]):
        if not isinstance(item, StoryError):
            for article in item.articles:
                seen.setdefault(article.id, article)
    return list(seen.values())


@pytest.mark.parametrize("source", ["example", "fixtures", "seeds"])
def test_rank_stories_as_the_cli_ranked(source, example_dir):
    path = {
        "example": example_dir,
        "fixtures": FIXTURES / "eval_small.jsonl",
        "seeds": Path(__file__).resolve().parents[1].parent / "shared/seeds",
    }[source]
    if not path.exists():
        pytest.skip(f"{path} not present (a fresh clone has no ../shared)")
    articles = _articles(path)
    grouping = group_articles(articles)
    ranked = rank_stories(grouping, articles)
    assert all(isinstance(r, RankedStory) for r in ranked)
    assert [(r.story, r.independent_sources) for r in ranked] == (
        _old_cli_ranking(grouping, articles)
    )


def test_digest_renderers_take_records_and_plain_tuples(example_dir):
    story = next(iter(read_stories([str(example_dir)])))
    brief = newsbrief.brief_story(story, words=40)
    group = StoryGroup(
        id="s1", title="", articles=tuple(a.id for a in story.articles), sources=(),
        first_published=date(2017, 7, 3), last_published=date(2017, 7, 4),
    )  # fmt: skip
    record = DigestEntry(group, 4, brief)
    assert digest_entries([(group, 4, brief)]) == [record]
    for render in (digest_to_markdown, digest_to_dict, render_digest_page):
        assert render([record]) == render([(group, 4, brief)])
    assert "4 independent sources" in digest_to_markdown([record])
    assert ", 2017-07-03 to 2017-07-04" in digest_to_markdown([record])
