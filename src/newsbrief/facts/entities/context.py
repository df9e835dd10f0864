"""What the words around a mention say of its kind (person, organisation, place)."""

from __future__ import annotations

from .lexicon import (
    AREAS,
    PLACE_PREPS,
    ROLE_SET,
    SAID_SET,
    W_KEYWORD_INSIDE,
    W_PREPOSITION,
    W_ROLE,
    W_SAID,
    W_TITLE,
)
from .patterns import (
    NEXT_WORD,
    NOT_ATTRIBUTIVE,
    ORG_AFTER_WORDS,
    PLACE_AFTER_WORDS,
    ROLE_AFTER,
    SAID_AFTER,
    SAID_AFTER_WORDS,
)

# --------------------------------------------------------------------------- context


def context_evidence(
    text: str,
    end: int,
    last_before: str,
    tail: list[str] | None,
    acronym: bool,
    person_shaped: bool,
) -> tuple[float, float, float]:
    """What the words around a mention say of its kind (person, organisation,
    place): the word before it (and for some cues the words before that, in
    ``tail``), and what follows it."""
    person = org = place = 0.0
    # What follows the name: one look at the next word instead of one pattern
    # per cue, since every cue needs a space or a comma first.
    after = text[end : end + 1]
    if after == ",":
        attributive = place_after = org_after = False
        if not acronym:
            if last_before in ROLE_SET or ROLE_AFTER.match(text, end) is not None:
                person += W_ROLE
            if person_shaped and (
                last_before in SAID_SET or SAID_AFTER.match(text, end) is not None
            ):
                person += W_SAID
    else:
        following = ""
        if after.isspace():
            following = NEXT_WORD.match(text, end).group(1)  # type: ignore[union-attr]
        if not acronym:
            if last_before in ROLE_SET:
                person += W_ROLE
            if person_shaped and (last_before in SAID_SET or following in SAID_AFTER_WORDS):
                person += W_SAID
        if following:
            place_after = following in PLACE_AFTER_WORDS
            org_after = following in ORG_AFTER_WORDS
            attributive = "a" <= following[0] <= "z" and following not in NOT_ATTRIBUTIVE
        else:
            place_after = org_after = attributive = False
    area = last_before
    if area == "the" and tail:
        area = tail[-2] if len(tail) > 1 else ""
        tail = tail[:-1]
    if place_after or (
        area == "of" and tail and len(tail) > 1 and tail[-2] in AREAS and not attributive
    ):
        place += W_TITLE
    elif area in PLACE_PREPS and not acronym and not attributive:
        place += W_PREPOSITION
    if org_after:
        org += W_KEYWORD_INSIDE
    return person, org, place
