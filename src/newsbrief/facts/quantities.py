"""Numeric claims: what a number counts, and the range a source commits to.

Outlets rarely give the same figure the same way: '2,500 fighters', 'around
2,500 jihadis', 'up to 4,000 fighters', 'the 2.5 km wall', 'the 2,500-meter
wall', 'tens of thousands of civilians'. To compare them, every claim becomes
an interval in a base unit (metres, not kilometres) with what it counts, so
that 'at least 100,000' and 'up to 100,000' agree while '2,500' and 'up to
4,000' do not. Vague amounts ('hundreds') get wide intervals and are marked
vague: they can agree with a figure but never contradict one.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from ..align import stem
from ..lang.en.calendar import ABBREVIATED_MONTHS, MONTHS
from ..lang.en.stopwords import COUNT_ENDING_WORDS, COUNT_LEADING_WORDS
from .tries import word_trie

_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a dozen": 12,
    "a thousand": 1000,
}  # fmt: skip
_UNIT_VALUES = {"one": 1}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
           "m": 1e6, "k": 1e3}  # fmt: skip
#: Vague amounts: (low, high) of what a reader would accept.
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "a few hundred": (200, 500),
    "several hundred": (200, 900), "thousands": (2000, 9999), "a few thousand": (2000, 5000),
    "several thousand": (2000, 9000), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 9.99e6),
    "tens of millions": (2e7, 9.99e7), "a handful": (2, 9), "several": (3, 9),
    "a couple of hundred": (150, 300), "a couple hundred": (150, 300), "a few dozen": (24, 60),
    "several dozen": (30, 99), "a few": (2, 5), "a couple of": (2, 3), "hundred": (100, 999),
    "thousand": (1000, 9999),
}  # fmt: skip
#: Units and their base unit and factor.
_UNITS = {
    "km": ("m", 1000.0), "kilometre": ("m", 1000.0), "kilometer": ("m", 1000.0),
    "m": ("m", 1.0), "metre": ("m", 1.0), "meter": ("m", 1.0), "mile": ("m", 1609.344),
    "ft": ("m", 0.3048), "foot": ("m", 0.3048), "feet": ("m", 0.3048), "yard": ("m", 0.9144),
    "sq km": ("m2", 1e6), "sq. km": ("m2", 1e6), "square kilometre": ("m2", 1e6),
    "square kilometer": ("m2", 1e6),
    "square mile": ("m2", 2.59e6), "hectare": ("m2", 1e4), "acre": ("m2", 4046.86),
    "percent": ("%", 1.0), "per cent": ("%", 1.0), "%": ("%", 1.0),
    "kg": ("kg", 1.0), "kilogram": ("kg", 1.0), "tonne": ("kg", 1000.0), "ton": ("kg", 907.2),
    "pound": ("kg", 0.4536),
    "$": ("USD", 1.0), "dollar": ("USD", 1.0), "us$": ("USD", 1.0), "€": ("EUR", 1.0),
    "euro": ("EUR", 1.0), "£": ("GBP", 1.0), "sterling": ("GBP", 1.0),
    "year": ("year", 1.0), "month": ("month", 1.0), "week": ("week", 1.0), "day": ("day", 1.0),
    "hour": ("hour", 1.0), "minute": ("minute", 1.0),
}  # fmt: skip
#: Modifiers and the interval they make of a value ``x`` (as factors of x).
_BOUNDS = {
    "at least": (1.0, math.inf), "more than": (1.0, math.inf), "over": (1.0, math.inf),
    "upwards of": (1.0, math.inf), "in excess of": (1.0, math.inf),
    "no fewer than": (1.0, math.inf),
    "up to": (0.75, 1.0), "as many as": (0.75, 1.0), "at most": (0.0, 1.0),
    "fewer than": (0.0, 1.0), "less than": (0.0, 1.0), "under": (0.0, 1.0),
    "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "just under": (0.9, 1.0),
    "around": (0.9, 1.1), "about": (0.9, 1.1), "some": (0.9, 1.1),
    "roughly": (0.9, 1.1), "approximately": (0.9, 1.1), "an estimated": (0.9, 1.1),
    "estimated": (0.9, 1.1), "close to": (0.85, 1.05), "or so": (0.9, 1.1),
}  # fmt: skip
#: Exact figures are still rounded by whoever wrote them.
_EXACT_SLACK = 0.05

#: Counted words that name the same thing.
_SYNONYMS = {
    "fighter": "fighter", "militant": "fighter", "jihadi": "fighter", "jihadis": "fighter",
    "jihadist": "fighter",
    "combatant": "fighter", "insurgent": "fighter", "gunman": "fighter", "rebel": "fighter",
    "people": "people", "civilian": "people", "person": "people", "resident": "people",
    "inhabitant": "people", "killed": "dead", "dead": "dead", "death": "dead", "die": "dead",
    "died": "dead", "wounded": "injured", "injured": "injured", "injury": "injured",
    "soldier": "troop", "troop": "troop",
}  # fmt: skip
_AUXILIARIES = COUNT_LEADING_WORDS
_NOT_COUNTED = COUNT_ENDING_WORDS

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_COMPOUND_NUMBER = rf"(?:{'|'.join(_TENS)})-(?:{'|'.join(_UNITS_WORDS)})"
_WORD_NUMBER = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_VAGUE_WORDS = "|".join(sorted((re.escape(w) for w in _VAGUE), key=len, reverse=True))
_BOUND_WORDS = "|".join(sorted((re.escape(w) for w in _BOUNDS if w != "or so"), key=len,
                               reverse=True))  # fmt: skip
_UNIT_WORDS = "|".join(
    sorted((re.escape(w) for w in _UNITS if w not in {"$", "€", "£", "us$", "%"}), key=len,
           reverse=True)
)  # fmt: skip

# Matched from an anchor (a digit, a number word, a vague amount) onwards; the
# bound before it ('up to', 'at least') is read separately, so the costly
# alternations run only where a number is, not at every position of a sentence.
_QUANTITY = re.compile(
    rf"(?P<currency>us\$|\$|€|£)?"
    rf"(?:(?P<vague>(?:{_VAGUE_WORDS})\b)"
    rf"|(?P<number>{_NUMBER})(?:\s*(?P<scale>thousand|million|billion|trillion|bn)\b)?"
    rf"|(?P<word>(?:{_COMPOUND_NUMBER}|{_WORD_NUMBER})\b)"
    rf"(?:\s+(?P<wscale>thousand|million|billion)\b)?)"
    rf"(?P<orso>\s+or\s+so\b)?"
    rf"(?:(?:\s*-\s*|\s+)(?P<unit>(?:{_UNIT_WORDS})s?\b\.?|%)|\s*(?P<percent>%))?",
    re.IGNORECASE,
)
_BOUND_BEFORE = re.compile(rf"\b(?P<bound>{_BOUND_WORDS})\s+(?:us\$|\$|€|£)?$", re.IGNORECASE)
#: How ASCII text before a bound ends (see _bound_before): a bound's last word or a currency.
_BOUND_ENDS = tuple(sorted({w.split()[-1] for w in _BOUNDS if w != "or so"} | {"$"}))
# The digit first and the look behind it after: a pattern that opens with a
# character class lets the engine skip to the digits, one that opens with a
# lookbehind is tried at every position.
_DIGIT_ANCHOR = re.compile(r"\d(?<![\w.,/:-]\d)")
#: First words of number words and vague amounts: a sentence without any has no worded number.
_ANCHOR_WORDS = frozenset(
    w.split()[1] if w.split()[0] in {"a", "one"} else w.split()[0]
    for w in (*_WORD_NUMBERS, *_VAGUE, *_TENS)
)


# Lower-case words, no flags: much cheaper than a case-insensitive search.
_WORD_ANCHOR = re.compile(r"\b" + word_trie(_ANCHOR_WORDS) + r"\b")
# The two anchors as the rule states them, which the patterns above and the
# marked scan below shortcut (see _rule_anchors).
_DIGIT_RULE = re.compile(r"(?<![\w.,/:-])\d")
_WORD_RULE = re.compile(
    r"\b(?:" + "|".join(sorted(sorted(_ANCHOR_WORDS), key=len, reverse=True)) + r")\b"
)


def _ascii_mark(char: str) -> str:
    if char.isalnum() or char == "_":
        return char.lower()
    return "." if char in ".,/:-" else " "


# ASCII text (most news copy) is scanned faster as a copy in which letters are lower case
# and every other character but a digit or '_' is a space, or a dot where it can glue a
# digit to a number before it ('2.5', '1,000', '9/11', '10:30', '2-3'): there both kinds of
# anchor open with a literal space (a word may also follow a dot), which the engine skips
# to far faster than to a class of characters or a word boundary, and find the same places.
_ASCII_MARKS = str.maketrans({chr(c): _ascii_mark(chr(c)) for c in range(128)})
_ASCII_ANCHOR = re.compile(r" (?:(?P<digit>[0-9])|" + word_trie(_ANCHOR_WORDS) + r"(?=[ .]))")
_ASCII_WORD_AFTER_DOT = re.compile(r"\.(?:" + word_trie(_ANCHOR_WORDS) + r")(?=[ .])")
_OWNER_BEFORE = re.compile(
    r"(?:\b(?:its|their|his|her|our|my|your|whose)|['’]s|\bof\s+(?:the|its|their))\s+$",
    re.IGNORECASE,
)
_SMALL = r"(?:two|three|four|five|six|seven|eight|nine|ten)"
_RANGE_AFTER = re.compile(rf"\s*(?:to|-|–|and|or)\s*(?:\d|{_SMALL}\b)")
_RANGE_BEFORE = re.compile(rf"(?:\d|\b{_SMALL})\s*(?:to|-|–|and|or)\s+$")
_RESTRICTORS = frozenset(
    "that who which whose per each apiece enrolled including among worth".split()
)
_PARENTHESIS = re.compile(r"^\s*\([^)]*\)")
#: 'the remaining seven bills', 'another 300 troops': a part, not the whole.
_PART_BEFORE = re.compile(
    r"\b(?:remaining|other|another|additional|further|extra|first|last|final|latest|new|more)"
    r"\s+$",
    re.IGNORECASE,
)
_COUNTED = re.compile(r"\s*(?:\([^)]*\)\s*)?((?:[\w'’-]+\s*){1,5})")
_MONTH_NAMES = frozenset(name.lower() for name in (*MONTHS, *ABBREVIATED_MONTHS))
_ORDINAL_OR_TIME = re.compile(r"\s*(?:(?:st|nd|rd|th)\b|a\.m\.|p\.m\.|am\b|pm\b|:\d)")
#: Words that make the number after them a reference ('No. 5', 'page 12'), not an amount.
_REFERENCES = ("No.", "number", "#", "page", "article", "section", "chapter", "Article")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a sentence with what it counts and the interval it claims.

    ``low``/``high`` are in the base ``unit`` ('' for counts of things);
    ``counted`` is the phrase after the number ('Isis fighters') and
    ``subject`` its normalised head ('fighter'), the key for comparing claims.
    ``qualified`` marks a count of a part or of someone's ('its 22 satellites',
    'six students that had hosted', 'between 200 and 5,000'): such a count
    can differ from another without contradicting it.
    """

    text: str
    start: int
    end: int
    low: float
    high: float
    unit: str
    counted: str
    subject: str
    vague: bool
    qualified: bool = False

    def agrees_with(self, other: Quantity) -> bool:
        """Whether two claims can both be true (their intervals overlap)."""
        return self.low <= other.high and other.low <= self.high


def _word_value(word: str) -> float:
    """'two' -> 2, 'twenty-eight' -> 28."""
    if "-" in word:
        tens, units = word.split("-", 1)
        return float(_WORD_NUMBERS[tens] + (_WORD_NUMBERS.get(units) or _UNIT_VALUES[units]))
    return float(_WORD_NUMBERS[word])


def parse_number(text: str) -> float | None:
    """'2,500' -> 2500, '2.5' -> 2.5, 'two' -> 2; None when it is not a number."""
    text = text.strip().lower()
    if text in _WORD_NUMBERS or ("-" in text and text.split("-")[0] in _WORD_NUMBERS):
        try:
            return _word_value(text)
        except KeyError:
            return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def find_quantities(sentence: str) -> list[Quantity]:
    """Every numeric claim of ``sentence`` (dates, times and ordinals left out)."""
    return find_all_quantities([sentence]).get(0, [])


def find_all_quantities(
    sentences: Sequence[str], qualify: bool = True, *, shortcuts: bool = True
) -> dict[int, list[Quantity]]:
    """The numeric claims of many sentences, by position; sentences without any are left out.
    Sentences with a figure in digits come first, in order, then those with worded ones.

    Numbers are rare in most sentences, so their places are found in one pass
    over the joined text, and only sentences that hold one are looked at; a
    sentence the story repeats (wire copy shared by its articles) is read once.
    Without ``qualify`` every claim reads as not qualified: a caller that needs
    the mark for a few claims only (those that may clash) asks :func:`qualified`.
    Without ``shortcuts`` the anchors are found as the rule states them
    (:func:`_rule_anchors`) in every sentence one by one, and every bound before a
    figure is searched for (see :func:`_bound_before`): the same answer, slower.
    """
    if not shortcuts:
        return _read_every(sentences, qualify)
    first: dict[str, int] = {}
    keys = [first.setdefault(sentence, len(first)) for sentence in sentences]
    texts = list(first)
    anchors: dict[int, list[int]] = {}
    digits: set[int] = set()  # the texts with a digit: their claims come first
    joined = "\n".join(texts)
    if joined.isascii():
        _place(anchors, digits, texts, range(len(texts)), *_ascii_anchors(joined))
    else:
        # ASCII sentences still take the fast scan, the others the patterns.
        plain = [k for k, text in enumerate(texts) if text.isascii()]
        other = [k for k, text in enumerate(texts) if not text.isascii()]
        group = [texts[k] for k in other]
        joined = "\n".join(group)
        digit_places = [match.start() for match in _DIGIT_ANCHOR.finditer(joined)]
        word_places = [match.start() for match in _WORD_ANCHOR.finditer(_lower(joined))]
        _place(anchors, digits, group, other, digit_places, word_places)
        if plain:
            group = [texts[k] for k in plain]
            _place(anchors, digits, group, plain, *_ascii_anchors("\n".join(group)))
    read: dict[int, list[Quantity]] = {}
    subjects: dict[str, str] = {}  # the subjects of counted phrases, which repeat
    for k, positions in anchors.items():
        quantities = _at_anchors(texts[k], sorted(positions), qualify, subjects)
        if quantities:
            read[k] = quantities
    found: dict[int, list[Quantity]] = {}
    later = []
    for row, k in enumerate(keys):
        if k in read:
            if k in digits:
                found[row] = list(read[k])
            else:
                later.append(row)
    found.update((row, list(read[keys[row]])) for row in later)
    return found


def _read_every(sentences: Sequence[str], qualify: bool) -> dict[int, list[Quantity]]:
    """The general rule of :func:`find_all_quantities`: each sentence read at its anchors."""
    subjects: dict[str, str] = {}
    with_digits: dict[int, list[Quantity]] = {}
    worded: dict[int, list[Quantity]] = {}
    for row, sentence in enumerate(sentences):
        digit_places, word_places = _rule_anchors(sentence)
        anchors = sorted(digit_places + word_places)
        quantities = _at_anchors(sentence, anchors, qualify, subjects, shortcuts=False)
        if quantities:
            (with_digits if digit_places else worded)[row] = quantities
    return with_digits | worded


def _rule_anchors(sentence: str) -> tuple[list[int], list[int]]:
    """Where a claim may start, as the rule says: a digit that does not continue a
    word or a number ('2.5', '9/11', 'F16'), and the first word of a number word or
    a vague amount. The scans of :func:`find_all_quantities` find the same places."""
    digits = [match.start() for match in _DIGIT_RULE.finditer(sentence)]
    words = [match.start() for match in _WORD_RULE.finditer(_lower(sentence))]
    return digits, words


def _place(
    anchors: dict[int, list[int]],
    digits: set[int],
    texts: list[str],
    keys: Sequence[int],
    digit_places: list[int],
    word_places: list[int],
) -> None:
    """Files the places found in the joined ``texts`` under the texts' ``keys``."""
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    for place in digit_places:
        k = bisect_right(starts, place) - 1
        anchors.setdefault(keys[k], []).append(place - starts[k])
        digits.add(keys[k])
    for place in word_places:
        k = bisect_right(starts, place) - 1
        anchors.setdefault(keys[k], []).append(place - starts[k])


def _lower(text: str) -> str:
    """``text`` in lower case, each character where it stood: a few characters
    lower to two ('İ' to 'i̇'), which would move every anchor after them."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _ascii_anchors(joined: str) -> tuple[list[int], list[int]]:
    """The places of the digit and of the word anchors of ASCII text (see _ASCII_MARKS)."""
    marked = " " + joined.translate(_ASCII_MARKS) + " "  # a match opens before its place
    digits: list[int] = []
    words: list[int] = []
    for match in _ASCII_ANCHOR.finditer(marked):
        (words if match.lastgroup is None else digits).append(match.start())
    words += [match.start() for match in _ASCII_WORD_AFTER_DOT.finditer(marked)]
    return digits, words


def _at_anchors(
    sentence: str,
    anchors: list[int],
    qualify: bool,
    subjects: dict[str, str],
    shortcuts: bool = True,
) -> list[Quantity]:
    lower = _lower(sentence)
    found = []
    end = 0
    for anchor in anchors:
        if anchor < end:
            continue
        start = anchor
        if lower[start].isalpha():  # 'a few hundred', 'one hundred', 'a hundred'
            if lower.startswith("a ", start - 2):
                start -= 2
            if lower.startswith("one ", start - 4):
                start -= 4
        if start and sentence[start - 1] in "$€£":
            start -= 3 if lower.startswith("us$", start - 3) else 1
        match = _QUANTITY.match(sentence, start)
        if match is None or not match.group().strip():
            continue
        end = match.end()
        quantity = _quantity(sentence, match, start, qualify, subjects, shortcuts)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity(
    sentence: str,
    match: re.Match[str],
    start: int,
    qualify: bool,
    subjects: dict[str, str],
    shortcuts: bool = True,
) -> Quantity | None:
    currency, vague_words, number, scale, word, wscale, orso, raw_unit, percent = match.group(
        "currency", "vague", "number", "scale", "word", "wscale", "orso", "unit", "percent"
    )
    end = match.end()
    if number:
        if _is_date_or_time(number, sentence, start, end, raw_unit):
            return None
        value = parse_number(number)
        if value is None:
            return None
        if scale:
            value *= _SCALES[scale.lower()]
        low = high = value
        vague = False
    elif word:
        value = _word_value(word.lower())
        if wscale:
            value *= _SCALES[wscale.lower()]
        low = high = value
        vague = False
    else:
        low, high = _VAGUE[vague_words.lower()]
        vague = True
    unit = ""
    raw_unit = (raw_unit or percent or "").lower().rstrip(".")
    if currency:
        base, factor = _UNITS[currency.lower()]
        unit, low, high = base, low * factor, high * factor
    elif raw_unit:
        name = raw_unit if raw_unit in _UNITS else raw_unit.rstrip("s")
        if name in _UNITS:
            base, factor = _UNITS[name]
            unit, low, high = base, low * factor, high * factor
    counted = _counted(sentence, end)
    subject = subjects.get(counted)
    if subject is None:
        subject = subjects[counted] = _subject(counted)
    if unit == "year" and sentence.startswith(("-old", " old"), end):
        # '29-year-old Geraldine Alcorn': an age, of whoever the phrase names next.
        counted = _counted(sentence[end:].split("old", 1)[1])
        subject = "age of " + (_subject(counted) or "someone")
    if not subject and not unit:
        return None
    # The bound before the figure ('up to', 'at least'), read only for a claim.
    before = _bound_before(sentence, start, shortcuts)
    begin = start if before is None else before.start()
    if not vague:
        bound = "" if before is None else before.group("bound").strip().lower()
        if orso:
            bound = "or so"
        lo_factor, hi_factor = _BOUNDS.get(bound, (1.0 - _EXACT_SLACK, 1.0 + _EXACT_SLACK))
        low, high = low * lo_factor, high * hi_factor
    qualifies = qualify and _qualified(sentence, begin, end, counted)
    text = sentence[begin:end].strip()
    return Quantity(text, begin, end, low, high, unit, counted, subject, vague, qualifies)


def _bound_before(sentence: str, start: int, shortcut: bool = True) -> re.Match[str] | None:
    """The bound before a figure ('up to', 'at least'). Its pattern is tried at each of the
    25 characters before the figure, so it is spared where the text before, if ASCII (where
    ignoring case is lowering it), cannot end in a bound and a space or a currency (unless
    ``shortcut`` is off: the rule itself, for the tests)."""
    lo = max(0, start - 25)
    tail = sentence[lo:start].rstrip()
    if shortcut and tail.isascii() and not tail.lower().endswith(_BOUND_ENDS):
        return None
    return _BOUND_BEFORE.search(sentence, lo, start)


def qualified(sentence: str, quantity: Quantity) -> bool:
    """Whether a claim found in ``sentence`` counts a part or someone's share."""
    return _qualified(sentence, quantity.start, quantity.end, quantity.counted)


def _qualified(sentence: str, begin: int, end: int, counted: str) -> bool:
    after = sentence[end:]
    return bool(
        _OWNER_BEFORE.search(sentence, max(0, begin - 30), begin)
        or _PART_BEFORE.search(sentence, max(0, begin - 15), begin)
        or _RANGE_AFTER.match(sentence, end)
        or _RANGE_BEFORE.search(sentence, max(0, begin - 20), begin)
        or _restricted(after, counted)
        or after.lstrip().lower().startswith("of ")  # 'six of its 22 satellites'
    )


def _is_date_or_time(number: str, sentence: str, start: int, end: int, unit: str | None) -> bool:
    """Numbers that are days, years, times or ordinals, not amounts (the match of ``number``
    and what it is written with runs from ``start`` to ``end``)."""
    if len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100:
        return not unit
    if _ORDINAL_OR_TIME.match(sentence, end):
        return True
    before = sentence[max(0, start - 12) : start]
    words = before.split()
    if words and words[-1].rstrip(".").lower() in _MONTH_NAMES:
        return True
    words = sentence[end : end + 12].split(None, 1)
    if words and words[0].rstrip(".,").lower() in _MONTH_NAMES:
        return True
    return before.rstrip().endswith(_REFERENCES)


def _restricted(after: str, counted: str) -> bool:
    """Whether the counted noun is narrowed by what follows it ('children
    enrolled in college', 'students that had hosted a party', 'meteors per hour')."""
    if not counted:
        return False
    rest = after.split(counted, 1)[-1] if counted in after else ""
    rest = _PARENTHESIS.sub("", rest, count=1) if rest.lstrip().startswith("(") else rest
    following = rest.split()[:1]
    if not following:
        return False
    word = following[0].strip(',.;:"”’').lower()
    return word in _RESTRICTORS or (word.endswith(("ed", "ing")) and not rest.startswith(","))


def _counted(text: str, at: int = 0) -> str:
    """The phrase a number counts (read from ``at``): 'of our fighters' -> 'our fighters'."""
    match = _COUNTED.match(text, at)
    if not match:
        return ""
    words = match.group(1).split()
    kept: list[str] = []
    for word in words:
        bare = word.strip("'’\"“”.,;:()").lower()
        if not kept and bare in _AUXILIARIES:
            continue
        if bare in _NOT_COUNTED or not bare:
            break
        if kept and bare.endswith(("ing", "ed")) and bare not in _SYNONYMS:
            break  # a verb: 'fighters mobilizing', 'people trapped'
        kept.append(word.strip('"“”.,;:()'))
        if len(kept) == 3 or word.rstrip().endswith((",", ";", ":", ".")):
            break
    return " ".join(kept)


def _subject(counted: str) -> str:
    """The head of the counted phrase, normalised: 'Isis fighters' -> 'fighter'.

    Counted things are mostly plural nouns, so the last plural word is the
    head ('IS jihadis defend' -> jihadis); without one, the last word is
    ('the Rafiqah Wall' -> wall).
    """
    words = []
    for word in counted.split():
        lower = word.lower().removesuffix("'s").removesuffix("’s").strip("'’-")
        if lower.isalpha() and len(lower) >= 3:
            words.append(lower)
    if not words:
        return ""
    plural = [w for w in words if w in _SYNONYMS or (w.endswith("s") and not w.endswith("ss"))]
    word = plural[-1] if plural else words[-1]
    head = stem(word)
    return _SYNONYMS.get(word, _SYNONYMS.get(head, head))
