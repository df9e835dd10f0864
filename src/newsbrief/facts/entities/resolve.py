"""Pass 2: the story-wide checks, each mention counted with the evidence around it."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from .context import context_evidence
from .judge import first_word_counts, judge, judge_new
from .lexicon import CONNECTORS, GAZETTEER, GENERIC_ORG, W_KEYWORD_INSIDE, W_ROLE, W_SAID, W_TITLE
from .patterns import (
    BEFORE_CUES,
    CUE_AFTER,
    CUE_HEADS,
    INSTITUTION_AFTER,
    ORG_AFTER_WORDS,
    PAREN_BETWEEN,
    PAREN_CLOSE,
    PLACE_AFTER_WORDS,
    ROLE_AFTER,
    SAID_AFTER,
    SAID_AFTER_WORDS,
)
from .records import GENERIC, UNJUDGED, Judged, Piece, Surface
from .story import StoryState
from .words import is_demonym, tidy


# ---- pass 2: story-wide checks, evidence, mentions
def resolve_mentions(story: StoryState) -> None:
    resolved: dict[int, tuple[tuple, ...]] = {}
    texts, surfaces, generic, positions = (
        story.texts,
        story.surfaces,
        story.generic,
        story.positions,
    )
    keys, judged_of = story.keys, story.judged
    for row, entries in enumerate(story.candidates):
        if not entries:
            continue
        text = texts[row]
        paren = "(" in text  # only _paren_pairs reads positions
        plain = None  # no parenthesis and no 'so-called': known when first asked
        for base, cut in entries:
            found = resolved.get(id(cut))
            if found is None:
                # What the story-wide checks make of the pieces of the run,
                # wherever it occurs: (judged words, start, end, title weight)
                # for each name kept, and (GENERIC, word, 0, 0.0) for a bare
                # generic word.
                found = ()  # most runs have one piece
                for names, starts, initial, title in cut:
                    # The words kept: without a sentence-initial word that does
                    # not count, nor connectors at either end.
                    first = 0
                    last = len(names)
                    if initial and not first_word_counts(story, names):
                        first = 1
                        while first < last and names[first] in CONNECTORS:
                            first += 1
                    while last > first and names[last - 1] in CONNECTORS:
                        last -= 1
                    if first == last:
                        continue
                    if first or last < len(names):
                        names = names[first:last]
                    judged = judged_of.get(names, UNJUDGED)
                    if judged is UNJUDGED:
                        judged = judged_of[names] = judge_new(story, names)
                    if judged is None:
                        continue
                    if judged is GENERIC:
                        found += ((GENERIC, names[0], 0, 0.0),)
                    else:
                        end = starts[last - 1] + len(names[-1])
                        found += ((judged, starts[first], end, title),)
                resolved[id(cut)] = found
            for judged, first, last, title in found:
                if judged is GENERIC:
                    generic.append((row, first))
                    continue
                if plain is None and judged.in_gazetteer:
                    plain = not paren and "so-called" not in text
                if plain and judged.in_gazetteer and not judged.grows:
                    # A gazetteer name, whose kind is fixed, where nothing
                    # else about it is read (it does not grow): a mention.
                    surface = surfaces.get(judged.text)
                    if surface is None:
                        surface = _new_surface(story, judged)
                    surface.count += 1
                    surface.rows.append(row)
                    continue
                # Any other mention, with what the words around it say.
                start = base + first
                end = base + last
                if judged.grows:
                    grown = INSTITUTION_AFTER.match(text, end)
                    if grown:
                        judged = judge(story, (*judged.names, grown.group(1))) or judged
                        end = grown.end()
                name = judged.text
                acronym = judged.acronym
                person, org, place = judged.person, judged.org, judged.place
                person_shaped = judged.person_shaped
                gazetteer = judged.in_gazetteer
                surface = surfaces.get(name)
                if surface is None:
                    surface = surfaces[name] = Surface(
                        name,
                        judged.names,
                        keys.get(name) or story.key(name),
                        acronym,
                        judged.content,
                        0,
                        [],
                    )
                if paren:
                    positions.append((row, start, end, name))
                # The words before the name (at most four, within 40 characters),
                # read only as far as needed: most cues look at the last one alone.
                tail: list[str] | None = None
                last_before = ""
                if gazetteer:
                    # The gazetteer fixes the kind: only a 'so-called' matters here.
                    before = text[max(0, start - 40) : start]
                    if "so-called" in before:
                        parts = before.rstrip('" ').rsplit(None, 1)
                        last_before = parts[-1] if parts else ""
                elif start:
                    before = text[start - 1]
                    if before == " " or before == '"' or before.isspace():
                        before = text[start - 40 : start] if start > 40 else text[:start]
                        if '"' in before:
                            tail = [t for t in (w.strip('"') for w in before.split()[-4:]) if t]
                            if tail:
                                last_before = tail[-1]
                        else:
                            parts = before.rsplit(None, 1)
                            if parts:
                                last_before = parts[-1]
                                if last_before == "the" or last_before == "of":
                                    tail = before.split()[-4:]
                if (
                    "-" in last_before
                    and len(last_before) == 9
                    and last_before.lower() == "so-called"
                ):
                    alias = story.surface("so-called " + name, ("so-called", *judged.names))
                    alias.so_called_of = name
                    story.pairs.append((alias.text, name))
                    surface = alias
                surface.count += 1
                surface.rows.append(row)
                if gazetteer:
                    continue
                if tail is not None or last_before in BEFORE_CUES:
                    more_person, more_org, more_place = context_evidence(
                        text, end, last_before, tail, acronym, person_shaped
                    )
                    surface.person += person + title + more_person
                    surface.org += org + more_org
                    surface.place += place + more_place
                    continue
                # No cue before the name: only what follows it may say more.
                person += title
                after = text[end : end + 1]
                if after == ",":
                    if not acronym:
                        if ROLE_AFTER.match(text, end) is not None:
                            person += W_ROLE
                        if person_shaped and SAID_AFTER.match(text, end) is not None:
                            person += W_SAID
                elif after.isspace():
                    # The next word, where one space comes first, begins as a cue
                    # does, or the pattern has nothing to find.
                    head = text[end + 1 : end + 3]
                    if head in CUE_HEADS or head[:1].isspace():
                        cue = CUE_AFTER.match(text, end)
                    else:
                        cue = None
                    if cue is not None:
                        following = cue[1]
                        if person_shaped and not acronym and following in SAID_AFTER_WORDS:
                            person += W_SAID
                        if following in PLACE_AFTER_WORDS:
                            place += W_TITLE
                        if following in ORG_AFTER_WORDS:
                            org += W_KEYWORD_INSIDE
                surface.person += person
                surface.org += org
                surface.place += place
    _paren_pairs(story)
    known = {surface.key for surface in story.surfaces.values()}
    for row, cuts in enumerate(story.in_headline):
        for cut in cuts:
            for piece in cut:
                _match_known(story, row, piece, known)
    # What only this pass reads goes now, not with the story: the garbage
    # collector need not look through it again.
    story.lower_runs = None
    story.lower.clear()
    story.midcap = {}
    story.cuts.clear()
    story.initial_cuts.clear()
    story.candidates = []
    story.judged.clear()


def _new_surface(story: StoryState, judged: Judged) -> Surface:
    name = judged.text
    surface = story.surfaces[name] = Surface(
        name,
        judged.names,
        story.keys.get(name) or story.key(name),
        judged.acronym,
        judged.content,
        0,
        [],
    )
    return surface


def _paren_pairs(story: StoryState) -> None:
    """'Long Name (ACR)' and 'ACR (Long Name)': the text itself declares the alias."""
    by_row: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for row, start, end, name in story.positions:
        by_row[row].append((start, end, name))
    for row, spans in by_row.items():
        if len(spans) < 2:
            continue
        text = story.texts[row]
        spans.sort()
        for (_, end1, name1), (start2, end2, name2) in pairwise(spans):
            if PAREN_BETWEEN.fullmatch(text, end1, start2) and PAREN_CLOSE.match(text, end2):
                story.pairs.append((name1, name2))


def _match_known(story: StoryState, row: int, piece: Piece, known: set[str]) -> None:
    """Headlines, captions and foreign lines capitalise everything: only names
    known from running text (or the gazetteer) are taken from them."""
    names = piece[0]
    i = 0
    while i < len(names):
        for j in range(len(names), i, -1):
            text = " ".join(names[i:j])
            key = story.key(text)
            if key in known or key in GAZETTEER:
                if j - i == 1 and (is_demonym(names[i]) or names[i] in GENERIC_ORG):
                    continue
                found = tidy(names[i:j])
                story.mention(story.surface(" ".join(found), found), row)
                i = j
                break
        else:
            i += 1
