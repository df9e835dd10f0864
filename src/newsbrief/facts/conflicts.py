"""Conflicts: sources giving incompatible values for the same thing.

A false conflict costs the reader's trust more than a missed one, so a pair
of claims must earn its place: different sources, the same subject, values
that cannot both be true (intervals that do not overlap, vague amounts never
count), and nothing in the two sentences that says they are about different
things (different places, different times, 'our' fighters against 'IS'
fighters). What is left is shown with each side's exact words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

import numpy as np

from ..align import CITE_THRESHOLD, Analyzer, SentenceSpace
from ..lang.en.calendar import MONTHS, WEEKDAYS
from ..model import Claim, Conflict, Story
from .dates import DateMention
from .entities import EntityIndex
from .quantities import Quantity, qualified

#: Subjects so common that the sentences must share context to be comparable.
GENERIC_SUBJECTS = frozenset(
    {"people", "dead", "injured", "time", "day", "week", "month", "year", "hour", "minute",
     "second", "job", "member", "case", "child", "student", "vote", "point", "share", "game",
     "life",
     "country", "state", "city", "home", "house", "percent", "other", "report"}
)  # fmt: skip
#: Cosine at which two sentences with figures for one subject tell the same claim
#: (higher for generic subjects: '11 people' and '26 people' are rarely the same people).
SAME_CLAIM = 0.25
SAME_GENERIC_CLAIM = 0.35
#: Readings that vary with time and place by nature: never a conflict.
UNCOMPARABLE_SUBJECTS = frozenset(
    {"celsius", "fahrenheit", "degree", "temperature", "time", "point", "percent", "%"}
)
#: Words of estimates: two estimates of one figure often share little else.
_ESTIMATE = re.compile(
    r"\b(?:estimat\w*|believed|thought to|reportedly|according to|is said to|are said to)\b",
    re.IGNORECASE,
)
_ESTIMATE_STARTS = ("estimat", "believed", "thought to", "reportedly", "according to",
                    "is said to", "are said to")  # fmt: skip
#: Days, months and years named in a sentence: figures of different times do not clash.
#: ('may' is left out: lowercase, it is a verb.)
_WHEN_WORDS = re.compile(
    r"\b(?:"
    + "|".join(name.lower() for name in (*WEEKDAYS, *MONTHS) if name != "May")
    + r"|(?:19|20)\d\d)\b"
)
#: Cosine at which two dated sentences tell the same event (as citations count a fact).
SAME_EVENT = CITE_THRESHOLD
_PERSONAL = frozenset({"our", "my", "his", "her", "their", "your", "its", "whose"})


def quantity_candidates(
    story: Story, space: SentenceSpace, *, shortcuts: bool = True
) -> np.ndarray:
    """Sentences whose figures may enter a conflict: close enough to a sentence
    of another article to tell the same claim, or an estimate (see
    :func:`_comparable`); the others need not be read for figures at all.
    Without ``shortcuts`` every other sentence is searched for an estimate
    word with the pattern itself: the same rows, slower."""
    n = len(story.sentences)
    if space.n_articles < 2:
        return np.zeros(n, dtype=bool)
    # echo is float32: a hair of slack so that no pair at the threshold is lost.
    near = (space.echo >= min(SAME_CLAIM, SAME_GENERIC_CLAIM) - 1e-4).any(axis=1)
    rows = np.flatnonzero(~near).tolist()
    # The estimate words of the other sentences, by substring search over their
    # joined text: far cheaper than a case-blind pattern run on each sentence.
    texts = [story.sentences[row].text for row in rows]
    lower = "\n".join(texts).lower()
    moved = len(lower) != sum(len(t) + 1 for t in texts) - 1  # lowercasing moved characters
    if moved or not shortcuts:
        near[[row for row, text in zip(rows, texts, strict=True) if _ESTIMATE.search(text)]] = True
        return near
    starts = list(accumulate((len(t) + 1 for t in texts), initial=0))
    for word in _ESTIMATE_STARTS:
        at = lower.find(word)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            if _ESTIMATE.match(lower, at):
                near[rows[k]] = True
            at = lower.find(word, at + 1)
    return near


@dataclass(frozen=True, slots=True)
class _Numeric:
    row: int
    article: int
    quantity: Quantity


def quantity_conflicts(
    story: Story,
    space: SentenceSpace,
    quantities: dict[int, list[Quantity]],
    dates: dict[int, list[DateMention]],
    entities: EntityIndex,
    source_of: Sequence[int],
) -> list[Conflict]:
    """Numeric claims about one subject whose values cannot all be true. The claims'
    ``qualified`` marks are read here, not taken from ``quantities``: they may come unread
    (see find_all_quantities)."""
    by_subject: dict[tuple[str, str], list[_Numeric]] = {}
    for row, found in quantities.items():
        if _is_breakdown(found):
            continue
        article = story.sentences[row].article
        for q in found:
            if q.subject and not q.vague:
                by_subject.setdefault((q.subject, q.unit), []).append(_Numeric(row, article, q))
    places = _place_sets(entities)
    texts = [s.text for s in story.sentences]
    conflicts = []
    for (subject, _unit), claims in by_subject.items():
        if len({c.article for c in claims}) < 2:
            continue
        # Whether a claim counts a part is read here, for the claims of a clash only.
        parts: list[bool | None] = [None] * len(claims)
        clashing: set[int] = set()
        for i, a in enumerate(claims):
            for j in range(i + 1, len(claims)):
                b = claims[j]
                if a.article == b.article or a.quantity.agrees_with(b.quantity):
                    continue
                for k in (i, j):
                    if parts[k] is None:
                        parts[k] = qualified(texts[claims[k].row], claims[k].quantity)
                if parts[i] or parts[j]:
                    continue
                if _comparable(a, b, subject, space, dates, places, texts):
                    clashing.update((i, j))
        if clashing:
            conflicts.append(_quantity_conflict([claims[k] for k in sorted(clashing)], story,
                                                source_of))  # fmt: skip
    conflicts.sort(key=lambda c: -len({claim.source for claim in c.claims}))
    return conflicts


def _different_kinds(a: Quantity, b: Quantity) -> bool:
    """'three gold medals' and 'five bronze medals' count different things:
    both name the kind (a lower-case modifier) and the kinds differ. Names
    ('IS fighters', 'Isis fighters') are left to the entity aliases."""
    kind_a = {w.lower() for w in a.counted.split()[:-1] if w[:1].islower()}
    kind_b = {w.lower() for w in b.counted.split()[:-1] if w[:1].islower()}
    return bool(kind_a and kind_b and not kind_a & kind_b)


def _is_breakdown(found: list[Quantity]) -> bool:
    """A sentence of many figures, or of several for one subject, compares or
    breaks down ('two counts of assault and five counts of mischief'): its
    figures are parts, not rival claims."""
    if len(found) >= 3:
        return True
    keys = [(q.subject, q.unit) for q in found if q.subject]
    return len(keys) != len(set(keys))


def _comparable(
    a: _Numeric,
    b: _Numeric,
    subject: str,
    space: SentenceSpace,
    dates: dict[int, list[DateMention]],
    places: _Places,
    texts: Sequence[str],
) -> bool:
    """Whether two claims are about the same thing: absent evidence that they
    are not (a part or someone's share, another place, another day), the
    sentences must share their context or both be estimates. Parts and shares
    are ruled out by the caller."""
    words = {w.lower() for w in f"{a.quantity.counted} {b.quantity.counted}".split()}
    if words & _PERSONAL:
        return False
    if _different_places(places, a.row, b.row):
        return False
    days_a = {(d.date, d.precision) for d in dates.get(a.row, ())}
    days_b = {(d.date, d.precision) for d in dates.get(b.row, ())}
    if days_a and days_b and not days_a & days_b:
        return False
    when_a = set(_WHEN_WORDS.findall(texts[a.row].lower()))
    when_b = set(_WHEN_WORDS.findall(texts[b.row].lower()))
    if when_a and when_b and not when_a & when_b:
        return False
    if subject in UNCOMPARABLE_SUBJECTS or _different_kinds(a.quantity, b.quantity):
        return False
    generic = subject in GENERIC_SUBJECTS
    if space.similar_to(a.row)[b.row] >= (SAME_GENERIC_CLAIM if generic else SAME_CLAIM):
        return True
    return bool(
        subject not in GENERIC_SUBJECTS
        and _ESTIMATE.search(texts[a.row])
        and _ESTIMATE.search(texts[b.row])
    )


@dataclass(frozen=True, slots=True)
class _Places:
    """The places each sentence names, the story's main place (a sentence that
    names none is taken to be about it) and the places several articles name."""

    by_row: dict[int, frozenset[int]]
    main: frozenset[int]
    major: frozenset[int]

    def get(self, row: int) -> frozenset[int]:
        return self.by_row.get(row) or self.main


def _place_sets(entities: EntityIndex) -> _Places:
    places = {i for i, e in enumerate(entities.entities) if e.kind == "place"}
    by_row = {row: frozenset(ids & places) for row, ids in entities.by_row.items() if ids & places}
    ranked = [i for i, e in enumerate(entities.entities) if e.kind == "place"]
    main = frozenset(ranked[:1])
    major = frozenset(i for i in ranked if len(entities.entities[i].articles) >= 2) - main
    return _Places(by_row, main, major)


def _different_places(places: _Places, a: int, b: int) -> bool:
    """Whether two sentences are about different places: each names one the other
    does not, or one names another major place of the story ('Mosul' in a Raqqa story)."""
    place_a, place_b = places.get(a), places.get(b)
    only_a, only_b = place_a - place_b, place_b - place_a
    if only_a and only_b:
        return True
    return bool((only_a | only_b) & places.major)


def _quantity_conflict(claims: list[_Numeric], story: Story, source_of: Sequence[int]) -> Conflict:
    counted = Counter(c.quantity.counted for c in claims if c.quantity.counted)
    subject = counted.most_common(1)[0][0] if counted else claims[0].quantity.subject
    seen = set()
    out = []
    for c in sorted(claims, key=lambda c: (_middle(c.quantity), source_of[c.article])):
        key = (source_of[c.article], c.quantity.text.lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(Claim(value=c.quantity.text, source=source_of[c.article],
                         quote=story.sentences[c.row].text))  # fmt: skip
    return Conflict(kind="quantity", subject=subject, claims=tuple(out))


def _middle(q: Quantity) -> float:
    return q.low if math.isinf(q.high) else (q.low + q.high) / 2


def date_conflicts(
    story: Story,
    space: SentenceSpace,
    dates: dict[int, list[DateMention]],
    source_of: Sequence[int],
) -> list[Conflict]:
    """The same event put on different days by different sources (``dates`` holds
    quotable sentences only)."""
    rows = [
        r
        for r, found in dates.items()
        if story.sentences[r].text[:1].isalpha() and any(d.precision == "day" for d in found)
    ]
    articles = {r: story.sentences[r].article for r in rows}
    seen_pairs: set[frozenset[int]] = set()
    conflicts = []
    for i, a in enumerate(rows):
        sims = space.similar_to(a)
        for b in rows[i + 1 :]:
            if articles[a] == articles[b] or sims[b] < SAME_EVENT:
                continue
            days_a = {d.date for d in dates[a] if d.precision == "day"}
            days_b = {d.date for d in dates[b] if d.precision == "day"}
            if days_a & days_b or len(days_a) != 1 or len(days_b) != 1:
                continue
            pair = frozenset((a, b))
            if pair in seen_pairs:
                continue
            seen_pairs.add(pair)
            conflicts.append((a, b))
    return _merge_date_conflicts(conflicts, story, space, dates, source_of)


def _merge_date_conflicts(
    pairs: list[tuple[int, int]],
    story: Story,
    space: SentenceSpace,
    dates: dict[int, list[DateMention]],
    source_of: Sequence[int],
) -> list[Conflict]:
    """One conflict per event: pairs sharing a sentence are the same disagreement."""
    groups: list[set[int]] = []
    for a, b in pairs:
        hit = [g for g in groups if a in g or b in g]
        merged = {a, b}.union(*hit) if hit else {a, b}
        groups = [g for g in groups if g not in hit] + [merged]
    conflicts = []
    for group in groups:
        claims = []
        seen = set()
        for row in sorted(group, key=lambda r: (_day(dates[r]).date, r)):
            mention = _day(dates[row])
            source = source_of[story.sentences[row].article]
            value = f"{mention.text} ({mention.date.isoformat()})"
            if (source, mention.date) in seen:
                continue
            seen.add((source, mention.date))
            claims.append(Claim(value=value, source=source, quote=story.sentences[row].text))
        if len({c.value.rsplit("(", 1)[-1] for c in claims}) > 1:
            conflicts.append(Conflict(kind="date", subject=_event_subject(group, story),
                                      claims=tuple(claims)))  # fmt: skip
    return conflicts


def _day(found: list[DateMention]) -> DateMention:
    return next(d for d in found if d.precision == "day")


def _event_subject(rows: set[int], story: Story) -> str:
    """Name an event by the content words all its sentences share, as the first one says them."""
    analyzer = Analyzer()
    ordered = sorted(rows)
    term_sets = [set(analyzer.terms(story.sentences[r].text)) for r in ordered]
    shared = set.intersection(*term_sets) - _DAY_WORDS
    # Event words (lower case: 'breach', 'wall') say what happened better than the
    # names of who did it, so they come first; reading order within each kind.
    found = []
    seen = set()
    for position, word in enumerate(story.sentences[ordered[0]].text.split()):
        terms = analyzer.terms(word)
        if terms and terms[0] in shared and terms[0] not in seen and not terms[0].isdigit():
            seen.add(terms[0])
            found.append((word[:1].isupper(), position, word.strip('.,;:"“”‘’()')))
    words = [w for _, _, w in sorted(sorted(found)[:5], key=lambda t: t[1])]
    return "day of: " + " ".join(words) if words else "day of the event"


_DAY_WORDS = frozenset((*(day.lower() for day in WEEKDAYS), "today", "yesterday"))


def name_conflicts(story: Story, entities: EntityIndex, source_of: Sequence[int]) -> list[Conflict]:
    """One entity named differently by different sources (not an alias: a slip)."""
    conflicts = []
    for variant in entities.variants:
        claims = []
        for name, articles, example in variant.names:
            for article in articles:
                text = next(
                    (s.text for s in story.sentences if s.article == article and name in s.text),
                    story.sentences[example].text,
                )
                claims.append(Claim(value=name, source=source_of[article], quote=text))
        if len({c.value for c in claims}) > 1:
            conflicts.append(Conflict(kind="name", subject=variant.entity, claims=tuple(claims)))
    return conflicts
