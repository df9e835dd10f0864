"""The state of one find_entities call: caches, capital counts, surfaces and the union-find."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from operator import attrgetter

from ...model import Sentence
from .keys import name_key, word_key
from .lexicon import GAZETTEER, MIN_EVIDENCE, MIN_EVIDENCE_PER_MENTION, ORG, OTHER, PERSON, PLACE
from .patterns import LOWER_WORD
from .records import Judged, Piece, Surface
from .words import LOWER_CHARS, LOWER_RUNS, NEVER_LOWER, content_words, is_acronym

_ARTICLE_OF = attrgetter("article")


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent
        root = parent.setdefault(item, item)
        while parent[root] != root:
            root = parent[root]
        while item != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        # find, where an item is a root or a root's child, written out.
        parent = self.parent
        ra = parent.setdefault(a, a)
        if parent[ra] != ra:
            ra = self.find(a)
        rb = parent.setdefault(b, b)
        if parent[rb] != rb:
            rb = self.find(b)
        if ra != rb:
            # Gazetteer nodes stay roots so that a group knows its canonical name.
            if rb.startswith("\0"):
                ra, rb = rb, ra
            self.parent[rb] = ra


def kind_of(person: float, org: float, place: float, mentions: int) -> str:
    """The kind the evidence points to, or OTHER where it is too thin for its mentions."""
    best, top = PERSON, person
    if org > top:
        best, top = ORG, org
    if place > top:
        best, top = PLACE, place
    if top < MIN_EVIDENCE or top < MIN_EVIDENCE_PER_MENTION * mentions:
        return OTHER
    return best


def add_member(groups: dict, key: object, surface: Surface) -> None:
    """Add ``surface`` to the group at ``key``: a group of one is its surface
    alone (most are), so that only real groups cost a list."""
    found = groups.get(key)
    if found is None:
        groups[key] = surface
    elif found.__class__ is list:
        found.append(surface)
    else:
        groups[key] = [found, surface]


class StoryState:
    """Everything one call of :func:`find_entities` learns; never shared."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.articles = list(map(_ARTICLE_OF, sentences))
        self.texts: list[str] = []
        self.joined = ""
        self.distinct = ""  # the distinct sentences, joined
        # The whole lowercase uses of a word counted so far and where counting
        # goes on (-1 at the end), filled on demand by lower_exceeds.
        self.lower: dict[str, list[int] | tuple[int, int]] = {}
        self.lower_runs: frozenset[bytes] | None = None
        self.midcap: Mapping[str, int] = {}  # set by scan
        # The runs of each row (start, the run's pieces), and those of its
        # headline part apart, where only known names are taken.
        self.candidates: list[tuple[tuple[int, tuple[Piece, ...]], ...]] = []
        self.in_headline: list[list[tuple[Piece, ...]] | tuple] = []
        self.cuts: dict[str, tuple[Piece, ...]] = {}
        self.initial_cuts: dict[str, tuple[Piece, ...]] = {}
        self.judged: dict[tuple[str, ...], Judged | None] = {}
        self.keys: dict[str, str] = {}
        self.part_keys: dict[str, str] = {}
        self.surfaces: dict[str, Surface] = {}
        self.generic: list[tuple[int, str]] = []
        self.pairs: list[tuple[str, str]] = []
        self.positions: list[tuple[int, int, int, str]] = []
        self.uf = UnionFind()
        self.variants: dict[str, set[str]] = defaultdict(set)
        self.surname_uses: dict[str, int] = {}
        self.multiword: list[Surface] | None = None  # set once all surfaces are known

    def part_key(self, word: str) -> str:
        found = self.part_keys.get(word)
        if found is None:
            found = self.part_keys[word] = word_key(word)
        return found

    def key(self, text: str) -> str:
        """The name key of ``text`` (cached; names share words, whose keys are
        cached apart)."""
        found = self.keys.get(text)
        if found is None:
            found = self.keys[text] = name_key(text, self.part_keys)
        return found

    def in_gazetteer(self, text: str) -> bool:
        return self.key(text) in GAZETTEER

    def lower_exceeds(self, word: str, limit: int) -> bool:
        """Whether ``word`` (lowercase) is written as a whole lowercase word, one
        that LOWER_WORD finds, more than ``limit`` times. The uses are counted
        only as far as needed, and the count goes on from there if a later
        question needs more."""
        state = self.lower.get(word)
        if state is None:
            # A set of the text's lowercase runs rules most words out at once.
            if word.isascii():
                if self.lower_runs is None:
                    runs = self.distinct.encode().translate(LOWER_RUNS).split()
                    self.lower_runs = frozenset(runs)
                if word.encode() not in self.lower_runs:
                    self.lower[word] = NEVER_LOWER
                    return False
            if LOWER_WORD.fullmatch(word) is None:
                self.lower[word] = NEVER_LOWER
                return False
            state = self.lower[word] = [0, 0]
        count, at = state
        if count > limit or at < 0:
            return count > limit
        # The places where the word is written, left to right without overlaps
        # (one that overlaps another has a letter of it before it): a whole
        # word has neither a letter or joining mark before it nor a lowercase
        # letter or joining mark after it.
        text = self.joined
        find = text.find
        size = len(word)
        end = len(text)
        while count <= limit:
            found = find(word, at)
            if found < 0:
                at = -1
                break
            at = found + size
            if found:
                before = text[found - 1]
                if before.isalnum() or before in "_'’-":
                    continue
            if at < end and text[at] in LOWER_CHARS:
                continue
            count += 1
        state[0] = count
        state[1] = at
        return count > limit

    def capitalised(self, word: str) -> int:
        """How often ``word`` is capitalised inside a sentence (not at its start)."""
        count = self.midcap.get
        return count(word, 0) + count(word + "'s", 0) + count(word + "'", 0)

    def surface(self, text: str, names: Sequence[str]) -> Surface:
        surface = self.surfaces.get(text)
        if surface is None:
            acronym = len(names) == 1 and is_acronym(names[0])
            content = tuple(content_words(names))
            surface = Surface(text, tuple(names), self.key(text), acronym, content, 0, [])
            self.surfaces[text] = surface
        return surface

    def mention(self, surface: Surface, row: int) -> None:
        surface.count += 1
        surface.rows.append(row)

    def articles_of(self, surface: Surface) -> set[int]:
        found = surface.articles
        if found is None:
            found = surface.articles = set(map(self.articles.__getitem__, surface.rows))
        return found

    def multiword_surfaces(self) -> list[Surface]:
        if self.multiword is None:
            self.multiword = [
                s
                for s in self.surfaces.values()
                if s.so_called_of is None and len(s.content) > 1 and s.count
            ]
        return self.multiword


def gazetteer_root(story: StoryState, text: str) -> str | None:
    root = story.uf.find(text)
    return root if root.startswith("\0") else None


def person_like(story: StoryState, surface: Surface) -> bool:
    person = surface.person
    return person > 0 and person >= surface.org and person >= surface.place
