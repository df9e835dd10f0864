"""Refining a grouping: the merges that assignment on arrival leaves undone.

:meth:`~.grouper.StoryGrouper.refine` runs three phases, each a function here,
over the stories opened since the last refine (see the grouper's module
docstring for why each exists):

1. :func:`merge_pairs`: average-linkage agglomeration, best pair first, of
   stories told in full while their members are on average alike enough
   (``merge_threshold``); stories of bare headlines met on the way are set
   aside for phase 3.
2. :func:`attach_lone`: a new story of one article joins its plainly best
   candidate (``attach_threshold``, ``attach_margin``).
3. :func:`attach_headlines`: a story of bare headlines joins the story whose
   centroid it resembles (``headline_threshold``), now that the full stories
   are whole.

The phases change the grouper's per-story records in place, through a
:class:`StoryTable` that holds them (not copies); this module knows nothing
of the grouper itself. One function with the three phases as closures was
the alternative: 160 lines that could not be read, or tested, one phase at a
time.
"""

from __future__ import annotations

import heapq
from array import array
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from .centroids import StoryIndex
from .params import GrouperParams


def widen_range(
    firsts: list[date | None], lasts: list[date | None], story: int,
    first: date | None, last: date | None,
) -> None:  # fmt: skip
    """Extend story ``story``'s date range (``firsts``/``lasts``) to cover ``first``..``last``."""
    if first is not None:
        current = firsts[story]
        firsts[story] = first if current is None else min(current, first)
    if last is not None:
        current = lasts[story]
        lasts[story] = last if current is None else max(current, last)


@dataclass(slots=True)
class StoryTable:
    """The grouper's per-story records, by story number, shared with it: what
    refining reads and changes."""

    index: StoryIndex
    #: The story each was merged into (itself while alive).
    alias: array
    #: Articles in its centroid (near-copies and headlines of a full story are not).
    size: array
    #: Squared length of the sum of their unit vectors.
    norm2: array
    #: 1 while every member is a bare headline.
    heads: array
    first: list[date | None]
    last: list[date | None]
    #: Cached titles; a story that changes loses its own.
    titles: dict[int, str]
    window: timedelta

    def ranges_meet(self, a: int, b: int) -> bool:
        """Whether two stories' date ranges come within the window of each other."""
        first, last = self.first, self.last
        if first[a] is None or first[b] is None:
            return True
        return first[a] - self.window <= last[b] and first[b] - self.window <= last[a]


@dataclass(slots=True)
class Merging:
    """One refine's working numbers: float copies of the sizes and lengths,
    each story's cohesion (its members' mean cosine with their centroid, see
    :meth:`.centroids.StoryIndex.linkage`) and a version that changes with
    every merge into it (so that stale heap entries are skipped)."""

    table: StoryTable
    params: GrouperParams
    sizes: np.ndarray
    norms: np.ndarray
    cohesion: np.ndarray
    version: np.ndarray

    @classmethod
    def start(cls, table: StoryTable, params: GrouperParams) -> Merging:
        sizes = np.asarray(table.size, dtype=np.float64)
        norms = np.sqrt(np.asarray(table.norm2, dtype=np.float64))
        cohesion = np.minimum(norms / sizes, 1.0)
        version = np.zeros(len(sizes), dtype=np.int64)
        return cls(table, params, sizes, norms, cohesion, version)

    def merge(self, a: int, b: int, mean: float) -> int:
        """Fold the younger of two stories (mean pairwise cosine ``mean``) into
        the older one, whose number is returned."""
        table, sizes, norms = self.table, self.sizes, self.norms
        heads, index = table.heads, table.index
        older, younger = min(a, b), max(a, b)
        if heads[older] == heads[younger]:
            # |S_a + S_b|^2 = |S_a|^2 + |S_b|^2 + 2 (mean cosine) n_a n_b.
            cross = mean * sizes[older] * sizes[younger]
            norms[older] = (norms[older] ** 2 + norms[younger] ** 2 + 2.0 * cross) ** 0.5
            index.merge(older, younger)
            sizes[older] += sizes[younger]
        else:  # bare headlines join a full story and leave its centroid as it is
            full = younger if heads[older] else older
            index.merge(older, younger, centroid=full)
            sizes[older], norms[older] = sizes[full], norms[full]
            heads[older] = 0
        table.alias[younger] = older
        self.cohesion[older] = min(norms[older] / sizes[older], 1.0)
        table.size[older] = int(sizes[older])
        table.norm2[older] = float(norms[older] ** 2)
        self.version[older] += 1
        widen_range(table.first, table.last, older, table.first[younger], table.last[younger])
        table.titles.pop(older, None)
        return older


def merge_pairs(merging: Merging, start: int) -> tuple[int, set[int]]:
    """Phase 1: merge stories told in full by average linkage, best pair first,
    from the stories numbered ``start`` on; returns the merges and the stories
    of bare headlines met (for :func:`attach_headlines`)."""
    table, params = merging.table, merging.params
    index, heads = table.index, table.heads
    cohesion, version = merging.cohesion, merging.version
    heap: list[tuple[float, int, int, int, int]] = []
    pending: set[int] = set()

    def push(story: int) -> None:
        if heads[story]:
            pending.add(story)
            return
        others = []
        for other in index.candidates(index.centroid_vector(story)):
            if heads[other]:
                pending.add(other)
            elif other != story:
                others.append(other)
        if not others:
            return
        linkage = index.linkage(story, others, cohesion)
        for other, value in zip(others, linkage.tolist(), strict=True):
            if value >= params.merge_threshold:
                a, b = min(story, other), max(story, other)
                heapq.heappush(heap, (-value, a, b, int(version[a]), int(version[b])))

    for story in range(start, len(table.alias)):
        if index.alive(story):
            push(story)
    merges = 0
    while heap:
        value, older, younger, seen_older, seen_younger = heapq.heappop(heap)
        if (
            seen_older != version[older]
            or seen_younger != version[younger]
            or not index.alive(older)
            or not index.alive(younger)
        ):
            continue  # a story changed since this pair was scored
        if -value < params.time_override and not table.ranges_meet(older, younger):
            continue
        push(merging.merge(older, younger, -value))
        merges += 1
    return merges, pending


def attach_lone(merging: Merging, start: int, story_of: array, dup_of: array) -> int:
    """Phase 2: each story from ``start`` on that still has one report (its
    articles' stories on arrival are ``story_of``; near-copies, marked in
    ``dup_of``, do not count) joins its plainly best candidate; returns the merges."""
    table, params = merging.table, merging.params
    index, heads = table.index, table.heads
    cohesion, version = merging.cohesion, merging.version
    lone: list[tuple[float, int, int, int]] = []

    def offer(story: int) -> None:
        """Queue a story of one article for its best candidate, if that
        is plainly the best one."""
        others = [
            other
            for other in index.candidates(index.centroid_vector(story))
            if other != story and not heads[other]
        ]
        if not others:
            return
        linkage = index.linkage(story, others, cohesion)
        best = int(np.argmax(linkage))
        value = float(linkage[best])
        second = float(np.partition(linkage, -2)[-2]) if len(others) > 1 else 0.0
        if value >= params.attach_threshold and value >= params.attach_margin * second:
            target = others[best]
            heapq.heappush(lone, (-value, story, target, int(version[target])))

    # Reports (near-copies aside, bare headlines included) of each new story;
    # a new story has only the articles that joined it on arrival so far.
    total = len(table.alias)
    arrived = np.frombuffer(story_of, dtype=np.int64)
    fresh = (arrived >= start) & (np.frombuffer(dup_of, dtype=np.int64) < 0)
    reports = np.bincount(arrived[fresh] - start, minlength=total - start)
    for story in range(start, total):
        alone = reports[story - start] == 1 and not (heads[story] or version[story])
        if alone and index.alive(story):
            offer(story)
    merges = 0
    while lone:
        value, story, target, seen = heapq.heappop(lone)
        if not index.alive(story) or version[story]:
            continue  # it has joined a story, or another lone article joined it
        if not index.alive(target) or seen != version[target]:
            offer(story)  # its best candidate changed since: look again
            continue
        if -value < params.time_override and not table.ranges_meet(story, target):
            continue
        merging.merge(story, target, -value)
        merges += 1
    return merges


def attach_headlines(merging: Merging, pending: set[int]) -> int:
    """Phase 3: each story of bare headlines in ``pending`` joins its most
    similar candidate whose centroid it resembles enough, in story order;
    returns the merges."""
    table, params = merging.table, merging.params
    index, heads = table.index, table.heads
    merges = 0
    waiting = sorted(pending, reverse=True)
    while waiting:
        story = waiting.pop()
        if not index.alive(story) or not heads[story]:
            continue
        query = index.centroid_vector(story)
        others = [s for s in index.candidates(query) if s != story]
        if not others:
            continue
        similarities = index.similarities(query, others)
        for rank in np.argsort(-similarities, kind="stable").tolist():
            similarity = float(similarities[rank])
            if similarity < params.headline_threshold:
                break
            other = others[rank]
            if similarity >= params.time_override or table.ranges_meet(story, other):
                mean = float(index.linkage(story, [other], merging.cohesion)[0])
                merged = merging.merge(story, other, mean)
                merges += 1
                if heads[merged]:  # two headline stories: look again for a full one
                    waiting.append(merged)
                break
    return merges


def refine_stories(
    table: StoryTable, params: GrouperParams, start: int, story_of: array, dup_of: array
) -> int:
    """The three phases over the stories numbered ``start`` on (those opened
    since the last refine); returns the number of merges."""
    merging = Merging.start(table, params)
    merges, pending = merge_pairs(merging, start)
    merges += attach_lone(merging, start, story_of, dup_of)
    merges += attach_headlines(merging, pending)
    return merges
