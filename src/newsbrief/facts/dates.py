"""Date expressions in news sentences, resolved to calendar dates for the timeline.

News copy dates events relative to the day it was published ("on Tuesday", "last week",
"since November"), so every expression is resolved against the article's publication date;
without one, only expressions that carry their own year can be placed on a timeline.

Most sentences hold no date, so the finder looks at a whole story's sentences at once: cheap
scans of the joined text (digit runs, a few capitalised names, substring searches for the
few lowercase words that open a relative date) find where a trigger word may be; only
there is the full expression matched, anchored, and judged in Python.
All forms are resolved here rather than by dateparser, which costs about half a millisecond
a call and, given a weekday equal to the base date's weekday, answers a week early; "two
weeks ago" needs no calendar library once it is reduced to its week, month or year.

Precision matters as much as the date: "in 2014" must not be drawn on a timeline as
1 January 2014, so coarse expressions carry the first day of their week, month or year
together with a precision that says how much of the date to trust.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ..lang.en.calendar import MONTH_ABBREVIATIONS, MONTHS, SHORT_NAMES, WEEKDAYS

__all__ = ["DateFinder", "DateMention"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression as written, with where it sits so the timeline can cite it."""

    text: str
    start: int
    end: int
    date: dt.date
    precision: str


_MONTHS = {
    name.lower(): number
    for number, names in enumerate(zip(MONTHS, MONTH_ABBREVIATIONS, strict=True), start=1)
    for name in (names[0], *names[1])
}
_WEEKDAYS = {name.lower(): number for number, name in enumerate(WEEKDAYS)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2,
}  # fmt: skip

# Month and weekday names must be capitalised: lower-case "may", "march" and "august" are
# words, not dates. Abbreviations are only taken next to a day or a year (see below),
# because "Jan", "Mar" and "Dec" alone are as often names as months.
_MONTH_NAMES = "|".join(MONTHS)
# Each month's abbreviations longest first ('Sept' before 'Sep').
_ABBREVIATIONS = "|".join(
    name for names in MONTH_ABBREVIATIONS for name in sorted(names, key=len, reverse=True)
)
_FULL_MONTH = rf"(?:{_MONTH_NAMES})\b"
_MONTH = rf"(?:(?:{_MONTH_NAMES})\b|(?:{_ABBREVIATIONS})(?:\.|\b))"
_WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})\b"
# A year is four digits that are not part of a longer number, an amount or a decade
# ("2,014", "$2014", "2014.5", "the 2010s", "2014%").
_YEAR = r"(?<![\w.,$£€/])(?:19|20)\d\d(?![\w%]|[.,:/]\d)"
# A day number that is not the tail of a larger number, a score, a time or an amount.
_DAY = r"(?<![\w.,:/$£€])[0-3]?\d(?:st|nd|rd|th)?(?![\w%]|[.,:/]\d)"


def _day_month(tag: str) -> str:
    """Both orders, "6 June 2017" and "June 6, 2017", with group names unique per use."""
    return (
        rf"(?:(?P<{tag}d1>{_DAY})\s+(?:of\s+)?(?P<{tag}m1>{_MONTH})"
        rf"(?:,?\s+(?P<{tag}y1>{_YEAR}))?"
        rf"|(?P<{tag}m2>{_MONTH})\s+(?P<{tag}d2>{_DAY})(?:,?\s+(?P<{tag}y2>{_YEAR}))?)"
    )


# The cores of the expressions, tried only where the trigger (below) fired. Words that merely
# qualify a core ("on", "since", "last", "mid-", "two ... ago") are read back from the text
# before it, so the core needs no optional lead-in that would have to be tried everywhere.
_CORE = re.compile(
    # A weekday, possibly possessive ("Monday's attack") or with its date beside it.
    rf"(?P<weekday>(?P<wd>{_WEEKDAY})(?:['’]s\b|\s*\(\s*{_day_month('p')}\s*\)"
    rf"|(?:,\s*|\s+){_day_month('c')})?)"
    r"|(?P<iso>(?<![\d-])(?P<isoy>(?:19|20)\d\d)-(?P<isom>[01]\d)-(?P<isod>[0-3]\d)(?![\d-]))"
    rf"|(?P<daymonth>{_day_month('')})"
    rf"|(?P<monthyear>(?P<mym>{_MONTH}),?\s+(?:of\s+)?(?P<myy>{_YEAR}))"
    rf"|(?P<month>(?P<mm>{_FULL_MONTH})(?:['’]s\b)?)"
    rf"|(?P<year>(?P<yy>{_YEAR}))"
    r"|(?P<relative>\b(?i:(?:earlier|later)\s+this\s+(?:week|month|year)"
    r"|(?:last|this|next)\s+(?:week|month|year|night)"
    r"|this\s+(?:morning|afternoon|evening)|yesterday|today|tonight)\b)"
    r"|(?P<ago>\b(?P<agou>(?i:day|week|month|year|decade))s?\s+(?i:ago)\b)"
)


def _trigger() -> re.Pattern[str]:
    """Plain literals only, so that the regex engine can skip in C over every position whose
    character cannot start one; a case-insensitive flag or a leading assertion would make it
    try the whole pattern at every character, several times slower on date-free sentences."""
    relative = "yesterday today tonight this last next earlier later day week month year decade"
    words: list[str] = []
    for word in SHORT_NAMES:
        words += [word, word.upper()]
    for word in relative.split():
        words += [word, word.capitalize(), word.upper()]
    # A number is consumed whole so that "2,500" or "2017" fires once per digit run.
    words += [rf"{digit}\d*" for digit in range(10)]
    return re.compile("|".join(words))


_TRIGGER = _trigger()

# Where a trigger may fire, found cheaply over a whole story's text at once. The trigger
# alternation above starts with lowercase letters as common as "t", "e" and "d", so
# scanning with it tries the whole alternation at a third of all characters; these scans
# look only at digits, at a few capitals, and (by substring search) at the few lowercase
# words that can begin a relative date. Each place found is then confirmed by the trigger
# itself, anchored, so the places tried are the trigger's own: every core that can match
# begins at a digit run, a capitalised name, or a word boundary, never inside another
# trigger, so non-overlapping scanning and these scans agree on where cores are tried.
# Of the digit runs, only those a core can open: a year or ISO date (four digits from 1 or
# 2) or a day before a month ("6 June", "21st of May"). Most figures in news are neither,
# and each would cost its sentence a look in Python.
_DIGIT_RUN = re.compile(
    r"[0-9](?<!\d[0-9])(?:(?<=[12])\d{3}"
    rf"|\d?(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(m[:3] for m in MONTHS)}))"
)
_NAME_START = re.compile("|".join(f"{w}|{w.upper()}" for w in SHORT_NAMES))
# Lowercase starts of relative expressions ("last week", "yesterday"), searched in the
# lowercased text; "ago" is searched instead of its units, which are common words.
_RELATIVE_STARTS = ("this", "last", "next", "yesterday", "today", "tonight", "earlier", "later")
_AGO_UNIT = re.compile(r"(?i:day|week|month|year|decade)s?\s+$")

# Words that may precede a core. Temporal prepositions are kept in the mention's text
# ("since November" and "in November" say different things); "of", "to", "and" and "or" only
# license a bare year or month and are left out of it.
_PREP = (
    r"on|in|since|by|until|till|from|before|after|during|through|between|as\s+of"
    r"|of|to|and|or"
)
_MODIFIER = r"last|next|this|coming|past|early|late|mid"
_BEFORE = re.compile(rf"(?:\b(?P<prep>(?i:{_PREP}))\s+)?(?:\b(?P<mod>(?i:{_MODIFIER}))(?:\s+|-))?$")
_AGO_COUNT = re.compile(
    r"(?<![\d,.])\b(?P<count>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|(?:a\s+)?couple\s+of)|\d{1,3})\s+$"
)
_LOOKBACK = 32

# Prepositions that make a bare four-digit number a year ("in 2014", "by 2015").
_YEAR_PREPS = frozenset(
    "in since by until till from before after during through between of".split()
) | {"as of"}
# A bare month is a date after these; "May" takes fewer, because "by May", "from May" and
# "after May" are, in 2010s news, mostly about Theresa May.
_MONTH_PREPS = _YEAR_PREPS
_MAY_PREPS = frozenset({"in", "since", "until", "till", "during", "as of", "of"})
# Words that only join a range: "from 2014 to 2016", "between March and May".
_RANGE_PREPS = frozenset({"to", "and", "or"})
_TEXT_PREPS = (_YEAR_PREPS - {"of"}) | {"on"}
_WEEKDAY_MODS = frozenset({"last", "next", "this", "coming", "past"})
_PART_MODS = frozenset({"early", "late", "mid"})

# Titles and holidays built on a weekday name that do not mean the weekday before
# publication ("Mail on Sunday", "Good Friday", "Super Tuesday", "Sunday Times"), and
# weekdays that are not anchored to publication ("the following Monday", "every Friday").
_WEEKDAY_NAME_BEFORE = re.compile(
    r"\b(?:(?:Mail|Independent|Observer)\s+on|Good|Black|Cyber|Super|Bloody|Easter|Palm|Ash"
    r"|Holy|Maundy|Shrove|Giving|Whit|Fat|News|following|previous|preceding|every|each|same"
    r"|one|some|any)\s+$"
)
_WEEKDAY_NAME_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|People|Sport|Mail|Tribune|Star"
    r"|Independent|Sun|Business|Night\s+Football|Morning\s+Quarterback|[Ss]chool)\b"
)
# "USA Today", "CBS This Morning", told "Today": capitalised inside a sentence, these are
# programme and paper titles.
_TITLE_BEFORE = re.compile(r"[\w,]\s*$")
_QUOTED_TITLE_BEFORE = re.compile(r"[\w,]\s*[\"“'‘]$")
_CLOSE_QUOTE = re.compile(r"[,.]?[\"”'’]")
_SHOW_AFTER = re.compile(r"\s+(?:[Ss]how|[Pp]rogramme|[Pp]rogram|[Ss]eries)\b")
# "in June Carter's house", "in May Theresa ...": a capitalised word after a bare month
# makes it a name; a number after it ("May 2,000 people") makes it anything but a month.
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]|\d)")
# "in the last week", "over the next month" are durations, not calendar spans.
_DURATION_BEFORE = re.compile(r"\b(?:the|past|over|within)\s+$", re.IGNORECASE)
# Words before "of" that make the number a count ("a total of 2014 people").
_COUNT_OF = re.compile(
    r"\b(?:total|number|sum|out|tally|toll|maximum|minimum|average|majority|score)\s+of\s+$",
    re.IGNORECASE,
)
# "the Fourth of July" is a day, not the month.
_FOURTH_BEFORE = re.compile(r"\b[Ff]ourth\s+$")

_UNIT_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}
_CACHE_LIMIT = 4096

_Resolution = tuple[dt.date, str] | None


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _day_number(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _coarsen(day: dt.date, precision: str) -> dt.date:
    """The first day of the span, so equal spans compare equal on the timeline."""
    if precision == "week":
        return day - dt.timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def _undated_day_month(month: int, day: int, published: dt.date) -> dt.date | None:
    """A day-month without a year is recent past: reporters write "6 June" for last June 6,
    and a few days ahead ("due to meet on 10 July") is the most they look forward."""
    date = _safe_date(published.year, month, day)
    if date is None or date > published + dt.timedelta(days=7):
        date = _safe_date(published.year - 1, month, day)
    return date


def _explicit_day_month(
    groups: dict[str, Any], tag: str, published: dt.date | None
) -> dt.date | None:
    for order in "12":
        day, month, year = (groups.get(f"{tag}{part}{order}") for part in "dmy")
        if day is None or month is None:
            continue
        if year is not None:
            return _safe_date(int(year), _month_number(month), _day_number(day))
        if published is None:
            return None
        return _undated_day_month(_month_number(month), _day_number(day), published)
    return None


def _weekday_date(weekday: int, modifier: str | None, published: dt.date) -> dt.date:
    """A bare weekday is the latest such day on or before publication: news reports what
    happened, and a story published on a Tuesday that says "on Tuesday" means that day."""
    today = published.weekday()
    if modifier in ("last", "past"):
        return published - dt.timedelta(days=(today - weekday) % 7 or 7)
    if modifier in ("next", "coming"):
        return published + dt.timedelta(days=(weekday - today) % 7 or 7)
    if modifier == "this":
        return published + dt.timedelta(days=weekday - today)
    return published - dt.timedelta(days=(today - weekday) % 7)


def _month_date(month: int, modifier: str | None, published: dt.date) -> dt.date:
    """A month without a year is the latest such month up to the publication month,
    ("since November" in July is last November); "last" and "next" exclude the current one."""
    year = published.year
    if modifier in ("last", "past"):
        year -= month >= published.month
    elif modifier in ("next", "coming"):
        year += month <= published.month
    elif modifier != "this":
        year -= month > published.month
    return dt.date(year, month, 1)


def _relative_date(phrase: str, published: dt.date) -> _Resolution:
    """Spans are calendar spans: "last week" is the Monday of the week before the publication
    week with precision "week", not the day seven days earlier; "last month" and "last year"
    likewise start their month and year."""
    words = phrase.lower().split()
    if words == ["yesterday"] or words == ["last", "night"]:
        return published - dt.timedelta(days=1), "day"
    if len(words) == 1 or words[-1] in ("night", "morning", "afternoon", "evening"):
        return published, "day"
    unit = words[-1]
    step = {"last": -1, "next": 1}.get(words[-2], 0)
    if unit == "week":
        return _coarsen(published, "week") + dt.timedelta(weeks=step), "week"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return dt.date(index // 12, index % 12 + 1, 1), "month"
    return dt.date(published.year + step, 1, 1), "year"


def _takes_modifier(kind: str, mod: str) -> bool:
    if kind == "weekday":
        return mod in _WEEKDAY_MODS
    if kind == "month":
        return True
    return kind in ("monthyear", "year") and mod in _PART_MODS


def _licensed(
    kind: str,
    match: re.Match[str],
    sentence: str,
    prep: str | None,
    mod: str | None,
    joined: bool,
) -> bool:
    """Context rules that keep names, titles, counts and durations off the timeline."""
    start, end = match.span()
    if kind == "weekday":
        return not (
            _WEEKDAY_NAME_BEFORE.search(sentence, max(0, start - 24), start)
            or _WEEKDAY_NAME_AFTER.match(sentence, end)
        )
    if kind == "year":
        if mod in _PART_MODS or joined:
            return True
        if prep not in _YEAR_PREPS:
            return False
        return prep != "of" or not _COUNT_OF.search(sentence, max(0, start - 24), start)
    if kind == "month":
        if _NAME_AFTER.match(sentence, end):
            return False
        allowed = _MAY_PREPS if match.group("mm") == "May" else _MONTH_PREPS
        return mod is not None or prep in allowed or joined
    if kind == "relative":
        phrase = match.group()
        if phrase[0].isupper() and not phrase.isupper() and _is_title(sentence, start, end):
            return False
        return not (
            phrase[:4].lower() in ("last", "next")
            and _DURATION_BEFORE.search(sentence, max(0, start - 8), start)
        )
    return True


def _is_title(sentence: str, start: int, end: int) -> bool:
    """A capitalised "Today" or "This Morning" inside a sentence names a paper or a show:
    "USA Today", told "Today" that..., on ABC's "This Week," ..."""
    if _TITLE_BEFORE.search(sentence, max(0, start - 24), start) or _SHOW_AFTER.match(
        sentence, end
    ):
        return True
    return bool(
        _QUOTED_TITLE_BEFORE.search(sentence, max(0, start - 24), start)
        and _CLOSE_QUOTE.match(sentence, end)
    )


class DateFinder:
    """Finds date expressions; one per story, it caches resolutions (no module-level mutable state).

    The cache is per instance because resolutions depend on the publication date, and a story's
    articles repeat the same few expressions ("on Tuesday", "in 2014") many times over.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str, dt.date | None], _Resolution] = {}

    def find(self, sentence: str, published: dt.date | None) -> list[DateMention]:
        """Mentions in reading order. Without `published`, relative expressions are dropped
        rather than guessed, because a wrong date on a timeline is worse than a missing one."""
        return self.find_all([sentence], [published]).get(0, [])

    def find_all(
        self,
        sentences: Sequence[str],
        published: Sequence[dt.date | None],
        *,
        shortcuts: bool = True,
    ) -> dict[int, list[DateMention]]:
        """The mentions of many sentences (each with its publication date), by position;
        sentences without any are left out. Most sentences hold no date, so the places
        worth a look are found in one pass over the joined text (see _NAME_START).

        A sentence's mentions depend on nothing but its text and date, so a sentence the
        story repeats (wire copy shared by its articles) is read once. Without a date only
        expressions that carry their own year resolve (see _resolve), so an undated sentence
        without "19" or "20" in it, the start of every year, is not read at all.

        Without ``shortcuts`` the rule those shortcuts stand for is applied as it is
        stated: every sentence is read, at every place the trigger finds in it. The
        answer is the same (the tests hold the two to it); only the time differs."""
        if not shortcuts:
            return self._read_every(sentences, published)
        rows = [
            row
            for row, sentence in enumerate(sentences)
            if "19" in sentence or "20" in sentence or published[row] is not None
        ]
        first: dict[tuple[str, dt.date | None], int] = {}
        keys = []
        for row in rows:
            keys.append(first.setdefault((sentences[row], published[row]), len(first)))
        read = self._scan([text for text, _ in first], [date for _, date in first])
        return {row: list(read[k]) for row, k in zip(rows, keys, strict=True) if k in read}

    def _read_every(
        self, sentences: Sequence[str], published: Sequence[dt.date | None]
    ) -> dict[int, list[DateMention]]:
        """The general rule of :meth:`find_all`: each sentence tried at each trigger."""
        found = {}
        for row, sentence in enumerate(sentences):
            places = [match.start() for match in _TRIGGER.finditer(sentence)]
            mentions = self._find_at(sentence, places, published[row])
            if mentions:
                found[row] = mentions
        return found

    def _scan(
        self, sentences: Sequence[str], published: Sequence[dt.date | None]
    ) -> dict[int, list[DateMention]]:
        joined = "\n".join(sentences)
        starts = list(accumulate((len(s) + 1 for s in sentences), initial=0))
        lower = joined.lower()
        if len(lower) != len(joined):  # lowercasing moved characters ('İ'): plain scan
            places = [m.start() for m in _TRIGGER.finditer(joined)]
            return self._found(sentences, published, starts, places)
        places = [m.start() for m in _DIGIT_RUN.finditer(joined)]
        places += [m.start() for m in _NAME_START.finditer(joined)]
        find = lower.find
        for word in _RELATIVE_STARTS:
            at = find(word)
            while at >= 0:
                places.append(at)
                at = find(word, at + 1)
        at = find("ago")
        while at >= 0:
            unit = _AGO_UNIT.search(lower, max(0, at - 12), at)
            if unit is not None:
                places.append(unit.start())
            at = find("ago", at + 1)
        return self._found(sentences, published, starts, places)

    def _found(
        self,
        sentences: Sequence[str],
        published: Sequence[dt.date | None],
        starts: list[int],
        places: list[int],
    ) -> dict[int, list[DateMention]]:
        by_row: dict[int, list[int]] = {}
        for place in sorted(set(places)):
            row = bisect_right(starts, place) - 1
            by_row.setdefault(row, []).append(place - starts[row])
        found = {}
        for row, positions in by_row.items():
            mentions = self._find_at(sentences[row], positions, published[row])
            if mentions:
                found[row] = mentions
        return found

    def _find_at(
        self, sentence: str, positions: list[int], published: dt.date | None
    ) -> list[DateMention]:
        if isinstance(published, dt.datetime):
            published = published.date()  # a datetime does not compare with a date
        mentions: list[DateMention] = []
        last_end = 0
        joinable = -1  # where a mention ended, so "to 2016" can continue "from 2014"
        trigger_at = _TRIGGER.match
        for position in positions:
            if position < last_end or trigger_at(sentence, position) is None:
                continue
            match = _CORE.match(sentence, position)
            if match is None:
                continue
            kind = match.lastgroup
            assert kind is not None
            start, end = match.span()
            if kind == "ago":
                count = _AGO_COUNT.search(sentence, max(last_end, start - _LOOKBACK), start)
                if count is None:
                    continue
                start, prep, mod = count.start(), None, count.group("count")
            else:
                before = _BEFORE.search(sentence, max(last_end, start - _LOOKBACK), start)
                assert before is not None  # every part of it is optional
                prep, mod = before.group("prep", "mod")
                if prep is not None:
                    prep = " ".join(prep.lower().split())
                if mod is not None:
                    mod = mod.lower()
                    if _takes_modifier(kind, mod):
                        start = before.start("mod")
                    else:
                        prep = mod = None  # "this 2014" is no date; keep only the core
                joined = (
                    prep in _RANGE_PREPS
                    and joinable >= 0
                    and not sentence[joinable : before.start("prep")].strip(" ,")
                )
                last_end = match.end()
                if not _licensed(kind, match, sentence, prep, mod, joined):
                    continue
                if prep == "of" and match.group() == "July":
                    of = before.start("prep")
                    fourth = _FOURTH_BEFORE.search(sentence, max(0, of - 12), of)
                    if fourth is not None:
                        kind, start = "fourth", fourth.start()
                if prep in _TEXT_PREPS:
                    start = before.start("prep")
            if sentence[end - 2 : end] in ("'s", "’s"):
                end -= 2
            key = (kind, match.group(), mod or "", published)
            if key in self._cache:
                resolution = self._cache[key]
            else:
                resolution = self._resolve(kind, match, mod, published)
                if len(self._cache) >= _CACHE_LIMIT:
                    self._cache.clear()
                self._cache[key] = resolution
            last_end = match.end()
            if resolution is None:
                continue
            mentions.append(DateMention(sentence[start:end], start, end, *resolution))
            joinable = end
        return mentions

    def _resolve(
        self, kind: str, match: re.Match[str], mod: str | None, published: dt.date | None
    ) -> _Resolution:
        """`mod` is the qualifier read before the core: "last", "mid", or the count of "ago"."""
        groups = match.groupdict()
        if kind == "iso":
            date = _safe_date(int(groups["isoy"]), int(groups["isom"]), int(groups["isod"]))
            return None if date is None else (date, "day")
        if kind == "daymonth":
            date = _explicit_day_month(groups, "", published)
            return None if date is None else (date, "day")
        if kind == "monthyear":
            return dt.date(int(groups["myy"]), _month_number(groups["mym"]), 1), "month"
        if kind == "year":
            return dt.date(int(groups["yy"]), 1, 1), "year"
        if kind == "weekday":
            weekday = _WEEKDAYS[groups["wd"].lower()]
            for tag in "pc":
                explicit = _explicit_day_month(groups, tag, published)
                if explicit is not None and (explicit.weekday() == weekday or published is None):
                    return explicit, "day"
            if published is None:
                return None
            return _weekday_date(weekday, mod if mod in _WEEKDAY_MODS else None, published), "day"
        if published is None:
            return None
        if kind == "month":
            month = _month_number(groups["mm"])
            return _month_date(month, mod, published), "month"
        if kind == "relative":
            return _relative_date(groups["relative"], published)
        if kind == "fourth":
            date = _undated_day_month(7, 4, published)
            return None if date is None else (date, "day")
        assert mod is not None
        return self._ago(mod, groups, published)

    def _ago(self, count_word: str, groups: dict[str, Any], published: dt.date) -> _Resolution:
        """ "Two weeks ago", "a month ago": the span that many units before publication.
        Only the span is kept (the week's Monday, the month's or year's first day), so
        the day-of-month questions of calendar arithmetic ("a month ago" from 31 March)
        never arise: the month before is the month before, whatever its length."""
        count_word = " ".join(count_word.lower().split())
        count = int(count_word) if count_word.isdigit() else _NUMBERS[count_word]
        unit = groups["agou"].lower()
        precision = _UNIT_PRECISION[unit]
        try:
            if unit == "day":
                return published - dt.timedelta(days=count), precision
            if unit == "week":
                return _coarsen(published - dt.timedelta(weeks=count), precision), precision
            if unit == "month":
                index = published.year * 12 + published.month - 1 - count
                return dt.date(index // 12, index % 12 + 1, 1), precision
            years = count * 10 if unit == "decade" else count
            return dt.date(published.year - years, 1, 1), precision
        except (ValueError, OverflowError):
            return None  # before year 1
