"""The local engine: a pool of worker processes on this machine.

Workers are forked by :class:`~concurrent.futures.ProcessPoolExecutor`, leave
Ctrl-C to the batch process and end with it (see :func:`_init_worker`). A
worker that dies takes every story in flight with it; they are sent again,
and one in flight at two deaths is briefed alone, so only a story that kills
its worker by itself gets an error record.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

from ..work import brief_line, error_record, story_id_of
from .base import WINDOW_PER_WORKER, WORKER_DIED, Work, failure_message

log = logging.getLogger(__name__)

#: Seconds between a pool worker's checks that its parent is alive.
PARENT_CHECK_INTERVAL = 1.0


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
