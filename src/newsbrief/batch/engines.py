"""Where the stories are briefed: a local process pool, or a Dask cluster.

An engine takes input lines (:meth:`submit`) and hands back their OUT records
(:meth:`result`) in whatever order it is asked; the runner asks in input
order. Engines turn what can go wrong with a worker (a crash, a kill, memory
running out) into an error record for the story it was briefing, so the batch
goes on; only losing the whole cluster is an error of the batch.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from .. import __version__
from ..errors import NewsbriefError
from .work import brief_chunk, brief_line, error_record, story_id_of, worker_version

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")
#: Lines in flight per worker: enough to keep every worker busy while the
#: runner waits for the oldest, few enough to bound memory and the reorder buffer.
WINDOW_PER_WORKER = 4
#: Lines per Dask task (see :class:`_Chunk`).
DASK_CHUNK = 8
#: Seconds between a pool worker's checks that its parent is alive.
PARENT_CHECK_INTERVAL = 1.0
WORKER_DIED = "the worker process died while briefing this story (killed, crashed or out of memory)"

Work = Callable[[int, bytes, int], str]


class Engine(Protocol):
    """What the runner needs of an engine."""

    window: int

    def submit(self, line_number: int, raw: bytes) -> Any: ...
    def ready(self, handle: Any) -> bool: ...
    def result(self, handle: Any) -> str: ...
    def finished(self, handle: Any) -> str | None: ...
    def close(self, cancel: bool = False) -> None: ...


def default_workers() -> int:
    """The CPUs this process may use (not the machine's, under a CPU limit)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def failure_message(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "out of memory while briefing this story"
    return f"internal error: {type(exc).__name__}: {exc}"


#: Signals a pool worker must not take as the batch process does (see :func:`_init_worker`).
_WORKER_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


def _init_worker() -> None:
    """Workers leave Ctrl-C to the parent, which writes what is finished and
    stops them (otherwise every worker would print its own traceback), and end
    when the parent does: a pool worker whose parent was killed (kill -9, the
    OOM killer) would otherwise wait on its task queue for ever. A SIGTERM kills
    a worker outright (the parent's handler, inherited through fork, would turn
    it into a traceback); the pool replaces a worker killed alone.

    Both signals arrive blocked (see :func:`_forking`) and are unblocked only
    once their handling is settled, so one sent to the process group while
    the worker was starting is ignored (SIGINT) or ends it quietly (SIGTERM)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _WORKER_SIGNALS)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="newsbrief-parent-watch", daemon=True).start()


@contextmanager
def _forking() -> Iterator[None]:
    """Block SIGINT and SIGTERM in this thread while it may fork pool workers
    (the pool forks them when work is submitted).

    A forked child starts with its parent's signal handlers, so a Ctrl-C that
    reaches the process group after a fork but before the child's initializer
    ran would kill the child with a traceback. Blocked here, the signals are
    blocked in the child from its first instruction until :func:`_init_worker`
    has set them up; in this process they are only delayed until the submit
    is done.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _WORKER_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while worker processes are started, so that they inherit
    it ignored (as :func:`_init_worker` does for the local pool): Ctrl-C then
    reaches only this process, which saves the finished stories and closes the
    cluster, instead of every Dask worker printing a traceback as it dies."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass(slots=True)
class _Task:
    line: int
    raw: bytes
    future: Future | None = None
    generation: int = 0
    attempts: int = 0
    isolate: bool = False


class LocalEngine:
    """A pool of worker processes on this machine.

    When a worker dies, :class:`ProcessPoolExecutor` fails every story in
    flight, guilty or not; the pool is then replaced and those stories are
    submitted again. A story in flight at two such deaths is briefed alone in a
    fresh process, so only a story that kills its worker by itself gets an
    error record.
    """

    def __init__(self, workers: int, words: int, work: Work = brief_line) -> None:
        self.workers = workers
        self.window = WINDOW_PER_WORKER * workers
        self._words = words
        self._work = work
        self._generation = 0
        self._live: dict[int, _Task] = {}
        self._pool = self._new_pool(workers)

    @staticmethod
    def _new_pool(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)

    def submit(self, line_number: int, raw: bytes) -> _Task:
        task = _Task(line_number, raw)
        self._start(task)
        self._live[line_number] = task
        return task

    def _start(self, task: _Task) -> None:
        task.generation = self._generation
        with _forking():
            task.future = self._pool.submit(self._work, task.line, task.raw, self._words)

    def ready(self, handle: _Task) -> bool:
        return handle.isolate or (handle.future is not None and handle.future.done())

    def result(self, handle: _Task) -> str:
        try:
            while True:
                if handle.isolate:
                    return self._run_alone(handle)
                assert handle.future is not None
                try:
                    return handle.future.result()
                except BrokenProcessPool:
                    self._recover(handle.generation)
                except Exception as exc:
                    return self._failed(handle, exc)
        finally:
            self._live.pop(handle.line, None)

    def finished(self, handle: _Task) -> str | None:
        """The record of a line that is already briefed, else None (never waits)."""
        future = handle.future
        if handle.isolate or future is None or not future.done() or future.cancelled():
            return None
        return future.result() if future.exception() is None else None

    def _failed(self, task: _Task, exc: BaseException) -> str:
        return error_record(task.line, story_id_of(task.raw, task.line), failure_message(exc))

    def _recover(self, generation: int) -> None:
        """Replace a broken pool (once per break) and resubmit what it held."""
        if generation != self._generation:
            return  # already replaced; the task has been resubmitted
        log.warning("a worker process died; restarting the pool and retrying its stories")
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._generation += 1
        self._pool = self._new_pool(self.workers)
        for task in self._live.values():
            future = task.future
            if task.isolate or future is None:
                continue
            if (
                future.done()
                and not future.cancelled()
                and not isinstance(future.exception(), BrokenProcessPool)
            ):
                continue  # finished before the break
            task.attempts += 1
            if task.attempts >= 2:
                task.isolate = True
            else:
                self._start(task)

    def _run_alone(self, task: _Task) -> str:
        with self._new_pool(1) as pool:
            try:
                with _forking():
                    future = pool.submit(self._work, task.line, task.raw, self._words)
                return future.result()
            except BrokenProcessPool:
                return error_record(task.line, story_id_of(task.raw, task.line), WORKER_DIED)
            except Exception as exc:
                return self._failed(task, exc)

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


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


class DaskCluster:
    """A client of the Dask cluster at ``scheduler``, or of a LocalCluster on
    127.0.0.1 started here (one single-threaded worker process per
    ``workers``, default: the CPUs this process may use) and closed with it.

    Shared by ``batch`` and ``stories --engine dask``. A given scheduler's
    workers must run this newsbrief version: another one could brief or group
    differently, and the output would depend on which machine did the work.
    """

    def __init__(
        self,
        workers: int | None = None,
        scheduler: str | None = None,
        *,
        quiet: bool = True,
        saturation: float | None = 1.0,
    ) -> None:
        """``saturation`` is Dask's ``worker-saturation`` for a LocalCluster: 1.0
        gives each worker one task at a time, so that when a worker dies Dask
        blames only the task it was running (a queue there would blame
        innocents); None keeps Dask's default."""
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - a dependency
            raise NewsbriefError(
                "--engine dask needs dask.distributed: pip install 'dask[distributed]'"
            ) from None
        self._cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="10s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise NewsbriefError(
                    f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})"
                ) from None
            self._check_workers(scheduler)
            return
        n = workers or default_workers()
        import dask

        settings = {}
        if saturation is not None:
            settings["distributed.scheduler.worker-saturation"] = saturation
        try:
            with _sigint_ignored(), dask.config.set(settings):
                self._cluster = LocalCluster(
                    n_workers=n,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    # The scheduler serves HTTP (health checks) even without a
                    # dashboard, by default on 8787: any free port instead, so
                    # that another cluster on this machine costs no warning.
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    silence_logs=logging.CRITICAL if quiet else logging.WARNING,
                )
            self.client = Client(self._cluster)
        except Exception as exc:
            self._close_cluster()
            raise NewsbriefError(
                f"cannot start a Dask LocalCluster: {type(exc).__name__}: {exc}"
            ) from None

    def _check_workers(self, scheduler: str) -> None:
        """Refuse a cluster whose workers run another newsbrief (or none): their
        results would differ from this version's, or every task would fail."""
        try:
            versions = self.client.run(worker_version)
        except Exception as exc:
            self.client.close()
            raise NewsbriefError(
                f"--scheduler {scheduler}: the Dask workers cannot run newsbrief "
                f"({type(exc).__name__}: {exc}); install newsbrief {__version__} on every worker"
            ) from None
        other = sorted({str(v) for v in versions.values() if v != __version__})
        if other:
            self.client.close()
            raise NewsbriefError(
                f"--scheduler {scheduler}: Dask workers run newsbrief {', '.join(other)}, "
                f"not {__version__}; install the same version everywhere"
            )
        if not versions:
            log.warning("%s has no workers yet: tasks wait until workers join", scheduler)

    def close(self) -> None:
        """Close the client, and the LocalCluster if this started one (a given
        scheduler's cluster is left running: it is not ours)."""
        try:
            self.client.close(timeout=10)
        finally:
            self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close(timeout=10)
            self._cluster = None

    def __enter__(self) -> DaskCluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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


def make_engine(
    engine: str,
    workers: int | None,
    words: int,
    scheduler: str | None = None,
    work: Work = brief_line,
    quiet: bool = True,
) -> Engine:
    if engine == "local":
        if scheduler:
            raise NewsbriefError("--scheduler needs --engine dask")
        return LocalEngine(workers or default_workers(), words, work)
    if engine == "dask":
        return DaskEngine(workers, words, scheduler, work, quiet)
    raise NewsbriefError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")
