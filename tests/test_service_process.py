"""`newsbrief serve` as a user runs it: its own process, stopped and even killed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from newsbrief.ingest import load_articles
from servers import free_port, wait_for, wait_until_briefed
from test_service import article_json

SRC = Path(__file__).resolve().parents[1] / "src"


def serve(db: Path, port: int, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "serve", "--port", str(port), "--db", str(db), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )


def up(base: str) -> bool:
    try:
        return httpx.get(f"{base}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def docs(example_dir) -> list[dict]:
    return [article_json(a) for a in load_articles([example_dir])]


def test_killed_server_restarts_with_everything_it_acknowledged(tmp_path, docs):
    db = tmp_path / "desk.db"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = serve(db, port)
    try:
        wait_for(lambda: up(base), timeout=60, every=0.1)
        for doc in docs[:4]:
            assert httpx.post(f"{base}/articles", json=doc).status_code == 201
        wait_until_briefed(base)
        story = httpx.get(f"{base}/stories").json()["stories"][0]
        for doc in docs[4:]:
            assert httpx.post(f"{base}/articles", json=doc).status_code == 201
    finally:
        server.send_signal(signal.SIGKILL)  # no shutdown: nothing saved on the way out
        server.wait(30)

    server = serve(db, port)
    try:
        wait_for(lambda: up(base), timeout=60, every=0.1)
        health = wait_until_briefed(base)
        assert health["articles"] == len(docs)
        assert health["stories"] == 1
        again = httpx.get(f"{base}/stories/{story['id']}").json()
        assert again["story"]["articles"] == len(docs)
        assert len(again["sources"]) == len(docs)
        assert httpx.post(f"{base}/articles", json=docs[0]).status_code == 200
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    assert "Traceback" not in err


def test_serve_reports_bad_settings_in_one_line(tmp_path):
    bad_db = serve("postgresql://host/db", free_port())
    _, err = bad_db.communicate(timeout=60)
    assert bad_db.returncode == 1
    assert err.strip().splitlines() == [
        "newsbrief: error: --db postgresql://host/db: only SQLite is supported "
        "(a path or sqlite:///path)"
    ]
    not_db = tmp_path / "notes.db"
    not_db.write_text("these are my notes, not a database\n" * 100)
    garbage = serve(not_db, free_port())
    _, err = garbage.communicate(timeout=60)
    assert garbage.returncode == 1 and "not a usable SQLite database" in err
    assert "Traceback" not in err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = serve(tmp_path / "x.db", taken.getsockname()[1])
        _, err = busy.communicate(timeout=60)
    assert busy.returncode == 1 and "cannot listen on" in err
    assert "Traceback" not in err
