"""Whole-line rules: the patterns that remove a complete line of page furniture.

Pure data, staged by cost (see the section comment below); :mod:`.engine`
decides which stage a line tries. Each rule is a (name, pattern) pair; the name
only explains a removal when auditing. It is the longest module of the package
(about 400 lines) because it is one table of rules, not code.
"""

from __future__ import annotations

import re

from .vocab import (
    AGENCY,
    COOKIE_WORDS,
    CREDIT_LIST,
    CREDIT_ROLE,
    CREDIT_TEXT,
    CREDIT_WORDS,
    DATE_WORD,
    EMAIL,
    HANDLE,
    NAME,
    NAME_TOKEN,
    PHONE,
    PICTURE_AGENCY,
    PICTURE_LABEL,
    WEEKDAY,
)

# --------------------------------------------------------------------------
# Whole-line rules. Each is matched against the complete (normalised) line;
# a rule's name only serves to explain a removal when auditing.
#
# Rules are split by cost. "Anchored" rules start with literal text and fail
# on the first few characters of a prose line, so every line may try them.
# "Keyword" rules look for a marker anywhere in the line (".{0,200}Sign Up");
# they only run on lines that hold one of the KEYWORDS markers. "Tiny" rules
# (credits and contacts without a marker word) only run on very short lines.
# That keeps the cleaner linear and fast on megabytes of text.
# --------------------------------------------------------------------------

# Labels, widgets and credits never run long; the limit protects paragraphs.
SHORT = 300

SHORT_ANCHORED: tuple[tuple[str, str], ...] = (
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
        rf"(?:{PICTURE_LABEL}\s*(?::\s*{CREDIT_TEXT}{{1,100}}|by {CREDIT_WORDS})\.?\s*){{1,3}}",
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
        rf"(?:Dr\.?\s+|Prof\.?\s+|Staff Sgt\.\s+|Sgt\.\s+|Capt\.\s+)?{NAME}"
        rf"(?:\s*(?:,|and|&)\s*{NAME})*"
        rf"(?:\s*(?:,|\||-|–|—|/|\bfor\b)\s*{CREDIT_WORDS})?\.?",
    ),
    (
        "byline",
        rf"[-–—]{{1,3}}\s*(?:{AGENCY}|{NAME}(?:\s+in\s+{NAME_TOKEN}(?: {NAME_TOKEN})?)?)\.?",
    ),
    (
        "signoff",
        rf"[a-z]{{1,4}}(?:/[a-z]{{1,4}})+(?:\s*\((?:{AGENCY}|[A-Za-z ]{{1,20}})"
        rf"(?:,\s*(?:{AGENCY}|[A-Za-z ]{{1,20}}))*\))?",
    ),
    ("signoff", rf"\((?:{AGENCY})\)"),
    (
        "signoff",
        rf"\(?{CREDIT_ROLE} by {CREDIT_LIST}(?:\s*;\s*{CREDIT_ROLE} by {CREDIT_LIST})*\)?\.?",
    ),
    (
        "signoff",
        rf"[-–—\s]*[Ww]ith (?:additional )?(?:reporting|assistance|contributions) (?:by|from) "
        rf"{CREDIT_WORDS}\.?",
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
        rf"tips? to)\b|Have a tip[^?]{{0,60}}\?).{{0,100}}?(?:{EMAIL}|{HANDLE}|(?i:twitter\.com))"
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
        rf"|We use cookies\b.{{0,300}}\b{COOKIE_WORDS}\b.*"
        r"|By (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site\b.*",
    ),
    # Timestamps of the page, not of the events.
    (
        "stamp",
        rf"[-–—\s]*(?:Last )?(?:[Uu]pdated|UPDATED|UPDATE|[Pp]ublished|[Pp]osted|First published"
        rf"|First posted|Modified)(?: on| at)?:?(?:\s+{DATE_WORD}){{0,9}}",
    ),
)

# Rules for lines of at most TINY characters that have no marker to look for:
# credits ("Sarah Tew/CNET", "NFL via Getty Images"), contact lines, domains.
TINY = 100
TINY_RULES: tuple[tuple[str, str], ...] = (
    ("credit", rf"[^.!?]{{0,60}}?(?:/\s*|\bvia\s+|\bfor\s+|^){PICTURE_AGENCY}\.?"),
    (
        "credit",
        r"(?:\d{4}\s+)?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
        r"(?:\s*/\s*[A-Z0-9][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}){1,3}",
    ),
    ("byline", rf"{NAME}\s*\|\s*{AGENCY}"),
    (
        "contact",
        rf"[-–—(\s]*(?:{NAME}\s*[•▪|,:-]?\s*)?(?:(?:Twitter|Email|E-mail|Phone|Tel|Instagram"
        rf"|Contact)\s*:?\s*)?(?:(?:{EMAIL}|{HANDLE}|{PHONE})[\s;,|•▪/]*(?:or\s+)?)+\)?\.?",
    ),
    (
        "url",
        r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io|tv|ly|co|uk|au|de|ca)/?",
    ),
)

# Rules that look for a marker anywhere in a line of at most SHORT characters.
SHORT_KEYWORD: tuple[tuple[str, str], ...] = (
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
    ("signoff", rf"{NAME} (?:writes|reports) for {CREDIT_WORDS}"),
    ("contact", r".{1,120}\bcan be reached (?:at|on|via|by)\b.{0,150}"),
    ("contact", rf"[^@]{{0,80}}{EMAIL}[^.!?@]{{0,40}}"),
    (
        "contact",
        rf".{{0,150}}\b(?:E-?mail|Twitter)\s*:\s*(?:{EMAIL}|{HANDLE}).{{0,100}}"
        rf"|[-–—]?\s*{NAME}\s*:\s*(?:{PHONE}|{EMAIL}).*"
        r"|.{0,100}\b[Ff]ollow (?:us |me |him |her )?(?:on Twitter )?(?:at )?@\w+\.?",
    ),
    (
        "contact",
        r".{0,200}\b(?:[Cc]ontact|[Rr]each|[Ee]-?mail|[Ff]ollow|[Cc]all) (?:her|him|me|us)\b"
        r".{0,80}?"
        rf"(?:{EMAIL}|{PHONE}|{HANDLE}|(?i:twitter\.com)).{{0,120}}",
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
ANY_ANCHORED: tuple[tuple[str, str], ...] = (
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
        rf"(?:{WEEKDAY} \(-?\d{{1,3}}°?/-?\d{{1,3}}°?\)"
        r" [A-Za-z-]+(?:/[A-Za-z-]+)*(?: [A-Za-z-]+(?:/[A-Za-z-]+)*)?? ){3,}.*",
    ),
    (
        "cookie",
        rf"(?:(?:This|Our) (?:web)?(?:site|page) uses|We use) cookies\b.{{0,300}}"
        rf"\b{COOKIE_WORDS}\b.{{0,600}}",
    ),
)

ANY_KEYWORD: tuple[tuple[str, str], ...] = (
    ("promo", r".{0,300}\bBy signing up,? you agree to receive\b.*"),
    (
        "markup",
        r".*\bfunction\s*\([^)]*\)\s*\{.*|\s*poster=\".*|.*</?(?:div|script|iframe|span)\b[^>]*>.*",
    ),
)

# A line is tried against the keyword rules only if it holds one of these
# markers (plain substring tests are far cheaper than any regex).
KEYWORDS = (
    ">", "›", "»", "|", "@", "/", "ollow us", "ike us", "Read ", "ights", "aption",
    "contributed", "writes for", "reports for", "reached", "ontact", "Sign ", "ubscrib",
    "Download", "sign in to", "avaScript", "avascript", "Copy this code", "Scribd",
    "By signing up", "function", "poster=", "<", "icensing", "icencing", "our mailing",
    "our newsletter", "our email", "our e-mail", "be charged",
)  # fmt: skip
# The markers of the keyword rules that also apply to long lines.
LONG_KEYWORDS = ("By signing up", "function", "poster=", "<")

# Recognising a web-archive page; inside one, crawl vocabulary marks a notice.
# Such pages are short; a long text (an article, or several joined) that merely
# quotes a notice only loses the notice itself.
ARCHIVE_PAGE_MAX = 5000
ARCHIVE_PAGE = re.compile(
    r"Alexa Internet has been donating|These crawls are part of an effort|Archive-?I[Tt] service"
    r"|The seed for (?:this crawl|Wide\d+)|Web wide crawl|WARC files associated|This crawl was run"
    r"|crawls? performed by IA|Crawl of outlinks from|These files are currently not publicly"
)
ARCHIVE_VOCAB = re.compile(
    r"(?i:\bcrawl(?:s|ed|er|ing)?\b|seed ?list|wayback|internet archive|archive dot org|heritrix"
    r"|\bwarc\b|\bdomains?\b|\bURLs?\b|\bwide\d+|data set\b|Number of (?:captures|hosts))"
)


def _combine(rules: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One alternation per rule set, so a line costs one regex call, not sixty."""
    parts = [f"(?P<{name}_{i}>{pattern})" for i, (name, pattern) in enumerate(rules)]
    return re.compile("|".join(parts))


SHORT_ANCHORED_LINE = _combine(SHORT_ANCHORED)
TINY_LINE = _combine(TINY_RULES)
SHORT_KEYWORD_LINE = _combine(SHORT_KEYWORD)
ANY_ANCHORED_LINE = _combine(ANY_ANCHORED)
ANY_KEYWORD_LINE = _combine(ANY_KEYWORD)
