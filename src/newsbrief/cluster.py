"""The machine's workers and the Dask cluster that ``batch`` and ``stories`` share.

:class:`DaskCluster` starts a LocalCluster on 127.0.0.1 or connects to a
given scheduler, refuses one whose workers run another newsbrief version, and
closes what it started; :func:`default_workers` is how many worker processes
this machine gives by default. Both ``newsbrief.batch.engines`` (briefs on
Dask) and ``newsbrief.stories.distributed`` (features on Dask) import it from
here, a layer below both of them: neither package reaches into the other.

Dask is imported only when a cluster is made, so the rest of newsbrief runs
without it installed.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import NewsbriefError

log = logging.getLogger(__name__)


def default_workers() -> int:
    """The CPUs this process may use (not the machine's, under a CPU limit)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def worker_version() -> str:
    """The newsbrief version a worker runs (checked before a cluster is used)."""
    from .version import __version__

    return __version__


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while worker processes are started, so that they inherit
    it ignored (as the local pool's workers do): Ctrl-C then reaches only this
    process, which saves what is finished and closes the cluster, instead of
    every Dask worker printing a traceback as it dies."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


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
        from .version import __version__

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
