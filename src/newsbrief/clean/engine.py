"""The cleaning engine: applies the rule tables to a text, line by line.

One pass decides every line's fate (kept, repaired or removed, with the name
of the rule that removed it); the few decisions that need context look at the
neighbouring kept line only, and the page checks of :mod:`.page` run once
before the pass. The rules themselves are data in :mod:`.rules_line`,
:mod:`.rules_inline` and :mod:`.rules_page`.

Speed comes from gates that keep a line away from rules it cannot match: a
keyword rule only runs on a line holding one of its markers, an in-line
repair only on a line holding its marker, the footer check only on a page
that says "About". ``triage(text, fast=False)`` skips every gate and tries each
rule on each line; tests/test_clean.py checks that it gives the same text on
every document at hand, so a gate that drifts from its rule is caught.
"""

from __future__ import annotations

from typing import NamedTuple

from .page import footer_start, listing_items
from .rules_inline import (
    ASCII_LOWER,
    CAPTION_HINTS,
    CAPTION_MARKER,
    CAPTION_MAX,
    CREDIT_HEAD,
    CREDIT_HINTS,
    CREDIT_TAIL,
    DATE_META,
    DATELINE,
    DATELINE_REST,
    DROP_CAPS,
    HAS_WORD,
    INLINE_JUNK,
    INLINE_MARKERS,
    INVISIBLE,
    LIBRARY_NAMES,
    LINK_LABEL,
    TRAILING_COMMA,
    URL_HINTS,
    URL_TOKEN,
)
from .rules_line import (
    ANY_ANCHORED_LINE,
    ANY_KEYWORD_LINE,
    ARCHIVE_PAGE,
    ARCHIVE_PAGE_MAX,
    ARCHIVE_VOCAB,
    KEYWORDS,
    LONG_KEYWORDS,
    SHORT,
    SHORT_ANCHORED_LINE,
    SHORT_KEYWORD_LINE,
    TINY,
    TINY_LINE,
)
from .rules_page import ITEM_END, RELATED_HEADER, RELATED_ITEM_MAX, SENTENCE_END, TRAILING_NAME
from .unglue import unglue

__all__ = ("Line", "clean_text", "triage")


class Line(NamedTuple):
    """The fate of one input line, kept for auditing removals."""

    source: str
    """The input line as it came."""
    text: str
    """What is kept of it ('' when removed)."""
    reason: str
    """The name of the rule that removed or repaired it ('' when kept as it was)."""


def clean_text(text: str) -> str:
    """Return ``text`` without web boilerplate, one paragraph per line.

    Each non-empty input line is a paragraph: segmentation relies on paragraph
    ends, so they are kept as single newlines, never merged or split. Spaces
    are collapsed and invisible characters dropped so that later stages can
    compare sentences across articles. A leading ``date YYYY-MM-DD`` token is
    ingest's business and passes through untouched.
    """
    return "\n".join(line.text for line in triage(text) if line.text)


def triage(text: str, *, fast: bool = True) -> list[Line]:
    """Decide every line's fate, keeping the reasons so removals can be audited.

    Most decisions are per line; the few that need context (a caption above a
    credit, a list under a "Related" header, a drop cap, a closing byline)
    look at the neighbouring kept line only, so one pass suffices. With
    ``fast=False`` no gate is taken: every rule is tried on every line (slow;
    for the equivalence test).
    """
    text = INVISIBLE.sub("", text)
    archive_page = len(text) <= ARCHIVE_PAGE_MAX and ARCHIVE_PAGE.search(text) is not None
    raws = text.splitlines()
    lines = [" ".join(raw.split()) for raw in raws]
    listing = listing_items(lines, fast=fast)
    # Most pages have no footer header: one look at the text rules it out.
    if not fast or "About" in text or "ABOUT" in text:
        footer = footer_start(lines, fast=fast)
    else:
        footer = len(lines)
    out: list[Line] = []
    previous_kept = -2  # input line number of the last kept line
    last = -1  # its index in ``out``
    in_related = False  # inside a list of related links
    for number, raw in enumerate(raws):
        line = lines[number]
        if not line:
            continue
        prefix = ""
        if not out:
            meta = DATE_META.match(line)
            if meta:
                prefix, line = meta.group(), line[meta.end() :].lstrip()
        reason = ""
        if number >= footer:
            line, reason = "", "footer"
        elif number in listing:
            line, reason = "", "listing"
        elif in_related and len(line) <= RELATED_ITEM_MAX and not ITEM_END.search(line):
            line, reason = "", "related"
        elif line:
            header = line
            line, reason = _clean_line(line, archive_page, fast)
            in_related = reason == "credits" or (
                reason == "teaser" and RELATED_HEADER.fullmatch(header) is not None
            )
        else:
            in_related = False
        if reason == "picture" and previous_kept == number - 1:
            _drop_caption_above(out)
        kept = f"{prefix} {line}".strip() if line else prefix
        if kept and last >= 0 and _is_drop_cap(out[last].text, kept):
            kept = out[last].text + kept
            out[last] = Line(out[last].source, "", "dropcap")
        out.append(Line(raw, kept, reason))
        if kept:
            previous_kept, last = number, len(out) - 1
    _drop_trailing_byline(out)
    kept_at = [i for i, line in enumerate(out) if line.text]
    texts = [out[i].text for i in kept_at]
    for i, text in zip(kept_at, unglue(texts), strict=True):
        if text != out[i].text:
            out[i] = out[i]._replace(text=text)
    return out


def _clean_line(line: str, archive_page: bool, fast: bool) -> tuple[str, str]:
    """Clean one normalised line; return what is left and why it went, if it did."""
    reason = _match_rule(line, archive_page, fast)
    if reason:
        return "", reason
    original = line
    if not fast or any(map(line.__contains__, CAPTION_HINTS)):
        line = CAPTION_MARKER.sub("", line).strip()
        if not line:
            return "", "caption"
    if not fast or any(map(line.__contains__, INLINE_MARKERS)):
        line = INLINE_JUNK.sub(" ", line).strip()
    head = None
    if not fast or "/" in line[:80] or " - " in line[:80] or line.startswith(LIBRARY_NAMES):
        head = CREDIT_HEAD.match(line)
    if head:
        line = line[head.end() :]
        if len(line) <= CAPTION_MAX:
            return "", "caption"
    if not fast or (("/" in line or "www." in line) and any(map(line.__contains__, URL_HINTS))):
        cut = URL_TOKEN.sub("", line).strip()
        if cut != line:
            line = TRAILING_COMMA.sub("", cut)
            if not HAS_WORD.search(line) or LINK_LABEL.fullmatch(line):
                return "", "url"
    if not fast or line.endswith((")", ").")) or any(map(line[-200:].__contains__, CREDIT_HINTS)):
        tail = CREDIT_TAIL.search(line, max(0, len(line) - 300))
        if tail:
            line = line[: tail.start()].rstrip()
            if len(line) <= CAPTION_MAX:
                return "", "caption"
    dateline = DATELINE.match(line)
    if dateline and len(line) - dateline.end() >= DATELINE_REST:
        line = line[dateline.end() :]
    if line != original:
        line = " ".join(line.split())
        reason = _match_rule(line, archive_page, fast)
    return ("", reason) if reason else (line, "")


def _match_rule(line: str, archive_page: bool, fast: bool) -> str:
    """Name the whole-line rule that ``line`` matches, or return ''."""
    if not line:  # an in-line repair can leave nothing ('Photo Continue reading...')
        return "empty"
    if not (line[0].isalnum() or HAS_WORD.search(line)):
        return "punctuation"
    match = ANY_ANCHORED_LINE.fullmatch(line)
    if match is None and len(line) > SHORT:
        if not fast or any(map(line.__contains__, LONG_KEYWORDS)):
            match = ANY_KEYWORD_LINE.fullmatch(line)
    elif match is None:
        match = SHORT_ANCHORED_LINE.fullmatch(line)
        if match is None and len(line) <= TINY:
            match = TINY_LINE.fullmatch(line)
        if match is None and (not fast or any(map(line.__contains__, KEYWORDS))):
            match = SHORT_KEYWORD_LINE.fullmatch(line) or ANY_KEYWORD_LINE.fullmatch(line)
    if match is not None:
        return str(match.lastgroup).rsplit("_", 1)[0]
    if archive_page and ARCHIVE_VOCAB.search(line):
        return "archive"
    return ""


def _is_drop_cap(letter: str, line: str) -> bool:
    """Tell a decorative initial split off its word ("T" then "he city...").

    "A" and "I" are words of their own, so a line after them may not continue
    them; they are left alone.
    """
    return len(letter) == 1 and letter in DROP_CAPS and line[0] in ASCII_LOWER


def _drop_caption_above(out: list[Line]) -> None:
    """Drop the caption that sits right above a stand-alone picture credit.

    Pages such as DW print the alt text of a picture on the line before its
    "Image: ..." credit. Only a short, unpunctuated line directly above (no
    blank line between) is taken for a caption, so headings survive.
    """
    for i in range(len(out) - 1, -1, -1):
        if out[i].text:
            text = out[i].text
            if len(text) <= 100 and " " in text and not SENTENCE_END.search(text):
                out[i] = Line(out[i].source, "", "caption")
            return


def _drop_trailing_byline(out: list[Line]) -> None:
    """Drop a lone name (often bulleted) that closes the article.

    A text of a single paragraph is no article with a byline: it may be a
    headline that ingest is testing, so it is left alone.
    """
    if sum(1 for line in out if line.text) < 2:
        return
    for i in range(len(out) - 1, -1, -1):
        if out[i].text:
            text = out[i].text
            if (
                len(text) <= 40
                and TRAILING_NAME.fullmatch(text)
                and not any(c.isdigit() for c in text)
            ):
                out[i] = Line(out[i].source, "", "byline")
            return
