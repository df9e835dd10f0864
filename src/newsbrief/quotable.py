"""Quotable sentences: the ones fit to be shown to a reader on their own.

The summarizer quotes sentences and the fact map shows them as facts, claims
and events; both must agree on what a sentence fit to quote is, or a fact
would be shown that the summary would never pick. A quotable sentence is
complete (it ends in '.', '!' or '?', perhaps followed by closing quotes and
brackets), does not start in lower case (a fragment cut from a longer one)
and is neither a fragment nor a wall of text by its length in words.

The rule is written twice on purpose: :func:`fits` states it for one
sentence, :func:`quotable` gives the same answer for a whole story fast (the
length of every sentence is one array comparison, and a sentence's end is
read from its last characters, not searched for with the pattern). The tests
hold the fast form to the rule on every sentence of the example and the
shared data.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .align import SentenceSpace
    from .model import Story

__all__ = ["COMPLETE_SENTENCE", "MAX_WORDS", "MIN_WORDS", "fits", "is_complete", "quotable"]

#: The fewest and most words of a quotable sentence.
MIN_WORDS = 6
MAX_WORDS = 60
#: How a complete sentence ends: the rule that :func:`is_complete` reads fast.
COMPLETE_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")
_SENTENCE_ENDS = frozenset(".!?")
_CLOSERS = "\"'”’)]"


def is_complete(text: str) -> bool:
    """Whether ``text`` ends as a sentence does (:data:`COMPLETE_SENTENCE`), told
    by its last characters: the closing quotes and brackets stripped, a full stop,
    '!' or '?' must be left."""
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS


def fits(text: str, min_words: int = MIN_WORDS, max_words: int = MAX_WORDS) -> bool:
    """The rule for one sentence: complete, not opening in lower case, and of
    ``min_words`` to ``max_words`` words."""
    length = len(text.split())
    return (
        min_words <= length <= max_words
        and COMPLETE_SENTENCE.search(text) is not None
        and not text[:1].islower()
    )


def quotable(
    story: Story, space: SentenceSpace, min_words: int = MIN_WORDS, max_words: int = MAX_WORDS
) -> np.ndarray:
    """Which sentences of ``story`` :func:`fits` (a boolean mask by row); the
    words of each sentence are counted in ``space.lengths``."""
    # The length, one array operation, rules out many rows before any text is read.
    lengths = np.asarray(space.lengths)
    fit = (lengths >= min_words) & (lengths <= max_words)
    sentences = story.sentences
    for row in np.flatnonzero(fit).tolist():
        text = sentences[row].text
        if text[:1].islower() or not is_complete(text):
            fit[row] = False
    return fit
