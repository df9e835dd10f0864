"""Benchmark ``newsbrief serve``: ingestion under concurrent clients, then reads.

The server runs as its own process (``python -m newsbrief serve`` on 127.0.0.1,
a fresh SQLite file), as a user runs it; the clients are threads of this
process. Two loads: 2,000 made-up articles (tests/loadgen.py, forty topics),
and the real articles of multinews_val when ../shared/data is there. Each
client posts its share and then the first 100 articles, which all clients
post (duplicates racing); the run checks that every article is stored once.
Then: how long the desk takes to group everything and write every brief, and
read latencies of the JSON brief and of the story page.

Usage: python benchmarks/bench_service.py [--clients N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "tests"))

from loadgen import post_concurrently, synthetic_articles  # noqa: E402
from newsbrief.service.store import text_hash  # noqa: E402
from servers import free_port, wait_for  # noqa: E402


def real_articles(limit: int = 2000) -> list[dict]:
    """Articles of multinews_val as single posts (their story ids dropped)."""
    docs = []
    with (DATA / "multinews_val.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            for i, doc in enumerate(story["documents"]):
                text = doc["text"] if isinstance(doc, dict) else doc
                if len(text.split()) < 30:
                    continue
                docs.append(
                    {
                        "text": text,
                        "source": f"Outlet {len(docs) % 37}",
                        "url": f"https://mn.example/{story['id']}/{i}",
                    }
                )
                if len(docs) == limit:
                    return docs
    return docs


def run_load(name: str, articles: list[dict], clients: int) -> list[str]:
    # Real data repeats some texts under other URLs: those are one article.
    distinct = len({text_hash(a.get("title", ""), a["text"]) for a in articles})
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "newsbrief",
                "serve",
                "--port",
                str(port),
                "--db",
                str(Path(tmp) / "bench.db"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(lambda: _up(base), timeout=60, every=0.1)
            load = post_concurrently(base, articles, clients=clients, shared=100)
            posted = time.perf_counter()
            health = wait_for(lambda: _settled(base, distinct), timeout=900, every=0.25)
            settle = time.perf_counter() - posted
            stories = httpx.get(f"{base}/stories", params={"order": "covered"}).json()["stories"]
            json_ms = _latency(base, [f"/stories/{s['id']}" for s in stories])
            page_ms = _latency(base, [f"/story/{s['id']}" for s in stories])
            list_ms = _latency(base, ["/stories?per_page=50"] * 10)
        finally:
            server.terminate()
            server.wait(30)
    stored_once = load.created == distinct == health["articles"]
    return [
        f"| {name} | {len(articles)} ({distinct} distinct) | {load.requests} "
        f"| {load.per_second:.0f} "
        f"| {load.percentile(50) * 1000:.0f} / {load.percentile(95) * 1000:.0f} "
        f"| {'yes' if stored_once and not load.errors else 'NO'} | {health['stories']} "
        f"| {settle:.1f} | {json_ms:.1f} | {page_ms:.1f} | {list_ms:.1f} |"
    ]


def _up(base: str) -> bool:
    try:
        return httpx.get(f"{base}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _settled(base: str, articles: int) -> dict | None:
    health = httpx.get(f"{base}/health", timeout=30).json()
    listing = httpx.get(f"{base}/stories", params={"per_page": 1}, timeout=30).json()
    grouped = health["articles"] >= articles and health["articles_to_group"] == 0
    return health if grouped and listing["total"] and health["stale_briefs"] == 0 else None


def _latency(base: str, paths: list[str]) -> float:
    """Median milliseconds of GETs, one after another."""
    times = []
    with httpx.Client(base_url=base, timeout=30) as http:
        for path in paths:
            start = time.perf_counter()
            http.get(path).raise_for_status()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args(argv)
    print(
        f"`python benchmarks/bench_service.py`: the server in its own process, "
        f"{args.clients} client threads posting at once; each client also posts the first "
        "100 articles (racing duplicates)."
    )
    print()
    print(
        "| load | articles | requests | requests/s | latency p50 / p95 (ms) | each stored once "
        "| stories | grouped and briefed after (s) | GET brief JSON (ms) | GET story page (ms) "
        "| GET story list (ms) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for line in run_load("made up, 40 topics", synthetic_articles(2000), args.clients):
        print(line)
    if (DATA / "multinews_val.jsonl").exists():
        for line in run_load("multinews_val articles", real_articles(2000), args.clients):
            print(line)
    else:
        print(f"| multinews_val | {DATA} not present | | | | | | | | | |")
    print()
    print(
        "'grouped and briefed after': from the last post until every article is in a story "
        "and every story's brief is written (the desk works off the request path)."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
