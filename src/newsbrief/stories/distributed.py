"""Story grouping on Dask: the stories of :class:`~.grouper.StoryGrouper`, sooner.

>>> grouping = group_articles_dask(articles, workers=4)        # doctest: +SKIP

Where a grouper's time goes (20,000 multinews and DUC articles, one core):
about three quarters is per article and pure (cleaning, analysing, lead
weights, shingles, the MinHash signature: a function of the article and the
settings alone), one quarter is the assignment (the near-copy lookup, the
candidate search, the centroid updates), which depends on every earlier
article and on the order they came in.

So the pure part is partitioned: consecutive chunks of the input are sent to
the workers, which return each article's features and MinHash values (not its
shingles). The near-duplicate and candidate searches and the assignment run on
the client, in one :class:`~.grouper.StoryGrouper` fed in input order
(:meth:`~.grouper.StoryGrouper.add_extracted`) while the workers go on with the
next chunks. The merge is therefore the grouper itself, and the grouping is
*the same* as the local one, story ids, titles, duplicates and all, with any
number of workers: no tolerance to tune, nothing that depends on the
partitioning. It also means ``--state`` works as with the local engine.

The price is that the client's share (about 0.2 ms per article on one core)
bounds the speed-up at about four times one core, however many workers. Ways
past it, such as grouping time windows on separate workers and merging their
stories, give a grouping that depends on the windows (document frequencies,
the stories an article can join, near-copies across a boundary); see
docs/batch.md for when that would be worth it.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError
from dataclasses import replace
from itertools import islice
from typing import Any

import numpy as np

from ..errors import NewsbriefError
from ..model import Article
from .features import ArticleFeatures
from .grouper import GrouperParams, StoryGrouper, extraction_tools
from .groups import Grouping

log = logging.getLogger(__name__)

#: Articles per task: a task costs the scheduler and the client a few
#: milliseconds, extracting an article about half a millisecond.
DEFAULT_CHUNK = 200
#: Chunks in flight per worker thread: enough that no worker waits for the
#: client, few enough to bound the client's memory.
CHUNKS_PER_THREAD = 3

#: What a worker returns per article: its features (without shingles, terms as
#: int32) and MinHash values (None without shingles), or None if unusable.
Extracted = tuple[ArticleFeatures, np.ndarray | None] | None


def extract_chunk(rows: list[tuple[str, str, str]], params: GrouperParams) -> list[Extracted]:
    """The features of ``(id, title, text)`` rows, as a grouper with ``params``
    would compute them; what a Dask worker runs.

    Shingles are reduced to their MinHash here (a few hundred bytes instead of
    a few kilobytes), and terms travel as int32 (bucket ids are below 2**31).
    """
    extractor, dups = extraction_tools(params)
    out: list[Extracted] = []
    for article_id, title, text in rows:
        features = extractor.extract(Article(id=article_id, source="", text=text, title=title))
        if features is None:
            out.append(None)
            continue
        minhash = dups.signature(features.shingles)
        compact = replace(features, terms=features.terms.astype(np.int32), shingles=[])
        out.append((compact, None if minhash is None else minhash.hashvalues))
    return out


def add_many_dask(
    grouper: StoryGrouper,
    articles: Iterable[Article],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    client: Any = None,
    chunk: int = DEFAULT_CHUNK,
    progress: bool = False,
    quiet: bool = True,
) -> None:
    """Add ``articles`` to ``grouper`` in order, as :meth:`StoryGrouper.add_many`
    does, with their features computed on Dask.

    The cluster is ``client``'s if given (left open), else the one at
    ``scheduler``, else a LocalCluster on 127.0.0.1 with ``workers``
    single-threaded worker processes (default: the CPUs this process may use),
    started and closed here. ``articles`` is read as it goes: only
    a few chunks per worker are in memory at a time.
    """
    if workers is not None and workers < 1:
        raise NewsbriefError(f"--workers must be at least 1, got {workers}")
    if client is not None:
        _feed_all(grouper, articles, client, chunk, progress)
        return
    from ..cluster import DaskCluster

    with DaskCluster(workers, scheduler, quiet=quiet, saturation=None) as cluster:
        _feed_all(grouper, articles, cluster.client, chunk, progress)


def group_articles_dask(
    articles: Iterable[Article],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    client: Any = None,
    refine: bool = True,
    chunk: int = DEFAULT_CHUNK,
    progress: bool = False,
    quiet: bool = True,
    **params: Any,
) -> Grouping:
    """:func:`~.grouper.group_articles` on Dask: the same grouping (see the
    module docstring); the cluster is chosen as in :func:`add_many_dask`, and
    ``params`` are the grouper's options."""
    grouper = StoryGrouper(**params)
    add_many_dask(
        grouper,
        articles,
        scheduler=scheduler,
        workers=workers,
        client=client,
        chunk=chunk,
        progress=progress,
        quiet=quiet,
    )
    if refine:
        grouper.refine()
    return grouper.grouping()


def _feed_all(
    grouper: StoryGrouper, articles: Iterable[Article], client: Any, chunk: int, progress: bool
) -> None:
    threads = sum(client.nthreads().values()) or 1
    window = CHUNKS_PER_THREAD * threads
    pending: deque[tuple[list[Article], Any]] = deque()
    bar = _progress_bar() if progress else None
    try:
        for batch in _chunks(articles, max(1, chunk)):
            rows = [(a.id, a.title, a.text) for a in batch]
            future = client.submit(extract_chunk, rows, grouper.params, pure=False, retries=1)
            pending.append((batch, future))
            if len(pending) >= window:
                _feed(grouper, *pending.popleft(), bar)
        while pending:
            _feed(grouper, *pending.popleft(), bar)
    finally:
        if pending:
            _cancel(client, [future for _, future in pending])
        if bar is not None:
            bar.close()


def _feed(grouper: StoryGrouper, batch: list[Article], future: Any, bar: Any) -> None:
    """Wait for one chunk's features and assign its articles, in order."""
    from distributed import KilledWorker

    try:
        extracted = future.result()
    except KilledWorker as exc:
        raise NewsbriefError(
            f"Dask workers kept dying while extracting features of article {batch[0].id!r} "
            f"and the {len(batch) - 1} after it ({exc})"
        ) from None
    except (CancelledError, OSError) as exc:
        raise NewsbriefError(f"lost the Dask cluster ({type(exc).__name__}: {exc})") from None
    finally:
        future.release()
    for article, item in zip(batch, extracted, strict=True):
        if item is None:
            grouper.add_extracted(article, None, None)
        else:
            features, signature = item
            terms = features.terms.astype(np.int64)
            grouper.add_extracted(article, replace(features, terms=terms), signature)
    if bar is not None:
        bar.update(len(batch))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _cancel(client: Any, futures: list[Any]) -> None:
    """Cancel what is still in flight; an error here must not hide why we stop."""
    try:
        client.cancel(futures)
    except Exception as exc:
        log.debug("cancelling dask futures: %s", exc)


def _progress_bar() -> Any:
    from tqdm import tqdm

    return tqdm(unit="article", desc="grouping (dask)", file=sys.stderr)
