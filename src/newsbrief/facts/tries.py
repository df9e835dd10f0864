"""Word lists as regular expressions that the engine reads a letter at a time."""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a tree of their common prefixes
    ('t(?:en|hree|wo)'), in a group of its own: the engine reads a letter once
    instead of trying every word that starts with it, which matters for lists of
    dozens of words searched at every capital or digit. A word that is the prefix
    of another is tried after it (longest first); otherwise the order of the
    words makes no difference, so callers must follow the trie with a delimiter."""
    heads: dict[str, set[str]] = {}
    ends = False
    for word in words:
        if word:
            heads.setdefault(word[0], set()).add(word[1:])
        else:
            ends = True
    if not heads:
        return ""
    alternatives = [re.escape(head) + word_trie(rest) for head, rest in sorted(heads.items())]
    pattern = "(?:" + "|".join(alternatives) + ")"
    return pattern + "?" if ends else pattern
