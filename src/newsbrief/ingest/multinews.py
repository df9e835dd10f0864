"""Multi-News ``.src`` lines: one story per line, its articles split by ``|||||``.

The data set writes a line break inside an article as ``NEWLINE_CHAR``; the
articles carry no metadata, so each is named by its place in the story.
"""

from __future__ import annotations

from ..errors import InputError
from ..model import Article, Story
from .sources import numbered_source

__all__ = ("MULTINEWS_ARTICLE_SEP", "MULTINEWS_NEWLINE", "parse_multinews_line")

MULTINEWS_ARTICLE_SEP = "|||||"
MULTINEWS_NEWLINE = "NEWLINE_CHAR"


def parse_multinews_line(line: str, where: str) -> Story:
    """The story of one Multi-News line; InputError when it holds no text."""
    parts = [p.replace(MULTINEWS_NEWLINE, "\n").strip() for p in line.split(MULTINEWS_ARTICLE_SEP)]
    articles = [
        Article(id=f"{where}#{i + 1}", source=numbered_source(i), text=p)
        for i, p in enumerate(parts)
        if p
    ]
    if not articles:
        raise InputError(f"{where}: story has no article text")
    return Story(articles=articles, id=where)
