"""HTML pages of briefs, digests and story lists, each one self-contained.

Every page inlines its stylesheet and script, so it opens from a file, an
e-mail attachment or an offline phone with nothing else to fetch. Article text
and metadata are untrusted: templates autoescape everything, and a link is
only made of a URL whose scheme cannot run code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from .. import labels
from ..digest import DigestEntry, digest_entries
from ..labels import grouped_claims, headline, source_names, when
from ..model import Brief, Source, TimelineEvent
from ..version import __version__


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of the story index: a story, where its page is, and how covered it is.

    Dates are strings as the caller keeps them (ISO dates or datetimes are shown
    in a readable form, anything else as given).
    """

    id: str
    title: str
    href: str
    sources: int
    articles: int
    first_published: str | None
    last_published: str | None
    updated: str | None = None


# -- links and dates ---------------------------------------------------------------

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")


def safe_href(url: str | None, *, relative: bool = True) -> str | None:
    """``url`` if following it cannot run code, else None.

    Browsers drop whitespace and control characters before reading a scheme
    (``java\\tscript:`` is ``javascript:``), so the scheme is read the same way.
    """
    if not url:
        return None
    bare = _IGNORED_IN_URLS.sub("", url)
    match = _SCHEME.match(bare)
    if match is None:
        return url if relative else None
    return url if match.group(1).lower() in {"http", "https"} else None


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("@")[-1] or url


def nice_date(value: date | str | None) -> str:
    """'4 Jul 2017' for a date or an ISO date; an ISO datetime gets its time too."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return value.strftime("%-d %b %Y")
    try:
        if len(value) == 10:
            return date.fromisoformat(value).strftime("%-d %b %Y")
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    zone = moment.strftime(" %Z") if moment.tzinfo else ""
    return moment.strftime("%-d %b %Y, %H:%M") + zone


def date_span(first: date | str | None, last: date | str | None) -> str:
    """'3 Jul 2017 – 4 Jul 2017', one date when they are the same, '' for none."""
    return labels.date_span(first, last, show=nice_date, between=" – ")


# -- the brief as the templates see it ------------------------------------------------


def quotes_of(item: Any) -> dict[int, str]:
    """Source number -> that source's own words, for anything with ``quotes``."""
    return {q.source: q.text for q in item.quotes}


def _published_span(sources: Sequence[Source]) -> str:
    days = sorted(s.published for s in sources if s.published)
    return date_span(days[0], days[-1]) if days else ""


def _brief_view(brief: Brief, prefix: str = "") -> dict[str, Any]:
    facts = brief.facts
    return {
        "brief": brief,
        "prefix": prefix,
        "names": source_names(brief),
        "total": len(brief.sources),
        "span": _published_span(brief.sources),
        "conflicts": [(c, grouped_claims(c)) for c in facts.conflicts] if facts else [],
        "chart": timeline_chart(facts.timeline, prefix) if facts and facts.timeline else None,
        "links": {s.number: safe_href(s.url, relative=False) for s in brief.sources if s.url},
    }


# -- the timeline chart ------------------------------------------------------------------

_PERIOD = {"day": 1, "week": 7, "month": 31, "year": 366}
_COLUMN = 78
_MARGIN = 24
_STEP = 24
_RADIUS = 10
_GAP_DAYS = 45


def _gap(days: int) -> str:
    if days >= 365:
        return f"{round(days / 365.25)} yr"
    if days >= 60:
        return f"{round(days / 30.44)} mo"
    return f"{days} d"


def _label_lines(key: tuple[date, str]) -> tuple[str, str]:
    day, precision = key
    if precision == "year":
        return (str(day.year), "")
    if precision == "month":
        return (day.strftime("%b"), str(day.year))
    if precision == "week":
        return ("wk " + day.strftime("%-d %b"), str(day.year))
    return (day.strftime("%-d %b"), str(day.year))


def timeline_chart(events: Iterable[TimelineEvent], prefix: str = "") -> dict[str, Any]:
    """Geometry of the timeline as an SVG chart: one column per distinct date.

    News timelines mix years of background with a few days of the story itself,
    so a linear axis would pile the story into one pixel; columns are evenly
    spaced instead, and a dashed stretch of axis with its length marks a gap.
    Events of one date stack in their column; a hollow dot is a date known only
    to the week, month or year.
    """
    columns: dict[tuple[date, str], list[tuple[int, TimelineEvent]]] = {}
    for number, event in enumerate(events, start=1):
        columns.setdefault((event.date, event.precision), []).append((number, event))
    keys = sorted(columns, key=lambda k: (k[0], -_PERIOD.get(k[1], 1)))
    tallest = max(len(v) for v in columns.values())
    axis_y = _MARGIN + tallest * _STEP + 6
    dots, labels, segments = [], [], []
    for i, key in enumerate(keys):
        x = _MARGIN + _COLUMN // 2 + i * _COLUMN
        for level, (number, event) in enumerate(columns[key]):
            dots.append({
                "x": x,
                "y": axis_y - 4 - _RADIUS - level * _STEP,
                "r": _RADIUS,
                "number": number,
                "precision": event.precision,
                "title": f"{when(event)}: {event.text}",
                "href": f"#{prefix}ev-{number}",
            })  # fmt: skip
        top, bottom = _label_lines(key)
        labels.append({"x": x, "top": top, "bottom": bottom})
        if i + 1 < len(keys):
            end = key[0] + timedelta(days=_PERIOD.get(key[1], 1))
            days = (keys[i + 1][0] - end).days
            segments.append({
                "x1": x, "x2": x + _COLUMN, "dashed": days > _GAP_DAYS,
                "gap": _gap(days) if days > _GAP_DAYS else "",
            })  # fmt: skip
    width = 2 * _MARGIN + len(keys) * _COLUMN
    return {
        "width": width,
        "height": axis_y + 46,
        "axis_y": axis_y,
        "x1": _MARGIN,
        "x2": width - _MARGIN,
        "dots": dots,
        "labels": labels,
        "segments": segments,
        "events": sum(len(v) for v in columns.values()),
    }


# -- environment and pages ----------------------------------------------------------------


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsbrief.html", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["nice_date"] = nice_date
    env.filters["safe_href"] = safe_href
    env.filters["host"] = _host
    env.globals["when"] = when
    env.globals["quotes_of"] = quotes_of
    env.globals["version"] = __version__
    return env


@cache
def _static(name: str) -> str:
    return (resources.files("newsbrief.html") / "static" / name).read_text(encoding="utf-8")


def _render(template: str, **context: Any) -> str:
    css, js = _static("newsbrief.css"), _static("newsbrief.js")
    page = _environment().get_template(template)
    return page.render(css=Markup(css), js=Markup(js), **context)


def render_brief_page(
    brief: Brief,
    *,
    title: str | None = None,
    nav: list[tuple[str, str]] | None = None,
    updated: str | None = None,
) -> str:
    """A complete HTML document for one story's brief."""
    return _render(
        "brief.html.j2",
        title=title or headline(brief),
        nav=nav or [],
        updated=updated,
        view=_brief_view(brief),
    )


def render_digest_page(entries: Sequence[DigestEntry], *, title: str = "newsbrief digest") -> str:
    """One document with every ranked story of a digest, in the order given
    (:class:`newsbrief.digest.DigestEntry`: story, independent sources, brief)."""
    stories = [
        {
            "rank": rank,
            "title": entry.story.title or headline(entry.brief),
            "independent": entry.independent_sources,
            "articles": len(entry.story.articles),
            "span": date_span(entry.story.first_published, entry.story.last_published),
            "view": _brief_view(entry.brief, prefix=f"s{rank}-"),
        }
        for rank, entry in enumerate(digest_entries(entries), start=1)
    ]
    return _render("digest.html.j2", title=title, nav=[], stories=stories)


def render_story_index(
    rows: list[StoryRow],
    *,
    title: str = "Stories",
    page_links: list[tuple[str, str]] | None = None,
) -> str:
    """The list of stories, each linking to its page; ``page_links`` page through it."""
    return _render(
        "index.html.j2",
        title=title,
        nav=[],
        rows=[(row, date_span(row.first_published, row.last_published)) for row in rows],
        page_links=page_links or [],
    )
