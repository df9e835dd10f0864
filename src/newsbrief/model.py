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
class Quote:
    """What one source said, verbatim (a sentence of its cleaned text)."""

    source: int
    text: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact as the sources tell it: a representative wording, the sources
    that report it (source numbers, ascending) and their own words."""

    text: str
    sources: tuple[int, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Claim:
    """One side of a conflict: a value as a source gives it, with its quote."""

    value: str
    source: int
    quote: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources giving incompatible values for the same thing.

    ``kind`` is 'quantity', 'date' or 'name'; ``subject`` says what the values
    are of ('IS fighters', 'day of: breach of the Rafiqah wall').
    """

    kind: str
    subject: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event. ``date`` is the first day of the period for coarser
    ``precision`` ('day', 'week', 'month' or 'year')."""

    date: date
    precision: str
    text: str
    sources: tuple[int, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, with every name the sources use for it."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    sources: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class FactMap:
    """How the story is being told: what sources agree on, what only one
    says, where they contradict each other, when things happened, who is who."""

    agreements: tuple[Fact, ...] = ()
    unique: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    entities: tuple[Entity, ...] = ()


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
    check the quote. ``quotes`` hold, per cited source (in citation order), the
    sentence of that source closest to this one (this very sentence for
    ``article``), so every citation, not only the first, can be checked.
    """

    text: str
    citations: tuple[int, ...]
    article: int
    sentence_index: int
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    """What a user gets: a cited summary of one story."""

    story_id: str
    sources: tuple[Source, ...]
    summary: tuple[SummarySentence, ...]
    warnings: tuple[str, ...] = ()
    facts: FactMap | None = None

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.summary)
