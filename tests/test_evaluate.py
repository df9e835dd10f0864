from __future__ import annotations

import json
from pathlib import Path

import pytest
from rouge_score import rouge_scorer

from newsbrief.cli import main
from newsbrief.errors import InputError
from newsbrief.evaluate import SYSTEMS, Scorer, cut_words, evaluate, load_cases

FIXTURE = Path(__file__).parent / "fixtures" / "eval_small.jsonl"


def test_known_summary_scores_what_rouge_score_says():
    reference = "The river flooded the old town.\nAbout 2,000 people were evacuated."
    summary = ["Floods hit the old town of Dresden.", "Some 2,000 residents were evacuated."]
    direct = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True).score(
        reference, "\n".join(summary)
    )
    ours = Scorer("f1").score(summary, (reference.replace("\n", " "),))
    for key in ("rouge1", "rouge2", "rougeLsum"):
        assert ours[key] == pytest.approx(direct[key].fmeasure)
    recall = Scorer("recall").score(summary, (reference,))
    assert recall["rouge1"] == pytest.approx(direct["rouge1"].recall)


def test_scores_average_over_references():
    a, b = "Corvant builds a chip plant in Ohio.", "Shares of Corvant rose four percent."
    summary = ["Corvant will build a chip plant in Ohio."]
    scorer = Scorer("recall")
    both = scorer.score(summary, (a, b))["rouge1"]
    assert both == pytest.approx(
        (scorer.score(summary, (a,))["rouge1"] + scorer.score(summary, (b,))["rouge1"]) / 2
    )


def test_cut_words_keeps_sentence_breaks():
    assert cut_words(["one two three.", "four five six."], 4) == ["one two three.", "four"]
    assert cut_words(["a b."], 10) == ["a b."]


def test_load_cases_strips_the_multinews_dash_and_reads_references():
    cases = list(load_cases(FIXTURE))
    assert [c.story.id for c in cases] == ["flood", "chip", "marathon"]
    assert cases[0].references[0].startswith("Record rain")
    assert len(cases[1].references) == 2
    assert len(list(load_cases(FIXTURE, limit=2))) == 2


def test_bad_data_set_lines(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"documents": ["x."]}\n')
    with pytest.raises(InputError, match=":1: needs 'summary' or 'references'"):
        list(load_cases(path))
    path.write_text('{"documents": ["x."], "summary": "y"}\nnot json\n')
    with pytest.raises(InputError, match=":2: invalid JSON"):
        list(load_cases(path))


@pytest.mark.parametrize("system", SYSTEMS)
def test_every_system_runs(system):
    result = evaluate(FIXTURE, system, words=40, metric="recall")
    assert result.stories == 3
    assert 0 < result.rouge1 <= 100 and 0 <= result.rouge2 <= result.rouge1
    assert result.seconds > 0


def test_oracle_is_at_least_lead():
    lead = evaluate(FIXTURE, "lead", words=30)
    oracle = evaluate(FIXTURE, "oracle", words=30)
    assert oracle.rouge1 >= lead.rouge1
    assert oracle.rouge2 >= lead.rouge2


def test_cli_json_line(capsys):
    code = main(["eval", str(FIXTURE), "--system", "lead", "--words", "50", "--json"])
    assert code == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].startswith("| system")
    data = json.loads(out[-1])
    assert set(data) == {
        "system",
        "dataset",
        "stories",
        "words",
        "metric",
        "rouge1",
        "rouge2",
        "rougeLsum",
        "seconds",
        "stories_per_second",
    }
    assert data["system"] == "lead" and data["words"] == 50 and data["stories"] == 3


def test_cli_eval_errors(capsys, tmp_path):
    assert main(["eval", str(tmp_path / "none.jsonl")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_multinews_lead_matches_published_setup(multinews_path):
    result = evaluate(multinews_path, "lead", words=300, limit=20)
    assert 35 < result.rouge1 < 55
