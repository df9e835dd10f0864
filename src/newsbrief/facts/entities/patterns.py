"""The regular expressions: capitalised runs, and the cues before and after a name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import gazetteer as gz
from ..tries import word_trie
from .lexicon import CONNECTORS, PLACE_PREPS, ROLE_SET, SAID_SET

# --------------------------------------------------------------------------- patterns

UPPER = "A-ZÀ-ÖØ-Þ"
ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|Gen|Brig|Col|Lt|Maj|Capt|Sgt|Sen|Rep|Gov|Rev|Adm|Cmdr|St|Mt|Ft|Jr|Sr|"
    "Cpl|Pvt|Supt|Insp|Hon"
)
ABBREVIATION_SET = frozenset(ABBREVIATIONS.split("|"))
PARTICLES_BEFORE = "al el ad ar as ash at az an ed ez es d l".split()
PARTICLE = rf"(?:{'|'.join(PARTICLES_BEFORE)})[-'’]"


# A capitalised word: initials ('U.S.'; 'U.S' where a naive split took the last
# dot; 'J.' before a capital), an abbreviation with its dot, or a plain word.
PLAIN_REST = r"\w*+(?:['’&]\w+)*+(?:-\w+(?:['’]\w+)*+)*+"
INITIALS_REST = rf"(?:(?:[A-Z]\.)+|(?:[A-Z]\.)*[A-Z](?![\w.'’-])|(?=[ \t]+[{UPPER}]))"
WORD = rf"[A-Z]\.{INITIALS_REST}|{word_trie(ABBREVIATIONS.split('|'))}\.|[{UPPER}]{PLAIN_REST}"


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


# WORD after its first, capital letter (checked by a lookbehind where the
# alternative needs an A-Z or one letter of an abbreviation, after a literal
# character that rules most words out first).
WORD_REST = (
    rf"\.(?<=[A-Z]\.){INITIALS_REST}"
    rf"|{_abbreviation_rests(ABBREVIATIONS.split('|'))}\."
    rf"|{PLAIN_REST}"
)
# A run of capitalised words, with the lowercase connectors a name may hold.
# It opens with a plain capital, so that the engine skips lowercase text fast,
# the word boundary being checked behind it; a particle before the first word
# ('al-Nuri Mosque') is taken back by PARTICLE_BEFORE. Alternatives that can
# never match at one place together are ordered and grouped for speed, and
# repeats are possessive where giving back could never make a match: each part
# starts with a character the part before it cannot take.
CONNECTOR_WORD = word_trie(CONNECTORS)
PARTICLE_WORD = word_trie(PARTICLES_BEFORE)
SPAN = re.compile(
    rf"[{UPPER}](?<=(?:(?<![\w'’])|(?<=[a-z][a-z]))[{UPPER}])(?:{WORD_REST})"
    rf"(?:['’]?+[ \t]++(?:{CONNECTOR_WORD}[ \t]++)*+(?:{PARTICLE_WORD}[-'’])?+"
    rf"(?:{WORD}))*+"
)
PARTICLE_BEFORE = re.compile(rf"(?<![\w'’-]){PARTICLE}$")
TOKEN = re.compile(r"\S+")
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]*")
CAP_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w-]*(?:['’](?!s\b)\w+)*")
ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]{1,5}")
CLIPPED_ACRONYM = re.compile(r"(?:[A-Z]\.)+[A-Z]")
APOSTROPHE = re.compile("['’]")
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")  # 'EMTs', 'DVDs': common nouns
TICKER_AFTER = re.compile(r"\.[A-Z]{1,2}\b")  # 'KORS.N', 'CHOO.L'
INITIAL_BEFORE = re.compile(r"(?:[A-Z]\.)*[A-Z]")
SHARE_WIDGET = re.compile(
    r"\b(?:Facebook|Twitter|Email|E-mail|WhatsApp|Messenger|LinkedIn|Pinterest|Reddit|"
    r"Instagram|Tumblr|Google\+|Print|Share)\b"
)
CLAUSE_END = re.compile(r":\s|\|")
OPENERS = frozenset(" \t\"'(«[*–—-#>")
# Characters two before a run that may make it sentence-initial (see begins_sentence).
MAYBE_INITIAL = OPENERS | frozenset("\n|•·!?:;.")


SAID_AFTER = re.compile(
    r",?\s+(?:said|says|told|added|wrote|tweeted|explained|noted|argued|insisted|stated|"
    r"recalled|testified|acknowledged|admitted|replied)\b"
)
# ', the US special envoy for ...' or ', 45,' after a name: a person's. The role
# must head the apposition, so that ', a coalition of rebel militias' names no
# person. Only whether it matches is read, so the roles may be tried in any
# order: as a tree of their prefixes.
ROLE_AFTER = re.compile(
    rf",\s+(?:\d{{1,3}},|(?:a|an|the|his|her|its|who\s+is\s+(?:a|an|the))\s+(?:[\w'’.-]+\s+){{0,4}}?"
    rf"{word_trie(gz.ROLE_NOUNS)}(?=\s*(?:[,.;:)]|$|\s(?:of|for|at|to|in|on|with|and|who|from|since)\b)))"
)
PLACE_AFTER = re.compile(
    r"\s+(?:province|city|town|village|county|district|region|governorate|river|valley|"
    r"countryside)\b"
)
ORG_AFTER = re.compile(
    r"\s+(?:group|militia|party|company|firm|agency|organi[sz]ation|alliance|movement|"
    r"network|rebels|militants|jihadists|newspaper|channel|broadcaster|website)\b"
)
# A lowercase noun right after a name makes it a modifier ('the Abbasid caliphate').
ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?!(?:and|or|in|on|at|to|for|from|with|by|is|was|has|had|have|which|where|that|who|"
    r"as|but|since|after|before|were|are|will|would|into|near|until|during|over|under|the|a|"
    r"an|said|says|its|their)\b)[a-z]"
)
INSTITUTION_AFTER = re.compile(
    r"[ \t]+(government|council|army|court|party|guard|authority|assembly|parliament|"
    r"administration|committee|bank)\b"
)
# The word after a name, and the words after it that are cues (see _evidence);
# equal to SAID_AFTER, PLACE_AFTER, ORG_AFTER and ATTRIBUTIVE_AFTER when the
# name is followed by whitespace.
NEXT_WORD = re.compile(r"\s+(\w*)")
SAID_AFTER_WORDS = frozenset(
    "said says told added wrote tweeted explained noted argued insisted stated recalled "
    "testified acknowledged admitted replied".split()
)
PLACE_AFTER_WORDS = frozenset(
    "province city town village county district region governorate river valley countryside".split()
)
ORG_AFTER_WORDS = frozenset(
    "group militia party company firm agency organisation organization alliance movement "
    "network rebels militants jihadists newspaper channel broadcaster website".split()
)
NOT_ATTRIBUTIVE = frozenset(
    "and or in on at to for from with by is was has had have which where that who as but "
    "since after before were are will would into near until during over under the a an said "
    "says its their".split()
)
# The words before a name that are cues (see context_evidence), and those after it:
# CUE_AFTER matches where NEXT_WORD would read one of them.
BEFORE_CUES = ROLE_SET | SAID_SET | PLACE_PREPS | {"the", "of"}
AFTER_CUES = SAID_AFTER_WORDS | PLACE_AFTER_WORDS | ORG_AFTER_WORDS
CUE_AFTER = re.compile(rf"\s+({word_trie(sorted(AFTER_CUES))})(?!\w)")
CUE_HEADS = frozenset(word[:2] for word in AFTER_CUES)  # how the cues after begin
PAREN_BETWEEN = re.compile(r"\"?\s*\(\s*\"?")
PAREN_CLOSE = re.compile(r"\"?\s*\)")
