"""The short labels that every output of a brief shares: its headline, an event's
date, citation marks, a source line, a date span, a conflict's claims by value.

Markdown, text and JSON (:mod:`newsbrief.render`) and the HTML pages
(:mod:`newsbrief.html`) all show these, and they must read the same in each.
This module is a leaf: it imports only :mod:`newsbrief.model`, so that render
can hand a page to html (``--format html``) while html takes its labels from
here, with no import between the two going back. (Keeping the labels in
``render`` and importing them from html, as before, made the two import each
other.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import Brief, Claim, Conflict, Source, TimelineEvent


def headline(brief: Brief) -> str:
    """The brief's title: the first title among its sources, else its story id."""
    titles = [s.title for s in brief.sources if s.title]
    return titles[0] if titles else (brief.story_id or "Brief")


def when(event: TimelineEvent) -> str:
    """An event's date as precise as it is known ('2014', 'Jun 2017', '4 Jul 2017')."""
    d = event.date
    if event.precision == "year":
        return str(d.year)
    if event.precision == "month":
        return d.strftime("%b %Y")
    if event.precision == "week":
        return "week of " + d.strftime("%-d %b %Y")
    return d.strftime("%-d %b %Y")


def cite(numbers: tuple[int, ...]) -> str:
    """Citation marks of source numbers: '[1][3]'."""
    return "".join(f"[{n}]" for n in numbers)


def source_names(brief: Brief) -> dict[int, str]:
    """Source number -> the source's name."""
    return {s.number: s.name for s in brief.sources}


def source_line(source: Source, markdown: bool) -> str:
    """'1. **Name**, “Title”, 2017-07-04 <url>' (plain text: no bold, a bare URL)."""
    name = f"**{source.name}**" if markdown else source.name
    parts = [name]
    if source.title:
        parts.append(f"“{source.title}”")
    if source.published:
        parts.append(source.published.isoformat())
    line = ", ".join(parts)
    if source.url:
        line += f" <{source.url}>" if markdown else f" {source.url}"
    return f"{source.number}. {line}"


def date_span(
    first: Any, last: Any, show: Callable[[Any], str] = str, between: str = " to "
) -> str:
    """A first..last span of dates as one label: ``show(first)`` alone when the two
    are the same (or only one is known), ``show(first) + between + show(last)``
    otherwise, '' when neither is known.

    The dates may be dates or strings (the service keeps ISO strings); ``show``
    formats one (ISO for Markdown, '4 Jul 2017' on the pages).
    """
    if not first:
        return show(last) if last else ""
    if not last or str(last) == str(first):
        return show(first)
    return f"{show(first)}{between}{show(last)}"


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """The claims of one conflict that give the same value, ignoring case: one line
    of 'Where sources differ' ("3 killed: Source A [1], Source B [2]: “quote”").

    ``value`` and ``quote`` are those of the first such claim; ``claims`` holds
    every one of them in order (a source may make the same claim twice).
    """

    value: str
    quote: str
    claims: tuple[Claim, ...]

    @property
    def quotes(self) -> dict[int, str]:
        """Source number -> that source's first quote for this value, in order."""
        quotes: dict[int, str] = {}
        for claim in self.claims:
            quotes.setdefault(claim.source, claim.quote)
        return quotes


def grouped_claims(conflict: Conflict) -> list[ClaimGroup]:
    """The conflict's claims by value (ignoring case), in order of first appearance."""
    groups: dict[str, list[Claim]] = {}
    for claim in conflict.claims:
        groups.setdefault(claim.value.lower(), []).append(claim)
    return [ClaimGroup(c[0].value, c[0].quote, tuple(c)) for c in groups.values()]
