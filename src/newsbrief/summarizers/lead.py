"""Lead baseline: the first sentences of each article in turn.

News is written lead-first, so this is the baseline every summarizer must beat.
"""

from __future__ import annotations

from ..align import SentenceSpace
from ..model import Story
from .base import Budget, Summarizer


class LeadSummarizer(Summarizer):
    name = "lead"

    def select(self, story: Story, space: SentenceSpace, budget: Budget) -> list[int]:
        by_article: list[list[int]] = [[] for _ in story.articles]
        for row, sentence in enumerate(story.sentences):
            by_article[sentence.article].append(row)
        chosen: list[int] = []
        words = 0
        for depth in range(max((len(r) for r in by_article), default=0)):
            for rows in by_article:
                if budget.full(len(chosen), words):
                    return chosen
                if depth < len(rows):
                    size = int(space.lengths[rows[depth]])
                    if budget.allows(len(chosen), words, size):
                        chosen.append(rows[depth])
                        words += size
        return chosen
