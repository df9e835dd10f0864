"""The fast paths of entities.cut.cut_span against the general rule they shortcut.

cut_span takes most runs (one word, one hyphenated word, a few plain words)
through fast paths that restate its general three steps (words, groups,
checks). Each run that find_entities cuts in the bundled example, the test
fixtures, the seeds and (when present) the DUC 2003 and Multi-News validation
stories is cut both ways here, and the results must be equal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.facts.entities import cut, find_entities, scan
from newsbrief.ingest import read_stories
from newsbrief.model import Story
from newsbrief.pipeline import segment

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
INPUTS = {
    "example": ROOT / "examples" / "raqqa",
    "fixtures": ROOT / "tests" / "fixtures" / "eval_small.jsonl",
    "seeds": SHARED / "seeds",
    "duc2003": SHARED / "data" / "duc2003_task2.jsonl",
    "multinews_val": SHARED / "data" / "multinews_val.jsonl",
}


def runs_cut(path: Path, monkeypatch: pytest.MonkeyPatch) -> set[tuple[str, bool]]:
    """Every (run, sentence-initial) find_entities hands cut_span on the stories at ``path``."""
    seen: set[tuple[str, bool]] = set()
    general = cut.cut_span

    def recording(span, initial, *args, **kwargs):
        seen.add((span, initial))
        return general(span, initial, *args, **kwargs)

    monkeypatch.setattr(scan, "cut_span", recording)
    inputs = sorted(path.glob("*.txt")) if path.name == "seeds" else [path]
    for story in read_stories(inputs):
        if isinstance(story, Story):
            find_entities(segment(story).sentences)
    monkeypatch.undo()
    return seen


@pytest.mark.parametrize("name", list(INPUTS))
def test_fast_paths_cut_as_the_general_rule(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = INPUTS[name]
    if not path.exists():
        pytest.skip(f"{path} not present (a fresh clone has no ../shared)")
    runs = runs_cut(path, monkeypatch)
    assert runs, f"no run was cut in {path}"
    differ = [
        (span, initial)
        for span, initial in sorted(runs)
        if cut.cut_span(span, initial) != cut.cut_span(span, initial, fast=False)
    ]
    assert not differ, differ[:20]


@pytest.mark.parametrize(
    "span",
    [
        "Britain's",
        "AP",
        "Pakistan-based",
        "Ibero-American",
        "Kurdish-led",
        "US President Donald Trump",
        "Guitarist Jimmy Page",
        "Bank of England",
        "The White House",
        "EMTs",
        "Food and Drug Administration",
        "Marks & Spencer",
        "al-Nuri Mosque",
        "Syrian Democratic Forces",
    ],
)
@pytest.mark.parametrize("initial", [False, True])
def test_fast_paths_on_chosen_runs(span: str, initial: bool) -> None:
    assert cut.cut_span(span, initial) == cut.cut_span(span, initial, fast=False)
