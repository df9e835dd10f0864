"""Benchmark newsbrief's sentence splitter against pysbd on real news.

pysbd is the usual rule-based reference in Python, so the agreement rate shows
how often the fast rules give the same sentences, and the timings show what the
speed buys. Agreement is not accuracy: most disagreements are pysbd keeping a
multi-sentence quotation together, which newsbrief splits on purpose. pysbd is
run per paragraph, as it would have to be in the pipeline (it ignores line
breaks and is slow on long inputs).

Usage: python benchmarks/bench_segment.py [--show N]
(--show prints N pysbd sentences our splitter does not reproduce.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews_val.jsonl"

sys.path.insert(0, str(ROOT / "src"))


def _load_segment():
    """Import segment.py on its own, so the benchmark does not depend on the rest
    of the package importing cleanly (or on its optional dependencies)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "newsbrief_segment", ROOT / "src" / "newsbrief" / "segment.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _normalise(sentence: str) -> str:
    return " ".join(sentence.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N disagreements")
    args = parser.parse_args(argv)

    if not DATA.exists():
        print(f"benchmark data not found at {DATA}; nothing to measure.")
        return 0
    try:
        import pysbd
    except ImportError:
        print("pysbd is not installed (pip install pysbd); nothing to compare against.")
        return 0

    segment = _load_segment()
    documents = []
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                documents.extend(json.loads(line)["documents"])
    chars = sum(len(doc) for doc in documents)
    print(f"{len(documents)} documents, {chars / 1e6:.2f} M characters from {DATA.name}")

    started = time.perf_counter()
    ours = [segment.split_sentences(doc) for doc in documents]
    ours_s = time.perf_counter() - started
    ours_n = sum(len(doc) for doc in ours)

    segmenter = pysbd.Segmenter(language="en", clean=False)
    started = time.perf_counter()
    theirs = [
        [sentence for para in segment.split_paragraphs(doc) for sentence in segmenter.segment(para)]
        for doc in documents
    ]
    theirs_s = time.perf_counter() - started
    theirs_n = sum(len(doc) for doc in theirs)

    agreed = 0
    missed: list[str] = []
    for our_doc, their_doc in zip(ours, theirs, strict=True):
        available = Counter(_normalise(s) for s in our_doc)
        for sentence in their_doc:
            key = _normalise(sentence)
            if not key:
                continue
            if available[key] > 0:
                available[key] -= 1
                agreed += 1
            else:
                missed.append(key)
    theirs_nonempty = agreed + len(missed)

    for name, count, seconds in (("newsbrief", ours_n, ours_s), ("pysbd", theirs_n, theirs_s)):
        rate = count / seconds if seconds else float("inf")
        print(f"{name:>10}: {count:7d} sentences in {seconds:8.3f} s = {rate:10.0f} sentences/s")
    print(f"speed-up: {theirs_s / ours_s:.0f}x")
    print(
        f"agreement: {agreed}/{theirs_nonempty} pysbd sentences reproduced exactly "
        f"= {agreed / max(theirs_nonempty, 1):.2%}"
    )
    for sentence in missed[: args.show]:
        print("  pysbd only:", sentence[:200])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
