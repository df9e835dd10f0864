"""Shared test fixtures: paths to the bundled example and to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "raqqa"
SHARED = ROOT.parent / "shared"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not present (a fresh clone has no ../shared; CI has it)")
    return path


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture
def seeds_dir() -> Path:
    return _need(SHARED / "seeds")


@pytest.fixture
def multinews_path() -> Path:
    return _need(SHARED / "data" / "multinews_val.jsonl")


@pytest.fixture
def duc_path() -> Path:
    return _need(SHARED / "data" / "duc2003_task2.jsonl")
