"""Who is who in a story: its people, organisations and places, aliases merged.

Outlets name one actor in many ways (ISIS, Isis, IS, Daesh; Raqqa, Raqa; Brett
McGurk, McGurk) and the fact map must see one actor, not five. The project runs
offline and installs no trained model, so names are found as capitalised word
sequences and merged by rules whose evidence is in the text itself: an acronym
in parentheses, initials, spellings that differ only in doubled letters, a
surname reused, a gazetteer of well-known aliases. Every rule errs towards
keeping two entities apart: a wrong merge corrupts the fact map, a missed one
only repeats a line.

Two passes over the sentences are needed because whether a sentence-initial
word is a name depends on the whole story (is it capitalised elsewhere? is it
ever written in lowercase?). Names recur, so the costly cutting and judging of
a capitalised run is done once per distinct run and story.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from types import MappingProxyType
from typing import NamedTuple

from ..model import Sentence
from . import gazetteer as gz

__all__ = ("EntityIndex", "EntityInfo", "NameVariant", "find_entities")

PERSON, ORG, PLACE, OTHER = "person", "organisation", "place", "other"
_KINDS = (PERSON, ORG, PLACE)


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """One actor of the story under the name most sources give it in full."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    articles: tuple[int, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class NameVariant:
    """Sources naming one entity differently in a way that looks like an error, not an alias:
    same acronym/initials and all words equal but one, e.g. 'Syrian Democratic Fighters' vs
    'Syrian Democratic Forces' (both abbreviated SDF)."""

    entity: str
    names: tuple[tuple[str, tuple[int, ...], int], ...]


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of a story and where each is mentioned (rows of the input)."""

    entities: tuple[EntityInfo, ...]
    by_row: dict[int, frozenset[int]]
    variants: tuple[NameVariant, ...]


# --------------------------------------------------------------------------- keys


_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLED_LOWER = re.compile(r"([a-z])\1+")


def _key(name: str) -> str:
    """The comparison form of a name: case, accents, punctuation and doubled
    lowercase letters ignored, so Raqqa = Raqa, ISIS = Isis and U.S. = US, while
    Iran != Iraq. Capitals keep their doubles: ISS is not IS, III is not II."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _NON_ALNUM.sub("", _DOUBLED_LOWER.sub(r"\1", name).lower())
    # Too short to be sure a double is a spelling: 'Whoo' is not WHO.
    return key if len(key) >= 4 else _NON_ALNUM.sub("", name.lower())


def _country_names() -> tuple[str, ...]:
    """Country names from pycountry when it is installed (the long tail)."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is optional
        return ()
    names = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                names.append(value)
    return tuple(names)


def _build_gazetteer() -> Mapping[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for canonical, kind, aliases in gz.ALIAS_GROUPS:
        for name in (canonical, *aliases):
            index.setdefault(_key(name), (canonical, kind))
    for name in (*gz.COUNTRIES, *_country_names(), *gz.US_STATES, *gz.CITIES, *gz.REGIONS):
        index.setdefault(_key(name), (name, PLACE))
    return MappingProxyType(index)


# --------------------------------------------------------------------------- tables

_GAZETTEER = _build_gazetteer()
_STOP = frozenset(gz.STOPWORDS)
_TIME_WORDS = frozenset(gz.WEEKDAYS + gz.MONTHS)
_DEMONYMS = (
    frozenset(gz.DEMONYMS)
    | frozenset(d + "s" for d in gz.DEMONYMS)
    | frozenset(gz.POLITICAL_ADJECTIVES)
)
_ORG_WORDS = frozenset(gz.ORG_KEYWORDS)
_GENERIC_ORG = frozenset(gz.GENERIC_ORG_WORDS)
_PLACE_WORDS = frozenset(gz.PLACE_KEYWORDS)
_PLACE_PREFIXES = frozenset(gz.PLACE_PREFIXES)
_PLACE_FEATURES = frozenset(gz.PLACE_FEATURES)
_MOUNT = frozenset(("Mount", "Mt.", "Mt"))
_DIRECTIONS = frozenset(
    "North South East West Northeast Northwest Southeast Southwest Central Upper Lower "
    "Northern Southern Eastern Western".split()
)
_TITLES = frozenset(gz.TITLES)
_TITLE_MODIFIERS = frozenset(gz.TITLE_MODIFIERS)
_POLITE = frozenset(("mr", "mrs", "ms", "miss", "mx", "dr"))
_FIRST_NAMES = frozenset(gz.FIRST_NAMES)
_ACRONYM_STOP = frozenset(gz.ACRONYM_STOPWORDS)
_COMMON_POSSESSIVES = frozenset(gz.COMMON_POSSESSIVES)
_EVENT_WORDS = frozenset(gz.EVENT_WORDS)
_ROLE_SET = frozenset(gz.ROLE_NOUNS)
# Suffixes that tell a son from his father; "Sr." names the usual bearer.
_GENERATION = frozenset(("Jr", "Jr.", "II", "III", "IV"))
_NAME_SUFFIXES = _GENERATION | frozenset(("Sr", "Sr."))
# Lowercase words allowed inside a name, and the name particles among them.
_PARTICLES = frozenset(
    "de da del della di du des van von der den bin ibn la le y dos das ter ten".split()
)
_CONNECTORS = _PARTICLES | frozenset(("of", "for", "and", "on", "the", "&"))
_ARTICLE_PREFIXES = tuple("al- el- ad- ar- as- ash- at- az- an- ed- ez- es- Al- El-".split())
# Lowercase tails that belong to a hyphenated place name ('Ross-shire'); any
# other lowercase tail makes a modifier ('US-backed', 'IS-held').
_NAME_TAILS = frozenset("shire upon on sur en sous am le la les de du der".split())
# Heads after which "of" / "for" continue a name ("Bank of England").
_OF_HEADS = (
    _ORG_WORDS
    | _PLACE_WORDS
    | frozenset(
        "State States Republic Kingdom Secretary Ministry Prince Princess Duke Duchess King "
        "Queen Earl Bishop Archbishop Lord House Church Isle Cape Battle Siege Treaty Statue "
        "Bay Gulf Sea Strait Sultanate Emirate Caliphate Chamber Council".split()
    )
)
_REMIT_HEADS = frozenset(
    "Department Ministry Bureau Secretary Commission Office Institute School College Faculty "
    "Museum Minister Committee Council Agency Academy".split()
)
_FOR_HEADS = _ORG_WORDS | frozenset(("Battle", "Centers", "Fight", "March"))
_INSTITUTION_ADJECTIVES = frozenset(
    "Regional National Federal Central Provincial Interim Transitional Revolutionary Royal "
    "Supreme Constitutional Municipal".split()
)
_INSTITUTION_NOUNS = frozenset(
    "government council army court party guard authority assembly parliament administration "
    "committee bank".split()
)
# Function words of English and of the languages captions most often slip in.
_ENGLISH = frozenset(
    "the of and to a is was for on with that by as at from are has have it be this were "
    "said an its their his her they we you not but or".split()
)
_FOREIGN = frozenset(
    "der die das und im mit von zu für auf ist nicht ein eine les et une est dans sur avec "
    "los las el con por una che il nel della".split()
)
_TITLECASE_SKIP = frozenset(
    "a an the and or but of in on at to for by with from as vs via nor".split()
)
_LOWER_CONTENT = re.compile(
    rf"(?<![\w'’-])(?!(?:{'|'.join(sorted(_TITLECASE_SKIP))})\b)[a-zß-öø-ÿ]"
)
_ENGLISH_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_ENGLISH))})\b")
_FOREIGN_WORD = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(_FOREIGN))})\b")
_SAID_SET = frozenset("said says told added wrote tweeted asked".split())
_PLACE_PREPS = frozenset("in near outside across throughout inside".split())
_AREAS = frozenset(
    "city town village province region district capital suburb suburbs outskirts neighborhood "
    "neighbourhood governorate country island area areas".split()
)

# --------------------------------------------------------------------------- patterns

_UPPER = "A-ZÀ-ÖØ-Þ"
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|Gen|Brig|Col|Lt|Maj|Capt|Sgt|Sen|Rep|Gov|Rev|Adm|Cmdr|St|Mt|Ft|Jr|Sr|"
    "Cpl|Pvt|Supt|Insp|Hon"
)
_ABBREVIATION_SET = frozenset(_ABBREVIATIONS.split("|"))
_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|ez|es|d|l)[-'’]"
_WORD = (
    r"(?:[A-Z]\.){2,}"
    r"|(?:[A-Z]\.)+[A-Z](?![\w.'’-])"  # 'U.S' where a naive split took the last dot
    rf"|(?:{_ABBREVIATIONS})\."
    rf"|[A-Z]\.(?=[ \t]+[{_UPPER}])"
    rf"|[{_UPPER}]\w*(?:['’&]\w+)*(?:-\w+(?:['’]\w+)*)*"
)
# A run of capitalised words, with the lowercase connectors a name may hold.
# The leading lookahead lets the engine skip lowercase text fast; a particle
# before the first word ('al-Nuri Mosque') is taken back by _PARTICLE_BEFORE.
_SPAN = re.compile(
    rf"(?=[{_UPPER}])(?:(?<![\w'’])|(?<=[a-z][a-z]))(?:{_WORD})"
    rf"(?:['’]?[ \t]+(?:(?:{'|'.join(sorted(_CONNECTORS))})[ \t]+)*(?:{_PARTICLE})?(?:{_WORD}))*"
)
_PARTICLE_BEFORE = re.compile(rf"(?<![\w'’-]){_PARTICLE}$")
_TOKEN = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]*")
_CAP_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w-]*(?:['’](?!s\b)\w+)*")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]{1,5}")
_CLIPPED_ACRONYM = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_APOSTROPHE = re.compile("['’]")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")  # 'EMTs', 'DVDs': common nouns
_TICKER_AFTER = re.compile(r"\.[A-Z]{1,2}\b")  # 'KORS.N', 'CHOO.L'
_INITIAL_BEFORE = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_SHARE_WIDGET = re.compile(
    r"\b(?:Facebook|Twitter|Email|E-mail|WhatsApp|Messenger|LinkedIn|Pinterest|Reddit|"
    r"Instagram|Tumblr|Google\+|Print|Share)\b"
)
_CLAUSE_END = re.compile(r":\s|\|")
_OPENERS = frozenset(" \t\"'(«[*–—-#>")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_ROLES = _alternation(gz.ROLE_NOUNS)
_SAID_AFTER = re.compile(
    r",?\s+(?:said|says|told|added|wrote|tweeted|explained|noted|argued|insisted|stated|"
    r"recalled|testified|acknowledged|admitted|replied)\b"
)
# ', the US special envoy for ...': the role must head the apposition, so that
# ', a coalition of rebel militias' names no person.
_APPOSITION_AFTER = re.compile(
    rf",\s+(?:a|an|the|his|her|its|who\s+is\s+(?:a|an|the))\s+(?:[\w'’.-]+\s+){{0,4}}?"
    rf"(?:{_ROLES})(?=\s*(?:[,.;:)]|$|\s(?:of|for|at|to|in|on|with|and|who|from|since)\b))"
)
_AGE_AFTER = re.compile(r",\s+\d{1,3},")
_PLACE_AFTER = re.compile(
    r"\s+(?:province|city|town|village|county|district|region|governorate|river|valley|"
    r"countryside)\b"
)
_ORG_AFTER = re.compile(
    r"\s+(?:group|militia|party|company|firm|agency|organi[sz]ation|alliance|movement|"
    r"network|rebels|militants|jihadists|newspaper|channel|broadcaster|website)\b"
)
# A lowercase noun right after a name makes it a modifier ('the Abbasid caliphate').
_ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?!(?:and|or|in|on|at|to|for|from|with|by|is|was|has|had|have|which|where|that|who|"
    r"as|but|since|after|before|were|are|will|would|into|near|until|during|over|under|the|a|"
    r"an|said|says|its|their)\b)[a-z]"
)
_INSTITUTION_AFTER = re.compile(
    r"[ \t]+(government|council|army|court|party|guard|authority|assembly|parliament|"
    r"administration|committee|bank)\b"
)
_PAREN_BETWEEN = re.compile(r"\"?\s*\(\s*\"?")
_PAREN_CLOSE = re.compile(r"\"?\s*\)")

# Evidence weights: how strongly one cue says person / organisation / place.
_W_GAZETTEER = 10.0
_W_POLITE = 5.0
_W_TITLE = 4.0
_W_KEYWORD_LAST = 4.0
_W_KEYWORD_INSIDE = 2.0
_W_ROLE = 3.0
_W_FIRST_NAME = 2.0
_W_SAID = 1.5
_W_WEAK = 1.0
_W_PREPOSITION = 0.5
# A kind needs this much evidence, and a tenth of the mentions' worth.
_MIN_EVIDENCE = 1.0
_MIN_EVIDENCE_PER_MENTION = 0.1


# --------------------------------------------------------------------------- word tests


def _is_acronym(word: str) -> bool:
    return _ACRONYM.fullmatch(word) is not None


def _strip_particle(word: str) -> str:
    if "-" not in word[:5]:
        return word
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    return word


def _is_demonym(word: str) -> bool:
    if word in _DEMONYMS:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in _DEMONYMS for p in parts)


def _title_word(word: str) -> str:
    return word.rstrip(".").lower()


def _is_title(word: str) -> bool:
    lowered = _title_word(word)
    return lowered in _TITLES or lowered in _TITLE_MODIFIERS


def _content_words(words: Sequence[str]) -> list[str]:
    return [w for w in words if w not in _CONNECTORS]


def _is_stop(word: str) -> bool:
    """Words capitalised by grammar or the calendar, never by naming: stop words,
    weekdays, months and their contractions ("I'm", "Don't")."""
    if word in _STOP or word in _TIME_WORDS:
        return True
    if "'" in word or "’" in word:
        return word.endswith(("n't", "n’t")) or _APOSTROPHE.split(word, maxsplit=1)[0] in _STOP
    return False


def _abbreviates(short: str, long: str) -> bool:
    """'Assn' for 'Association': same first letter, the rest in order."""
    short, long = short.rstrip(".").lower(), long.lower()
    if len(short) >= len(long) or short[:1] != long[:1]:
        return False
    rest = iter(long[1:])
    return all(c in rest for c in short[1:])


def _abbreviation_of(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two names equal but for one word that abbreviates the other."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x.lower() != y.lower()]
    return len(diff) == 1 and (_abbreviates(*diff[0]) or _abbreviates(diff[0][1], diff[0][0]))


def _initials(words: Sequence[str]) -> set[str]:
    """Acronyms a multi-word name may be abbreviated to: with and without its
    connectors, hyphenated parts counted or not (AFP = Agence France-Presse)."""
    out = set()
    for seq in (_content_words(words), [w for w in words if w != "&"]):
        for split in (False, True):
            letters = []
            for word in seq:
                for part in word.split("-") if split else (word,):
                    if not part:
                        continue
                    if len(part) > 1 and part.replace(".", "").isupper():
                        letters.append(part.replace(".", ""))
                    else:
                        letters.append(part[0].upper())
            out.add("".join(letters))
    return out


# --------------------------------------------------------------------------- cutting runs

_Word = tuple[str, int, int]  # word, start, end (relative to its run)


class _Piece(NamedTuple):
    """A name cut out of a capitalised run, before the story-wide checks."""

    words: tuple[_Word, ...]
    initial: bool
    title: float


class _Candidate(NamedTuple):
    """A piece placed in its sentence; the piece itself is shared between runs."""

    row: int
    base: int
    piece: _Piece
    headline: bool


def _is_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence, quote, line or list item,
    where a capital says nothing about names."""
    i = start
    quoted = False
    while i > 0 and text[i - 1] in _OPENERS:
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
    if before in _ABBREVIATION_SET:
        return False
    return not (before and _INITIAL_BEFORE.fullmatch(before))


def _headline_end(text: str) -> int:
    """How much of a sentence is headline, caption, menu or a foreign language,
    where capitals are no sign of names: all of it, a title-case lead-in before a
    colon ('Drop This Fact: ...'), or none (0)."""
    if ("Facebook" in text or "Twitter" in text) and len(_SHARE_WIDGET.findall(text)) >= 2:
        return len(text)
    if _LOWER_CONTENT.search(text) is None:
        return len(text) if len(_CAP_WORD.findall(text)) >= 2 else 0
    if _ENGLISH_WORD.search(text) is None and _FOREIGN_WORD.search(text) is not None:
        return len(text)
    clause = _CLAUSE_END.search(text)
    if clause is None:
        return 0
    lead = text[: clause.start()]
    if _LOWER_CONTENT.search(lead) is None and len(_CAP_WORD.findall(lead)) >= 2:
        return clause.start()
    return 0


def _connectors_fit(current: list[_Word], pending: list[str]) -> bool:
    """Whether lowercase words between two capitalised ones belong to one name."""
    if len(pending) == 1 and pending[0] in _PARTICLES:
        return True
    if pending == ["&"]:
        return len(current) == 1  # 'Marks & Spencer', not 'Bob Weir & Phil Lesh'
    head = current[-1][0]
    first, rest = pending[0], pending[1:]
    if rest and rest != ["the"]:
        return False
    if first == "of":
        return head in _OF_HEADS or _title_word(head) in _TITLES
    if first == "for":
        return head in _FOR_HEADS
    if first == "on":
        return head in _ORG_WORDS and not rest
    if first == "and":
        return any(w in ("of", "for") for w, _, _ in current)
    return False


def _split_and(piece: list[_Word]) -> list[list[_Word]]:
    """'and' joins only a gazetteer name ('Islamic State of Iraq and the Levant')
    or a government body's remit ('Department of Health and Human Services');
    anywhere else it joins two names."""
    words = [w for w, _, _ in piece]
    if "and" not in words or _key(" ".join(words)) in _GAZETTEER:
        return [piece]
    at = words.index("and")
    for first in range(at):
        for last in range(len(words), at + 1, -1):
            if _key(" ".join(words[first:last])) in _GAZETTEER:
                parts = (piece[:first], piece[first:last], piece[last:])
                return [part for part in parts if part]
    tail = [p for p in piece[at + 1 :] if p[0] != "the"]
    head = words[: words.index("of")] if "of" in words[:at] else []
    if (
        head
        and head[-1] in _REMIT_HEADS
        and 0 < len(tail) <= 3
        and words[at + 1] != "the"
        and not any(_is_acronym(w) or _is_demonym(w) for w, _, _ in tail)
    ):
        return [piece]
    return [part for part in (piece[:at], tail) if part]


def _split_title(piece: list[_Word]) -> tuple[list[_Word], list[_Word], float]:
    """Split '[US] President [Donald Trump]' into what precedes the title, the
    person, and the title's weight as evidence (0 when there is no title)."""
    n = len(piece)
    for i in range(n):
        j = i
        core = polite = False
        while j < n:
            word = _title_word(piece[j][0])
            if word in _TITLES:
                core = True
                polite = polite or word in _POLITE
            elif word not in _TITLE_MODIFIERS:
                break
            j += 1
            if word == "secretary" and j + 1 < n and piece[j][0] == "of":
                j += 2  # Secretary of State
        if j in (i, n) or not core:
            continue
        if piece[j][0] in _CONNECTORS and piece[j][0] not in _PARTICLES:
            # 'Director of the Center for ...', 'King of Spain': the institution
            # or place after the title is the name.
            rest = piece[j:]
            while rest and rest[0][0] in _CONNECTORS:
                rest = rest[1:]
            return rest, [], 0.0
        rest = piece[j:]
        if not [p for p in rest if p[0] not in _NAME_SUFFIXES and p[0] not in _CONNECTORS]:
            continue
        if any(p[0] in _ORG_WORDS or p[0] in _PLACE_WORDS for p in rest):
            return piece, [], 0.0
        if _key(" ".join(p[0] for p in rest)) in _GAZETTEER:
            return piece, [], 0.0
        return piece[:i], rest, _W_POLITE if polite else _W_TITLE
    return piece, [], 0.0


def _tidy(names: Sequence[str]) -> tuple[str, ...]:
    """'George W.' -> 'George W' at the end of a name; 'U.S' (a sentence split took
    its last dot) -> 'U.S.'."""
    words = list(names)
    if words[-1].endswith(".") and len(words[-1]) == 2:
        words[-1] = words[-1][0]
    for i, word in enumerate(words):
        if _CLIPPED_ACRONYM.fullmatch(word):
            words[i] = word + "."
    return tuple(words)


def _role_at_start(piece: list[_Word]) -> tuple[list[_Word], float]:
    """'Guitarist Jimmy Page' opening a sentence: the role is no part of the name."""
    if len(piece) < 3 or piece[0][0].lower() not in _ROLE_SET:
        return [], 0.0
    rest = piece[1:]
    if any(w in _ORG_WORDS or w in _PLACE_WORDS or w in _CONNECTORS for w, _, _ in rest):
        return [], 0.0
    return rest, _W_ROLE


def _strip_demonyms(piece: list[_Word], person: bool) -> list[_Word]:
    """'Kurdish YPG' -> 'YPG' and 'Russian Vladimir Putin' -> 'Vladimir Putin', but
    'Syrian Democratic Forces' and 'Arab League' keep their adjective; 'the North
    Carolina Republican' is a description, not a name."""
    words = [w for w, _, _ in piece]
    if len(words) > 1 and _is_demonym(words[-1]) and _key(" ".join(words[:-1])) in _GAZETTEER:
        return []
    i = 0
    while i < len(words) and _is_demonym(words[i]):
        i += 1
    if i == 0:
        return piece
    rest = words[i:]
    if not rest:
        return []
    if (
        person
        or (len(rest) == 1 and _is_acronym(rest[0]))
        or _key(" ".join(rest)) in _GAZETTEER
        or (len(rest) > 1 and rest[0] in _FIRST_NAMES)
    ):
        return piece[i:]
    return piece


def _gazetteer_ands(span: str) -> frozenset[int]:
    """Offsets of the 'and's inside gazetteer names of a run ('Food and Drug
    Administration', 'Bosnia and Herzegovina'), which join no two names."""
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(span)]
    found = set()
    for i, (word, start) in enumerate(tokens):
        if word != "and" or i == 0:
            continue
        for first in range(i - 1, max(-1, i - 6), -1):
            for last in range(i + 2, min(len(tokens), i + 6) + 1):
                if _key(" ".join(w for w, _ in tokens[first:last])) in _GAZETTEER:
                    found.add(start)
    return frozenset(found)


def _cut_span(span: str, initial: bool) -> tuple[_Piece, ...]:
    """Cut one capitalised run into names: at stop words, dates, possessives,
    hyphenated modifiers ('US-backed') and connectors that do not belong.
    Offsets are relative to the run, so the result can be reused wherever the
    same run recurs."""
    if " " not in span and "-" not in span and "'" not in span and "’" not in span:
        if _is_stop(span) or _is_demonym(span) or _PLURAL_ACRONYM.fullmatch(span):
            return ()
        return (_Piece(((span, 0, len(span)),), initial, 0.0),)
    pieces: list[list[_Word]] = []
    current: list[_Word] = []
    pending: list[str] = []
    pending_words: list[_Word] = []
    known_and = _gazetteer_ands(span) if " and " in span else frozenset()

    def flush() -> None:
        nonlocal current
        if current:
            pieces.append(current)
        current = []
        pending.clear()
        pending_words.clear()

    for token in _TOKEN.finditer(span):
        word, start, end = token.group(), token.start(), token.end()
        if word in _CONNECTORS:
            if current:
                pending.append(word)
                pending_words.append((word, start, end))
            continue
        cut_after = False
        if word[-1] in "'’":
            word = word[:-1]
            end -= 1
            cut_after = word.lower() not in _COMMON_POSSESSIVES
        elif len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            cut_after = word[:-2].lower() not in _COMMON_POSSESSIVES
            word = word[:-2]
            end -= 2
        if "-" in word and not word.startswith(_ARTICLE_PREFIXES):
            parts = word.split("-")
            if any(_is_stop(p) for p in parts):
                flush()
                continue
            if parts[1][:1].islower() and parts[1] not in _NAME_TAILS:
                word = parts[0]
                end = start + len(word)
                cut_after = True
        if (
            not word
            or (_is_stop(word) and not (word == "May" and current))
            or (_PLURAL_ACRONYM.fullmatch(word))
        ):
            flush()
            continue
        if current and pending:
            if _connectors_fit(current, pending) or pending_words[0][1] in known_and:
                current.extend(pending_words)
            else:
                flush()
        pending.clear()
        pending_words.clear()
        current.append((word, start, end))
        if cut_after:
            flush()
    flush()

    out: list[_Piece] = []
    for number, raw in enumerate(pieces):
        while raw and raw[0][0] in _ACRONYM_STOP and _title_word(raw[0][0]) not in _TITLES:
            raw = raw[1:]
        while raw and raw[-1][0] in _ACRONYM_STOP:
            raw = raw[:-1]
        if not raw:
            continue
        for piece in _split_and(raw):
            is_initial = initial and number == 0 and piece[0][1] == 0
            before, person, weight = _split_title(piece)
            if not person and is_initial:
                person, weight = _role_at_start(piece)
                before = []
            if person:
                before = _strip_demonyms(before, False)
                # 'US President', 'CNN Correspondent': a name before a title; but
                # 'Humane Officer' or 'Police Chief' is part of the title.
                if len(before) == 1 and not (
                    _is_acronym(before[0][0]) or _key(before[0][0]) in _GAZETTEER
                ):
                    before = []
                if before:
                    out.append(_Piece(tuple(before), is_initial, 0.0))
                out.append(_Piece(tuple(_strip_demonyms(person, True)), False, weight))
                continue
            stripped = _strip_demonyms(piece, False)
            if stripped:
                out.append(_Piece(tuple(stripped), is_initial and stripped is piece, 0.0))
    return tuple(out)


# --------------------------------------------------------------------------- story state


class _Judged(NamedTuple):
    """What a name's own words say about it, whatever the sentence around it."""

    names: tuple[str, ...]
    text: str
    acronym: bool
    evidence: tuple[float, float, float]
    person_shaped: bool
    grows: bool
    gazetteer: bool


_GENERIC = _Judged((), "", False, (0.0, 0.0, 0.0), False, False, False)


@dataclass(slots=True)
class _Surface:
    """One spelling of a name as the story uses it, with its evidence."""

    text: str
    words: tuple[str, ...]
    key: str
    acronym: bool
    content: tuple[str, ...]
    count: int = 0
    rows: list[int] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)
    evidence: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    so_called_of: str | None = None


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent
        root = parent.setdefault(item, item)
        while parent[root] != root:
            root = parent[root]
        while item != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Gazetteer nodes stay roots so that a group knows its canonical name.
            if rb.startswith("\0"):
                ra, rb = rb, ra
            self.parent[rb] = ra


class _Story:
    """Everything one call of :func:`find_entities` learns; never shared."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.texts: list[str] = []
        self.lower: Counter[str] = Counter()
        self.midcap: Counter[str] = Counter()
        self.candidates: list[_Candidate] = []
        self.cuts: dict[tuple[str, bool], tuple[_Piece, ...]] = {}
        self.judged: dict[tuple[str, ...], _Judged | None] = {}
        self.keys: dict[str, str] = {}
        self.surfaces: dict[str, _Surface] = {}
        self.mentions: list[tuple[int, str]] = []
        self.generic: list[tuple[int, str]] = []
        self.pairs: list[tuple[str, str]] = []
        self.positions: list[tuple[int, int, int, str]] = []
        self.uf = _UnionFind()
        self.variants: dict[str, set[str]] = defaultdict(set)
        self.surname_uses: Counter[str] = Counter()
        self.multiword: list[_Surface] | None = None  # set once all surfaces are known

    def key(self, text: str) -> str:
        found = self.keys.get(text)
        if found is None:
            found = self.keys[text] = _key(text)
        return found

    def in_gazetteer(self, text: str) -> bool:
        return self.key(text) in _GAZETTEER

    # ---- pass 1: cut runs into candidates, count capitalisation
    def scan(self) -> None:
        capitals: list[str] = []  # words of runs outside headlines
        initials: list[str] = []
        for row, sentence in enumerate(self.sentences):
            text = sentence.text
            if not text.isascii():
                text = (
                    text.replace("’", "'")
                    .replace("‘", "'")
                    .replace("“", '"')
                    .replace("”", '"')
                    .replace("\u00a0", " ")
                )
            self.texts.append(text)
            headline_end = _headline_end(text)
            for match in _SPAN.finditer(text):
                start = match.start()
                if start and text[start - 1] in "-'":
                    particle = _PARTICLE_BEFORE.search(text, max(0, start - 4), start)
                    if particle:
                        start = particle.start()
                span = text[start : match.end()]
                if span.isupper() and _TICKER_AFTER.match(text, match.end()):
                    continue
                initial = _is_initial(text, start)
                headline = start < headline_end
                if not headline:
                    tokens = span.split()
                    capitals.extend(tokens)
                    if initial:
                        initials.append(tokens[0])
                cut = self.cuts.get((span, initial))
                if cut is None:
                    cut = self.cuts[(span, initial)] = _cut_span(span, initial)
                for piece in cut:
                    self.candidates.append(_Candidate(row, start, piece, headline))
        self.lower.update(_LOWER_WORD.findall("\n".join(self.texts)))
        self.midcap.update(capitals)
        self.midcap.subtract(initials)

    def capitalised(self, word: str) -> int:
        """How often ``word`` is capitalised inside a sentence (not at its start)."""
        count = self.midcap
        return count[word] + count[word + "'s"] + count[word + "'"]

    # ---- pass 2: story-wide checks, evidence, mentions
    def resolve(self) -> None:
        headlines = []
        for cand in self.candidates:
            if cand.headline:
                headlines.append(cand)
                continue
            words = cand.piece.words
            if cand.piece.initial and not self._first_word_counts(words):
                words = words[1:]
                while words and words[0][0] in _CONNECTORS:
                    words = words[1:]
            while words and words[-1][0] in _CONNECTORS:
                words = words[:-1]
            if words:
                self._accept(cand, words)
        self._paren_pairs()
        known = {surface.key for surface in self.surfaces.values()}
        for cand in headlines:
            self._match_known(cand, known)

    def _first_word_counts(self, words: Sequence[_Word]) -> bool:
        """The spec's rule for sentence-initial capitals, generous to multi-word
        names whose first word the story never writes in lowercase."""
        first = words[0][0]
        if _is_acronym(first) or self.capitalised(first) > 0 or self.in_gazetteer(first):
            return True
        if len(words) > 1 and self.in_gazetteer(" ".join(w for w, _, _ in words)):
            return True
        return len(words) > 1 and self.lower[first.lower()] == 0 and not _is_title(first)

    def _judge(self, names: tuple[str, ...]) -> _Judged | None:
        found = self.judged.get(names, _GENERIC)
        if found is _GENERIC and names not in self.judged:
            found = self.judged[names] = self._judge_new(names)
        return found

    def _judge_new(self, names: tuple[str, ...]) -> _Judged | None:
        """Whether these words are a name, and what they say of its kind; None
        rejects them, _GENERIC marks a bare 'Observatory' or 'Command'."""
        word = names[0]
        gazetteer = self.in_gazetteer(" ".join(names))
        if len(names) == 1 and not gazetteer:
            if len(word) == 1 or word in _NAME_SUFFIXES or _is_demonym(word) or _is_title(word):
                return None
            if self.lower[word.lower()] > self.capitalised(word):
                return None
            if word in _GENERIC_ORG or word in _PLACE_WORDS:
                return _GENERIC
            if word in _DIRECTIONS:
                return None
            if _is_acronym(word) and word in _ACRONYM_STOP:
                return None
            if word.isupper() and len(word) > 6:
                return None
        elif len(names) > 1 and all(_is_title(w) or w in _CONNECTORS for w in names):
            return None
        names = _tidy(names)
        acronym = len(names) == 1 and _is_acronym(names[0])
        person = org = place = 0.0
        # The head noun of 'Old City of Mosul' or 'Observatory for Human Rights'.
        cut = next((i for i, w in enumerate(names) if w in ("of", "for")), len(names))
        last = names[cut - 1] if cut > 0 else names[-1]
        # 'Kim Wall' is a journalist before she is a wall: after a first name a
        # place keyword is weak evidence.
        first_name = len(names) in (2, 3) and names[0] in _FIRST_NAMES
        if last in _ORG_WORDS or last in _INSTITUTION_NOUNS:
            org += _W_KEYWORD_LAST
        elif any(w in _ORG_WORDS for w in names):
            org += _W_KEYWORD_INSIDE
        if last in _PLACE_WORDS or (len(names) > 1 and names[0] in _PLACE_PREFIXES):
            place += _W_WEAK if first_name else _W_KEYWORD_LAST
        if acronym:
            org += _W_WEAK
        content = _content_words(names)
        person_shaped = (
            1 < len(content) <= 4
            and not org
            and not place
            and not gazetteer
            and not any(_is_acronym(w) for w in content)
        )
        if first_name and (person_shaped or org + place <= _W_WEAK):
            person += _W_FIRST_NAME
        grows = len(names) > 1 and last in _INSTITUTION_ADJECTIVES
        return _Judged(
            names, " ".join(names), acronym, (person, org, place), person_shaped, grows, gazetteer
        )

    def _accept(self, cand: _Candidate, words: Sequence[_Word]) -> None:
        judged = self._judge(tuple(w for w, _, _ in words))
        if judged is None:
            return
        if judged is _GENERIC:
            self.generic.append((cand.row, words[0][0]))
            return
        text = self.texts[cand.row]
        start, end = cand.base + words[0][1], cand.base + words[-1][2]
        if judged.grows:
            grown = _INSTITUTION_AFTER.match(text, end)
            if grown:
                judged = self._judge((*judged.names, grown.group(1))) or judged
                end = grown.end()
        surface = self._surface(judged.text, judged.names)
        self.positions.append((cand.row, start, end, judged.text))
        before = text[max(0, start - 40) : start]
        if judged.gazetteer:
            # The gazetteer fixes the kind: only a 'so-called' matters here.
            evidence = None
            tail = before.rstrip('" ').rsplit(None, 1)[-1:] if "so-called" in before else []
        else:
            tail = [t for t in (w.strip('"') for w in before.split()[-4:]) if t]
            if before and not before[-1].isspace() and before[-1] != '"':
                tail = []
            evidence = self._evidence(cand.piece.title, judged, text, tail, end)
        if tail and tail[-1].lower() == "so-called":
            alias = self._surface("so-called " + judged.text, ("so-called", *judged.names))
            alias.so_called_of = judged.text
            self.pairs.append((alias.text, judged.text))
            surface = alias
        self._mention(surface, cand.row, evidence)

    def _evidence(
        self, title: float, judged: _Judged, text: str, tail: list[str], end: int
    ) -> list[float]:
        """Person / organisation / place evidence of one mention in its sentence."""
        person, org, place = judged.evidence
        person += title
        last_before = tail[-1] if tail else ""
        if not judged.acronym:
            if (
                last_before in _ROLE_SET
                or _APPOSITION_AFTER.match(text, end)
                or _AGE_AFTER.match(text, end)
            ):
                person += _W_ROLE
            if judged.person_shaped and (last_before in _SAID_SET or _SAID_AFTER.match(text, end)):
                person += _W_SAID
        if last_before == "the":
            tail = tail[:-1]
            last_before = tail[-1] if tail else ""
        attributive = _ATTRIBUTIVE_AFTER.match(text, end) is not None
        if _PLACE_AFTER.match(text, end) or (
            last_before == "of" and len(tail) > 1 and tail[-2] in _AREAS and not attributive
        ):
            place += _W_TITLE
        elif last_before in _PLACE_PREPS and not judged.acronym and not attributive:
            place += _W_PREPOSITION
        if _ORG_AFTER.match(text, end):
            org += _W_KEYWORD_INSIDE
        return [person, org, place]

    def _surface(self, text: str, names: Sequence[str]) -> _Surface:
        surface = self.surfaces.get(text)
        if surface is None:
            acronym = len(names) == 1 and _is_acronym(names[0])
            content = tuple(_content_words(names))
            surface = _Surface(text, tuple(names), self.key(text), acronym, content)
            self.surfaces[text] = surface
        return surface

    def _mention(self, surface: _Surface, row: int, evidence: Sequence[float] | None) -> None:
        surface.count += 1
        surface.rows.append(row)
        surface.articles.add(self.sentences[row].article)
        if evidence:
            totals = surface.evidence
            totals[0] += evidence[0]
            totals[1] += evidence[1]
            totals[2] += evidence[2]
        self.mentions.append((row, surface.text))

    def _paren_pairs(self) -> None:
        """'Long Name (ACR)' and 'ACR (Long Name)': the text itself declares the alias."""
        by_row: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for row, start, end, name in self.positions:
            by_row[row].append((start, end, name))
        for row, spans in by_row.items():
            if len(spans) < 2:
                continue
            text = self.texts[row]
            spans.sort()
            for (_, end1, name1), (start2, end2, name2) in pairwise(spans):
                if _PAREN_BETWEEN.fullmatch(text, end1, start2) and _PAREN_CLOSE.match(text, end2):
                    self.pairs.append((name1, name2))

    def _match_known(self, cand: _Candidate, known: set[str]) -> None:
        """Headlines, captions and foreign lines capitalise everything: only names
        known from running text (or the gazetteer) are taken from them."""
        names = [w for w, _, _ in cand.piece.words]
        i = 0
        while i < len(names):
            for j in range(len(names), i, -1):
                text = " ".join(names[i:j])
                key = self.key(text)
                if key in known or key in _GAZETTEER:
                    if j - i == 1 and (_is_demonym(names[i]) or names[i] in _GENERIC_ORG):
                        continue
                    found = _tidy(names[i:j])
                    self._mention(self._surface(" ".join(found), found), cand.row, None)
                    i = j
                    break
            else:
                i += 1

    # ---- merging
    def merge(self) -> None:
        uf = self.uf
        by_key: dict[str, str] = {}
        for text, surface in self.surfaces.items():
            uf.find(text)
            if surface.so_called_of is None:
                uf.union(by_key.setdefault(surface.key, text), text)
            hit = _GAZETTEER.get(surface.key)
            if hit is not None:
                uf.union("\0" + hit[0], text)
        for first, second in self.pairs:
            self._pair(first, second)
        self._merge_variants()
        self._merge_acronyms()
        self._merge_prefixed()
        self._merge_surnames()

    def _gazetteer_root(self, text: str) -> str | None:
        root = self.uf.find(text)
        return root if root.startswith("\0") else None

    def _pair(self, first: str, second: str) -> None:
        a, b = self.surfaces[first], self.surfaces[second]
        if a.so_called_of is not None or b.so_called_of is not None:
            self.uf.union(first, second)
            return
        if a.acronym == b.acronym:
            return
        acr, name = (a, b) if a.acronym else (b, a)
        ga, gb = self._gazetteer_root(acr.text), self._gazetteer_root(name.text)
        if ga and gb and ga != gb:
            return
        matches = acr.text.replace(".", "") in _initials(name.words)
        is_place = gb is not None and _GAZETTEER.get(name.key, ("", ""))[1] == PLACE
        # 'Washington (CNN)' is a dateline, not an alias.
        if matches or (len(name.content) > 1 and not is_place):
            self.uf.union(acr.text, name.text)

    def _person_like(self, surface: _Surface) -> bool:
        person, org, place = surface.evidence
        return person > 0 and person >= org and person >= place

    def _variant(self, a: _Surface, b: _Surface) -> bool:
        """Same length, same initials, all words equal but one, used by different
        articles: one source misnaming what the others name."""
        if len(a.words) != len(b.words) or a.articles & b.articles or len(a.content) < 3:
            return False  # two-word names differ too easily: 'United States', 'United Steelworkers'
        if self._gazetteer_root(a.text) or self._gazetteer_root(b.text):
            return False
        diff = [(x, y) for x, y in zip(a.words, b.words, strict=True) if x.lower() != y.lower()]
        if len(diff) != 1:
            return False
        x, y = diff[0]
        if x.rstrip("s") == y.rstrip("s") or _abbreviates(x, y) or _abbreviates(y, x):
            return False  # 'Schools' / 'School', 'Assn' / 'Association': aliases
        if x[0].lower() != y[0].lower() or x in _CONNECTORS or y in _CONNECTORS:
            return False
        if x in _EVENT_WORDS or y in _EVENT_WORDS:
            return False
        if (x in _ORG_WORDS and y in _ORG_WORDS) or x in _PLACE_WORDS or y in _PLACE_WORDS:
            return False
        if _is_demonym(x) or _is_demonym(y) or self.in_gazetteer(x) or self.in_gazetteer(y):
            return False
        return not (self._person_like(a) or self._person_like(b))

    def _multiword(self) -> list[_Surface]:
        if self.multiword is None:
            self.multiword = [
                s
                for s in self.surfaces.values()
                if s.so_called_of is None and len(s.content) > 1 and s.count
            ]
        return self.multiword

    def _pair_variants(self, members: list[_Surface]) -> None:
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if self.uf.find(a.text) == self.uf.find(b.text):
                    continue
                if _abbreviation_of(a.words, b.words):
                    self.uf.union(a.text, b.text)
                elif self._variant(a, b):
                    self.uf.union(a.text, b.text)
                    self.variants[a.text].add(b.text)
                    self.variants[b.text].add(a.text)

    def _merge_variants(self) -> None:
        groups: dict[tuple[str, int], list[_Surface]] = defaultdict(list)
        plural: dict[str, str] = {}
        for surface in self._multiword():
            singular = plural.setdefault(surface.key.rstrip("s"), surface.text)
            self.uf.union(singular, surface.text)  # 'Public School' = 'Public Schools'
        for surface in self._multiword():
            content = surface.content
            if len(content) >= 3:
                letters = "".join(w[0].upper() for w in content)
                groups[(letters, len(surface.words))].append(surface)
        for members in groups.values():
            if len(members) > 1:
                self._pair_variants(members)

    def _merge_acronyms(self) -> None:
        """An acronym whose letters are the initials of exactly one name of the story
        stands for that name (SDF = Syrian Democratic Forces)."""
        acronyms = [s for s in self.surfaces.values() if s.acronym]
        starts = {s.text[0] for s in acronyms}
        index: dict[str, list[_Surface]] = defaultdict(list)
        for surface in self._multiword():
            if surface.text[0].upper() in starts and not self._person_like(surface):
                for letters in _initials(surface.words):
                    index[letters].append(surface)
        for acr in acronyms:
            candidates = index.get(acr.text.replace(".", ""), [])
            if not candidates:
                continue
            groups = {self.uf.find(c.text) for c in candidates}
            if len(groups) > 1:
                self._pair_variants(candidates)
                groups = {self.uf.find(c.text) for c in candidates}
            if len(groups) != 1:
                continue
            ga, gb = self._gazetteer_root(acr.text), next(iter(groups))
            if ga and ga != gb:
                continue  # the gazetteer knows what US stands for: not 'United Steelworkers'
            self.uf.union(acr.text, candidates[0].text)

    def _merge_prefixed(self) -> None:
        """'US Central Command' = 'Central Command'; 'Euphrates River' = 'Euphrates';
        'Mount Everest' = 'Everest'."""
        surfaces = self.surfaces
        for surface in self._multiword():
            words = surface.words
            first = words[0]
            if len(words) > 2 and (_is_acronym(first) or self.in_gazetteer(first)):
                rest = " ".join(words[1:])
                if rest in surfaces and self._gazetteer_root(rest) is None:
                    self.uf.union(surface.text, rest)
            if len(words) == 2:
                if words[1] in _PLACE_FEATURES and words[0] in surfaces:
                    self.uf.union(surface.text, words[0])
                elif first in _MOUNT and words[1] in surfaces:
                    self.uf.union(surface.text, words[1])

    def _short_form_owner(self, surface: _Surface) -> tuple[list[str], bool] | None:
        """The words of a multi-word surface whose last word alone may stand for
        it, and whether it reads as a person's name. Persons are the common case
        ('McGurk' = 'Brett McGurk'), but 'the Rockies' and 'the Index' shorten
        'Colorado Rockies' and 'Good Country Index' the same way; only a person's
        name gains person evidence from it."""
        content = list(surface.content)
        if not 1 < len(content) <= 5 or self._gazetteer_root(surface.text):
            return None
        for word in content:
            if (len(word) > 2 and _is_acronym(word)) or _is_demonym(word):
                return None
        if any(w in _ORG_WORDS or w in _PLACE_WORDS or w in _GENERIC_ORG for w in content):
            return None  # 'Committee on Assassinations' is not 'Assassinations'
        if any(w in ("of", "for", "on") for w in surface.words):
            return None
        person, org, place = surface.evidence
        is_person = (person > 0 and person >= org and person >= place) or (
            content[0] in _FIRST_NAMES and not org and not place
        )
        return content, is_person

    def _merge_surnames(self) -> None:
        """A surname alone is the person of the story with that surname, if only one
        ('McGurk' = 'Brett McGurk'); a middle name or initial does not make a new
        person ('Michael T. Flynn' = 'Michael Flynn'); 'Jr.' does."""
        by_last: dict[str, list[tuple[str, bool, bool]]] = defaultdict(list)
        by_ends: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for surface in self._multiword():
            owner = self._short_form_owner(surface)
            if owner is None:
                continue
            content, is_person = owner
            generation = ""
            while len(content) > 2 and content[-1] in _NAME_SUFFIXES:
                if content[-1] in _GENERATION:
                    generation = content[-1].rstrip(".")
                content = content[:-1]
            last = self.key(_strip_particle(content[-1]))
            by_last[last].append((surface.text, bool(generation), is_person))
            if is_person:
                by_ends[(self.key(content[0]), last, generation)].append(surface.text)
        for texts in by_ends.values():
            for other in texts[1:]:
                self.uf.union(texts[0], other)
        for surface in list(self.surfaces.values()):
            if len(surface.words) != 1 or surface.acronym or surface.so_called_of is not None:
                continue
            owners = by_last.get(self.key(_strip_particle(surface.text)))
            if not owners:
                continue
            seniors = [o for o in owners if not o[1]] or owners
            roots = {self.uf.find(o[0]) for o in seniors}
            if len(roots) > 1:
                seniors = [o for o in seniors if o[2]]  # a person's surname first
                roots = {self.uf.find(o[0]) for o in seniors}
            if len(roots) != 1:
                continue
            person, org, place = surface.evidence
            if max(org, place) > person:
                continue
            if self._gazetteer_root(surface.text) and not (person > 0 and place == 0):
                continue  # 'Jordan' the country, unless used as a surname
            self.uf.union(surface.text, next(iter(roots)))
            if any(o[2] for o in seniors):
                self.surname_uses[surface.text] += surface.count

    # ---- output
    def build(self) -> EntityIndex:
        members: dict[str, list[_Surface]] = defaultdict(list)
        for text, surface in self.surfaces.items():
            members[self.uf.find(text)].append(surface)
        root_of = {text: self.uf.find(text) for text in self.surfaces}
        roots_of_mentions = [(row, root_of[text]) for row, text in self.mentions]
        owners = self._generic_owners({word for _, word in self.generic})
        for row, word in self.generic:
            if word in owners:
                roots_of_mentions.append((row, owners[word]))
        rows_of: dict[str, set[int]] = defaultdict(set)
        count_of: Counter[str] = Counter()
        articles_of: dict[str, set[int]] = defaultdict(set)
        for row, root in roots_of_mentions:
            rows_of[root].add(row)
            count_of[root] += 1
            articles_of[root].add(self.sentences[row].article)
        infos: list[tuple[str, EntityInfo]] = []
        for root, group in members.items():
            if not count_of[root]:
                continue
            name = self._name(root, group)
            info = EntityInfo(
                name=name,
                kind=self._kind(root, group, count_of[root]),
                aliases=tuple(sorted({s.text for s in group} - {name})),
                articles=tuple(sorted(articles_of[root])),
                mentions=count_of[root],
            )
            infos.append((root, info))
        infos.sort(key=lambda item: (-item[1].mentions, item[1].name.lower(), item[1].name))
        position = {root: i for i, (root, _) in enumerate(infos)}
        by_row: dict[int, set[int]] = defaultdict(set)
        for root, rows in rows_of.items():
            for row in rows:
                by_row[row].add(position[root])
        return EntityIndex(
            entities=tuple(info for _, info in infos),
            by_row={row: frozenset(found) for row, found in sorted(by_row.items())},
            variants=self._variant_report(infos),
        )

    def _generic_owners(self, words: set[str]) -> dict[str, str]:
        """'the Observatory' is the story's only name with the word Observatory."""
        if not words:
            return {}
        roots: dict[str, set[str]] = defaultdict(set)
        for surface in self._multiword():
            for word in words.intersection(surface.words):
                roots[word].add(self.uf.find(surface.text))
        return {word: next(iter(found)) for word, found in roots.items() if len(found) == 1}

    def _name(self, root: str, group: list[_Surface]) -> str:
        if root.startswith("\0"):
            return root[1:]
        plain = [s for s in group if s.so_called_of is None] or group

        def rank(s: _Surface) -> tuple:
            full = len(s.content) > 1
            return (not s.acronym, full, s.count, len(s.words), -min(s.rows, default=0))

        return max(plain, key=rank).text

    def _kind(self, root: str, group: list[_Surface], mentions: int) -> str:
        if root.startswith("\0"):
            return _GAZETTEER[_key(root[1:])][1]
        totals = [0.0, 0.0, 0.0]
        for surface in group:
            for i, weight in enumerate(surface.evidence):
                totals[i] += weight
            totals[0] += _W_WEAK * self.surname_uses[surface.text]
            hit = _GAZETTEER.get(surface.key)
            if hit is not None:
                totals[_KINDS.index(hit[1])] += _W_GAZETTEER * surface.count
        best = max(range(3), key=lambda i: (totals[i], -i))
        needed = max(_MIN_EVIDENCE, _MIN_EVIDENCE_PER_MENTION * mentions)
        return _KINDS[best] if totals[best] >= needed else OTHER

    def _variant_report(self, infos: list[tuple[str, EntityInfo]]) -> tuple[NameVariant, ...]:
        names = {root: info.name for root, info in infos}
        by_root: dict[str, set[str]] = defaultdict(set)
        for text, others in self.variants.items():
            by_root[self.uf.find(text)].update({text, *others})
        out = []
        for root, texts in by_root.items():
            if root not in names:
                continue
            surfaces = sorted((self.surfaces[t] for t in texts), key=lambda s: (-s.count, s.text))
            out.append(
                NameVariant(
                    entity=names[root],
                    names=tuple((s.text, tuple(sorted(s.articles)), min(s.rows)) for s in surfaces),
                )
            )
        out.sort(key=lambda v: v.entity)
        return tuple(out)


def find_entities(sentences: Sequence[Sentence]) -> EntityIndex:
    """Find the people, organisations and places of a story and merge their aliases.

    Rows in the result are positions in ``sentences``. Entities come most
    mentioned first; ``variants`` lists names that look like one source's
    misnaming of an entity rather than an accepted alias.
    """
    story = _Story(sentences)
    story.scan()
    story.resolve()
    story.merge()
    return story.build()
