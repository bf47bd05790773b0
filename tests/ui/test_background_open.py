"""Long articles import on a worker thread: the window keeps running and the newest wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from briefing_app.core.importer import import_path
from briefing_app.ui.background_import import BACKGROUND_FROM_BYTES
from briefing_app.ui.dialogs import RecordingDialogs
from briefing_app.ui.reader.window import MainWindow
from briefing_app.ui.settings import ReaderSettings


def long_article(path: Path, title: str) -> Path:
    """A plain-text brief comfortably over the background threshold."""
    body = "\n\n".join(
        f"Paragraph {n} reports that crews on pier {n % 97} moved {1000 + n * 37:,} tonnes "
        f"of cargo, the harbour office said in its note number {n * 7919}."
        for n in range(3000)
    )
    text = f"{title}\n\n{body}\n\nWhy It Matters\n\nThe harbour moves 14% of imports.\n"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > BACKGROUND_FROM_BYTES
    return path


@pytest.fixture
def reader(qtbot) -> MainWindow:
    window = MainWindow(
        settings=ReaderSettings.for_user(), dialogs=RecordingDialogs(), loader=import_path
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_long_file_opens_while_the_event_loop_keeps_running(reader, qtbot, tmp_path) -> None:
    path = long_article(tmp_path / "long.txt", "Harbour logbook")
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    import time

    started = time.perf_counter()
    with qtbot.waitSignal(reader.document.opened, timeout=60_000):
        reader.document.open_path_soon(path)
        assert reader.document.brief is None  # not yet: the import is running elsewhere
    elapsed = time.perf_counter() - started
    timer.stop()
    assert reader.document.brief is not None
    assert reader.document.brief.title == "Harbour logbook"
    assert len(ticks) >= 10, (len(ticks), elapsed)  # the event loop kept running meanwhile


def test_a_later_request_wins_over_a_slow_earlier_one(reader, qtbot, tmp_path) -> None:
    slow = long_article(tmp_path / "slow.txt", "Slow logbook")
    quick = tmp_path / "quick.txt"
    quick.write_text("Quick note\n\nThe ferry ran on time.\n", encoding="utf-8")
    doc = reader.document
    finished: list[object] = []
    doc.importer.done.connect(lambda _g, path, _r, _e: finished.append(path))
    doc.open_path_soon(slow)
    doc.open_path_soon(quick)  # small: opens at once
    assert doc.brief is not None and doc.brief.title == "Quick note"
    qtbot.waitUntil(lambda: finished == [slow], timeout=60_000)  # the slow one ends later…
    assert doc.brief.title == "Quick note"  # …and must not replace the quick one
    doc.open_path_soon(slow)
    second = long_article(tmp_path / "second.txt", "Second logbook")
    doc.open_path_soon(second)
    qtbot.waitUntil(lambda: len(finished) == 3, timeout=60_000)
    assert doc.brief.title == "Second logbook"


def test_a_long_bad_file_reports_the_error_and_keeps_the_brief(reader, qtbot, tmp_path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Good brief\n\nAll is well.\n", encoding="utf-8")
    assert reader.document.open_path(good)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"text\x00" * (BACKGROUND_FROM_BYTES // 4))
    reader.document.open_path_soon(bad)
    qtbot.waitUntil(lambda: bool(reader.document.dialogs.errors), timeout=30_000)
    assert reader.document.dialogs.errors[0][1].startswith(f"error: {bad}")
    assert reader.document.brief.title == "Good brief"
