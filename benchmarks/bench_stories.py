"""Benchmark story grouping: quality on real clusters, speed at scale.

1. Quality. The articles of all stories of a data set are mixed, shuffled with
   a fixed seed and grouped again; the grouping is scored against the data
   set's own clusters with B-cubed precision/recall/F1 and the adjusted Rand
   index. Articles that clean to nothing are left out of the scores (they must
   come back unassigned; the table says how many there were). DUC 2003 repeats
   some documents in two clusters (same document id): each is kept once, with
   the cluster it first appears in.
   Headline-only check: the same sets and shuffles, but every other article
   of each shuffled order (positions 0, 2, 4, ...) comes as a bare headline
   (see ``headline_only``): its title is the first sentence of its cleaned
   text cut to 15 words (``lead_sentence``, as the grouper itself names an
   untitled article), its text is empty. The other half come whole.
2. Scale. ``--size`` articles (default 100,000) are made from the real ones by
   perturbation (see ``perturb``; the output says exactly how) and streamed
   through one grouper and refined (as ``newsbrief stories`` does); the table
   gives the time, articles/second and the
   process's peak memory (``resource.getrusage``). The synthetic articles are
   made on the fly, so they never all sit in memory; the time of making them
   alone is measured separately and subtracted.
3. Dask. ``--dask-size`` synthetic articles (default 20,000, made up front)
   are grouped locally and with ``add_many_dask`` on a LocalCluster of
   ``--dask-workers`` worker processes (default 2); the table gives both rates,
   the CPU seconds of the client and of the workers (what the rate would be
   with enough cores), and the agreement of the two groupings (ARI and B-cubed
   of one against the other; identical by design).

Usage: python benchmarks/bench_stories.py [--size N] [--seed S] [--threshold T]
                                          [--dask-size N] [--dask-workers W]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
QUALITY_SETS = ("multinews_val", "duc2003_task2")

sys.path.insert(0, str(ROOT / "src"))

from newsbrief.clean import clean_text  # noqa: E402
from newsbrief.model import Article  # noqa: E402
from newsbrief.stories import StoryGrouper, add_many_dask, adjusted_rand, bcubed  # noqa: E402
from newsbrief.stories.features import lead_sentence  # noqa: E402

#: How the scale set is made from real articles (printed with the results).
SENTENCE_DROP = 0.25
SENTENCE_SWAP = 0.1
WORD_DROP = 0.08
VERBATIM = 0.1
SOURCES = 200
SPREAD_DAYS = 730
STORY_DAYS = 5


def load(name: str) -> list[tuple[str, str, str]]:
    """(article id, gold story, text) of every document of a data set, once each."""
    rows = []
    seen: set[str] = set()
    with (DATA / f"{name}.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            doc_ids = story.get("doc_ids") or [None] * len(story["documents"])
            for number, (text, doc_id) in enumerate(zip(story["documents"], doc_ids, strict=True)):
                if doc_id is not None:
                    if doc_id in seen:
                        continue
                    seen.add(doc_id)
                rows.append((f"{story['id']}#{number}", story["id"], text))
    return rows


def headline_only(aid: str, source: str, text: str) -> Article:
    """The article as a feed that gives only a headline would bring it: the
    first sentence of its cleaned text, cut to 15 words, as its title, and no
    text (real headlines are about that long and name the event)."""
    return Article(id=aid, source=source, text="", title=lead_sentence(clean_text(text)))


def scores(grouping, gold: dict[str, str], rate: float) -> dict:
    """A grouping against the gold stories; unassigned articles are left out of the scores."""
    unassigned = set(grouping.unassigned)
    scored = {aid: story for aid, story in gold.items() if aid not in unassigned}
    pred = grouping.assignment()
    precision, recall, f1 = bcubed(pred, scored)
    return {
        "stories": len(grouping.stories),
        "unassigned": len(unassigned),
        "P": precision,
        "R": recall,
        "F1": f1,
        "ARI": adjusted_rand(pred, scored),
        "art/s": rate,
        "dups": sum(len(s.duplicates) for s in grouping.stories),
    }


def quality(
    name: str, threshold: float | None, seed: int, repeats: int, headlines: bool = False
) -> dict:
    """Group a shuffled data set and score it against its clusters.

    Single-pass grouping depends on the order of arrival, so the set is
    shuffled ``repeats`` times (seeds ``seed``, ``seed + 1``, ...) and the
    scores are averaged; the lowest F1 is kept too. With ``headlines``, every
    other article of each shuffle (even positions) comes headline-only.
    """
    rows = load(name)
    gold = {aid: story for aid, story, _ in rows}
    runs = []
    for repeat in range(repeats):
        order = list(rows)
        random.Random(seed + repeat).shuffle(order)
        articles = [
            headline_only(aid, f"source{n % 7}", text)
            if headlines and n % 2 == 0
            else Article(id=aid, source=f"source{n % 7}", text=text)
            for n, (aid, _, text) in enumerate(order)
        ]
        grouper = StoryGrouper() if threshold is None else StoryGrouper(threshold=threshold)
        start = time.perf_counter()
        grouper.add_many(articles)
        grouper.refine()
        grouping = grouper.grouping()
        elapsed = time.perf_counter() - start
        runs.append(scores(grouping, gold, len(articles) / elapsed))
    result = {key: sum(run[key] for run in runs) / len(runs) for key in runs[0]}
    result.update(
        {
            "set": f"{name}, half headline-only" if headlines else name,
            "articles": len(rows),
            "gold stories": len(set(gold.values())),
            "F1 min": min(run["F1"] for run in runs),
        }
    )
    return result


def perturb(text: str, rng: random.Random) -> str:
    """A rewrite of ``text``: sentences dropped and swapped, words dropped.

    Each paragraph is split at '. '; each sentence is dropped with probability
    SENTENCE_DROP (one is always kept per article), each adjacent pair is
    swapped with probability SENTENCE_SWAP, and each word is dropped with
    probability WORD_DROP; a text that loses everything is kept whole. With
    probability VERBATIM the text is kept as it is (a syndicated copy).
    """
    if rng.random() < VERBATIM:
        return text
    paragraphs = []
    for paragraph in text.split("\n"):
        sentences = [s for s in paragraph.split(". ") if rng.random() >= SENTENCE_DROP]
        for i in range(len(sentences) - 1):
            if rng.random() < SENTENCE_SWAP:
                sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        words = " ".join(w for w in ". ".join(sentences).split(" ") if rng.random() >= WORD_DROP)
        if words:
            paragraphs.append(words)
    return "\n".join(paragraphs) or text


def synthetic(
    rows: list[tuple[str, str, str]], size: int, seed: int, gold: dict[str, str]
) -> Iterator[Article]:
    """``size`` perturbed copies of random real articles, with sources and dates.

    Each real story gets a random day in a SPREAD_DAYS-day span; its copies are
    dated within STORY_DAYS days of it, from one of SOURCES source names.
    """
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    story_day = {story: start + timedelta(days=rng.randrange(SPREAD_DAYS)) for _, story, _ in rows}
    for number in range(size):
        _, story, text = rows[rng.randrange(len(rows))]
        aid = f"x{number}"
        gold[aid] = story
        yield Article(
            id=aid,
            source=f"source{rng.randrange(SOURCES)}",
            text=perturb(text, rng),
            published=story_day[story] + timedelta(days=rng.randrange(STORY_DAYS)),
        )


def scale(size: int, seed: int, threshold: float | None) -> dict:
    rows = [row for name in QUALITY_SETS for row in load(name)]
    start = time.perf_counter()
    for _ in synthetic(rows, size, seed, {}):
        pass
    making = time.perf_counter() - start
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    gold: dict[str, str] = {}
    grouper = StoryGrouper() if threshold is None else StoryGrouper(threshold=threshold)
    start = time.perf_counter()
    grouper.add_many(synthetic(rows, size, seed, gold))
    grouper.refine()  # as `newsbrief stories` does
    grouping = grouper.grouping()
    total = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    elapsed = total - making
    result = scores(grouping, gold, size / elapsed)
    return {
        **result,
        "set": f"synthetic {size:,}",
        "F1 min": result["F1"],
        "articles": size,
        "gold stories": len(set(gold.values())),
        "seconds": elapsed,
        "making": making,
        "peak MiB": rss_after / 1024,
        "peak before MiB": rss_before / 1024,
    }


@dataclass(frozen=True, slots=True)
class DaskRun:
    articles: int
    workers: int
    local_seconds: float
    local_cpu: float
    start_seconds: float
    dask_seconds: float
    client_cpu: float
    worker_cpu: float
    identical: bool
    ari: float
    bcubed_f1: float


def dask_compare(size: int, seed: int, workers: int, threshold: float | None) -> DaskRun | None:
    """Group the same synthetic articles locally and on a Dask LocalCluster."""
    from newsbrief.batch.engines import DaskCluster
    from newsbrief.errors import NewsbriefError

    rows = [row for name in QUALITY_SETS for row in load(name)]
    articles = list(synthetic(rows, size, seed + 1, {}))
    options = {} if threshold is None else {"threshold": threshold}
    local = StoryGrouper(**options)
    start, cpu = time.perf_counter(), time.process_time()
    local.add_many(articles)
    local.refine()
    local_grouping = local.grouping()
    local_seconds, local_cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    try:
        cluster = DaskCluster(workers, saturation=None)
    except NewsbriefError as exc:
        print(f"(no Dask measurement: {exc})", file=sys.stderr)
        return None
    with cluster:
        start_seconds = time.perf_counter() - start
        before = sum(cluster.client.run(time.process_time).values())
        grouper = StoryGrouper(**options)
        start, cpu = time.perf_counter(), time.process_time()
        add_many_dask(grouper, articles, client=cluster.client)
        grouper.refine()
        grouping = grouper.grouping()
        dask_seconds, client_cpu = time.perf_counter() - start, time.process_time() - cpu
        worker_cpu = sum(cluster.client.run(time.process_time).values()) - before
    pred, reference = grouping.assignment(), local_grouping.assignment()
    return DaskRun(
        articles=size,
        workers=workers,
        local_seconds=local_seconds,
        local_cpu=local_cpu,
        start_seconds=start_seconds,
        dask_seconds=dask_seconds,
        client_cpu=client_cpu,
        worker_cpu=worker_cpu,
        identical=grouping == local_grouping,
        ari=adjusted_rand(pred, reference),
        bcubed_f1=bcubed(pred, reference)[2],
    )


def print_dask(run: DaskRun) -> None:
    n = run.articles
    bound = n / max(run.client_cpu, run.worker_cpu / run.workers)
    print(
        "| engine | workers | wall s | articles/s | client CPU s | worker CPU s "
        "| articles per CPU-s (all processes) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(
        f"| local | 1 | {run.local_seconds:.1f} | {n / run.local_seconds:,.0f} "
        f"| {run.local_cpu:.1f} | | {n / run.local_cpu:,.0f} |"
    )
    print(
        f"| dask | {run.workers} | {run.dask_seconds:.1f} | {n / run.dask_seconds:,.0f} "
        f"| {run.client_cpu:.1f} | {run.worker_cpu:.1f} "
        f"| {n / (run.client_cpu + run.worker_cpu):,.0f} |"
    )
    print()
    print(
        f"Dask: {n:,} synthetic articles (made as above, seed + 1), grouped and refined; "
        f"speed-up {run.local_seconds / run.dask_seconds:.2f}x by the clock on this machine "
        f"(LocalCluster start-up, {run.start_seconds:.1f} s, not counted; the client and "
        f"{run.workers} workers share the machine's cores). Client CPU per article "
        f"{1000 * run.client_cpu / n:.3f} ms (assignment in input order, which bounds the "
        f"rate at {n / run.client_cpu:,.0f} articles/s), worker CPU per article "
        f"{1000 * run.worker_cpu / n:.3f} ms: with a core for each process, "
        f"{run.workers} workers would group {bound:,.0f} articles/s. Agreement with the "
        f"local grouping: {'identical' if run.identical else 'NOT identical'} "
        f"(ARI {run.ari:.4f}, B-cubed F1 {run.bcubed_f1:.4f})."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="synthetic articles (0: none)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threshold", type=float, default=None, help="override the default")
    parser.add_argument("--repeats", type=int, default=5, help="shuffles per quality set")
    parser.add_argument("--dask-size", type=int, default=20_000, help="articles (0: no Dask)")
    parser.add_argument("--dask-workers", type=int, default=2)
    args = parser.parse_args(argv)

    if not all((DATA / f"{name}.jsonl").exists() for name in QUALITY_SETS):
        print(f"benchmark data not found in {DATA}; nothing to measure.")
        return 0

    results = [quality(name, args.threshold, args.seed, args.repeats) for name in QUALITY_SETS]
    results += [
        quality(name, args.threshold, args.seed, args.repeats, headlines=True)
        for name in QUALITY_SETS
    ]
    big = scale(args.size, args.seed, args.threshold) if args.size > 0 else None
    if big:
        results.append(big)
    dask_run = None
    if args.dask_size > 0:
        dask_run = dask_compare(args.dask_size, args.seed, args.dask_workers, args.threshold)

    print(
        "| set | articles | unassigned | gold stories | stories | near-dups "
        "| B3 P | B3 R | B3 F1 | F1 min | ARI | articles/s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['set']} | {r['articles']:,} | {r['unassigned']:.0f} | {r['gold stories']} "
            f"| {r['stories']:,.0f} | {r['dups']:,.0f} | {r['P']:.3f} | {r['R']:.3f} "
            f"| {r['F1']:.3f} | {r['F1 min']:.3f} | {r['ARI']:.3f} | {r['art/s']:,.0f} |"
        )
    if big:
        print()
        print(
            f"Scale: {big['articles']:,} articles grouped in {big['seconds']:.1f} s "
            f"({big['art/s']:,.0f} articles/s; making them took another {big['making']:.1f} s, "
            f"not counted); peak RSS {big['peak MiB']:,.0f} MiB "
            f"({big['peak before MiB']:,.0f} MiB before grouping)."
        )
        print(
            f"Synthetic set: copies of random real articles of {', '.join(QUALITY_SETS)}; "
            f"{VERBATIM:.0%} verbatim, the rest with each '. '-sentence dropped with p="
            f"{SENTENCE_DROP}, adjacent sentences swapped with p={SENTENCE_SWAP}, each word "
            f"dropped with p={WORD_DROP}; source one of {SOURCES} names; date within "
            f"{STORY_DAYS} days of a per-story random day in {SPREAD_DAYS} days; no titles. "
            "Gold = the real story (F1 there is a sanity check, not a quality figure: copies "
            "are easy to regroup)."
        )
    print()
    print(
        f"Quality sets: all documents mixed and shuffled, {args.repeats} times (seeds "
        f"{args.seed}..{args.seed + args.repeats - 1}; scores are means, 'F1 min' the worst "
        "shuffle); no titles or dates; unassigned articles are left out of the scores. "
        "'Half headline-only': the same shuffles, with every other article (positions 0, 2, "
        "4, ... of each shuffle) given as a bare headline: title = the first sentence of its "
        "cleaned text cut to 15 words, no text."
    )
    if dask_run is not None:
        print()
        print_dask(dask_run)
    return 0 if dask_run is None or dask_run.identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
