from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsbrief.cli import main
from newsbrief.render import SCHEMA_VERSION


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_brief_of_example(capsys, example_dir):
    code, out, err = run(capsys, "brief", str(example_dir))
    assert code == 0, err
    assert out.startswith("# ")
    assert "## Sources" in out
    assert "][" in out or "[1]" in out
    assert "Meridian Wire" in out


def test_json_schema(capsys, example_dir):
    code, out, _ = run(capsys, "brief", str(example_dir), "--format", "json", "--words", "80")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == SCHEMA_VERSION
    assert set(data) >= {"schema_version", "story_id", "title", "words", "sources", "summary"}
    numbers = [s["number"] for s in data["sources"]]
    assert numbers == list(range(1, len(numbers) + 1))
    for s in data["sources"]:
        assert set(s) == {"number", "id", "name", "title", "url", "published"}
    assert data["words"] <= 80
    for item in data["summary"]:
        assert set(item) == {"text", "citations", "article", "sentence_index", "quotes"}
        assert item["article"] in item["citations"]
        assert all(c in numbers for c in item["citations"])
        assert [q["source"] for q in item["quotes"]] == item["citations"]
        assert all(set(q) == {"source", "text"} and q["text"] for q in item["quotes"])
        own = next(q for q in item["quotes"] if q["source"] == item["article"])
        assert own["text"] == item["text"]


def test_text_format_and_out_file(capsys, tmp_path, example_dir):
    target = tmp_path / "brief.txt"
    code, out, _ = run(
        capsys,
        "brief",
        str(example_dir),
        "--format",
        "text",
        "--sentences",
        "3",
        "--out",
        str(target),
    )
    assert code == 0 and out == ""
    text = target.read_text()
    assert "Sources:" in text and "#" not in text.splitlines()[0]


def test_jsonl_input_gives_json_lines_and_reports_bad_story(capsys, tmp_path):
    good = {
        "id": "g",
        "documents": [
            "The bridge closed for repairs on Monday, the city said. "
            "Traffic was diverted to the ring road."
        ],
    }
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps(good) + "\n{broken\n" + json.dumps({**good, "id": "h"}) + "\n")
    code, out, err = run(capsys, "brief", str(path), "--format", "json")
    assert code == 1
    lines = out.strip().splitlines()
    assert [json.loads(x)["story_id"] for x in lines] == ["g", "h"]
    assert f"{path}:2" in err and "invalid JSON" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        ("folder", "dir", "directory has no"),
    ],
)
def test_bad_input_is_one_line_exit_1(capsys, tmp_path, name, content, message):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "brief", str(path))
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err and err.startswith("newsbrief: error:")


def test_non_utf8_warns_and_works(capsys, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "L'armée a annoncé mardi la prise du quartier. Les civils ont fui.".encode("latin-1")
    )
    code, out, err = run(capsys, "brief", str(path))
    assert code == 0
    assert "armée" in out
    assert "not valid UTF-8" in err


@pytest.mark.parametrize(
    "args",
    [
        ["brief"],
        ["brief", "x", "--words", "0"],
        ["brief", "x", "--words", "ten"],
        ["brief", "x", "--words", "5", "--sentences", "2"],
        ["brief", "x", "--format", "pdf"],
        [],
    ],
)
def test_usage_errors_exit_2(capsys, args):
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "usage:" in err


def test_console_script_runs_as_a_process(example_dir):
    proc = subprocess.run(
        [sys.executable, "-m", "newsbrief", "brief", str(example_dir), "--sentences", "2"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "## Sources" in proc.stdout


def test_process_error_has_no_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "newsbrief", "brief", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr


def _feed(tmp_path):
    flood = (
        "Heavy rain caused the Elbe river to burst its banks on Sunday, flooding the old town "
        "of Dresden. About 2,000 residents were evacuated overnight, the city said. Firefighters "
        "built sandbag walls along the embankment as the water kept rising."
    )
    chip = (
        "The chipmaker Corvant said on Thursday it would build a new semiconductor factory in "
        "Ohio, investing 20 billion dollars over ten years. The plant will employ 3,000 people "
        "and production is due to start in 2027, the company said."
    )
    lines = [
        {"id": "f1", "text": flood, "source": "Wire A", "published": "2024-06-02"},
        {"id": "c1", "text": chip, "source": "Tech Daily", "published": "2024-06-06"},
        {"id": "f2", "text": flood, "source": "Paper B", "published": "2024-06-02"},
        {"id": "f3", "source": "Paper C", "published": "2024-06-03",
         "text": "Dresden's old town was flooded when the Elbe river burst its banks after heavy "
                 "rain on Sunday; some 2,000 residents left their homes and firefighters piled "
                 "sandbags along the embankment."},
        {"id": "c2", "source": "Biz Wire", "published": "2024-06-06",
         "text": "Corvant will invest 20 billion dollars in a semiconductor factory in Ohio that "
                 "will employ 3,000 people, the chipmaker said on Thursday; production starts in "
                 "2027."},
        {"id": "junk", "text": "Skip to content", "source": "X"},
    ]  # fmt: skip
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    return path


def test_stories_json_contract(capsys, tmp_path):
    path = _feed(tmp_path)
    assert main(["stories", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"stories", "unassigned"}
    seen = [a for s in data["stories"] for a in s["articles"]] + data["unassigned"]
    assert sorted(seen) == sorted(["f1", "c1", "f2", "f3", "c2", "junk"])
    groups = {frozenset(s["articles"]) for s in data["stories"]}
    assert groups == {frozenset({"f1", "f2", "f3"}), frozenset({"c1", "c2"})}
    assert data["unassigned"] == ["junk"]
    flood = next(s for s in data["stories"] if "f1" in s["articles"])
    assert set(flood) == {"id", "title", "articles", "sources", "first_published",
                          "last_published", "duplicates"}
    assert flood["duplicates"] == {"f2": "f1"}
    assert flood["first_published"] == "2024-06-02" and flood["last_published"] == "2024-06-03"
    assert flood["sources"] == ["Paper B", "Paper C", "Wire A"]


def test_stories_state_dir_extends_the_grouping(capsys, tmp_path):
    path = _feed(tmp_path)
    state = tmp_path / "state"
    assert main(["stories", str(path), "--state", str(state), "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({
        "id": "f4", "source": "Paper D", "published": "2024-06-03",
        "text": "The Elbe river burst its banks in Dresden after heavy rain, flooding the old "
                "town; about 2,000 residents were evacuated and firefighters built sandbag walls.",
    }) + "\n")  # fmt: skip
    assert main(["stories", str(later), "--state", str(state), "--format", "json"]) == 0
    second = json.loads(capsys.readouterr().out)
    flood_id = next(s["id"] for s in first["stories"] if "f1" in s["articles"])
    flood = next(s for s in second["stories"] if s["id"] == flood_id)
    assert "f4" in flood["articles"]
    assert len(second["stories"]) == len(first["stories"])


def test_stories_on_dask_match_the_local_grouping(capsys, tmp_path, example_dir):
    path = _feed(tmp_path)
    inputs = [str(path), str(example_dir)]
    assert main(["stories", *inputs, "--format", "json"]) == 0
    local = capsys.readouterr().out
    code = main(["stories", *inputs, "--format", "json", "--engine", "dask", "--workers", "2"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out == local
    assert len(json.loads(out)["stories"]) == 3


def test_stories_scheduler_needs_the_dask_engine(capsys, tmp_path):
    path = _feed(tmp_path)
    code = main(["stories", str(path), "--engine", "local", "--scheduler", "tcp://127.0.0.1:1"])
    assert code == 1
    assert capsys.readouterr().err.strip() == "newsbrief: error: --scheduler needs --engine dask"


def test_digest_ranks_by_independent_sources(capsys, tmp_path):
    path = _feed(tmp_path)
    assert main(["digest", str(path), "--format", "json", "--words", "40"]) == 0
    data = json.loads(capsys.readouterr().out)
    first, second = data["stories"]
    assert "f1" in first["articles"] and first["independent_sources"] == 2
    assert second["independent_sources"] == 2 and "c1" in second["articles"]
    assert first["brief"]["summary"] and first["brief"]["schema_version"] == SCHEMA_VERSION
    assert main(["digest", str(path)]) == 0
    assert capsys.readouterr().out.startswith("# Digest: 2 stories")


def test_stories_bad_input(capsys, tmp_path):
    assert main(["stories", str(tmp_path / "nope.jsonl")]) == 1
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["stories", "x", "--threshold", "2"])
    assert exc.value.code == 2


def test_brief_html_to_out_file(capsys, tmp_path, example_dir):
    target = tmp_path / "brief.html"
    code, out, err = run(
        capsys, "brief", str(example_dir), "--format", "html", "--out", str(target)
    )
    assert code == 0 and out == "", err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert 'id="summary"' in page and 'class="cite"' in page and "<svg" in page


def test_html_rejects_facts_only_and_several_stories(capsys, tmp_path, example_dir):
    code, out, err = run(capsys, "brief", str(example_dir), "--format", "html", "--facts-only")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--facts-only" in err and "html" in err
    stories = tmp_path / "two.jsonl"
    text = "Rain flooded the town on Sunday. Residents left their homes."
    stories.write_text(
        json.dumps({"id": "a", "documents": [text, text]}) + "\n"
        + json.dumps({"id": "b", "documents": [text, text]}) + "\n"
    )  # fmt: skip
    code, out, err = run(capsys, "brief", str(stories), "--format", "html")
    assert code == 1 and "digest --format html" in err and "Traceback" not in err


def test_digest_html_in_rank_order(capsys, tmp_path):
    path = _feed(tmp_path)
    target = tmp_path / "digest.html"
    args = ["digest", str(path), "--format", "html", "--words", "40", "--out", str(target)]
    assert main(args) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    flood, chip = page.find("Dresden"), page.find("Corvant")
    assert 0 < flood < chip
    assert 'id="story-1"' in page and 'id="story-2"' in page
