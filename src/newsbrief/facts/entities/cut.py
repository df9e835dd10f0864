"""Cutting a capitalised run into names; the fast paths are checked against the general rule."""

from __future__ import annotations

from collections.abc import Callable

from .keys import name_key, word_key
from .lexicon import (
    ACRONYM_STOP,
    AND_KEYS,
    ARTICLE_PREFIXES,
    COMMON_POSSESSIVES,
    CONNECTORS,
    CUTTING_WORDS,
    DEMONYMS,
    FOR_HEADS,
    GAZETTEER,
    NAME_EDGES,
    NAME_TAILS,
    NOT_A_NAME,
    OF_HEADS,
    ORG_WORDS,
    PARTICLES,
    REMIT_HEADS,
    ROLE_SET,
    STOP_OR_TIME,
    TITLES,
    UNCOUNTED,
)
from .patterns import PLURAL_ACRONYM, TOKEN
from .records import AT_START, Piece, Word, to_piece
from .titles import role_at_start, split_title, strip_demonyms
from .words import is_acronym, is_demonym, is_stop, title_word


def connectors_fit(current: list[Word], pending: list[str]) -> bool:
    """Whether lowercase words between two capitalised ones belong to one name."""
    if len(pending) == 1 and pending[0] in PARTICLES:
        return True
    if pending == ["&"]:
        return len(current) == 1  # 'Marks & Spencer', not 'Bob Weir & Phil Lesh'
    head = current[-1][0]
    first, rest = pending[0], pending[1:]
    if rest and rest != ["the"]:
        return False
    if first == "of":
        return head in OF_HEADS or title_word(head) in TITLES
    if first == "for":
        return head in FOR_HEADS
    if first == "on":
        return head in ORG_WORDS and not rest
    if first == "and":
        return any(w in ("of", "for") for w, _, _ in current)
    return False


def split_and(
    piece: list[Word],
    key: Callable[[str], str] = name_key,
    part_key: Callable[[str], str] = word_key,
) -> list[list[Word]]:
    """'and' joins only a gazetteer name ('Islamic State of Iraq and the Levant')
    or a government body's remit ('Department of Health and Human Services');
    anywhere else it joins two names."""
    words = [w for w, _, _ in piece]
    if "and" not in words or key(" ".join(words)) in GAZETTEER:
        return [piece]
    at = words.index("and")
    # Each name tried holds the words either side of the 'and' (there is none
    # to try without them), and a key of four characters or more is its words'
    # keys joined: unless AND_KEYS has those three, none is in the gazetteer.
    if 0 < at < len(words) - 1:
        around = part_key(words[at - 1]) + "and" + part_key(words[at + 1])
        if len(around) < 4 or around in AND_KEYS:
            for first in range(at):
                for last in range(len(words), at + 1, -1):
                    if key(" ".join(words[first:last])) in GAZETTEER:
                        parts = (piece[:first], piece[first:last], piece[last:])
                        return [part for part in parts if part]
    tail = [p for p in piece[at + 1 :] if p[0] != "the"]
    head = words[: words.index("of")] if "of" in words[:at] else []
    if (
        head
        and head[-1] in REMIT_HEADS
        and 0 < len(tail) <= 3
        and words[at + 1] != "the"
        and not any(is_acronym(w) or is_demonym(w) for w, _, _ in tail)
    ):
        return [piece]
    return [part for part in (piece[:at], tail) if part]


def gazetteer_ands(span: str, part_key: Callable[[str], str] = word_key) -> frozenset[int]:
    """Offsets of the 'and's inside gazetteer names of a run ('Food and Drug
    Administration', 'Bosnia and Herzegovina'), which join no two names."""
    tokens = [(m.group(), m.start()) for m in TOKEN.finditer(span)]
    found = set()
    parts: list[str] = []  # the keys of the words, made when first needed
    for i, (word, start) in enumerate(tokens):
        if word != "and" or i == 0:
            continue
        if (
            i + 1 < len(tokens)
            and part_key(tokens[i - 1][0]) + "and" + part_key(tokens[i + 1][0]) not in AND_KEYS
        ):
            continue  # no gazetteer name has these three words
        if not parts:
            parts = [part_key(word) for word, _ in tokens]
        for first in range(i - 1, max(-1, i - 6), -1):
            for last in range(i + 2, min(len(tokens), i + 6) + 1):
                key = "".join(parts[first:last])
                if len(key) < 4:
                    key = name_key(" ".join(w for w, _ in tokens[first:last]))
                if key in GAZETTEER:
                    found.add(start)
    return frozenset(found)


def cut_span(
    span: str,
    initial: bool,
    key: Callable[[str], str] = name_key,
    part_key: Callable[[str], str] = word_key,
    *,
    fast: bool = True,
) -> tuple[Piece, ...]:
    """Cut one capitalised run into names: at stop words, dates, possessives,
    hyphenated modifiers ('US-backed') and connectors that do not belong.
    Offsets are relative to the run, so the result can be reused wherever the
    same run recurs.

    The general rule is three steps: the run's words (:func:`_tokens`), grouped
    into names at the words that cut (:func:`_group`), each name then checked
    for titles, roles and demonyms (:func:`_finish`). Most runs are one word or
    a few plain words, for which the fast paths (``fast``, the default) give
    the same result without the steps; tests/test_entity_cuts.py checks that
    they do on every run of the bundled and shared stories."""
    if fast:
        if " " not in span:
            if "-" not in span:
                found = _one_word(span, initial)
            else:
                found = _one_hyphenated_word(span, initial)
            if found is not None:
                return found
        plain = _plain_words(span, initial)
        if plain is not None:
            if plain.__class__ is tuple:
                return plain  # type: ignore[return-value]
            return _finish(span, initial, [plain], key, part_key)  # type: ignore[list-item]
        pieces = _one_plain_piece(span)
        if pieces is None:
            pieces = _group(span, _tokens(span), part_key)
    else:
        pieces = _group(span, _tokens(span), part_key)
    return _finish(span, initial, pieces, key, part_key)


def _plural_acronym(word: str) -> bool:
    """'EMTs', 'DVDs': common nouns, not names."""
    return word[-1] == "s" and len(word) < 7 and PLURAL_ACRONYM.fullmatch(word) is not None


# ---- fast paths: each gives what the three steps would, for the runs it takes


def _one_word(span: str, initial: bool) -> tuple[Piece, ...] | None:
    """A run of one word without a hyphen, or that word and its possessive
    ('Britain's'); None for any other run.

    A plain word that is a stop word for acronyms ('AP') is kept, unlike at
    the edge of a longer name (see _finish)."""
    if "'" not in span and "’" not in span:
        if span in NOT_A_NAME or _plural_acronym(span):
            return ()
        return (((span,), AT_START, initial, 0.0),)
    if "\t" in span:
        return None
    last = span[-1]
    if last == "'" or last == "’":
        word = span[:-1]
    elif (last == "s" or last == "S") and span[-2] in "'’":
        word = span[:-2]
    else:
        return None
    if not word or "'" in word or "’" in word:
        return None
    if word in NOT_A_NAME or word in ACRONYM_STOP or _plural_acronym(word):
        return ()
    return (((word,), AT_START, initial, 0.0),)


def _one_hyphenated_word(span: str, initial: bool) -> tuple[Piece, ...] | None:
    """A run of one hyphenated word ('Pakistan-based', 'Ibero-American'),
    without apostrophes or 'and': no title or role makes a person of one word
    alone. None for any other run."""
    if "'" in span or "’" in span or "\t" in span or "and" in span:
        return None
    word = span
    if not span.startswith(ARTICLE_PREFIXES):
        parts = span.split("-")
        if any(is_stop(part) for part in parts):
            return ()
        if parts[1][:1].islower() and parts[1] not in NAME_TAILS:
            word = parts[0]
    if (
        not word
        or word in STOP_OR_TIME
        or word in ACRONYM_STOP
        or _plural_acronym(word)
        or word in DEMONYMS
        or ("-" in word and is_demonym(word))
    ):
        return ()
    return (((word,), AT_START, initial, 0.0),)


def _plain_words(span: str, initial: bool) -> tuple[Piece, ...] | list[Word] | None:
    """A run of plain capitalised words, nothing to cut at (no connector, stop
    word, date, hyphen, apostrophe or plural acronym): its one name, or that
    name as one piece for _finish where a title, a word at either end that may
    go, or a role opening a sentence calls for its rules. None for any other
    run."""
    if "-" in span or "'" in span or "’" in span or "\t" in span:
        return None
    split = span.split(" ")
    if "" in split or not CUTTING_WORDS.isdisjoint(split):
        return None
    if ("s " in span or span[-1] == "s") and any(_plural_acronym(w) for w in split):
        return None
    if len(split) == 2:
        starts: tuple[int, ...] = (0, len(split[0]) + 1)
    else:
        at = 0
        starts_list = []
        for word in split:
            starts_list.append(at)
            at += len(word) + 1
        starts = tuple(starts_list)
    # A word that is a title is one of the words of the run lowercased and
    # split at dots.
    if not (
        not TITLES.isdisjoint(span.lower().replace(".", " ").split())
        or split[0] in NAME_EDGES
        or split[-1] in NAME_EDGES
        or (initial and len(split) > 2 and split[0].lower() in ROLE_SET)
    ):
        return ((tuple(split), starts, initial, 0.0),)
    return [(w, s, s + len(w)) for w, s in zip(split, starts, strict=True)]


def _one_plain_piece(span: str) -> list[list[Word]] | None:
    """The one piece _group makes of a run of plain words that it has nothing
    to cut at (where _plain_words left it to the rules); None for any other run."""
    if "\t" in span or "  " in span or "-" in span or "'" in span or "’" in span:
        return None
    split = span.split(" ")
    if (
        not CONNECTORS.isdisjoint(split)
        or not STOP_OR_TIME.isdisjoint(split)
        or (("s " in span or span[-1] == "s") and any(_plural_acronym(w) for w in split))
    ):
        return None
    piece = []
    at = 0
    for word in split:
        end = at + len(word)
        piece.append((word, at, end))
        at = end + 1
    return [piece]


# ---- the general rule


def _tokens(span: str) -> list[tuple[str, int]]:
    """The words of a run and where each begins."""
    if "\t" in span or "  " in span:
        return [(m.group(), m.start()) for m in TOKEN.finditer(span)]
    tokens = []
    at = 0
    for word in span.split(" "):
        tokens.append((word, at))
        at += len(word) + 1
    return tokens


def _group(
    span: str, tokens: list[tuple[str, int]], part_key: Callable[[str], str]
) -> list[list[Word]]:
    """The run's words grouped into names: cut at stop words, dates, plural
    acronyms and possessives, a hyphenated modifier ('US-backed') kept for its
    name, and lowercase connectors kept only where they belong to a name."""
    pieces: list[list[Word]] = []
    current: list[Word] = []
    pending: list[str] = []
    pending_words: list[Word] = []
    known_and = gazetteer_ands(span, part_key) if " and " in span else frozenset()
    for word, start in tokens:
        if word in CONNECTORS:
            if current:
                pending.append(word)
                pending_words.append((word, start, start + len(word)))
            continue
        cut_after = False
        last = word[-1]
        if last == "'" or last == "’":
            word = word[:-1]
            cut_after = word.lower() not in COMMON_POSSESSIVES
        elif (last == "s" or last == "S") and len(word) > 2 and word[-2] in "'’":
            word = word[:-2]
            cut_after = word.lower() not in COMMON_POSSESSIVES
        if "-" in word and not word.startswith(ARTICLE_PREFIXES):
            parts = word.split("-")
            if any(is_stop(p) for p in parts):
                if current:
                    pieces.append(current)
                    current = []
                pending.clear()
                pending_words.clear()
                continue
            if parts[1][:1].islower() and parts[1] not in NAME_TAILS:
                word = parts[0]
                cut_after = True
        if (
            not word
            or (
                (word in STOP_OR_TIME or (("'" in word or "’" in word) and is_stop(word)))
                and not (word == "May" and current)
            )
            or _plural_acronym(word)
        ):
            if current:
                pieces.append(current)
                current = []
            pending.clear()
            pending_words.clear()
            continue
        if pending:
            if current:
                if connectors_fit(current, pending) or pending_words[0][1] in known_and:
                    current.extend(pending_words)
                else:
                    pieces.append(current)
                    current = []
            pending.clear()
            pending_words.clear()
        current.append((word, start, start + len(word)))
        if cut_after:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return pieces


def _finish(
    span: str,
    initial: bool,
    pieces: list[list[Word]],
    key: Callable[[str], str],
    part_key: Callable[[str], str],
) -> tuple[Piece, ...]:
    """The names of a run's pieces: stop words for acronyms dropped at either
    end, 'and' split where it joins two names, a title or a role at the start
    of a sentence split off the person it names, demonyms stripped."""
    out: list[Piece] = []
    has_and = "and" in span
    # Whether any word may be a title: a word that is one ('Gen.') is a whole
    # part of the lowercased run split at spaces, dots, hyphens and apostrophes.
    maybe_title = not TITLES.isdisjoint(
        span.lower().replace(".", " ").replace("-", " ").replace("'", " ").replace("’", " ").split()
    )
    # A run that is one plain word keeps it even if it is a stop word for
    # acronyms ('TV', 'DNA'): such words go only at the edge of a longer name,
    # or with a possessive or hyphenated tail.
    lone = len(pieces) == 1 and len(pieces[0]) == 1 and pieces[0][0][0] == span
    for number, raw in enumerate(pieces):
        if not lone or "-" in span:
            while raw and raw[0][0] in ACRONYM_STOP and title_word(raw[0][0]) not in TITLES:
                raw = raw[1:]
            while raw and raw[-1][0] in ACRONYM_STOP:
                raw = raw[:-1]
        if not raw:
            continue
        for piece in split_and(raw, key, part_key) if has_and else (raw,):
            is_initial = initial and number == 0 and piece[0][1] == 0
            person = None
            if maybe_title:
                for word, _, _ in piece:
                    if word.rstrip(".").lower() in TITLES:
                        before, person, weight = split_title(piece, key)
                        break
            if not person and is_initial:
                person, weight = role_at_start(piece)
                before = []
            if person:
                before = strip_demonyms(before, False, key)
                # 'US President', 'CNN Correspondent': a name before a title; but
                # 'Humane Officer' or 'Police Chief' is part of the title.
                if len(before) == 1 and not (
                    is_acronym(before[0][0]) or key(before[0][0]) in GAZETTEER
                ):
                    before = []
                if before:
                    out.append(to_piece(before, is_initial, 0.0))
                out.append(to_piece(strip_demonyms(person, True, key), False, weight))
                continue
            first, last = piece[0][0], piece[-1][0]
            if (
                first in DEMONYMS
                or last in DEMONYMS
                or ("-" in first and is_demonym(first))
                or ("-" in last and is_demonym(last))
            ):
                stripped = strip_demonyms(piece, False, key)
                if stripped:
                    out.append(to_piece(stripped, is_initial and stripped is piece, 0.0))
            else:
                out.append(to_piece(piece, is_initial, 0.0))
    return tuple(out)


def split_at_stop_words(span: str) -> list[tuple[int, str]] | None:
    """The parts of a run between its stop words, e.g. 'White House' in 'The
    White House', with their offsets; None for a run without any. cut_span
    cuts at each stop word and forgets the connectors around it, so the run's
    names are those of its parts: the parts share their cuts with the runs
    that are just those words. Runs with 'and' are left whole (an 'and' may
    belong to a gazetteer name across a part's edge; see StoryState._cut_and)."""
    if " and " in span or "\t" in span or "  " in span:
        return None
    tokens = span.split(" ")
    if UNCOUNTED.isdisjoint(tokens):
        return None
    out = []
    current: list[str] = []
    at = begin = 0
    for token in tokens:
        if token in UNCOUNTED:
            while current and current[-1] in CONNECTORS:
                current.pop()
            if current:
                out.append((begin, " ".join(current)))
            current = []
        elif current or token not in CONNECTORS:
            if not current:
                begin = at
            current.append(token)
        at += len(token) + 1
    while current and current[-1] in CONNECTORS:
        current.pop()
    if current:
        out.append((begin, " ".join(current)))
    return out
