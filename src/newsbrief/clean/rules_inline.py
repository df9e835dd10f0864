"""In-line repairs: markers, credits, URLs and datelines cut out of a kept line,
and the letter classes that decide where glued words are split.

Pure data, applied by :mod:`.engine` and :mod:`.unglue`.
"""

from __future__ import annotations

import re

from .vocab import CREDIT_TEXT, CREDIT_WORDS, MONTH, PICTURE_AGENCY, PICTURE_LIBRARY, TLDS, URL

# A wire dateline opening a paragraph: "LONDON (AP) _ ", "BUENOS AIRES, Argentina _ ",
# "BEIRUT, July 4 (Reuters) - ", "(CNN) -- ". It names where the copy was filed, not what
# happened, and in a short summary it costs words that carry no content.
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
    rf"(?:,\s+{MONTH}\s+\d{{1,2}})?"
    r"\s*(?:\([A-Z][\w .&'-]{0,40}\)\s*)?(?:_|--|-|–|—)"
    r"|\((?:CNN|AP|AFP|Reuters|UPI|dpa|Xinhua)\)(?:\s*(?:_|--|-|–|—))?)"
    r"\s+(?=[A-Z0-9\"“‘'`(])"
)
#: A dateline is only taken off a paragraph with a real sentence after it.
DATELINE_REST = 20
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Ingest's metadata line; kept verbatim and never cleaned.
DATE_META = re.compile(r"date \d{4}-\d{2}-\d{2}")
# Substrings without which a line holds no URL that URL would remove.
URL_HINTS = ("://", "www.", *(f".{tld}/" for tld in TLDS))
URL_TOKEN = re.compile(rf"[ \t]*(?:\(\s*{URL}(?:\.\.\.|…)?\s*\)|{URL}(?:\.\.\.|…)?)")
# A caption block glued to the start of a line (BBC pages): everything from the
# marker to the end of the line is credit and caption text.
CAPTION_HINTS = ("Image c", "Media p", "Media c")
CAPTION_MARKER = re.compile(
    r"(?:^|(?<=[.!?\"”’] ))(?:(?:Getty Images |AFP |Reuters )?Image (?:copyright|caption)"
    r"|Media playback is unsupported on your device|Media caption)\b.*$"
)
INLINE_JUNK = re.compile(
    r"(?:(?:Photo|Video) )?(?:Advertisement )?Continue reading the main story\s*"
    r"|^Story highlights\s+|\s*\[ edit \]|(?<=.{150})\s+Read [Mm]ore\s*[»›]?$"
    r"|^Buy Photo\s+|\s*Buy Photo$"
    r"|\s*\((?:Photo|Image|Picture)s?(?: by|:) [^()]{1,80}\)(?=\s)"
)
INLINE_MARKERS = (
    "Continue reading", "Story highlights", "[ edit ]", "Read ", "Buy Photo", "(Photo", "(Image",
    "(Picture",
)  # fmt: skip
# A credit closing a caption: "... last year. Photo: Getty Images",
# "... in Urbandale, Iowa. (AP Photo/Charlie Neibergall) (Associated Press)".
CREDIT_TAIL = re.compile(
    r"(?:"
    r"\s*\((?:AP |Reuters |AFP |Getty |EPA |Staff )?(?:Photo|Photos|Photograph|Image|Picture|Pic"
    r"|Credit|Illustration|Video)\b[^()]{0,80}\)"
    r"|\s*\((?:Associated Press|AP|Getty Images|Getty|Shutterstock|iStock|EPA"
    r"|Courtesy[^()]{0,60})\)"
    r"|\s*\([A-Z][^()/]{0,50}/[^()]{0,60}\)"
    rf"|\s\|\s(?:[A-Z][\w.'’-]*\s){{0,3}}(?:[A-Z][\w.'’-]*\s?/\s?)*{PICTURE_AGENCY}\b.*"
    rf"|(?<=[.!?\"”’])\s+(?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w.'’-]*\s?/\s?"
    rf"(?:[A-Z][\w.'’ -]*/\s?)*{PICTURE_AGENCY}\.?"
    r"|(?<=[.!?\"”’])\s+Credits?\s+[A-Z][^.!?/]{0,40}/[^.!?]{1,40}"
    r"|(?<=[.!?\"”’])\s+(?:AP|Reuters|AFP|EPA|Getty Images) Photo/[A-Z][\w.'’ -]{1,40}"
    r"|(?:^|(?<=[.!?\"”’])\s?)\s*(?:Photo|Image|Picture|Photograph|Photographer|Illustration"
    rf"|Credit)s?(?:: {CREDIT_TEXT}{{2,80}}| by {CREDIT_WORDS})\.?"
    r")+\.?$"
)
# A picture credit opening a caption: "Tom Williams/Getty Images Rep. Jackie
# Speier ...", "Getty - Contributor James Maybrick, ...". Without a slash or
# dash only pure picture libraries count: "Reuters Television showed" is prose.
# Words are split by single spaces and segments by a slash or dash, so there is
# one way to parse a credit and no catastrophic backtracking on "Aa /Aa /...".
CREDIT_HEAD = re.compile(
    rf"(?:[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){{0,3}}(?: ?/ ?| - ))+{PICTURE_AGENCY}"
    rf"(?:\s-\s(?:Contributor|Stringer|Staff|Pool))?\s+(?=[A-Z])(?!Images\b)"
    rf"|{PICTURE_LIBRARY}(?:\s-\s(?:Contributor|Stringer|Staff|Pool))?\s+(?=[A-Z])(?!Images\b)"
)
LIBRARY_NAMES = (
    "Getty", "Shutterstock", "iStock", "Corbis", "Newscom", "Photofest", "Alamy", "NurPhoto",
)  # fmt: skip
# Words that announce a credit; a line without one (and not ending in a
# bracket) cannot end in a credit, which spares most lines the search.
CREDIT_HINTS = ("Photo", "Image", "Picture", "Credit", "Illustration", "/", "Getty")
# Captions are short; a long paragraph ending in a credit keeps its text.
CAPTION_MAX = 400
# A capital right after two lowercase letters, possibly with a full stop
# between: where a lost line break glued two words ("2.5 kmRafiqah",
# "saidThe", "the web.These"). _is_glued decides whether to split.
GLUE = re.compile(r"[A-Z](?:(?<=[a-z]{2}[A-Z])|(?<=[a-z]{2}[.!?][A-Z]))(?=[a-z])")
# Lowercase name particles that legitimately precede a capital: deGrom.
PARTICLES = frozenset(("de", "da", "di", "du", "del", "la", "le", "van", "von", "der", "mc", "mac"))
ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
DROP_CAPS = frozenset("BCDEFGHJKLMNOPQRSTUVWXYZ")
# A glued word must start its token: "McGurk", "YouTube", "@realDonaldTrump",
# "#blackLivesMatter" or "example.comThe" are left alone.
TOKEN_INNER = frozenset("@#/'’-_") | frozenset("0123456789")
# What is left of "More info: http://..." or "Crew - http://..." once the link
# is gone: a few words pointing at nothing.
LINK_LABEL = re.compile(
    r"(?:\S+\s+){0,11}\S*?(?:[:➜>»-]|\b(?:at|here|HERE|on|more|More|MORE|via))\s*[.:]?"
)
TRAILING_COMMA = re.compile(r"\s*[,;]$")
HAS_WORD = re.compile(r"[^\W_]")
