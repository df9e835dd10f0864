"""Page rules: the patterns and limits of the decisions that look past one line
(a list under a "Related" header, an index page of teasers, an "About" footer,
a closing byline, a caption above a credit).

Pure data, applied by :mod:`.engine` and :mod:`.page`.
"""

from __future__ import annotations

import re

from .vocab import NAME

# A header that opens a list of related links; the short unpunctuated lines
# right after it are link titles ("Related Topics" / "Syrian civil war").
RELATED_HEADER = re.compile(
    r"[(►•▶\[]*\s*(?:RELATED(?: [A-Z]+)?|Related(?: [A-Za-z]+){0,2}|More on this story|MORE|ALSO"
    r"|Also|Read [Mm]ore|READ MORE|See [Aa]lso|SEE ALSO|Most Popular(?: Stories)?(?: this week)?"
    r"|Recommended|More from [\w ]{1,30}|MORE FROM [\w ]{1,30}|Trending(?: \w+)?"
    r"|TOP STORIES|Top [Ss]tories)\s*[:»>]*[)\]]?"
)
RELATED_ITEM_MAX = 120
# Index pages: a list of other stories' headlines and teasers, scraped instead
# of an article. Two shapes are unmistakable. Local TV sites print each item
# as its headline twice, then its teaser twice ("Fire Displaces 18 Fire
# Displaces 18 A fire destroyed ... A fire destroyed ..."): a paragraph that
# ends in a long passage repeated word for word is such an item, and a page
# with two of them is an index. Science and news digests print teasers cut
# off mid-sentence ("... according to new ..."): a page where most paragraphs
# are cut off like this is an index. On an index page only the items go (and
# the lines that open with a doubled headline); an article on the same page
# keeps its paragraphs.
TEASER_REPEAT_MIN = 80
TEASER_LINE_MAX = 5000  # teaser blocks are short; longer lines are not searched
TEASER_PROBES = 20  # occurrences of the repeated tail that are checked
LISTING_MIN_ITEMS = 2
TRUNCATED = re.compile(r"[\w.,;:)\"”’]\s?(?:\.\.\.|…)$")
TRUNCATED_MIN_ITEMS = 5
TRUNCATED_MIN_LENGTH = 40
DOUBLED_TITLE_MIN = 15
DOUBLED_TITLE_MAX = 200
# The "About this site" block closing a page describes the site, not a story;
# it is only taken for a footer when little text follows the header.
FOOTER_HEADER = re.compile(
    r"About (?:this|the|our) (?:[Ss]ite|[Ww]ebsite|[Bb]log)|About [Uu]s|ABOUT US|ABOUT THIS SITE"
)
FOOTER_MAX = 1000
ITEM_END = re.compile(r"[.!\"”]$")
# A lone name closing an article is the author's, not a sentence.
TRAILING_NAME = re.compile(rf"(?:[•·*▪–—-]\s*)?{NAME}")
SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
