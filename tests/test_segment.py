"""Sentence splitting on the cases that break naive splitters in news copy."""

from __future__ import annotations

import pytest

from newsbrief.segment import split_paragraphs, split_sentences

CASES = [
    # Titles and ranks never end a sentence.
    (
        "Brig. Gen. John Smith and Lt. Col. Jane Doe arrived. They spoke.",
        ["Brig. Gen. John Smith and Lt. Col. Jane Doe arrived.", "They spoke."],
    ),
    (
        "Gov. Andrew Cuomo met Sen. Elizabeth Warren and Rep. Peter King. It went well.",
        ["Gov. Andrew Cuomo met Sen. Elizabeth Warren and Rep. Peter King.", "It went well."],
    ),
    (
        "Mr. and Mrs. Jones met Ms. Lee, Dr. Patel and Prof. Ortiz. They ate.",
        ["Mr. and Mrs. Jones met Ms. Lee, Dr. Patel and Prof. Ortiz.", "They ate."],
    ),
    (
        "He moved to St. Louis with Martin Luther King Jr. and his aides.",
        ["He moved to St. Louis with Martin Luther King Jr. and his aides."],
    ),
    (
        "The speech honoured Martin Luther King Jr. The crowd cheered.",
        ["The speech honoured Martin Luther King Jr.", "The crowd cheered."],
    ),
    # Dotted acronyms: no split before a name or noun, split before a sentence opener.
    (
        "The U.S. Army, the U.K. government and U.N. officials agreed. Talks end today.",
        ["The U.S. Army, the U.K. government and U.N. officials agreed.", "Talks end today."],
    ),
    (
        "Prices rose in the U.S. The next day, markets fell.",
        ["Prices rose in the U.S.", "The next day, markets fell."],
    ),
    (
        "He was born in Washington, D.C. He moved to Ohio.",
        ["He was born in Washington, D.C.", "He moved to Ohio."],
    ),
    (
        "Officials at the U.N. Security Council voted.",
        ["Officials at the U.N. Security Council voted."],
    ),
    # Times of day.
    (
        "The deadline is 5 p.m. Tuesday in Washington.",
        ["The deadline is 5 p.m. Tuesday in Washington."],
    ),
    (
        "They arrived at 5 p.m. They left at 6 a.m. on Friday.",
        ["They arrived at 5 p.m.", "They left at 6 a.m. on Friday."],
    ),
    (
        "Around 1:20 p.m. 4-year-old Yumenosuke stopped near a house.",
        ["Around 1:20 p.m. 4-year-old Yumenosuke stopped near a house."],
    ),
    # Initials.
    (
        "J. R. R. Tolkien wrote it. George W. Bush read it.",
        ["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
    ),
    (
        "Image: Reuters/G. Tomasevic",
        ["Image: Reuters/G. Tomasevic"],
    ),
    # Numbers, money, units and abbreviations before numbers.
    (
        "It cost $3,400.50 and rose 2.5 percent. Shares fell 1.5 points.",
        ["It cost $3,400.50 and rose 2.5 percent.", "Shares fell 1.5 points."],
    ),
    (
        "The zone covers 400 sq. km of desert. No. 10 Downing St. said so.",
        ["The zone covers 400 sq. km of desert.", "No. 10 Downing St. said so."],
    ),
    (
        "It happened on Jan. 5 and Sept. 11 and on Feb. 29. In Dec. the snow came.",
        ["It happened on Jan. 5 and Sept. 11 and on Feb. 29.", "In Dec. the snow came."],
    ),
    (
        "The vote ended 52-48. 2015 was different.",
        ["The vote ended 52-48.", "2015 was different."],
    ),
    # Websites and lowercase after a period.
    (
        "Shares of Amazon.com rose. Visit cnn.com for more.",
        ["Shares of Amazon.com rose.", "Visit cnn.com for more."],
    ),
    (
        "She spoke to British Broadcasting Corp. radio on Sunday.",
        ["She spoke to British Broadcasting Corp. radio on Sunday."],
    ),
    (
        "Fruit, e.g. apples, i.e. the red ones, etc. were sold.",
        ["Fruit, e.g. apples, i.e. the red ones, etc. were sold."],
    ),
    (
        "They sold apples, pears, etc. The rest was thrown away.",
        ["They sold apples, pears, etc.", "The rest was thrown away."],
    ),
    # Ellipses.
    (
        "He paused... The room went quiet. Then... well, nothing happened.",
        ["He paused...", "The room went quiet.", "Then... well, nothing happened."],
    ),
    (
        "We will return … The fight goes on.",
        ["We will return …", "The fight goes on."],
    ),
    # Quotes and parentheses.
    (
        '"We will win," he said. "They will lose."',
        ['"We will win," he said.', '"They will lose."'],
    ),
    (
        "He said “it is over.” The crowd cheered.",
        ["He said “it is over.”", "The crowd cheered."],
    ),
    (
        "He was there (in the U.S.). Then he left. (She stayed.) He returned.",
        ["He was there (in the U.S.).", "Then he left.", "(She stayed.)", "He returned."],
    ),
    (
        "``There have been 3,197 cases,'' Ann said. ``And more.'' Pinochet left.",
        ["``There have been 3,197 cases,'' Ann said.", "``And more.''", "Pinochet left."],
    ),
    # Question and exclamation marks.
    (
        "Is it true? Yes! It is.",
        ["Is it true?", "Yes!", "It is."],
    ),
    (
        '"Why not?" Smith asked. "Why?" asked Jones.',
        ['"Why not?" Smith asked.', '"Why?" asked Jones.'],
    ),
    (
        "Read it on Yahoo! News today. Wow! Great.",
        ["Read it on Yahoo! News today.", "Wow!", "Great."],
    ),
    # Line breaks, headlines and bullets.
    (
        "Backed forces breach wall\nThe SDF advanced on Tuesday",
        ["Backed forces breach wall", "The SDF advanced on Tuesday"],
    ),
    (
        "Key points:\n• First item\n- Second item\n1. Third item\n2) Fourth item",
        ["Key points:", "First item", "Second item", "Third item", "Fourth item"],
    ),
    (
        "  A   line\twith   odd\u00a0spacing.  \r\n\r\n\n  Next   one.  ",
        ["A line with odd spacing.", "Next one."],
    ),
    # AP datelines and captions.
    (
        "LARGO, Fla. — The mother was arrested.",
        ["LARGO, Fla. — The mother was arrested."],
    ),
    (
        "The rally was held in Sun Lakes, Ariz. McCain spoke for an hour.",
        ["The rally was held in Sun Lakes, Ariz.", "McCain spoke for an hour."],
    ),
    (
        "Rep. John Conyers, D-Mich., spoke. It was late.",
        ["Rep. John Conyers, D-Mich., spoke.", "It was late."],
    ),
    (
        "The call came at around 2:20 a.m. (1720 GMT Friday). Crew members were questioned.",
        ["The call came at around 2:20 a.m. (1720 GMT Friday).", "Crew members were questioned."],
    ),
    # Wikipedia reference marks stay with their sentence.
    (
        "It was opened to women in 1984.[30] The church grew.",
        ["It was opened to women in 1984.[30]", "The church grew."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text", ["", " ", "   \n\t  \n\r\n", "\u00a0\u2028 "])
def test_blank_input_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []
    assert split_paragraphs(text) == []


def test_paragraphs_are_lines_without_markers() -> None:
    text = "Headline\n\n•  First   point\n\nBody text. More text.\n-\n"
    assert split_paragraphs(text) == ["Headline", "First point", "Body text. More text."]


def test_five_megabytes_single_pass() -> None:
    # Four sentences per line, dense with abbreviations, repeated to 5 MB both as
    # lines and as one unbroken paragraph (the worst case for a back-scanning
    # splitter).
    unit = (
        "Brig. Gen. Smith reached the U.S. Embassy at 5 p.m. Tuesday, Jan. 5. "
        '"We paid $3,400.50 for 2.5 sq. km near Amazon.com offices," he said. '
        '"They will lose." '
        "Is it over?"
    )
    repeats = 5_000_000 // (len(unit) + 1) + 1
    assert len(split_sentences("\n".join([unit] * repeats))) == 4 * repeats
    assert len(split_sentences(" ".join([unit] * repeats))) == 4 * repeats


def test_sentences_are_stripped_and_hold_words() -> None:
    sentences = split_sentences("One.  Two!   Three?\n\n  Four... \n . \n- - - -\n***")
    assert sentences == ["One.", "Two!", "Three?", "Four..."]
