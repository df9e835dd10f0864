"""The word lists, the gazetteer index (by name key) and the evidence weights: data, no logic."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .. import gazetteer as gz
from .keys import name_key

PERSON, ORG, PLACE, OTHER = "person", "organisation", "place", "other"


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
            index.setdefault(name_key(name), (canonical, kind))
    for name in (*gz.COUNTRIES, *_country_names(), *gz.US_STATES, *gz.CITIES, *gz.REGIONS):
        index.setdefault(name_key(name), (name, PLACE))
    return MappingProxyType(index)


# --------------------------------------------------------------------------- tables

GAZETTEER = _build_gazetteer()
# The gazetteer's keys that may hold a joining 'and', one per line.
AND_KEYS = "\n".join(key for key in GAZETTEER if "and" in key)
STOP = frozenset(gz.STOPWORDS)
TIME_WORDS = frozenset(gz.WEEKDAYS + gz.MONTHS)
DEMONYMS = (
    frozenset(gz.DEMONYMS)
    | frozenset(d + "s" for d in gz.DEMONYMS)
    | frozenset(gz.POLITICAL_ADJECTIVES)
)
ORG_WORDS = frozenset(gz.ORG_KEYWORDS)
GENERIC_ORG = frozenset(gz.GENERIC_ORG_WORDS)
PLACE_WORDS = frozenset(gz.PLACE_KEYWORDS)
PLACE_PREFIXES = frozenset(gz.PLACE_PREFIXES)
PLACE_FEATURES = frozenset(gz.PLACE_FEATURES)
KEYWORDS = ORG_WORDS | PLACE_WORDS | GENERIC_ORG
MOUNT = frozenset(("Mount", "Mt.", "Mt"))
DIRECTIONS = frozenset(
    "North South East West Northeast Northwest Southeast Southwest Central Upper Lower "
    "Northern Southern Eastern Western".split()
)
TITLES = frozenset(gz.TITLES)
TITLE_MODIFIERS = frozenset(gz.TITLE_MODIFIERS)
TITLE_WORDS = TITLES | TITLE_MODIFIERS
POLITE = frozenset(("mr", "mrs", "ms", "miss", "mx", "dr"))
FIRST_NAMES = frozenset(gz.FIRST_NAMES)
ACRONYM_STOP = frozenset(gz.ACRONYM_STOPWORDS)
COMMON_POSSESSIVES = frozenset(gz.COMMON_POSSESSIVES)
EVENT_WORDS = frozenset(gz.EVENT_WORDS)
ROLE_SET = frozenset(gz.ROLE_NOUNS)
STOP_OR_TIME = STOP | TIME_WORDS
# Single words that cut_span drops: stop words, dates and demonyms.
NOT_A_NAME = STOP_OR_TIME | DEMONYMS
# Words whose place at either end of a name makes cut_span look again.
NAME_EDGES = ACRONYM_STOP | DEMONYMS
# Runs of one such word that no count is ever asked about: they are never part
# of a name ('May' is, after a first name).
UNCOUNTED = STOP_OR_TIME - {"May"}
# Suffixes that tell a son from his father; "Sr." names the usual bearer.
GENERATION = frozenset(("Jr", "Jr.", "II", "III", "IV"))
NAME_SUFFIXES = GENERATION | frozenset(("Sr", "Sr."))
# Lowercase words allowed inside a name, and the name particles among them.
PARTICLES = frozenset(
    "de da del della di du des van von der den bin ibn la le y dos das ter ten".split()
)
CONNECTORS = PARTICLES | frozenset(("of", "for", "and", "on", "the", "&"))
SUFFIXES_OR_CONNECTORS = NAME_SUFFIXES | CONNECTORS
# Words a run is cut at, or that a name may hold only in some places.
CUTTING_WORDS = CONNECTORS | STOP_OR_TIME
ARTICLE_PREFIXES = tuple("al- el- ad- ar- as- ash- at- az- an- ed- ez- es- Al- El-".split())
# Lowercase tails that belong to a hyphenated place name ('Ross-shire'); any
# other lowercase tail makes a modifier ('US-backed', 'IS-held').
NAME_TAILS = frozenset("shire upon on sur en sous am le la les de du der".split())
# Heads after which "of" / "for" continue a name ("Bank of England").
OF_HEADS = (
    ORG_WORDS
    | PLACE_WORDS
    | frozenset(
        "State States Republic Kingdom Secretary Ministry Prince Princess Duke Duchess King "
        "Queen Earl Bishop Archbishop Lord House Church Isle Cape Battle Siege Treaty Statue "
        "Bay Gulf Sea Strait Sultanate Emirate Caliphate Chamber Council".split()
    )
)
REMIT_HEADS = frozenset(
    "Department Ministry Bureau Secretary Commission Office Institute School College Faculty "
    "Museum Minister Committee Council Agency Academy".split()
)
FOR_HEADS = ORG_WORDS | frozenset(("Battle", "Centers", "Fight", "March"))
INSTITUTION_ADJECTIVES = frozenset(
    "Regional National Federal Central Provincial Interim Transitional Revolutionary Royal "
    "Supreme Constitutional Municipal".split()
)
INSTITUTION_NOUNS = frozenset(
    "government council army court party guard authority assembly parliament administration "
    "committee bank".split()
)
# Function words of English and of the languages captions most often slip in.


SAID_SET = frozenset("said says told added wrote tweeted asked".split())
PLACE_PREPS = frozenset("in near outside across throughout inside".split())
AREAS = frozenset(
    "city town village province region district capital suburb suburbs outskirts neighborhood "
    "neighbourhood governorate country island area areas".split()
)


# Evidence weights: how strongly one cue says person / organisation / place.
W_GAZETTEER = 10.0
W_POLITE = 5.0
W_TITLE = 4.0
W_KEYWORD_LAST = 4.0
W_KEYWORD_INSIDE = 2.0
W_ROLE = 3.0
W_FIRST_NAME = 2.0
W_SAID = 1.5
W_WEAK = 1.0
W_PREPOSITION = 0.5
# A kind needs this much evidence, and a tenth of the mentions' worth.
MIN_EVIDENCE = 1.0
MIN_EVIDENCE_PER_MENTION = 0.1
