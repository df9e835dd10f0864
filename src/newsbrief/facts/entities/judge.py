"""Whether words are a name, and what its own words say of its kind."""

from __future__ import annotations

from .lexicon import (
    ACRONYM_STOP,
    CONNECTORS,
    DEMONYMS,
    DIRECTIONS,
    FIRST_NAMES,
    GAZETTEER,
    GENERIC_ORG,
    INSTITUTION_ADJECTIVES,
    INSTITUTION_NOUNS,
    NAME_SUFFIXES,
    ORG_WORDS,
    PLACE_PREFIXES,
    PLACE_WORDS,
    TITLE_WORDS,
    W_FIRST_NAME,
    W_KEYWORD_INSIDE,
    W_KEYWORD_LAST,
    W_WEAK,
)
from .patterns import ACRONYM
from .records import GENERIC, UNJUDGED, Judged
from .story import StoryState
from .words import ACRONYM_SECOND, content_words, is_acronym, is_demonym, is_title, tidy


def first_word_counts(story: StoryState, words: tuple[str, ...]) -> bool:
    """The spec's rule for sentence-initial capitals, generous to multi-word
    names whose first word the story never writes in lowercase."""
    first = words[0]
    if first[1:2] in ACRONYM_SECOND and ACRONYM.fullmatch(first) is not None:
        return True  # an acronym
    count = story.midcap.get  # capitalised(first) > 0
    if count(first, 0) or count(first + "'s", 0) or count(first + "'", 0):
        return True
    if story.key(first) in GAZETTEER:
        return True
    if len(words) == 1:
        return False
    if story.key(" ".join(words)) in GAZETTEER:
        return True
    return not is_title(first) and not story.lower_exceeds(first.lower(), 0)


def judge(story: StoryState, names: tuple[str, ...]) -> Judged | None:
    found = story.judged.get(names, UNJUDGED)
    if found is UNJUDGED:
        found = story.judged[names] = judge_new(story, names)
    return found


def judge_new(story: StoryState, names: tuple[str, ...]) -> Judged | None:
    """Whether these words are a name, and what they say of its kind; None
    rejects them, GENERIC marks a bare 'Observatory' or 'Command'."""
    word = names[0]
    single = len(names) == 1
    joined = word if single else " ".join(names)
    gazetteer = story.key(joined) in GAZETTEER
    if single:
        if not gazetteer:
            if (
                len(word) == 1
                or word in NAME_SUFFIXES
                or word in DEMONYMS
                or ("-" in word and is_demonym(word))
                or word.rstrip(".").lower() in TITLE_WORDS
            ):
                return None
            # Directions, stop acronyms and long capitals are never generic
            # words, so they may go before the costlier count.
            if (
                word in DIRECTIONS
                or (word in ACRONYM_STOP and is_acronym(word))
                or (len(word) > 6 and word.isupper())
            ):
                return None
            if story.lower_exceeds(word.lower(), story.capitalised(word)):
                return None
            if word in GENERIC_ORG or word in PLACE_WORDS:
                return GENERIC
        # One word: the rules below, with nothing before or after it.
        if "." in word:
            names = tidy(names)
            word = names[0]
        acronym = word[1:2] in ACRONYM_SECOND and ACRONYM.fullmatch(word) is not None
        org = W_KEYWORD_LAST if word in ORG_WORDS or word in INSTITUTION_NOUNS else 0.0
        if acronym:
            org += W_WEAK
        return Judged(
            names=names,
            text=word,
            acronym=acronym,
            person=0.0,
            org=org,
            place=W_KEYWORD_LAST if word in PLACE_WORDS else 0.0,
            person_shaped=False,
            grows=False,
            in_gazetteer=gazetteer,
            content=() if word in CONNECTORS else names,
        )
    elif (word in CONNECTORS or word.rstrip(".").lower() in TITLE_WORDS) and all(
        w in CONNECTORS or w.rstrip(".").lower() in TITLE_WORDS for w in names
    ):
        return None
    if "." in joined:
        names = tidy(names)
        joined = " ".join(names)
    person = org = place = 0.0
    # The head noun of 'Old City of Mosul' or 'Observatory for Human Rights'.
    if "of" in names or "for" in names:
        cut = next(i for i, w in enumerate(names) if w in ("of", "for"))
    else:
        cut = len(names)
    last = names[cut - 1] if cut > 0 else names[-1]
    # 'Kim Wall' is a journalist before she is a wall: after a first name a
    # place keyword is weak evidence.
    first_name = 1 < len(names) < 4 and names[0] in FIRST_NAMES
    if last in ORG_WORDS or last in INSTITUTION_NOUNS:
        org += W_KEYWORD_LAST
    elif not ORG_WORDS.isdisjoint(names):
        org += W_KEYWORD_INSIDE
    if last in PLACE_WORDS or names[0] in PLACE_PREFIXES:
        place += W_WEAK if first_name else W_KEYWORD_LAST
    content = tuple(content_words(names)) if not CONNECTORS.isdisjoint(names) else names
    person_shaped = 1 < len(content) <= 4 and not org and not place and not gazetteer
    if person_shaped:
        for word in content:
            if word[1:2] in ACRONYM_SECOND and ACRONYM.fullmatch(word) is not None:
                person_shaped = False  # an acronym
                break
    if first_name and (person_shaped or org + place <= W_WEAK):
        person += W_FIRST_NAME
    return Judged(
        names=names,
        text=joined,
        acronym=False,
        person=person,
        org=org,
        place=place,
        person_shaped=person_shaped,
        grows=last in INSTITUTION_ADJECTIVES,
        in_gazetteer=gazetteer,
        content=content,
    )
