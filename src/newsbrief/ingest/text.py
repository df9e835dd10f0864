"""Plain-text and Markdown article files: headline, body and a leading date line.

A saved page opens with menus and labels before its headline, so the headline
is the first line that reads like one and that cleaning keeps whole; the lines
looked past stay in the body for cleaning to drop. Markdown gives its first
heading as the headline and loses its link and emphasis markup.
"""

from __future__ import annotations

import re

from ..clean import clean_text
from ..errors import InputError
from ..model import Article
from .dates import take_date_line
from .sources import source_from_file

__all__ = ("article_from_text",)

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)]\s*$")


def article_from_text(text: str, name: str, *, markdown: bool = False) -> Article:
    """The article of a text (or Markdown) file called ``name``; InputError when empty."""
    published, text = take_date_line(text)
    title, text = (_split_markdown if markdown else _split_title)(text)
    if not text.strip() and not title:
        raise InputError(f"{name}: no article text")
    return Article(
        id=name,
        source=source_from_file(name),
        text=text,
        title=title,
        published=published,
    )


def _split_title(text: str) -> tuple[str, str]:
    """Take the headline off plain text: the first line that reads like one.

    Pages saved as text open with menus, section labels and captions before the
    headline, so lines that cleaning removes or that are too short to be a
    headline are looked past (they stay in the body for cleaning to drop).
    """
    lines = text.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > 8 or _SENTENCE_END.search(line) or len(line.split()) > 25:
            break
        if len(line.split()) < 3 or not clean_text(line).strip():
            continue
        rest = "\n".join(lines[i + 1 :])
        if clean_text(line).strip() == line and rest.strip():
            return line, "\n".join([*lines[:i], *lines[i + 1 :]])
        break
    return "", text


def _split_markdown(text: str) -> tuple[str, str]:
    title = ""
    lines = []
    for line in text.splitlines():
        heading = _MD_HEADING.match(line)
        if heading:
            if not title:
                title = heading.group(1)
                continue
            line = heading.group(1)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        lines.append(line)
    body = "\n".join(lines)
    if not title:
        return _split_title(body)
    return title, body
