"""A brief as Markdown: the summary, the fact map sections, the sources.

:func:`fact_map_lines` also writes the fact map of the plain-text form
(:mod:`.text`), which differs only in its marks (no ``##`` or ``**``).
"""

from __future__ import annotations

from ..labels import cite, grouped_claims, headline, source_line, source_names, when
from ..model import Brief


def fact_map_lines(brief: Brief, markdown: bool = True) -> list[str]:
    """The fact map as Markdown (or plain text) sections; empty sections are left out."""
    facts = brief.facts
    if facts is None:
        return []
    total = len(brief.sources)
    names = source_names(brief)
    h = "## " if markdown else ""
    bold = (lambda t: f"**{t}**") if markdown else (lambda t: t)
    lines: list[str] = []

    def section(title: str, body: list[str]) -> None:
        if body:
            lines.extend([f"{h}{title}", "" if markdown else "-" * len(title), *body, ""])

    section(
        "Where sources agree",
        [
            f"- {bold(f'Reported by {len(f.sources)} of {total} sources')} "
            f"{cite(f.sources)}: {f.text}"
            for f in facts.agreements
        ],
    )
    section("What only one source says",
            [f"- {f.text} {cite(f.sources)}" for f in facts.unique])  # fmt: skip
    differ = []
    for c in facts.conflicts:
        differ.append(f"- {bold(c.subject)} ({c.kind}):")
        for group in grouped_claims(c):
            who = ", ".join(f"{names.get(x.source, x.source)} [{x.source}]" for x in group.claims)
            differ.append(f"  - {bold(group.value)}: {who}: “{group.quote}”")
    section("Where sources differ", differ)
    timeline = [f"- {bold(when(e))}: {e.text} {cite(e.sources)}" for e in facts.timeline]
    section("Timeline", timeline)
    section(
        "Who is who",
        [
            f"- {bold(e.name)} ({e.kind})"
            + (f", also {', '.join(e.aliases)}" if e.aliases else "")
            + f" {cite(e.sources)}"
            for e in facts.entities
        ],
    )
    return lines


def to_markdown(brief: Brief, facts_only: bool = False) -> str:
    """The brief as a Markdown document (``facts_only``: without the summary)."""
    lines = [f"# {headline(brief)}", ""]
    if not facts_only:
        for s in brief.summary:
            lines.append(f"{s.text} {cite(s.citations)}")
            lines.append("")
    lines.extend(fact_map_lines(brief, markdown=True))
    n = len(brief.sources)
    lines.append(f"## Sources ({n})")
    lines.append("")
    lines.extend(source_line(s, markdown=True) for s in brief.sources)
    for warning in brief.warnings:
        lines.extend(["", f"> Note: {warning}"])
    return "\n".join(lines) + "\n"
