"""Shared test setup: headless Qt and isolated user directories for every test.

Why autouse: no test may open a real window or touch the user's real settings or library.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI runs the property tests on a fixed seed so a submission passes or fails the same way on
# every run; locally each run explores new examples (and prints how to replay a failure).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("BRIEFING_APP_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("BRIEFING_APP_DATA_DIR", str(home / "data"))
    yield
