from __future__ import annotations

import math

import pytest

from newsbrief.facts.quantities import find_all_quantities, find_quantities, parse_number

INF = math.inf


def only(sentence: str):
    found = find_quantities(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, value", [("2,500", 2500), ("2500", 2500), ("2.5", 2.5), ("100,000", 100000),
                    ("two", 2), ("twelve", 12), ("ninety", 90), ("1,234.5", 1234.5),
                    ("x", None)],
)  # fmt: skip
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "sentence, low, high, unit, subject, vague",
    [
        ("Around 2,500 Isis fighters are holed up in Raqqa.", 2250, 2750, "", "fighter", False),
        ("It is defended by up to 4,000 fighters.", 3000, 4000, "", "fighter", False),
        ("The coalition estimates 2,500 IS jihadis defend it.", 2375, 2625, "", "fighter", False),
        ("At least 100,000 people are trapped.", 100000, INF, "", "people", False),
        ("Up to 100,000 civilians are still trapped.", 75000, 100000, "", "people", False),
        ("More than 300,000 people have died.", 300000, INF, "", "people", False),
        ("The UN says that at least 173 were killed in June.", 173, INF, "", "dead", False),
        ("They hit 25-meter sections of it.", 23.75, 26.25, "m", "section", False),
        ("It preserves the 2,500-meter wall.", 2375, 2625, "m", "wall", False),
        ("They breached the 2.5 km wall.", 2375, 2625, "m", "wall", False),
        ("They breached the 2.5 kilometre wall.", 2375, 2625, "m", "wall", False),
        ("Two small gaps were opened.", 1.9, 2.1, "", "gap", False),
        ("IS still controls 70 percent of the city.", 66.5, 73.5, "%", "city", False),
        ("IS still controls 70% of the city.", 66.5, 73.5, "%", "city", False),
        ("Eleven million people have been displaced.", 10.45e6, 11.55e6, "", "people", False),
        ("Tens of thousands of civilians are trapped.", 20000, 99999, "", "people", True),
        ("Hundreds of people fled.", 200, 999, "", "people", True),
        ("They hold just 1 sq. km of the Old City.", 0.95e6, 1.05e6, "m2", "city", False),
        ("The firm will invest $20 billion there.", 19e9, 21e9, "USD", "", False),
        ("Nearly 200 families left.", 170, 200, "", "family", False),
        ("Some 200 or so IS fighters remain.", 180, 220, "", "fighter", False),
        ("With 200 of our fighters mobilizing to the area.", 190, 210, "", "fighter", False),
    ],
)
def test_quantities_and_their_normalisation(sentence, low, high, unit, subject, vague):
    q = only(sentence)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high) if high != INF else math.isinf(q.high)
    assert q.unit == unit
    assert q.subject == subject
    assert q.vague is vague


@pytest.mark.parametrize(
    "sentence",
    [
        "The group captured the city in 2014.",
        "The offensive began on 6 June.",
        "It began on June 6, officials said.",
        "They met at 5 p.m. on Tuesday.",
        "It was the 21st attack this year.",
        "See No. 10 for details.",
        "One of the fighters said so.",
        "The report was published in October 2016.",
    ],
)
def test_dates_times_and_ordinals_are_not_quantities(sentence):
    assert find_quantities(sentence) == []


def test_agreement_within_bounds():
    at_least, up_to = (
        only("At least 100,000 people are trapped."),
        only("Up to 100,000 people are trapped."),
    )
    assert at_least.agrees_with(up_to)
    km, metres = only("The 2.5 km wall stands."), only("The 2,500-meter wall stands.")
    assert km.agrees_with(metres)
    around, upto = only("Around 2,500 fighters remain."), only("Up to 4,000 fighters remain.")
    assert not around.agrees_with(upto)


@pytest.mark.parametrize(
    "sentence, subject, qualified",
    [
        ("said Zaken, a 23-year-old secretary.", "age of secretary", False),
        ("It destroyed some 4 billion pesos (dlrs 100 million) worth of crops.", "peso", True),
        ("Talks continue over the remaining seven bills.", "bill", True),
        ("NASA planned to reposition six of its 22 satellites.", "satellite", True),
        ("Seven children enrolled in college by the age of 12.", "children", True),
        ("Around 2,500 IS fighters are holed up in Raqqa.", "fighter", False),
    ],
)
def test_ages_and_qualified_counts(sentence, subject, qualified):
    found = find_quantities(sentence)
    assert found[-1].subject == subject
    assert found[-1].qualified is qualified


def test_clock_times_are_not_quantities():
    assert find_quantities("A second wave came at 04:15 (07:15 UTC).") == []


def test_letters_that_lower_to_two_do_not_shift_later_sentences():
    # 'İ' lowers to two characters: read from a lowered copy of the joined
    # sentences, every place after it would move (and once ran off the end).
    sentences = [
        "İİİİİİİİİİİİİİİİİİİİ İstanbul has 5 million people.",
        "Some 300 people died in İzmir.",
        "hundreds were evacuated",
        "İİ hundreds were evacuated",
    ]
    found = find_all_quantities(sentences)
    assert [[q.text for q in found[row]] for row in range(4)] == [
        ["5 million"],
        ["Some 300"],
        ["hundreds"],
        ["hundreds"],
    ]
    assert found[3][0].start == 3
    # Repeats and the ASCII fast path give what each sentence gives alone.
    for row, sentence in enumerate(sentences):
        assert find_quantities(sentence) == found[row]
    assert find_all_quantities(sentences * 2)[5] == found[1]
