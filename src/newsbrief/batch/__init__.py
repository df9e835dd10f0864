"""Briefing a JSON Lines file of stories in parallel: ``newsbrief batch``.

One brief per input story, written to OUT in input order, the same bytes
whichever engine (a local process pool or a Dask cluster) and however many
workers made them. OUT is also the batch's state: a rerun skips the stories it
holds, so an interrupted batch is finished by running it again. See
docs/batch.md.
"""

from __future__ import annotations

from .engines import ENGINES, DaskEngine, LocalEngine, default_workers
from .runner import BatchResult, run_batch
from .work import brief_line

__all__ = [
    "ENGINES",
    "BatchResult",
    "DaskEngine",
    "LocalEngine",
    "brief_line",
    "default_workers",
    "run_batch",
]
