"""Shared fixtures: the shipped model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def coach_obj():
    import coach

    return coach.load()


@pytest.fixture(scope="session")
def model(coach_obj):
    return coach_obj.model


@pytest.fixture(scope="session")
def nlp(coach_obj):
    return coach_obj.nlp
