"""Where capitals say nothing of names: sentence starts, headlines, captions, foreign lines."""

from __future__ import annotations

import re

from ..tries import word_trie
from .patterns import ABBREVIATION_SET, CAP_WORD, CLAUSE_END, INITIAL_BEFORE, OPENERS, SHARE_WIDGET

ENGLISH = frozenset(
    "the of and to a is was for on with that by as at from are has have it be this were "
    "said an its their his her they we you not but or".split()
)
FOREIGN = frozenset(
    "der die das und im mit von zu für auf ist nicht ein eine les et une est dans sur avec "
    "los las el con por una che il nel della".split()
)
TITLECASE_SKIP = frozenset(
    "a an the and or but of in on at to for by with from as vs via nor".split()
)
LOWER_CONTENT = re.compile(rf"(?<![\w'’-])(?!(?:{'|'.join(sorted(TITLECASE_SKIP))})\b)[a-zß-öø-ÿ]")
# The same after a space, as most are: a quick look for one, before LOWER_CONTENT.
LOWER_CONTENT_SPACED = re.compile(rf" (?!{word_trie(TITLECASE_SKIP)}\b)[a-zß-öø-ÿ]")
ENGLISH_WORD = re.compile(rf"\b(?:{'|'.join(sorted(ENGLISH))})\b")
FOREIGN_WORD = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(FOREIGN))})\b")


def begins_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence, quote, line or list item,
    where a capital says nothing about names."""
    i = start
    quoted = False
    while i > 0 and text[i - 1] in OPENERS:
        i -= 1
        if text[i] in "\"'" and (i == 0 or not text[i - 1].isalnum()):
            quoted = True
    if i == 0 or quoted:
        return True
    prev = text[i - 1]
    if prev in "\n|•·!?:;":
        return True
    if prev != ".":
        return False
    k = j = i - 1
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    before = text[k:j]
    if before in ABBREVIATION_SET:
        return False
    return not (before and INITIAL_BEFORE.fullmatch(before))


def headline_extent(text: str) -> int:
    """How much of a sentence is headline, caption, menu or a foreign language,
    where capitals are no sign of names: all of it, a title-case lead-in before a
    colon ('Drop This Fact: ...'), or none (0)."""
    if ("Facebook" in text or "Twitter" in text) and len(SHARE_WIDGET.findall(text)) >= 2:
        return len(text)
    body = headline_body(text)
    if body or (":" not in text and "|" not in text):
        return body
    clause = CLAUSE_END.search(text)
    if clause is None:
        return 0
    lead = text[: clause.start()]
    if LOWER_CONTENT.search(lead) is None and len(CAP_WORD.findall(lead)) >= 2:
        return clause.start()
    return 0


def headline_body(text: str) -> int:
    """All of a sentence if it is a headline, caption or foreign line, else 0:
    headline_extent without its checks for share buttons and a title-case lead-in,
    for the many sentences without 'Facebook', 'Twitter', a colon or a bar."""
    if LOWER_CONTENT.search(text) is None:
        return len(text) if len(CAP_WORD.findall(text)) >= 2 else 0
    if (
        " the " not in text
        and " of " not in text
        and " to " not in text
        and ENGLISH_WORD.search(text) is None
        and FOREIGN_WORD.search(text) is not None
    ):
        return len(text)
    return 0
