"""What an engine is: the one interface the runner uses, and what every engine shares.

An engine takes input lines (:meth:`Engine.submit`) and hands back their OUT
records (:meth:`Engine.result`) in whatever order it is asked; the runner
asks in input order. Engines turn what can go wrong with a worker (a crash, a
kill, memory running out) into an error record for the story it was briefing,
so the batch goes on; only losing the whole cluster is an error of the batch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

#: Lines in flight per worker: enough to keep every worker busy while the
#: runner waits for the oldest, few enough to bound memory and the reorder buffer.
WINDOW_PER_WORKER = 4
WORKER_DIED = "the worker process died while briefing this story (killed, crashed or out of memory)"

#: What a worker runs per line: ``(line number, raw line, words) -> OUT record``
#: (:func:`~newsbrief.batch.work.brief_line`; tests pass their own).
Work = Callable[[int, bytes, int], str]


class Engine(Protocol):
    """What the runner needs of an engine."""

    #: How many lines the runner keeps in flight.
    window: int

    def submit(self, line_number: int, raw: bytes) -> Any:
        """Start briefing a line; returns the handle the other methods take."""
        ...

    def ready(self, handle: Any) -> bool:
        """Whether :meth:`result` would return without waiting."""
        ...

    def result(self, handle: Any) -> str:
        """The line's OUT record (waits for it; an error record if it failed)."""
        ...

    def finished(self, handle: Any) -> str | None:
        """The record of a line already briefed, else None (never waits)."""
        ...

    def close(self, cancel: bool = False) -> None:
        """Stop the workers (``cancel``: drop what is still in flight)."""
        ...


def failure_message(exc: BaseException) -> str:
    """The error record's message for a story whose work raised ``exc``."""
    if isinstance(exc, MemoryError):
        return "out of memory while briefing this story"
    return f"internal error: {type(exc).__name__}: {exc}"
