"""Misspellings and one-word variants of a name, merged and reported as slips."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .lexicon import CONNECTORS, EVENT_WORDS, FIRST_NAMES, ORG_WORDS, PLACE_WORDS
from .records import Surface
from .story import StoryState, add_member, gazetteer_root, person_like
from .words import ACRONYM_SECOND, is_acronym, is_demonym


def abbreviates(short: str, long: str) -> bool:
    """'Assn' for 'Association': same first letter, the rest in order."""
    short, long = short.rstrip(".").lower(), long.lower()
    if len(short) >= len(long) or short[:1] != long[:1]:
        return False
    rest = iter(long[1:])
    return all(c in rest for c in short[1:])


# Spellings that differ by national convention, not by mistake: Theatre/Theater,
# Labour/Labor, Organisation/Organization.
CONVENTIONS = (("re", "er"), ("our", "or"), ("ise", "ize"), ("isation", "ization"))


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether at most ``limit`` insertions, deletions or substitutions turn ``a`` into ``b``."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def is_misspelling(x: str, y: str) -> bool:
    """Whether two words of a name look like one spelt two ways by mistake ('Lindsey' and
    'Lindsay', 'Pasztor' and 'Pastzor', 'Zeidan' and 'Zaidan'), not two words: same first
    letter, one or two edits apart (one for short words), neither a clipped form of the
    other ('Steve', 'Oscars'), nor two first names in their own right ('Mark', 'Mary')."""
    a, b = x.lower(), y.lower()
    if a == b or a[0] != b[0] or min(len(a), len(b)) < 4 or a.startswith(b) or b.startswith(a):
        return False
    if not (a.isalpha() or "-" in a) or not (b.isalpha() or "-" in b):
        return False
    for one, other in CONVENTIONS:
        for p, q in ((one, other), (other, one)):
            if a.endswith(p) and b.endswith(q) and a[: -len(p)] == b[: -len(q)]:
                return False
    if x in FIRST_NAMES and y in FIRST_NAMES:
        return False
    return within_edits(a, b, 1 if min(len(a), len(b)) < 7 else 2)


def is_abbreviation_of(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two names equal but for one word that abbreviates the other."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x.lower() != y.lower()]
    return len(diff) == 1 and (abbreviates(*diff[0]) or abbreviates(diff[0][1], diff[0][0]))


def _is_variant(story: StoryState, a: Surface, b: Surface) -> bool:
    """Same length, same initials, all words equal but one, used by different
    articles: one source misnaming what the others name."""
    if (
        len(a.words) != len(b.words)
        or not story.articles_of(a).isdisjoint(story.articles_of(b))
        or len(a.content) < 3
    ):
        return False  # two-word names differ too easily: 'United States', 'United Steelworkers'
    if gazetteer_root(story, a.text) or gazetteer_root(story, b.text):
        return False
    diff = [(x, y) for x, y in zip(a.words, b.words, strict=True) if x.lower() != y.lower()]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if x.rstrip("s") == y.rstrip("s") or abbreviates(x, y) or abbreviates(y, x):
        return False  # 'Schools' / 'School', 'Assn' / 'Association': aliases
    if x[0].lower() != y[0].lower() or x in CONNECTORS or y in CONNECTORS:
        return False
    if x in EVENT_WORDS or y in EVENT_WORDS:
        return False
    if (x in ORG_WORDS and y in ORG_WORDS) or x in PLACE_WORDS or y in PLACE_WORDS:
        return False
    if is_demonym(x) or is_demonym(y) or story.in_gazetteer(x) or story.in_gazetteer(y):
        return False
    return not (person_like(story, a) or person_like(story, b))


def pair_variants(story: StoryState, members: list[Surface]) -> None:
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if story.uf.find(a.text) == story.uf.find(b.text):
                continue
            if is_abbreviation_of(a.words, b.words):
                story.uf.union(a.text, b.text)
            elif _is_variant(story, a, b):
                story.uf.union(a.text, b.text)
                story.variants[a.text].add(b.text)
                story.variants[b.text].add(a.text)


def merge_misspellings(story: StoryState) -> None:
    """Names of several words equal but for one word spelt a little differently, each
    used by other articles ('Lindsey Graham', 'Lindsay Graham'): one entity, and a
    slip of one source worth showing. Names the gazetteer knows are left alone
    ('North America', 'North Africa')."""
    # Two such names share their first word or their last: grouping by both ends
    # pairs them without an index entry per word.
    # A group of one is its surface alone: most are.
    by_end: dict[tuple[int, bool, str], Surface | list[Surface]] = {}
    for surface in story.multiword_surfaces():
        words = surface.words
        if len(words) <= 5:
            add_member(by_end, (len(words), True, words[0]), surface)
            add_member(by_end, (len(words), False, words[-1]), surface)
    # A pair in two groups (both ends shared) is judged again alike, or is
    # merged already: the checks go cheapest first.
    for members in by_end.values():
        if members.__class__ is not list:
            continue
        for k, a in enumerate(members):
            for b in members[k + 1 :]:
                x = y = ""  # the one word that differs
                for p, q in zip(a.words, b.words, strict=True):
                    if p != q:
                        if x:
                            x = ""  # two words differ
                            break
                        x, y = p, q
                if not x:
                    continue
                if (
                    x in CONNECTORS
                    or y in CONNECTORS
                    or (x[1:2] in ACRONYM_SECOND and is_acronym(x))
                    or (y[1:2] in ACRONYM_SECOND and is_acronym(y))
                ):
                    continue
                if not is_misspelling(x, y):
                    continue
                if not story.articles_of(a).isdisjoint(story.articles_of(b)):
                    continue
                if story.uf.find(a.text) == story.uf.find(b.text):
                    continue
                if gazetteer_root(story, a.text) or gazetteer_root(story, b.text):
                    continue
                if story.in_gazetteer(x) or story.in_gazetteer(y):
                    continue
                story.uf.union(a.text, b.text)
                story.variants[a.text].add(b.text)
                story.variants[b.text].add(a.text)


def merge_variants(story: StoryState) -> None:
    groups: dict[tuple[str, int], list[Surface]] = defaultdict(list)
    plural: dict[str, str] = {}
    for surface in story.multiword_surfaces():
        singular = plural.setdefault(surface.key.rstrip("s"), surface.text)
        if singular is not surface.text:
            story.uf.union(singular, surface.text)  # 'Public School' = 'Public Schools'
    for surface in story.multiword_surfaces():
        content = surface.content
        if len(content) >= 3:
            letters = "".join([w[0] for w in content]).upper()
            groups[(letters, len(surface.words))].append(surface)
    for members in groups.values():
        if len(members) > 1:
            pair_variants(story, members)
