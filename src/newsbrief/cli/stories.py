"""``newsbrief stories``: group a mixed pile of articles into stories."""

from __future__ import annotations

import argparse

from ..render import grouping_to_dict, grouping_to_markdown
from .grouping import group, read_articles
from .options import emit, engine_options, unit_interval


def add_parser(commands: argparse._SubParsersAction) -> None:
    stories = commands.add_parser(
        "stories",
        help="group a mixed pile of articles into stories",
        description=(
            "Group articles (any input brief reads, and JSON Lines of single articles) into "
            "stories, folding near-copies together. With --state DIR the grouping is kept in "
            "DIR and new articles join it without regrouping the old ones."
        ),
    )
    stories.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or '-'")
    stories.add_argument("--format", choices=("md", "json"), default="md", help="output (md)")
    stories.add_argument(
        "--threshold", type=unit_interval, default=None,
        help="similarity from which an article joins a story (default tuned, 0-1)",
    )  # fmt: skip
    stories.add_argument("--state", metavar="DIR", help="keep and extend the grouping in DIR")
    stories.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    engine_options(stories, "this process")


def run(args: argparse.Namespace) -> int:
    errors: list[str] = []
    # Streamed: the grouper keeps what it needs of each article, not its text.
    grouping = group(args, read_articles(args.paths, errors))
    emit(args, lambda: grouping_to_dict(grouping), lambda: grouping_to_markdown(grouping))
    return 1 if errors else 0
