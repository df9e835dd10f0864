"""Splitting words that a lost line break glued together ("saidThe", "2.5 kmRafiqah").

One regex pass over all kept lines joined finds the candidate capitals; a
candidate is split only when the word before it is a whole lowercase word that
starts its token, so names such as "McGurk", "YouTube" or "deGrom" stay whole.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from .rules_inline import ASCII_LOWER, GLUE, PARTICLES, TOKEN_INNER

__all__ = ("unglue",)


def unglue(texts: list[str]) -> list[str]:
    """Return ``texts`` with glued words split (the same list when nothing is glued).

    Glued words are rare, so the texts are only rebuilt where a split happens.
    """
    joined = "\n".join(texts)
    splits = [m.start() for m in GLUE.finditer(joined) if _is_glued(joined, m.start())]
    if not splits:
        return texts
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    offsets: dict[int, list[int]] = {}
    for position in splits:
        k = bisect_right(starts, position) - 1
        offsets.setdefault(k, []).append(position - starts[k])
    texts = list(texts)
    for k, cuts in offsets.items():
        text = texts[k]
        for cut in reversed(cuts):
            text = f"{text[:cut]} {text[cut:]}"
        texts[k] = text
    return texts


def _is_glued(string: str, capital: int) -> bool:
    """Tell whether the word before ``string[capital]`` is a whole lowercase word.

    The word must start its token, so "McGurk", "YouTube", "@realDonaldTrump"
    or "example.comThe" stay whole, and it must not be a name particle (deGrom).
    """
    end = capital - 1 if string[capital - 1] in ".!?" else capital
    start = end
    while start > 0 and string[start - 1] in ASCII_LOWER:
        start -= 1
    before = string[start - 1] if start else " "
    if before.isalpha() or before in TOKEN_INNER:
        return False
    if end == capital:
        return before != "." and string[start:end] not in PARTICLES
    return True
