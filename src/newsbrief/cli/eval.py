"""``newsbrief eval``: score a summarizer with ROUGE against human summaries
(:func:`newsbrief.evaluate.evaluate`)."""

from __future__ import annotations

import argparse
import json
import sys

from ..evaluate import METRICS, SYSTEMS
from .options import positive


def add_parser(commands: argparse._SubParsersAction) -> None:
    ev = commands.add_parser(
        "eval",
        help="score a summarizer with ROUGE against human summaries",
        description=(
            "Summarize every story of DATASET (JSON Lines with 'documents' and 'summary' or "
            "'references'), cut each summary to N words and score it with rouge-score."
        ),
    )
    ev.add_argument("dataset", metavar="DATASET.jsonl")
    ev.add_argument("--system", choices=SYSTEMS, default="newsbrief")
    ev.add_argument("--words", type=positive, default=300, help="summary length (300)")
    ev.add_argument("--metric", choices=METRICS, default="f1", help="ROUGE f1 or recall (f1)")
    ev.add_argument("--limit", type=positive, default=None, help="only the first N stories")
    ev.add_argument("--json", action="store_true", help="end with one JSON line of the scores")


def run(args: argparse.Namespace) -> int:
    from ..evaluate import evaluate, format_table

    result = evaluate(
        args.dataset,
        args.system,
        words=args.words,
        metric=args.metric,
        limit=args.limit,
        progress=sys.stderr.isatty() or args.verbose,
    )
    print(format_table([result]))
    if args.json:
        print(json.dumps(result.to_dict()))
    return 0
