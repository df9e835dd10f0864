"""The grouping step of ``stories`` and ``digest``: reading the articles, and
the --state policy.

The policy: a --state folder that holds anything is loaded and extended (its
saved settings win over --threshold, with a warning); an empty or missing one
starts a new grouping; after grouping and refining, the state is saved back
with :meth:`StoryGrouper.save` (which owns how the files are written).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NewsbriefError
from ..ingest import StoryError, read_stories
from ..model import Article
from .options import error

if TYPE_CHECKING:
    from ..stories import Grouping, StoryGrouper

log = logging.getLogger("newsbrief")


def read_articles(paths: list[str], errors: list[str]) -> Iterator[Article]:
    """Every article of the input, as it is read (ids kept unique); a bad story is
    reported on stderr, added to ``errors`` and skipped."""
    seen: set[str] = set()
    for item in read_stories(paths):
        if isinstance(item, StoryError):
            errors.append(item.error)
            error(item.error)
            continue
        for article in item.articles:
            if article.id in seen:
                log.warning("%s: article id seen before, skipped", article.id)
                continue
            seen.add(article.id)
            yield article


def make_grouper(args: argparse.Namespace) -> StoryGrouper:
    """The grouper to add to: the one saved in --state if it holds one, else a new one."""
    from ..stories import StoryGrouper

    kwargs = {} if args.threshold is None else {"threshold": args.threshold}
    state = getattr(args, "state", None)
    from ..stories.state import has_state

    # A save cut off between its renames leaves DIR.old and no DIR: load that too.
    # A folder that holds something else is read (and refused with its reason), not replaced.
    if state and (has_state(Path(state)) or (Path(state).is_dir() and any(Path(state).iterdir()))):
        if args.threshold is not None:
            log.warning("--threshold ignored: %s keeps the settings it was made with", state)
        try:
            return StoryGrouper.load(Path(state))
        except (OSError, ValueError, KeyError) as exc:
            raise NewsbriefError(f"--state {state}: cannot load the grouping ({exc})") from None
    return StoryGrouper(**kwargs)


def group(args: argparse.Namespace, articles: Iterable[Article]) -> Grouping:
    """Group the articles (into the --state grouping when given, saving it after)."""
    grouper = make_grouper(args)
    engine, scheduler = getattr(args, "engine", None), getattr(args, "scheduler", None)
    if scheduler and engine == "local":
        raise NewsbriefError("--scheduler needs --engine dask")
    if engine == "dask" or scheduler:
        from ..stories import add_many_dask

        # Features are computed on the workers; assignment stays in input order
        # here, so the grouping is the same as the local one.
        add_many_dask(
            grouper,
            articles,
            scheduler=scheduler,
            workers=args.workers,
            progress=sys.stderr.isatty(),
        )
    else:
        grouper.add_many(articles, progress=sys.stderr.isatty())
    grouper.refine()
    state = getattr(args, "state", None)
    if state:
        try:
            grouper.save(Path(state))
        except OSError as exc:
            raise NewsbriefError(f"--state {state}: cannot save ({exc.strerror})") from None
    return grouper.grouping()
