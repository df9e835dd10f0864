"""``newsbrief brief``: one story's brief, or a brief of every story of the input.

Each brief is written as soon as it is made, so an error in one story (reported,
exit status 1 at the end) loses none of the others.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import NewsbriefError
from ..ingest import StoryError
from ..pipeline import brief_stories
from ..render import FORMATS, renderer, to_json
from ..summarizers import available
from .options import error, open_out, positive


def add_parser(commands: argparse._SubParsersAction) -> None:
    brief = commands.add_parser(
        "brief",
        help="summarize the articles of a story, citing the sources of every sentence",
        description=(
            "Brief one story from article files (.txt, .md, .html) or directories, or every "
            "story of JSON Lines / Multi-News files. '-' reads stdin."
        ),
    )
    brief.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or '-'")
    size = brief.add_mutually_exclusive_group()
    size.add_argument("--words", type=positive, default=None, help="word budget (default 120)")
    size.add_argument("--sentences", type=positive, default=None, help="number of sentences")
    brief.add_argument("--format", choices=FORMATS, default="md", help="output format (md)")
    brief.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    brief.add_argument(
        "--facts-only",
        action="store_true",
        help="print the fact map alone (agreements, conflicts, timeline, who is who)",
    )
    brief.add_argument(
        "--summarizer", choices=available(), default="newsbrief", help=argparse.SUPPRESS
    )


def run(args: argparse.Namespace) -> int:
    if args.format == "html" and args.facts_only:
        error("--facts-only does not apply to --format html (the page always shows the fact map)")
        return 2
    words = args.words if args.words is not None or args.sentences is not None else 120
    render = renderer(args.format)
    failures = 0
    written = 0
    single = _single(args.paths)
    out = open_out(args.out)
    try:
        for item in brief_stories(
            args.paths, words=words, sentences=args.sentences, summarizer=args.summarizer
        ):
            if isinstance(item, StoryError):
                failures += 1
                error(item.error)
                continue
            if args.format == "html" and written:
                # Pages cannot be concatenated into one document.
                raise NewsbriefError(
                    "--format html writes one story and this input holds several: "
                    "use --format md or json, or 'newsbrief digest --format html'"
                )
            if args.format == "json":
                # One indented object for a story of article files; JSON Lines for many stories.
                text = to_json(item, indent=2 if single else None, facts_only=args.facts_only)
            else:
                text = ("\n---\n\n" if written else "") + render(item, facts_only=args.facts_only)
            out.write(text)
            out.flush()
            written += 1
    finally:
        if out is not sys.stdout:
            out.close()
    if failures:
        print(f"newsbrief: {failures} of {failures + written} stories failed", file=sys.stderr)
        return 1
    return 0


def _single(paths: list[str]) -> bool:
    """Whether the input is article files (one story), so JSON can be pretty."""
    return all(
        p != "-" and Path(p).suffix.lower() not in {".jsonl", ".ndjson", ".src"} for p in paths
    )
