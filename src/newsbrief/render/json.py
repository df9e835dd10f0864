"""A brief as JSON, for programs: :func:`to_dict` and :func:`to_json`.

The JSON form is a contract: its fields are documented in docs/brief-json.md
and ``schema_version`` changes whenever a field changes meaning. The digest
JSON (:mod:`.stories`) carries the same version.
"""

from __future__ import annotations

import json

from ..labels import headline
from ..model import Brief, Conflict, Fact, FactMap, Quote

SCHEMA_VERSION = "1.2"


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
    """The fact map's JSON fields (agreements, unique, conflicts, timeline, entities)."""
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
    """The brief as the JSON object of docs/brief-json.md (fact map fields included)."""
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
    """:func:`to_dict` as JSON text ending in a newline (``facts_only``: no summary)."""
    data = to_dict(brief)
    if facts_only:
        data.pop("summary")
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
