"""Story groupings and digests as Markdown and JSON (``newsbrief stories`` and
``newsbrief digest``; the digest page is :func:`newsbrief.html.render_digest_page`).

The JSON forms are contracts documented in docs/stories-json.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from ..digest import DigestEntry, digest_entries
from ..labels import cite, date_span, headline
from .json import SCHEMA_VERSION, to_dict

if TYPE_CHECKING:
    from ..stories.groups import Grouping, StoryGroup


def _story_dict(story: StoryGroup) -> dict:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "sources": list(story.sources),
        "first_published": story.first_published.isoformat() if story.first_published else None,
        "last_published": story.last_published.isoformat() if story.last_published else None,
        "duplicates": dict(story.duplicates),
    }


def grouping_to_dict(grouping: Grouping) -> dict:
    """The `newsbrief stories --format json` contract (docs/stories-json.md)."""
    return {
        "stories": [_story_dict(s) for s in grouping.stories],
        "unassigned": list(grouping.unassigned),
    }


def _iso(day: date) -> str:
    return day.isoformat()


def _span(story: StoryGroup) -> str:
    """', 2017-07-03 to 2017-07-04' (one date when the story has one), '' without dates."""
    span = date_span(story.first_published, story.last_published, show=_iso)
    return f", {span}" if span else ""


def grouping_to_markdown(grouping: Grouping) -> str:
    """The stories, each with its articles (near-copies marked), then the unassigned."""
    lines = [f"# {len(grouping.stories)} stories", ""]
    for story in grouping.stories:
        copies = f", {len(story.duplicates)} near-copies" if story.duplicates else ""
        lines.append(f"## {story.title or story.id}")
        lines.append("")
        lines.append(
            f"{story.id}: {len(story.articles)} articles{copies}, "
            f"{len(story.sources)} sources{_span(story)}"
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


def digest_to_markdown(entries: Iterable[DigestEntry]) -> str:
    """Stories ranked by independent sources, each with its brief (summary and conflicts)."""
    entries = digest_entries(entries)
    lines = [f"# Digest: {len(entries)} stories", ""]
    for rank, entry in enumerate(entries, start=1):
        story, brief = entry.story, entry.brief
        lines.append(f"## {rank}. {story.title or headline(brief)}")
        lines.append("")
        lines.append(f"{entry.independent_sources} independent sources, "
                     f"{len(story.articles)} articles{_span(story)}")  # fmt: skip
        lines.append("")
        for s in brief.summary:
            lines.append(f"{s.text} {cite(s.citations)}")
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


def digest_to_dict(entries: Iterable[DigestEntry]) -> dict:
    """The `newsbrief digest --format json` contract: each story's grouping fields,
    its ``independent_sources`` and its ``brief`` (as :func:`to_dict`)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "stories": [
            {
                **_story_dict(e.story),
                "independent_sources": e.independent_sources,
                "brief": to_dict(e.brief),
            }
            for e in digest_entries(entries)
        ],
    }
