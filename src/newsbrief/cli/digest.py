"""``newsbrief digest``: the stories of the input ranked by how many independent
sources cover them (:func:`newsbrief.digest.rank_stories`), each with its brief.

A story that cannot be briefed is reported and left out; the others are written.
"""

from __future__ import annotations

import argparse

from ..digest import DigestEntry, rank_stories
from ..errors import NewsbriefError
from ..model import Story
from ..pipeline import brief_story
from ..render import digest_to_dict, digest_to_markdown
from .grouping import group, read_articles
from .options import emit, error, positive, unit_interval


def add_parser(commands: argparse._SubParsersAction) -> None:
    digest = commands.add_parser(
        "digest",
        help="stories ranked by independent sources, each with its brief",
        description="Group the articles into stories, rank them by how many independent "
        "sources cover them, and brief each.",
    )
    digest.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or '-'")
    digest.add_argument(
        "--format", choices=("md", "json", "html"), default="md", help="output (md)"
    )
    digest.add_argument("--words", type=positive, default=80, help="words per brief (80)")
    digest.add_argument("--top", type=positive, default=None, help="only the N best covered")
    digest.add_argument("--threshold", type=unit_interval, default=None, help=argparse.SUPPRESS)
    digest.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    errors: list[str] = []
    articles = list(read_articles(args.paths, errors))
    failures = len(errors)
    by_id = {a.id: a for a in articles}
    entries: list[DigestEntry] = []
    for ranked in rank_stories(group(args, articles), articles)[: args.top]:
        story = ranked.story
        members = [by_id[a] for a in story.articles]
        try:
            brief = brief_story(Story(articles=members, id=story.id), words=args.words)
        except NewsbriefError as exc:
            failures += 1
            error(f"story {story.id}: {exc}")
            continue
        entries.append(DigestEntry(story, ranked.independent_sources, brief))
    emit(
        args,
        lambda: digest_to_dict(entries),
        lambda: digest_to_markdown(entries),
        lambda: _page(entries),
    )
    return 1 if failures else 0


def _page(entries: list[DigestEntry]) -> str:
    from ..html import render_digest_page  # Jinja2 is loaded only for --format html

    return render_digest_page(entries)
