"""Facts across sources: which sentences of different articles say the same thing.

A fact is a sentence together with its closest echo in every other article
that reports it (cosine at or above the citation threshold, so the fact map
and the summary's citations never disagree about who reports what). Each
sentence belongs to one fact at most; facts seeded by the most widely echoed
sentences are formed first, so the big shared facts come out whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..align import CITE_THRESHOLD, SentenceSpace
from ..model import Story

_FULL_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class SentenceGroup:
    """Rows of sentences (one per article) stating one fact; ``rows[0]`` is
    the representative wording."""

    rows: tuple[int, ...]
    articles: tuple[int, ...]
    weight: float


def quotable(story: Story, space: SentenceSpace, min_words: int = 6, max_words: int = 60):
    """Sentences fit to be shown as a fact: complete, neither fragments nor walls of text."""
    # The length, one array operation, rules out many rows before any text is read.
    lengths = np.asarray(space.lengths)
    fit = (lengths >= min_words) & (lengths <= max_words)
    sentences = story.sentences
    for row in np.flatnonzero(fit).tolist():
        text = sentences[row].text
        if text[:1].islower() or _FULL_SENTENCE.search(text) is None:
            fit[row] = False
    return fit


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
    free = fit.copy()
    groups = []
    for seed in order.tolist():
        if not free[seed]:
            continue
        sims = space.similar_to(seed)
        candidates = np.flatnonzero((sims >= threshold) & free)
        rows = [seed]
        taken = {articles[seed]}
        for row in candidates[np.argsort(-sims[candidates], kind="stable")].tolist():
            article = articles[row]
            if article not in taken:
                taken.add(article)
                rows.append(row)
        if len(rows) < 2:
            continue
        free[rows] = False
        groups.append(
            SentenceGroup(
                rows=tuple(rows),
                articles=tuple(sorted(taken)),
                weight=float(sims[rows[1:]].sum()),
            )
        )
    groups.sort(key=lambda g: (-len(g.articles), -g.weight))
    return groups


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
