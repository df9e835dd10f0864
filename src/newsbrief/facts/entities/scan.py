"""Pass 1: every capitalised run of the story cut into candidate names, capitals counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .cut import cut_span, split_at_stop_words
from .headlines import (
    LOWER_CONTENT,
    LOWER_CONTENT_SPACED,
    begins_sentence,
    headline_body,
    headline_extent,
)
from .lexicon import ACRONYM_STOP, AND_KEYS, CONNECTORS, UNCOUNTED
from .patterns import MAYBE_INITIAL, PARTICLE_BEFORE, SPAN, TICKER_AFTER
from .records import Piece
from .story import StoryState


# ---- pass 1: cut runs into candidates, count capitalisation
def scan_story(story: StoryState) -> None:
    texts = story.texts = [sentence.text for sentence in story.sentences]
    joined = "\n".join(texts)
    if not joined.isascii():
        texts = story.texts = [
            text
            if text.isascii()
            else text.replace("’", "'")
            .replace("‘", "'")
            .replace("“", '"')
            .replace("”", '"')
            .replace("\u00a0", " ")
            for text in texts
        ]
        joined = "\n".join(texts)
    story.joined = joined
    # The distinct sentence texts, in order, and the one of each row.
    distinct = list(dict.fromkeys(texts))
    if len(distinct) < len(texts):
        story.distinct = "\n".join(distinct)
        number_of = {text: number for number, text in enumerate(distinct)}
        rows = list(map(number_of.__getitem__, texts))
    else:
        distinct = texts
        story.distinct = joined
        rows = list(range(len(texts)))
    # Runs of each distinct sentence (start, pieces), those of its headline
    # part, and the capitalised words the sentences add to the counts, with
    # where each sentence's words begin and end when sentences recur.
    found: list[tuple[tuple[int, tuple[Piece, ...]], ...]] = [()] * len(distinct)
    in_headline: dict[int, list[tuple[Piece, ...]]] = {}
    words: list[str] = []
    repeats = len(distinct) < len(texts)
    word_start = [0] * (len(distinct) + 1) if repeats else []
    word_end = word_start.copy()
    cuts, initial_cuts = story.cuts, story.initial_cuts
    # One pass over all sentences, the pattern never crossing a line break,
    # in offsets of the joined text after a line break of its own: each
    # sentence then has a line break before it.
    joined = "\n" + story.distinct
    widgets = "Facebook" in joined or "Twitter" in joined
    key, part_key = story.key, story.part_key
    number = -1
    text = ""
    offset = line_end = 0
    headline_end = 0  # in offsets of the joined text
    entries: list[tuple[int, tuple[Piece, ...]]] = []
    for match in SPAN.finditer(joined):
        start = match.start()
        before = joined[start - 1]
        if before == " ":
            span = match[0]
            if span in UNCOUNTED:
                continue
        elif before == "-" or before == "'":
            span = ""  # a particle may come before: see below
        else:
            span = match[0]
            if span in UNCOUNTED:
                continue
        if start > line_end:
            if entries:  # kept as a tuple: one list serves every sentence
                found[number] = tuple(entries)
                entries.clear()
            if repeats:
                word_end[number] = len(words)
            while start > line_end:
                number += 1
                offset = line_end + 1
                line_end = offset + len(distinct[number])
            text = distinct[number]
            headline_end = -1
            if repeats:
                word_start[number] = len(words)
        if not span:
            found_particle = PARTICLE_BEFORE.search(joined, max(offset, start - 4), start)
            if found_particle:
                start = found_particle.start()
                before = joined[start - 1]
            span = joined[start : match.end()]
            if span in UNCOUNTED:
                continue
        if span.isupper() and TICKER_AFTER.match(joined, match.end()):
            continue
        if headline_end < 0:
            if widgets or ":" in text or "|" in text:
                headline_end = offset + headline_extent(text)
            elif (
                LOWER_CONTENT_SPACED.search(text) is not None
                or LOWER_CONTENT.search(text) is not None
            ) and (" the " in text or " of " in text or " to " in text):
                headline_end = offset  # running English text: see headline_body
            else:  # headline_extent without the checks that cannot apply
                headline_end = offset + headline_body(text)
        # Sentence-initial runs: a capital there says nothing.
        if before == " " and joined[start - 2] not in MAYBE_INITIAL:
            cut = cuts.get(span)
            if cut is None:
                if " " in span:
                    cut = cut_run(story, span, False, key, part_key)
                else:  # as _cut would
                    cut = cuts[span] = cut_span(span, False, key, part_key)
            if start >= headline_end:
                words.append(span)
                if cut.__class__ is tuple:
                    if cut:
                        entries.append((start - offset, cut))
                    continue
        elif start == offset or begins_sentence(text, start - offset):
            cut = initial_cuts.get(span)
            if cut is None:
                cut = cut_run(story, span, True, key, part_key)
            if start >= headline_end:
                rest = span.split(None, 1)
                if len(rest) > 1:
                    words.append(rest[1])
        else:
            cut = cuts.get(span)
            if cut is None:
                cut = cut_run(story, span, False, key, part_key)
            if start >= headline_end:
                words.append(span)
        if cut:
            if start < headline_end:
                parts = in_headline.setdefault(number, [])
                if cut.__class__ is tuple:
                    parts.append(cut)
                else:
                    parts.extend([part for _, part in cut])
            elif cut.__class__ is tuple:
                entries.append((start - offset, cut))
            else:  # the parts of a run with stop words
                start -= offset
                for at, part in cut:
                    entries.append((start + at, part))
    if entries:
        found[number] = tuple(entries)
    story.candidates = list(map(found.__getitem__, rows))
    if in_headline:
        story.in_headline = [in_headline.get(number, ()) for number in rows]
    if repeats:
        # A sentence that recurs adds its words once more each time.
        word_end[number] = len(words)
        seen = bytearray(len(distinct))
        for number in rows:
            if seen[number]:
                words += words[word_start[number] : word_end[number]]
            else:
                seen[number] = 1
    story.midcap = Counter(" ".join(words).split())


def cut_run(
    story: StoryState,
    span: str,
    initial: bool,
    key: Callable[[str], str],
    part_key: Callable[[str], str],
) -> tuple[Piece, ...] | list:
    """The pieces of a run (cached), or for a run with stop words the
    (offset, pieces) of its parts, which are cached as runs of their own.
    ``key`` and ``part_key`` are the story's."""
    cache = story.initial_cuts if initial else story.cuts
    if " " not in span or "\t" in span or "  " in span:
        segments = None  # one word has no stop word to cut at
    elif " and " in span:
        halves = _cut_and(story, span, initial, key, part_key)
        if halves is not None:
            cache[span] = halves
            return halves
        segments = None
    elif UNCOUNTED.isdisjoint(span.split(" ")):
        segments = None
    else:
        segments = split_at_stop_words(span)
    if segments is None:
        cut = cache[span] = cut_span(span, initial, key, part_key)
        return cut
    parts = []
    for offset, segment in segments:
        if " " not in segment and segment in ACRONYM_STOP:
            continue  # cut alone it would be kept, as part of a run it is not
        first = initial and not offset
        found = (story.initial_cuts if first else story.cuts).get(segment)
        if found is None:
            found = cut_run(story, segment, first, key, part_key)
        if found:
            parts.append((offset, found))
    cache[span] = parts
    return parts


def _cut_and(
    story: StoryState,
    span: str,
    initial: bool,
    key: Callable[[str], str],
    part_key: Callable[[str], str],
) -> list | None:
    """The (offset, pieces) of the names either side of the one 'and' of a
    run, e.g. 'Chile and Argentina', which share their cuts with the runs
    that are just those words; None where cut_span is needed: 'and' that
    may continue a name ('Department of Health and Human Services', after
    'of' or 'for') or join a gazetteer name ('Bosnia and Herzegovina'), or
    a run with more than one 'and'. As in split_at_stop_words, a single word that is
    a stop word for acronyms goes (cut_span drops it at the edge of a
    name), and cut_span cuts the rest alike before and after the 'and'."""
    at = span.find(" and ")
    if span.find(" and ", at + 1) >= 0:
        return None
    head, tail = span[:at], span[at + 5 :]
    if not tail[:1].isupper() or tail.startswith("May"):
        # 'and the ...', 'and al-...'; 'May' after a name is one ('Theresa May').
        return None
    words = head.split(" ")
    last = words[-1]
    if "of" in words or "for" in words or last in CONNECTORS:
        return None
    if part_key(last) + "and" + part_key(tail.split(" ", 1)[0]) in AND_KEYS:
        return None  # see gazetteer_ands
    parts: list = []
    for offset, part, first in ((0, head, initial), (at + 5, tail, False)):
        if " " not in part and part in ACRONYM_STOP:
            continue
        found = (story.initial_cuts if first else story.cuts).get(part)
        if found is None:
            found = cut_run(story, part, first, key, part_key)
        if not found:
            continue
        if found.__class__ is tuple:
            parts.append((offset, found))
        else:
            parts += [(offset + inner, pieces) for inner, pieces in found]
    return parts
