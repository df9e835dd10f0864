"""The service's own small pages (a story still being briefed, an unknown id).

The story list and story pages come from :mod:`newsbrief.html`; these are the
notices around them, escaped like everything else that shows user data.
"""

from __future__ import annotations

from html import escape

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{refresh}<title>{title} · newsbrief</title>
<style>
body {{ font: 17px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto;
  padding: 0 1rem; color: #1d232b; }}
nav a {{ color: #0b5cad; }}
</style></head>
<body><nav>{nav}</nav><main><h1>{title}</h1><p>{detail}</p></main></body></html>
"""


def render_message_page(
    title: str, detail: str, *, nav: list[tuple[str, str]] | None = None, refresh: bool = False
) -> str:
    """A notice page; ``refresh`` reloads it every few seconds (for a brief in the making)."""
    links = " · ".join(f'<a href="{escape(href)}">{escape(label)}</a>' for label, href in nav or [])
    return _PAGE.format(
        title=escape(title),
        detail=escape(detail),
        nav=links,
        refresh='<meta http-equiv="refresh" content="3">\n' if refresh else "",
    )
