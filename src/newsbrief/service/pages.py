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


def render_api_page(spec: dict) -> str:
    """The API reference from the OpenAPI schema, readable offline (the usual Swagger
    page loads its script from a CDN, which a closed network cannot reach)."""
    rows = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = ", ".join(
                f"{p['name']} ({p['in']})" for p in op.get("parameters", []) if "name" in p
            )
            body = ", ".join(op.get("requestBody", {}).get("content", {}))
            answers = ", ".join(
                f"{code} {r.get('description', '')}" for code, r in op.get("responses", {}).items()
            )
            rows.append(
                "<section><h2><code>{} {}</code></h2><p>{}</p><dl>{}{}<dt>Answers</dt>"
                "<dd>{}</dd></dl></section>".format(
                    escape(method.upper()),
                    escape(path),
                    escape(op.get("description") or op.get("summary") or ""),
                    f"<dt>Parameters</dt><dd>{escape(params)}</dd>" if params else "",
                    f"<dt>Body</dt><dd>{escape(body)}</dd>" if body else "",
                    escape(answers),
                )
            )
    info = spec.get("info", {})
    return _PAGE.format(
        title=escape(f"{info.get('title', 'API')} {info.get('version', '')} API"),
        detail=escape(info.get("description", "")),
        nav='<a href="/">All stories</a> · <a href="/openapi.json">openapi.json</a>',
        refresh="",
    ).replace("</main>", "".join(rows) + "</main>")
