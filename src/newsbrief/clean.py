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
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

__all__ = ("clean_text",)

# --------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------

# A capitalised name part: "Smith", "O'Sullivan", "Abad-Santos", "R.", "Jr.".
_NAME_TOKEN = r"[A-Z][\w'’.-]*"
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|al|bin|ibn|el|dos|das)"
# Two to four name parts, so that "By Monday, ..." is not mistaken for a byline.
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{1,3}}"
# Words of a credit or byline tail: "Reuters", "BBC Home Affairs correspondent".
_CREDIT_WORD = (
    r"(?:[A-Z][\w.'’&-]*|correspondent|editor|reporter|writer|staff|contributor|columnist"
    r"|producer|senior|chief|political|special|in|for|and|of|the|at|via|&|\d+(?:st|nd|rd|th)?)"
)
_CREDIT_WORDS = rf"{_CREDIT_WORD}(?:[ ,/]+{_CREDIT_WORD}){{0,9}}"
# Reuters sign-offs list many reporters: "Reporting by A in X, B in Y and C in Z".
_CREDIT_LIST = rf"{_CREDIT_WORD}(?:[ ,/]+{_CREDIT_WORD}){{0,40}}"
_CREDIT_ROLE = (
    r"(?:Additional |Further )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten"
    r"|[Ee]dited|[Tt]ranslated|[Rr]esearch|[Gg]raphics)(?: and (?:\w+ )?\w+)?"
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"@\w{2,}"
_PHONE = r"\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}"
_AGENCY = (
    r"(?:The\s+)?(?:Associated\s+Press|AP|Reuters|AFP|dpa|DPA|UPI|CNN|EFE|ANSA|Xinhua"
    r"|PA|Bloomberg|SID|KNA|epd|USA\s+TODAY|Agence\s+France-Presse)"
)
# Picture libraries: names that appear in nothing but credits.
_PICTURE_LIBRARY = (
    r"(?:Getty(?:\s+Images)?|Shutterstock|iStock(?:photo)?|Corbis|Newscom|Photofest|Alamy"
    r"|NurPhoto)"
)
# Picture agencies and libraries as they appear in credits.
_PICTURE_AGENCY = (
    r"(?:Getty(?:\s+Images)?|AFP|Reuters|AP(?:\s+Photo)?|Shutterstock|iStock(?:photo)?|Corbis"
    r"|Newscom|Flickr(?:\.com)?|Wikimedia\s+Commons|Photofest|EPA|Rex\s+Features|REX"
    r"|Alamy|NurPhoto|SIPA|Zuma(?:\s+Press)?|Abaca(?:\s+Press)?|Getty)"
)
# "Photo: ...", "Image by ...": the label of a stand-alone picture credit.
_PICTURE_LABEL = (
    r"(?:Facebook Twitter Pinterest |AP |Lead |Top |Main |Featured )?(?:Image|Photo|Photograph"
    r"|Picture|Pic|Illustration|Graphic|Credit|Photo credit|Image credit|Image source"
    r"|Photographer|Photo illustration|Photos|Images|Photographs|Source|Video|image|photo)"
)
# Credit text may hold initials ("G. Tomasevic") or domains, not sentence ends.
# The two kinds of full stop exclude each other, or "A.A.A." would backtrack
# exponentially.
_CREDIT_TEXT = r"(?:[^.!?]|\.(?=\S)|(?<=\b[A-Z])\.(?!\S))"
# What a cookie banner talks about, and a recipe does not.
_COOKIE_WORDS = (
    r"(?:experience|browsing|browse|website|site|consent|privacy|policy|agree|accept|analytics"
    r"|personali[sz]e|advertising|settings)"
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A wire dateline opening a paragraph: "LONDON (AP) _ ", "BUENOS AIRES, Argentina _ ",
# "BEIRUT, July 4 (Reuters) - ", "(CNN) -- ". It names where the copy was filed, not what
# happened, and in a short summary it costs words that carry no content.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
    rf"(?:,\s+{_MONTH}\s+\d{{1,2}})?"
    r"\s*(?:\([A-Z][\w .&'-]{0,40}\)\s*)?(?:_|--|-|–|—)"
    r"|\((?:CNN|AP|AFP|Reuters|UPI|dpa|Xinhua)\)(?:\s*(?:_|--|-|–|—))?)"
    r"\s+(?=[A-Z0-9\"“‘'`(])"
)
#: A dateline is only taken off a paragraph with a real sentence after it.
_DATELINE_REST = 20
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?"
# One word of a timestamp such as "Last updated at 6:04 PM on 20th October 2011".
_DATE_WORD = (
    rf"(?:{_MONTH}|{_WEEKDAY}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?"
    r"|[ap]\.?m\.?|[AP]M|[ECMP][SD]T|GMT|UTC|BST|CET|CEST|ET|on|at|of)[,.]?"
)
_TLDS = ("com", "org", "net", "ly", "co", "gov", "edu", "io", "tv", "me", "us", "uk", "de", "fm",
         "gl", "gd", "be", "it")  # fmt: skip
# A bare domain with a path ("bit.ly/1nwT1aN"). The parts are matched
# possessively from the start of the dotted run only, so a long run of dots
# cannot make the search quadratic; the top-level domain is checked after.
_BARE_DOMAIN = (
    r"(?<![\w.-])[\w-]++(?:\.[\w-]++)++"
    + "(?:" + "|".join(rf"(?<=\.{tld})" for tld in _TLDS) + ")/"
)  # fmt: skip
_URL = (
    rf"(?:\b(?:https?://|www\.)|\bpic\.twitter\.com/|{_BARE_DOMAIN})"
    r"\S*?(?=[.,;:!?)\]\"'”’]*(?:\s|$))"
)

# --------------------------------------------------------------------------
# Whole-line rules. Each is matched against the complete (normalised) line;
# a rule's name only serves to explain a removal when auditing.
#
# Rules are split by cost. "Anchored" rules start with literal text and fail
# on the first few characters of a prose line, so every line may try them.
# "Keyword" rules look for a marker anywhere in the line (".{0,200}Sign Up");
# they only run on lines that hold one of the _KEYWORDS markers. "Tiny" rules
# (credits and contacts without a marker word) only run on very short lines.
# That keeps the cleaner linear and fast on megabytes of text.
# --------------------------------------------------------------------------

# Labels, widgets and credits never run long; the limit protects paragraphs.
_SHORT = 300

_SHORT_ANCHORED: tuple[tuple[str, str], ...] = (
    # Navigation.
    ("nav", r"(?:\d{1,2}\.\s*)?Skip to\b.{0,60}"),
    ("nav", r"(?:CLOSE\s+)?Skip in Skip x Embed x Share\b.*"),
    (
        "section",
        r"(?:World|Politics|Business|Conflicts|Opinion|Sports?|Entertainment|Health|Science"
        r"|Technology|Tech|Culture|Lifestyle|Local|National|Nation|Features|Columnist|News"
        r"|Breaking News|Top Stories|Latest|Home|Menu|Search|Videos?|Photos?|Gallery|Podcast"
        r"|Today|Environment|Education|Travel|Economy|Markets|Crime|Your Health|Grid View"
        r"|Middle East|Africa|Asia|Asia-Pacific|Europe|Americas|Latin America|U\.?S\.?|UK)",
    ),
    # Share and follow widgets.
    (
        "share",
        r"(?i:(?:share(?: this(?: article| story| page| post| video)?)?(?: with)?|share on \w+"
        r"|tweet|pin|e-?mail|print|save|comments?|whatsapp|facebook|twitter|linkedin|pinterest|reddit"
        r"|messenger|sms|copy link|play|google\+|follow)(?:[\s|•·,/:]+|$))+",
    ),
    ("share", r"Click to (?:share|email|print)\b.{0,80}"),
    ("share", r"(?:Help spread the word! )?Share Tweet\b.{0,80}"),
    (
        "follow",
        r"[-–—•►\s]*(?:Stay Up To Date, )?(?:Follow|FOLLOW)\s.{0,160}?"
        r"(?:Twitter|Facebook|Instagram|Google\+|Tumblr|YouTube|LinkedIn|Snapchat|@\w|https?://"
        r"|\.com\b).{0,120}",
    ),
    (
        "follow",
        r"(?:Like|LIKE) (?:us|\w+|\"[^\"]{1,40}\")(?: on| at)?\s*:?\s*\S*(?:facebook|Facebook)\S*",
    ),
    ("follow", r"Join [Tt]he [Cc]onversation\b.{0,120}|(?:Find|Connect with|Join) us on\b.{0,100}"),
    # Advertising and reading prompts.
    (
        "ad",
        r"(?i:(?:photo |video )?(?:advertisement|advertising|sponsored(?: content)?|report this ad"
        r"|story continued below)(?: continue reading the main story)?"
        r"|continue reading(?: the main story| below)?)",
    ),
    (
        "teaser",
        r"[(►•▶\[]*\s*(?:RELATED(?: CONTENT| STORIES| STORY| LINKS| ARTICLES| COVERAGE| VIDEO"
        r"| NEWS)?|Related(?: [Cc]ontent| [Ss]tories| [Ss]tory| [Ll]inks| [Aa]rticles| [Cc]overage"
        r"| [Nn]ews(?: [Aa]rticles)?| [Tt]opics)?|More on this story|READ MORE"
        r"|Read [Mm]ore(?: about)?|READ|Read|Read [Nn]ext"
        r"|MORE|More|SEE ALSO|See [Aa]lso|READ ALSO|Read [Aa]lso|ALSO|Also"
        r"|ALSO ON [\w.]+|Also on [\w.]+"
        r"|PHOTOS?|Photos?|VIDEOS?|Video|WATCH|Watch|LISTEN|STORY|EDITORIAL|Explore further"
        r"|BLOG|IMAGES|NEW IMAGES|Recommended|MUST READ|Must [Rr]ead|DON'T MISS|Don't [Mm]iss"
        r"|TRENDING|Trending(?: News| Now)?|MORE FROM [\w ]{1,30}|More from [\w ]{1,30}"
        r"|TOP STORIES|Top [Ss]tories|Most Popular(?: Stories)?(?: this week)?|FOR THE RECORD"
        r"|IN CASE YOU MISSED IT|Read or Share this story|Previously|DRIVING THE DAY)"
        r"\s*(?:[:»>]+.{0,200}|\.{3})?[)\]]?",
    ),
    ("teaser", r"[(►•▶\s]*(?:RELATED|MORE|ALSO) (?:[A-Z'‘\"“][a-z]|\d).{0,200}"),
    ("teaser", r"[►▶]\s*(?:Update|UPDATE|Related|RELATED|Video|VIDEO|Photos|PHOTOS):.{1,200}"),
    (
        "teaser",
        r"\((?:PHOTOS?|VIDEOS?|WATCH|Also on [\w.]+|ALSO ON [\w.]+|[A-Z][A-Z ]{2,30}):.{1,150}\)",
    ),
    ("teaser", r"Read more (?:on|at) \S+|Read more from\b.{1,150}"),
    (
        "teaser",
        r"(?:Read|READ|Watch|WATCH|See|Listen to|View|Check out)\b[^.!?]{0,120}"
        r"\b(?:here|below)[.:!]?\)?",
    ),
    (
        "teaser",
        r"(?:Read|Watch|See|Listen to|View) (?:the )?(?:full |complete )?(?:letter|statement|report"
        r"|transcript|interview|document|complaint|lawsuit|restraining order|order|ruling|memo"
        r"|filing|blog|video|speech|decision|indictment)\b[^.!?]{0,100}",
    ),
    ("teaser", r"\[[^\[\]]{1,150}\]|\((?:Below|Above), .{1,120}\)"),
    (
        "teaser",
        r"(?:This (?:article|story) (?:is )?tagged under|Topics|Tags|Filed under|Categories)"
        r"\s*:.{0,200}",
    ),
    # Photo credits and captions that stand alone on a line.
    (
        "picture",
        rf"(?:{_PICTURE_LABEL}\s*(?::\s*{_CREDIT_TEXT}{{1,100}}|by {_CREDIT_WORDS})\.?\s*){{1,3}}",
    ),
    ("credit", r"(?:Photo |Image )?[Cc]ourtesy(?: of)? [^.!?]{1,60}"),
    ("credit", r"\(?(?:Photo|Image|Picture|Credit)s?\s*(?::|by)\s*[^()]{1,80}\)"),
    ("credit", r"\(\s*[A-Z][^().!?]{1,60}\s*\)"),
    (
        "credit",
        r"Copyright\s+(?:©|\(c\)|\d{4}).{0,250}|©.{0,600}"
        r"|Copyright [A-Z][\w&.'-]*(?:(?:\s+|\s*/\s*)[A-Z0-9][\w&.'-]*){0,6}",
    ),
    ("credit", r"Enlarge (?:Image|this image)\b.*|Slideshow \(\d+ Images?\)|Full-size image here"),
    ("credit", r"Media playback is unsupported on your device"),
    # Bylines, sign-offs and contacts.
    (
        "byline",
        rf"(?:/\s*)?(?:(?:Updated|Posted|Written|Story|Words|Text|Reporting)\s+)?(?:By|BY|by):?\s+"
        rf"(?:Dr\.?\s+|Prof\.?\s+|Staff Sgt\.\s+|Sgt\.\s+|Capt\.\s+)?{_NAME}"
        rf"(?:\s*(?:,|and|&)\s*{_NAME})*"
        rf"(?:\s*(?:,|\||-|–|—|/|\bfor\b)\s*{_CREDIT_WORDS})?\.?",
    ),
    (
        "byline",
        rf"[-–—]{{1,3}}\s*(?:{_AGENCY}|{_NAME}(?:\s+in\s+{_NAME_TOKEN}(?: {_NAME_TOKEN})?)?)\.?",
    ),
    (
        "signoff",
        rf"[a-z]{{1,4}}(?:/[a-z]{{1,4}})+(?:\s*\((?:{_AGENCY}|[A-Za-z ]{{1,20}})"
        rf"(?:,\s*(?:{_AGENCY}|[A-Za-z ]{{1,20}}))*\))?",
    ),
    ("signoff", rf"\((?:{_AGENCY})\)"),
    (
        "signoff",
        rf"\(?{_CREDIT_ROLE} by {_CREDIT_LIST}(?:\s*;\s*{_CREDIT_ROLE} by {_CREDIT_LIST})*\)?\.?",
    ),
    (
        "signoff",
        rf"[-–—\s]*[Ww]ith (?:additional )?(?:reporting|assistance|contributions) (?:by|from) "
        rf"{_CREDIT_WORDS}\.?",
    ),
    ("signoff", r"Contribut(?:ing|ors?)(?: [Ww]riters?| [Rr]eporters?)?\s*:.{1,150}"),
    (
        "signoff",
        r"(?:Original(?:ly)? (?:article|published|posted|appeared)|This (?:article|story) "
        r"(?:originally |first )?(?:appeared|was (?:originally |first )?published))\b.{0,150}",
    ),
    (
        "contact",
        rf"(?:(?:Write to|Contact(?: us)?|Reach|E-?mail|Send (?:your |us )?(?:[\w ]{{1,30}} )?"
        rf"tips? to)\b|Have a tip[^?]{{0,60}}\?).{{0,100}}?(?:{_EMAIL}|{_HANDLE}|(?i:twitter\.com))"
        r".{0,60}",
    ),
    # Newsletters, subscriptions, registration and cookie prompts.
    (
        "promo",
        r"[-–—\s]*(?:Subscribe|SUBSCRIBE|Sign up|Sign Up|SIGN UP)(?:\s*[:!]|$|\s+(?i:to|for|now"
        r"|here|today|and|with|free)\b).{0,250}",
    ),
    (
        "promo",
        r"(?:Get|Receive)\b.{0,120}\b(?:in your inbox|by e-?mail|delivered|newsletters?|alerts)\b"
        r".{0,120}|(?:Want|Never miss|Don['’]t miss|Stay (?:informed|up to date|in the know)"
        r"|Keep up)\b.{0,120}\b(?:delivered|inbox|newsletters?|[Ss]ign up|[Dd]ownload)\b.{0,120}",
    ),
    ("promo", r"Breaking News (?:Emails|Alerts)\b.*|Interested in .{0,60}\? Add .{0,200}"),
    ("promo", r"Get more [^.!?]{1,60}:"),
    ("promo", r"Thanks? (?:you )?for (?:registering|subscribing|signing up)!?"),
    (
        "promo",
        r"Sign in (?:using|with)\b.*|Welcome back\. Please sign in\.?|Already have an account\?"
        r"|Why are we asking this\?|By submitting your registration information\b.*"
        r"|We have sent a confirmation email\b.*"
        r"|Click here to return to the page you were visiting\.?"
        r"|(?:Message: \* )?A friend wanted you to see this item\b.*",
    ),
    # Dead media players and error pages.
    (
        "notice",
        r"(?i:(?:please )?(?:enable|turn on) javascript\b.*|you need to enable javascript\b.*"
        r"|your browser does not support\b.*)",
    ),
    (
        "notice",
        r"Rating is available when the video has been rented\.|This feature is not available "
        r"right now\. Please try again later\.|The interactive transcript could not be loaded\."
        r"|Loading\.\.\.|Loading|Sorry, the page you requested could not be found\.?"
        r"|If you are trying to reach a page from a bookmark\b.*"
        r"|If you are looking for an older news story, it may no longer be here\b.*"
        r"|If you still have trouble finding what you need\b.*|You['’]re Almost There\.\.\."
        r"|Your custom domain mapping may take\b.*|Text Size\b.{0,10}|reset\b.{0,150}"
        r"|Play(?: Video)? \d{1,2}:\d{2}\b.{0,150}|sound \d{2}:\d{2} \d{2}:\d{2}"
        r"|From Wikipedia, the free encyclopedia",
    ),
    # Prompts and confirmations of web forms (petitions, sign-ups): a whole
    # line that talks to the reader about the page's own buttons.
    (
        "form",
        r"(?i:(?:on a mobile device\?\s*)?click (?:here|below) to\b.{0,100})"
        r"|(?:PLEASE NOTE|Please note):"
        r"|You (?:must|need to|will need to|have to) confirm your (?:e-?mail(?: address)?\b"
        r"|(?:signature|subscription|registration|vote) (?:in|via|by|through)"
        r" (?:your )?e-?mail\b)"
        r".{0,150}"
        # Only the bare sentence: "Thank you for supporting the campaign, Obama said" is prose.
        r"|Thank you for (?:signing|supporting|endorsing) (?:the|our|this) (?:petition|campaign"
        r"|pledge)(?: to [^,;:\"“”]{1,100})?[.!]",
    ),
    # CNN's video carousel: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 00:47".
    ("video", r"JUST WATCHED\b.{1,150}?\bMUST WATCH\b.{1,150}"),
    # Licensing notices of video agencies: "This video is copyright protected!! ...".
    ("licence", r"[“\"]?This (?:video|clip|footage) is copyright protected\b.{0,250}"),
    # The header of a cast or crew list (a video's credits): the short lines below go too.
    ("credits", r"(?:CAST|CREW|Cast|Crew|CAST (?:&|AND) CREW|Cast (?:&|and) [Cc]rew)\s*:?"),
    # Twitter's embed notices.
    (
        "twitter",
        r"Tweet with a location|Add a location to your Tweets|Learn more"
        r"|You can add location information to your Tweets\b.*"
        r"|When you tweet with a location, Twitter stores that location\b.*"
        r"|Add this (?:Tweet|video) to your website by copying the code below\b.*"
        r"|Hmm,? there was a problem reaching the server\b.*"
        r"|By embedding Twitter content in your website or app\b.*"
        r"|Twitter may be over capacity\b.*|Not on Twitter\? Sign up\b.*"
        r"|Embed this (?:Tweet|Video)",
    ),
    # Cookie banners.
    (
        "cookie",
        rf"(?:This|Our) (?:web)?(?:site|page) uses cookies\b.*"
        rf"|We use cookies\b.{{0,300}}\b{_COOKIE_WORDS}\b.*"
        r"|By (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site\b.*",
    ),
    # Timestamps of the page, not of the events.
    (
        "stamp",
        rf"[-–—\s]*(?:Last )?(?:[Uu]pdated|UPDATED|UPDATE|[Pp]ublished|[Pp]osted|First published"
        rf"|First posted|Modified)(?: on| at)?:?(?:\s+{_DATE_WORD}){{0,9}}",
    ),
)

# Rules for lines of at most _TINY characters that have no marker to look for:
# credits ("Sarah Tew/CNET", "NFL via Getty Images"), contact lines, domains.
_TINY = 100
_TINY_RULES: tuple[tuple[str, str], ...] = (
    ("credit", rf"[^.!?]{{0,60}}?(?:/\s*|\bvia\s+|\bfor\s+|^){_PICTURE_AGENCY}\.?"),
    (
        "credit",
        r"(?:\d{4}\s+)?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
        r"(?:\s*/\s*[A-Z0-9][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}){1,3}",
    ),
    ("byline", rf"{_NAME}\s*\|\s*{_AGENCY}"),
    (
        "contact",
        rf"[-–—(\s]*(?:{_NAME}\s*[•▪|,:-]?\s*)?(?:(?:Twitter|Email|E-mail|Phone|Tel|Instagram"
        rf"|Contact)\s*:?\s*)?(?:(?:{_EMAIL}|{_HANDLE}|{_PHONE})[\s;,|•▪/]*(?:or\s+)?)+\)?\.?",
    ),
    (
        "url",
        r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io|tv|ly|co|uk|au|de|ca)/?",
    ),
)

# Rules that look for a marker anywhere in a line of at most _SHORT characters.
_SHORT_KEYWORD: tuple[tuple[str, str], ...] = (
    ("nav", r"[\w&]+(?: \w+)?(?: (?:>>|›|»|>) [\w& ]+)+|.{0,60}\bMore\s*(?:>>|»)"),
    # A menu in capitals: "FREE APPS | NOW | FACEBOOK | TWITTER".
    ("nav", r"(?:[A-Z][A-Z&.]*(?: [A-Z][A-Z&.]*){0,2} \| ){2,}[A-Z][A-Z&.]*(?: [A-Z&.]+){0,2}"),
    ("follow", r".{0,120}\b(?:[Ff]ollow|[Ll]ike) us (?:on|at)\b.{0,200}"),
    ("teaser", r".{1,150}\sRead [Mm]ore\s*[»›]?"),
    ("credit", r".{0,120}\bAll [Rr]ights [Rr]eserved\b.{0,160}"),
    ("credit", r".{0,200}\btoggle caption\b.*|.{0,120}Read Caption Share Photo\b.{0,10}"),
    (
        "signoff",
        r"(?:(?:[A-Z][\w.'’-]*|and|writers?|reporters?|correspondents?|staff|photographers?"
        r"|researchers?|of|the|in|from)[ ,]+){1,14}contributed(?: reporting| research)?"
        r"(?: to this (?:report|story|article))?(?: from [A-Z][^.]{0,40})?\.?",
    ),
    ("signoff", rf"{_NAME} (?:writes|reports) for {_CREDIT_WORDS}"),
    ("contact", r".{1,120}\bcan be reached (?:at|on|via|by)\b.{0,150}"),
    ("contact", rf"[^@]{{0,80}}{_EMAIL}[^.!?@]{{0,40}}"),
    (
        "contact",
        rf".{{0,150}}\b(?:E-?mail|Twitter)\s*:\s*(?:{_EMAIL}|{_HANDLE}).{{0,100}}"
        rf"|[-–—]?\s*{_NAME}\s*:\s*(?:{_PHONE}|{_EMAIL}).*"
        r"|.{0,100}\b[Ff]ollow (?:us |me |him |her )?(?:on Twitter )?(?:at )?@\w+\.?",
    ),
    (
        "contact",
        r".{0,200}\b(?:[Cc]ontact|[Rr]each|[Ee]-?mail|[Ff]ollow|[Cc]all) (?:her|him|me|us)\b"
        r".{0,80}?"
        rf"(?:{_EMAIL}|{_PHONE}|{_HANDLE}|(?i:twitter\.com)).{{0,120}}",
    ),
    ("promo", r".{0,200}\b(?:Free |Email )?Sign Up(?: Now)?!?"),
    ("promo", r".{0,200}\bSign up (?:for|to|now|here|today)\b.{0,200}"),
    ("promo", r".{0,150}\b(?:subscribe|subscribing) (?:today|now)\b.{0,150}"),
    ("promo", r".{0,160}\bDownload (?:the|our) .{0,60}\bapps?\b.{0,60}"),
    ("promo", r".{0,100}[.?!] (?:Subscribe|SUBSCRIBE)\b.{0,150}"),
    ("promo", r".{0,80}\bAlready a subscriber\?.*|.{0,120}\bsign in to update your profile\b.*"),
    ("notice", r"(?i:.{0,60}\bjavascript (?:is disabled|is required|must be enabled)\b.*)"),
    ("notice", r".{0,200}\bCopy this code to your website\b.*"),
    ("teaser", r".{1,100} (?:on|via) Scribd"),
    (
        "licence",
        r".{0,150}\b[Ff]or (?:any )?licen[cs]ing (?:requests?|inquir(?:y|ies)|enquir(?:y|ies)"
        r"|info(?:rmation)?|questions),? (?:please )?(?:contact|e-?mail|write to|visit|go to"
        r"|call)\b.{0,150}",
    ),
    (
        "promo",
        r".{0,150}\b(?:[Jj]oin|[Ss]ubscribe to|[Ss]ign up (?:for|to)) our (?:mailing list"
        r"|e-?mail list|newsletters?)\b.{0,150}",
    ),
    # A membership's billing terms, in the second person: "your credit card will be
    # charged $49.95 on the 6th until you cancel".
    (
        "terms",
        r".{0,200}\byour (?:credit )?card will be (?:automatically )?charged\b.{0,150}?"
        r"\buntil you cancel\b.{0,150}"
        r"|.{0,200}\b(?:[Ll]og|[Ss]ign) in(?:to| to)? your account\b.{0,200}?"
        r"\byou (?:won['’]t|will not) be charged\b.{0,60}",
    ),
)

# Long, verbatim notices: these may fire on a line of any length.
_ANY_ANCHORED: tuple[tuple[str, str], ...] = (
    ("promo", r"To subscribe to\b.*|Newsletter Sign Up\b.*"),
    ("archive", r"Starting in 1996, Alexa Internet has been donating their crawl data\b.*"),
    ("archive", r"These crawls are part of an effort to archive pages\b.*"),
    ("archive", r"This is a set of web collections curated by\b.{0,120}\bArchive-?I[Tt]\b.*"),
    ("archive", r"The seed for (?:this crawl|Wide\d+) was\b.*"),
    ("archive", r"This crawl was run at a level\b.*|The WARC files associated with this crawl\b.*"),
    ("archive", r"(?i:(?:this data is|these files are) currently not publicly accessible\.?)"),
    ("archive", r"Crawl of outlinks from\b.*"),
    ("archive", r"This collection contains\b.{0,120}\bcrawls? performed by\b.*"),
    ("archive", r"Web wide crawl with initial seedlist\b.*"),
    # The standard disclaimer under United Nations maps, often split over two lines.
    (
        "disclaimer",
        r"The (?:boundaries and names shown and the )?designations (?:employed|used) and the"
        r" presentation of (?:the )?material\b.{0,80}\bdo not imply the expression of any opinion"
        r" whatsoever\b.*"
        r"|(?:The )?(?:dotted|dashed) line represents approximately the Line of Control in Jammu"
        r" and Kashmir\b.*"
        r"|in Jammu and Kashmir agreed upon by India and Pakistan\. The final status of Jammu and"
        r" Kashmir has not yet been agreed upon by the parties\.?",
    ),
    # A weather widget: three or more days of "Thursday (57/48) Clouds/Showers",
    # then the forecaster's blurb that belongs to it.
    (
        "weather",
        rf"(?:[A-Z][A-Z'’]*(?: [A-Z][A-Z'’]*){{0,4}} )?"
        rf"(?:{_WEEKDAY} \(-?\d{{1,3}}°?/-?\d{{1,3}}°?\)"
        r" [A-Za-z-]+(?:/[A-Za-z-]+)*(?: [A-Za-z-]+(?:/[A-Za-z-]+)*)?? ){3,}.*",
    ),
    (
        "cookie",
        rf"(?:(?:This|Our) (?:web)?(?:site|page) uses|We use) cookies\b.{{0,300}}"
        rf"\b{_COOKIE_WORDS}\b.{{0,600}}",
    ),
)

_ANY_KEYWORD: tuple[tuple[str, str], ...] = (
    ("promo", r".{0,300}\bBy signing up,? you agree to receive\b.*"),
    (
        "markup",
        r".*\bfunction\s*\([^)]*\)\s*\{.*|\s*poster=\".*|.*</?(?:div|script|iframe|span)\b[^>]*>.*",
    ),
)

# A line is tried against the keyword rules only if it holds one of these
# markers (plain substring tests are far cheaper than any regex).
_KEYWORDS = (
    ">", "›", "»", "|", "@", "/", "ollow us", "ike us", "Read ", "ights", "aption",
    "contributed", "writes for", "reports for", "reached", "ontact", "Sign ", "ubscrib",
    "Download", "sign in to", "avaScript", "avascript", "Copy this code", "Scribd",
    "By signing up", "function", "poster=", "<", "icensing", "icencing", "our mailing",
    "our newsletter", "our email", "our e-mail", "be charged",
)  # fmt: skip
# The markers of the keyword rules that also apply to long lines.
_LONG_KEYWORDS = ("By signing up", "function", "poster=", "<")

# Recognising a web-archive page; inside one, crawl vocabulary marks a notice.
# Such pages are short; a long text (an article, or several joined) that merely
# quotes a notice only loses the notice itself.
_ARCHIVE_PAGE_MAX = 5000
_ARCHIVE_PAGE = re.compile(
    r"Alexa Internet has been donating|These crawls are part of an effort|Archive-?I[Tt] service"
    r"|The seed for (?:this crawl|Wide\d+)|Web wide crawl|WARC files associated|This crawl was run"
    r"|crawls? performed by IA|Crawl of outlinks from|These files are currently not publicly"
)
_ARCHIVE_VOCAB = re.compile(
    r"(?i:\bcrawl(?:s|ed|er|ing)?\b|seed ?list|wayback|internet archive|archive dot org|heritrix"
    r"|\bwarc\b|\bdomains?\b|\bURLs?\b|\bwide\d+|data set\b|Number of (?:captures|hosts))"
)


def _combine(rules: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One alternation per rule set, so a line costs one regex call, not sixty."""
    parts = [f"(?P<{name}_{i}>{pattern})" for i, (name, pattern) in enumerate(rules)]
    return re.compile("|".join(parts))


_SHORT_ANCHORED_LINE = _combine(_SHORT_ANCHORED)
_TINY_LINE = _combine(_TINY_RULES)
_SHORT_KEYWORD_LINE = _combine(_SHORT_KEYWORD)
_ANY_ANCHORED_LINE = _combine(_ANY_ANCHORED)
_ANY_KEYWORD_LINE = _combine(_ANY_KEYWORD)

# --------------------------------------------------------------------------
# In-line repairs
# --------------------------------------------------------------------------

_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Ingest's metadata line; kept verbatim and never cleaned.
_DATE_META = re.compile(r"date \d{4}-\d{2}-\d{2}")
# Substrings without which a line holds no URL that _URL would remove.
_URL_HINTS = ("://", "www.", *(f".{tld}/" for tld in _TLDS))
_URL_TOKEN = re.compile(rf"[ \t]*(?:\(\s*{_URL}(?:\.\.\.|…)?\s*\)|{_URL}(?:\.\.\.|…)?)")
# A caption block glued to the start of a line (BBC pages): everything from the
# marker to the end of the line is credit and caption text.
_CAPTION_HINTS = ("Image c", "Media p", "Media c")
_CAPTION_MARKER = re.compile(
    r"(?:^|(?<=[.!?\"”’] ))(?:(?:Getty Images |AFP |Reuters )?Image (?:copyright|caption)"
    r"|Media playback is unsupported on your device|Media caption)\b.*$"
)
_INLINE_JUNK = re.compile(
    r"(?:(?:Photo|Video) )?(?:Advertisement )?Continue reading the main story\s*"
    r"|^Story highlights\s+|\s*\[ edit \]|(?<=.{150})\s+Read [Mm]ore\s*[»›]?$"
    r"|^Buy Photo\s+|\s*Buy Photo$"
    r"|\s*\((?:Photo|Image|Picture)s?(?: by|:) [^()]{1,80}\)(?=\s)"
)
_INLINE_MARKERS = (
    "Continue reading", "Story highlights", "[ edit ]", "Read ", "Buy Photo", "(Photo", "(Image",
    "(Picture",
)  # fmt: skip
# A credit closing a caption: "... last year. Photo: Getty Images",
# "... in Urbandale, Iowa. (AP Photo/Charlie Neibergall) (Associated Press)".
_CREDIT_TAIL = re.compile(
    r"(?:"
    r"\s*\((?:AP |Reuters |AFP |Getty |EPA |Staff )?(?:Photo|Photos|Photograph|Image|Picture|Pic"
    r"|Credit|Illustration|Video)\b[^()]{0,80}\)"
    r"|\s*\((?:Associated Press|AP|Getty Images|Getty|Shutterstock|iStock|EPA"
    r"|Courtesy[^()]{0,60})\)"
    r"|\s*\([A-Z][^()/]{0,50}/[^()]{0,60}\)"
    rf"|\s\|\s(?:[A-Z][\w.'’-]*\s){{0,3}}(?:[A-Z][\w.'’-]*\s?/\s?)*{_PICTURE_AGENCY}\b.*"
    rf"|(?<=[.!?\"”’])\s+(?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w.'’-]*\s?/\s?"
    rf"(?:[A-Z][\w.'’ -]*/\s?)*{_PICTURE_AGENCY}\.?"
    r"|(?<=[.!?\"”’])\s+Credits?\s+[A-Z][^.!?/]{0,40}/[^.!?]{1,40}"
    r"|(?<=[.!?\"”’])\s+(?:AP|Reuters|AFP|EPA|Getty Images) Photo/[A-Z][\w.'’ -]{1,40}"
    r"|(?:^|(?<=[.!?\"”’])\s?)\s*(?:Photo|Image|Picture|Photograph|Photographer|Illustration"
    rf"|Credit)s?(?:: {_CREDIT_TEXT}{{2,80}}| by {_CREDIT_WORDS})\.?"
    r")+\.?$"
)
# A picture credit opening a caption: "Tom Williams/Getty Images Rep. Jackie
# Speier ...", "Getty - Contributor James Maybrick, ...". Without a slash or
# dash only pure picture libraries count: "Reuters Television showed" is prose.
# Words are split by single spaces and segments by a slash or dash, so there is
# one way to parse a credit and no catastrophic backtracking on "Aa /Aa /...".
_CREDIT_HEAD = re.compile(
    rf"(?:[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){{0,3}}(?: ?/ ?| - ))+{_PICTURE_AGENCY}"
    rf"(?:\s-\s(?:Contributor|Stringer|Staff|Pool))?\s+(?=[A-Z])(?!Images\b)"
    rf"|{_PICTURE_LIBRARY}(?:\s-\s(?:Contributor|Stringer|Staff|Pool))?\s+(?=[A-Z])(?!Images\b)"
)
_LIBRARY_NAMES = (
    "Getty", "Shutterstock", "iStock", "Corbis", "Newscom", "Photofest", "Alamy", "NurPhoto",
)  # fmt: skip
# Words that announce a credit; a line without one (and not ending in a
# bracket) cannot end in a credit, which spares most lines the search.
_CREDIT_HINTS = ("Photo", "Image", "Picture", "Credit", "Illustration", "/", "Getty")
# Captions are short; a long paragraph ending in a credit keeps its text.
_CAPTION_MAX = 400
# A capital right after two lowercase letters, possibly with a full stop
# between: where a lost line break glued two words ("2.5 kmRafiqah",
# "saidThe", "the web.These"). _is_glued decides whether to split.
_GLUE = re.compile(r"[A-Z](?:(?<=[a-z]{2}[A-Z])|(?<=[a-z]{2}[.!?][A-Z]))(?=[a-z])")
# Lowercase name particles that legitimately precede a capital: deGrom.
_PARTICLES = frozenset(
    ("de", "da", "di", "du", "del", "la", "le", "van", "von", "der", "mc", "mac")
)
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_DROP_CAPS = frozenset("BCDEFGHJKLMNOPQRSTUVWXYZ")
# A glued word must start its token: "McGurk", "YouTube", "@realDonaldTrump",
# "#blackLivesMatter" or "example.comThe" are left alone.
_TOKEN_INNER = frozenset("@#/'’-_") | frozenset("0123456789")
# A header that opens a list of related links; the short unpunctuated lines
# right after it are link titles ("Related Topics" / "Syrian civil war").
_RELATED_HEADER = re.compile(
    r"[(►•▶\[]*\s*(?:RELATED(?: [A-Z]+)?|Related(?: [A-Za-z]+){0,2}|More on this story|MORE|ALSO"
    r"|Also|Read [Mm]ore|READ MORE|See [Aa]lso|SEE ALSO|Most Popular(?: Stories)?(?: this week)?"
    r"|Recommended|More from [\w ]{1,30}|MORE FROM [\w ]{1,30}|Trending(?: \w+)?"
    r"|TOP STORIES|Top [Ss]tories)\s*[:»>]*[)\]]?"
)
_RELATED_ITEM_MAX = 120
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
_TEASER_REPEAT_MIN = 80
_TEASER_LINE_MAX = 5000  # teaser blocks are short; longer lines are not searched
_TEASER_PROBES = 20  # occurrences of the repeated tail that are checked
_LISTING_MIN_ITEMS = 2
_TRUNCATED = re.compile(r"[\w.,;:)\"”’]\s?(?:\.\.\.|…)$")
_TRUNCATED_MIN_ITEMS = 5
_TRUNCATED_MIN_LENGTH = 40
_DOUBLED_TITLE_MIN = 15
_DOUBLED_TITLE_MAX = 200
# The "About this site" block closing a page describes the site, not a story;
# it is only taken for a footer when little text follows the header.
_FOOTER_HEADER = re.compile(
    r"About (?:this|the|our) (?:[Ss]ite|[Ww]ebsite|[Bb]log)|About [Uu]s|ABOUT US|ABOUT THIS SITE"
)
_FOOTER_MAX = 1000
_ITEM_END = re.compile(r"[.!\"”]$")
# A lone name closing an article is the author's, not a sentence.
_TRAILING_NAME = re.compile(rf"(?:[•·*▪–—-]\s*)?{_NAME}")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_HAS_WORD = re.compile(r"[^\W_]")
# What is left of "More info: http://..." or "Crew - http://..." once the link
# is gone: a few words pointing at nothing.
_LINK_LABEL = re.compile(
    r"(?:\S+\s+){0,11}\S*?(?:[:➜>»-]|\b(?:at|here|HERE|on|more|More|MORE|via))\s*[.:]?"
)
_TRAILING_COMMA = re.compile(r"\s*[,;]$")


class _Line(NamedTuple):
    """The fate of one input line, kept for auditing removals."""

    source: str
    text: str
    reason: str


def clean_text(text: str) -> str:
    """Return ``text`` without web boilerplate, one paragraph per line.

    Each non-empty input line is a paragraph: segmentation relies on paragraph
    ends, so they are kept as single newlines, never merged or split. Spaces
    are collapsed and invisible characters dropped so that later stages can
    compare sentences across articles. A leading ``date YYYY-MM-DD`` token is
    ingest's business and passes through untouched.
    """
    return "\n".join(line.text for line in _triage(text) if line.text)


def _triage(text: str) -> list[_Line]:
    """Decide every line's fate, keeping the reasons so removals can be audited.

    Most decisions are per line; the few that need context (a caption above a
    credit, a list under a "Related" header, a drop cap, a closing byline)
    look at the neighbouring kept line only, so one pass suffices.
    """
    text = _INVISIBLE.sub("", text)
    archive_page = len(text) <= _ARCHIVE_PAGE_MAX and _ARCHIVE_PAGE.search(text) is not None
    raws = text.splitlines()
    lines = [" ".join(raw.split()) for raw in raws]
    listing = _listing_items(lines)
    # Most pages have no footer header: one look at the text rules it out.
    footer = _footer_start(lines) if "About" in text or "ABOUT" in text else len(lines)
    out: list[_Line] = []
    previous_kept = -2  # input line number of the last kept line
    last = -1  # its index in ``out``
    in_related = False  # inside a list of related links
    for number, raw in enumerate(raws):
        line = lines[number]
        if not line:
            continue
        prefix = ""
        if not out:
            meta = _DATE_META.match(line)
            if meta:
                prefix, line = meta.group(), line[meta.end() :].lstrip()
        reason = ""
        if number >= footer:
            line, reason = "", "footer"
        elif number in listing:
            line, reason = "", "listing"
        elif in_related and len(line) <= _RELATED_ITEM_MAX and not _ITEM_END.search(line):
            line, reason = "", "related"
        elif line:
            header = line
            line, reason = _clean_line(line, archive_page)
            in_related = reason == "credits" or (
                reason == "teaser" and _RELATED_HEADER.fullmatch(header) is not None
            )
        else:
            in_related = False
        if reason == "picture" and previous_kept == number - 1:
            _drop_caption_above(out)
        kept = f"{prefix} {line}".strip() if line else prefix
        if kept and last >= 0 and _is_drop_cap(out[last].text, kept):
            kept = out[last].text + kept
            out[last] = _Line(out[last].source, "", "dropcap")
        out.append(_Line(raw, kept, reason))
        if kept:
            previous_kept, last = number, len(out) - 1
    _drop_trailing_byline(out)
    return _unglue_lines(out)


def _listing_items(lines: list[str]) -> frozenset[int]:
    """Return the numbers of the lines that are items of an index page.

    A text is an index page if at least two of its paragraphs end in a long
    repeated teaser, or if at least five of them, and two thirds of those of
    teaser length (labels and headers aside), are teasers cut off
    mid-sentence. Without that evidence nothing is an item, so a single
    doubled or cut-off paragraph in an article stays.
    """
    shortest = 2 * _TEASER_REPEAT_MIN + 1
    repeated = {
        n
        for n, line in enumerate(lines)
        if shortest <= len(line) <= _TEASER_LINE_MAX and _ends_in_repeat(line)
    }
    truncated = {
        n
        for n, line in enumerate(lines)
        if line.endswith(("...", "…"))
        and len(line) >= _TRUNCATED_MIN_LENGTH
        and _TRUNCATED.search(line, len(line) - 5)
    }
    if len(repeated) < _LISTING_MIN_ITEMS and not (
        len(truncated) >= _TRUNCATED_MIN_ITEMS
        and 3 * len(truncated) >= 2 * sum(1 for line in lines if len(line) >= _TRUNCATED_MIN_LENGTH)
    ):
        return frozenset()
    doubled = {n for n, line in enumerate(lines) if _opens_with_doubled_title(line)}
    return frozenset(repeated | truncated | doubled)


def _ends_in_repeat(line: str) -> bool:
    """Tell whether ``line`` ends in a passage of _TEASER_REPEAT_MIN+ characters said twice.

    The last _TEASER_REPEAT_MIN characters must occur earlier in the line; only
    their few occurrences are checked, so the test is linear in the line.
    """
    size = _TEASER_REPEAT_MIN
    n = len(line)
    if not 2 * size < n <= _TEASER_LINE_MAX:
        return False
    probe = line[-size:]
    start = line.rfind(probe, 0, n - size - 1)
    for _ in range(_TEASER_PROBES):
        if start < 0:
            break
        end = start + size  # the first copy ends here, then a space, then the second copy
        length = n - end - 1
        if length >= size and line[end] == " " and line[end - length : end] == line[-length:]:
            return True
        start = line.rfind(probe, 0, end - 1)
    return False


def _opens_with_doubled_title(line: str) -> bool:
    """Tell whether ``line`` opens with a headline said twice ("Fire Kills 2 Fire Kills 2 ...").

    The headline has at least three words and _DOUBLED_TITLE_MIN characters.
    """
    space = line.find(" ", _DOUBLED_TITLE_MIN)
    while 0 < space <= _DOUBLED_TITLE_MAX:
        title = line[:space]
        after = 2 * space + 1
        if (
            title.count(" ") >= 2
            and line.startswith(title, space + 1)
            and (after == len(line) or line[after] == " ")
        ):
            return True
        space = line.find(" ", space + 1)
    return False


def _footer_start(lines: list[str]) -> int:
    """Return the number of the line where an "About this site" footer starts, or len(lines)."""
    for number in range(len(lines) - 1, -1, -1):
        if lines[number].startswith(("About", "ABOUT")) and _FOOTER_HEADER.fullmatch(lines[number]):
            rest = sum(len(line) for line in lines[number + 1 :])
            return number if rest <= _FOOTER_MAX else len(lines)
    return len(lines)


def _clean_line(line: str, archive_page: bool) -> tuple[str, str]:
    """Clean one normalised line; return what is left and why it went, if it did."""
    reason = _match_rule(line, archive_page)
    if reason:
        return "", reason
    original = line
    if any(map(line.__contains__, _CAPTION_HINTS)):
        line = _CAPTION_MARKER.sub("", line).strip()
        if not line:
            return "", "caption"
    if any(map(line.__contains__, _INLINE_MARKERS)):
        line = _INLINE_JUNK.sub(" ", line).strip()
    head = None
    if "/" in line[:80] or " - " in line[:80] or line.startswith(_LIBRARY_NAMES):
        head = _CREDIT_HEAD.match(line)
    if head:
        line = line[head.end() :]
        if len(line) <= _CAPTION_MAX:
            return "", "caption"
    if ("/" in line or "www." in line) and any(map(line.__contains__, _URL_HINTS)):
        cut = _URL_TOKEN.sub("", line).strip()
        if cut != line:
            line = _TRAILING_COMMA.sub("", cut)
            if not _HAS_WORD.search(line) or _LINK_LABEL.fullmatch(line):
                return "", "url"
    if line.endswith((")", ").")) or any(map(line[-200:].__contains__, _CREDIT_HINTS)):
        tail = _CREDIT_TAIL.search(line, max(0, len(line) - 300))
        if tail:
            line = line[: tail.start()].rstrip()
            if len(line) <= _CAPTION_MAX:
                return "", "caption"
    dateline = _DATELINE.match(line)
    if dateline and len(line) - dateline.end() >= _DATELINE_REST:
        line = line[dateline.end() :]
    if line != original:
        line = " ".join(line.split())
        reason = _match_rule(line, archive_page)
    return ("", reason) if reason else (line, "")


def _match_rule(line: str, archive_page: bool) -> str:
    """Name the whole-line rule that ``line`` matches, or return ''."""
    if not line:  # an in-line repair can leave nothing ('Photo Continue reading...')
        return "empty"
    if not (line[0].isalnum() or _HAS_WORD.search(line)):
        return "punctuation"
    match = _ANY_ANCHORED_LINE.fullmatch(line)
    if match is None and len(line) > _SHORT:
        if any(map(line.__contains__, _LONG_KEYWORDS)):
            match = _ANY_KEYWORD_LINE.fullmatch(line)
    elif match is None:
        match = _SHORT_ANCHORED_LINE.fullmatch(line)
        if match is None and len(line) <= _TINY:
            match = _TINY_LINE.fullmatch(line)
        if match is None and any(map(line.__contains__, _KEYWORDS)):
            match = _SHORT_KEYWORD_LINE.fullmatch(line) or _ANY_KEYWORD_LINE.fullmatch(line)
    if match is not None:
        return str(match.lastgroup).rsplit("_", 1)[0]
    if archive_page and _ARCHIVE_VOCAB.search(line):
        return "archive"
    return ""


def _is_drop_cap(letter: str, line: str) -> bool:
    """Tell a decorative initial split off its word ("T" then "he city...").

    "A" and "I" are words of their own, so a line after them may not continue
    them; they are left alone.
    """
    return len(letter) == 1 and letter in _DROP_CAPS and line[0] in _ASCII_LOWER


def _drop_caption_above(out: list[_Line]) -> None:
    """Drop the caption that sits right above a stand-alone picture credit.

    Pages such as DW print the alt text of a picture on the line before its
    "Image: ..." credit. Only a short, unpunctuated line directly above (no
    blank line between) is taken for a caption, so headings survive.
    """
    for i in range(len(out) - 1, -1, -1):
        if out[i].text:
            text = out[i].text
            if len(text) <= 100 and " " in text and not _SENTENCE_END.search(text):
                out[i] = _Line(out[i].source, "", "caption")
            return


def _drop_trailing_byline(out: list[_Line]) -> None:
    """Drop a lone name (often bulleted) that closes the article.

    A text of a single paragraph is no article with a byline: it may be a
    headline that ingest is testing, so it is left alone.
    """
    if sum(1 for line in out if line.text) < 2:
        return
    for i in range(len(out) - 1, -1, -1):
        if out[i].text:
            text = out[i].text
            if (
                len(text) <= 40
                and _TRAILING_NAME.fullmatch(text)
                and not any(c.isdigit() for c in text)
            ):
                out[i] = _Line(out[i].source, "", "byline")
            return


def _unglue_lines(out: list[_Line]) -> list[_Line]:
    """Split glued words in all kept lines with one regex pass over their join.

    Glued words are rare, so the lines are only rebuilt where a split happens.
    """
    kept = [i for i, line in enumerate(out) if line.text]
    texts = [out[i].text for i in kept]
    joined = "\n".join(texts)
    splits = [m.start() for m in _GLUE.finditer(joined) if _is_glued(joined, m.start())]
    if not splits:
        return out
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    offsets: dict[int, list[int]] = {}
    for position in splits:
        k = bisect_right(starts, position) - 1
        offsets.setdefault(k, []).append(position - starts[k])
    for k, cuts in offsets.items():
        text = texts[k]
        for cut in reversed(cuts):
            text = f"{text[:cut]} {text[cut:]}"
        out[kept[k]] = out[kept[k]]._replace(text=text)
    return out


def _is_glued(string: str, capital: int) -> bool:
    """Tell whether the word before ``string[capital]`` is a whole lowercase word.

    The word must start its token, so "McGurk", "YouTube", "@realDonaldTrump"
    or "example.comThe" stay whole, and it must not be a name particle (deGrom).
    """
    end = capital - 1 if string[capital - 1] in ".!?" else capital
    start = end
    while start > 0 and string[start - 1] in _ASCII_LOWER:
        start -= 1
    before = string[start - 1] if start else " "
    if before.isalpha() or before in _TOKEN_INNER:
        return False
    if end == capital:
        return before != "." and string[start:end] not in _PARTICLES
    return True
