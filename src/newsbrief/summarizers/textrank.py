"""TextRank (Mihalcea and Tarau, 2004) as implemented by the sumy library."""

from __future__ import annotations

from ..align import SentenceSpace
from ..model import Story
from ._sumy import make, sumy_select
from .base import Budget, Summarizer


class TextRankSummarizer(Summarizer):
    name = "textrank"

    def __init__(self) -> None:
        from sumy.summarizers.text_rank import TextRankSummarizer as SumyTextRank

        self._method = make(SumyTextRank)

    def select(self, story: Story, space: SentenceSpace, budget: Budget) -> list[int]:
        return sumy_select(self._method, story, space, budget)
