"""Story grouping: sort a mixed pile (or stream) of articles into stories.

>>> grouping = group_articles(articles)          # doctest: +SKIP
>>> for story in grouping.stories: ...           # doctest: +SKIP

Or incrementally, keeping the state between runs::

    grouper = StoryGrouper()
    grouper.add_many(todays_articles)
    grouper.save(state_dir)
    ...
    grouper = StoryGrouper.load(state_dir)
    grouper.add(article)

The modules each do one job: :mod:`.features` (cleaning, lead terms,
shingles), :mod:`.neardup` (MinHash LSH), :mod:`.centroids` (story vectors and
the candidate index), :mod:`.params` (the settings), :mod:`.grouper` (the
assignment rules), :mod:`.refine` (the merges after assignment), :mod:`.state`
(the snapshot on disk, saved atomically), :mod:`.evaluate` (B-cubed, ARI) and
:mod:`.distributed` (the same grouping with the features computed on Dask, on
the cluster of :mod:`newsbrief.cluster`).
"""

from .distributed import add_many_dask, group_articles_dask
from .evaluate import adjusted_rand, bcubed
from .grouper import DEFAULT_THRESHOLD, GrouperParams, StoryGrouper, group_articles
from .groups import Grouping, StoryGroup

__all__ = [
    "DEFAULT_THRESHOLD",
    "GrouperParams",
    "Grouping",
    "StoryGroup",
    "StoryGrouper",
    "add_many_dask",
    "adjusted_rand",
    "bcubed",
    "group_articles",
    "group_articles_dask",
]
