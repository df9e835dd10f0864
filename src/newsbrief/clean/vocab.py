"""Building blocks of the cleaning rules: names, credits, agencies, dates, URLs.

Pure data: regex fragments (strings, not compiled) that the rule tables of
:mod:`.rules_line`, :mod:`.rules_inline` and :mod:`.rules_page` are built from.
"""

from __future__ import annotations

# A capitalised name part: "Smith", "O'Sullivan", "Abad-Santos", "R.", "Jr.".
NAME_TOKEN = r"[A-Z][\w'’.-]*"
PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|al|bin|ibn|el|dos|das)"
# Two to four name parts, so that "By Monday, ..." is not mistaken for a byline.
NAME = rf"{NAME_TOKEN}(?:\s+(?:{PARTICLE}\s+)?{NAME_TOKEN}){{1,3}}"
# Words of a credit or byline tail: "Reuters", "BBC Home Affairs correspondent".
CREDIT_WORD = (
    r"(?:[A-Z][\w.'’&-]*|correspondent|editor|reporter|writer|staff|contributor|columnist"
    r"|producer|senior|chief|political|special|in|for|and|of|the|at|via|&|\d+(?:st|nd|rd|th)?)"
)
CREDIT_WORDS = rf"{CREDIT_WORD}(?:[ ,/]+{CREDIT_WORD}){{0,9}}"
# Reuters sign-offs list many reporters: "Reporting by A in X, B in Y and C in Z".
CREDIT_LIST = rf"{CREDIT_WORD}(?:[ ,/]+{CREDIT_WORD}){{0,40}}"
CREDIT_ROLE = (
    r"(?:Additional |Further )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten"
    r"|[Ee]dited|[Tt]ranslated|[Rr]esearch|[Gg]raphics)(?: and (?:\w+ )?\w+)?"
)
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
HANDLE = r"@\w{2,}"
PHONE = r"\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}"
AGENCY = (
    r"(?:The\s+)?(?:Associated\s+Press|AP|Reuters|AFP|dpa|DPA|UPI|CNN|EFE|ANSA|Xinhua"
    r"|PA|Bloomberg|SID|KNA|epd|USA\s+TODAY|Agence\s+France-Presse)"
)
# Picture libraries: names that appear in nothing but credits.
PICTURE_LIBRARY = (
    r"(?:Getty(?:\s+Images)?|Shutterstock|iStock(?:photo)?|Corbis|Newscom|Photofest|Alamy"
    r"|NurPhoto)"
)
# Picture agencies and libraries as they appear in credits.
PICTURE_AGENCY = (
    r"(?:Getty(?:\s+Images)?|AFP|Reuters|AP(?:\s+Photo)?|Shutterstock|iStock(?:photo)?|Corbis"
    r"|Newscom|Flickr(?:\.com)?|Wikimedia\s+Commons|Photofest|EPA|Rex\s+Features|REX"
    r"|Alamy|NurPhoto|SIPA|Zuma(?:\s+Press)?|Abaca(?:\s+Press)?|Getty)"
)
# "Photo: ...", "Image by ...": the label of a stand-alone picture credit.
PICTURE_LABEL = (
    r"(?:Facebook Twitter Pinterest |AP |Lead |Top |Main |Featured )?(?:Image|Photo|Photograph"
    r"|Picture|Pic|Illustration|Graphic|Credit|Photo credit|Image credit|Image source"
    r"|Photographer|Photo illustration|Photos|Images|Photographs|Source|Video|image|photo)"
)
# Credit text may hold initials ("G. Tomasevic") or domains, not sentence ends.
# The two kinds of full stop exclude each other, or "A.A.A." would backtrack
# exponentially.
CREDIT_TEXT = r"(?:[^.!?]|\.(?=\S)|(?<=\b[A-Z])\.(?!\S))"
# What a cookie banner talks about, and a recipe does not.
COOKIE_WORDS = (
    r"(?:experience|browsing|browse|website|site|consent|privacy|policy|agree|accept|analytics"
    r"|personali[sz]e|advertising|settings)"
)
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?"
# One word of a timestamp such as "Last updated at 6:04 PM on 20th October 2011".
DATE_WORD = (
    rf"(?:{MONTH}|{WEEKDAY}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?"
    r"|[ap]\.?m\.?|[AP]M|[ECMP][SD]T|GMT|UTC|BST|CET|CEST|ET|on|at|of)[,.]?"
)
TLDS = ("com", "org", "net", "ly", "co", "gov", "edu", "io", "tv", "me", "us", "uk", "de", "fm",
         "gl", "gd", "be", "it")  # fmt: skip
# A bare domain with a path ("bit.ly/1nwT1aN"). The parts are matched
# possessively from the start of the dotted run only, so a long run of dots
# cannot make the search quadratic; the top-level domain is checked after.
BARE_DOMAIN = (
    r"(?<![\w.-])[\w-]++(?:\.[\w-]++)++"
    + "(?:" + "|".join(rf"(?<=\.{tld})" for tld in TLDS) + ")/"
)  # fmt: skip
URL = (
    rf"(?:\b(?:https?://|www\.)|\bpic\.twitter\.com/|{BARE_DOMAIN})"
    r"\S*?(?=[.,;:!?)\]\"'”’]*(?:\s|$))"
)
