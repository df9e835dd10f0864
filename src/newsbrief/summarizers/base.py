"""The one interface every summarization method implements.

A summarizer only chooses: given a story whose sentences are segmented and
aligned, it returns the rows of the sentences to keep, in reading order.
Cleaning, citations and rendering are the pipeline's, so methods compare on
selection alone.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np

from ..align import SentenceSpace
from ..errors import NewsbriefError
from ..model import Story


@dataclass(frozen=True, slots=True)
class Budget:
    """How long a summary may be: ``words`` or a number of ``sentences``.

    A word budget is a ceiling for a reader's brief. With ``overflow`` the last
    sentence may run past it: for evaluation, where every system's summary is
    cut to the same number of words, leaving words unused would only lose.
    """

    words: int | None = 120
    sentences: int | None = None
    overflow: bool = False

    def __post_init__(self) -> None:
        if self.sentences is not None:
            if self.sentences < 1:
                raise NewsbriefError("--sentences must be at least 1")
        elif self.words is None or self.words < 1:
            raise NewsbriefError("--words must be at least 1")

    def allows(self, n_sentences: int, n_words: int, adding: int) -> bool:
        """Whether a sentence of ``adding`` words may join a summary of this size."""
        if self.sentences is not None:
            return n_sentences < self.sentences
        if self.overflow:
            return n_words < self.words
        return n_words + adding <= self.words

    def full(self, n_sentences: int, n_words: int) -> bool:
        """Whether nothing more can be added (a word budget within 3 words is full)."""
        if self.sentences is not None:
            return n_sentences >= self.sentences
        return n_words >= self.words - (0 if self.overflow else 3)


class Summarizer(ABC):
    """Base class: subclasses set ``name`` and implement :meth:`select`."""

    name: str = ""

    @abstractmethod
    def select(self, story: Story, space: SentenceSpace, budget: Budget) -> list[int]:
        """Rows of ``story.sentences`` to keep, in the order they are to be read."""

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({params})"


def story_order(story: Story, rows: list[int]) -> list[int]:
    """Order chosen sentences as the story unfolds, not by score.

    News articles open with the newest facts and move to background, so the
    relative position in its article is the best offline guess of where a
    sentence belongs; earlier-published articles break ties.
    """
    if not rows:
        return []
    sizes = np.bincount([s.article for s in story.sentences], minlength=len(story.articles))

    def key(row: int) -> tuple[float, int, int, int]:
        s = story.sentences[row]
        published = story.articles[s.article].published
        day = published.toordinal() if published else _UNDATED  # undated after dated
        return (s.index / max(int(sizes[s.article]), 1), day, s.article, s.index)

    return sorted(rows, key=key)


_UNDATED = 10**7
