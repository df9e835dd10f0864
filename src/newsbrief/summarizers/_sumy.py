"""Shared glue for the sumy baselines (LexRank, TextRank).

sumy is the Python library users reach for today, so it is our yardstick,
run as its users run it with one exception: its sentence splitter needs
NLTK's punkt data, which cannot be downloaded here, so sumy is fed
newsbrief's sentences. Words are sumy's own: NLTK's word tokenizer (which
sumy calls one sentence at a time, so punkt's sentence step is a no-op and
is skipped) filtered by sumy's word test. A word budget is applied the way a
sumy user would: best-rated sentences first until the budget is reached.
"""

from __future__ import annotations

from ..align import SentenceSpace
from ..model import Story
from .base import Budget


class WordTokenizer:
    """sumy's English word tokenization, without the punkt data it cannot load."""

    language = "english"

    def __init__(self) -> None:
        from nltk.tokenize import NLTKWordTokenizer
        from sumy.nlp.tokenizers import Tokenizer

        self._tokenize = NLTKWordTokenizer().tokenize
        self._is_word = Tokenizer._is_word

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(filter(self._is_word, self._tokenize(text)))


def sumy_select(method, story: Story, space: SentenceSpace, budget: Budget) -> list[int]:
    """Run a sumy summarizer over the story's sentences and map its choice back to rows."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = method.newsbrief_tokenizer
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
    method.newsbrief_tokenizer = WordTokenizer()
    return method
