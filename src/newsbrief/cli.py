"""The ``newsbrief`` command line.

Errors are one line on stderr and exit status 1 (2 for usage errors), never a
traceback; ``--debug`` shows the traceback for bug reports. When an input holds
several stories, each brief is written as soon as it is made, so an error in
one story (reported, exit status 1 at the end) loses none of the others.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import NewsbriefError
from .evaluate import METRICS, SYSTEMS
from .ingest import StoryError, read_stories
from .model import Article, Story
from .pipeline import brief_stories
from .render import FORMATS, renderer, to_json
from .summarizers import available

log = logging.getLogger("newsbrief")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _engine_options(parser: argparse.ArgumentParser, local: str) -> None:
    """--engine/--workers/--scheduler, the same for every command that can use Dask."""
    parser.add_argument(
        "--engine", choices=("local", "dask"), default=None,
        help=f"{local}, or dask.distributed (default local; dask with --scheduler)",
    )  # fmt: skip
    parser.add_argument(
        "--workers", type=_positive, default=None,
        help="worker processes (default: the CPUs available; with --scheduler: the cluster's)",
    )  # fmt: skip
    parser.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="a running Dask scheduler to use"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="Many articles in, one sourced brief out.",
    )
    parser.add_argument("--version", action="version", version=f"newsbrief {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

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
    size.add_argument("--words", type=_positive, default=None, help="word budget (default 120)")
    size.add_argument("--sentences", type=_positive, default=None, help="number of sentences")
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
        "--threshold", type=_unit_interval, default=None,
        help="similarity from which an article joins a story (default tuned, 0-1)",
    )  # fmt: skip
    stories.add_argument("--state", metavar="DIR", help="keep and extend the grouping in DIR")
    stories.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    _engine_options(stories, "this process")

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
    digest.add_argument("--words", type=_positive, default=80, help="words per brief (80)")
    digest.add_argument("--top", type=_positive, default=None, help="only the N best covered")
    digest.add_argument("--threshold", type=_unit_interval, default=None, help=argparse.SUPPRESS)
    digest.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")

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
    _engine_options(batch, "local process pool")
    batch.add_argument("--words", type=_positive, default=120, help="words per brief (120)")
    batch.add_argument("--progress", action="store_true", help="progress bar even if not a TTY")
    batch.add_argument(
        "--retry-failed", action="store_true", help="brief again the stories OUT has as failed"
    )

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
    ev.add_argument("--words", type=_positive, default=300, help="summary length (300)")
    ev.add_argument("--metric", choices=METRICS, default="f1", help="ROUGE f1 or recall (f1)")
    ev.add_argument("--limit", type=_positive, default=None, help="only the first N stories")
    ev.add_argument("--json", action="store_true", help="end with one JSON line of the scores")

    from .service.command import add_parser as add_serve_parser

    add_serve_parser(commands, _positive)
    return parser


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("newsbrief: %(levelname)s: %(message)s"))
    root = logging.getLogger("newsbrief")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False


def _open_out(path: str | None) -> TextIO:
    if path is None:
        return sys.stdout
    target = Path(path)
    if target.is_dir():
        raise NewsbriefError(f"--out {path}: is a directory")
    try:
        return target.open("w", encoding="utf-8")
    except OSError as exc:
        raise NewsbriefError(f"--out {path}: cannot write ({exc.strerror or exc})") from None


def cmd_brief(args: argparse.Namespace) -> int:
    if args.format == "html" and args.facts_only:
        print(
            "newsbrief: error: --facts-only does not apply to --format html "
            "(the page always shows the fact map)",
            file=sys.stderr,
        )
        return 2
    words = args.words if args.words is not None or args.sentences is not None else 120
    render = renderer(args.format)
    failures = 0
    written = 0
    single = _single(args)
    out = _open_out(args.out)
    try:
        for item in brief_stories(
            args.paths, words=words, sentences=args.sentences, summarizer=args.summarizer
        ):
            if isinstance(item, StoryError):
                failures += 1
                print(f"newsbrief: error: {item.error}", file=sys.stderr)
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


def cmd_batch(args: argparse.Namespace) -> int:
    """Run the batch; Ctrl-C (or SIGTERM) keeps every finished story in OUT."""
    import signal

    from .batch import run_batch

    engine = args.engine or ("dask" if args.scheduler else "local")
    if args.scheduler and engine != "dask":
        print("newsbrief: error: --scheduler needs --engine dask", file=sys.stderr)
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
            on_failure=lambda message: print(f"newsbrief: error: {message}", file=sys.stderr),
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


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_table

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


def _unit_interval(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
    if not 0.0 < number < 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {number}")
    return number


def _articles(paths: list[str], errors: list[str]) -> Iterator[Article]:
    """Every article of the input, as it is read (ids kept unique); a bad story is
    reported on stderr, added to ``errors`` and skipped."""
    seen: set[str] = set()
    for item in read_stories(paths):
        if isinstance(item, StoryError):
            errors.append(item.error)
            print(f"newsbrief: error: {item.error}", file=sys.stderr)
            continue
        for article in item.articles:
            if article.id in seen:
                log.warning("%s: article id seen before, skipped", article.id)
                continue
            seen.add(article.id)
            yield article


def _grouper(args: argparse.Namespace):
    from .stories import StoryGrouper

    kwargs = {} if args.threshold is None else {"threshold": args.threshold}
    state = getattr(args, "state", None)
    if state and Path(state).is_dir() and any(Path(state).iterdir()):
        if args.threshold is not None:
            log.warning("--threshold ignored: %s keeps the settings it was made with", state)
        try:
            return StoryGrouper.load(Path(state))
        except (OSError, ValueError, KeyError) as exc:
            raise NewsbriefError(f"--state {state}: cannot load the grouping ({exc})") from None
    return StoryGrouper(**kwargs)


def cmd_stories(args: argparse.Namespace) -> int:
    from .render import grouping_to_dict, grouping_to_markdown

    errors: list[str] = []
    # Streamed: the grouper keeps what it needs of each article, not its text.
    grouping = _group(args, _articles(args.paths, errors))
    _emit(args, lambda: grouping_to_dict(grouping), lambda: grouping_to_markdown(grouping))
    return 1 if errors else 0


def cmd_digest(args: argparse.Namespace) -> int:
    from .pipeline import brief_story
    from .render import digest_to_dict, digest_to_markdown

    errors: list[str] = []
    articles = list(_articles(args.paths, errors))
    failures = len(errors)
    by_id = {a.id: a for a in articles}
    ranked = []
    for story in _group(args, articles).stories:
        independent = len({
            by_id[a].source for a in story.articles if a not in story.duplicates
        })  # fmt: skip
        ranked.append((independent, len(story.articles), story))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2].id))
    entries = []
    for independent, _, story in ranked[: args.top]:
        members = [by_id[a] for a in story.articles]
        try:
            brief = brief_story(Story(articles=members, id=story.id), words=args.words)
        except NewsbriefError as exc:
            failures += 1
            print(f"newsbrief: error: story {story.id}: {exc}", file=sys.stderr)
            continue
        entries.append((story, independent, brief))
    _emit(
        args,
        lambda: digest_to_dict(entries),
        lambda: digest_to_markdown(entries),
        lambda: _digest_html(entries),
    )
    return 1 if failures else 0


def _group(args: argparse.Namespace, articles: Iterable[Article]):
    """Group the articles (into the --state grouping when given, saving it after)."""
    grouper = _grouper(args)
    engine, scheduler = getattr(args, "engine", None), getattr(args, "scheduler", None)
    if scheduler and engine == "local":
        raise NewsbriefError("--scheduler needs --engine dask")
    if engine == "dask" or scheduler:
        from .stories import add_many_dask

        # Features are computed on the workers; assignment stays in input order
        # here, so the grouping is the same as the local one.
        add_many_dask(
            grouper,
            articles,
            scheduler=scheduler,
            workers=args.workers,
            progress=sys.stderr.isatty(),
        )
    else:
        grouper.add_many(articles, progress=sys.stderr.isatty())
    grouper.refine()
    state = getattr(args, "state", None)
    if state:
        try:
            grouper.save(Path(state))
        except OSError as exc:
            raise NewsbriefError(f"--state {state}: cannot save ({exc.strerror})") from None
    return grouper.grouping()


def _digest_html(entries) -> str:
    from .html import render_digest_page

    return render_digest_page(entries)


def _emit(args: argparse.Namespace, as_dict, as_markdown, as_html=None) -> None:
    if args.format == "json":
        text = json.dumps(as_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "html" and as_html is not None:
        text = as_html()
    else:
        text = as_markdown()
    out = _open_out(args.out)
    try:
        out.write(text)
    finally:
        if out is not sys.stdout:
            out.close()


def _single(args: argparse.Namespace) -> bool:
    """Whether the input is article files (one story), so JSON can be pretty."""
    return all(
        p != "-" and Path(p).suffix.lower() not in {".jsonl", ".ndjson", ".src"} for p in args.paths
    )


def cmd_serve(args: argparse.Namespace) -> int:
    from .service.command import run

    logging.getLogger("newsbrief").setLevel(logging.INFO)
    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        if args.command == "brief":
            return cmd_brief(args)
        if args.command == "eval":
            return cmd_eval(args)
        if args.command == "stories":
            return cmd_stories(args)
        if args.command == "digest":
            return cmd_digest(args)
        if args.command == "batch":
            return cmd_batch(args)
        if args.command == "serve":
            return cmd_serve(args)
        parser.error(f"unknown command {args.command}")
    except NewsbriefError as exc:
        if args.debug:
            raise
        print(f"newsbrief: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsbrief: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except MemoryError:
        print("newsbrief: error: out of memory", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line for the user
        if args.debug:
            raise
        print(
            f"newsbrief: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
