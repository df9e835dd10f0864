"""Shared glue for the sumy baselines (LexRank, TextRank).

sumy is the Python library users reach for today, so it is our yardstick.
Its own tokenizer needs NLTK's punkt data, which cannot be downloaded here,
so sumy is fed newsbrief's sentences and a regex word tokenizer; everything
that ranks sentences is sumy's own code. A word budget is applied the way a
sumy user would: best-rated sentences first until the budget is reached.
"""

from __future__ import annotations

import re

from ..align import SentenceSpace
from ..model import Story
from .base import Budget

_WORD = re.compile(r"\w+(?:['’]\w+)?")


class WordTokenizer:
    """The two methods sumy's document model asks of a tokenizer."""

    language = "english"

    def to_words(self, text: str) -> list[str]:
        return _WORD.findall(text)

    def to_sentences(self, text: str) -> list[str]:  # pragma: no cover - not used by sumy here
        from ..segment import split_sentences

        return split_sentences(text)


def sumy_select(method, story: Story, space: SentenceSpace, budget: Budget) -> list[int]:
    """Run a sumy summarizer over the story's sentences and map its choice back to rows."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = WordTokenizer()
    paragraphs = []
    rows_of: dict[int, int] = {}
    current: list[SumySentence] = []
    last_article = None
    for row, sentence in enumerate(story.sentences):
        if last_article is not None and sentence.article != last_article:
            paragraphs.append(Paragraph(current))
            current = []
        last_article = sentence.article
        obj = SumySentence(sentence.text, tokenizer)
        rows_of[id(obj)] = row
        current.append(obj)
    if current:
        paragraphs.append(Paragraph(current))
    document = ObjectDocumentModel(paragraphs)

    def take(infos):
        chosen = []
        words = 0
        for info in infos:
            if budget.full(len(chosen), words):
                break
            size = int(space.lengths[rows_of[id(info.sentence)]])
            if budget.allows(len(chosen), words, size):
                chosen.append(info)
                words += size
        return chosen

    picked = method(document, take)
    return [rows_of[id(s)] for s in picked]


def make(summarizer_cls):
    """A sumy summarizer set up as its README shows: English stemmer and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    method = summarizer_cls(Stemmer("english"))
    method.stop_words = get_stop_words("english")
    return method
