"""Where the stories are briefed: a local process pool, or a Dask cluster.

One interface (:class:`~.base.Engine`, in :mod:`.base`) and one module per
engine: :mod:`.local` (:class:`LocalEngine`, worker processes on this
machine) and :mod:`.dask` (:class:`DaskEngine`, tasks of a Dask cluster, the
cluster itself being :class:`newsbrief.cluster.DaskCluster`). :func:`make_engine`
picks one by name for the runner.
"""

from __future__ import annotations

from ...cluster import DaskCluster, default_workers
from ...errors import NewsbriefError
from ..work import brief_line
from .base import WINDOW_PER_WORKER, WORKER_DIED, Engine, Work, failure_message
from .dask import DASK_CHUNK, DaskEngine
from .local import PARENT_CHECK_INTERVAL, LocalEngine

#: The engines :func:`make_engine` knows, by name.
ENGINES = ("local", "dask")

__all__ = [
    "DASK_CHUNK",
    "ENGINES",
    "PARENT_CHECK_INTERVAL",
    "WINDOW_PER_WORKER",
    "WORKER_DIED",
    "DaskCluster",
    "DaskEngine",
    "Engine",
    "LocalEngine",
    "Work",
    "default_workers",
    "failure_message",
    "make_engine",
]


def make_engine(
    engine: str,
    workers: int | None,
    words: int,
    scheduler: str | None = None,
    work: Work = brief_line,
    quiet: bool = True,
) -> Engine:
    """The engine named ``engine`` ("local" or "dask"), ready for lines."""
    if engine == "local":
        if scheduler:
            raise NewsbriefError("--scheduler needs --engine dask")
        return LocalEngine(workers or default_workers(), words, work)
    if engine == "dask":
        return DaskEngine(workers, words, scheduler, work, quiet)
    raise NewsbriefError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")
