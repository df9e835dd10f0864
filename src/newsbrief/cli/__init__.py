"""The ``newsbrief`` command line: one module per command.

* :mod:`.brief` -- ``brief``: a story's brief (or one per story of the input);
* :mod:`.stories` -- ``stories``: group articles into stories (``--state``);
* :mod:`.digest` -- ``digest``: stories ranked by independent sources, briefed;
* :mod:`.batch` -- ``batch``: brief a JSON Lines file in parallel, resumably;
* :mod:`.eval` -- ``eval``: ROUGE scores against human summaries;
* ``serve`` is :mod:`newsbrief.service.command`;
* :mod:`.options` (argument types, --out, Dask options) and :mod:`.grouping`
  (reading articles, the --state policy) are what commands share.

Each command module has ``add_parser(commands)`` and ``run(args) -> exit status``.
Errors are one line on stderr and exit status 1 (2 for usage errors), never a
traceback; ``--debug`` shows the traceback for bug reports.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from ..errors import NewsbriefError
from ..version import __version__
from . import batch, brief, digest, eval, stories
from .options import positive


def cmd_serve(args: argparse.Namespace) -> int:
    from ..service.command import run

    logging.getLogger("newsbrief").setLevel(logging.INFO)
    return run(args)


#: Command name -> what runs it, in the order ``newsbrief --help`` lists them.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "brief": brief.run,
    "stories": stories.run,
    "digest": digest.run,
    "batch": batch.run,
    "eval": eval.run,
    "serve": cmd_serve,
}

# The entry points of each command under their names before the split.
cmd_brief, cmd_stories, cmd_digest = brief.run, stories.run, digest.run
cmd_batch, cmd_eval = batch.run, eval.run


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
    for command in (brief, stories, digest, batch, eval):
        command.add_parser(commands)

    from ..service.command import add_parser as add_serve_parser

    add_serve_parser(commands, positive)
    return parser


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("newsbrief: %(levelname)s: %(message)s"))
    root = logging.getLogger("newsbrief")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        command = COMMANDS.get(args.command)
        if command is None:
            parser.error(f"unknown command {args.command}")
        return command(args)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
