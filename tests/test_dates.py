"""Date expressions found and resolved for the timeline (newsbrief.facts.dates)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from newsbrief.facts.dates import DateFinder, DateMention

SHARED = Path(__file__).resolve().parents[2] / "shared"
PUBLISHED = dt.date(2017, 7, 4)  # a Tuesday, the publication date of the Raqqa seeds
D = dt.date
P = PUBLISHED

# (sentence, published, expected [(text, date, precision)])
CASES: list[tuple[str, dt.date | None, list[tuple[str, dt.date, str]]]] = [
    # Weekdays: the latest such day on or before publication, the publication day included.
    ("The command said in a statement on Tuesday.", P, [("on Tuesday", D(2017, 7, 4), "day")]),
    ("Fighters breached the wall Monday.", P, [("Monday", D(2017, 7, 3), "day")]),
    ("On Sunday, they crossed the river.", P, [("On Sunday", D(2017, 7, 2), "day")]),
    ("The city fell on Wednesday.", P, [("on Wednesday", D(2017, 6, 28), "day")]),
    ("Monday's attack killed five people.", P, [("Monday", D(2017, 7, 3), "day")]),
    ("It began last Monday.", P, [("last Monday", D(2017, 7, 3), "day")]),
    ("They met last Tuesday.", P, [("last Tuesday", D(2017, 6, 27), "day")]),
    ("Talks resume next Monday.", P, [("next Monday", D(2017, 7, 10), "day")]),
    # A weekday with its date: the date when the weekday agrees, the weekday rule otherwise.
    ("It said on Tuesday (4 July) that", P, [("on Tuesday (4 July)", D(2017, 7, 4), "day")]),
    ("It said on Tuesday (4 June) that", P, [("on Tuesday (4 June)", D(2017, 7, 4), "day")]),
    ("On Sunday, July 2, they crossed.", P, [("On Sunday, July 2", D(2017, 7, 2), "day")]),
    ("Photo taken Saturday, March 23, 2013.", P,
     [("Saturday, March 23, 2013", D(2013, 3, 23), "day")]),
    # Relative words and spans.
    ("He arrived yesterday.", P, [("yesterday", D(2017, 7, 3), "day")]),
    ("The talks open today.", P, [("today", D(2017, 7, 4), "day")]),
    ("Clashes erupted last night.", P, [("last night", D(2017, 7, 3), "day")]),
    ("Last week, the SDF said it had encircled IS.", P, [("Last week", D(2017, 6, 26), "week")]),
    ("They met this week.", P, [("this week", D(2017, 7, 3), "week")]),
    ("It was agreed earlier this month.", P, [("earlier this month", D(2017, 7, 1), "month")]),
    ("It was agreed last month.", P, [("last month", D(2017, 6, 1), "month")]),
    ("It was agreed last year.", P, [("last year", D(2016, 1, 1), "year")]),
    # The long tail, resolved by dateparser.
    ("It fell two weeks ago.", P, [("two weeks ago", D(2017, 6, 19), "week")]),
    ("It fell 3 days ago.", P, [("3 days ago", D(2017, 7, 1), "day")]),
    ("It fell a month ago.", P, [("a month ago", D(2017, 6, 1), "month")]),
    ("It fell a couple of years ago.", P, [("a couple of years ago", D(2015, 1, 1), "year")]),
    # Absolute dates.
    ("The offensive began on 6 June.", P, [("on 6 June", D(2017, 6, 6), "day")]),
    ("The offensive began June 6.", P, [("June 6", D(2017, 6, 6), "day")]),
    ("They are due to meet on 10 July.", P, [("on 10 July", D(2017, 7, 10), "day")]),
    ("It opened on 20 July.", P, [("on 20 July", D(2016, 7, 20), "day")]),
    ("It was signed July 4, 2017, in Geneva.", P, [("July 4, 2017", D(2017, 7, 4), "day")]),
    ("It was signed 4 July 2017.", P, [("4 July 2017", D(2017, 7, 4), "day")]),
    ("date 2017-07-04 Image copyright", P, [("2017-07-04", D(2017, 7, 4), "day")]),
    ("Filed Jan. 6 and Sept. 11, 2001.", P,
     [("Jan. 6", D(2017, 1, 6), "day"), ("Sept. 11, 2001", D(2001, 9, 11), "day")]),
    ("They celebrated the Fourth of July.", P, [("Fourth of July", D(2017, 7, 4), "day")]),
    # Months and years.
    ("The offensive began in October 2016.", P, [("in October 2016", D(2016, 10, 1), "month")]),
    ("They have advanced since November.", P, [("since November", D(2016, 11, 1), "month")]),
    ("At least 173 were killed in June.", P, [("in June", D(2017, 6, 1), "month")]),
    ("Votes are due in May.", P, [("in May", D(2017, 5, 1), "month")]),
    ("The group captured the city in 2014.", P, [("in 2014", D(2014, 1, 1), "year")]),
    ("It has grown since 2014 and will double by 2015.", P,
     [("since 2014", D(2014, 1, 1), "year"), ("by 2015", D(2015, 1, 1), "year")]),
    ("Work stops by mid-2016 and resumes in early 2015.", P,
     [("by mid-2016", D(2016, 1, 1), "year"), ("in early 2015", D(2015, 1, 1), "year")]),
    ("He served from 2010 to 2014.", P,
     [("from 2010", D(2010, 1, 1), "year"), ("2014", D(2014, 1, 1), "year")]),
    ("It happened in the summer of 2014.", P, [("2014", D(2014, 1, 1), "year")]),
    # Not dates.
    ("The curfew starts at 5 p.m.", P, []),
    ("During three years of jihadi rule, it changed.", P, []),
    ("It is the culmination of a nearly eight-month campaign.", P, []),
    ("He was jailed for six years at the age of 45.", P, []),
    ("Prices rose 20 percent, to 2,500 points.", P, []),
    ("The flood left 2014 people homeless.", P, []),
    ("A total of 2014 votes were cast.", P, []),
    ("The fund holds $2014 million.", P, []),
    ("They may attack the city.", P, []),
    ("May I ask a question?", P, []),
    ("Thousands will march on the capital.", P, []),
    ("The letter was signed by May and read out in parliament.", P, []),
    ("The Mail on Sunday and the Sunday Times reported it on Good Friday.", P, []),
    ("He told USA Today that the show would go on.", P, []),
    ("She told \"Today\" that she would sue.", P, []),
    ("Fighting has intensified in the last week.", P, []),
    ("He goes to the mosque every Friday.", P, []),
    ("The ice age ended 10,000 years ago.", P, []),
    ("A party in June Carter's house.", P, []),
    # Without a publication date only expressions that carry their year resolve.
    ("The group captured the city in 2014.", None, [("in 2014", D(2014, 1, 1), "year")]),
    ("The offensive began in October 2016.", None, [("in October 2016", D(2016, 10, 1), "month")]),
    ("It was signed July 4, 2017, in Geneva.", None, [("July 4, 2017", D(2017, 7, 4), "day")]),
    ("date 2017-07-04 Image copyright", None, [("2017-07-04", D(2017, 7, 4), "day")]),
    ("It said on Tuesday, July 4, 2017, that", None,
     [("on Tuesday, July 4, 2017", D(2017, 7, 4), "day")]),
    ("The command said in a statement on Tuesday.", None, []),
    ("Last week, the SDF said it had encircled IS.", None, []),
    ("They have advanced since November.", None, []),
    ("The offensive began on 6 June.", None, []),
    ("It fell two weeks ago, yesterday.", None, []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES)
def test_find(
    sentence: str, published: dt.date | None, expected: list[tuple[str, dt.date, str]]
) -> None:
    mentions = DateFinder().find(sentence, published)
    assert [(m.text, m.date, m.precision) for m in mentions] == expected
    for mention in mentions:
        assert sentence[mention.start : mention.end] == mention.text


def test_mention_is_frozen() -> None:
    mention = DateFinder().find("in 2014", None)[0]
    assert isinstance(mention, DateMention)
    with pytest.raises(AttributeError):
        mention.text = "x"  # type: ignore[misc]


def test_resolutions_are_cached() -> None:
    finder = DateFinder()
    sentence = "On Monday, since November, in 2014, on 6 June and last week."
    first = finder.find(sentence, PUBLISHED)
    assert finder.find(sentence, PUBLISHED) == first
    assert len(finder._cache) == 5


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("It fell two weeks ago.", PUBLISHED, (D(2017, 6, 19), "week")),
        ("It fell 3 days ago.", PUBLISHED, (D(2017, 7, 1), "day")),
        # The month before 31 March is February, however short.
        ("It opened a month ago.", D(2017, 3, 31), (D(2017, 2, 1), "month")),
        ("It opened 14 months ago.", D(2017, 1, 15), (D(2015, 11, 1), "month")),
        ("It opened a year ago.", D(2016, 2, 29), (D(2015, 1, 1), "year")),
        ("It opened two decades ago.", PUBLISHED, (D(1997, 1, 1), "year")),
    ],
)
def test_ago_is_calendar_arithmetic(sentence, published, expected) -> None:
    [mention] = DateFinder().find(sentence, published)
    assert (mention.date, mention.precision) == expected


def test_ago_before_year_one_is_dropped() -> None:
    assert DateFinder().find("It began 999 decades ago.", PUBLISHED) == []


def test_find_all_matches_find_and_skips_dateless_sentences() -> None:
    sentences = ["No date.", "It opened on 6 June.", "Two months ago it shut.", "İzmir, today."]
    published = [PUBLISHED, PUBLISHED, PUBLISHED, D(2017, 7, 5)]
    found = DateFinder().find_all(sentences, published)
    assert sorted(found) == [1, 2, 3]
    for row, mentions in found.items():
        assert mentions == DateFinder().find(sentences[row], published[row])
    assert found[3][0].date == D(2017, 7, 5)


def _sentences(text: str) -> list[str]:
    return [part for line in text.splitlines() for part in line.split(". ") if part.strip()]


def test_seed_articles() -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not present")
    finder = DateFinder()
    found: list[DateMention] = []
    for path in sorted(seeds.glob("*.txt")):
        for sentence in _sentences(path.read_text(encoding="utf-8")):
            found.extend(finder.find(sentence, PUBLISHED))
    expected = [
        ("on 6 June", D(2017, 6, 6), "day"),
        ("in 2014", D(2014, 1, 1), "year"),
        ("October 2016", D(2016, 10, 1), "month"),
        ("on Tuesday", D(2017, 7, 4), "day"),
        ("on Monday", D(2017, 7, 3), "day"),
        ("since November", D(2016, 11, 1), "month"),
        ("Last week", D(2017, 6, 26), "week"),  # the Monday of the week before publication
    ]
    for phrase, date, precision in expected:
        hits = [m for m in found if phrase.lower() in m.text.lower()]
        assert hits, phrase
        assert {(m.date, m.precision) for m in hits} == {(date, precision)}, phrase


def test_no_false_positive_shapes_on_multinews() -> None:
    """Every mention over real, noisy news pages is well formed and looks like a date."""
    path = SHARED / "data" / "multinews_val.jsonl"
    if not path.is_file():
        pytest.skip("../shared/data/multinews_val.jsonl not present")
    finder = DateFinder()
    shape = re.compile(
        r"(?i)(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat"
        r"|sun)|yesterday|today|tonight|week|month|year|night|morning|afternoon|evening|ago"
        r"|(?:19|20)\d\d)"
    )
    count = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            for document in json.loads(line)["documents"]:
                for sentence in _sentences(document):
                    for mention in finder.find(sentence, PUBLISHED):
                        count += 1
                        assert sentence[mention.start : mention.end] == mention.text
                        assert shape.search(mention.text), mention
                        assert not mention.text.startswith(("may ", "march ")), mention
                        assert dt.date(1900, 1, 1) <= mention.date <= dt.date(2100, 1, 1)
                        if mention.precision == "week":
                            assert mention.date.weekday() == 0
                        elif mention.precision == "month":
                            assert mention.date.day == 1
                        elif mention.precision == "year":
                            assert (mention.date.month, mention.date.day) == (1, 1)
                        else:
                            assert mention.precision == "day"
                            assert mention.date <= PUBLISHED + dt.timedelta(days=7) or (
                                re.search(r"(?:19|20)\d\d|next|coming", mention.text)
                            ), mention
    assert count > 1000


def test_published_may_be_a_datetime() -> None:
    mentions = DateFinder().find("It opened on 20 July.", dt.datetime(2017, 7, 4, 18, 30))
    assert [(m.text, m.date) for m in mentions] == [("on 20 July", D(2016, 7, 20))]
