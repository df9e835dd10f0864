"""JSON stories and articles: one JSON Lines object as a story, or as one article.

A story object holds ``documents`` (strings, or objects with ``text`` and
optional ``id``, ``title``, ``source``, ``url``, ``published``); an object with
``text`` and no ``documents`` is one article. :func:`article_from_fields` is
the one place where the fields of a JSON article become an :class:`Article`;
the service's ``POST /articles`` uses it too, with its own default source.
"""

from __future__ import annotations

import json
from datetime import date

from ..errors import InputError
from ..model import Article, Story
from .dates import parse_date, take_date_line
from .sources import numbered_source, source_or_host

__all__ = ("article_from_fields", "parse_json_line", "story_from_json")


def parse_json_line(line: str, where: str) -> Story | Article:
    """The story (or article) of one JSON Lines line; InputError for bad JSON."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    return story_from_json(obj, where)


def story_from_json(obj: object, where: str) -> Story | Article:
    """A story from a decoded JSON Lines object (or an article, for article lines)."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    story_id = str(obj.get("id", where))
    if "documents" not in obj:
        if "text" in obj:
            return _article_from_json(obj, where, story_id, 0)
        raise InputError(f"{where}: JSON object has neither 'documents' nor 'text'")
    docs = obj["documents"]
    if not isinstance(docs, list):
        raise InputError(f"{where}: 'documents' must be a list")
    articles = [
        _article_from_json(doc, where, f"{story_id}#{i + 1}", i) for i, doc in enumerate(docs)
    ]
    articles = [a for a in articles if a.text.strip()]
    if not articles:
        raise InputError(f"{where}: story '{story_id}' has no article text")
    return Story(articles=articles, id=story_id)


def article_from_fields(
    text: str,
    *,
    id: str,
    default_source: str,
    source: str = "",
    title: str = "",
    url: str = "",
    published: date | None = None,
) -> Article:
    """The article of a JSON article's fields.

    Its outlet is ``source``, else the host of ``url``, else ``default_source``
    (ingest numbers unnamed articles, 'Article 2'; the service says 'unknown').
    """
    return Article(
        id=id,
        source=source_or_host(source, url, default_source),
        text=text,
        title=title,
        url=url,
        published=published,
    )


def _article_from_json(doc: object, where: str, default_id: str, index: int) -> Article:
    if isinstance(doc, str):
        published, text = take_date_line(doc)
        return article_from_fields(
            text, id=default_id, default_source=numbered_source(index), published=published
        )
    if not isinstance(doc, dict):
        raise InputError(f"{where}: document {index + 1} must be a string or an object")
    text = doc.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: document {index + 1} has no 'text' string")
    published, text = take_date_line(text)
    meta_date = parse_date(doc.get("published"))
    return article_from_fields(
        text,
        id=str(doc.get("id") or default_id),
        default_source=numbered_source(index),
        source=str(doc.get("source") or ""),
        title=str(doc.get("title") or ""),
        url=str(doc.get("url") or ""),
        published=meta_date or published,
    )
