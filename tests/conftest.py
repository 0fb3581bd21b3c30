"""Shared fixtures. Tests that need the third-party corpus in ../shared skip with a reason without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def shared_dir() -> Path:
    """../shared next to the checkout, or $AUDIT_SHARED_DIR."""
    return Path(os.environ.get("AUDIT_SHARED_DIR", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "corpus").is_dir():
        pytest.skip(f"the shared corpus is not at {path} (set AUDIT_SHARED_DIR); CI provides it")
    return path


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return (shared / "seed" / "000_c11bd150004c2f62.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def lexicon():
    from audit.pipeline import get_lexicon

    return get_lexicon()
