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
        assert set(item) == {"text", "citations", "article", "sentence_index"}
        assert item["article"] in item["citations"]
        assert all(c in numbers for c in item["citations"])


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
