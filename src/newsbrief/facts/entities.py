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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter, itemgetter
from types import MappingProxyType

from ..model import Sentence
from . import gazetteer as gz
from .tries import word_trie

__all__ = ("EntityIndex", "EntityInfo", "NameVariant", "find_entities")

PERSON, ORG, PLACE, OTHER = "person", "organisation", "place", "other"


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
_FIRST_GROUP = itemgetter(1)  # as a replacement: faster than r"\1"
_ARTICLE_OF = attrgetter("article")


def _key(name: str) -> str:
    """The comparison form of a name: case, accents, punctuation and doubled
    lowercase letters ignored, so Raqqa = Raqa, ISIS = Isis and U.S. = US, while
    Iran != Iraq. Capitals keep their doubles: ISS is not IS, III is not II."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _NON_ALNUM.sub("", _DOUBLED_LOWER.sub(_FIRST_GROUP, name).lower())
    # Too short to be sure a double is a spelling: 'Whoo' is not WHO.
    return key if len(key) >= 4 else _NON_ALNUM.sub("", name.lower())


def _short_key(name: str) -> str:
    """_key of a name whose key without doubled letters is shorter than four
    characters."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = name.lower()
    return key if key.isascii() and key.isalnum() else _NON_ALNUM.sub("", key)


def _part_key(word: str) -> str:
    """_key before its rule for short keys. The key of words joined by spaces is
    the concatenation of theirs, when that is four characters or more."""
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    if _DOUBLED_LOWER.search(word) is not None:  # rare: a look is cheaper than a rewrite
        word = _DOUBLED_LOWER.sub(_FIRST_GROUP, word)
    key = word.lower()
    return key if key.isascii() and key.isalnum() else _NON_ALNUM.sub("", key)


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
# The gazetteer's keys that may hold a joining 'and', one per line.
_AND_KEYS = "\n".join(key for key in _GAZETTEER if "and" in key)
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
_KEYWORDS = _ORG_WORDS | _PLACE_WORDS | _GENERIC_ORG
_MOUNT = frozenset(("Mount", "Mt.", "Mt"))
_DIRECTIONS = frozenset(
    "North South East West Northeast Northwest Southeast Southwest Central Upper Lower "
    "Northern Southern Eastern Western".split()
)
_TITLES = frozenset(gz.TITLES)
_TITLE_MODIFIERS = frozenset(gz.TITLE_MODIFIERS)
_TITLE_WORDS = _TITLES | _TITLE_MODIFIERS
_POLITE = frozenset(("mr", "mrs", "ms", "miss", "mx", "dr"))
_FIRST_NAMES = frozenset(gz.FIRST_NAMES)
_ACRONYM_STOP = frozenset(gz.ACRONYM_STOPWORDS)
_COMMON_POSSESSIVES = frozenset(gz.COMMON_POSSESSIVES)
_EVENT_WORDS = frozenset(gz.EVENT_WORDS)
_ROLE_SET = frozenset(gz.ROLE_NOUNS)
_STOP_OR_TIME = _STOP | _TIME_WORDS
# Single words that _cut_span drops: stop words, dates and demonyms.
_NOT_A_NAME = _STOP_OR_TIME | _DEMONYMS
# Words whose place at either end of a name makes _cut_span look again.
_NAME_EDGES = _ACRONYM_STOP | _DEMONYMS
# Runs of one such word that no count is ever asked about: they are never part
# of a name ('May' is, after a first name).
_UNCOUNTED = _STOP_OR_TIME - {"May"}
# Suffixes that tell a son from his father; "Sr." names the usual bearer.
_GENERATION = frozenset(("Jr", "Jr.", "II", "III", "IV"))
_NAME_SUFFIXES = _GENERATION | frozenset(("Sr", "Sr."))
# Lowercase words allowed inside a name, and the name particles among them.
_PARTICLES = frozenset(
    "de da del della di du des van von der den bin ibn la le y dos das ter ten".split()
)
_CONNECTORS = _PARTICLES | frozenset(("of", "for", "and", "on", "the", "&"))
_SUFFIXES_OR_CONNECTORS = _NAME_SUFFIXES | _CONNECTORS
# Words a run is cut at, or that a name may hold only in some places.
_CUTTING_WORDS = _CONNECTORS | _STOP_OR_TIME
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
# The same after a space, as most are: a quick look for one, before _LOWER_CONTENT.
_LOWER_CONTENT_SPACED = re.compile(rf" (?!{word_trie(_TITLECASE_SKIP)}\b)[a-zß-öø-ÿ]")
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
_PARTICLES_BEFORE = "al el ad ar as ash at az an ed ez es d l".split()
_PARTICLE = rf"(?:{'|'.join(_PARTICLES_BEFORE)})[-'’]"


# A capitalised word: initials ('U.S.'; 'U.S' where a naive split took the last
# dot; 'J.' before a capital), an abbreviation with its dot, or a plain word.
_PLAIN_REST = r"\w*+(?:['’&]\w+)*+(?:-\w+(?:['’]\w+)*+)*+"
_INITIALS_REST = rf"(?:(?:[A-Z]\.)+|(?:[A-Z]\.)*[A-Z](?![\w.'’-])|(?=[ \t]+[{_UPPER}]))"
_WORD = rf"[A-Z]\.{_INITIALS_REST}|{word_trie(_ABBREVIATIONS.split('|'))}\.|[{_UPPER}]{_PLAIN_REST}"


def _abbreviation_rests(abbreviations: Sequence[str]) -> str:
    """The abbreviations after their capital, as a tree of their first letters
    (the one after the capital is read once), each checking its capital behind
    it: 'r(?:(?<=[DJMS]r)|s(?<=Mrs))|...'."""
    capitals: dict[str, str] = {}
    for word in abbreviations:
        capitals[word[1:]] = capitals.get(word[1:], "") + word[0]
    tree: dict[str, list[str]] = {}
    for rest, firsts in sorted(capitals.items()):
        tree.setdefault(rest[0], []).append(f"{rest[1:]}(?<=[{firsts}]{rest})")
    return "(?:" + "|".join(f"{head}(?:{'|'.join(leaves)})" for head, leaves in tree.items()) + ")"


# _WORD after its first, capital letter (checked by a lookbehind where the
# alternative needs an A-Z or one letter of an abbreviation, after a literal
# character that rules most words out first).
_WORD_REST = (
    rf"\.(?<=[A-Z]\.){_INITIALS_REST}"
    rf"|{_abbreviation_rests(_ABBREVIATIONS.split('|'))}\."
    rf"|{_PLAIN_REST}"
)
# A run of capitalised words, with the lowercase connectors a name may hold.
# It opens with a plain capital, so that the engine skips lowercase text fast,
# the word boundary being checked behind it; a particle before the first word
# ('al-Nuri Mosque') is taken back by _PARTICLE_BEFORE. Alternatives that can
# never match at one place together are ordered and grouped for speed, and
# repeats are possessive where giving back could never make a match: each part
# starts with a character the part before it cannot take.
_CONNECTOR_WORD = word_trie(_CONNECTORS)
_PARTICLE_WORD = word_trie(_PARTICLES_BEFORE)
_SPAN = re.compile(
    rf"[{_UPPER}](?<=(?:(?<![\w'’])|(?<=[a-z][a-z]))[{_UPPER}])(?:{_WORD_REST})"
    rf"(?:['’]?+[ \t]++(?:{_CONNECTOR_WORD}[ \t]++)*+(?:{_PARTICLE_WORD}[-'’])?+"
    rf"(?:{_WORD}))*+"
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
# Characters two before a run that may make it sentence-initial (see _is_initial).
_MAYBE_INITIAL = _OPENERS | frozenset("\n|•·!?:;.")


_SAID_AFTER = re.compile(
    r",?\s+(?:said|says|told|added|wrote|tweeted|explained|noted|argued|insisted|stated|"
    r"recalled|testified|acknowledged|admitted|replied)\b"
)
# ', the US special envoy for ...' or ', 45,' after a name: a person's. The role
# must head the apposition, so that ', a coalition of rebel militias' names no
# person. Only whether it matches is read, so the roles may be tried in any
# order: as a tree of their prefixes.
_ROLE_AFTER = re.compile(
    rf",\s+(?:\d{{1,3}},|(?:a|an|the|his|her|its|who\s+is\s+(?:a|an|the))\s+(?:[\w'’.-]+\s+){{0,4}}?"
    rf"{word_trie(gz.ROLE_NOUNS)}(?=\s*(?:[,.;:)]|$|\s(?:of|for|at|to|in|on|with|and|who|from|since)\b)))"
)
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
# The word after a name, and the words after it that are cues (see _evidence);
# equal to _SAID_AFTER, _PLACE_AFTER, _ORG_AFTER and _ATTRIBUTIVE_AFTER when the
# name is followed by whitespace.
_NEXT_WORD = re.compile(r"\s+(\w*)")
_SAID_AFTER_WORDS = frozenset(
    "said says told added wrote tweeted explained noted argued insisted stated recalled "
    "testified acknowledged admitted replied".split()
)
_PLACE_AFTER_WORDS = frozenset(
    "province city town village county district region governorate river valley countryside".split()
)
_ORG_AFTER_WORDS = frozenset(
    "group militia party company firm agency organisation organization alliance movement "
    "network rebels militants jihadists newspaper channel broadcaster website".split()
)
_NOT_ATTRIBUTIVE = frozenset(
    "and or in on at to for from with by is was has had have which where that who as but "
    "since after before were are will would into near until during over under the a an said "
    "says its their".split()
)
# The words before a name that are cues (see _context_evidence), and those after it:
# _CUE_AFTER matches where _NEXT_WORD would read one of them.
_BEFORE_CUES = _ROLE_SET | _SAID_SET | _PLACE_PREPS | {"the", "of"}
_AFTER_CUES = _SAID_AFTER_WORDS | _PLACE_AFTER_WORDS | _ORG_AFTER_WORDS
_CUE_AFTER = re.compile(rf"\s+({word_trie(sorted(_AFTER_CUES))})(?!\w)")
_CUE_HEADS = frozenset(word[:2] for word in _AFTER_CUES)  # how the cues after begin
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


# The characters an acronym may have second: any other rules it out without the pattern.
_ACRONYM_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&.")


def _is_acronym(word: str) -> bool:
    return word[1:2] in _ACRONYM_SECOND and _ACRONYM.fullmatch(word) is not None


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
    if "-" not in word:
        return False
    parts = word.split("-")
    return all(p in _DEMONYMS for p in parts)


def _title_word(word: str) -> str:
    return word.rstrip(".").lower()


def _is_title(word: str) -> bool:
    return word.rstrip(".").lower() in _TITLE_WORDS


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


# Spellings that differ by national convention, not by mistake: Theatre/Theater,
# Labour/Labor, Organisation/Organization.
_CONVENTIONS = (("re", "er"), ("our", "or"), ("ise", "ize"), ("isation", "ization"))


def _within_edits(a: str, b: str, limit: int) -> bool:
    """Whether at most ``limit`` insertions, deletions or substitutions turn ``a`` into ``b``."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _misspelling(x: str, y: str) -> bool:
    """Whether two words of a name look like one spelt two ways by mistake ('Lindsey' and
    'Lindsay', 'Pasztor' and 'Pastzor', 'Zeidan' and 'Zaidan'), not two words: same first
    letter, one or two edits apart (one for short words), neither a clipped form of the
    other ('Steve', 'Oscars'), nor two first names in their own right ('Mark', 'Mary')."""
    a, b = x.lower(), y.lower()
    if a == b or a[0] != b[0] or min(len(a), len(b)) < 4 or a.startswith(b) or b.startswith(a):
        return False
    if not (a.isalpha() or "-" in a) or not (b.isalpha() or "-" in b):
        return False
    for one, other in _CONVENTIONS:
        for p, q in ((one, other), (other, one)):
            if a.endswith(p) and b.endswith(q) and a[: -len(p)] == b[: -len(q)]:
                return False
    if x in _FIRST_NAMES and y in _FIRST_NAMES:
        return False
    return _within_edits(a, b, 1 if min(len(a), len(b)) < 7 else 2)


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


_LOWER_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyz'’-"
    + "".join(map(chr, range(0xDF, 0xF7)))
    + "".join(map(chr, range(0xF8, 0x100)))
)


# Bytes of UTF-8 text kept by lower_exceeds's first, rough look: what an ASCII
# lowercase word is made of; all else (capitals, digits, any other character,
# whatever its bytes) becomes a space. Every ASCII word _LOWER_WORD finds is
# then one of the runs left, though not every run is such a word.
_LOWER_RUNS = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz'-" else 32 for c in range(256))
_NEVER_LOWER = (0, -1)  # a word's count of lowercase uses when there is none: see lower_exceeds


# --------------------------------------------------------------------------- cutting runs

_Word = tuple[str, int, int]  # word, start, end (relative to its run)


# A name cut out of a capitalised run, before the story-wide checks: its words,
# where each begins in the run (each ends its length later), whether it begins a
# sentence, and the weight of a title before it. A plain tuple: the garbage
# collector counts each new instance of a class, and a story makes hundreds.
_Piece = tuple[tuple[str, ...], tuple[int, ...], bool, float]

_AT_START = (0,)  # the starts of a one-word piece that begins its run


def _to_piece(words: Sequence[_Word], initial: bool, title: float) -> _Piece:
    if len(words) == 1:
        word, start, _ = words[0]
        return ((word,), (start,) if start else _AT_START, initial, title)
    return (
        tuple([w for w, _, _ in words]),
        tuple([start for _, start, _ in words]),
        initial,
        title,
    )


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
    body = _headline_body(text)
    if body or (":" not in text and "|" not in text):
        return body
    clause = _CLAUSE_END.search(text)
    if clause is None:
        return 0
    lead = text[: clause.start()]
    if _LOWER_CONTENT.search(lead) is None and len(_CAP_WORD.findall(lead)) >= 2:
        return clause.start()
    return 0


def _headline_body(text: str) -> int:
    """All of a sentence if it is a headline, caption or foreign line, else 0:
    _headline_end without its checks for share buttons and a title-case lead-in,
    for the many sentences without 'Facebook', 'Twitter', a colon or a bar."""
    if _LOWER_CONTENT.search(text) is None:
        return len(text) if len(_CAP_WORD.findall(text)) >= 2 else 0
    if (
        " the " not in text
        and " of " not in text
        and " to " not in text
        and _ENGLISH_WORD.search(text) is None
        and _FOREIGN_WORD.search(text) is not None
    ):
        return len(text)
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


def _split_and(
    piece: list[_Word],
    key: Callable[[str], str] = _key,
    part_key: Callable[[str], str] = _part_key,
) -> list[list[_Word]]:
    """'and' joins only a gazetteer name ('Islamic State of Iraq and the Levant')
    or a government body's remit ('Department of Health and Human Services');
    anywhere else it joins two names."""
    words = [w for w, _, _ in piece]
    if "and" not in words or key(" ".join(words)) in _GAZETTEER:
        return [piece]
    at = words.index("and")
    # Each name tried holds the words either side of the 'and' (there is none
    # to try without them), and a key of four characters or more is its words'
    # keys joined: unless _AND_KEYS has those three, none is in the gazetteer.
    if 0 < at < len(words) - 1:
        around = part_key(words[at - 1]) + "and" + part_key(words[at + 1])
        if len(around) < 4 or around in _AND_KEYS:
            for first in range(at):
                for last in range(len(words), at + 1, -1):
                    if key(" ".join(words[first:last])) in _GAZETTEER:
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


def _split_title(
    piece: list[_Word], key: Callable[[str], str] = _key
) -> tuple[list[_Word], list[_Word], float]:
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
        words = [p[0] for p in rest]
        if _SUFFIXES_OR_CONNECTORS.issuperset(words):
            continue
        if not (_ORG_WORDS.isdisjoint(words) and _PLACE_WORDS.isdisjoint(words)):
            return piece, [], 0.0
        if key(" ".join(words)) in _GAZETTEER:
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


def _strip_demonyms(
    piece: list[_Word], person: bool, key: Callable[[str], str] = _key
) -> list[_Word]:
    """'Kurdish YPG' -> 'YPG' and 'Russian Vladimir Putin' -> 'Vladimir Putin', but
    'Syrian Democratic Forces' and 'Arab League' keep their adjective; 'the North
    Carolina Republican' is a description, not a name."""
    words = [w for w, _, _ in piece]
    last = words[-1] if words else ""
    if (
        len(words) > 1
        and (last in _DEMONYMS or ("-" in last and _is_demonym(last)))
        and key(" ".join(words[:-1])) in _GAZETTEER
    ):
        return []
    i = 0
    while i < len(words) and (words[i] in _DEMONYMS or ("-" in words[i] and _is_demonym(words[i]))):
        i += 1
    if i == 0:
        return piece
    rest = words[i:]
    if not rest:
        return []
    if (
        person
        or (len(rest) == 1 and _is_acronym(rest[0]))
        or key(" ".join(rest)) in _GAZETTEER
        or (len(rest) > 1 and rest[0] in _FIRST_NAMES)
    ):
        return piece[i:]
    return piece


def _gazetteer_ands(span: str, part_key: Callable[[str], str] = _part_key) -> frozenset[int]:
    """Offsets of the 'and's inside gazetteer names of a run ('Food and Drug
    Administration', 'Bosnia and Herzegovina'), which join no two names."""
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(span)]
    found = set()
    parts: list[str] = []  # the keys of the words, made when first needed
    for i, (word, start) in enumerate(tokens):
        if word != "and" or i == 0:
            continue
        if (
            i + 1 < len(tokens)
            and part_key(tokens[i - 1][0]) + "and" + part_key(tokens[i + 1][0]) not in _AND_KEYS
        ):
            continue  # no gazetteer name has these three words
        if not parts:
            parts = [part_key(word) for word, _ in tokens]
        for first in range(i - 1, max(-1, i - 6), -1):
            for last in range(i + 2, min(len(tokens), i + 6) + 1):
                key = "".join(parts[first:last])
                if len(key) < 4:
                    key = _key(" ".join(w for w, _ in tokens[first:last]))
                if key in _GAZETTEER:
                    found.add(start)
    return frozenset(found)


def _cut_span(
    span: str,
    initial: bool,
    key: Callable[[str], str] = _key,
    part_key: Callable[[str], str] = _part_key,
) -> tuple[_Piece, ...]:
    """Cut one capitalised run into names: at stop words, dates, possessives,
    hyphenated modifiers ('US-backed') and connectors that do not belong.
    Offsets are relative to the run, so the result can be reused wherever the
    same run recurs."""
    if " " not in span and "-" not in span:
        if "'" not in span and "’" not in span:
            if span in _NOT_A_NAME or (
                span[-1] == "s" and len(span) < 7 and _PLURAL_ACRONYM.fullmatch(span)
            ):
                return ()
            return (((span,), _AT_START, initial, 0.0),)
        if "\t" not in span:
            # One word and its possessive ('Britain's'): the word, as the rules
            # below would cut it.
            last = span[-1]
            if last == "'" or last == "’":
                word = span[:-1]
            elif (last == "s" or last == "S") and span[-2] in "'’":
                word = span[:-2]
            else:
                word = ""
            if word and "'" not in word and "’" not in word:
                if (
                    word in _NOT_A_NAME
                    or word in _ACRONYM_STOP
                    or (word[-1] == "s" and len(word) < 7 and _PLURAL_ACRONYM.fullmatch(word))
                ):
                    return ()
                return (((word,), _AT_START, initial, 0.0),)
    elif (
        " " not in span
        and "'" not in span
        and "’" not in span
        and "\t" not in span
        and "and" not in span
    ):
        # One hyphenated word ('Pakistan-based', 'Ibero-American'), as the rules
        # below cut it: no title or role makes a person of one word alone.
        word = span
        if not span.startswith(_ARTICLE_PREFIXES):
            parts = span.split("-")
            if any(_is_stop(part) for part in parts):
                return ()
            if parts[1][:1].islower() and parts[1] not in _NAME_TAILS:
                word = parts[0]
        if (
            not word
            or word in _STOP_OR_TIME
            or word in _ACRONYM_STOP
            or (word[-1] == "s" and len(word) < 7 and _PLURAL_ACRONYM.fullmatch(word))
            or word in _DEMONYMS
            or ("-" in word and _is_demonym(word))
        ):
            return ()
        return (((word,), _AT_START, initial, 0.0),)
    pieces: list[list[_Word]] = []
    tokens: list[tuple[str, int]] = []
    maybe_title = None  # whether any word may be a title, once known
    if "-" not in span and "'" not in span and "’" not in span and "\t" not in span:
        split = span.split(" ")
        if "" not in split and _CUTTING_WORDS.isdisjoint(split):
            # Plain capitalised words: nothing to cut at but a plural acronym
            # (left to the general rules below), so one name, unless a title, a
            # word at either end that may go, or a role opening a sentence calls
            # for the rules below. A word that is a title is one of the words of
            # the run lowercased and split at dots.
            maybe_title = not _TITLES.isdisjoint(span.lower().replace(".", " ").split())
            rules = (
                maybe_title
                or split[0] in _NAME_EDGES
                or split[-1] in _NAME_EDGES
                or (initial and len(split) > 2 and split[0].lower() in _ROLE_SET)
            )
            if not (
                ("s " in span or span[-1] == "s")
                and any(w[-1] == "s" and len(w) < 7 and _PLURAL_ACRONYM.fullmatch(w) for w in split)
            ):
                if len(split) == 2:
                    starts = (0, len(split[0]) + 1)
                else:
                    at = 0
                    starts_list = []
                    for word in split:
                        starts_list.append(at)
                        at += len(word) + 1
                    starts = tuple(starts_list)
                if not rules:
                    return ((tuple(split), starts, initial, 0.0),)
                # One piece, for the rules of titles and edges below.
                pieces.append([(w, s, s + len(w)) for w, s in zip(split, starts, strict=True)])
    if not pieces:
        if "\t" in span or "  " in span:
            tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(span)]
        else:
            split = span.split(" ")
            at = 0
            if (
                "-" not in span
                and "'" not in span
                and "’" not in span
                and _CONNECTORS.isdisjoint(split)
                and _STOP_OR_TIME.isdisjoint(split)
                and not (
                    ("s " in span or span[-1] == "s")
                    and any(w[-1] == "s" and _PLURAL_ACRONYM.fullmatch(w) for w in split)
                )
            ):
                # Plain capitalised words: one piece, nothing to cut.
                piece = []
                for word in split:
                    end = at + len(word)
                    piece.append((word, at, end))
                    at = end + 1
                pieces.append(piece)
            else:
                for word in split:
                    tokens.append((word, at))
                    at += len(word) + 1
    current: list[_Word] = []
    pending: list[str] = []
    pending_words: list[_Word] = []
    known_and = _gazetteer_ands(span, part_key) if " and " in span else frozenset()

    for word, start in tokens:
        if word in _CONNECTORS:
            if current:
                pending.append(word)
                pending_words.append((word, start, start + len(word)))
            continue
        cut_after = False
        last = word[-1]
        if last == "'" or last == "’":
            word = word[:-1]
            cut_after = word.lower() not in _COMMON_POSSESSIVES
        elif (last == "s" or last == "S") and len(word) > 2 and word[-2] in "'’":
            word = word[:-2]
            cut_after = word.lower() not in _COMMON_POSSESSIVES
        if "-" in word and not word.startswith(_ARTICLE_PREFIXES):
            parts = word.split("-")
            if any(_is_stop(p) for p in parts):
                if current:
                    pieces.append(current)
                    current = []
                pending.clear()
                pending_words.clear()
                continue
            if parts[1][:1].islower() and parts[1] not in _NAME_TAILS:
                word = parts[0]
                cut_after = True
        if (
            not word
            or (
                (word in _STOP_OR_TIME or (("'" in word or "’" in word) and _is_stop(word)))
                and not (word == "May" and current)
            )
            or (word[-1] == "s" and len(word) < 7 and _PLURAL_ACRONYM.fullmatch(word))
        ):
            if current:
                pieces.append(current)
                current = []
            pending.clear()
            pending_words.clear()
            continue
        if pending:
            if current:
                if _connectors_fit(current, pending) or pending_words[0][1] in known_and:
                    current.extend(pending_words)
                else:
                    pieces.append(current)
                    current = []
            pending.clear()
            pending_words.clear()
        current.append((word, start, start + len(word)))
        if cut_after:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)

    out: list[_Piece] = []
    has_and = "and" in span
    # Whether any word may be a title: a word that is one ('Gen.') is a whole
    # part of the lowercased run split at spaces, dots, hyphens and apostrophes.
    if maybe_title is None:
        maybe_title = not _TITLES.isdisjoint(
            span.lower()
            .replace(".", " ")
            .replace("-", " ")
            .replace("'", " ")
            .replace("’", " ")
            .split()
        )
    for number, raw in enumerate(pieces):
        while raw and raw[0][0] in _ACRONYM_STOP and _title_word(raw[0][0]) not in _TITLES:
            raw = raw[1:]
        while raw and raw[-1][0] in _ACRONYM_STOP:
            raw = raw[:-1]
        if not raw:
            continue
        for piece in _split_and(raw, key, part_key) if has_and else (raw,):
            is_initial = initial and number == 0 and piece[0][1] == 0
            person = None
            if maybe_title:
                for word, _, _ in piece:
                    if word.rstrip(".").lower() in _TITLES:
                        before, person, weight = _split_title(piece, key)
                        break
            if not person and is_initial:
                person, weight = _role_at_start(piece)
                before = []
            if person:
                before = _strip_demonyms(before, False, key)
                # 'US President', 'CNN Correspondent': a name before a title; but
                # 'Humane Officer' or 'Police Chief' is part of the title.
                if len(before) == 1 and not (
                    _is_acronym(before[0][0]) or key(before[0][0]) in _GAZETTEER
                ):
                    before = []
                if before:
                    out.append(_to_piece(before, is_initial, 0.0))
                out.append(_to_piece(_strip_demonyms(person, True, key), False, weight))
                continue
            first, last = piece[0][0], piece[-1][0]
            if (
                first in _DEMONYMS
                or last in _DEMONYMS
                or ("-" in first and _is_demonym(first))
                or ("-" in last and _is_demonym(last))
            ):
                stripped = _strip_demonyms(piece, False, key)
                if stripped:
                    out.append(_to_piece(stripped, is_initial and stripped is piece, 0.0))
            else:
                out.append(_to_piece(piece, is_initial, 0.0))
    return tuple(out)


def _segments(span: str) -> list[tuple[int, str]] | None:
    """The parts of a run between its stop words, e.g. 'White House' in 'The
    White House', with their offsets; None for a run without any. _cut_span
    cuts at each stop word and forgets the connectors around it, so the run's
    names are those of its parts: the parts share their cuts with the runs
    that are just those words. Runs with 'and' are left whole (an 'and' may
    belong to a gazetteer name across a part's edge; see _Story._cut_and)."""
    if " and " in span or "\t" in span or "  " in span:
        return None
    tokens = span.split(" ")
    if _UNCOUNTED.isdisjoint(tokens):
        return None
    out = []
    current: list[str] = []
    at = begin = 0
    for token in tokens:
        if token in _UNCOUNTED:
            while current and current[-1] in _CONNECTORS:
                current.pop()
            if current:
                out.append((begin, " ".join(current)))
            current = []
        elif current or token not in _CONNECTORS:
            if not current:
                begin = at
            current.append(token)
        at += len(token) + 1
    while current and current[-1] in _CONNECTORS:
        current.pop()
    if current:
        out.append((begin, " ".join(current)))
    return out


# --------------------------------------------------------------------------- context


def _context_evidence(
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
            if last_before in _ROLE_SET or _ROLE_AFTER.match(text, end) is not None:
                person += _W_ROLE
            if person_shaped and (
                last_before in _SAID_SET or _SAID_AFTER.match(text, end) is not None
            ):
                person += _W_SAID
    else:
        following = ""
        if after.isspace():
            following = _NEXT_WORD.match(text, end).group(1)  # type: ignore[union-attr]
        if not acronym:
            if last_before in _ROLE_SET:
                person += _W_ROLE
            if person_shaped and (last_before in _SAID_SET or following in _SAID_AFTER_WORDS):
                person += _W_SAID
        if following:
            place_after = following in _PLACE_AFTER_WORDS
            org_after = following in _ORG_AFTER_WORDS
            attributive = "a" <= following[0] <= "z" and following not in _NOT_ATTRIBUTIVE
        else:
            place_after = org_after = attributive = False
    area = last_before
    if area == "the" and tail:
        area = tail[-2] if len(tail) > 1 else ""
        tail = tail[:-1]
    if place_after or (
        area == "of" and tail and len(tail) > 1 and tail[-2] in _AREAS and not attributive
    ):
        place += _W_TITLE
    elif area in _PLACE_PREPS and not acronym and not attributive:
        place += _W_PREPOSITION
    if org_after:
        org += _W_KEYWORD_INSIDE
    return person, org, place


# --------------------------------------------------------------------------- story state


# What a name's own words say about it, whatever the sentence around it: its
# words, its text, whether it is an acronym, its evidence for a person, an
# organisation and a place, whether it is shaped like a person's name, whether
# it grows ('Regional' + 'government'), whether the gazetteer knows it, and its
# content words. A plain tuple, as _Piece; fields read by position:
_Judged = tuple[tuple[str, ...], str, bool, float, float, float, bool, bool, bool, tuple[str, ...]]
_TEXT, _GROWS, _IN_GAZETTEER = 1, 7, 8

_GENERIC: _Judged = ((), "generic", False, 0.0, 0.0, 0.0, False, False, False, ())
_UNJUDGED = object()  # not yet judged


@dataclass(slots=True)
class _Surface:
    """One spelling of a name as the story uses it, with its evidence (for a
    person, an organisation, a place). The articles of its rows are gathered
    when first asked for (see _Story.articles_of)."""

    text: str
    words: tuple[str, ...]
    key: str
    acronym: bool
    content: tuple[str, ...]
    count: int = 0
    rows: list[int] = field(default_factory=list)
    person: float = 0.0
    org: float = 0.0
    place: float = 0.0
    so_called_of: str | None = None
    articles: set[int] | None = None


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
        # find, where an item is a root or a root's child, written out.
        parent = self.parent
        ra = parent.setdefault(a, a)
        if parent[ra] != ra:
            ra = self.find(a)
        rb = parent.setdefault(b, b)
        if parent[rb] != rb:
            rb = self.find(b)
        if ra != rb:
            # Gazetteer nodes stay roots so that a group knows its canonical name.
            if rb.startswith("\0"):
                ra, rb = rb, ra
            self.parent[rb] = ra


def _kind_of(person: float, org: float, place: float, mentions: int) -> str:
    """The kind the evidence points to, or OTHER where it is too thin for its mentions."""
    best, top = PERSON, person
    if org > top:
        best, top = ORG, org
    if place > top:
        best, top = PLACE, place
    if top < _MIN_EVIDENCE or top < _MIN_EVIDENCE_PER_MENTION * mentions:
        return OTHER
    return best


def _add_member(groups: dict, key: object, surface: _Surface) -> None:
    """Add ``surface`` to the group at ``key``: a group of one is its surface
    alone (most are), so that only real groups cost a list."""
    found = groups.get(key)
    if found is None:
        groups[key] = surface
    elif found.__class__ is list:
        found.append(surface)
    else:
        groups[key] = [found, surface]


class _Story:
    """Everything one call of :func:`find_entities` learns; never shared."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.articles = list(map(_ARTICLE_OF, sentences))
        self.texts: list[str] = []
        self.joined = ""
        self.distinct = ""  # the distinct sentences, joined
        # The whole lowercase uses of a word counted so far and where counting
        # goes on (-1 at the end), filled on demand by lower_exceeds.
        self.lower: dict[str, list[int] | tuple[int, int]] = {}
        self.lower_runs: frozenset[bytes] | None = None
        self.midcap: Mapping[str, int] = {}  # set by scan
        # The runs of each row (start, the run's pieces), and those of its
        # headline part apart, where only known names are taken.
        self.candidates: list[tuple[tuple[int, tuple[_Piece, ...]], ...]] = []
        self.in_headline: list[list[tuple[_Piece, ...]] | tuple] = []
        self.cuts: dict[str, tuple[_Piece, ...]] = {}
        self.initial_cuts: dict[str, tuple[_Piece, ...]] = {}
        self.judged: dict[tuple[str, ...], _Judged | None] = {}
        self.keys: dict[str, str] = {}
        self.part_keys: dict[str, str] = {}
        self.surfaces: dict[str, _Surface] = {}
        self.generic: list[tuple[int, str]] = []
        self.pairs: list[tuple[str, str]] = []
        self.positions: list[tuple[int, int, int, str]] = []
        self.uf = _UnionFind()
        self.variants: dict[str, set[str]] = defaultdict(set)
        self.surname_uses: dict[str, int] = {}
        self.multiword: list[_Surface] | None = None  # set once all surfaces are known

    def part_key(self, word: str) -> str:
        found = self.part_keys.get(word)
        if found is None:
            found = self.part_keys[word] = _part_key(word)
        return found

    def key(self, text: str) -> str:
        found = self.keys.get(text)
        if found is None:
            # Names share words: the key of a name is joined from its words'
            # (_part_key, written out here: it is asked for hundreds of times).
            parts = self.part_keys
            found = ""
            for word in text.split(" "):
                part = parts.get(word)
                if part is None:
                    part = word
                    if not part.isascii():
                        decomposed = unicodedata.normalize("NFKD", part)
                        part = "".join(c for c in decomposed if not unicodedata.combining(c))
                    if _DOUBLED_LOWER.search(part) is not None:
                        part = _DOUBLED_LOWER.sub(_FIRST_GROUP, part)
                    part = part.lower()
                    if not (part.isascii() and part.isalnum()):
                        part = _NON_ALNUM.sub("", part)
                    parts[word] = part
                found += part
            if len(found) < 4:
                found = _short_key(text)
            self.keys[text] = found
        return found

    def in_gazetteer(self, text: str) -> bool:
        return self.key(text) in _GAZETTEER

    def lower_exceeds(self, word: str, limit: int) -> bool:
        """Whether ``word`` (lowercase) is written as a whole lowercase word, one
        that _LOWER_WORD finds, more than ``limit`` times. The uses are counted
        only as far as needed, and the count goes on from there if a later
        question needs more."""
        state = self.lower.get(word)
        if state is None:
            # A set of the text's lowercase runs rules most words out at once.
            if word.isascii():
                if self.lower_runs is None:
                    runs = self.distinct.encode().translate(_LOWER_RUNS).split()
                    self.lower_runs = frozenset(runs)
                if word.encode() not in self.lower_runs:
                    self.lower[word] = _NEVER_LOWER
                    return False
            if _LOWER_WORD.fullmatch(word) is None:
                self.lower[word] = _NEVER_LOWER
                return False
            state = self.lower[word] = [0, 0]
        count, at = state
        if count > limit or at < 0:
            return count > limit
        # The places where the word is written, left to right without overlaps
        # (one that overlaps another has a letter of it before it): a whole
        # word has neither a letter or joining mark before it nor a lowercase
        # letter or joining mark after it.
        text = self.joined
        find = text.find
        size = len(word)
        end = len(text)
        while count <= limit:
            found = find(word, at)
            if found < 0:
                at = -1
                break
            at = found + size
            if found:
                before = text[found - 1]
                if before.isalnum() or before in "_'’-":
                    continue
            if at < end and text[at] in _LOWER_CHARS:
                continue
            count += 1
        state[0] = count
        state[1] = at
        return count > limit

    # ---- pass 1: cut runs into candidates, count capitalisation
    def scan(self) -> None:
        texts = self.texts = [sentence.text for sentence in self.sentences]
        joined = "\n".join(texts)
        if not joined.isascii():
            texts = self.texts = [
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
        self.joined = joined
        # The distinct sentence texts, in order, and the one of each row.
        distinct = list(dict.fromkeys(texts))
        if len(distinct) < len(texts):
            self.distinct = "\n".join(distinct)
            number_of = {text: number for number, text in enumerate(distinct)}
            rows = list(map(number_of.__getitem__, texts))
        else:
            distinct = texts
            self.distinct = joined
            rows = list(range(len(texts)))
        # Runs of each distinct sentence (start, pieces), those of its headline
        # part, and the capitalised words the sentences add to the counts, with
        # where each sentence's words begin and end when sentences recur.
        found: list[tuple[tuple[int, tuple[_Piece, ...]], ...]] = [()] * len(distinct)
        in_headline: dict[int, list[tuple[_Piece, ...]]] = {}
        words: list[str] = []
        repeats = len(distinct) < len(texts)
        word_start = [0] * (len(distinct) + 1) if repeats else []
        word_end = word_start.copy()
        cuts, initial_cuts = self.cuts, self.initial_cuts
        # One pass over all sentences, the pattern never crossing a line break,
        # in offsets of the joined text after a line break of its own: each
        # sentence then has a line break before it.
        joined = "\n" + self.distinct
        widgets = "Facebook" in joined or "Twitter" in joined
        key, part_key = self.key, self.part_key
        number = -1
        text = ""
        offset = line_end = 0
        headline_end = 0  # in offsets of the joined text
        entries: list[tuple[int, tuple[_Piece, ...]]] = []
        for match in _SPAN.finditer(joined):
            start = match.start()
            before = joined[start - 1]
            if before == " ":
                span = match[0]
                if span in _UNCOUNTED:
                    continue
            elif before == "-" or before == "'":
                span = ""  # a particle may come before: see below
            else:
                span = match[0]
                if span in _UNCOUNTED:
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
                found_particle = _PARTICLE_BEFORE.search(joined, max(offset, start - 4), start)
                if found_particle:
                    start = found_particle.start()
                    before = joined[start - 1]
                span = joined[start : match.end()]
                if span in _UNCOUNTED:
                    continue
            if span.isupper() and _TICKER_AFTER.match(joined, match.end()):
                continue
            if headline_end < 0:
                if widgets or ":" in text or "|" in text:
                    headline_end = offset + _headline_end(text)
                elif (
                    _LOWER_CONTENT_SPACED.search(text) is not None
                    or _LOWER_CONTENT.search(text) is not None
                ) and (" the " in text or " of " in text or " to " in text):
                    headline_end = offset  # running English text: see _headline_body
                else:  # _headline_end without the checks that cannot apply
                    headline_end = offset + _headline_body(text)
            # Sentence-initial runs: a capital there says nothing.
            if before == " " and joined[start - 2] not in _MAYBE_INITIAL:
                cut = cuts.get(span)
                if cut is None:
                    if " " in span:
                        cut = self._cut(span, False, key, part_key)
                    else:  # as _cut would
                        cut = cuts[span] = _cut_span(span, False, key, part_key)
                if start >= headline_end:
                    words.append(span)
                    if cut.__class__ is tuple:
                        if cut:
                            entries.append((start - offset, cut))
                        continue
            elif start == offset or _is_initial(text, start - offset):
                cut = initial_cuts.get(span)
                if cut is None:
                    cut = self._cut(span, True, key, part_key)
                if start >= headline_end:
                    rest = span.split(None, 1)
                    if len(rest) > 1:
                        words.append(rest[1])
            else:
                cut = cuts.get(span)
                if cut is None:
                    cut = self._cut(span, False, key, part_key)
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
        self.candidates = list(map(found.__getitem__, rows))
        if in_headline:
            self.in_headline = [in_headline.get(number, ()) for number in rows]
        if repeats:
            # A sentence that recurs adds its words once more each time.
            word_end[number] = len(words)
            seen = bytearray(len(distinct))
            for number in rows:
                if seen[number]:
                    words += words[word_start[number] : word_end[number]]
                else:
                    seen[number] = 1
        self.midcap = Counter(" ".join(words).split())

    def _cut(
        self,
        span: str,
        initial: bool,
        key: Callable[[str], str],
        part_key: Callable[[str], str],
    ) -> tuple[_Piece, ...] | list:
        """The pieces of a run (cached), or for a run with stop words the
        (offset, pieces) of its parts, which are cached as runs of their own.
        ``key`` and ``part_key`` are the story's."""
        cache = self.initial_cuts if initial else self.cuts
        if " " not in span or "\t" in span or "  " in span:
            segments = None  # one word has no stop word to cut at
        elif " and " in span:
            halves = self._cut_and(span, initial, key, part_key)
            if halves is not None:
                cache[span] = halves
                return halves
            segments = None
        elif _UNCOUNTED.isdisjoint(span.split(" ")):
            segments = None
        else:
            segments = _segments(span)
        if segments is None:
            cut = cache[span] = _cut_span(span, initial, key, part_key)
            return cut
        parts = []
        for offset, segment in segments:
            if " " not in segment and segment in _ACRONYM_STOP:
                continue  # cut alone it would be kept, as part of a run it is not
            first = initial and not offset
            found = (self.initial_cuts if first else self.cuts).get(segment)
            if found is None:
                found = self._cut(segment, first, key, part_key)
            if found:
                parts.append((offset, found))
        cache[span] = parts
        return parts

    def _cut_and(
        self,
        span: str,
        initial: bool,
        key: Callable[[str], str],
        part_key: Callable[[str], str],
    ) -> list | None:
        """The (offset, pieces) of the names either side of the one 'and' of a
        run, e.g. 'Chile and Argentina', which share their cuts with the runs
        that are just those words; None where _cut_span is needed: 'and' that
        may continue a name ('Department of Health and Human Services', after
        'of' or 'for') or join a gazetteer name ('Bosnia and Herzegovina'), or
        a run with more than one 'and'. As in _segments, a single word that is
        a stop word for acronyms goes (_cut_span drops it at the edge of a
        name), and _cut_span cuts the rest alike before and after the 'and'."""
        at = span.find(" and ")
        if span.find(" and ", at + 1) >= 0:
            return None
        head, tail = span[:at], span[at + 5 :]
        if not tail[:1].isupper() or tail.startswith("May"):
            # 'and the ...', 'and al-...'; 'May' after a name is one ('Theresa May').
            return None
        words = head.split(" ")
        last = words[-1]
        if "of" in words or "for" in words or last in _CONNECTORS:
            return None
        if part_key(last) + "and" + part_key(tail.split(" ", 1)[0]) in _AND_KEYS:
            return None  # see _gazetteer_ands
        parts: list = []
        for offset, part, first in ((0, head, initial), (at + 5, tail, False)):
            if " " not in part and part in _ACRONYM_STOP:
                continue
            found = (self.initial_cuts if first else self.cuts).get(part)
            if found is None:
                found = self._cut(part, first, key, part_key)
            if not found:
                continue
            if found.__class__ is tuple:
                parts.append((offset, found))
            else:
                parts += [(offset + inner, pieces) for inner, pieces in found]
        return parts

    def capitalised(self, word: str) -> int:
        """How often ``word`` is capitalised inside a sentence (not at its start)."""
        count = self.midcap.get
        return count(word, 0) + count(word + "'s", 0) + count(word + "'", 0)

    # ---- pass 2: story-wide checks, evidence, mentions
    def resolve(self) -> None:
        resolved: dict[int, tuple[tuple, ...]] = {}
        texts, surfaces, generic, positions = (
            self.texts,
            self.surfaces,
            self.generic,
            self.positions,
        )
        keys, judged_of = self.keys, self.judged
        for row, entries in enumerate(self.candidates):
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
                    # for each name kept, and (_GENERIC, word, 0, 0.0) for a bare
                    # generic word.
                    found = ()  # most runs have one piece
                    for names, starts, initial, title in cut:
                        # The words kept: without a sentence-initial word that does
                        # not count, nor connectors at either end.
                        first = 0
                        last = len(names)
                        if initial and not self._first_word_counts(names):
                            first = 1
                            while first < last and names[first] in _CONNECTORS:
                                first += 1
                        while last > first and names[last - 1] in _CONNECTORS:
                            last -= 1
                        if first == last:
                            continue
                        if first or last < len(names):
                            names = names[first:last]
                        judged = judged_of.get(names, _UNJUDGED)
                        if judged is _UNJUDGED:
                            judged = judged_of[names] = self._judge_new(names)
                        if judged is None:
                            continue
                        if judged is _GENERIC:
                            found += ((_GENERIC, names[0], 0, 0.0),)
                        else:
                            end = starts[last - 1] + len(names[-1])
                            found += ((judged, starts[first], end, title),)
                    resolved[id(cut)] = found
                for judged, first, last, title in found:
                    if judged is _GENERIC:
                        generic.append((row, first))
                        continue
                    if plain is None and judged[_IN_GAZETTEER]:
                        plain = not paren and "so-called" not in text
                    if plain and judged[_IN_GAZETTEER] and not judged[_GROWS]:
                        # A gazetteer name, whose kind is fixed, where nothing
                        # else about it is read (it does not grow): a mention.
                        surface = surfaces.get(judged[_TEXT])
                        if surface is None:
                            surface = self._new_surface(judged)
                        surface.count += 1
                        surface.rows.append(row)
                        continue
                    # Any other mention, with what the words around it say.
                    start = base + first
                    end = base + last
                    (
                        names,
                        name,
                        acronym,
                        person,
                        org,
                        place,
                        person_shaped,
                        grows,
                        gazetteer,
                        content,
                    ) = judged
                    if grows:
                        grown = _INSTITUTION_AFTER.match(text, end)
                        if grown:
                            judged = self._judge((*names, grown.group(1))) or judged
                            end = grown.end()
                            names, name, acronym, person, org, place, person_shaped = judged[:7]
                            gazetteer, content = judged[8], judged[9]
                    surface = surfaces.get(name)
                    if surface is None:
                        surface = surfaces[name] = _Surface(
                            name, names, keys.get(name) or self.key(name), acronym, content, 0, []
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
                        alias = self._surface("so-called " + name, ("so-called", *names))
                        alias.so_called_of = name
                        self.pairs.append((alias.text, name))
                        surface = alias
                    surface.count += 1
                    surface.rows.append(row)
                    if gazetteer:
                        continue
                    if tail is not None or last_before in _BEFORE_CUES:
                        more_person, more_org, more_place = _context_evidence(
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
                            if _ROLE_AFTER.match(text, end) is not None:
                                person += _W_ROLE
                            if person_shaped and _SAID_AFTER.match(text, end) is not None:
                                person += _W_SAID
                    elif after.isspace():
                        # The next word, where one space comes first, begins as a cue
                        # does, or the pattern has nothing to find.
                        head = text[end + 1 : end + 3]
                        if head in _CUE_HEADS or head[:1].isspace():
                            cue = _CUE_AFTER.match(text, end)
                        else:
                            cue = None
                        if cue is not None:
                            following = cue[1]
                            if person_shaped and not acronym and following in _SAID_AFTER_WORDS:
                                person += _W_SAID
                            if following in _PLACE_AFTER_WORDS:
                                place += _W_TITLE
                            if following in _ORG_AFTER_WORDS:
                                org += _W_KEYWORD_INSIDE
                    surface.person += person
                    surface.org += org
                    surface.place += place
        self._paren_pairs()
        known = {surface.key for surface in self.surfaces.values()}
        for row, cuts in enumerate(self.in_headline):
            for cut in cuts:
                for piece in cut:
                    self._match_known(row, piece, known)
        # What only this pass reads goes now, not with the story: the garbage
        # collector need not look through it again.
        self.lower_runs = None
        self.lower.clear()
        self.midcap = {}
        self.cuts.clear()
        self.initial_cuts.clear()
        self.candidates = []
        self.judged.clear()

    def _new_surface(self, judged: _Judged) -> _Surface:
        names, name, acronym, _, _, _, _, _, _, content = judged
        surface = self.surfaces[name] = _Surface(
            name, names, self.keys.get(name) or self.key(name), acronym, content, 0, []
        )
        return surface

    def _first_word_counts(self, words: tuple[str, ...]) -> bool:
        """The spec's rule for sentence-initial capitals, generous to multi-word
        names whose first word the story never writes in lowercase."""
        first = words[0]
        if first[1:2] in _ACRONYM_SECOND and _ACRONYM.fullmatch(first) is not None:
            return True  # an acronym
        count = self.midcap.get  # capitalised(first) > 0
        if count(first, 0) or count(first + "'s", 0) or count(first + "'", 0):
            return True
        if self.key(first) in _GAZETTEER:
            return True
        if len(words) == 1:
            return False
        if self.key(" ".join(words)) in _GAZETTEER:
            return True
        return not _is_title(first) and not self.lower_exceeds(first.lower(), 0)

    def _judge(self, names: tuple[str, ...]) -> _Judged | None:
        found = self.judged.get(names, _UNJUDGED)
        if found is _UNJUDGED:
            found = self.judged[names] = self._judge_new(names)
        return found

    def _judge_new(self, names: tuple[str, ...]) -> _Judged | None:
        """Whether these words are a name, and what they say of its kind; None
        rejects them, _GENERIC marks a bare 'Observatory' or 'Command'."""
        word = names[0]
        single = len(names) == 1
        joined = word if single else " ".join(names)
        gazetteer = self.key(joined) in _GAZETTEER
        if single:
            if not gazetteer:
                if (
                    len(word) == 1
                    or word in _NAME_SUFFIXES
                    or word in _DEMONYMS
                    or ("-" in word and _is_demonym(word))
                    or word.rstrip(".").lower() in _TITLE_WORDS
                ):
                    return None
                # Directions, stop acronyms and long capitals are never generic
                # words, so they may go before the costlier count.
                if (
                    word in _DIRECTIONS
                    or (word in _ACRONYM_STOP and _is_acronym(word))
                    or (len(word) > 6 and word.isupper())
                ):
                    return None
                if self.lower_exceeds(word.lower(), self.capitalised(word)):
                    return None
                if word in _GENERIC_ORG or word in _PLACE_WORDS:
                    return _GENERIC
            # One word: the rules below, with nothing before or after it.
            if "." in word:
                names = _tidy(names)
                word = names[0]
            acronym = word[1:2] in _ACRONYM_SECOND and _ACRONYM.fullmatch(word) is not None
            org = _W_KEYWORD_LAST if word in _ORG_WORDS or word in _INSTITUTION_NOUNS else 0.0
            if acronym:
                org += _W_WEAK
            return (
                names,
                word,
                acronym,
                0.0,
                org,
                _W_KEYWORD_LAST if word in _PLACE_WORDS else 0.0,
                False,
                False,
                gazetteer,
                () if word in _CONNECTORS else names,
            )
        elif (word in _CONNECTORS or word.rstrip(".").lower() in _TITLE_WORDS) and all(
            w in _CONNECTORS or w.rstrip(".").lower() in _TITLE_WORDS for w in names
        ):
            return None
        if "." in joined:
            names = _tidy(names)
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
        first_name = 1 < len(names) < 4 and names[0] in _FIRST_NAMES
        if last in _ORG_WORDS or last in _INSTITUTION_NOUNS:
            org += _W_KEYWORD_LAST
        elif not _ORG_WORDS.isdisjoint(names):
            org += _W_KEYWORD_INSIDE
        if last in _PLACE_WORDS or names[0] in _PLACE_PREFIXES:
            place += _W_WEAK if first_name else _W_KEYWORD_LAST
        content = tuple(_content_words(names)) if not _CONNECTORS.isdisjoint(names) else names
        person_shaped = 1 < len(content) <= 4 and not org and not place and not gazetteer
        if person_shaped:
            for word in content:
                if word[1:2] in _ACRONYM_SECOND and _ACRONYM.fullmatch(word) is not None:
                    person_shaped = False  # an acronym
                    break
        if first_name and (person_shaped or org + place <= _W_WEAK):
            person += _W_FIRST_NAME
        return (
            names,
            joined,
            False,
            person,
            org,
            place,
            person_shaped,
            last in _INSTITUTION_ADJECTIVES,  # grows
            gazetteer,
            content,
        )

    def _surface(self, text: str, names: Sequence[str]) -> _Surface:
        surface = self.surfaces.get(text)
        if surface is None:
            acronym = len(names) == 1 and _is_acronym(names[0])
            content = tuple(_content_words(names))
            surface = _Surface(text, tuple(names), self.key(text), acronym, content, 0, [])
            self.surfaces[text] = surface
        return surface

    def _mention(self, surface: _Surface, row: int) -> None:
        surface.count += 1
        surface.rows.append(row)

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

    def _match_known(self, row: int, piece: _Piece, known: set[str]) -> None:
        """Headlines, captions and foreign lines capitalise everything: only names
        known from running text (or the gazetteer) are taken from them."""
        names = piece[0]
        i = 0
        while i < len(names):
            for j in range(len(names), i, -1):
                text = " ".join(names[i:j])
                key = self.key(text)
                if key in known or key in _GAZETTEER:
                    if j - i == 1 and (_is_demonym(names[i]) or names[i] in _GENERIC_ORG):
                        continue
                    found = _tidy(names[i:j])
                    self._mention(self._surface(" ".join(found), found), row)
                    i = j
                    break
            else:
                i += 1

    # ---- merging
    def merge(self) -> None:
        uf = self.uf
        by_key: dict[str, str] = {}
        for text, surface in self.surfaces.items():
            if surface.so_called_of is None:
                first = by_key.setdefault(surface.key, text)
                if first is not text:
                    uf.union(first, text)
            hit = _GAZETTEER.get(surface.key)
            if hit is not None:
                uf.union("\0" + hit[0], text)
        for first, second in self.pairs:
            self._pair(first, second)
        self._merge_variants()
        self._merge_misspellings()
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
        person = surface.person
        return person > 0 and person >= surface.org and person >= surface.place

    def articles_of(self, surface: _Surface) -> set[int]:
        found = surface.articles
        if found is None:
            found = surface.articles = set(map(self.articles.__getitem__, surface.rows))
        return found

    def _variant(self, a: _Surface, b: _Surface) -> bool:
        """Same length, same initials, all words equal but one, used by different
        articles: one source misnaming what the others name."""
        if (
            len(a.words) != len(b.words)
            or not self.articles_of(a).isdisjoint(self.articles_of(b))
            or len(a.content) < 3
        ):
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

    def _merge_misspellings(self) -> None:
        """Names of several words equal but for one word spelt a little differently, each
        used by other articles ('Lindsey Graham', 'Lindsay Graham'): one entity, and a
        slip of one source worth showing. Names the gazetteer knows are left alone
        ('North America', 'North Africa')."""
        # Two such names share their first word or their last: grouping by both ends
        # pairs them without an index entry per word.
        # A group of one is its surface alone: most are.
        by_end: dict[tuple[int, bool, str], _Surface | list[_Surface]] = {}
        for surface in self._multiword():
            words = surface.words
            if len(words) <= 5:
                _add_member(by_end, (len(words), True, words[0]), surface)
                _add_member(by_end, (len(words), False, words[-1]), surface)
        # A pair in two groups (both ends shared) is judged again alike, or is
        # merged already: the checks go cheapest first.
        for members in by_end.values():
            if members.__class__ is not list:
                continue
            for k, a in enumerate(members):
                for b in members[k + 1 :]:
                    x = y = ""  # the one word that differs
                    for p, q in zip(a.words, b.words, strict=True):
                        if p != q:
                            if x:
                                x = ""  # two words differ
                                break
                            x, y = p, q
                    if not x:
                        continue
                    if (
                        x in _CONNECTORS
                        or y in _CONNECTORS
                        or (x[1:2] in _ACRONYM_SECOND and _is_acronym(x))
                        or (y[1:2] in _ACRONYM_SECOND and _is_acronym(y))
                    ):
                        continue
                    if not _misspelling(x, y):
                        continue
                    if not self.articles_of(a).isdisjoint(self.articles_of(b)):
                        continue
                    if self.uf.find(a.text) == self.uf.find(b.text):
                        continue
                    if self._gazetteer_root(a.text) or self._gazetteer_root(b.text):
                        continue
                    if self.in_gazetteer(x) or self.in_gazetteer(y):
                        continue
                    self.uf.union(a.text, b.text)
                    self.variants[a.text].add(b.text)
                    self.variants[b.text].add(a.text)

    def _merge_variants(self) -> None:
        groups: dict[tuple[str, int], list[_Surface]] = defaultdict(list)
        plural: dict[str, str] = {}
        for surface in self._multiword():
            singular = plural.setdefault(surface.key.rstrip("s"), surface.text)
            if singular is not surface.text:
                self.uf.union(singular, surface.text)  # 'Public School' = 'Public Schools'
        for surface in self._multiword():
            content = surface.content
            if len(content) >= 3:
                letters = "".join([w[0] for w in content]).upper()
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

    def _merge_surnames(self) -> None:
        """A surname alone is the person of the story with that surname, if only one
        ('McGurk' = 'Brett McGurk'); a middle name or initial does not make a new
        person ('Michael T. Flynn' = 'Michael Flynn'); 'Jr.' does.

        The owners of a surname are the multi-word names whose last word alone may
        stand for them, and whether each reads as a person's name. Persons are the
        common case, but 'the Rockies' and 'the Index' shorten 'Colorado Rockies'
        and 'Good Country Index' the same way; only a person's name gains person
        evidence from it."""
        by_last: dict[str, list[tuple[str, bool, bool]]] = defaultdict(list)
        by_ends: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        keys, key, find = self.keys, self.key, self.uf.find
        for surface in self._multiword():
            content = surface.content
            if len(content) > 5 or not _KEYWORDS.isdisjoint(content):
                continue  # 'Committee on Assassinations' is not 'Assassinations'
            words = surface.words
            if "of" in words or "for" in words or "on" in words:
                continue
            for word in content:
                if (
                    word in _DEMONYMS
                    or (len(word) > 2 and word[1] in _ACRONYM_SECOND and _is_acronym(word))
                    or ("-" in word and _is_demonym(word))
                ):
                    break
            else:
                if find(surface.text)[0] == "\0":  # a gazetteer root
                    continue
                person, org, place = surface.person, surface.org, surface.place
                is_person = (person > 0 and person >= org and person >= place) or (
                    content[0] in _FIRST_NAMES and not org and not place
                )
                generation = ""
                while len(content) > 2 and content[-1] in _NAME_SUFFIXES:
                    if content[-1] in _GENERATION:
                        generation = content[-1].rstrip(".")
                    content = content[:-1]
                last = content[-1]
                if "-" in last[:5]:
                    last = _strip_particle(last)
                last = keys.get(last) or key(last)
                by_last[last].append((surface.text, bool(generation), is_person))
                if is_person:
                    by_ends[(key(content[0]), last, generation)].append(surface.text)
        for texts in by_ends.values():
            for other in texts[1:]:
                self.uf.union(texts[0], other)
        if not by_last:
            return
        for surface in self.surfaces.values():
            if len(surface.words) != 1 or surface.acronym or surface.so_called_of is not None:
                continue
            last = surface.text
            if "-" in last[:5]:
                last = _strip_particle(last)
            owners = by_last.get(keys.get(last) or key(last))
            if not owners:
                continue
            seniors = [o for o in owners if not o[1]] or owners
            roots = {find(o[0]) for o in seniors}
            if len(roots) > 1:
                seniors = [o for o in seniors if o[2]]  # a person's surname first
                roots = {find(o[0]) for o in seniors}
            if len(roots) != 1:
                continue
            person, org, place = surface.person, surface.org, surface.place
            if max(org, place) > person:
                continue
            if self._gazetteer_root(surface.text) and not (person > 0 and place == 0):
                continue  # 'Jordan' the country, unless used as a surname
            self.uf.union(surface.text, next(iter(roots)))
            if any(o[2] for o in seniors):
                uses = self.surname_uses
                uses[surface.text] = uses.get(surface.text, 0) + surface.count

    # ---- output
    def build(self) -> EntityIndex:
        find = self.uf.find
        parent = self.uf.parent.get
        members: dict[str, _Surface | list[_Surface]] = {}  # a group of one: its surface
        for text, surface in self.surfaces.items():
            root = parent(text, text)
            if root != text and parent(root) != root:
                root = find(text)
            _add_member(members, root, surface)
        extra: dict[str, list[int]] = {}  # rows of generic words, by the root they stand for
        if self.generic:
            owners = self._generic_owners({word for _, word in self.generic})
            for row, word in self.generic:
                if word in owners:
                    extra.setdefault(owners[word], []).append(row)
        article_of = self.articles
        uses = self.surname_uses
        # Most mentioned first, then by name: the sort key leads each item, and
        # its place in the list breaks ties as a stable sort would.
        infos: list[tuple[int, str, str, int, str, EntityInfo, list[int]]] = []
        for root, group in members.items():
            if group.__class__ is not list:
                single = group
                count, rows = single.count, single.rows
                if root[0] != "\0" and not extra:
                    # One spelling, no alias, no gazetteer entry (a name the
                    # gazetteer knows has a gazetteer root): its own evidence
                    # says its kind, as in _kind.
                    if not count:
                        continue
                    name = single.text
                    person, org, place = single.person, single.org, single.place
                    if uses:
                        person += _W_WEAK * uses.get(name, 0)
                    kind = _kind_of(person, org, place, count)
                    if count == 1:
                        articles = (article_of[rows[0]],)
                    else:
                        articles = tuple(sorted(set(map(article_of.__getitem__, rows))))
                    info = EntityInfo(name, kind, (), articles, count)
                    infos.append((-count, name.lower(), name, len(infos), root, info, rows))
                    continue
                group = [single]
            else:
                count, rows = 0, []
                for surface in group:
                    count += surface.count
                    rows += surface.rows
            more = extra.get(root)
            if more:
                count += len(more)
                rows = rows + more
            if not count:
                continue
            articles = set(map(article_of.__getitem__, rows))
            if len(group) == 1:
                name = group[0].text
                aliases = ()
                if root[0] == "\0":  # see _name
                    if name != root[1:]:
                        aliases = (name,)
                    name = root[1:]
            else:
                name = self._name(root, group)
                aliases = tuple(sorted({s.text for s in group} - {name}))
            info = EntityInfo(
                name, self._kind(root, group, count), aliases, tuple(sorted(articles)), count
            )
            infos.append((-count, name.lower(), name, len(infos), root, info, rows))
        infos.sort()
        # The entities of each row: its first (-1 for none), and all of them for
        # the rows of several. Positions come in order, a row's repeats together.
        first = [-1] * len(article_of)
        several: dict[int, tuple[int, ...]] = {}
        for position, item in enumerate(infos):
            for row in item[6]:
                found = first[row]
                if found < 0:
                    first[row] = position
                elif found != position:
                    positions = several.get(row)
                    if positions is None:
                        several[row] = (found, position)
                    elif positions[-1] != position:
                        several[row] = (*positions, position)
        by_row: dict[int, frozenset[int]] = {}
        alone: dict[int, frozenset[int]] = {}  # one set for the rows of one entity
        for row, found in enumerate(first):
            if found >= 0:
                positions = several.get(row)
                if positions is not None:
                    by_row[row] = frozenset(positions)
                else:
                    one = alone.get(found)
                    if one is None:
                        one = alone[found] = frozenset((found,))
                    by_row[row] = one
        return EntityIndex(
            entities=tuple([item[5] for item in infos]),
            by_row=by_row,
            variants=(
                self._variant_report([(item[4], item[5]) for item in infos])
                if self.variants
                else ()
            ),
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
        if root[0] == "\0":
            return _GAZETTEER[self.key(root[1:])][1]
        person = org = place = 0.0
        uses = self.surname_uses
        for surface in group:
            person += surface.person
            org += surface.org
            place += surface.place
            person += _W_WEAK * uses.get(surface.text, 0)
            hit = _GAZETTEER.get(surface.key)
            if hit is not None:
                weight = _W_GAZETTEER * surface.count
                if hit[1] == PERSON:
                    person += weight
                elif hit[1] == ORG:
                    org += weight
                else:
                    place += weight
        return _kind_of(person, org, place, mentions)

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
                    names=tuple(
                        (s.text, tuple(sorted(self.articles_of(s))), min(s.rows)) for s in surfaces
                    ),
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
