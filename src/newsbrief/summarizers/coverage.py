"""newsbrief's own method: central, widely reported, early sentences, no repeats.

A sentence earns its place by three kinds of evidence that are cheap to get
from one story: it is close to what the story as a whole is about
(centrality to the article-balanced centroid), other outlets report the same
fact (cross-source support), and it comes early in its article (news is
written lead-first). Sentences are then taken greedily by maximal marginal
relevance, so a fact told by five outlets appears once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..align import CITE_THRESHOLD, SentenceSpace
from ..lang.en.stopwords import DANGLING_OPENERS
from ..model import Story
from ..quotable import MAX_WORDS, MIN_WORDS, quotable
from .base import Budget, Summarizer, story_order

_DANGLING_START = re.compile(rf"^(?:{'|'.join(DANGLING_OPENERS)})\b", re.IGNORECASE)


@dataclass(repr=False)
class CoverageSummarizer(Summarizer):
    """Centrality + cross-source support + position, with MMR redundancy control.

    ``redundancy`` is the cosine at which a candidate repeats a chosen sentence
    and is skipped (by default the cosine at which citations count two
    sentences as one fact, so the summary never says a cited fact twice);
    ``diversity`` weighs similarity to what is already chosen against the
    candidate's own score.
    """

    centrality: float = 1.0
    support: float = 1.5
    position: float = 0.3
    diversity: float = 0.5
    redundancy: float = CITE_THRESHOLD
    min_words: int = MIN_WORDS
    max_words: int = MAX_WORDS

    name = "newsbrief"

    def scores(self, story: Story, space: SentenceSpace) -> np.ndarray:
        """Each sentence's standalone worth; -inf for sentences not fit to quote
        (see :mod:`newsbrief.quotable`, the fact map's rule too)."""
        n = len(story.sentences)
        if n == 0:
            return np.zeros(0)
        centrality = space.centrality()
        others = max(space.n_articles - 1, 1)
        support = space.echo.sum(axis=1) / others
        index = np.fromiter((s.index for s in story.sentences), dtype=np.float64, count=n)
        position = 1.0 / np.sqrt(1.0 + index)
        score = self.centrality * centrality + self.support * support + self.position * position
        fit = quotable(story, space, self.min_words, self.max_words)
        score[~fit] = -np.inf
        sentences = story.sentences
        for row in np.flatnonzero(fit).tolist():
            if _DANGLING_START.match(sentences[row].text):
                score[row] *= 0.8
        return score

    def select(self, story: Story, space: SentenceSpace, budget: Budget) -> list[int]:
        score = self.scores(story, space)
        order = np.argsort(-score, kind="stable")
        candidates = [int(r) for r in order if np.isfinite(score[r])]
        if not candidates:  # nothing looks like a full sentence: fall back to the lead
            candidates = list(range(len(story.sentences)))
        chosen: list[int] = []
        words = 0
        max_sim = np.zeros(len(story.sentences))
        pool = np.array(candidates[: max(200, 20 * (budget.sentences or 10))], dtype=np.int64)
        lengths = space.lengths
        while len(pool) and not budget.full(len(chosen), words):
            gains = score[pool] - self.diversity * max_sim[pool]
            best = None
            for i in np.argsort(-gains, kind="stable"):
                row = int(pool[i])
                if max_sim[row] >= self.redundancy:
                    continue
                if budget.allows(len(chosen), words, int(lengths[row])) or not chosen:
                    best = int(i)
                    break
            if best is None:
                break
            row = int(pool[best])
            pool = np.delete(pool, best)
            chosen.append(row)
            words += int(lengths[row])
            np.maximum(max_sim, space.similar_to(row), out=max_sim)
            pool = pool[max_sim[pool] < self.redundancy]
        return story_order(story, chosen)
