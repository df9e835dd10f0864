"""The objects that travel through the pipeline.

Data flows one way: ingest -> clean -> segment -> align -> select -> render.
Each stage reads these objects and returns new ones; nothing is mutated behind
another stage's back, so any stage can be run, tested or replaced alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    """One article as it came in: the raw text plus what we know of its origin."""

    id: str
    source: str
    text: str
    title: str = ""
    url: str = ""
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text of one article of a story.

    ``article`` is the article's position in the story and ``index`` the
    sentence's position in that article, so a sentence can always be traced back
    to where it was said.
    """

    text: str
    article: int
    index: int


@dataclass(slots=True)
class Story:
    """The document object of the pipeline: the articles of one story and what
    the stages have learnt about them."""

    articles: list[Article]
    id: str = ""
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences of different articles that say the same thing.

    ``sentences`` holds indices into ``Story.sentences``; the first one is the
    representative wording. ``articles`` are the articles that report it.
    """

    sentences: tuple[int, ...]
    articles: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """An entry of a brief's numbered source list (one per article)."""

    number: int
    id: str
    name: str
    title: str = ""
    url: str = ""
    published: date | None = None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence of the summary with the sources that report its fact.

    ``citations`` are source numbers (1-based, as printed). ``article`` is the
    number of the source whose wording was taken and ``sentence_index`` the
    sentence's 0-based position in that article's cleaned text, so a reader can
    check the quote.
    """

    text: str
    citations: tuple[int, ...]
    article: int
    sentence_index: int


@dataclass(frozen=True, slots=True)
class Brief:
    """What a user gets: a cited summary of one story."""

    story_id: str
    sources: tuple[Source, ...]
    summary: tuple[SummarySentence, ...]
    warnings: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.summary)
