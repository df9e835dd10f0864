"""``newsbrief batch``: the same bytes from every engine, resumable, fault tolerant.

The input is made here from short synthetic articles (12 lines: 10 good
stories, one malformed JSON line, one story of boilerplate only) so the tests
need nothing outside the repository, except the hash-seed test, which needs
real stories (../shared) to be meaningful.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsbrief.batch import brief_line, run_batch
from newsbrief.batch.outfile import OutState, parse_key
from newsbrief.batch.runner import _Counts, _Runner
from newsbrief.batch.work import error_record
from newsbrief.cli import main
from newsbrief.errors import NewsbriefError

PLACES = ["Aldport", "Brenton", "Calmere", "Dunholt", "Eastwick", "Farrow", "Glenby", "Hollis",
          "Irvington", "Jasper"]  # fmt: skip
THINGS = ["bridge", "library", "hospital", "stadium", "tram line", "harbour wall", "school",
          "museum", "power plant", "water tower"]  # fmt: skip
GOOD = 10
BAD_JSON_LINE = 5
BOILERPLATE_LINE = 8


def _article(story: int, source: int) -> dict:
    place, thing = PLACES[story], THINGS[story]
    sentences = [
        f"Officials in {place} said on Monday that the new {thing} would open in {2020 + story}.",
        f"The {thing} cost about {10 + 3 * story} million dollars, the council of {place} said.",
        f"Residents of {place} have waited {story + 2} years for the {thing} to be finished.",
        f"Critics said the {thing} was too expensive for a town of {5000 + 100 * story} people.",
        f"The mayor of {place}, Ann Carter, promised that the {thing} would bring new jobs.",
        f"Work on the {thing} began after a long dispute over its location near the river.",
    ]
    shift = source % len(sentences)
    body = sentences[shift:] + sentences[:shift]
    if source == 1:
        body = body[:-1]
    return {
        "source": f"Outlet {source + 1}",
        "title": f"{place} opens its new {thing}" if source == 0 else "",
        "published": f"2024-03-0{source + 1}",
        "text": " ".join(body),
    }


def _story_line(story: int, story_id: str | None = None) -> str:
    return json.dumps({
        "id": story_id or f"story-{story + 1}",
        "documents": [_article(story, s) for s in range(3)],
    })  # fmt: skip


def write_input(path: Path, copies: int = 1) -> Path:
    """12 lines per copy, with a blank line after the malformed one."""
    lines = []
    for copy in range(copies):
        good = iter(range(GOOD))
        for number in range(1, 13):
            if number == BAD_JSON_LINE:
                lines.append('{"id": "broken", "documents": [')
                lines.append("")
            elif number == BOILERPLATE_LINE:
                boiler = ["Skip to content", "Advertisement\n\nSkip to content"]
                lines.append(json.dumps({"id": f"boiler-{copy}", "documents": boiler}))
            else:
                story = next(good)
                lines.append(_story_line(story, f"c{copy}-story-{story + 1}"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def batch_input(tmp_path) -> Path:
    return write_input(tmp_path / "in.jsonl")


@pytest.fixture
def clean_out(tmp_path, batch_input) -> Path:
    """OUT of a clean run (local engine, one worker): the reference bytes."""
    out = tmp_path / "clean.jsonl"
    run_batch(batch_input, out, workers=1)
    return out


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- output ------------------------------------------------------------------------------


def test_one_record_per_story_in_input_order(clean_out, batch_input):
    rows = records(clean_out)
    assert len(rows) == 12
    # line numbers of the input file; the blank line after the malformed one has no record
    numbers = [r["line"] for r in rows]
    assert numbers == sorted(numbers) and len(set(numbers)) == 12
    assert BAD_JSON_LINE + 1 not in numbers
    for row in rows:
        assert list(row)[:2] == ["line", "id"]
    good = [r for r in rows if "error" not in r]
    bad = [r for r in rows if "error" in r]
    assert len(good) == GOOD and len(bad) == 2
    for row in good:
        assert row["id"] == row["story_id"]
        assert {"schema_version", "title", "words", "sources", "summary"} <= set(row)
        assert row["summary"] and row["words"] <= 120
        assert len(row["sources"]) == 3
    malformed, boiler = bad
    assert malformed == {
        "line": BAD_JSON_LINE,
        "id": None,
        "error": malformed["error"],
    } and malformed["error"].startswith(f"line {BAD_JSON_LINE}: invalid JSON")
    assert boiler["line"] == BOILERPLATE_LINE + 1 and boiler["id"] == "boiler-0"
    assert "no text left after cleaning" in boiler["error"]
    assert all("\n" not in r["error"] for r in bad)


def test_records_are_compact_json_and_match_brief_line(clean_out, batch_input):
    text = clean_out.read_text(encoding="utf-8")
    raw = batch_input.read_bytes().splitlines()
    for row, line in zip(records(clean_out), text.splitlines(), strict=True):
        assert json.dumps(row, ensure_ascii=False, separators=(",", ":")) == line
        assert brief_line(row["line"], raw[row["line"] - 1], 120) == line


def test_same_fields_as_brief_json(clean_out, tmp_path, capsys):
    story = tmp_path / "one.jsonl"
    story.write_text(_story_line(0) + "\n", encoding="utf-8")
    assert main(["brief", str(story), "--format", "json"]) == 0
    brief = json.loads(capsys.readouterr().out)
    row = records(clean_out)[0]
    assert set(row) - {"line", "id"} == set(brief)


def test_local_engine_same_bytes_for_one_and_two_workers(tmp_path, batch_input, clean_out):
    out = tmp_path / "two.jsonl"
    result = run_batch(batch_input, out, engine="local", workers=2)
    assert out.read_bytes() == clean_out.read_bytes()
    assert (result.stories, result.failed, result.new, result.skipped) == (12, 2, 12, 0)


def test_dask_local_cluster_same_bytes(tmp_path, batch_input, clean_out):
    out = tmp_path / "dask.jsonl"
    _dask_batch(batch_input, out, workers=2)
    assert out.read_bytes() == clean_out.read_bytes()


def _dask_batch(*args, **kwargs):
    """run_batch on a Dask LocalCluster, or skip where none can start."""
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    try:
        return run_batch(*args, engine="dask", **kwargs)
    except NewsbriefError as exc:
        if "cannot start a Dask LocalCluster" in str(exc):
            pytest.skip(f"distributed cannot start a LocalCluster on 127.0.0.1 here: {exc}")
        raise


def test_dask_given_scheduler_same_bytes(tmp_path, batch_input, clean_out, capsys):
    """--scheduler alone selects the dask engine and uses that cluster."""
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    try:
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        )  # fmt: skip
    except Exception as exc:
        pytest.skip(f"distributed cannot start a LocalCluster on 127.0.0.1 here: {exc}")
    out = tmp_path / "scheduler.jsonl"
    with cluster:
        code = main(["batch", str(batch_input), "--out", str(out),
                     "--scheduler", cluster.scheduler_address])  # fmt: skip
        assert len(cluster.scheduler.workers) == 2  # still running: not ours to close
    assert code == 1, capsys.readouterr().err  # the two bad stories
    assert out.read_bytes() == clean_out.read_bytes()


def test_dask_story_that_kills_its_worker_is_recorded(tmp_path, batch_input, clean_out):
    """The chunk holding the story fails, its lines are retried one per task,
    and only the story itself is recorded as failed."""
    dask = pytest.importorskip("dask", reason="dask is not installed")
    out = tmp_path / "dask-killed.jsonl"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        result = _dask_batch(batch_input, out, workers=2, work=killing_work)
    assert result.failed == 3
    for a, b in zip(records(out), records(clean_out), strict=True):
        if a["line"] == 4:
            assert a["id"] == "c0-story-4" and "worker process died" in a["error"]
        else:
            assert a == b


def test_same_bytes_whatever_the_hash_seed(tmp_path, multinews_path):
    """Workers are separate interpreters with their own PYTHONHASHSEED; the
    brief must not depend on it (it did, through set order, before brief_line
    fixed the analyzer's term order)."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "newsbrief", "batch", str(multinews_path),
             "--out", str(out), "--workers", "2"],
            capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip
        assert done.returncode in (0, 1), done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


# -- resume ------------------------------------------------------------------------------


def test_resume_after_a_torn_write(tmp_path, batch_input, clean_out):
    lines = clean_out.read_bytes().splitlines(keepends=True)
    out = tmp_path / "torn.jsonl"
    out.write_bytes(b"".join(lines[:5]) + lines[5][: len(lines[5]) // 2])
    result = run_batch(batch_input, out, workers=2)
    assert out.read_bytes() == clean_out.read_bytes()
    assert (result.skipped, result.new) == (5, 7)


def test_rerun_of_a_finished_batch_changes_nothing(tmp_path, batch_input, clean_out):
    out = tmp_path / "again.jsonl"
    shutil.copy(clean_out, out)
    result = run_batch(batch_input, out, workers=2)
    assert out.read_bytes() == clean_out.read_bytes()
    assert (result.stories, result.failed, result.new, result.skipped) == (12, 2, 0, 12)


def test_gaps_are_filled_and_put_back_in_order(tmp_path, batch_input, clean_out):
    lines = clean_out.read_bytes().splitlines(keepends=True)
    out = tmp_path / "gaps.jsonl"
    out.write_bytes(b"".join(line for i, line in enumerate(lines) if i not in (1, 6, 10)))
    result = run_batch(batch_input, out, workers=2)
    assert result.new == 3
    assert out.read_bytes() == clean_out.read_bytes()
    assert not out.with_name(out.name + ".merging").exists()


def flaky_work(line_number: int, raw: bytes, words: int) -> str:
    """A worker that fails story 3 as a crashed worker would."""
    if line_number == 3:
        return error_record(line_number, "c0-story-3", "the worker process died (test)")
    return brief_line(line_number, raw, words)


def test_retry_failed_replaces_failed_records(tmp_path, batch_input, clean_out):
    out = tmp_path / "retry.jsonl"
    first = run_batch(batch_input, out, workers=2, work=flaky_work)
    assert first.failed == 3
    assert run_batch(batch_input, out, workers=2).new == 0  # failed stories are done ...
    second = run_batch(batch_input, out, workers=2, retry_failed=True)  # ... unless retried
    assert second.new == 3 and second.failed == 2
    assert out.read_bytes() == clean_out.read_bytes()


def test_out_from_another_input_is_refused(tmp_path, batch_input, clean_out):
    other = tmp_path / "other.jsonl"
    lines = batch_input.read_text().splitlines()
    lines[2] = _story_line(9, "someone-else")
    other.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    shutil.copy(clean_out, out)
    with pytest.raises(NewsbriefError, match="was not made from"):
        run_batch(other, out, workers=1)
    assert out.read_bytes() == clean_out.read_bytes()


def test_a_file_that_is_not_batch_output_is_refused(tmp_path, batch_input):
    out = tmp_path / "notes.txt"
    out.write_text("my notes\n")
    with pytest.raises(NewsbriefError, match="not a batch record"):
        run_batch(batch_input, out, workers=1)
    assert out.read_text() == "my notes\n"


@pytest.mark.parametrize(
    "story_id", ["plain", 'with "quotes", commas and \\ slashes', "ünïcödé ✓", None]
)
def test_record_keys_read_back(story_id):
    line = error_record(7, story_id, "boom")
    assert parse_key(line.encode()) == parse_key((json.dumps(json.loads(line)) + "\n").encode())
    key = parse_key(line.encode())
    assert (key.line, key.id, key.failed) == (7, story_id, True)


# -- faults ------------------------------------------------------------------------------


def killing_work(line_number: int, raw: bytes, words: int) -> str:
    """A story that kills the worker process briefing it, every time."""
    if line_number == 4:
        os._exit(1)
    return brief_line(line_number, raw, words)


def test_a_story_that_kills_its_worker_is_recorded_and_the_rest_survive(
    tmp_path, batch_input, clean_out
):
    out = tmp_path / "killed.jsonl"
    result = run_batch(batch_input, out, workers=2, work=killing_work)
    got, want = records(out), records(clean_out)
    assert [r["line"] for r in got] == [r["line"] for r in want]
    assert result.failed == 3
    for a, b in zip(got, want, strict=True):
        if a["line"] == 4:
            assert a["id"] == "c0-story-4" and "worker process died" in a["error"]
        else:
            assert a == b


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(c) for c in (task / "children").read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_pool_workers_end_when_the_batch_is_killed(tmp_path, big_input):
    """kill -9 of the batch alone (not its process group, as the OOM killer
    does): its worker processes must not wait for work for ever."""
    path, _ = big_input
    out = tmp_path / "orphans.jsonl"
    proc = _start([str(path), "--out", str(out), "--workers", "2"], out)
    _wait_for_first_record(proc, out)
    workers = _children(proc.pid)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers and not any(_alive(w) for w in workers)


class _FakeEngine:
    """Briefs instantly but only when asked for the result; records how many
    lines were in flight at once."""

    window = 3

    def __init__(self):
        self.in_flight = 0
        self.most = 0

    def submit(self, number, raw):
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        return number

    def ready(self, handle):
        return False

    def result(self, handle):
        self.in_flight -= 1
        return error_record(handle, f"s{handle}", "fake")

    def finished(self, handle):
        return None

    def close(self, cancel=False):
        pass


def test_input_is_streamed_with_a_bounded_window(tmp_path):
    read = []

    def lines():
        for n in range(1, 201):
            read.append(n)
            yield n, b'{"id": "s%d"}' % n, 12

    out = tmp_path / "stream.jsonl"
    engine = _FakeEngine()
    counts = _Counts()
    state = OutState(runs=(), records=0, last_line=0, size=0)
    with _Runner(out, state, False, None, counts, None) as runner:
        runner.engine = engine
        written_when_read = []
        original = runner._write

        def write(number, line):
            original(number, line)
            written_when_read.append((len(read), counts.new))

        runner._write = write
        runner.feed(lines(), iter(()), False, "gen")
    assert engine.most <= engine.window
    assert counts.new == 200
    # never more than the window read ahead of what is written
    assert all(r - w <= engine.window for r, w in written_when_read)


def _start(args, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "batch", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a signal to the group, as Ctrl-C sends it
    )


def _wait_for_first_record(proc: subprocess.Popen, out: Path) -> None:
    _wait_until(proc, lambda: out.exists() and out.stat().st_size > 0, "wrote no record")


def _wait_for_pool(proc: subprocess.Popen) -> None:
    """Until the batch has forked its two pool workers (which may not have run
    their initializer yet: the moment a Ctrl-C used to kill them)."""
    _wait_until(proc, lambda: len(_children(proc.pid)) >= 2, "started no pool workers")


def _wait_until(proc: subprocess.Popen, condition, what: str) -> None:
    """Poll ``condition`` while the batch runs; the deadline is only a safety
    net for a hung batch (a loaded 2-core CI machine takes seconds, not minutes)."""
    deadline = time.monotonic() + 120
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"the batch ended (exit {proc.returncode}) and {what}: {_stderr(proc)}")
        if time.monotonic() > deadline:
            _kill_group(proc)
            pytest.fail(f"the batch {what} in 120 s")
        time.sleep(0.005)


def _kill_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def _stderr(proc: subprocess.Popen) -> str:
    return proc.communicate()[1][-2000:]


@pytest.fixture(scope="module")
def big_input(tmp_path_factory) -> tuple[Path, Path]:
    """1,200 lines, and OUT of a clean run of them (made once: tests only read them)."""
    tmp_path = tmp_path_factory.mktemp("big")
    path = write_input(tmp_path / "big.jsonl", copies=100)
    clean = tmp_path / "big-clean.jsonl"
    run_batch(path, clean, workers=2)
    return path, clean


@pytest.mark.parametrize(
    ("how", "when"),
    [
        (signal.SIGKILL, "first record"),
        (signal.SIGINT, "first record"),
        (signal.SIGTERM, "first record"),
        # Ctrl-C while the pool starts: a worker forked but not yet initialized
        # used to die with a traceback, and the parent could lose the Ctrl-C
        # in its fork handlers and run on to the end.
        (signal.SIGINT, "pool started"),
    ],
    ids=["kill-9", "ctrl-c", "sigterm", "ctrl-c-at-start"],
)
def test_interrupted_run_then_rerun_completes_without_duplicates(tmp_path, big_input, how, when):
    path, clean = big_input
    out = tmp_path / "interrupted.jsonl"
    args = [str(path), "--out", str(out), "--workers", "2"]
    proc = _start(args, out)
    if when == "pool started":
        _wait_for_pool(proc)
    else:
        _wait_for_first_record(proc, out)
    os.killpg(proc.pid, how)
    try:
        _, err = proc.communicate(timeout=120)  # seconds normally; a safety net
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        pytest.fail(f"the batch did not end within 120 s of signal {how!r}")
    if how != signal.SIGKILL:
        assert "Traceback" not in err, err
        if proc.returncode == 1:  # it had finished already: then OUT is complete
            assert out.read_bytes() == clean.read_bytes(), "the signal was lost"
        else:
            assert proc.returncode == 130, err
            last = err.splitlines()[-1]
            assert last.startswith("newsbrief: interrupted") and "rerun" in last
    partial = records(out) if out.exists() and out.read_bytes().endswith(b"\n") else None
    if partial is not None:
        numbers = [r["line"] for r in partial]
        assert len(numbers) == len(set(numbers))
    rerun = subprocess.run(
        [sys.executable, "-m", "newsbrief", "batch", *args],
        capture_output=True,
        text=True,
        timeout=300,  # a safety net: a hung rerun fails instead of stalling CI
    )
    assert rerun.returncode == 1  # the malformed and boilerplate stories failed
    assert out.read_bytes() == clean.read_bytes()


# -- command line ------------------------------------------------------------------------


def test_cli_writes_out_and_reports_failures(tmp_path, batch_input, clean_out, capsys):
    out = tmp_path / "cli.jsonl"
    code = main(["batch", str(batch_input), "--out", str(out), "--workers", "2", "--progress"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert out.read_bytes() == clean_out.read_bytes()
    errors = [line for line in captured.err.splitlines() if "newsbrief: " in line]
    assert any(f"error: line {BAD_JSON_LINE}: invalid JSON" in line for line in errors)
    assert any("2 of 12 stories failed" in line for line in errors)


def test_cli_missing_input_is_one_line_exit_1(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(tmp_path / "missing.jsonl"), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("newsbrief: error: ") and "no such" in err
    assert not out.exists()


@pytest.mark.parametrize("workers", ["0", "-2", "two"])
def test_cli_bad_workers_is_a_usage_error(batch_input, tmp_path, workers, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(batch_input), "--out", str(tmp_path / "o.jsonl"), "--workers", workers])
    assert exc.value.code == 2
    assert "--workers" in capsys.readouterr().err


def test_cli_scheduler_needs_dask(batch_input, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    argv = ["batch", str(batch_input), "--out", str(out), "--engine", "local",
            "--scheduler", "tcp://127.0.0.1:8786"]  # fmt: skip
    assert main(argv) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_cli_out_is_a_directory(batch_input, tmp_path, capsys):
    assert main(["batch", str(batch_input), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a directory" in err
