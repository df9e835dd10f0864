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


QUALITY_RUNS = (
    ("multinews_val.jsonl", 300, "f1"),
    ("duc2003_task2.jsonl", 100, "recall"),
)


def _evaluate_in_child(dataset: str, system: str, words: int, metric: str) -> dict:
    """One system on one data set in a fresh process, so peak memory is its own."""
    from newsbrief.evaluate import evaluate

    evaluated = evaluate(DATA / dataset, system, words=words, metric=metric)
    result = evaluated.to_dict()
    result["cpu_stories_per_second"] = evaluated.cpu_stories_per_second
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def quality_bench() -> list[str]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from newsbrief.evaluate import SYSTEMS

    rows = [
        "| data set | words | metric | system | R-1 | R-2 | R-Lsum | stories/s | s/story "
        "| stories per CPU-s | peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    ratios = []
    context = multiprocessing.get_context("spawn")
    for dataset, words, metric in QUALITY_RUNS:
        if not (DATA / dataset).exists():
            rows.append(f"| {dataset} | not present in {DATA} | | | | | | | | |")
            continue
        speed, cpu_speed = {}, {}
        for system in SYSTEMS:
            with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
                r = pool.submit(_evaluate_in_child, dataset, system, words, metric).result()
            speed[system] = r["stories_per_second"]
            cpu_speed[system] = r["cpu_stories_per_second"]
            rows.append(
                f"| {dataset} | {words} | {metric} | {system} | {r['rouge1']:.2f} "
                f"| {r['rouge2']:.2f} | {r['rougeLsum']:.2f} | {r['stories_per_second']:.1f} "
                f"| {r['seconds'] / r['stories']:.4f} | {r['cpu_stories_per_second']:.1f} "
                f"| {r['peak_mb']:.0f} |"
            )
            print(rows[-1], file=sys.stderr, flush=True)
        ratios.append(
            f"- {dataset}: newsbrief summarizes {speed['newsbrief'] / speed['lexrank']:.1f}x as "
            f"many stories per second as sumy LexRank by the clock "
            f"({speed['newsbrief'] / speed['textrank']:.1f}x TextRank), "
            f"{cpu_speed['newsbrief'] / cpu_speed['lexrank']:.1f}x per CPU-second "
            f"({cpu_speed['newsbrief'] / cpu_speed['textrank']:.1f}x TextRank)."
        )
    notes = [
        "",
        "Every system gets the same cleaned, split sentences and its summary is cut to the same "
        "number of words; ROUGE from rouge-score with stemming, averaged over references then "
        "stories. Seconds count summarizing only (clean, split, align, select), not loading or "
        "scoring; 'stories per CPU-s' divides by the CPU time of the process instead of the "
        "clock, which other load on a shared machine does not inflate. Peak MB is the resident "
        "peak of the process that ran that one system (Python, libraries and data included). "
        "`oracle` reads the references: it is the ceiling for extractive selection, not a "
        "system.",
        "",
        *ratios,
    ]
    return rows + notes


def stage_throughput() -> list[str]:
    """Throughput of each pipeline stage over every Multi-News document."""
    from newsbrief.align import Analyzer, build_space
    from newsbrief.clean import clean_text
    from newsbrief.pipeline import segment
    from newsbrief.segment import split_sentences
    from newsbrief.summarizers import Budget, get_summarizer

    path = DATA / "multinews_val.jsonl"
    if not path.exists():
        return [f"{path} not present."]
    stories = [s for s in read_stories([path]) if isinstance(s, Story)]
    texts = [a.text for s in stories for a in s.articles]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    cleaned, clean_s = _best(lambda: [clean_text(t) for t in texts])
    _, split_s = _best(lambda: [split_sentences(t) for t in cleaned])
    segmented = [segment(s) for s in stories]
    _, align_s = _best(lambda: [build_space(s, Analyzer()) for s in segmented])
    spaces = [build_space(s) for s in segmented]
    method, budget = get_summarizer("newsbrief"), Budget(words=300, overflow=True)
    pairs = list(zip(segmented, spaces, strict=True))
    _, select_s = _best(lambda: [method.select(s, p, budget) for s, p in pairs])
    n = len(stories)
    rows = ["| stage | total s | ms per story | MB/s |", "|---|---|---|---|"]
    for name, seconds in (
        ("clean", clean_s),
        ("split", split_s),
        ("align", align_s),
        ("select", select_s),
    ):
        rows.append(
            f"| {name} | {seconds:.3f} | {1000 * seconds / n:.2f} | {megabytes / seconds:.1f} |"
        )
    return [f"{n} stories, {len(texts)} articles, {megabytes:.2f} MB (best of 3 runs):", "", *rows]


def fact_map_bench() -> list[str]:
    """What the fact map costs next to the summary, and how many conflicts it reports."""
    from newsbrief.align import Analyzer, build_space
    from newsbrief.facts import build_fact_map
    from newsbrief.pipeline import segment, summarize
    from newsbrief.summarizers import Budget, get_summarizer

    method, budget = get_summarizer("newsbrief"), Budget(words=120)
    rows = [
        "| input | stories | summary ms/story | fact map ms/story | ratio | conflicts/story "
        "| agreements/story | timeline/story |",
        "|---|---|---|---|---|---|---|---|",
    ]
    inputs = [("bundled example", EXAMPLE)]
    inputs += [(name, DATA / name) for name in ("multinews_val.jsonl", "duc2003_task2.jsonl")]
    for label, path in inputs:
        if not path.exists():
            rows.append(f"| {label} | not present | | | | | | |")
            continue
        raw = [s for s in read_stories([path]) if isinstance(s, Story)]
        stories = [segment(s) for s in raw]
        analyzer = Analyzer()
        spaces = [build_space(s, analyzer) for s in stories]

        def summaries(raw=raw):
            # The brief without its fact map: the cited summary, as `brief` makes it.
            analyzer = Analyzer()
            return [summarize(segment(s), budget, method, analyzer, facts=False) for s in raw]

        def fact_maps(stories=stories, spaces=spaces):
            return [build_fact_map(s, p) for s, p in zip(stories, spaces, strict=True)]

        _, summary_s = _best(summaries)
        maps, facts_s = _best(fact_maps)
        n = len(stories)
        rows.append(
            f"| {label} | {n} | {1000 * summary_s / n:.2f} | {1000 * facts_s / n:.2f} "
            f"| {facts_s / summary_s:.2f} | {sum(len(m.conflicts) for m in maps) / n:.2f} "
            f"| {sum(len(m.agreements) for m in maps) / n:.1f} "
            f"| {sum(len(m.timeline) for m in maps) / n:.1f} |"
        )
    return [
        "Summary = the brief without its fact map, from the raw articles (clean, split, align, "
        "select, cite: `summarize(..., facts=False)`); fact map = what the fact map adds on the "
        "same aligned story (quantities, dates, entities, agreements, conflicts, timeline). "
        "Best of 3 runs.",
        "",
        *rows,
    ]


def _best(fn, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return result, best


def _printed_by(name: str) -> list[str]:
    """The lines a benchmark script (benchmarks/NAME.py) prints when run with no options."""
    import importlib

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        importlib.import_module(name).main([])
    return buffer.getvalue().rstrip().splitlines()


def main() -> int:
    started = time.perf_counter()
    sections = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`.venv/bin/python benchmarks/run.py`); every figure below "
        "comes from one run of that command on the machine described.",
        "",
        f"- machine: {platform.machine()}, {_cpu_count()} cores, Python {platform.python_version()}"
        f", {platform.system()} {platform.release()}",
        f"- date: {time.strftime('%Y-%m-%d')}",
        "",
        "## Summary quality and speed (`newsbrief eval` on ../shared/data)",
        "",
        *quality_bench(),
        "",
        "## Brief time (the whole brief: clean, split, align, select, cite, fact map; warm)",
        "",
        *brief_timings(),
        "",
        "## Fact map: cost next to the summary, and conflicts reported",
        "",
        *fact_map_bench(),
        "",
        "## Stories from a feed (`newsbrief stories`)",
        "",
        *_printed_by("bench_stories"),  # grouping quality and scale
        "",
        "## Batch briefing (`newsbrief batch`): local pool and Dask",
        "",
        *_printed_by("bench_batch"),  # 1 and 2 workers, local and Dask
        "",
        "## The web service (`newsbrief serve`): ingestion under load, then reads",
        "",
        *_printed_by("bench_service"),  # 8 concurrent clients
        "",
        "## Where the time goes: pipeline stages on multinews_val",
        "",
        *stage_throughput(),
        "",
        "## Sentence splitting: newsbrief vs pysbd on multinews_val",
        "",
        "(`python benchmarks/bench_segment.py`; pysbd run per paragraph.)",
        "",
        "```",
        *_printed_by("bench_segment"),
        "```",
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
