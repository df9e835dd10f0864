"""Scoring summarizers with ROUGE against human summaries, and timing them.

Every system sees the same stories, the same cleaning and sentence splitting,
and its summary is cut to the same number of words, so the differences in the
table come from sentence selection alone. ROUGE is computed by the
rouge-score package (stemming on; for ROUGE-Lsum, sentences on their own
lines), averaged over a story's references, then over stories. ``seconds`` is
the summarizing time alone (clean, split, align, select), without loading or
scoring.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from .align import Analyzer
from .errors import InputError
from .ingest import story_from_json
from .model import Story
from .pipeline import segment, select
from .segment import split_sentences
from .summarizers import Budget, get_summarizer
from .summarizers.oracle import OracleSummarizer

log = logging.getLogger(__name__)

METRICS = ("f1", "recall")
SYSTEMS = ("newsbrief", "lead", "lexrank", "textrank", "oracle")


@dataclass(frozen=True, slots=True)
class Case:
    """A story with its human reference summaries."""

    story: Story
    references: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EvalResult:
    system: str
    dataset: str
    stories: int
    words: int
    metric: str
    rouge1: float
    rouge2: float
    rougeLsum: float
    seconds: float
    stories_per_second: float
    cpu_seconds: float = 0.0

    @property
    def cpu_stories_per_second(self) -> float:
        """Throughput per core: CPU time does not count what other processes take."""
        return self.stories / self.cpu_seconds if self.cpu_seconds else float("inf")

    def to_dict(self) -> dict:
        """The `eval --json` object: exactly the fields the documented contract names."""
        data = asdict(self)
        data.pop("cpu_seconds")
        return data


def load_cases(path: str | Path, limit: int | None = None) -> Iterator[Case]:
    """Cases of a JSON Lines data set: ``documents`` plus ``summary`` or ``references``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    count = 0
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: invalid JSON ({exc.msg})") from None
            story = story_from_json(obj, where)
            if not isinstance(story, Story):
                raise InputError(f"{where}: a data set line needs 'documents'")
            if isinstance(obj.get("references"), list):
                references = tuple(str(r) for r in obj["references"] if str(r).strip())
            elif isinstance(obj.get("summary"), str):
                references = (obj["summary"],)
            else:
                raise InputError(f"{where}: needs 'summary' or 'references'")
            references = tuple(_strip_dash(r) for r in references)
            if not references:
                raise InputError(f"{where}: empty reference summary")
            count += 1
            yield Case(story=story, references=references)


def _strip_dash(text: str) -> str:
    """Multi-News summaries open with '– ', which is not part of the summary."""
    text = text.strip()
    for dash in ("– ", "- ", "— "):
        if text.startswith(dash):
            return text[len(dash) :].strip()
    return text


def cut_words(sentences: list[str], words: int) -> list[str]:
    """The first ``words`` words of the summary, keeping its sentence breaks."""
    out: list[str] = []
    left = words
    for sentence in sentences:
        tokens = sentence.split()
        if left <= 0:
            break
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return out


class Scorer:
    """rouge-score's ROUGE-1, -2 and -Lsum with stemming, averaged over references."""

    def __init__(self, metric: str = "f1") -> None:
        from rouge_score import rouge_scorer

        if metric not in METRICS:
            raise InputError(f"unknown metric '{metric}' (choose from {', '.join(METRICS)})")
        self.metric = metric
        self._scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)

    def score(self, summary: list[str], references: tuple[str, ...]) -> dict[str, float]:
        prediction = "\n".join(summary)
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
        for reference in references:
            target = "\n".join(split_sentences(reference))
            scores = self._scorer.score(target, prediction)
            for key in totals:
                value = scores[key]
                totals[key] += value.fmeasure if self.metric == "f1" else value.recall
        return {k: v / len(references) for k, v in totals.items()}


def evaluate(
    dataset: str | Path,
    system: str = "newsbrief",
    *,
    words: int = 300,
    metric: str = "f1",
    limit: int | None = None,
    progress: bool = False,
) -> EvalResult:
    """Summarize every story of ``dataset`` with ``system`` and score it."""
    if system not in SYSTEMS:
        raise InputError(f"unknown system '{system}' (choose from {', '.join(SYSTEMS)})")
    if words < 1:
        raise InputError("--words must be at least 1")
    scorer = Scorer(metric)
    method = OracleSummarizer() if system == "oracle" else get_summarizer(system)
    budget = Budget(words=words, overflow=True)
    cases = list(load_cases(dataset, limit))
    if not cases:
        raise InputError(f"{dataset}: no stories")
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    seconds = cpu_seconds = 0.0
    analyzer = Analyzer()
    iterator = cases
    if progress:
        from tqdm import tqdm

        iterator = tqdm(cases, desc=system, unit="story", leave=False)
    for case in iterator:
        chooser = method.with_references(case.references) if system == "oracle" else method
        started, cpu_started = time.perf_counter(), time.process_time()
        story = segment(case.story)
        _, rows = select(story, budget, chooser, analyzer)
        seconds += time.perf_counter() - started
        cpu_seconds += time.process_time() - cpu_started
        summary = cut_words([story.sentences[r].text for r in rows], words)
        for key, value in scorer.score(summary, case.references).items():
            totals[key] += value
    n = len(cases)
    return EvalResult(
        system=system,
        dataset=Path(dataset).name,
        stories=n,
        words=words,
        metric=metric,
        rouge1=round(100 * totals["rouge1"] / n, 2),
        rouge2=round(100 * totals["rouge2"] / n, 2),
        rougeLsum=round(100 * totals["rougeLsum"] / n, 2),
        seconds=round(seconds, 4),
        stories_per_second=round(n / seconds, 2) if seconds else float("inf"),
        cpu_seconds=round(cpu_seconds, 4),
    )


def format_table(results: list[EvalResult]) -> str:
    header = "| system | data set | stories | words | metric | R-1 | R-2 | R-Lsum | stories/s |"
    lines = [header, "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(
            f"| {r.system} | {r.dataset} | {r.stories} | {r.words} | {r.metric} | {r.rouge1:.2f} "
            f"| {r.rouge2:.2f} | {r.rougeLsum:.2f} | {r.stories_per_second:.1f} |"
        )
    return "\n".join(lines)
