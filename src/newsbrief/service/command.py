"""``newsbrief serve``: its options and how they become :class:`ServiceSettings`."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from ..errors import NewsbriefError
from .settings import DEFAULT_DB, DeskSettings, FeedSettings, ServiceSettings

log = logging.getLogger(__name__)


def add_parser(commands: argparse._SubParsersAction, positive) -> None:
    serve = commands.add_parser(
        "serve",
        help="run the web service and browser UI",
        description="Run the news desk: HTTP API, browser pages and feed polling over one "
        "SQLite database (see docs/service.md).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=positive, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--db", default=DEFAULT_DB, help=f"SQLite file or sqlite:/// URL (default {DEFAULT_DB})"
    )
    serve.add_argument(
        "--max-body",
        type=positive,
        default=5_000_000,
        metavar="BYTES",
        help="largest request body accepted (default 5000000)",
    )
    serve.add_argument("--words", type=positive, default=120, help="brief length in words")
    serve.add_argument(
        "--feed-interval",
        type=positive,
        default=900,
        metavar="SECONDS",
        help="time between polls of a feed (default 900)",
    )
    serve.add_argument(
        "--feed-timeout",
        type=positive,
        default=10,
        metavar="SECONDS",
        help="time before a feed or page fetch gives up (default 10)",
    )
    serve.add_argument(
        "--no-fetch-pages",
        action="store_true",
        help="use feed items' own text instead of fetching the pages they link to",
    )


def settings_from(args: argparse.Namespace) -> ServiceSettings:
    if args.port > 65535:
        raise NewsbriefError(f"--port {args.port}: must be at most 65535")
    return ServiceSettings(
        db=args.db,
        max_body=args.max_body,
        desk=DeskSettings(words=args.words),
        feeds=FeedSettings(
            interval=float(args.feed_interval),
            timeout=float(args.feed_timeout),
            fetch_pages=not args.no_fetch_pages,
        ),
    )


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; a database or port that cannot be used is a one-line error."""
    import socket

    from . import serve
    from .store import Store

    settings = settings_from(args)
    Store(settings.db).close()  # fail here, in one line, on a bad or newer database
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((args.host, args.port))
        except OSError as exc:
            message = f"cannot listen on {args.host}:{args.port} ({exc.strerror})"
            raise NewsbriefError(message) from None
    log.info("data in %s", Path(settings.db).expanduser())
    serve(settings, host=args.host, port=args.port)
    return 0
