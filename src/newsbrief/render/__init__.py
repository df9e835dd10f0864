"""Rendering a :class:`~newsbrief.model.Brief` for people and programs, one
module per form, and the choice between them.

* :mod:`.markdown` -- Markdown (``--format md``), and the fact map sections
  the plain text shares;
* :mod:`.text` -- plain text;
* :mod:`.json` -- the JSON contract (docs/brief-json.md, ``SCHEMA_VERSION``);
* :mod:`.stories` -- story groupings and digests (Markdown and JSON);
* ``--format html`` is :mod:`newsbrief.html`, loaded only when asked for.

The labels every form shows (headline, dates, source lines) are
:mod:`newsbrief.labels`, which html imports too: html never imports render.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import NewsbriefError
from ..labels import headline, when
from ..model import Brief
from .json import SCHEMA_VERSION, fact_map_dict, to_dict, to_json
from .markdown import fact_map_lines, to_markdown
from .stories import digest_to_dict, digest_to_markdown, grouping_to_dict, grouping_to_markdown
from .text import to_text

FORMATS = ("md", "text", "json", "html")

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "digest_to_dict",
    "digest_to_markdown",
    "fact_map_dict",
    "fact_map_lines",
    "grouping_to_dict",
    "grouping_to_markdown",
    "headline",
    "renderer",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
    "when",
]


def to_html(brief: Brief, facts_only: bool = False) -> str:
    """A self-contained HTML page (see :mod:`newsbrief.html`); it always holds
    the fact map, so ``facts_only`` is refused rather than silently ignored.

    Imported on use so that the other formats never pay for loading Jinja2.
    """
    if facts_only:
        raise NewsbriefError("facts only does not apply to HTML (the page shows the fact map)")
    from ..html import render_brief_page

    return render_brief_page(brief)


def renderer(fmt: str) -> Callable[..., str]:
    """The function that renders a brief in ``fmt`` (one of :data:`FORMATS`)."""
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
