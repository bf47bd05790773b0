"""The two entry points the CLI calls: run_app and render_screenshot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from briefing_app.core.errors import BriefInputError
from briefing_app.ui.app import NO_DISPLAY_MESSAGE, run_app
from briefing_app.ui.screenshot import render_screenshot


def test_screenshot_writes_a_png_of_the_requested_size(
    qapp: QApplication, write_brief, tmp_path: Path
) -> None:
    out = tmp_path / "shot.png"
    render_screenshot(
        write_brief(), out, tab="quotes", select="quote-okafor", theme="dark", size=(900, 600)
    )
    image = QImage(str(out))
    assert out.stat().st_size > 10_000
    assert (image.width(), image.height()) == (900, 600)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".shot")] == []


@pytest.mark.parametrize(
    ("kwargs", "wording"),
    [
        ({"select": "no-such-item"}, "no item with id 'no-such-item'"),
        ({"tab": "sports"}, "unknown tab 'sports'"),
        ({"theme": "neon"}, "unknown theme"),
        ({"out": "missing-dir/shot.png"}, "does not exist"),
    ],
)
def test_screenshot_rejects_bad_input(
    qapp: QApplication, write_brief, tmp_path: Path, kwargs: dict, wording: str
) -> None:
    options = {"tab": None, "select": None, "theme": "light", "size": (800, 600)}
    out = tmp_path / kwargs.pop("out", "shot.png")
    options.update(kwargs)
    with pytest.raises(BriefInputError, match=wording):
        render_screenshot(write_brief(), out, **options)
    assert not out.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux")
def test_run_app_without_a_display_says_how_to_get_one(monkeypatch, capsys) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert run_app(None) == 2
    err = capsys.readouterr().err
    assert err.strip() == NO_DISPLAY_MESSAGE
    assert "xvfb-run" in err and "QT_QPA_PLATFORM=offscreen" in err


def test_run_app_offscreen_opens_the_sample_and_runs_the_loop(qapp: QApplication) -> None:
    seen: list[str] = []

    def look_and_quit() -> None:
        windows = [w for w in qapp.topLevelWidgets() if w.isVisible() and hasattr(w, "document")]
        opened = [w for w in windows if w.document.brief is not None]
        if not opened:
            QTimer.singleShot(20, look_and_quit)  # look again once the loop has run
            return
        seen.extend(w.document.brief.title for w in opened)
        for w in windows:
            w.close()  # closing the last window ends the loop, as for a user

    QTimer.singleShot(0, look_and_quit)
    QTimer.singleShot(4000, qapp.quit)  # fallback so a stray visible window can't hang us
    assert run_app(None) == 0
    assert seen and "strike" in seen[0].lower()
