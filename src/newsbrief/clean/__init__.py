"""Strip web boilerplate from scraped article text before it is segmented.

Scraped news pages keep the furniture of the page they came from: navigation
links, share buttons, photo credits and captions, newsletter and cookie
prompts, bylines and agency sign-offs, and (in Multi-News) whole documents that
are only a web-archive, Twitter, licensing or form notice, or an index of other
stories' teasers. Left in, these lines become "sentences" that the later stages
count, align and may even quote in a brief.

The cleaner works line by line with anchored patterns and length limits, on
the principle that a false removal is worse than a missed one: a real sentence
that merely mentions Twitter, cookies or a photographer must survive, so most
rules only fire on a whole short line whose shape is unmistakable. Only a few
markers that never occur in prose (``Image caption``, ``Continue reading the
main story``, URLs) are cut out of the middle of a line. The few rules that look
at the whole page (a web-archive page, an index page of teasers) only decide
which lines are notices or list items; the rest of the page is cleaned as usual.

The package keeps the rules apart from the code that applies them (as
trafilatura keeps its XPath tables in one module):

- :mod:`.vocab`: regex building blocks (names, credits, agencies, dates, URLs);
- :mod:`.rules_line`: whole-line rules, staged by cost (anchored, tiny, keyword);
- :mod:`.rules_inline`: in-line repairs (markers, credits, URLs, datelines, glue);
- :mod:`.rules_page`: limits and patterns of the page-level decisions;
- :mod:`.engine`: the one pass that applies them (``clean_text``, ``triage``);
- :mod:`.page`: the index-page and footer checks over a whole text;
- :mod:`.unglue`: splitting words a lost line break glued together.

One module of regexes and code together (the old ``clean.py``, 949 lines) was
rejected: a rule could not be read or reviewed apart from the loop around it.
"""

from __future__ import annotations

from .engine import clean_text

__all__ = ("clean_text",)
