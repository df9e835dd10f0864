"""The fact map: agreements, conflicts and non-conflicts, timeline, entities."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import newsbrief
from newsbrief import Article
from newsbrief.cli import main
from newsbrief.render import SCHEMA_VERSION, to_dict, to_markdown

PUBLISHED = date(2017, 7, 4)  # a Tuesday


def facts_of(*texts: str, published: date | None = PUBLISHED):
    articles = [
        Article(id=f"a{i}", source=f"Outlet {i + 1}", text=t, published=published)
        for i, t in enumerate(texts)
    ]
    return newsbrief.brief(articles, words=60).facts


FILLER = "The weather was mild for the season across the region this week, forecasters noted."


def test_a_fact_reported_by_three_sources_is_an_agreement():
    facts = facts_of(
        "The United Nations warned that up to 100,000 civilians remain trapped in Raqqa. " + FILLER,
        "Some 100,000 civilians are still trapped inside Raqqa, the United Nations said.",
        "According to the UN, at least 100,000 civilians are trapped in the city of Raqqa.",
    )
    top = facts.agreements[0]
    assert top.sources == (1, 2, 3)
    assert "100,000" in top.text
    assert {q.source for q in top.quotes} == {1, 2, 3}
    assert not facts.conflicts  # 'up to', 'some' and 'at least' 100,000 agree


def test_conflicting_counts_are_a_conflict_with_quotes():
    facts = facts_of(
        "The coalition estimates that around 2,500 IS fighters are still defending Raqqa.",
        "As many as 4,000 IS fighters are believed to be defending the city of Raqqa.",
    )
    [conflict] = facts.conflicts
    assert conflict.kind == "quantity"
    assert "fighters" in conflict.subject
    values = {c.source: c.value for c in conflict.claims}
    assert values == {1: "around 2,500", 2: "As many as 4,000"}
    assert all(c.quote.endswith(".") for c in conflict.claims)


@pytest.mark.parametrize(
    "first, second",
    [
        # Bounds that overlap: no contradiction.
        ("At least 100,000 people are trapped in Raqqa, the UN estimates.",
         "Up to 100,000 people are trapped in Raqqa, the UN estimates."),
        # The same length in other units.
        ("The strikes hit the 2.5 km Rafiqah wall around the Old City of Raqqa.",
         "The strikes hit the 2,500-meter Rafiqah wall around the Old City of Raqqa."),
        # Someone's own fighters against the enemy's.
        ("The coalition estimates that around 2,500 IS fighters are in Raqqa.",
         "There are believed to be 200 of our fighters mobilizing in Raqqa, he said."),
        # Another place.
        ("The coalition estimates that around 2,500 IS fighters are holed up in Raqqa.",
         "Iraqi commanders believe 200 IS fighters are holed up in Mosul's Old City. "
         "Mosul is Iraq's second city. Mosul fell in 2014."),
        # A part of the whole.
        ("NASA estimates it will move six of its 22 satellites.",
         "Engineers estimate that 600 satellites orbit the Earth."),
        # A breakdown sentence.
        ("He faces two counts of assault and five counts of criminal mischief in Nulato.",
         "He was charged with six counts of criminal mischief and assault in Nulato."),
        # Vague amounts never contradict.
        ("Hundreds of people fled the fighting in Raqqa, the UN estimates.",
         "About 2,000 people fled the fighting in Raqqa, the UN estimates."),
    ],
)  # fmt: skip
def test_non_conflicts(first, second):
    assert facts_of(first, second).conflicts == ()


def test_the_same_event_on_different_days_is_a_date_conflict():
    facts = facts_of(
        "Syrian Democratic Forces fighters breached the Rafiqah wall around the Old City of "
        "Raqqa on Monday.",
        "Syrian Democratic Forces fighters breached the Rafiqah wall around the Old City of "
        "Raqqa on Tuesday, the coalition said.",
    )
    [conflict] = [c for c in facts.conflicts if c.kind == "date"]
    assert conflict.subject.startswith("day of:")
    assert {c.value for c in conflict.claims} == {
        "on Monday (2017-07-03)",
        "on Tuesday (2017-07-04)",
    }


def test_a_slip_in_a_name_is_a_name_conflict():
    facts = facts_of(
        "The Syrian Democratic Forces (SDF) entered Raqqa's Old City on Tuesday. " + FILLER,
        "The Syrian Democratic Fighters breached the wall of Raqqa's Old City, the SDF said.",
        "The Syrian Democratic Forces are an alliance of Arab and Kurdish militias in Syria.",
    )
    [conflict] = [c for c in facts.conflicts if c.kind == "name"]
    assert conflict.subject == "Syrian Democratic Forces"
    names = {c.source: c.value for c in conflict.claims}
    assert names[2] == "Syrian Democratic Fighters" and names[1] == "Syrian Democratic Forces"


def test_timeline_resolves_relative_dates_against_publication():
    facts = facts_of(
        "The offensive on the city of Raqqa began on 6 June after months of preparation.",
        "The militant group captured the city of Raqqa in 2014 and declared its capital there.",
        "Last week the alliance said it had encircled the city of Raqqa completely.",
        "On Monday the fighters crossed into the Old City of Raqqa through two gaps.",
    )
    when = {(e.date, e.precision) for e in facts.timeline}
    assert (date(2017, 6, 6), "day") in when
    assert (date(2014, 1, 1), "year") in when
    assert (date(2017, 6, 26), "week") in when
    assert (date(2017, 7, 3), "day") in when
    dates = [e.date for e in facts.timeline]
    assert dates == sorted(dates)


def test_relative_dates_are_skipped_without_a_publication_date():
    facts = facts_of(
        "On Monday the fighters crossed into the Old City of Raqqa through two gaps.",
        "The militant group captured the city of Raqqa in 2014 and declared its capital there.",
        published=None,
    )
    assert [(e.date, e.precision) for e in facts.timeline] == [(date(2014, 1, 1), "year")]


def test_entities_merge_aliases():
    facts = facts_of(
        "Islamic State (IS) fighters hold Raqqa. The so-called Islamic State lost Mosul.",
        "ISIS still holds Raqa, and Daesh fighters planted mines in Raqqa.",
        "Isis militants have held Raqqa since 2014, the group's de facto capital.",
    )
    by_name = {e.name: e for e in facts.entities}
    group = by_name["Islamic State"]
    assert {"IS", "ISIS", "Isis", "Daesh"} <= set(group.aliases)
    assert group.kind == "organisation"
    assert group.sources == (1, 2, 3)
    assert "Raqa" in by_name["Raqqa"].aliases


def test_json_schema_of_the_fact_map():
    brief = newsbrief.brief(
        [Article(id="x", source="X", text="Around 2,500 IS fighters are estimated to be in "
                 "Raqqa. IS seized the city of Raqqa in 2014.", published=PUBLISHED),
         Article(id="y", source="Y", text="Up to 4,000 IS fighters are believed to be in "
                 "Raqqa. IS took the city of Raqqa in 2014.", published=PUBLISHED)],
    )  # fmt: skip
    data = json.loads(json.dumps(to_dict(brief)))
    assert data["schema_version"] == SCHEMA_VERSION == "1.2"
    for key in ("agreements", "unique", "conflicts", "timeline", "entities"):
        assert isinstance(data[key], list)
    for fact in data["agreements"] + data["unique"]:
        assert set(fact) == {"text", "sources", "quotes"}
        assert all(set(q) == {"source", "text"} for q in fact["quotes"])
    for conflict in data["conflicts"]:
        assert set(conflict) == {"kind", "subject", "claims"}
        assert conflict["kind"] in {"quantity", "date", "name"}
        assert all(set(c) == {"value", "source", "quote"} for c in conflict["claims"])
    for event in data["timeline"]:
        assert set(event) == {"date", "precision", "text", "sources", "quotes"}
        assert event["precision"] in {"day", "week", "month", "year"}
        date.fromisoformat(event["date"])
    for entity in data["entities"]:
        assert set(entity) == {"name", "kind", "aliases", "sources"}
        assert entity["kind"] in {"person", "organisation", "place", "other"}
    assert data["conflicts"] and data["timeline"] and data["entities"]


def _check_raqqa(facts):
    kinds = {c.kind for c in facts.conflicts}
    assert {"quantity", "date", "name"} <= kinds
    fighters = next(c for c in facts.conflicts if c.kind == "quantity")
    values = " ".join(c.value for c in fighters.claims)
    assert "2,500" in values and "4,000" in values
    day = next(c for c in facts.conflicts if c.kind == "date")
    assert any("Monday" in c.value for c in day.claims)
    assert any("Tuesday" in c.value for c in day.claims)
    trapped = [f for f in facts.agreements if "100,000" in f.text]
    assert trapped and len(trapped[0].sources) >= 3
    when = {(e.date, e.precision) for e in facts.timeline}
    assert (date(2017, 6, 6), "day") in when
    assert (date(2014, 1, 1), "year") in when
    group = next(e for e in facts.entities if e.name == "Islamic State")
    assert {"IS", "Isis", "Daesh"} <= set(group.aliases)
    assert {"ISIS", "so-called Islamic State"} & set(group.aliases)


def test_bundled_example_fact_map(example_dir):
    _check_raqqa(newsbrief.brief([example_dir]).facts)


def test_seeds_fact_map(seeds_dir):
    _check_raqqa(newsbrief.brief([seeds_dir]).facts)


def test_markdown_sections(example_dir):
    text = to_markdown(newsbrief.brief([example_dir]))
    for heading in ("## Where sources agree", "## Where sources differ", "## Timeline",
                    "## Who is who", "## Sources"):
        assert heading in text


def test_cli_facts_only(capsys, example_dir):
    assert main(["brief", str(example_dir), "--facts-only"]) == 0
    out = capsys.readouterr().out
    assert "## Where sources differ" in out and "## Sources" in out
    assert main(["brief", str(example_dir), "--facts-only", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "summary" not in data and data["conflicts"]


def test_readme_shows_the_fact_map_of_the_example():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "## Where sources differ" in readme and "2,500" in readme


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        ("Sen. Lindsey Graham said the hearing would go ahead.",
         "Sen. Lindsay Graham said the hearing would go ahead on Monday.", True),
        ("Judge Jeffrey Minehart dismissed the charges.",
         "Judge Jeffery Minehart dismissed the charges on Tuesday.", True),
        # Sergey and Sergei are both first names: a transliteration, not a slip.
        ("Foreign Minister Sergey Lavrov said talks would go on.",
         "Foreign Minister Sergei Lavrov said talks would go on.", False),
        ("Steve Hansen, the coach, said the team was ready.",
         "Steven Hansen, the coach, said the team was ready.", False),
    ],
)  # fmt: skip
def test_a_name_misspelt_by_one_source_is_a_name_conflict(first, second, conflict):
    facts = facts_of(first + " " + FILLER, second)
    names = [c for c in facts.conflicts if c.kind == "name"]
    if conflict:
        [found] = names
        assert {c.source for c in found.claims} == {1, 2}
    else:
        assert not names
