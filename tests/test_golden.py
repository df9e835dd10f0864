"""Golden outputs: every entry point writes exactly the pinned bytes.

See ``golden_cases.py`` for what is pinned and how a deliberate change
refreshes the pins. On a mismatch the new output is written under
``test-artifacts/golden/`` so it can be diffed against ``tests/golden/``.
"""

from __future__ import annotations

import json

import pytest

from golden_cases import GOLDEN, ROOT, SHARED_PINS, cases, digests

ARTIFACTS = ROOT / "test-artifacts" / "golden"
HOW = "refresh deliberately with: .venv/bin/python tests/golden_cases.py --update"


def _shared_pins() -> dict:
    return json.loads(SHARED_PINS.read_text()) if SHARED_PINS.exists() else {}


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_output_is_pinned(case):
    if case.missing:
        pytest.skip(f"{case.missing} not present (a fresh clone has no ../shared; CI has it)")
    data = case.make()
    if case.shared:
        expected = _shared_pins().get(case.name)
        assert expected is not None, f"{case.name} has no pin; {HOW}"
        actual = digests(data)
        if actual != expected:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / case.name).write_bytes(data)
            moved = sorted(k for k in expected.keys() | actual.keys()
                           if k != "*" and expected.get(k) != actual.get(k))  # fmt: skip
            pytest.fail(
                f"{case.name}: {len(moved)} lines moved (first: {moved[:5]}); output in "
                f"{ARTIFACTS / case.name}; {HOW}"
            )
        return
    pinned = GOLDEN / case.name
    assert pinned.exists(), f"{pinned} missing; {HOW}"
    if data != pinned.read_bytes():
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / case.name).write_bytes(data)
        pytest.fail(f"{case.name} differs from {pinned}: see {ARTIFACTS / case.name}; {HOW}")


def test_every_pinned_file_has_a_case():
    names = {c.name for c in cases()}
    pinned = {p.name for p in GOLDEN.iterdir()} - {SHARED_PINS.name}
    assert pinned <= names, f"golden files with no case: {sorted(pinned - names)}"
    assert set(_shared_pins()) <= names
