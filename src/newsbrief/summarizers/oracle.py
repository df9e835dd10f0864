"""The extractive oracle: sentences chosen greedily to maximise ROUGE.

It reads the reference summaries, so it is no summarizer a user can run; it
is the ceiling that shows how much of the gap to a human summary any
extractive method could close on a data set.
"""

from __future__ import annotations

from collections import Counter

from ..align import SentenceSpace
from ..model import Story
from .base import Budget, Summarizer


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


class OracleSummarizer(Summarizer):
    """Greedy ROUGE-1 + ROUGE-2 recall against ``references`` (tokenized as rouge-score does)."""

    name = "oracle"

    def __init__(self, references: list[str] | tuple[str, ...] = ()) -> None:
        from rouge_score.tokenizers import DefaultTokenizer

        self._tokenize = DefaultTokenizer(use_stemmer=True).tokenize
        self.references = tuple(references)

    def with_references(self, references: list[str] | tuple[str, ...]) -> OracleSummarizer:
        oracle = OracleSummarizer.__new__(OracleSummarizer)
        oracle._tokenize = self._tokenize
        oracle.references = tuple(references)
        return oracle

    def select(self, story: Story, space: SentenceSpace, budget: Budget) -> list[int]:
        refs = []
        for text in self.references:
            tokens = self._tokenize(text)
            refs.append((_ngrams(tokens, 1), _ngrams(tokens, 2), max(len(tokens), 1)))
        if not refs:
            raise ValueError("the oracle needs reference summaries")
        grams = []
        for sentence in story.sentences:
            tokens = self._tokenize(sentence.text)
            grams.append((_ngrams(tokens, 1), _ngrams(tokens, 2)))
        current = [(Counter(), Counter()) for _ in refs]
        chosen: list[int] = []
        words = 0
        remaining = set(range(len(story.sentences)))
        while remaining and not budget.full(len(chosen), words):
            best, best_gain = None, 0.0
            for row in remaining:
                size = int(space.lengths[row])
                if not budget.allows(len(chosen), words, size):
                    continue
                gain = 0.0
                for (ref1, ref2, length), (cur1, cur2) in zip(refs, current, strict=True):
                    for sent, ref, cur, weight in (
                        (grams[row][0], ref1, cur1, 1.0 / length),
                        (grams[row][1], ref2, cur2, 1.0 / max(length - 1, 1)),
                    ):
                        for gram, count in sent.items():
                            want = ref.get(gram, 0)
                            have = cur.get(gram, 0)
                            if want > have:
                                gain += weight * (min(have + count, want) - have)
                if gain > best_gain:
                    best, best_gain = row, gain
            if best is None:
                break
            remaining.discard(best)
            chosen.append(best)
            words += int(space.lengths[best])
            for cur1, cur2 in current:
                cur1.update(grams[best][0])
                cur2.update(grams[best][1])
        return sorted(chosen)
