"""Titles, roles and demonyms around a name ('US President Donald Trump', 'Kurdish YPG')."""

from __future__ import annotations

from collections.abc import Callable

from .keys import name_key
from .lexicon import (
    CONNECTORS,
    DEMONYMS,
    FIRST_NAMES,
    GAZETTEER,
    ORG_WORDS,
    PARTICLES,
    PLACE_WORDS,
    POLITE,
    ROLE_SET,
    SUFFIXES_OR_CONNECTORS,
    TITLE_MODIFIERS,
    TITLES,
    W_POLITE,
    W_ROLE,
    W_TITLE,
)
from .records import Word
from .words import is_acronym, is_demonym, title_word


def split_title(
    piece: list[Word], key: Callable[[str], str] = name_key
) -> tuple[list[Word], list[Word], float]:
    """Split '[US] President [Donald Trump]' into what precedes the title, the
    person, and the title's weight as evidence (0 when there is no title)."""
    n = len(piece)
    for i in range(n):
        j = i
        core = polite = False
        while j < n:
            word = title_word(piece[j][0])
            if word in TITLES:
                core = True
                polite = polite or word in POLITE
            elif word not in TITLE_MODIFIERS:
                break
            j += 1
            if word == "secretary" and j + 1 < n and piece[j][0] == "of":
                j += 2  # Secretary of State
        if j in (i, n) or not core:
            continue
        if piece[j][0] in CONNECTORS and piece[j][0] not in PARTICLES:
            # 'Director of the Center for ...', 'King of Spain': the institution
            # or place after the title is the name.
            rest = piece[j:]
            while rest and rest[0][0] in CONNECTORS:
                rest = rest[1:]
            return rest, [], 0.0
        rest = piece[j:]
        words = [p[0] for p in rest]
        if SUFFIXES_OR_CONNECTORS.issuperset(words):
            continue
        if not (ORG_WORDS.isdisjoint(words) and PLACE_WORDS.isdisjoint(words)):
            return piece, [], 0.0
        if key(" ".join(words)) in GAZETTEER:
            return piece, [], 0.0
        return piece[:i], rest, W_POLITE if polite else W_TITLE
    return piece, [], 0.0


def role_at_start(piece: list[Word]) -> tuple[list[Word], float]:
    """'Guitarist Jimmy Page' opening a sentence: the role is no part of the name."""
    if len(piece) < 3 or piece[0][0].lower() not in ROLE_SET:
        return [], 0.0
    rest = piece[1:]
    if any(w in ORG_WORDS or w in PLACE_WORDS or w in CONNECTORS for w, _, _ in rest):
        return [], 0.0
    return rest, W_ROLE


def strip_demonyms(
    piece: list[Word], person: bool, key: Callable[[str], str] = name_key
) -> list[Word]:
    """'Kurdish YPG' -> 'YPG' and 'Russian Vladimir Putin' -> 'Vladimir Putin', but
    'Syrian Democratic Forces' and 'Arab League' keep their adjective; 'the North
    Carolina Republican' is a description, not a name."""
    words = [w for w, _, _ in piece]
    last = words[-1] if words else ""
    if (
        len(words) > 1
        and (last in DEMONYMS or ("-" in last and is_demonym(last)))
        and key(" ".join(words[:-1])) in GAZETTEER
    ):
        return []
    i = 0
    while i < len(words) and (words[i] in DEMONYMS or ("-" in words[i] and is_demonym(words[i]))):
        i += 1
    if i == 0:
        return piece
    rest = words[i:]
    if not rest:
        return []
    if (
        person
        or (len(rest) == 1 and is_acronym(rest[0]))
        or key(" ".join(rest)) in GAZETTEER
        or (len(rest) > 1 and rest[0] in FIRST_NAMES)
    ):
        return piece[i:]
    return piece
