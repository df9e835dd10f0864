"""``newsbrief batch``: brief every story of a JSON Lines file in parallel,
resumably (:func:`newsbrief.batch.run_batch`; docs/batch.md).

Ctrl-C or SIGTERM stops it with every finished story kept in OUT (exit 130).
"""

from __future__ import annotations

import argparse
import logging
import sys

from .options import engine_options, error, positive

log = logging.getLogger("newsbrief")


def add_parser(commands: argparse._SubParsersAction) -> None:
    batch = commands.add_parser(
        "batch",
        help="brief every story of a JSON Lines file in parallel, resumably",
        description=(
            "Write one brief (JSON, as 'brief --format json', plus the story's 'line' and 'id') "
            "per story of INPUT to OUT, in input order, the same bytes whatever the engine or "
            "number of workers. A failed story is recorded with its error; rerunning with the "
            "same OUT skips the stories it already holds. See docs/batch.md."
        ),
    )
    batch.add_argument("input", metavar="INPUT.jsonl", help="JSON Lines, one story per line")
    batch.add_argument("--out", metavar="OUT.jsonl", required=True, help="results (appended)")
    engine_options(batch, "local process pool")
    batch.add_argument("--words", type=positive, default=120, help="words per brief (120)")
    batch.add_argument("--progress", action="store_true", help="progress bar even if not a TTY")
    batch.add_argument(
        "--retry-failed", action="store_true", help="brief again the stories OUT has as failed"
    )


def run(args: argparse.Namespace) -> int:
    """Run the batch; Ctrl-C (or SIGTERM) keeps every finished story in OUT."""
    import signal

    from ..batch import run_batch

    engine = args.engine or ("dask" if args.scheduler else "local")
    if args.scheduler and engine != "dask":
        error("--scheduler needs --engine dask")
        return 2

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (main() called from a thread): no handler
        previous = None
    try:
        result = run_batch(
            args.input,
            args.out,
            engine=engine,
            workers=args.workers,
            scheduler=args.scheduler,
            words=args.words,
            progress=args.progress or sys.stderr.isatty(),
            retry_failed=args.retry_failed,
            on_failure=error,
        )
    except KeyboardInterrupt:
        print(
            f"newsbrief: interrupted; finished stories are in {args.out}: "
            "rerun the same command to do the rest",
            file=sys.stderr,
        )
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    log.info(
        "%s: %d stories (%d new, %d already done)",
        args.out, result.stories, result.new, result.skipped,
    )  # fmt: skip
    if result.failed:
        print(
            f"newsbrief: {result.failed} of {result.stories} stories failed "
            f"(recorded in {args.out})",
            file=sys.stderr,
        )
        return 1
    return 0
