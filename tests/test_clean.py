"""clean_text: web boilerplate goes, the article's own sentences stay.

Every test checks both sides: removing too little leaves junk "sentences" for
the summarizer, removing too much silently loses facts, which is worse.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsbrief.clean import clean_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "boilerplate"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
MULTINEWS = SHARED / "data" / "multinews_val.jsonl"

BEFORE = "The coalition said the wall was breached on Tuesday."
AFTER = "Thousands of civilians remain trapped in the city."


def paragraphs(text: str) -> list[str]:
    return clean_text(text).split("\n")


def seed(name_prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present (a fresh clone has no ../shared)")
    (path,) = SEEDS.glob(f"{name_prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def multinews_documents() -> list[str]:
    if not MULTINEWS.is_file():
        pytest.skip(
            "../shared/data/multinews_val.jsonl not present (a fresh clone has no ../shared)"
        )
    with MULTINEWS.open(encoding="utf-8") as lines:
        return [doc for line in lines for doc in json.loads(line)["documents"]]


# --------------------------------------------------------------------------
# One boilerplate line between two real sentences: the line goes, both stay.
# --------------------------------------------------------------------------

BOILERPLATE_LINES = {
    "navigation": [
        "Skip to content",
        "Skip to main menu",
        "1. Skip to content",
        "  3. Skip to more DW sites",
        "Share this",
        "Share this:",
        "Advertisement",
        "ADVERTISEMENT",
        "Advertisement Continue reading the main story",
        "Story Continued Below",
        "Read more",
        "Read More",
        "Related:",
        "Related: Syria's war in maps",
        "RELATED: How the battle for Raqqa unfolded",
        "► Related: Suspect arrested, officer ID'd in Wayne State police shooting",
        "Read more about: Mitt Romney, Women, Marco Rubio",
        "More: Nevada celebrates first legal recreation marijuana sales",
        "Read or Share this story: http://usat.ly/1gSeaZg",
        "[Spirit clinches home-field advantage in playoffs with 2-1 victory over Reign]",
        "(PHOTOS: Lois Lerner returns to the Hill)",
        "Text Size -",
    ],
    "image credits and captions": [
        "Image copyright Reuters",
        "Image caption The SDF has spent months encircling Raqqa",
        "Image copyright Getty Images Image caption The band broke up in 1980",
        "Image: Reuters/G. Tomasevic",
        "Photo: Getty Images",
        "Picture: Contributed",
        "(Photo by John Moore/Getty Images)",
        "Getty Images",
        "Source: Getty Images",
        "NFL via Getty Images",
        "Sarah Tew/CNET",
        "Photograph by Randy Olson",
        "Facebook Twitter Pinterest Photograph: Kevin Winter/Getty Images",
        "Enlarge this image toggle caption Bryan Bedder/Getty Images Bryan Bedder/Getty Images",
        "Media playback is unsupported on your device Media caption Robert Plant on the tracks",
        "Collin Rose (Photo: Wayne State University)",
        "Police scanning the submarine for clues. Photo: Johan Nilsson/TT",
        "A local resident clears snow from his driveway in Urbandale, Iowa. "
        "(AP Photo/Charlie Neibergall) (Associated Press)",
        "Keurig Green Mountain K-Cup coffee packs. (Joe Raedle/Getty Images)",
        "Copyright 2016 by WDIV ClickOnDetroit - All rights reserved.",
    ],
    "social widgets": [
        "Tweet with a location",
        "You can add location information to your Tweets, such as your city or precise "
        "location, from the web and via third-party applications. You always have the option "
        "to delete your Tweet location history. Learn more",
        "Share on Facebook",
        "Share on Facebook | Share on Twitter | Share on WhatsApp | Email",
        "share tweet pin email",
        "Follow us on Twitter",
        "Follow us on twitter.com/foxnewslatino",
        "Like us at facebook.com/foxnewslatino",
        "Follow Josh Feldman on Twitter: @feldmaniac",
        "Click to share on WhatsApp (Opens in new window)",
    ],
    "cookie and subscription notices": [
        "This site uses cookies.",
        "We use cookies to give you the best experience on our website. By continuing to "
        "browse the site you are agreeing to our use of cookies.",
        "Subscribe to our daily briefing",
        "Sign up for our newsletter",
        "Sign up for the Curbed NY newsletter Sign up for our daily email newsletter and get "
        "top stories and breaking news delivered to your inbox.",
        "Get news from the BBC in your inbox, each weekday morning",
        "Please enable Javascript to watch this video",
    ],
    "bylines and sign-offs": [
        "By John Smith",
        "By John Smith, Reuters",
        "BY JANE DOE",
        "By Dominic Casciani, BBC Home Affairs correspondent",
        "John Smith | AP",
        "Reporting by Jane Doe; Editing by John Smith",
        "(Reporting by David Lawder; Editing by Tom Heneghan)",
        "jm/rc (Reuters, AP, AFP, dpa)",
        "(AP)",
        "___",
        "* * *",
        "— Reuters",
        "Kyle Cheney contributed to this report.",
        "The Associated Press contributed to this report.",
        "Contributing: The Associated Press",
    ],
    "urls and contacts": [
        "https://s.gtool.pro:443/https/p.dw.com/p/2fs7e",
        "www.example.com/world/raqqa",
        "jane.doe@example.com",
        "Email: Daniel.Miller@THR.com",
        "Twitter: @DanielNMiller",
        "wkroustan@sunsentinel.com or 954-356-4303",
        "Write to Joann S. Lublin at joann.lublin@wsj.com",
        "Last updated at 6:04 PM on 20th October 2011",
        "Published on May 3, 2015",
    ],
    "notices of forms, videos and licences": [
        "Click below to sign the Petition.",
        "Click here to see the flyer",
        "ON A MOBILE DEVICE? CLICK HERE TO SEE THE VIDEO.",
        "PLEASE NOTE:",
        "You must confirm your signature in your email for your vote to count.",
        "You need to confirm your email address before you can comment.",
        "Thank you for signing the petition!",
        "Just fill in your contact details in the form below to join our mailing list and keep "
        "up to date with the project as it develops.",
        "JUST WATCHED Comey: We follow where the evidence takes us Replay More Videos ... "
        "MUST WATCH Comey: We follow where the evidence takes us 02:04",
        "This video is copyright protected!! This video is represented by Break.com - For any "
        "licensing requests please contact licensing@break.com",
        "“This video is represented by Example Media - For licensing inquiries, please contact "
        "us at the address below.”",
        "VIP Member Credits If you don't shop by the 5th, your credit card will be charged "
        "$49.95 on the 6th until you cancel.",
        "Shop or log into your account to skip the month by the 5th and you won't be charged.",
    ],
}


@pytest.mark.parametrize(
    "line",
    [pytest.param(line, id=f"{kind}: {line[:40]}") for kind, lines in BOILERPLATE_LINES.items()
     for line in lines],
)  # fmt: skip
def test_boilerplate_line_goes_and_neighbours_stay(line: str) -> None:
    assert paragraphs(f"{BEFORE}\n\n{line}\n\n{AFTER}") == [BEFORE, AFTER]


# Real sentences that mention the words the rules look for.
REAL_SENTENCES = [
    "Brett McGurk said on Twitter that breaching the wall was a key milestone.",
    "Like many on Twitter, she was outraged by the decision.",
    "Users can share photos on Facebook, the company said.",
    "The sets always included a variety of five food items such as a sandwich or a cookie.",
    "We use cookies in the recipe, she said.",
    "By Monday, the rebels had retreated from the city.",
    "By Christmas Eve, the city was empty.",
    "Related talks are due to begin in Kazakhstan on Tuesday.",
    "Follow-up strikes hit the northern districts.",
    "Subscribers to the service were notified by email.",
    "Advertisement revenue fell by 20 percent last year.",
    "Photographer Paul Conroy was smuggled across the border into Lebanon.",
    "Getty Images photographer John Moore won the award.",
    "Reuters Television footage showed smoke rising over the Old City.",
    "Copyright Office officials declined to comment.",
    "Share prices fell sharply on Monday.",
    "World leaders condemned the attack.",
    "Sign up sheets were posted at the mosque.",
    "The first widespread snowstorm of the season crawled across the Midwest on Thursday.",
    "Iraqis prepared to celebrate, Reuters reported.",
    'Mr Johnson told BBC Breakfast: "All that argument detracts from what they have done."',
    "Troy Tulowitzki has a tough name to spell, even at his own ballpark.",
    "UN - which has warned about the civilians - said on Tuesday that it was worried.",
    "US-backed forces – an alliance of militias – entered the city on Tuesday.",
    "UPDATE: Police say the suspect has been arrested.",
    # Near misses of the rules for pages that tell no story.
    "The Internet Archive's Wayback Machine shows that the page was edited in March.",
    "A crawl of outlinks from the site found 40 broken links, the researchers said.",
    "The files are currently not publicly accessible, a court spokesman said.",
    "The Dow Jones industrial average, an index of 30 stocks, fell 2 percent on Monday.",
    "Here's a sampling of the projects the city approved on Tuesday.",
    "The video is licensed by CNN, which declined to comment.",
    "For licensing reasons, the clip was removed from YouTube on Friday.",
    "This video is owned by the family, who shared it with reporters.",
    "Subscribers will be charged $10 a month until they cancel, the company said.",
    "Customers said their credit card was charged $49.95 each month until they cancelled.",
    "The band asked fans to join its mailing list before the tour.",
    "Thank you for supporting the campaign, Obama told volunteers in Chicago.",
    "You must confirm your registration at the county office by Oct. 9, officials said.",
    "Please note: the office will be closed on Monday.",
    "Clicking on the link installed the malware, investigators said.",
    "Cast members gathered on the red carpet on Sunday.",
    "The forecast calls for a high of 59 on Wednesday (57 on Thursday).",
    "The designations used by the agency do not imply any judgment, a spokesman said.",
    "About us, the neighbours said very little.",
    "Passengers were screened in Newark, Newark officials said, and released.",
]


@pytest.mark.parametrize("sentence", REAL_SENTENCES)
def test_real_sentences_survive(sentence: str) -> None:
    assert paragraphs(f"{BEFORE}\n{sentence}\n{AFTER}") == [BEFORE, sentence, AFTER]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("LONDON (AP) _ Former dictator Augusto Pinochet has been arrested.",
         "Former dictator Augusto Pinochet has been arrested."),
        ("BUENOS AIRES, Argentina _ Gen. Augusto Pinochet was arrested in London.",
         "Gen. Augusto Pinochet was arrested in London."),
        ("BEIRUT, July 4 (Meridian Wire) - US-backed fighters broke through the wall.",
         "US-backed fighters broke through the wall."),
        ("NEW YORK (Reuters) - Stocks fell sharply on Monday as investors fled.",
         "Stocks fell sharply on Monday as investors fled."),
        ("(CNN) -- A man was arrested on Tuesday after a long police chase.",
         "A man was arrested on Tuesday after a long police chase."),
        ("WASHINGTON — President Clinton expressed sympathy to Israel on Friday.",
         "President Clinton expressed sympathy to Israel on Friday."),
        ("ST. LOUIS (AP) _ The Cardinals won again on Tuesday night at home.",
         "The Cardinals won again on Tuesday night at home."),
        # Too little after it to be a dateline: left alone.
        ("PARIS - Short.", "PARIS - Short."),
    ],
)
def test_wire_datelines_are_removed(line: str, expected: str) -> None:
    assert clean_text(line) == expected


# --------------------------------------------------------------------------
# In-line repairs
# --------------------------------------------------------------------------


def test_caption_glued_to_start_of_line_is_cut_and_date_token_kept() -> None:
    text = (
        " date 2017-07-04 Image copyright Reuters Image caption The SDF, supported by US-led "
        "coalition air strikes, has spent months encircling Raqqa\n\n"
        "US-backed Syrian forces have breached the wall at Raqqa's Old City."
    )
    assert paragraphs(text) == [
        "date 2017-07-04",
        "US-backed Syrian forces have breached the wall at Raqqa's Old City.",
    ]


def test_leading_date_token_alone_passes_through() -> None:
    assert paragraphs("date 2017-07-04\nThe wall was breached.") == [
        "date 2017-07-04",
        "The wall was breached.",
    ]


def test_inline_urls_are_removed_and_the_sentence_kept() -> None:
    text = (
        "Demoski spoke to KTUU-TV (http://bit.ly/1QPO4MH ), saying he was returning home.\n"
        "MAKING AMERICA GREAT AGAIN! pic.twitter.com/iONbr1DkVk — Donald J. Trump "
        "(@realDonaldTrump) January 5, 2018"
    )
    assert paragraphs(text) == [
        "Demoski spoke to KTUU-TV, saying he was returning home.",
        "MAKING AMERICA GREAT AGAIN! — Donald J. Trump (@realDonaldTrump) January 5, 2018",
    ]


def test_photo_credit_inside_a_paragraph_is_cut() -> None:
    text = (
        "The mayor (Photo by John Moore/Getty Images) said the city would rebuild within a year, "
        "and officials agreed that the plan was sound and affordable for every resident."
    )
    assert clean_text(text) == (
        "The mayor said the city would rebuild within a year, "
        "and officials agreed that the plan was sound and affordable for every resident."
    )


def test_link_labels_go_with_their_links() -> None:
    text = (
        f"{BEFORE}\nMore info: http://www.myxfusions.com/\nCrew - https://instagram.com/x/\n{AFTER}"
    )
    assert paragraphs(text) == [BEFORE, AFTER]


def test_continue_reading_marker_is_cut_from_a_real_paragraph() -> None:
    text = "Continue reading the main story At the scene The bombardment has started in Binnish."
    assert paragraphs(text) == ["At the scene The bombardment has started in Binnish."]


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("the 2.5 kmRafiqah Wall", "the 2.5 km Rafiqah Wall"),
        ("as he saidThe talks failed", "as he said The talks failed"),
        ("arrived yesterdayThe minister", "arrived yesterday The minister"),
        ("hosted by IGC.org.These web captures", "hosted by IGC.org. These web captures"),
        ("That's 41 daysThe latest sighting", "That's 41 days The latest sighting"),
    ],
)
def test_words_glued_at_a_lost_line_break_are_split(glued: str, fixed: str) -> None:
    assert clean_text(glued) == fixed


@pytest.mark.parametrize(
    "word",
    ["McGurk", "iPhone", "YouTube", "MacArthur", "DeSantis", "PlayStation", "JavaScript",
     "LinkedIn", "eBay", "deGrom", "@realDonaldTrump", "#BrockTurnerisaRapist", "WikiLeaks",
     "vanHollen", "macOS", "mRNA"],
)  # fmt: skip
def test_camel_case_names_are_not_split(word: str) -> None:
    text = f"The post by {word} was shared widely."
    assert clean_text(text) == text


def test_spaces_are_collapsed_and_no_paragraph_is_empty() -> None:
    text = "\n\n  Lots   of\tspace\u00a0here.  \r\n\n\n \u200bNext para. \n   \n"
    assert clean_text(text) == "Lots of space here.\nNext para."


def test_empty_and_blank_input() -> None:
    assert clean_text("") == ""
    assert clean_text(" \n\t\n ") == ""
    assert clean_text("___\n* * *\n") == ""


# --------------------------------------------------------------------------
# Rules that look at a neighbouring line
# --------------------------------------------------------------------------


def test_lone_name_closing_the_article_is_a_byline() -> None:
    text = f"{BEFORE}\n\n{AFTER}\n\n  • Rogelio Becker\n"
    assert paragraphs(text) == [BEFORE, AFTER]


def test_name_lines_inside_the_article_stay() -> None:
    text = f"Adolf Eichmann\n{BEFORE}\nJohn Smith\n{AFTER}"
    assert paragraphs(text) == ["Adolf Eichmann", BEFORE, "John Smith", AFTER]


def test_a_lone_title_case_headline_is_not_taken_for_a_byline() -> None:
    # ingest asks clean_text about single candidate headline lines
    assert clean_text("Backed Forces Breach Wall") == "Backed Forces Breach Wall"


def test_caption_right_above_a_picture_credit_goes() -> None:
    text = (
        f"{BEFORE}\n\nSyrien Kurdische Kämpfer der YPG in Rakka\nImage: Reuters/G. Tomasevic\n\n"
        f"Civilians, retreat and talks\n\n{AFTER}"
    )
    assert paragraphs(text) == [BEFORE, "Civilians, retreat and talks", AFTER]


def test_link_titles_under_a_related_header_go() -> None:
    text = (
        f"{BEFORE}\n\nRelated Topics\nSyrian civil war\nIslamic State group\n\n"
        "More from Morning Mix:\n\nCanadian policeman offers heartfelt apology\n\n"
        f"{AFTER}"
    )
    assert paragraphs(text) == [BEFORE, AFTER]


def test_drop_cap_is_joined_to_its_word() -> None:
    text = "T\n\nhe most likely person to replace him is Rep. Tim Scott."
    assert clean_text(text) == "The most likely person to replace him is Rep. Tim Scott."


def test_web_archive_page_goes_entirely() -> None:
    text = (
        "Web wide crawl with initial seedlist and crawler configuration from March 2011.\n\n"
        "Crawl start date: 09 March, 2011\n\n"
        "If you would like access to this set of crawl data, please contact us.\n"
    )
    assert clean_text(text) == ""


# --------------------------------------------------------------------------
# Pages that tell no story: notices, index pages and forms clean to nothing
# --------------------------------------------------------------------------

_FOX_ITEM = (
    "Hunting Park Fire Displaces 18 People Hunting Park Fire Displaces 18 People "
    + "A fire has destroyed several homes in the Hunting Park section this morning, and "
    "eighteen people are now staying with relatives, officials said... " * 2
).strip()
_FOX_ITEM_2 = (
    "Rocky The Bobcat Back On The Loose In South Jersey Rocky The Bobcat Back On The Loose In "
    "South Jersey " + "South Jersey residents be on the lookout, as Rocky the bobcat is on the "
    "run! The animal escaped from his Stafford Township home once again. " * 2
).strip()
_TEASERS = "\n\n".join(
    f"Researchers found that {topic} may change how we think about the problem, according to "
    "a new ..."
    for topic in ["sleep", "coffee", "bees", "ice sheets", "dyslexia", "solar flares"]
)

NO_STORY_PAGES = {
    "web-archive crawl notice": (
        "Crawl of outlinks from wikipedia.org started March, 2016. These files are currently "
        "not publicly accessible. Properties of this collection. For the first time, did all "
        "the different wikis. This one, the seed list was built from all 865 collections."
    ),
    "video licensing notice": (
        "“This video is represented by Break.com - For any licensing requests please contact "
        "licensing@break.com”\n\nThis video is copyright protected!! This video is represented "
        "by Break.com - For any licensing requests please contact licensing@break.com"
    ),
    "local TV headline index": (
        f"Local News More>>\n\n{_FOX_ITEM}\n\n{_FOX_ITEM_2}\n\n"
        "STORMY MORNING Wednesday (59/53) Clouds/Showers Thursday (57/48) Clouds/Showers Friday "
        "(63/50) Sun Saturday (66/48) Sun/Clouds Many of us woke to the sound of thunder.\n\n"
        "Coach of football team suspended Coach of football team suspended The central New "
        "Jersey town rocked by abuse allegations could soon learn more."
    ),
    "digest of cut-off teasers with an about-this-site footer": (
        f"{_TEASERS}\n\nadvertisement\n\nMost Popular Stories this week\n\n"
        "Strange & Offbeat Stories\n\nAbout this Site\n\n"
        "ExampleDaily features breaking news about the latest discoveries in science.\n\n"
        "For more information about ExampleDaily, please consult the links below."
    ),
    "United Nations map disclaimer": (
        "The designations employed and the presentation of material on the map do not imply the "
        "expression of any opinion whatsoever on the part of UNFPA concerning the legal status "
        "of any country, territory, city or area or its authorities, or concerning the "
        "delimitation of its frontiers or boundaries. The dotted line represents approximately "
        "the Line of Control\n\nin Jammu and Kashmir agreed upon by India and Pakistan. The "
        "final status of Jammu and Kashmir has not yet been agreed upon by the parties."
    ),
    "mailing-list form": (
        "Just fill in your contact details in the form below to join our mailing list and keep "
        "up to date with the Good Country as it develops."
    ),
    "petition form": (
        "Thank you for supporting the campaign to make Juneteenth a National Holiday.\n\n"
        "Click below to sign the Petition.\n\n.\n\nPLEASE NOTE:\n\n"
        "You must confirm your signature in your email for your vote to count."
    ),
    "membership billing terms": (
        'Shop or "Skip" The choice to shop is always yours! Shop or log into your account to '
        '"Skip the Month" by the 5th of the month and you won\'t be charged.\n\n'
        'VIP Member Credits If you don\'t shop or "Skip the Month" by the 5th, your credit card '
        "will be charged $49.95 on the 6th until you cancel. That charge can be used as a credit."
    ),
}


@pytest.mark.parametrize("kind", sorted(NO_STORY_PAGES))
def test_page_that_tells_no_story_cleans_to_nothing(kind: str) -> None:
    assert clean_text(NO_STORY_PAGES[kind]) == ""


def test_index_items_go_and_the_article_on_the_same_page_stays() -> None:
    text = f"{BEFORE}\n\nMost Popular Stories More>>\n\n{_FOX_ITEM}\n\n{_FOX_ITEM_2}\n\n{AFTER}"
    assert paragraphs(text) == [BEFORE, AFTER]
    text = f"{BEFORE}\n\n{_TEASERS}\n\n{AFTER}"
    assert paragraphs(text) == [BEFORE, AFTER]


@pytest.mark.parametrize(
    "text",
    [
        # One paragraph scraped twice is no index page.
        f"{BEFORE}\n{_FOX_ITEM}\n{AFTER}",
        # A paywall cuts the last paragraph off: the article stays whole.
        f"{BEFORE}\n{AFTER}\nThe senator said the review would take months, and that the White "
        "House would ...",
        # A few trailing-off quotes do not make a digest.
        "\n".join(f'"{word} was the word ..." she said, and {word} it was, they ...'
                  for word in ["Wait", "Maybe", "Later"]) + f"\n{BEFORE}\n{AFTER}\n{BEFORE}",
        # A repeated phrase opening a paragraph is prose outside an index page.
        "The Two Eagles website, The Two Eagles website, includes live tracking of the balloon.",
        # An "About us" header with a long text after it is no footer.
        f"{BEFORE}\nAbout Us\n" + "\n".join([AFTER] * 30),
    ],
)  # fmt: skip
def test_index_page_rules_leave_articles_alone(text: str) -> None:
    expected = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert paragraphs(text) == expected


def test_credits_list_of_a_video_goes_and_its_caption_stays() -> None:
    text = (
        "I TOLD YOU KAZAAM WAS A DIFFERENT MOVIE!\n\nCAST\n\nSinbad\n\n"
        "James - Bradley Bundlie\n\nCREW\n\nDirector - Ryan Anthony Martin & Royce Adkins\n\n"
        "Production Accountant - Shay Parsons\n\n"
        "The video was posted on April 1 and has been viewed a million times."
    )
    assert paragraphs(text) == [
        "I TOLD YOU KAZAAM WAS A DIFFERENT MOVIE!",
        "The video was posted on April 1 and has been viewed a million times.",
    ]


# --------------------------------------------------------------------------
# Real excerpts from Multi-News (tests/fixtures/boilerplate)
# --------------------------------------------------------------------------

FIXTURE_CASES = {
    "ap_gallery_captions.txt": (
        ["(Associated Press)", "Steve Gordon of Madison", "Fans wear shirts", "AP Photo"],
        ["Travelers facing canceled flights and closed roads were hoping to finally head",
         "Troy Tulowitzki has a tough name to spell, even at his own ballpark.",
         "The Colorado Rockies gave out 15,000 replica jerseys"],
    ),
    "bbc_captions_byline.txt": (
        ["Image copyright", "Image caption", "Attackers Khuram Butt (left)", "By Dominic Casciani",
         "Get news from the BBC"],
        ["The Metropolitan Police have defended a decision to downgrade an inquiry",
         "The two other perpetrators were not known to security services.",
         "Analysis: Khuram Butt showed his extremist colours",
         'Mr Johnson told BBC Breakfast: "All that argument detracts'],
    ),
    "contact_lines.txt": (
        ["contributed to this report", "Daniel.Miller@THR.com", "@DanielNMiller", "George Rede",
         "grede@oregonian.com", "503-294-4004", "@georgerede"],
        ["Before the Top Gun sequel, Scott was expected to direct Narco Sub",
         'Paul Thompson, a Portland lawyer representing the Bowman-Cryers, said, "My clients'],
    ),
    "guardian_credits.txt": (
        ["Facebook Twitter Pinterest", "Kevin Winter/Getty Images", "Read more",
         "Chinese tourists gawk"],
        ["1. Faye Dunaway and Warren Beatty emerge from the back of the stage",
         "2. A close-up photograph shows Beatty is clearly carrying a winner’s envelope",
         "It is the first time that Pyongyang has issued an explicit threat to Japan"],
    ),
    "javascript_notice.txt": (
        ["JavaScript"],
        ["Syria Red Crescent bid to rescue Homs journalists fails",
         "Fresh attempts to evacuate two wounded Western journalists from Homs in Syria have "
         "failed, the Red Cross says."],
    ),
    "npr_toggle_caption.txt": (
        ["toggle caption", "Bryan Bedder"],
        ["Mobb Deep's Prodigy Dies At 42", "Prodigy, one-half of iconic New York rap duo"],
    ),
    "nyt_ads_newsletter.txt": (
        ["Advertisement", "Continue reading the main story", "Newsletter Sign Up",
         "not a robot"],
        ["In many states, extensive scientific instruction does not begin until high school.",
         "While thousands of schools in the United States already teach climate change",
         "Advocates of climate literacy hailed the new standards"],
    ),
    "politico_promos.txt": (
        ["Story Continued Below", "POLITICO Huddle", "By signing up", "Kyle Cheney"],
        ["For Republicans on Capitol Hill, Donald Trump may finally have gone too far.",
         "“I hope Director Comey testifies before Congress as soon as possible,”",
         '"Congress needs to see the Comey memo," Sen. Jeff Flake (R-Ariz.) tweeted'],
    ),
    "related_links.txt": (
        ["More from Morning Mix", "Oakland’s inferno", "Nickelback", "Harper Lee"],
        ["Similar operations have been busted in Accra, including one in January"],
    ),
    "reuters_signoffs.txt": (
        ["Reporting by", "Editing by", "READ ALSO", "Johan Nilsson/TT",
         "Police scanning the submarine"],
        ["Another Democratic amendment to let all Americans earn paid sick leave passed",
         "After Wall failed to return home following her interview on August 10th"],
    ),
    "slate_photo_credit.txt": (
        ["Photo illustration by Slate", "Ethan Miller/Getty Images"],
        ["To this besieged White House, the Stephanie Clifford (aka Stormy Daniels"],
    ),
    "twitter_notices.txt": (
        ["Tweet with a location", "location information", "Add a location to your Tweets",
         "Twitter stores that location", "pic.twitter.com"],
        ["Damn man.... Life is a gift.",
         "Rest In Paradise young Blood @PRODIGYMOBBDEEP can't believe you gone",
         "— Ghostface Killah (@GhostfaceKillah) June 20, 2017",
         "RIP PRODIGY sleep well king... — ghost (@therealstylesp) June 20, 2017"],
    ),
    "usatoday_teasers.txt": (
        ["(Photo: Wayne State University)", "► Update", "► Related", "Read or Share",
         "freep.com", "Contact David Jesse", "313-222-8851"],
        ["Wayne State University Police K9 Officer Collin Rose has died of injuries",
         "Rose is the first Wayne State officer to be killed in the line of duty.",
         "The 29-year-old police officer was shot in the head Tuesday evening"],
    ),
    "web_archive_crawl.txt": (["Wide00014", "inter-domain", "URLs"], []),
    "web_archive_notices.txt": (
        ["Alexa Internet", "Wayback", "not publicly accessible", "could not be found",
         "bookmark", "webmaster"],
        [],
    ),
    "youtube_description.txt": (
        ["Published on", "Subscribe NOW", "http", "Follow Jimmy", "Like Jimmy", "Get more",
         "NBC YouTube", "Google+"],
        ["Jimmy gets a surprise visit from Daenerys Targaryen, and they talk about her crazy life.",
         "Watch The Tonight Show Starring Jimmy Fallon Weeknights 11:35/10:35c",
         "The Tonight Show Starring Jimmy Fallon features hilarious highlights"],
    ),
}  # fmt: skip


def test_every_fixture_has_a_case() -> None:
    assert sorted(path.name for path in FIXTURES.glob("*.txt")) == sorted(FIXTURE_CASES)


@pytest.mark.parametrize("name", sorted(FIXTURE_CASES))
def test_multinews_excerpt(name: str) -> None:
    gone, kept = FIXTURE_CASES[name]
    cleaned = clean_text((FIXTURES / name).read_text(encoding="utf-8"))
    for fragment in gone:
        assert fragment not in cleaned, fragment
    for fragment in kept:
        assert fragment in cleaned, fragment
    if not kept:  # a page that is nothing but a notice cleans to nothing
        assert cleaned == ""


@pytest.mark.parametrize("name", sorted(FIXTURE_CASES))
def test_cleaning_twice_changes_nothing(name: str) -> None:
    once = clean_text((FIXTURES / name).read_text(encoding="utf-8"))
    assert clean_text(once) == once


# --------------------------------------------------------------------------
# The founding example (../shared/seeds)
# --------------------------------------------------------------------------


def test_seed_000_has_no_boilerplate_and_loses_nothing() -> None:
    text = seed("000")
    expected = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert paragraphs(text) == expected


def test_seed_001_closing_byline_bullet_goes() -> None:
    cleaned = clean_text(seed("001"))
    assert "Rogelio Becker" not in cleaned
    assert "•" not in cleaned
    for sentence in [
        "Backed forces breach wall around Raqqa's Old City",
        "The Syrian Democratic Fighters - a militia of rebel groups led by Kurdish YPG "
        "fighters - breached the Rafiqah wall, which surrounds the Old City, on Monday.",
        "The city was the scene of some of the group's worst atrocities, including public "
        "beheadings.",
        "The advances in Raqqa come as the Islamic State faces imminent defeat in the streets "
        "of the Old City of Mosul.",
    ]:
        assert sentence in cleaned.split("\n")


def test_seed_002_glued_caption_goes_and_body_stays() -> None:
    lines = paragraphs(seed("002"))
    assert lines[0] == "date 2017-07-04"
    cleaned = "\n".join(lines)
    for fragment in ["Image copyright", "Image caption", "encircling Raqqa"]:
        assert fragment not in cleaned
    for sentence in [
        "The SDF, supported by US-led coalition air strikes, has spent months encircling the city.",
        'IS seized Raqqa in 2014, proclaiming it the capital of a "caliphate".',
        "It is believed that up to 100,000 people are trapped by the fighting. Reports continue "
        "to emerge of IS militants preventing civilians from fleeing.",
    ]:
        assert sentence in lines


def test_seed_003_glued_unit_is_split_and_the_rest_untouched() -> None:
    text = seed("003")
    lines = paragraphs(text)
    assert "kmRafiqah" not in "\n".join(lines)
    expected = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    expected = [line.replace("2.5 kmRafiqah", "2.5 km Rafiqah") for line in expected]
    assert lines == expected
    assert any("the 2.5 km Rafiqah Wall around Raqqa’s Old City" in line for line in lines)
    assert any("Brett McGurk, said on Twitter" in line for line in lines)


def test_seed_004_dw_navigation_credit_url_and_signoff_go() -> None:
    lines = paragraphs(seed("004"))
    cleaned = "\n".join(lines)
    for fragment in [
        "Skip to",
        "Conflicts",
        "https://",
        "p.dw.com",
        "Image: Reuters",
        "Tomasevic",
        "Syrien Kurdische",
        "jm/rc",
        "(Reuters, AP, AFP, dpa)",
    ]:
        assert fragment not in cleaned, fragment
    assert lines[:2] == ["US-backed forces breach Raqqa's old city wall", "July 4, 2017"]
    for sentence in [
        "US-backed Syrian Democratic Forces (SDF) opened the two small gaps in the Rafiqah Wall "
        "which has allowed them to avoid areas where IS fighters had planted mines and placed "
        "snipers.",
        "Civilians, retreat and talks",
        "The Iraqi army claims just a couple of hundred IS militants remain in Mosul.",
        "Thousands of people have fled Mosul's densely-populated Old City in recent days, "
        "according to Iraqi state television.",
    ]:
        assert sentence in lines
    assert lines[-1].startswith("Thousands of people have fled Mosul's")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_clean_to_a_fixed_point(prefix: str) -> None:
    once = clean_text(seed(prefix))
    assert clean_text(once) == once


# --------------------------------------------------------------------------
# The whole Multi-News sample (../shared/data/multinews_val.jsonl)
# --------------------------------------------------------------------------


def test_multinews_boilerplate_is_gone_and_content_kept() -> None:
    documents = multinews_documents()
    cleaned = [clean_text(doc) for doc in documents]
    joined = "\n".join(cleaned)
    for fragment in [
        "Tweet with a location",
        "Skip to content",
        "Image copyright",
        "Continue reading the main story",
        "Alexa Internet has been donating",
        "Story Continued Below",
        "By signing up you agree",
        "Please enable Javascript",
        "Read or Share this story",
    ]:
        assert fragment not in joined, fragment
    for sentence in [
        "The sets always included a variety of five food items such as a sandwich or a cookie",
        "Trump has regularly boasted on Twitter that the stock market rise",
        "The two journalists Megevand-Roggo was referencing were British photographer Paul Conroy",
        "Sergeant Kim Riley said on Twitter that investigators were still working",
        "The Miss Universe Twitter account quickly let the Oscars know they felt their pain.",
    ]:
        assert sentence in joined, sentence
    # Measured: about 3.9% of the non-space characters are boilerplate. A jump
    # means content is being dropped; a fall means boilerplate got through.
    before = sum(len("".join(doc.split())) for doc in documents)
    after = sum(len("".join(doc.split())) for doc in cleaned)
    removed = 1 - after / before
    assert 0.025 < removed < 0.06, removed


def _is_index_page_furniture(line: str) -> bool:
    """Items of index pages: teasers cut off, or printed twice, and weather widgets."""
    return (
        line.endswith(("...", "…"))
        or line[-80:] in line[:-80]
        or re.match(r"(.{15,200}?) \1 ", line) is not None
        or re.match(r"(?:[A-Z]+ )*\w+day \(\d+/\d+\)", line) is not None
    )


def test_multinews_long_prose_paragraphs_are_never_dropped() -> None:
    # A long paragraph ending a sentence is prose, unless it is one of the
    # verbatim notices found in Multi-News (web archive, NYT newsletter box),
    # an item of an index page, or in an "About this Site" footer.
    notices = ("crawl", "Crawl of outlinks", "Newsletter Sign Up")
    for doc in multinews_documents():
        cleaned = "".join(clean_text(doc).split())  # spaces may be added between glued words
        in_footer = False
        for line in doc.splitlines():
            line = " ".join(re.sub("[\u200b-\u200d\u2060\ufeff\u00ad]", "", line).split())
            in_footer = in_footer or line == "About this Site"
            middle = "".join(line[len(line) // 2 :][:50].split())  # clear of edits at the ends
            if len(line) > 300 and line.endswith((".", '"', "”")) and middle not in cleaned:
                assert (
                    any(notice in line for notice in notices)
                    or _is_index_page_furniture(line)
                    or in_footer
                ), line[:120]


def test_multinews_pages_that_tell_no_story_clean_to_nothing() -> None:
    # 45 documents were only a web-archive or Twitter notice; 9 more are notice,
    # index and form pages (crawl of outlinks, video licence, two local-TV
    # headline indexes, a science-news teaser digest, a UN map disclaimer, a
    # mailing-list form, a petition form, membership billing terms).
    cleaned = [clean_text(doc) for doc in multinews_documents()]
    assert sum(1 for text in cleaned if not text) == 54


# --------------------------------------------------------------------------
# Large and pathological input (speed itself is measured by `make bench`, not here)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Aa /" * 80, "By " + "/A. " * 80, "x. Photo: " + "A." * 60, "http://x.com/ " + "a." * 20000,
     "Reporting by " + "Aa and " * 40, "(" * 500 + "http://x.com/" + ")" * 500,
     "Ab " * 1600, "Fire Kills Two " * 300, "Mon (1/2) Sun " * 300, "new ...\n" * 5000],
)  # fmt: skip
def test_pathological_lines_complete(line: str) -> None:
    # These once made regexes backtrack for minutes; finishing at all is the test.
    assert isinstance(clean_text(line), str)


def test_five_megabytes_clean() -> None:
    chunk = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt")))
    copies = 5_000_000 // len(chunk) + 1
    cleaned = clean_text("\n\n".join([chunk] * copies))
    assert cleaned.count(clean_text(chunk)) == copies


def test_a_line_emptied_by_inline_repairs_is_dropped() -> None:
    # Found by the story-grouping benchmark: once raised IndexError.
    assert clean_text("Photo Continue reading the main story") == ""
    assert clean_text("Photo Continue reading the main story\nReal text stays here.") == (
        "Real text stays here."
    )


# --------------------------------------------------------------------------
# The gates of the engine (keyword markers, in-line hints, the "About" look,
# the length limits of index-page items) against the ungated rules
# --------------------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "raqqa"
DUC = SHARED / "data" / "duc2003_task2.jsonl"


def _documents_of(path: Path) -> list[str]:
    """The article texts of a JSON Lines file of stories (strings or objects with 'text')."""
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            for doc in json.loads(line).get("documents", []):
                texts.append(doc if isinstance(doc, str) else doc.get("text", ""))
    return texts


def _files_of(folder: Path) -> list[str]:
    return [
        p.read_text(encoding="utf-8")
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.upper().startswith("README")
    ]


def _assert_gates_change_nothing(texts: list[str]) -> None:
    from newsbrief.clean.engine import triage

    assert texts
    for number, text in enumerate(texts):
        assert triage(text) == triage(text, fast=False), f"document {number}"


def test_gated_cleaning_equals_ungated_rules_on_bundled_documents() -> None:
    _assert_gates_change_nothing(_files_of(EXAMPLE) + _files_of(FIXTURES))


@pytest.mark.parametrize("path", [SEEDS, MULTINEWS, DUC], ids=["seeds", "multinews_val", "duc2003"])
def test_gated_cleaning_equals_ungated_rules_on_shared_documents(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared data sets live outside the repository)")
    _assert_gates_change_nothing(_files_of(path) if path.is_dir() else _documents_of(path))
