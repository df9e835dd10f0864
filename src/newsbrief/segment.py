"""Sentence splitting for cleaned news text.

Stories can run to megabytes once every article of a cluster is joined, so the
splitter has to stay linear: one compiled regex finds the few places where a
sentence *could* end (terminal punctuation, optional closing quotes, a space),
and Python only judges those candidates, never walks the text character by
character. General-purpose splitters were measured and rejected: pysbd is far
from linear on long inputs, and blingfire ignores line breaks and trips on news
abbreviations such as "Brig. Gen." or "U.S.".

The judgement is rule-based because the errors that hurt a summarizer are the
systematic ones: a title cut off from its name ("Gov." / "Andrew Cuomo") yields
two nonsense sentences that would both be scored and selected. Where a period
is ambiguous (an acronym, an initial, "Jr.", "etc.") we split only when the next
word is one that commonly opens a sentence, because names and nouns after such
abbreviations ("U.S. Army", "George W. Bush", "5 p.m. Tuesday") are far more
frequent than sentence ends in news copy.
"""

from __future__ import annotations

import re

__all__ = ["split_paragraphs", "split_sentences"]


def _words(text: str) -> frozenset[str]:
    """A word list kept as prose in the source, so that it reads and diffs easily."""
    return frozenset(text.split())


# Characters that open or close a quotation or aside around a sentence edge.
# The backtick and doubled apostrophe come from newswire (``like this'').
_OPENERS = "\"'“‘«„`([{¿¡"
_CLOSERS = "\"'”’»)]}"

# A place where a sentence may end: terminal punctuation; closing quotes or
# brackets, including a right quote set off by a space ("bitch.’ ” A"); reference
# marks copied from Wikipedia ("in 1984.[30] The"); exactly one space (lines are
# whitespace-collapsed first); and some non-space text after. Text glued to a
# period ("Amazon.com", "2.5", "U.S.-led") never matches: a boundary needs the space.
_CANDIDATE = re.compile(
    r"(?P<term>[.?!…]+)"
    r"(?P<close>[" + re.escape(_CLOSERS) + r"]*(?: [”’»]+)?(?:\[\d{1,3}\])*) "
    r"(?=(?P<open>[" + re.escape(_OPENERS) + r"]*)(?P<nxt>\S))"
)

# List markers at the start of a line carry no words, so they would otherwise
# pollute the sentence (and any overlap measure computed on it).
_BULLET = re.compile(r"(?:[•·▪‣◦●○■□►▸▶➢➤✓✔*+\-–—]+|\(?\d{1,3}[.)])(?: |$)")

# Lines and sentences without a letter or digit ("- - - -", "***", a stray
# ".") carry nothing to summarize and are dropped.
_HAS_WORD = re.compile(r"\w")

# "U.S", "D.C", "a.m", "Ph.D", also "5p.m": letter groups of one or two joined
# by periods. Longer groups ("Amazon.com") are hostnames, not abbreviations.
_ACRONYM = re.compile(r"\d*(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")

# The next word, and whether a period follows it (then it is itself an
# abbreviation or initial, not an ordinary sentence opener).
_WORD = re.compile(r"([^\W\d_]+)(\.?)")

# After "?" or "!" inside a quote, a capitalised name followed by a speech verb
# continues the sentence: '"Why not?" Smith asked.'
_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w'’.-]* ){1,3}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes"
    r"|replied|explained|noted|recalled|continued|shouted|yelled|tweeted|posted|insisted)\b"
)

# Punctuation that cannot start a sentence: what follows is a continuation
# (a spaced ellipsis ". . .", a period in front of a comma or dash, or a
# stray closing quote set off by a space: "move.' \"").
_CONTINUATION = frozenset(".,;:…?!-–—" + _OPENERS + _CLOSERS)

# Titles stand before a name, so a period after them never ends a sentence.
# Upper-case forms come from all-caps copy ("... SEX ACT. MR. POOLE DENIED ...").
_TITLE_WORDS = _words(
    """
    Mr Mrs Ms Mx Messrs Mmes Dr Drs Prof Profs Gen Gens Brig Lt Col Maj Capt Cmdr Cmdt Adm
    Sgt Cpl Pvt Spc Ens Gov Govs Sen Sens Rep Reps Atty Supt Insp Det Rev Fr Msgr Hon
    Pres Amb Ald Ft Mt Sra Mme Mlle
    """
)
_TITLES = _TITLE_WORDS | frozenset(word.upper() for word in _TITLE_WORDS)

# Never at the end of a sentence in practice: they announce more text.
_NEVER_FINAL = _words("e.g i.e eg ie cf viz vs v")

# Capitalised abbreviations written before a number: "No. 10", "Jan. 5", "Sept. 11".
_CAPITAL_BEFORE_NUMBER = _words(
    """
    No Nos Vol Vols Art Arts Fig Figs Ch Chap Sec Sect Ex Ref Rte Rt Hwy Apt Ste Pt
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """
)

# Lowercase ones are also plain words ("said no.", "modern art."), so they are
# trusted only in front of a number: "no. 5", "p. 4", "ca. 1900".
_BEFORE_NUMBER = _CAPITAL_BEFORE_NUMBER | _words(
    "no nos vol vols p pp art fig ch chap sec ref approx est ca c"
)

# Abbreviations that sit mid-sentence but also end sentences ("... Jr. He
# said", "... Co. The"): split only when a sentence opener follows.
_AMBIGUOUS = _CAPITAL_BEFORE_NUMBER | _words(
    """
    approx Jr Sr St Inc Corp Co Cos Ltd Bros Plc Ave Blvd Rd Dept Univ Assn Govt Intl Natl Mfg
    etc al sq Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    """
)

# AP-style state abbreviations. After "City, St." a capitalised word opens a
# new sentence ("in Sun Lakes, Ariz. McCain defended ..."), elsewhere they are
# as ambiguous as any abbreviation.
_STATES = _words(
    """
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nebr Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo
    """
)

# Words that commonly open a sentence in news copy and rarely follow an
# acronym, initial or trailing abbreviation inside one. Deliberately no days,
# months, nouns or names: "5 p.m. Tuesday", "U.S. Army", "W. Bush" must stay.
_STARTERS = _words(
    """
    The A An This That These Those There Here It Its He She His Her Him They Their Them We Our
    I My You Your Me Us
    But And Or So Yet Still Then Now Also Even Only Instead Meanwhile However Moreover
    In On At As After Before When While If Since Because Although Though Despite During
    For From With Without By Of To Until Unless Once
    Last Next Earlier Later Today Yesterday Tomorrow
    Some Many Most All Both Each Every Few Several Such Other Another One No Not None Nor
    Two Three Four Five Six Seven Eight Nine Ten Dozens Hundreds Thousands Millions
    What Why How Who Where Which Whether Yes
    According Officials Police
    """
)

# Abbreviated titles that start a sentence after a trailing abbreviation:
# "... at 5 p.m. Mr. Smith left."
_TITLE_STARTERS = frozenset(("Mr", "Mrs", "Ms", "Dr"))

# Names spelt with a "!" that does not end the sentence: "Yahoo! News".
_EXCLAIMED_NAMES = frozenset(("Yahoo", "Jeopardy", "Wham", "Oklahoma", "Mamma"))


def split_paragraphs(text: str) -> list[str]:
    """Return the lines of ``text`` that hold a word, whitespace collapsed and
    list markers removed.

    Cleaned article text keeps one paragraph, headline, caption or list item
    per line, and a line is a unit of meaning no sentence crosses; every later
    rule can then work on a single line with single spaces. ``str.splitlines``
    is used because scraped text mixes "\\r\\n", "\\u2028" and friends.
    """
    paragraphs = []
    for raw in text.replace("\u200b", "").replace("\ufeff", "").splitlines():
        line = " ".join(raw.split())
        bullet = _BULLET.match(line)
        if bullet:
            line = line[bullet.end() :].strip()
        if _HAS_WORD.search(line):
            paragraphs.append(line)
    return paragraphs


def split_sentences(text: str) -> list[str]:
    """Split cleaned news text into sentences, each stripped and holding a word.

    A line break always ends a sentence, so headlines and list items without a
    full stop stay separate from the text around them.
    """
    sentences: list[str] = []
    for line in split_paragraphs(text):
        start = 0
        for match in _CANDIDATE.finditer(line):
            if _ends_sentence(line, match, start):
                sentences.append(line[start : match.end() - 1])
                start = match.end()
        sentences.append(line[start:])
    return [sentence for sentence in sentences if _HAS_WORD.search(sentence)]


def _ends_sentence(line: str, match: re.Match[str], start: int) -> bool:
    """Judge one candidate boundary from the token before it and the word after;
    ``start`` is where the current sentence began.

    Lowercase after the punctuation never splits: in news a real sentence
    almost always starts with a capital, a digit or a quote, while lowercase
    follows abbreviations ("Corp. radio") and mid-quote punctuation.
    """
    nxt = match["nxt"]
    if nxt.islower() or nxt in _CONTINUATION:
        return False
    term = match["term"]
    next_at = match.end() + len(match["open"])
    if "?" in term or "!" in term:
        if match["close"]:
            return not _ATTRIBUTION.match(line, next_at)
        if line[_token_start(line, match.start()) : match.start()] in _EXCLAIMED_NAMES:
            return _opens_sentence(line, next_at)
        return True
    if len(term) > 1 or term == "…":
        # An ellipsis marks an omission as often as an end; only a capital
        # after it is taken as a new sentence.
        return nxt.isupper()
    if match["close"]:
        # '... he said." The' — the period closed the quoted sentence.
        return True
    return _period_ends_sentence(line, match, start)


def _period_ends_sentence(line: str, match: re.Match[str], start: int) -> bool:
    """Decide a lone period from the abbreviation (if any) it belongs to."""
    nxt = match["nxt"]
    next_at = match.end() + len(match["open"])
    token_at = _token_start(line, match.start())
    prev = line[token_at : match.start()].lstrip(_OPENERS)
    if not prev:
        return True
    if prev in _TITLES or prev in _NEVER_FINAL:
        return False
    if token_at == start and prev.isdigit() and len(prev) < 3:
        # A list number inside a paragraph: "... a complex problem. 2. For the first time".
        return False
    state = prev.rpartition("-")[2]
    if state in _STATES and nxt.isupper():
        # "Sun Lakes, Ariz. McCain ..." or "McCain, R-Ariz. He ..."
        if line[token_at - 2 : token_at] == ", " or state != prev:
            return not match["open"].startswith(("(", "["))
        return _opens_sentence(line, next_at)
    acronym = _ACRONYM.fullmatch(prev) is not None
    # An initial may be glued to a credit: "Reuters/G. Tomasevic".
    initial = prev[-1].isupper() and (len(prev) == 1 or not prev[-2].isalnum())
    if match["open"][:1] in ("(", "[") and (acronym or initial or prev in _AMBIGUOUS):
        # An aside after an abbreviation belongs to its sentence:
        # "at 2:20 a.m. (1720 GMT Friday)".
        return False
    if not nxt.isalpha():
        # A number or symbol follows: "No. 10", "Jan. 5", "U.S. $5", "1:20 p.m. 4-year-old".
        # News style spells out a number that opens a sentence, so after an
        # abbreviation the number is far more likely to continue it.
        return not (acronym or prev in _BEFORE_NUMBER)
    if acronym or initial or prev in _AMBIGUOUS:
        return _opens_sentence(line, next_at)
    return True


def _token_start(line: str, end: int) -> int:
    """Where the word that the punctuation at ``end`` is attached to begins.

    Searching back to the previous space is bounded by the token's length, so
    the total work over a line stays linear.
    """
    return line.rfind(" ", 0, end) + 1


def _opens_sentence(line: str, at: int) -> bool:
    """Whether the word at ``at`` is one that typically begins a sentence."""
    word = _WORD.match(line, at)
    if word is None:
        return True
    if word[2]:
        return word[1] in _TITLE_STARTERS
    return word[1] in _STARTERS
