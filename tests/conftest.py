"""Shared test setup: headless Qt and isolated user directories for every test.

Why autouse: no test may open a real window or touch the user's real settings or library.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("BRIEFING_APP_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("BRIEFING_APP_DATA_DIR", str(home / "data"))
    yield
