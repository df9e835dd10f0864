"""`make bench`: measure what newsbrief does today and write docs/benchmarks.md.

Speed is measured in this one process run, on this machine, so figures in the
same table compare. Real data comes from ../shared/data (absent in a fresh
clone: those sections then say so instead of failing).
"""

from __future__ import annotations

import contextlib
import io
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
EXAMPLE = ROOT / "examples" / "raqqa"
OUT = ROOT / "docs" / "benchmarks.md"

sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsbrief  # noqa: E402
from newsbrief import Story  # noqa: E402
from newsbrief.ingest import read_stories  # noqa: E402


def _timed(fn, repeat: int) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls (the first call warms imports)."""
    result = fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def brief_timings() -> list[str]:
    rows = [
        "| input | articles | words in | brief words | median time (s) |",
        "|---|---|---|---|---|",
    ]
    [story] = list(read_stories([EXAMPLE]))
    seconds, brief = _timed(lambda: newsbrief.brief_story(story, words=120), repeat=20)
    words_in = sum(len(a.text.split()) for a in story.articles)
    rows.append(
        f"| bundled example (examples/raqqa) | {len(story.articles)} | {words_in} "
        f"| {brief.words} | {seconds:.4f} |"
    )
    duc = DATA / "duc2003_task2.jsonl"
    if duc.exists():
        stories = [s for s in read_stories([duc]) if isinstance(s, Story)]
        first = stories[0]
        seconds, brief = _timed(lambda: newsbrief.brief_story(first, words=120), repeat=20)
        words_in = sum(len(a.text.split()) for a in first.articles)
        rows.append(
            f"| DUC 2003 story {first.id} | {len(first.articles)} | {words_in} "
            f"| {brief.words} | {seconds:.4f} |"
        )
        started = time.perf_counter()
        for s in stories:
            newsbrief.brief_story(s, words=100)
        per_story = (time.perf_counter() - started) / len(stories)
        rows.append(
            f"| DUC 2003, all {len(stories)} stories (mean per story) | 9-10 | | | "
            f"{per_story:.4f} |"
        )
    else:
        rows.append(f"| DUC 2003 | {duc} not present | | | |")
    return rows


def segment_bench() -> list[str]:
    import bench_segment

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        bench_segment.main([])
    return ["```", *buffer.getvalue().rstrip().splitlines(), "```"]


def main() -> int:
    started = time.perf_counter()
    sections = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python benchmarks/run.py`); every figure below comes from one "
        "run of that command on the machine described.",
        "",
        f"- machine: {platform.machine()}, {_cpu_count()} cores, Python {platform.python_version()}"
        f", {platform.system()} {platform.release()}",
        f"- date: {time.strftime('%Y-%m-%d')}",
        "",
        "## Brief time (clean, split, align, select; one process, warm)",
        "",
        *brief_timings(),
        "",
        "## Sentence splitting: newsbrief vs pysbd on multinews_val",
        "",
        "(`python benchmarks/bench_segment.py`; pysbd run per paragraph.)",
        "",
        *segment_bench(),
        "",
    ]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sections += [
        f"Peak memory of the benchmark process: {peak_mb:.0f} MB; "
        f"total run {time.perf_counter() - started:.1f} s.",
        "",
    ]
    text = "\n".join(sections)
    OUT.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {OUT.relative_to(ROOT)}")
    return 0


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


if __name__ == "__main__":
    raise SystemExit(main())
