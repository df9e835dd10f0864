"""Load for the service: many clients posting articles at once, some of them the same.

Used by the load test and by ``benchmarks/bench_service.py``; the articles are
made up (topics of random words, so that they form stories) so that the load
needs nothing outside the repository.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from dataclasses import dataclass

import httpx


def synthetic_articles(count: int, topics: int = 40, seed: int = 7) -> list[dict]:
    """``count`` distinct articles over ``topics`` stories, each topic its own vocabulary."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = [
        ["".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(60)]
        for _ in range(topics)
    ]
    common = ["the", "said", "on", "a", "of", "in", "officials", "reported", "after", "and"]
    articles = []
    for i in range(count):
        topic = i % topics
        words = vocab[topic]
        sentences = []
        for _ in range(rng.randint(5, 9)):
            body = [rng.choice(words if rng.random() < 0.7 else common) for _ in range(14)]
            sentences.append(" ".join(body).capitalize() + ".")
        sentences.append(f"Reference {i} was filed by desk {rng.randint(1, 50)}.")
        articles.append(
            {
                "title": " ".join(rng.sample(words[:12], 6)).capitalize(),
                "text": " ".join(sentences),
                "source": f"Outlet {rng.randint(1, 25)}",
                "published": f"2026-11-{1 + topic % 20:02d}",
                "url": f"https://news{rng.randint(1, 25)}.example/story/{i}",
            }
        )
    return articles


@dataclass
class LoadResult:
    requests: int
    created: int
    seconds: float
    latencies: list[float]
    ids: dict[str, set[int]]
    errors: list[str]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        return statistics.quantiles(self.latencies, n=100)[int(p) - 1]


def post_concurrently(
    base: str, articles: list[dict], clients: int = 8, shared: int = 100
) -> LoadResult:
    """Each client posts its share of ``articles`` and then the first ``shared`` ones,
    which every client posts (duplicates racing each other)."""
    lock = threading.Lock()
    latencies: list[float] = []
    ids: dict[str, set[int]] = {}
    errors: list[str] = []
    created = 0

    def client(k: int) -> None:
        nonlocal created
        mine = articles[k::clients] + articles[:shared]
        with httpx.Client(base_url=base, timeout=60) as http:
            for doc in mine:
                start = time.perf_counter()
                response = http.post("/articles", json=doc)
                took = time.perf_counter() - start
                with lock:
                    latencies.append(took)
                    if response.status_code not in (200, 201):
                        errors.append(f"{response.status_code} {response.text[:100]}")
                        continue
                    body = response.json()
                    created += body["created"]
                    ids.setdefault(doc["url"], set()).add(body["id"])

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    return LoadResult(len(latencies), created, seconds, latencies, ids, errors)
