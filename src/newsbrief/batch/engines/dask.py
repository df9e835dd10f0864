"""The Dask engine: stories as tasks of a Dask cluster.

The cluster (a LocalCluster on 127.0.0.1, or a given scheduler's) comes from
:mod:`newsbrief.cluster`, shared with ``stories --engine dask``. Lines travel
in chunks (a task costs about as much as briefing a story); a chunk that
keeps killing workers is sent again one line per task, so that only the
story that kills workers is recorded as failed.
"""

from __future__ import annotations

import logging
from concurrent.futures import CancelledError
from dataclasses import dataclass
from typing import Any

from ...cluster import DaskCluster
from ...errors import NewsbriefError
from ..work import brief_chunk, brief_line, error_record, story_id_of
from .base import WINDOW_PER_WORKER, WORKER_DIED, Work, failure_message

log = logging.getLogger(__name__)

#: Lines per Dask task (see :class:`_Chunk`).
DASK_CHUNK = 8


@dataclass(slots=True, eq=False)
class _Chunk:
    """Lines sent to Dask as one task: a task costs the scheduler, the client and
    the worker a few milliseconds each, as much as briefing a story, so lines
    travel in chunks and come back as a list of records."""

    lines: list[tuple[int, bytes]]
    future: Any = None
    records: list[str] | None = None
    #: Per-line futures once the chunk's worker died, each submitted when the
    #: runner asks for its line (see :meth:`DaskEngine.result`).
    singles: list[Any] | None = None


class DaskEngine:
    """Stories as tasks of a Dask cluster: a LocalCluster on 127.0.0.1 (one
    single-threaded worker process per ``workers``), or the cluster of
    ``scheduler``.

    Lines go in chunks of ``chunk`` (see :class:`_Chunk`). Dask moves the task
    of a worker that dies to another worker; a chunk that keeps killing workers
    comes back as ``KilledWorker`` and its lines are sent again one per task,
    so that only the story that kills workers is recorded as failed. Those
    tasks go one at a time, as the runner asks for their lines: sent together,
    Dask could queue an innocent story on the worker that a guilty one kills,
    and blame it too.
    """

    def __init__(
        self,
        workers: int | None,
        words: int,
        scheduler: str | None = None,
        work: Work = brief_line,
        quiet: bool = True,
        chunk: int = DASK_CHUNK,
    ) -> None:
        self._words = words
        self._work = work
        self._chunk_size = max(1, chunk)
        self._dask = DaskCluster(workers, scheduler, quiet=quiet)
        self._client = self._dask.client
        threads = workers or sum(self._client.nthreads().values()) or 1
        self.window = WINDOW_PER_WORKER * threads * self._chunk_size
        self._open = _Chunk([])
        self._live: list[_Chunk] = []

    def submit(self, line_number: int, raw: bytes) -> tuple[_Chunk, int]:
        chunk = self._open
        chunk.lines.append((line_number, raw))
        handle = (chunk, len(chunk.lines) - 1)
        if len(chunk.lines) >= self._chunk_size:
            self._send(chunk)
        return handle

    def _send(self, chunk: _Chunk) -> None:
        chunk.future = self._client.submit(
            brief_chunk, chunk.lines, self._words, self._work, pure=False, retries=1
        )
        self._live.append(chunk)
        if chunk is self._open:
            self._open = _Chunk([])

    def ready(self, handle: tuple[_Chunk, int]) -> bool:
        chunk, index = handle
        if chunk.records is not None:
            return True
        if chunk.singles is not None:
            single = chunk.singles[index]
            return single is not None and single.done()
        return chunk.future is not None and chunk.future.done()

    def result(self, handle: tuple[_Chunk, int]) -> str:
        from distributed import KilledWorker

        chunk, index = handle
        if chunk.future is None:
            self._send(chunk)  # the runner waits for a line of a part-filled chunk
        if chunk.records is None and chunk.singles is None:
            try:
                chunk.records = chunk.future.result()
            except KilledWorker:
                log.warning("a Dask worker died on a chunk of stories; retrying them one by one")
                chunk.singles = [None] * len(chunk.lines)
            except (CancelledError, OSError) as exc:
                raise NewsbriefError(
                    f"lost the Dask cluster ({type(exc).__name__}: {exc})"
                ) from None
            except Exception as exc:
                chunk.records = [
                    error_record(n, story_id_of(raw, n), failure_message(exc))
                    for n, raw in chunk.lines
                ]
            finally:
                chunk.future.release()
        records = chunk.records
        record = records[index] if records is not None else self._single(chunk, index)
        if index == len(chunk.lines) - 1 and chunk in self._live:
            self._live.remove(chunk)
        return record

    def _single(self, chunk: _Chunk, index: int) -> str:
        from distributed import KilledWorker

        assert chunk.singles is not None
        n, raw = chunk.lines[index]
        future = chunk.singles[index]
        if future is None:
            future = chunk.singles[index] = self._client.submit(
                self._work, n, raw, self._words, pure=False, retries=1
            )
        try:
            return future.result()
        except KilledWorker:
            return error_record(n, story_id_of(raw, n), WORKER_DIED)
        except (CancelledError, OSError) as exc:
            raise NewsbriefError(f"lost the Dask cluster ({type(exc).__name__}: {exc})") from None
        except Exception as exc:
            return error_record(n, story_id_of(raw, n), failure_message(exc))
        finally:
            future.release()

    def finished(self, handle: tuple[_Chunk, int]) -> str | None:
        """The record of a line that is already briefed, else None (never waits)."""
        chunk, index = handle
        try:
            if chunk.records is None and chunk.singles is None:
                if chunk.future is None or chunk.future.status != "finished":
                    return None
                chunk.records = chunk.future.result(timeout=5)
            if chunk.records is not None:
                return chunk.records[index]
            future = chunk.singles[index]
            if future is None or future.status != "finished":
                return None
            return future.result(timeout=5)
        except Exception:
            return None

    def close(self, cancel: bool = False) -> None:
        try:
            if cancel and self._live:
                futures = []
                for chunk in self._live:
                    futures.extend([chunk.future, *(chunk.singles or ())])
                self._client.cancel([f for f in futures if f is not None])
        except Exception as exc:  # closing must not hide why we are closing
            log.debug("cancelling dask futures: %s", exc)
        self._dask.close()
