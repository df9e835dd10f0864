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
        depth = 0
        while not budget.full(len(chosen), words) and any(depth < len(r) for r in by_article):
            for rows in by_article:
                if depth < len(rows) and not budget.full(len(chosen), words):
                    chosen.append(rows[depth])
                    words += int(space.lengths[rows[depth]])
            depth += 1
        return chosen
