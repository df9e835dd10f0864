"""LexRank (Erkan and Radev, 2004) as implemented by the sumy library."""

from __future__ import annotations

from ..align import SentenceSpace
from ..model import Story
from ._sumy import make, sumy_select
from .base import Budget, Summarizer


class LexRankSummarizer(Summarizer):
    name = "lexrank"

    def __init__(self) -> None:
        from sumy.summarizers.lex_rank import LexRankSummarizer as SumyLexRank

        self._method = make(SumyLexRank)

    def select(self, story: Story, space: SentenceSpace, budget: Budget) -> list[int]:
        return sumy_select(self._method, story, space, budget)
