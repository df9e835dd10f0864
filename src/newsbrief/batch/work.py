"""The work of one input line: a story in, one JSON line out.

Both engines run :func:`brief_line` and nothing else, so the output of a batch
cannot depend on which engine, how many workers or which machine made it. The
function is pure (its answer depends on its arguments only) and never raises
for a bad story: a story that fails becomes an error record, because in a
batch one bad story must not stop the others.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..cluster import worker_version  # noqa: F401 - its old home
from ..errors import NewsbriefError
from ..ingest import decode, story_from_json
from ..model import Article, Story
from ..pipeline import brief_story
from ..render import to_dict

#: Separators of the compact JSON written to OUT (one record per line).
SEPARATORS = (",", ":")


def where(line_number: int) -> str:
    """How messages name an input line: by number only, so that the same input
    gives the same bytes whatever path it was given by."""
    return f"line {line_number}"


def record(line_number: int, story_id: str | None, /, **fields: object) -> str:
    """One OUT line (without the newline). ``line`` and ``id`` come first so
    that resuming can read them without decoding the whole brief."""
    data = {"line": line_number, "id": story_id, **fields}
    return json.dumps(data, ensure_ascii=False, separators=SEPARATORS)


def error_record(line_number: int, story_id: str | None, message: str) -> str:
    """The record of a story that failed: its error as one line."""
    return record(line_number, story_id, error=" ".join(str(message).split()))


def story_id_of(text: str | bytes, line_number: int) -> str | None:
    """The id a line's story gets (as :func:`brief_line` would give it), or None
    when the line is not a JSON object; resuming compares it with OUT."""
    try:
        return _id_of(_load(text, line_number), line_number)
    except NewsbriefError:
        return None


def brief_line(line_number: int, text: str | bytes, words: int = 120) -> str:
    """The OUT record of input line ``line_number``: the brief of its story as
    ``brief --format json`` gives it, plus ``line`` and ``id``; or an error
    record. ``text`` may be the raw bytes of the line (decoded here, so the
    reading process does no per-story work)."""
    story_id = None
    try:
        obj = _load(text, line_number)
        story_id = _id_of(obj, line_number)
        brief = _brief(_story(obj, line_number), words)
    except NewsbriefError as exc:
        return error_record(line_number, story_id, str(exc))
    except MemoryError:
        raise  # not the story's fault: let the engine retry it elsewhere
    except Exception as exc:  # a bug on one story must not stop the batch
        return error_record(line_number, story_id, f"internal error: {type(exc).__name__}: {exc}")
    return record(line_number, story_id, **to_dict(brief))


def brief_chunk(
    lines: list[tuple[int, bytes]], words: int = 120, work: Callable[..., str] = brief_line
) -> list[str]:
    """The records of several lines, for engines that send lines in chunks;
    ``work`` is :func:`brief_line` (tests pass their own)."""
    return [work(number, raw, words) for number, raw in lines]


def _load(text: str | bytes, line_number: int) -> object:
    name = where(line_number)
    if isinstance(text, bytes):
        text = decode(text, name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise NewsbriefError(f"{name}: invalid JSON ({exc.msg} at column {exc.colno})") from None


def _id_of(obj: object, line_number: int) -> str | None:
    return str(obj.get("id", where(line_number))) if isinstance(obj, dict) else None


def _story(obj: object, line_number: int) -> Story:
    story = story_from_json(obj, where(line_number))
    if isinstance(story, Article):  # a line with 'text' and no 'documents': a one-article story
        story = Story(articles=[story], id=story.id)
    return story


def _brief(story: Story, words: int):
    """The brief of one story, as ``newsbrief brief`` makes it: it depends on the
    story alone (see :func:`newsbrief.align.build_space`), so every process and
    hash seed gives the same bytes."""
    return brief_story(story, words=words)
