"""Rendering a :class:`Brief` for people (Markdown, text) and programs (JSON).

The JSON form is a contract: its fields are documented in docs/brief-json.md
and ``schema_version`` changes whenever a field changes meaning.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .errors import NewsbriefError
from .model import Brief, Source

SCHEMA_VERSION = "1.0"
FORMATS = ("md", "text", "json")


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


def to_markdown(brief: Brief) -> str:
    lines = [f"# {headline(brief)}", ""]
    for s in brief.summary:
        lines.append(f"{s.text} {_cite(s.citations)}")
        lines.append("")
    n = len(brief.sources)
    lines.append(f"## Sources ({n})")
    lines.append("")
    lines.extend(_source_line(s, markdown=True) for s in brief.sources)
    for warning in brief.warnings:
        lines.extend(["", f"> Note: {warning}"])
    return "\n".join(lines) + "\n"


def to_text(brief: Brief) -> str:
    title = headline(brief)
    lines = [title, "=" * min(len(title), 80), ""]
    lines.append(" ".join(f"{s.text} {_cite(s.citations)}" for s in brief.summary))
    lines.extend(["", "Sources:"])
    lines.extend(_source_line(s, markdown=False) for s in brief.sources)
    lines.extend(f"Note: {w}" for w in brief.warnings)
    return "\n".join(lines) + "\n"


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
            }
            for s in brief.summary
        ],
        "warnings": list(brief.warnings),
    }


def to_json(brief: Brief, indent: int | None = 2) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=indent) + "\n"


def renderer(fmt: str) -> Callable[[Brief], str]:
    table: dict[str, Callable[[Brief], str]] = {
        "md": to_markdown,
        "text": to_text,
        "json": to_json,
    }
    try:
        return table[fmt]
    except KeyError:
        raise NewsbriefError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})") from None
