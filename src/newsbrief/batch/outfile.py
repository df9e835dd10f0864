"""The OUT file of a batch: reading what is done, appending, putting it in order.

OUT is the batch's only state. A record is appended (and flushed) as soon as
it is finished, so a killed run loses no finished record, and a rerun learns
what is done by reading OUT again. Records are written in input order, so OUT
is normally one ascending *run* of line numbers; a resumed run that fills gaps
appends a second run, and :func:`merge_runs` then puts the whole file back in
input order. Every pass here streams: memory grows with the number of runs
(one per interrupted run that left gaps), never with the number of records.
"""

from __future__ import annotations

import heapq
import json
import logging
import os
import re
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from json.decoder import scanstring
from pathlib import Path
from typing import BinaryIO

from ..errors import NewsbriefError

log = logging.getLogger(__name__)

#: How a record written by :func:`~newsbrief.batch.work.record` opens.
_HEAD = re.compile(r'\{"line":(\d+),"id":')
#: Seconds between fsyncs: a flush per record already survives a killed process;
#: the fsync bounds what a power cut can take without paying for one per record.
FSYNC_INTERVAL = 1.0


@dataclass(frozen=True, slots=True)
class Key:
    """What resuming needs of a record: its input line, story id, and whether it failed."""

    line: int
    id: str | None
    failed: bool


@dataclass(frozen=True, slots=True)
class OutState:
    """OUT as found at the start of a run (after dropping a torn last line)."""

    runs: tuple[tuple[int, int], ...]  # byte ranges, each ascending in line number
    records: int
    last_line: int  # the line number of the last record in file order (0: none)
    size: int

    @property
    def ordered(self) -> bool:
        return len(self.runs) <= 1


def parse_key(raw: bytes) -> Key | None:
    """The key of one OUT line, or None when the line is not a batch record.

    Records open with ``{"line":N,"id":...``, so the key is read from the
    head of the line; only lines written by something else are fully decoded.
    """
    try:
        text = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        return None
    head = _HEAD.match(text)
    if head and text.endswith("}"):
        pos = head.end()
        try:
            if text.startswith("null", pos):
                story_id, pos = None, pos + 4
            elif text.startswith('"', pos):
                story_id, pos = scanstring(text, pos + 1)
            else:
                raise ValueError(pos)
        except ValueError:
            pass
        else:
            if text.startswith(",", pos) or text.startswith("}", pos):
                return Key(int(head.group(1)), story_id, text.startswith(',"error":', pos))
    try:
        obj = json.loads(text)
    except ValueError:
        return None
    if not isinstance(obj, dict) or type(obj.get("line")) is not int:
        return None
    story_id = obj.get("id")
    return Key(obj["line"], None if story_id is None else str(story_id), "error" in obj)


def prepare(path: Path) -> OutState:
    """Scan OUT (if any), drop a torn last line, and map its ascending runs.

    A record cut short by a kill has no newline: it is dropped, and its story
    is briefed again. Any other line that is not a batch record means OUT is
    some other file, which is refused rather than appended to.
    """
    stale = merging_path(path)
    if stale.exists():
        log.info("%s: removing an unfinished merge from an interrupted run", stale)
        stale.unlink()
    if not path.exists():
        return OutState(runs=(), records=0, last_line=0, size=0)
    runs: list[tuple[int, int]] = []
    start = offset = 0
    previous = 0
    records = 0
    torn_at: int | None = None
    try:
        with path.open("rb") as fh:
            for number, raw in enumerate(fh, start=1):
                end = offset + len(raw)
                if not raw.endswith(b"\n"):
                    if raw.strip() and not raw.lstrip().startswith(b"{"):
                        raise _not_ours(path, number)
                    torn_at = offset
                    break
                if raw.strip():
                    key = parse_key(raw)
                    if key is None:
                        raise _not_ours(path, number)
                    if records and key.line <= previous:
                        runs.append((start, offset))
                        start = offset
                    previous = key.line
                    records += 1
                offset = end
    except OSError as exc:
        raise NewsbriefError(f"--out {path}: cannot read ({exc.strerror or exc})") from None
    if records:
        runs.append((start, offset))
    if torn_at is not None:
        log.warning("%s: dropped a record cut short by an interrupted run", path)
        os.truncate(path, torn_at)
    return OutState(runs=tuple(runs), records=records, last_line=previous, size=offset)


def _not_ours(path: Path, number: int) -> NewsbriefError:
    return NewsbriefError(
        f"--out {path}: line {number} is not a batch record; refusing to append to another file"
    )


def merging_path(path: Path) -> Path:
    return path.with_name(path.name + ".merging")


def _run_lines(fh, start: int, end: int) -> Iterator[tuple[int, bytes]]:
    """(line number, record) of one run, read from its own file handle."""
    fh.seek(start)
    offset = start
    while offset < end:
        raw = fh.readline()
        if not raw:
            return
        offset += len(raw)
        if raw.strip():
            key = parse_key(raw)
            if key is not None:
                yield key.line, raw


def _merged(stack: ExitStack, path: Path, runs) -> Iterator[tuple[int, bytes]]:
    """All records in line order; of two records of one line, the later run's
    (a retried story replaces its old record). Stable: heapq.merge breaks ties
    by run order."""
    streams = [_run_lines(stack.enter_context(path.open("rb")), start, end) for start, end in runs]
    pending: tuple[int, bytes] | None = None
    for item in heapq.merge(*streams, key=lambda pair: pair[0]):
        if pending is not None and pending[0] != item[0]:
            yield pending
        pending = item
    if pending is not None:
        yield pending


def done_keys(stack: ExitStack, path: Path, state: OutState) -> Iterator[Key]:
    """The keys of OUT's records in line order, one per line (see :func:`_merged`)."""
    if not state.records:
        return iter(())
    return (parse_key(raw) for _, raw in _merged(stack, path, state.runs))  # type: ignore[misc]


def merge_runs(path: Path, runs: tuple[tuple[int, int], ...]) -> None:
    """Rewrite OUT in input order (one record per line), atomically.

    The merged copy is written beside OUT and renamed over it, so an
    interruption here leaves OUT as it was (and the copy is removed next run).
    """
    target = merging_path(path)
    with ExitStack() as stack, target.open("wb") as out:
        for _, raw in _merged(stack, path, runs):
            out.write(raw if raw.endswith(b"\n") else raw + b"\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(target, path)


class OutWriter:
    """Appends records to OUT, each flushed at once (and fsynced now and then).

    OUT is opened at the first record, so a batch that stops before it has
    anything to write (a bad input, an unreachable cluster) leaves no file.
    """

    def __init__(self, path: Path, start: int) -> None:
        self.path = path
        self.start = self.end = start
        self._fh: BinaryIO | None = None
        self._synced = time.monotonic()
        if not os.access(path if path.exists() else path.parent, os.W_OK):
            raise NewsbriefError(f"--out {path}: cannot write (permission denied)")

    def write(self, line: str) -> None:
        if self._fh is None:
            try:
                self._fh = self.path.open("ab")
            except OSError as exc:
                raise NewsbriefError(
                    f"--out {self.path}: cannot write ({exc.strerror or exc})"
                ) from None
        data = line.encode("utf-8") + b"\n"
        self._fh.write(data)
        self._fh.flush()
        self.end += len(data)
        now = time.monotonic()
        if now - self._synced >= FSYNC_INTERVAL:
            os.fsync(self._fh.fileno())
            self._synced = now

    def close(self) -> None:
        if self._fh is None or self._fh.closed:
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
