"""Source names: the outlet an article is credited to.

An article names its outlet in metadata when it can (a JSON ``source``, a
page's site name); otherwise the host of its URL stands in ('www.bbc.co.uk'
-> 'bbc.co.uk'), and failing that the file's name ('meridian_wire.txt' ->
'Meridian Wire') or its place in the story ('Article 2'). These rules are
coded here once, for ingest and the service (posted articles, feed items).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

__all__ = ("host_of", "numbered_source", "source_from_file", "source_or_host")


def host_of(url: str) -> str:
    """The site a URL is on, as a source name ('www.bbc.co.uk' -> 'bbc.co.uk'; '' if none)."""
    return (urlparse(url).hostname or "").removeprefix("www.")


def source_or_host(source: str, url: str, default: str) -> str:
    """The given source name, else the URL's host, else ``default``."""
    return source or host_of(url) or default


def numbered_source(index: int) -> str:
    """The name of an unnamed article by its place in the story: 'Article 1' for index 0."""
    return f"Article {index + 1}"


def source_from_file(name: str) -> str:
    """The outlet named by a file ('01_meridian_wire.txt' -> 'Meridian Wire'; stdin -> 'stdin')."""
    if name in ("stdin", "<stdin>"):
        return "stdin"
    stem = Path(name).stem
    cleaned = re.sub(r"^\d+[_-]+", "", stem).replace("_", " ").replace("-", " ").split()
    # 'meridian_wire.txt' names the outlet Meridian Wire; '4680c78d.txt' stays as it is.
    words = [w.capitalize() if w.isalpha() and w.islower() else w for w in cleaned]
    return " ".join(words) or stem
