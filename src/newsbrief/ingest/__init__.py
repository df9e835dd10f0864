"""Reading user input into stories of :class:`~newsbrief.model.Article` objects.

Plain article files (.txt, .md, .html) named together form one story; every
line of a JSON Lines or Multi-News file is a story of its own. Stories are
yielded one at a time so that a large input is never held whole in memory, and
a story that cannot be read is yielded as a :class:`StoryError` instead of
stopping the stories after it.

One module per job:

- :mod:`.reader`: paths and stdin to stories (format by suffix or sniffing);
- :mod:`.decoding`: bytes to text (UTF-8, else the likeliest encoding);
- :mod:`.text`: plain-text and Markdown files (headline, body, date line);
- :mod:`.webpage`: web pages, through trafilatura;
- :mod:`.jsonl`: JSON Lines stories and articles (and the service's JSON article);
- :mod:`.multinews`: Multi-News ``.src`` lines;
- :mod:`.dates`: publication dates (lenient for files, strict ISO for requests);
- :mod:`.sources`: outlet names (metadata, URL host, file name, 'Article N').
"""

from __future__ import annotations

from .dates import parse_date, parse_iso_date
from .decoding import decode
from .jsonl import article_from_fields, story_from_json
from .multinews import MULTINEWS_ARTICLE_SEP, MULTINEWS_NEWLINE
from .reader import (
    ARTICLE_SUFFIXES,
    JSONL_SUFFIXES,
    MULTINEWS_SUFFIXES,
    STORY_SUFFIXES,
    StoryError,
    load_articles,
    read_stories,
)
from .sources import host_of
from .webpage import article_from_html

__all__ = (
    "ARTICLE_SUFFIXES",
    "JSONL_SUFFIXES",
    "MULTINEWS_ARTICLE_SEP",
    "MULTINEWS_NEWLINE",
    "MULTINEWS_SUFFIXES",
    "STORY_SUFFIXES",
    "StoryError",
    "article_from_fields",
    "article_from_html",
    "decode",
    "host_of",
    "load_articles",
    "parse_date",
    "parse_iso_date",
    "read_stories",
    "story_from_json",
)
