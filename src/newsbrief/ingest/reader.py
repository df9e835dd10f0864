"""Reading input paths into stories: which file is which format, in input order.

Plain article files (.txt, .md, .html) named together form one story; every
line of a JSON Lines or Multi-News file is a story of its own. A file whose
suffix does not tell (and stdin) is sniffed from its first characters.
Stories are yielded one at a time so that a large input is never held whole
in memory, and a story that cannot be read is yielded as a
:class:`StoryError` instead of stopping the stories after it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

from ..errors import InputError
from ..model import Article, Story
from .decoding import decode, read_file, read_stream
from .jsonl import parse_json_line
from .multinews import MULTINEWS_ARTICLE_SEP, MULTINEWS_NEWLINE, parse_multinews_line
from .text import article_from_text
from .webpage import article_from_html

__all__ = (
    "ARTICLE_SUFFIXES",
    "JSONL_SUFFIXES",
    "MULTINEWS_SUFFIXES",
    "STORY_SUFFIXES",
    "StoryError",
    "load_articles",
    "read_stories",
)

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MULTINEWS_SUFFIXES = frozenset({".src"})
STORY_SUFFIXES = JSONL_SUFFIXES | MULTINEWS_SUFFIXES

Kind = Literal["article", "markdown", "html", "jsonl", "multinews", "sniff"]


@dataclass(frozen=True, slots=True)
class StoryError:
    """A story that could not be read, in place of the story in the stream."""

    where: str
    error: InputError


class _LineSource(NamedTuple):
    """A file of one story per line, to be read after the loose articles."""

    name: str
    """The file's name ('<stdin>' for stdin)."""
    kind: Kind
    """'jsonl' or 'multinews'."""
    text: str | None
    """The text when already read; None to stream it from the path."""


def read_stories(paths: Iterable[str | Path]) -> Iterator[Story | StoryError]:
    """Yield the stories found in ``paths`` ('-' is stdin), in input order.

    Raises :class:`InputError` for problems that concern the whole input (no
    paths, a missing path, nothing readable); problems of one story of a
    multi-story file are yielded as :class:`StoryError` so the others survive.
    """
    paths = [str(p) for p in paths]
    if not paths:
        raise InputError("no input: give one or more files, directories or '-' for stdin")
    articles: list[Article] = []
    line_sources: list[_LineSource] = []
    for raw in paths:
        if raw == "-":
            text = read_stream(sys.stdin.buffer, "<stdin>")
            kind = _sniff(text)
            if kind == "article" or kind == "html":
                articles.append(_parse_article(text, "stdin", kind))
            else:
                line_sources.append(_LineSource("<stdin>", kind, text))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        for file in _expand(path):
            kind = _kind_of(file)
            if kind in ("jsonl", "multinews"):
                line_sources.append(_LineSource(str(file), kind, None))
                continue
            text = read_file(file)
            kind = _sniff(text) if kind == "sniff" else kind
            if kind in ("jsonl", "multinews"):
                line_sources.append(_LineSource(str(file), kind, text))
            else:
                articles.append(_parse_article(text, str(file), kind))
    if articles:
        yield Story(articles=articles, id=_story_id(articles))
    for source in line_sources:
        yield from _read_line_stories(source)


def load_articles(paths: Iterable[str | Path]) -> list[Article]:
    """All articles of ``paths`` as one story (for the Python API)."""
    stories = list(read_stories(paths))
    for item in stories:
        if isinstance(item, StoryError):
            raise item.error
    if len(stories) != 1:
        raise InputError(
            f"the input holds {len(stories)} stories; brief them one at a time "
            "(newsbrief.brief_stories) or give the articles of one story"
        )
    return stories[0].articles


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and p.suffix.lower() in ARTICLE_SUFFIXES | STORY_SUFFIXES
            and not p.name.upper().startswith("README")
        )
        if not files:
            raise InputError(f"{path}: directory has no .txt, .md, .html or .jsonl files")
        return files
    return [path]


def _kind_of(path: Path) -> Kind:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in MULTINEWS_SUFFIXES:
        return "multinews"
    if suffix in {".html", ".htm"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "sniff"


def _sniff(text: str) -> Kind:
    """Guess the format of text whose name does not tell (stdin, odd suffixes)."""
    head = text.lstrip()[:2000]
    if head.startswith("{"):
        return "jsonl"
    if MULTINEWS_ARTICLE_SEP in head or MULTINEWS_NEWLINE in head:
        return "multinews"
    if head[:1] == "<" and re.search(r"<(html|body|p|div|article)\b", head, re.I):
        return "html"
    return "article"


def _parse_article(text: str, name: str, kind: Kind) -> Article:
    if kind == "html":
        return article_from_html(text, name)
    return article_from_text(text, name, markdown=kind == "markdown")


def _story_id(articles: list[Article]) -> str:
    if len(articles) == 1:
        return articles[0].id
    parents = {str(Path(a.id).parent) for a in articles}
    return parents.pop() if len(parents) == 1 else articles[0].id


def _read_line_stories(source: _LineSource) -> Iterator[Story | StoryError]:
    """Stories of a JSON Lines or Multi-News file, read line by line."""
    name = source.name
    loose: list[Article] = []
    for number, line in _iter_lines(name, source.text):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            if source.kind == "jsonl":
                story_or_article = parse_json_line(line, where)
            else:
                story_or_article = parse_multinews_line(line, where)
        except InputError as exc:
            yield StoryError(where, exc)
            continue
        if isinstance(story_or_article, Article):
            loose.append(story_or_article)
        else:
            yield story_or_article
    if loose:
        yield Story(articles=loose, id=name)


def _iter_lines(name: str, text: str | None) -> Iterator[tuple[int, str]]:
    if text is not None:
        yield from enumerate(text.splitlines(), start=1)
        return
    path = Path(name)
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    with fh:
        empty = True
        for number, raw in enumerate(fh, start=1):
            if raw.strip():
                empty = False
            yield number, decode(raw, f"{name}:{number}").rstrip("\r\n")
        if empty:
            raise InputError(f"{name}: empty input")
