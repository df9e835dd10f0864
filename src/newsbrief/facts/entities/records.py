"""What travels between the passes: Word, Piece (a name cut from a run), Judged, Surface."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

Word = tuple[str, int, int]  # word, start, end (relative to its run)


# A name cut out of a capitalised run, before the story-wide checks: its words,
# where each begins in the run (each ends its length later), whether it begins a
# sentence, and the weight of a title before it. A plain tuple: the garbage
# collector counts each new instance of a class, and a story makes hundreds.
Piece = tuple[tuple[str, ...], tuple[int, ...], bool, float]

AT_START = (0,)  # the starts of a one-word piece that begins its run


def to_piece(words: Sequence[Word], initial: bool, title: float) -> Piece:
    if len(words) == 1:
        word, start, _ = words[0]
        return ((word,), (start,) if start else AT_START, initial, title)
    return (
        tuple([w for w, _, _ in words]),
        tuple([start for _, start, _ in words]),
        initial,
        title,
    )


class Judged(NamedTuple):
    """What a name's own words say about it, whatever the sentence around it
    (see judge.judge_new). A NamedTuple: made once per distinct name of a story
    and read in the loop over every mention, at a tuple's speed."""

    names: tuple[str, ...]  #: its words
    text: str  #: its words joined: the surface it is a mention of
    acronym: bool
    person: float  #: evidence of its words for a person ...
    org: float  #: ... an organisation ...
    place: float  #: ... and a place
    person_shaped: bool  #: two to four content words, no keyword, no acronym
    grows: bool  #: ends in an adjective that a following noun completes ('Regional' + 'government')
    in_gazetteer: bool  #: the gazetteer knows it (and so its kind)
    content: tuple[str, ...]  #: its words without connectors


#: A bare generic word ('Observatory', 'Command'), which may stand for the one
#: name of the story that holds it.
GENERIC = Judged((), "generic", False, 0.0, 0.0, 0.0, False, False, False, ())
UNJUDGED = object()  # not yet judged


@dataclass(slots=True)
class Surface:
    """One spelling of a name as the story uses it, with its evidence (for a
    person, an organisation, a place). The articles of its rows are gathered
    when first asked for (see StoryState.articles_of)."""

    text: str
    words: tuple[str, ...]
    key: str
    acronym: bool
    content: tuple[str, ...]
    count: int = 0
    rows: list[int] = field(default_factory=list)
    person: float = 0.0
    org: float = 0.0
    place: float = 0.0
    so_called_of: str | None = None
    articles: set[int] | None = None
