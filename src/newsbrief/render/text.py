"""A brief as plain text: the Markdown layout without its marks, the summary as
one paragraph, for terminals and e-mail."""

from __future__ import annotations

from ..labels import cite, headline, source_line
from ..model import Brief
from .markdown import fact_map_lines


def to_text(brief: Brief, facts_only: bool = False) -> str:
    """The brief as plain text (``facts_only``: without the summary)."""
    title = headline(brief)
    lines = [title, "=" * min(len(title), 80), ""]
    if not facts_only:
        lines.append(" ".join(f"{s.text} {cite(s.citations)}" for s in brief.summary))
        lines.append("")
    lines.extend(fact_map_lines(brief, markdown=False))
    lines.append("Sources:")
    lines.extend(source_line(s, markdown=False) for s in brief.sources)
    lines.extend(f"Note: {w}" for w in brief.warnings)
    return "\n".join(lines) + "\n"
