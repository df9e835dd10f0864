"""The name key: the one comparison form of a name, used by every rule that asks
whether two spellings are one name.

Case, accents, punctuation and doubled lowercase letters are ignored, so Raqqa =
Raqa, ISIS = Isis and U.S. = US, while Iran != Iraq; capitals keep their
doubles (ISS is not IS, III is not II), and a key shorter than four characters
keeps its doubles too ('Whoo' is not WHO).

The key of words joined by spaces is the concatenation of the words' keys (no
rule looks across a space), so a story caches the keys of words and joins them
(:meth:`StoryState.key`); :func:`name_key` takes that cache as an argument
rather than being written out a second time for speed.
"""

from __future__ import annotations

import re
import unicodedata
from operator import itemgetter

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLED_LOWER = re.compile(r"([a-z])\1+")
_FIRST_GROUP = itemgetter(1)  # as a replacement: faster than r"\1"


def _without_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_key(word: str) -> str:
    """The key of one word, before the rule for short keys: accents, case,
    punctuation and doubled lowercase letters ignored."""
    word = _without_accents(word)
    if _DOUBLED_LOWER.search(word) is not None:  # rare: a look is cheaper than a rewrite
        word = _DOUBLED_LOWER.sub(_FIRST_GROUP, word)
    key = word.lower()
    return key if key.isascii() and key.isalnum() else _NON_ALNUM.sub("", key)


def name_key(name: str, word_keys: dict[str, str] | None = None) -> str:
    """The comparison form of a name (see the module's docstring). ``word_keys``
    caches :func:`word_key` by word, where one is given."""
    if word_keys is None:
        key = "".join(map(word_key, name.split(" ")))
    else:
        key = ""
        for word in name.split(" "):
            part = word_keys.get(word)
            if part is None:
                part = word_keys[word] = word_key(word)
            key += part
    if len(key) >= 4:
        return key
    # Too short to be sure a double is a spelling: the doubles stay.
    short = _without_accents(name).lower()
    return short if short.isascii() and short.isalnum() else _NON_ALNUM.sub("", short)
