"""Rendering a :class:`Brief` for people (Markdown, text) and programs (JSON).

The JSON form is a contract: its fields are documented in docs/brief-json.md
and ``schema_version`` changes whenever a field changes meaning.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .errors import NewsbriefError
from .model import Brief, Conflict, Fact, FactMap, Quote, Source, TimelineEvent

SCHEMA_VERSION = "1.2"
FORMATS = ("md", "text", "json", "html")


def headline(brief: Brief) -> str:
    titles = [s.title for s in brief.sources if s.title]
    return titles[0] if titles else (brief.story_id or "Brief")


def _cite(numbers: tuple[int, ...]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _source_line(source: Source, markdown: bool) -> str:
    name = f"**{source.name}**" if markdown else source.name
    parts = [name]
    if source.title:
        parts.append(f"“{source.title}”")
    if source.published:
        parts.append(source.published.isoformat())
    line = ", ".join(parts)
    if source.url:
        line += f" <{source.url}>" if markdown else f" {source.url}"
    return f"{source.number}. {line}"


def when(event: TimelineEvent) -> str:
    """An event's date as precise as it is known ('2014', 'Jun 2017', '4 Jul 2017')."""
    d = event.date
    if event.precision == "year":
        return str(d.year)
    if event.precision == "month":
        return d.strftime("%b %Y")
    if event.precision == "week":
        return "week of " + d.strftime("%-d %b %Y")
    return d.strftime("%-d %b %Y")


def _names(brief: Brief) -> dict[int, str]:
    return {s.number: s.name for s in brief.sources}


def fact_map_lines(brief: Brief, markdown: bool = True) -> list[str]:
    """The fact map as Markdown (or plain text) sections; empty sections are left out."""
    facts = brief.facts
    if facts is None:
        return []
    total = len(brief.sources)
    names = _names(brief)
    h = "## " if markdown else ""
    bold = (lambda t: f"**{t}**") if markdown else (lambda t: t)
    lines: list[str] = []

    def section(title: str, body: list[str]) -> None:
        if body:
            lines.extend([f"{h}{title}", "" if markdown else "-" * len(title), *body, ""])

    section(
        "Where sources agree",
        [
            f"- {bold(f'Reported by {len(f.sources)} of {total} sources')} "
            f"{_cite(f.sources)}: {f.text}"
            for f in facts.agreements
        ],
    )
    section("What only one source says",
            [f"- {f.text} {_cite(f.sources)}" for f in facts.unique])  # fmt: skip
    differ = []
    for c in facts.conflicts:
        differ.append(f"- {bold(c.subject)} ({c.kind}):")
        by_value: dict[str, list] = {}
        for claim in c.claims:
            by_value.setdefault(claim.value.lower(), []).append(claim)
        for claims in by_value.values():
            who = ", ".join(f"{names.get(x.source, x.source)} [{x.source}]" for x in claims)
            differ.append(f"  - {bold(claims[0].value)}: {who}: “{claims[0].quote}”")
    section("Where sources differ", differ)
    timeline = [f"- {bold(when(e))}: {e.text} {_cite(e.sources)}" for e in facts.timeline]
    section("Timeline", timeline)
    section(
        "Who is who",
        [
            f"- {bold(e.name)} ({e.kind})"
            + (f", also {', '.join(e.aliases)}" if e.aliases else "")
            + f" {_cite(e.sources)}"
            for e in facts.entities
        ],
    )
    return lines


def to_markdown(brief: Brief, facts_only: bool = False) -> str:
    lines = [f"# {headline(brief)}", ""]
    if not facts_only:
        for s in brief.summary:
            lines.append(f"{s.text} {_cite(s.citations)}")
            lines.append("")
    lines.extend(fact_map_lines(brief, markdown=True))
    n = len(brief.sources)
    lines.append(f"## Sources ({n})")
    lines.append("")
    lines.extend(_source_line(s, markdown=True) for s in brief.sources)
    for warning in brief.warnings:
        lines.extend(["", f"> Note: {warning}"])
    return "\n".join(lines) + "\n"


def to_text(brief: Brief, facts_only: bool = False) -> str:
    title = headline(brief)
    lines = [title, "=" * min(len(title), 80), ""]
    if not facts_only:
        lines.append(" ".join(f"{s.text} {_cite(s.citations)}" for s in brief.summary))
        lines.append("")
    lines.extend(fact_map_lines(brief, markdown=False))
    lines.append("Sources:")
    lines.extend(_source_line(s, markdown=False) for s in brief.sources)
    lines.extend(f"Note: {w}" for w in brief.warnings)
    return "\n".join(lines) + "\n"


def _quotes(quotes: tuple[Quote, ...]) -> list[dict]:
    return [{"source": q.source, "text": q.text} for q in quotes]


def _fact(f: Fact) -> dict:
    return {"text": f.text, "sources": list(f.sources), "quotes": _quotes(f.quotes)}


def _conflict(c: Conflict) -> dict:
    return {
        "kind": c.kind,
        "subject": c.subject,
        "claims": [{"value": x.value, "source": x.source, "quote": x.quote} for x in c.claims],
    }


def fact_map_dict(facts: FactMap) -> dict:
    return {
        "agreements": [_fact(f) for f in facts.agreements],
        "unique": [_fact(f) for f in facts.unique],
        "conflicts": [_conflict(c) for c in facts.conflicts],
        "timeline": [
            {
                "date": e.date.isoformat(),
                "precision": e.precision,
                "text": e.text,
                "sources": list(e.sources),
                "quotes": _quotes(e.quotes),
            }
            for e in facts.timeline
        ],
        "entities": [
            {"name": e.name, "kind": e.kind, "aliases": list(e.aliases), "sources": list(e.sources)}
            for e in facts.entities
        ],
    }


def to_dict(brief: Brief) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "story_id": brief.story_id,
        "title": headline(brief),
        "words": brief.words,
        "sources": [
            {
                "number": s.number,
                "id": s.id,
                "name": s.name,
                "title": s.title,
                "url": s.url,
                "published": s.published.isoformat() if s.published else None,
            }
            for s in brief.sources
        ],
        "summary": [
            {
                "text": s.text,
                "citations": list(s.citations),
                "article": s.article,
                "sentence_index": s.sentence_index,
                "quotes": _quotes(s.quotes),
            }
            for s in brief.summary
        ],
        "warnings": list(brief.warnings),
        **(fact_map_dict(brief.facts) if brief.facts is not None else {}),
    }


def to_json(brief: Brief, indent: int | None = 2, facts_only: bool = False) -> str:
    data = to_dict(brief)
    if facts_only:
        data.pop("summary")
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def to_html(brief: Brief, facts_only: bool = False) -> str:
    """A self-contained HTML page (see :mod:`newsbrief.html`); it always holds
    the fact map, so ``facts_only`` is refused rather than silently ignored.

    Imported on use so that the other formats never pay for loading Jinja2.
    """
    if facts_only:
        raise NewsbriefError("facts only does not apply to HTML (the page shows the fact map)")
    from .html import render_brief_page

    return render_brief_page(brief)


def renderer(fmt: str) -> Callable[..., str]:
    table: dict[str, Callable[..., str]] = {
        "md": to_markdown,
        "text": to_text,
        "json": to_json,
        "html": to_html,
    }
    try:
        return table[fmt]
    except KeyError:
        raise NewsbriefError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})") from None


# -- story groupings and digests ------------------------------------------------


def _story_dict(story) -> dict:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "sources": list(story.sources),
        "first_published": story.first_published.isoformat() if story.first_published else None,
        "last_published": story.last_published.isoformat() if story.last_published else None,
        "duplicates": dict(story.duplicates),
    }


def grouping_to_dict(grouping) -> dict:
    """The `newsbrief stories --format json` contract (docs/stories-json.md)."""
    return {
        "stories": [_story_dict(s) for s in grouping.stories],
        "unassigned": list(grouping.unassigned),
    }


def grouping_to_markdown(grouping) -> str:
    lines = [f"# {len(grouping.stories)} stories", ""]
    for story in grouping.stories:
        span = _span(story.first_published, story.last_published)
        copies = f", {len(story.duplicates)} near-copies" if story.duplicates else ""
        lines.append(f"## {story.title or story.id}")
        lines.append("")
        lines.append(
            f"{story.id}: {len(story.articles)} articles{copies}, "
            f"{len(story.sources)} sources{span}"
        )
        lines.append("")
        lines.extend(
            f"- {a}" + (f" (copy of {story.duplicates[a]})" if a in story.duplicates else "")
            for a in story.articles
        )
        lines.append("")
    if grouping.unassigned:
        lines.append(f"## Unassigned ({len(grouping.unassigned)}: no text after cleaning)")
        lines.append("")
        lines.extend(f"- {a}" for a in grouping.unassigned)
        lines.append("")
    return "\n".join(lines)


def _span(first, last) -> str:
    if first is None:
        return ""
    if last is None or last == first:
        return f", {first.isoformat()}"
    return f", {first.isoformat()} to {last.isoformat()}"


def digest_to_markdown(entries: list[tuple[object, int, Brief]]) -> str:
    """Stories ranked by independent sources, each with its brief (summary and conflicts)."""
    lines = [f"# Digest: {len(entries)} stories", ""]
    for rank, (story, independent, brief) in enumerate(entries, start=1):
        lines.append(f"## {rank}. {story.title or headline(brief)}")
        lines.append("")
        lines.append(f"{independent} independent sources, {len(story.articles)} articles"
                     f"{_span(story.first_published, story.last_published)}")  # fmt: skip
        lines.append("")
        for s in brief.summary:
            lines.append(f"{s.text} {_cite(s.citations)}")
            lines.append("")
        if brief.facts is not None and brief.facts.conflicts:
            lines.append("Where sources differ: " + "; ".join(
                f"{c.subject} ({', '.join(sorted({x.value for x in c.claims}))})"
                for c in brief.facts.conflicts
            ))  # fmt: skip
            lines.append("")
        lines.append("Sources: " + "; ".join(
            f"[{s.number}] {s.name}" + (f" <{s.url}>" if s.url else "") for s in brief.sources
        ))  # fmt: skip
        lines.append("")
    return "\n".join(lines)


def digest_to_dict(entries: list[tuple[object, int, Brief]]) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "stories": [
            {**_story_dict(story), "independent_sources": independent, "brief": to_dict(brief)}
            for story, independent, brief in entries
        ],
    }
