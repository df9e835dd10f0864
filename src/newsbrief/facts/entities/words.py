"""Tests of single words: acronym, demonym, title, stop word, initials of a name."""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import ARTICLE_PREFIXES, CONNECTORS, DEMONYMS, STOP, TIME_WORDS, TITLE_WORDS
from .patterns import ACRONYM, APOSTROPHE, CLIPPED_ACRONYM

# --------------------------------------------------------------------------- word tests


# The characters an acronym may have second: any other rules it out without the pattern.
ACRONYM_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&.")


def is_acronym(word: str) -> bool:
    return word[1:2] in ACRONYM_SECOND and ACRONYM.fullmatch(word) is not None


def strip_particle(word: str) -> str:
    if "-" not in word[:5]:
        return word
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    return word


def is_demonym(word: str) -> bool:
    if word in DEMONYMS:
        return True
    if "-" not in word:
        return False
    parts = word.split("-")
    return all(p in DEMONYMS for p in parts)


def title_word(word: str) -> str:
    return word.rstrip(".").lower()


def is_title(word: str) -> bool:
    return word.rstrip(".").lower() in TITLE_WORDS


def content_words(words: Sequence[str]) -> list[str]:
    return [w for w in words if w not in CONNECTORS]


def is_stop(word: str) -> bool:
    """Words capitalised by grammar or the calendar, never by naming: stop words,
    weekdays, months and their contractions ("I'm", "Don't")."""
    if word in STOP or word in TIME_WORDS:
        return True
    if "'" in word or "’" in word:
        return word.endswith(("n't", "n’t")) or APOSTROPHE.split(word, maxsplit=1)[0] in STOP
    return False


def initials_of(words: Sequence[str]) -> set[str]:
    """Acronyms a multi-word name may be abbreviated to: with and without its
    connectors, hyphenated parts counted or not (AFP = Agence France-Presse)."""
    out = set()
    for seq in (content_words(words), [w for w in words if w != "&"]):
        for split in (False, True):
            letters = []
            for word in seq:
                for part in word.split("-") if split else (word,):
                    if not part:
                        continue
                    if len(part) > 1 and part.replace(".", "").isupper():
                        letters.append(part.replace(".", ""))
                    else:
                        letters.append(part[0].upper())
            out.add("".join(letters))
    return out


LOWER_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyz'’-"
    + "".join(map(chr, range(0xDF, 0xF7)))
    + "".join(map(chr, range(0xF8, 0x100)))
)


# Bytes of UTF-8 text kept by lower_exceeds's first, rough look: what an ASCII
# lowercase word is made of; all else (capitals, digits, any other character,
# whatever its bytes) becomes a space. Every ASCII word LOWER_WORD finds is
# then one of the runs left, though not every run is such a word.
LOWER_RUNS = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz'-" else 32 for c in range(256))
NEVER_LOWER = (0, -1)  # a word's count of lowercase uses when there is none: see lower_exceeds


def tidy(names: Sequence[str]) -> tuple[str, ...]:
    """'George W.' -> 'George W' at the end of a name; 'U.S' (a sentence split took
    its last dot) -> 'U.S.'."""
    words = list(names)
    if words[-1].endswith(".") and len(words[-1]) == 2:
        words[-1] = words[-1][0]
    for i, word in enumerate(words):
        if CLIPPED_ACRONYM.fullmatch(word):
            words[i] = word + "."
    return tuple(words)
