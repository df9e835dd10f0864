"""Real servers for the service tests: newsbrief on uvicorn, and a static site for feeds.

Both listen on 127.0.0.1 on a free port and run on threads of the test
process, so a test can stop one and start another on the same database.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import ClassVar

import httpx
import uvicorn

from newsbrief.service import ServiceSettings, create_app

#: The client of the tests' requests to their local servers: patient with a
#: loaded machine (httpx's default 5 s timeout failed tests there), so a request
#: fails on a wrong answer, never on a slow one.
local_http = httpx.Client(timeout=120)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_service(settings: ServiceSettings) -> Iterator[str]:
    """The service on a real socket; yields its base URL and shuts it down cleanly."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the service did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(60)


def wait_for(condition: Callable[[], object], timeout: float = 60.0, every: float = 0.05):
    """Poll until ``condition()`` is truthy; its value, or AssertionError at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(every)


def wait_until_briefed(base: str, timeout: float = 120.0) -> dict:
    """Wait for the desk to have grouped everything and written every brief."""

    def settled():
        health = local_http.get(f"{base}/health").json()
        done = health["articles_to_group"] == 0 and health["stale_briefs"] == 0
        return health if health["stories"] and done else None

    return wait_for(settled, timeout)


class _SiteHandler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Callable[[str], tuple[int, str, bytes]]]] = {}

    def do_GET(self) -> None:
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        try:
            status, kind, body = route(f"http://127.0.0.1:{self.server.server_port}")
        except (BrokenPipeError, ConnectionResetError):
            return
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def static_site(routes: dict[str, Callable[[str], tuple[int, str, bytes]]]) -> Iterator[str]:
    """A local web site: path -> function of the site's base URL giving (status, type, body)."""
    handler = type("Handler", (_SiteHandler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def file_route(path: Path, kind: str) -> Callable[[str], tuple[int, str, bytes]]:
    """Serve a file, with ``{base}`` in it replaced by the site's base URL."""
    return lambda base: (200, kind, path.read_text().replace("{base}", base).encode())
