"""Web pages: the article's main text and metadata, extracted by trafilatura.

trafilatura finds the main text and the page's title, site name, date and
URL; a headline repeated as the first line of the text is taken off. The
outlet is the site name, else the URL's host, else the file's name.
"""

from __future__ import annotations

from ..errors import InputError
from ..model import Article
from .dates import parse_date
from .sources import source_from_file, source_or_host

__all__ = ("article_from_html",)


def article_from_html(html: str, name: str, url: str | None = None) -> Article:
    """An article from a web page: its main text, title, site, date and URL."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"{name}: no article text found in the HTML")
    title = (doc.title or "").strip()
    text = doc.text
    first, _, rest = text.partition("\n")
    if title and first.strip() == title:
        text = rest
    page_url = doc.url or url or ""
    return Article(
        id=name,
        source=source_or_host((doc.sitename or "").strip(), page_url, source_from_file(name)),
        text=text,
        title=title,
        url=page_url,
        published=parse_date(doc.date),
    )
