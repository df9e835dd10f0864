"""Reading user input into stories of :class:`Article` objects.

Plain article files (.txt, .md, .html) named together form one story; every
line of a JSON Lines or Multi-News file is a story of its own. Stories are
yielded one at a time so that a large input is never held whole in memory, and
a story that cannot be read is yielded as an :class:`InputError` instead of
stopping the stories after it.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO
from urllib.parse import urlparse

from .clean import clean_text
from .errors import InputError
from .model import Article, Story

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MULTINEWS_SUFFIXES = frozenset({".src"})
STORY_SUFFIXES = JSONL_SUFFIXES | MULTINEWS_SUFFIXES
MULTINEWS_ARTICLE_SEP = "|||||"
MULTINEWS_NEWLINE = "NEWLINE_CHAR"

_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)]\s*$")


@dataclass(frozen=True, slots=True)
class StoryError:
    """A story that could not be read, in place of the story in the stream."""

    where: str
    error: InputError


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
    # (name, format, text or None to stream it from the path)
    line_sources: list[tuple[str, str, str | None]] = []
    for raw in paths:
        if raw == "-":
            text = _read_stream(sys.stdin.buffer, "<stdin>")
            kind = _sniff(text)
            if kind == "article" or kind == "html":
                articles.append(_parse_article(text, "stdin", kind))
            else:
                line_sources.append(("<stdin>", kind, text))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        for file in _expand(path):
            kind = _kind_of(file)
            if kind in ("jsonl", "multinews"):
                line_sources.append((str(file), kind, None))
                continue
            text = _read_file(file)
            kind = _sniff(text) if kind == "sniff" else kind
            if kind in ("jsonl", "multinews"):
                line_sources.append((str(file), kind, text))
            else:
                articles.append(_parse_article(text, str(file), kind))
    if articles:
        yield Story(articles=articles, id=_story_id(articles))
    for name, kind, text in line_sources:
        yield from _read_line_stories(name, kind, text)


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


def _kind_of(path: Path) -> str:
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


def _sniff(text: str) -> str:
    """Guess the format of text whose name does not tell (stdin, odd suffixes)."""
    head = text.lstrip()[:2000]
    if head.startswith("{"):
        return "jsonl"
    if MULTINEWS_ARTICLE_SEP in head or MULTINEWS_NEWLINE in head:
        return "multinews"
    if head[:1] == "<" and re.search(r"<(html|body|p|div|article)\b", head, re.I):
        return "html"
    return "article"


def _read_file(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            return _read_stream(fh, str(path))
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _read_stream(fh: IO[bytes], name: str) -> str:
    data = fh.read()
    if not data.strip():
        raise InputError(f"{name}: empty input")
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8, falling back (with a warning) to the likeliest
    encoding: real crawls hold Latin-1 and Windows-1252 pages."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "latin-1", data.decode("latin-1")
    if _looks_binary(text):
        raise InputError(f"{name}: binary file, not text")
    log.warning("%s: not valid UTF-8, decoded as %s", name, encoding)
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.05


def _parse_article(text: str, name: str, kind: str, *, index: int = 0) -> Article:
    if kind == "html":
        return article_from_html(text, name)
    published, text = _take_date_line(text)
    title, text = (_split_markdown if kind == "markdown" else _split_title)(text)
    if not text.strip() and not title:
        raise InputError(f"{name}: no article text")
    return Article(
        id=name,
        source=_source_from_name(name),
        text=text,
        title=title,
        published=published,
    )


def _take_date_line(text: str) -> tuple[date | None, str]:
    match = _DATE_LINE.match(text)
    if not match:
        return None, text
    try:
        return date.fromisoformat(match.group(1)), text[match.end() :]
    except ValueError:
        return None, text


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
    source = (doc.sitename or "").strip() or _source_from_url(page_url) or _source_from_name(name)
    return Article(
        id=name,
        source=source,
        text=text,
        title=title,
        url=page_url,
        published=parse_date(doc.date),
    )


def parse_date(value: object) -> date | None:
    """A publication date from metadata: ISO first (fast), dateparser otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def _source_from_url(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def _source_from_name(name: str) -> str:
    if name in ("stdin", "<stdin>"):
        return "stdin"
    stem = Path(name).stem
    cleaned = re.sub(r"^\d+[_-]+", "", stem).replace("_", " ").replace("-", " ").split()
    # 'meridian_wire.txt' names the outlet Meridian Wire; '4680c78d.txt' stays as it is.
    words = [w.capitalize() if w.isalpha() and w.islower() else w for w in cleaned]
    return " ".join(words) or stem


def _story_id(articles: list[Article]) -> str:
    if len(articles) == 1:
        return articles[0].id
    parents = {str(Path(a.id).parent) for a in articles}
    return parents.pop() if len(parents) == 1 else articles[0].id


def _read_line_stories(name: str, kind: str, text: str | None) -> Iterator[Story | StoryError]:
    """Stories of a JSON Lines or Multi-News file, read line by line."""
    lines = _iter_lines(name, text)
    loose: list[Article] = []
    for number, line in lines:
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            if kind == "jsonl":
                story_or_article = _parse_json_line(line, where)
            else:
                story_or_article = _parse_multinews_line(line, where)
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


def _parse_json_line(line: str, where: str) -> Story | Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    return story_from_json(obj, where)


def story_from_json(obj: object, where: str) -> Story | Article:
    """A story from a decoded JSON Lines object (or an article, for article lines)."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    story_id = str(obj.get("id", where))
    if "documents" not in obj:
        if "text" in obj:
            return _article_from_json(obj, where, story_id, 0)
        raise InputError(f"{where}: JSON object has neither 'documents' nor 'text'")
    docs = obj["documents"]
    if not isinstance(docs, list):
        raise InputError(f"{where}: 'documents' must be a list")
    articles = [
        _article_from_json(doc, where, f"{story_id}#{i + 1}", i) for i, doc in enumerate(docs)
    ]
    articles = [a for a in articles if a.text.strip()]
    if not articles:
        raise InputError(f"{where}: story '{story_id}' has no article text")
    return Story(articles=articles, id=story_id)


def _article_from_json(doc: object, where: str, default_id: str, index: int) -> Article:
    if isinstance(doc, str):
        published, text = _take_date_line(doc)
        return Article(id=default_id, source=f"Article {index + 1}", text=text, published=published)
    if not isinstance(doc, dict):
        raise InputError(f"{where}: document {index + 1} must be a string or an object")
    text = doc.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: document {index + 1} has no 'text' string")
    url = str(doc.get("url") or "")
    published, text = _take_date_line(text)
    meta_date = parse_date(doc.get("published"))
    return Article(
        id=str(doc.get("id") or default_id),
        source=str(doc.get("source") or "") or _source_from_url(url) or f"Article {index + 1}",
        text=text,
        title=str(doc.get("title") or ""),
        url=url,
        published=meta_date or published,
    )


def _parse_multinews_line(line: str, where: str) -> Story:
    parts = [p.replace(MULTINEWS_NEWLINE, "\n").strip() for p in line.split(MULTINEWS_ARTICLE_SEP)]
    articles = [
        Article(id=f"{where}#{i + 1}", source=f"Article {i + 1}", text=p)
        for i, p in enumerate(parts)
        if p
    ]
    if not articles:
        raise InputError(f"{where}: story has no article text")
    return Story(articles=articles, id=where)
