"""Aliases merged: name keys, the gazetteer, parentheses, acronyms, prefixes, surnames."""

from __future__ import annotations

from collections import defaultdict

from .lexicon import (
    DEMONYMS,
    FIRST_NAMES,
    GAZETTEER,
    GENERATION,
    KEYWORDS,
    MOUNT,
    NAME_SUFFIXES,
    PLACE,
    PLACE_FEATURES,
)
from .records import Surface
from .story import StoryState, gazetteer_root, person_like
from .variants import merge_misspellings, merge_variants, pair_variants
from .words import ACRONYM_SECOND, initials_of, is_acronym, is_demonym, strip_particle


# ---- merging
def merge_aliases(story: StoryState) -> None:
    uf = story.uf
    by_key: dict[str, str] = {}
    for text, surface in story.surfaces.items():
        if surface.so_called_of is None:
            first = by_key.setdefault(surface.key, text)
            if first is not text:
                uf.union(first, text)
        hit = GAZETTEER.get(surface.key)
        if hit is not None:
            uf.union("\0" + hit[0], text)
    for first, second in story.pairs:
        _pair(story, first, second)
    merge_variants(story)
    merge_misspellings(story)
    _merge_acronyms(story)
    _merge_prefixed(story)
    _merge_surnames(story)


def _pair(story: StoryState, first: str, second: str) -> None:
    a, b = story.surfaces[first], story.surfaces[second]
    if a.so_called_of is not None or b.so_called_of is not None:
        story.uf.union(first, second)
        return
    if a.acronym == b.acronym:
        return
    acr, name = (a, b) if a.acronym else (b, a)
    ga, gb = gazetteer_root(story, acr.text), gazetteer_root(story, name.text)
    if ga and gb and ga != gb:
        return
    matches = acr.text.replace(".", "") in initials_of(name.words)
    is_place = gb is not None and GAZETTEER.get(name.key, ("", ""))[1] == PLACE
    # 'Washington (CNN)' is a dateline, not an alias.
    if matches or (len(name.content) > 1 and not is_place):
        story.uf.union(acr.text, name.text)


def _merge_acronyms(story: StoryState) -> None:
    """An acronym whose letters are the initials of exactly one name of the story
    stands for that name (SDF = Syrian Democratic Forces)."""
    acronyms = [s for s in story.surfaces.values() if s.acronym]
    starts = {s.text[0] for s in acronyms}
    index: dict[str, list[Surface]] = defaultdict(list)
    for surface in story.multiword_surfaces():
        if surface.text[0].upper() in starts and not person_like(story, surface):
            for letters in initials_of(surface.words):
                index[letters].append(surface)
    for acr in acronyms:
        candidates = index.get(acr.text.replace(".", ""), [])
        if not candidates:
            continue
        groups = {story.uf.find(c.text) for c in candidates}
        if len(groups) > 1:
            pair_variants(story, candidates)
            groups = {story.uf.find(c.text) for c in candidates}
        if len(groups) != 1:
            continue
        ga, gb = gazetteer_root(story, acr.text), next(iter(groups))
        if ga and ga != gb:
            continue  # the gazetteer knows what US stands for: not 'United Steelworkers'
        story.uf.union(acr.text, candidates[0].text)


def _merge_prefixed(story: StoryState) -> None:
    """'US Central Command' = 'Central Command'; 'Euphrates River' = 'Euphrates';
    'Mount Everest' = 'Everest'."""
    surfaces = story.surfaces
    for surface in story.multiword_surfaces():
        words = surface.words
        first = words[0]
        if len(words) > 2 and (is_acronym(first) or story.in_gazetteer(first)):
            rest = " ".join(words[1:])
            if rest in surfaces and gazetteer_root(story, rest) is None:
                story.uf.union(surface.text, rest)
        if len(words) == 2:
            if words[1] in PLACE_FEATURES and words[0] in surfaces:
                story.uf.union(surface.text, words[0])
            elif first in MOUNT and words[1] in surfaces:
                story.uf.union(surface.text, words[1])


def _merge_surnames(story: StoryState) -> None:
    """A surname alone is the person of the story with that surname, if only one
    ('McGurk' = 'Brett McGurk'); a middle name or initial does not make a new
    person ('Michael T. Flynn' = 'Michael Flynn'); 'Jr.' does.

    The owners of a surname are the multi-word names whose last word alone may
    stand for them, and whether each reads as a person's name. Persons are the
    common case, but 'the Rockies' and 'the Index' shorten 'Colorado Rockies'
    and 'Good Country Index' the same way; only a person's name gains person
    evidence from it."""
    by_last: dict[str, list[tuple[str, bool, bool]]] = defaultdict(list)
    by_ends: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    keys, key, find = story.keys, story.key, story.uf.find
    for surface in story.multiword_surfaces():
        content = surface.content
        if len(content) > 5 or not KEYWORDS.isdisjoint(content):
            continue  # 'Committee on Assassinations' is not 'Assassinations'
        words = surface.words
        if "of" in words or "for" in words or "on" in words:
            continue
        for word in content:
            if (
                word in DEMONYMS
                or (len(word) > 2 and word[1] in ACRONYM_SECOND and is_acronym(word))
                or ("-" in word and is_demonym(word))
            ):
                break
        else:
            if find(surface.text)[0] == "\0":  # a gazetteer root
                continue
            person, org, place = surface.person, surface.org, surface.place
            is_person = (person > 0 and person >= org and person >= place) or (
                content[0] in FIRST_NAMES and not org and not place
            )
            generation = ""
            while len(content) > 2 and content[-1] in NAME_SUFFIXES:
                if content[-1] in GENERATION:
                    generation = content[-1].rstrip(".")
                content = content[:-1]
            last = content[-1]
            if "-" in last[:5]:
                last = strip_particle(last)
            last = keys.get(last) or key(last)
            by_last[last].append((surface.text, bool(generation), is_person))
            if is_person:
                by_ends[(key(content[0]), last, generation)].append(surface.text)
    for texts in by_ends.values():
        for other in texts[1:]:
            story.uf.union(texts[0], other)
    if not by_last:
        return
    for surface in story.surfaces.values():
        if len(surface.words) != 1 or surface.acronym or surface.so_called_of is not None:
            continue
        last = surface.text
        if "-" in last[:5]:
            last = strip_particle(last)
        owners = by_last.get(keys.get(last) or key(last))
        if not owners:
            continue
        seniors = [o for o in owners if not o[1]] or owners
        roots = {find(o[0]) for o in seniors}
        if len(roots) > 1:
            seniors = [o for o in seniors if o[2]]  # a person's surname first
            roots = {find(o[0]) for o in seniors}
        if len(roots) != 1:
            continue
        person, org, place = surface.person, surface.org, surface.place
        if max(org, place) > person:
            continue
        if gazetteer_root(story, surface.text) and not (person > 0 and place == 0):
            continue  # 'Jordan' the country, unless used as a surname
        story.uf.union(surface.text, next(iter(roots)))
        if any(o[2] for o in seniors):
            uses = story.surname_uses
            uses[surface.text] = uses.get(surface.text, 0) + surface.count
