"""Facts across sources: which sentences of different articles say the same thing.

A fact is a sentence together with its closest echo in every other article
that reports it (cosine at or above the citation threshold, so the fact map
and the summary's citations never disagree about who reports what). Each
sentence belongs to one fact at most; facts seeded by the most widely echoed
sentences are formed first, so the big shared facts come out whole. Only
quotable sentences (``newsbrief.quotable``, the summarizer's rule too) are
shown as facts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..align import CITE_THRESHOLD, SentenceSpace
from ..model import Story
from ..quotable import quotable

__all__ = ["SentenceGroup", "group_facts", "quotable", "unique_rows"]


@dataclass(frozen=True, slots=True)
class SentenceGroup:
    """Rows of sentences (one per article) stating one fact; ``rows[0]`` is
    the representative wording."""

    rows: tuple[int, ...]
    articles: tuple[int, ...]
    weight: float


def group_facts(
    story: Story, space: SentenceSpace, fit: np.ndarray, threshold: float = CITE_THRESHOLD
) -> list[SentenceGroup]:
    """Every quotable (``fit``) sentence reported by at least two articles, grouped into facts."""
    n = len(story.sentences)
    if n == 0 or space.n_articles < 2:
        return []
    support = (space.echo >= threshold).sum(axis=1)
    seeds = np.flatnonzero(fit & (support > 0))
    if not len(seeds):
        return []
    strength = space.echo.sum(axis=1)
    order = seeds[np.lexsort((-strength[seeds], -support[seeds]))]
    articles = space.article_of(np.arange(n)).tolist()
    # Quotable and not yet in a fact. The seed's own article need not be masked:
    # its rows are skipped below as an article already taken.
    free = fit.tolist()
    near = _near_rows(space, order, fit, threshold)
    groups = []
    for number, seed in enumerate(order.tolist()):
        if not free[seed]:
            continue
        # Closest first; the sort is stable, so ties keep row order.
        candidates = [(row, sim) for row, sim in near[number] if free[row]]
        candidates.sort(key=lambda c: -c[1])
        rows = [seed]
        taken = {articles[seed]}
        for row, _ in candidates:
            article = articles[row]
            if article not in taken:
                taken.add(article)
                rows.append(row)
        if len(rows) < 2:
            continue
        for row in rows:
            free[row] = False
        groups.append(
            SentenceGroup(
                rows=tuple(rows),
                articles=tuple(sorted(taken)),
                weight=float(space.similar_to(seed)[rows[1:]].sum()),
            )
        )
    groups.sort(key=lambda g: (-len(g.articles), -g.weight))
    return groups


def _near_rows(
    space: SentenceSpace, seeds: np.ndarray, fit: np.ndarray, threshold: float
) -> list[list[tuple[int, float]]]:
    """For each seed, the quotable rows at or above ``threshold`` with their cosines,
    in row order: one array operation for all seeds where the story's cosine
    matrix is at hand, instead of several per seed (:func:`_near_rows_per_seed`,
    the rule it shortcuts)."""
    if space.cosines is None:
        return _near_rows_per_seed(space, seeds, fit, threshold)
    block = space.cosines[seeds]
    which, rows = np.nonzero((block >= threshold) & fit)
    sims = block[which, rows].tolist()
    bounds = np.searchsorted(which, np.arange(len(seeds) + 1)).tolist()
    pairs = list(zip(rows.tolist(), sims, strict=True))
    return [pairs[bounds[k] : bounds[k + 1]] for k in range(len(seeds))]


def _near_rows_per_seed(
    space: SentenceSpace, seeds: np.ndarray, fit: np.ndarray, threshold: float
) -> list[list[tuple[int, float]]]:
    """:func:`_near_rows` one seed at a time, from each seed's row of cosines."""
    out = []
    for seed in seeds.tolist():
        sims = space.similar_to(seed)
        rows = np.flatnonzero((sims >= threshold) & fit)
        out.append(list(zip(rows.tolist(), sims[rows].tolist(), strict=True)))
    return out


def unique_rows(
    story: Story,
    space: SentenceSpace,
    fit: np.ndarray,
    centrality: np.ndarray,
    limit: int,
    threshold: float = CITE_THRESHOLD,
    informative: np.ndarray | Callable[[int], bool] | None = None,
) -> list[int]:
    """The most central sentences that no other article echoes: facts only one
    source reports. ``informative`` marks sentences worth reporting (a number,
    a date, a name); at most two per article, so one outlet cannot fill the list.
    As a function it is asked only about the rows the list gets to, so that
    costly checks are spent on a handful of sentences, not on every one."""
    if space.n_articles < 2:
        return []
    fit = fit & ((space.echo >= threshold).sum(axis=1) == 0)
    if isinstance(informative, np.ndarray):
        fit &= informative
        informative = None
    rows = np.flatnonzero(fit)
    rows = rows[np.argsort(-centrality[rows], kind="stable")]
    per_article: dict[int, int] = {}
    chosen = []
    for row in rows:
        article = story.sentences[row].article
        if per_article.get(article, 0) >= 2:
            continue
        if informative is not None and not informative(int(row)):
            continue
        per_article[article] = per_article.get(article, 0) + 1
        chosen.append(int(row))
        if len(chosen) == limit:
            break
    return chosen
