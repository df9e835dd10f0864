"""What the commands share: argument types, the Dask options, and --out.

Errors here are :class:`~newsbrief.errors.NewsbriefError` (one line from
:func:`newsbrief.cli.main`) or argparse's own usage errors (exit status 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..errors import NewsbriefError


def positive(value: str) -> int:
    """A whole number of at least 1 (argparse type)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def unit_interval(value: str) -> float:
    """A number strictly between 0 and 1 (argparse type)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
    if not 0.0 < number < 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {number}")
    return number


def engine_options(parser: argparse.ArgumentParser, local: str) -> None:
    """--engine/--workers/--scheduler, the same for every command that can use Dask."""
    parser.add_argument(
        "--engine", choices=("local", "dask"), default=None,
        help=f"{local}, or dask.distributed (default local; dask with --scheduler)",
    )  # fmt: skip
    parser.add_argument(
        "--workers", type=positive, default=None,
        help="worker processes (default: the CPUs available; with --scheduler: the cluster's)",
    )  # fmt: skip
    parser.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="a running Dask scheduler to use"
    )


def error(message: str) -> None:
    """Report one error on stderr, in the one-line form of every command."""
    print(f"newsbrief: error: {message}", file=sys.stderr)


def open_out(path: str | None) -> TextIO:
    """The --out file opened for writing (stdout without --out)."""
    if path is None:
        return sys.stdout
    target = Path(path)
    if target.is_dir():
        raise NewsbriefError(f"--out {path}: is a directory")
    try:
        return target.open("w", encoding="utf-8")
    except OSError as exc:
        raise NewsbriefError(f"--out {path}: cannot write ({exc.strerror or exc})") from None


def emit(
    args: argparse.Namespace,
    as_dict: Callable[[], dict],
    as_markdown: Callable[[], str],
    as_html: Callable[[], str] | None = None,
) -> None:
    """Write one document in ``args.format`` (json, html, else Markdown) to --out;
    only the form asked for is made."""
    if args.format == "json":
        text = json.dumps(as_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "html" and as_html is not None:
        text = as_html()
    else:
        text = as_markdown()
    out = open_out(args.out)
    try:
        out.write(text)
    finally:
        if out is not sys.stdout:
            out.close()
