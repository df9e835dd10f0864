"""Running a batch: stream INPUT, skip what OUT holds, brief the rest in order.

The runner reads INPUT one line at a time and keeps at most ``engine.window``
lines in flight. It always writes the oldest line next, holding back the ones
that finish early, so OUT comes out in input order with a reorder buffer no
bigger than the window. Memory is therefore bounded whatever the size of
INPUT or OUT.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, NewsbriefError
from . import outfile
from .engines import Engine, Work, make_engine
from .outfile import Key, OutState
from .work import brief_line, story_id_of

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What OUT holds at the end of a run, and what this run added."""

    out: Path
    stories: int  # records in OUT
    failed: int  # of which failed
    new: int  # written by this run
    new_failed: int
    skipped: int  # found done in OUT


@dataclass(slots=True)
class _Counts:
    kept: int = 0
    kept_failed: int = 0
    new: int = 0
    new_failed: int = 0
    skipped: int = 0

    def result(self, out: Path) -> BatchResult:
        return BatchResult(
            out=out,
            stories=self.kept + self.new,
            failed=self.kept_failed + self.new_failed,
            new=self.new,
            new_failed=self.new_failed,
            skipped=self.skipped,
        )


def run_batch(
    input_path: str | Path,
    out_path: str | Path,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    words: int = 120,
    progress: bool = False,
    retry_failed: bool = False,
    on_failure: Callable[[str], None] | None = None,
    work: Work = brief_line,
) -> BatchResult:
    """Brief every story of the JSON Lines file ``input_path`` into ``out_path``.

    Stories already in OUT are skipped (``retry_failed`` briefs the failed ones
    again), so a rerun after an interruption finishes the job. On
    KeyboardInterrupt every finished record is written before it propagates.
    ``on_failure`` is called with the message of each story that fails.
    ``work`` stands in for :func:`brief_line` (tests use it to make workers
    fail); it must be a top-level function, since workers receive it pickled.
    """
    if words < 1:
        raise NewsbriefError(f"--words must be at least 1, got {words}")
    if workers is not None and workers < 1:
        raise NewsbriefError(f"--workers must be at least 1, got {workers}")
    out = Path(out_path)
    counts = _Counts()
    with ExitStack() as stack:
        source, size = _open_input(stack, str(input_path), out)
        state = outfile.prepare(out)
        done = outfile.done_keys(stack, out, state)
        runner = stack.enter_context(_Runner(out, state, progress, size, counts, on_failure))
        eng = make_engine(engine, workers, words, scheduler, work, quiet=not _verbose())
        runner.engine = eng
        runner.feed(_lines(source), done, retry_failed, str(input_path))
    if not runner.ordered:
        log.info("%s: putting the records of resumed runs in input order", out)
        outfile.merge_runs(out, runner.runs)
    return counts.result(out)


def _verbose() -> bool:
    return logging.getLogger("newsbrief").isEnabledFor(logging.INFO)


def _open_input(stack: ExitStack, name: str, out: Path) -> tuple[BinaryIO, int | None]:
    """INPUT opened for streaming, and its size for the progress bar; checked
    (with OUT) before anything is started or written."""
    if out.is_dir():
        raise NewsbriefError(f"--out {out}: is a directory")
    if name == "-":
        return sys.stdin.buffer, None
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory (batch reads one JSON Lines file)")
    if out.exists() and os.path.samefile(path, out):
        raise NewsbriefError(f"--out {out}: is the input file")
    try:
        fh = stack.enter_context(path.open("rb"))
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return fh, path.stat().st_size


def _lines(source: BinaryIO) -> Iterator[tuple[int, bytes, int]]:
    """(line number, line without its newline, bytes read) of every non-blank line."""
    for number, raw in enumerate(source, start=1):
        if raw.strip():
            yield number, raw.rstrip(b"\r\n"), len(raw)


class _Runner:
    """The loop of one run; a context manager so that every way out (done,
    Ctrl-C, a lost cluster) writes what is finished and closes the engine."""

    def __init__(
        self,
        out: Path,
        state: OutState,
        progress: bool,
        size: int | None,
        counts: _Counts,
        on_failure: Callable[[str], None] | None,
    ) -> None:
        self.out = out
        self.state = state
        self.counts = counts
        self.engine: Engine | None = None
        self.on_failure = on_failure
        self.pending: deque[tuple[int, int, object]] = deque()
        self.writer = outfile.OutWriter(out, state.size)
        self.first_new = 0
        self.bar = _progress_bar(progress, size)

    # -- the loop ----------------------------------------------------------

    def feed(
        self,
        lines: Iterator[tuple[int, bytes, int]],
        done: Iterator[Key],
        retry_failed: bool,
        input_name: str,
    ) -> None:
        """Walk INPUT and OUT's keys together (both in line order, so resuming
        holds one key at a time, not a set of everything done), submitting the
        lines OUT lacks and writing records oldest first."""
        engine = self.engine
        assert engine is not None
        seen = 0
        key = next(done, None)
        for number, raw, nbytes in lines:
            seen += 1
            if key is not None and key.line < number:
                raise _mismatch(self.out, input_name, f"OUT has line {key.line}, a blank line")
            if key is not None and key.line == number:
                story_id = story_id_of(raw, number)
                if story_id != key.id:
                    raise _mismatch(
                        self.out,
                        input_name,
                        f"line {number} is {_story(key.id)} in OUT but {_story(story_id)} in INPUT",
                    )
                old, key = key, next(done, None)
                if not (old.failed and retry_failed):
                    self.counts.kept += 1
                    self.counts.kept_failed += old.failed
                    self.counts.skipped += 1
                    self._advance(nbytes)
                    continue
            self.pending.append((number, nbytes, engine.submit(number, raw)))
            self._drain(engine, block=len(self.pending) >= engine.window)
        if key is not None:
            raise _mismatch(self.out, input_name, f"OUT has line {key.line}, past its end")
        if not seen:
            raise InputError(f"{input_name}: empty input")
        while self.pending:
            self._write_head(engine)

    def _drain(self, engine: Engine, block: bool) -> None:
        """Write the oldest lines that are finished; with ``block``, wait for the oldest."""
        if block:
            self._write_head(engine)
        while self.pending and engine.ready(self.pending[0][2]):
            self._write_head(engine)

    def _write_head(self, engine: Engine) -> None:
        number, nbytes, handle = self.pending[0]
        line = engine.result(handle)
        self.pending.popleft()
        self._write(number, line)
        self._advance(nbytes)

    def _write(self, number: int, line: str) -> None:
        self.writer.write(line)
        if not self.first_new:
            self.first_new = number
        self.counts.new += 1
        key = outfile.parse_key(line.encode("utf-8"))
        if key is not None and key.failed:
            self.counts.new_failed += 1
            if self.on_failure is not None:
                message = _error_of(line)
                with self._external_write():
                    self.on_failure(message)

    def _advance(self, nbytes: int) -> None:
        if self.bar is not None:
            c = self.counts
            self.bar.set_postfix_str(
                f"{c.new} new, {c.new_failed} failed, {c.skipped} skipped", refresh=False
            )
            self.bar.update(nbytes)

    def _external_write(self):
        if self.bar is None:
            return nullcontext()
        return self.bar.external_write_mode(file=sys.stderr)

    # -- the ways out ------------------------------------------------------

    @property
    def runs(self) -> tuple[tuple[int, int], ...]:
        runs = self.state.runs
        if self.counts.new:
            runs = (*runs, (self.writer.start, self.writer.end))
        return runs

    @property
    def ordered(self) -> bool:
        """Whether OUT is one ascending run (no merge needed)."""
        if not self.state.ordered:
            return False
        return (
            not self.counts.new or not self.state.records or (self.first_new > self.state.last_line)
        )

    def __enter__(self) -> _Runner:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is not None:
                self._save_finished()
            if self.engine is not None:
                self.engine.close(cancel=exc_type is not None)
        finally:
            self.writer.close()
            if self.bar is not None:
                self.bar.close()

    def _save_finished(self) -> None:
        """Write every finished line still held back (in input order, leaving
        gaps for the unfinished ones, which a rerun fills)."""
        engine = self.engine
        if engine is None:
            return
        for number, nbytes, handle in self.pending:
            line = engine.finished(handle)
            if line is not None:
                self._write(number, line)
                self._advance(nbytes)
        self.pending.clear()


def _mismatch(out: Path, input_name: str, detail: str) -> NewsbriefError:
    return NewsbriefError(
        f"--out {out} was not made from {input_name} ({detail}); give another --out"
    )


def _story(story_id: str | None) -> str:
    return "no story" if story_id is None else f"story {story_id!r}"


def _error_of(line: str) -> str:
    import json

    return str(json.loads(line).get("error", ""))


def _progress_bar(enabled: bool, size: int | None):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(
        total=size,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        desc="batch",
        file=sys.stderr,
        dynamic_ncols=True,
    )
