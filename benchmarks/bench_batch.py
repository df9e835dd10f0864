"""Benchmark ``newsbrief batch``: stories per second by engine and worker count.

The batch is every story of multinews_val repeated to ``--stories`` lines
(each copy with its own id). Each engine/worker setting briefs the whole batch
into a fresh OUT; the wall time includes starting and stopping the workers
(the pool, or a Dask LocalCluster on 127.0.0.1), as a user would see it. A
one-story batch with the same setting measures that fixed cost, so the table
also gives the steady rate, (stories - 1) / (time - fixed cost). The outputs of
all settings are compared byte for byte. Single-core reference: the same
stories briefed in this process, one after another, with no engine at all.

Timings are noisy on a small shared machine: ``--repeat R`` runs everything R
times and keeps the best time of each setting.

Usage: python benchmarks/bench_batch.py [--stories N] [--words N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SOURCE = "multinews_val.jsonl"

sys.path.insert(0, str(ROOT / "src"))

from newsbrief.batch import brief_line, run_batch  # noqa: E402

SETTINGS = (("local", 1), ("local", 2), ("dask", 1), ("dask", 2))


def build(target: Path, stories: int) -> int:
    """Write ``stories`` lines made of the data set's stories, repeated."""
    with (DATA / SOURCE).open(encoding="utf-8") as fh:
        base = [json.loads(line) for line in fh if line.strip()]
    with target.open("w", encoding="utf-8") as out:
        for n in range(stories):
            story = dict(base[n % len(base)])
            story["id"] = f"{story.get('id', 'story')}-copy{n // len(base)}"
            out.write(json.dumps(story, ensure_ascii=False) + "\n")
    return len(base)


def timed(input_path: Path, out: Path, engine: str, workers: int, words: int) -> float:
    if out.exists():
        out.unlink()
    start = time.perf_counter()
    run_batch(input_path, out, engine=engine, workers=workers, words=words)
    return time.perf_counter() - start


def in_process(input_path: Path, words: int) -> tuple[int, float]:
    """Stories and seconds of briefing them here, one by one (one core, no engine)."""
    lines = input_path.read_bytes().splitlines()
    brief_line(1, lines[0], words)  # warm: imports and first-use caches
    start = time.perf_counter()
    for number, raw in enumerate(lines, start=1):
        brief_line(number, raw, words)
    return len(lines), time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--words", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs (1)")
    args = parser.parse_args(argv)
    if not (DATA / SOURCE).exists():
        print(f"{DATA / SOURCE} not found: nothing to benchmark (needs ../shared/data)")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        tmpdir = Path(tmp)
        batch = tmpdir / "batch.jsonl"
        one = tmpdir / "one.jsonl"
        distinct = build(batch, args.stories)
        build(one, 1)
        size_mb = batch.stat().st_size / 1e6
        repeat = max(1, args.repeat)
        n = args.stories
        single = min(in_process(batch, args.words)[1] for _ in range(repeat))
        single_ms = 1000 * single / n
        best: dict[tuple[str, int], tuple[float, float]] = {}
        outputs = {}
        for _ in range(repeat):  # rounds, so that a slow spell hits every setting alike
            for engine, workers in SETTINGS:
                out = tmpdir / f"{engine}{workers}.jsonl"
                fixed = timed(one, tmpdir / "fixed.jsonl", engine, workers, args.words)
                wall = timed(batch, out, engine, workers, args.words)
                outputs[(engine, workers)] = out.read_bytes()
                old = best.get((engine, workers), (float("inf"), float("inf")))
                best[(engine, workers)] = (min(old[0], wall), min(old[1], fixed))
        rows = []
        for (engine, workers), (wall, fixed) in best.items():
            steady = (n - 1) / max(wall - fixed, 1e-9)
            rows.append((engine, workers, wall, fixed, n / wall, steady))
        identical = len(set(outputs.values())) == 1
    rate = {(r[0], r[1]): r for r in rows}
    print("# newsbrief batch benchmark\n")
    print(f"- machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.system()} {platform.release()}")  # fmt: skip
    print(f"- batch: {args.stories} stories ({distinct} distinct stories of {SOURCE}, repeated), "
          f"{size_mb:.1f} MB, --words {args.words}; best of {repeat} runs")  # fmt: skip
    print(f"- single core, in process, no engine: {single_ms:.2f} ms/story "
          f"= {1000 / single_ms:.0f} stories/s")  # fmt: skip
    print(f"- outputs of all settings byte-identical: {'yes' if identical else 'NO'}\n")
    print("| engine | workers | wall s | fixed s | stories/s | steady stories/s "
          "| speed-up vs 1 worker (steady) | vs local, same workers (steady) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for engine, workers, wall, fixed, total_rate, steady in rows:
        base = rate[(engine, 1)]
        local = rate[("local", workers)]
        speedup = f"{total_rate / base[4]:.2f}x ({steady / base[5]:.2f}x)"
        versus = f"{total_rate / local[4]:.2f}x ({steady / local[5]:.2f}x)"
        print(f"| {engine} | {workers} | {wall:.2f} | {fixed:.2f} | {total_rate:.1f} "
              f"| {steady:.1f} | {speedup} | {versus} |")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nwall: the whole batch, starting and stopping the workers included; fixed: the "
          f"same for a one-story batch; steady = (stories - 1) / (wall - fixed). "
          f"Peak RSS of this process (reader, writer, Dask scheduler): {peak:.0f} MB.")  # fmt: skip
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
