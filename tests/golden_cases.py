"""The golden outputs: what each entry point writes for fixed inputs, pinned byte for byte.

A case runs the real command line (``newsbrief.cli.main``) or a public function
on inputs that never change, and yields the bytes a user would get. Inputs the
project owns (the bundled example, the test fixtures) are pinned in full under
``tests/golden/``, so a diff shows what moved. Inputs from ../shared are not
copied into the project: their outputs are pinned as SHA-256 digests in
``tests/golden/shared.json``, one per line of JSON Lines output so that a
failure names the story.

A change that moves output must say so and refresh the pins deliberately::

    .venv/bin/python tests/golden_cases.py --update

(the whole refresh takes about a minute; without ../shared only the project's
own cases are refreshed and the shared pins are kept).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SHARED_PINS = GOLDEN / "shared.json"
#: The JSON Lines story sets of ../shared/data that every golden pins.
DATA_SETS = (
    "multinews_val",
    "duc2003_task2",
    "multiling2011_en",
    "multinews_train500",
    "duc2006_dev",
)


@dataclass(frozen=True)
class Case:
    """One pinned output: ``make()`` gives its bytes; ``shared`` cases read ../shared."""

    name: str
    make: Callable[[], bytes]
    shared: bool = False
    needs: Path | None = None

    @property
    def missing(self) -> Path | None:
        """The input this case needs that is absent (None when all is there)."""
        if self.needs is None or (ROOT / self.needs).exists():
            return None
        return ROOT / self.needs


def run_cli(*argv: str, out_flag: bool = True) -> bytes:
    """The bytes ``newsbrief ARGV`` writes (to --out, or stdout), with its exit
    status appended when it is not 0 (so a failing story is pinned too)."""
    from newsbrief.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        stdout, stderr = io.StringIO(), io.StringIO()
        args = [*argv, "--out", str(out)] if out_flag else list(argv)
        # Paths are given relative to the repository, as a user in it would type
        # them: article ids are the paths given, and must not name the checkout.
        with (
            contextlib.chdir(ROOT),
            contextlib.redirect_stdout(stdout),
            contextlib.redirect_stderr(stderr),
        ):
            code = main(args)
        data = out.read_bytes() if out.exists() else stdout.getvalue().encode()
    if code:
        data += f"\n[exit {code}]\n{stderr.getvalue()}".encode()
    return data


def _batch(input_path: Path) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "batch.jsonl"
        data = run_cli("batch", str(input_path), "--out", str(out), "--workers", "1",
                       out_flag=False)  # fmt: skip
        return out.read_bytes() + data


def _example_batch() -> bytes:
    """The batch record of the bundled example given as one JSON Lines story."""
    from newsbrief.ingest import load_articles

    articles = load_articles([ROOT / "examples" / "raqqa"])
    docs = [
        {"text": a.text, "source": a.source, "title": a.title, "url": a.url,
         "published": a.published.isoformat() if a.published else None}
        for a in articles
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "raqqa.jsonl"
        path.write_text(json.dumps({"id": "raqqa", "documents": docs}) + "\n", encoding="utf-8")
        return _batch(path)


def _cleaned_fixtures() -> bytes:
    from newsbrief.clean import clean_text

    parts = []
    for path in sorted((ROOT / "tests" / "fixtures" / "boilerplate").glob("*.txt")):
        parts.append(f"== {path.name}\n{clean_text(path.read_text(encoding='utf-8'))}\n")
    return "".join(parts).encode()


def cases() -> list[Case]:
    example = "examples/raqqa"
    small = Path("tests/fixtures/eval_small.jsonl")
    seeds = Path("../shared/seeds")
    out = [
        Case("example.brief.md", lambda: run_cli("brief", example)),
        Case("example.brief.txt", lambda: run_cli("brief", example, "--format", "text")),
        Case("example.brief.json", lambda: run_cli("brief", example, "--format", "json")),
        Case("example.brief.html", lambda: run_cli("brief", example, "--format", "html")),
        Case("example.facts.md", lambda: run_cli("brief", example, "--facts-only")),
        Case("example.brief.sentences3.json",
             lambda: run_cli("brief", example, "--sentences", "3", "--format", "json")),
        Case("example.stories.json", lambda: run_cli("stories", example, "--format", "json")),
        Case("example.stories.md", lambda: run_cli("stories", example)),
        Case("example.digest.json", lambda: run_cli("digest", example, "--format", "json")),
        Case("example.digest.html", lambda: run_cli("digest", example, "--format", "html")),
        Case("example.batch.jsonl", _example_batch),
        Case("fixtures.eval_small.brief.jsonl",
             lambda: run_cli("brief", str(small), "--format", "json")),
        Case("fixtures.eval_small.brief.md", lambda: run_cli("brief", str(small))),
        Case("fixtures.eval_small.batch.jsonl", lambda: _batch(small)),
        Case("fixtures.eval_small.stories.json",
             lambda: run_cli("stories", str(small), "--format", "json")),
        Case("fixtures.boilerplate.cleaned.txt", _cleaned_fixtures),
        Case("seeds.brief.json", lambda: run_cli("brief", str(seeds), "--format", "json"),
             shared=True, needs=seeds),
        Case("seeds.brief.html", lambda: run_cli("brief", str(seeds), "--format", "html"),
             shared=True, needs=seeds),
        Case("seeds.stories.json", lambda: run_cli("stories", str(seeds), "--format", "json"),
             shared=True, needs=seeds),
    ]  # fmt: skip
    for name in DATA_SETS:
        path = Path("../shared/data") / f"{name}.jsonl"
        out.append(Case(f"data.{name}.brief.jsonl",
                        lambda p=path: run_cli("brief", str(p), "--format", "json"),
                        shared=True, needs=path))  # fmt: skip
        out.append(Case(f"data.{name}.stories.json",
                        lambda p=path: run_cli("stories", str(p), "--format", "json"),
                        shared=True, needs=path))  # fmt: skip
    for name in ("multinews_val", "duc2003_task2"):
        path = Path("../shared/data") / f"{name}.jsonl"
        out.append(Case(f"data.{name}.batch.jsonl", lambda p=path: _batch(p),
                        shared=True, needs=path))  # fmt: skip
    path = Path("../shared/data/duc2003_task2.jsonl")
    out.append(Case("data.duc2003_task2.digest.html",
                    lambda: run_cli("digest", str(path), "--format", "html"),
                    shared=True, needs=path))  # fmt: skip
    return out


def digests(data: bytes) -> dict[str, str]:
    """SHA-256 of the whole output and of each of its lines (keyed by number and
    by story id when the line is a JSON object with one)."""
    pins = {"*": hashlib.sha256(data).hexdigest()}
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        key = str(number)
        with contextlib.suppress(ValueError):
            obj = json.loads(line)
            if isinstance(obj, dict) and "story_id" in obj:
                key = f"{number}:{obj['story_id']}"
        pins[key] = hashlib.sha256(line).hexdigest()
    return pins


def update() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    shared = json.loads(SHARED_PINS.read_text()) if SHARED_PINS.exists() else {}
    for case in cases():
        if case.missing:
            print(f"kept  {case.name} ({case.missing} absent)")
            continue
        data = case.make()
        if case.shared:
            shared[case.name] = digests(data)
        else:
            (GOLDEN / case.name).write_bytes(data)
        print(f"wrote {case.name} ({len(data)} bytes)")
    SHARED_PINS.write_text(json.dumps(shared, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/golden_cases.py --update")
    sys.path.insert(0, str(ROOT / "src"))
    update()
