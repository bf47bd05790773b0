"""Hostile line lengths: an enormous word or title opens quickly and looks sensible.

Each test writes a brief with one absurd line (a 300k-character word, a 1 MB title), opens
it as a user would and checks what they would see: the window answers within a couple of
seconds, the title ends in "…" inside its column, and the article still holds every
character.  Sizes are kept modest so each test is quick; before the fix the same files took
tens of seconds (``bench/bench_long_lines.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.ui.dialogs import RecordingDialogs
from briefing_app.ui.reader.window import MainWindow
from briefing_app.ui.settings import ReaderSettings

BUDGET_S = 2.0  # open, lay out and paint; well past the time the fix takes, far under before
WORD = 300_000
TITLE = 1_000_000


@pytest.fixture
def reader(qtbot) -> Iterator[MainWindow]:
    """A shown window that imports files with the real importer."""
    window = MainWindow(settings=ReaderSettings.in_memory(), dialogs=RecordingDialogs())
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def open_and_paint(window: MainWindow, path: Path) -> float:
    """Open ``path`` and paint the whole window once; the seconds it took."""
    started = time.perf_counter()
    assert window.document.open_path(path), window.document.dialogs.errors
    window.grab()  # paints every widget, as the screen would
    return time.perf_counter() - started


def test_a_300k_character_word_opens_quickly_wraps_in_the_column_and_is_whole(
    reader: MainWindow, tmp_path: Path, qtbot
) -> None:
    word = "x" * WORD
    path = tmp_path / "word.txt"
    path.write_text(f"Long word\n\n{word}\n\nA normal paragraph follows.\n", "utf-8")
    assert open_and_paint(reader, path) < BUDGET_S
    article = reader.article
    assert word in article.toPlainText()  # every character is there to read
    assert article.toPlainText() == reader.document.brief.article.text
    block = article.document().findBlock(article.toPlainText().index(word))
    layout = block.layout()
    assert layout.lineCount() > 100  # wrapped, not one line running off to the right
    width = article.viewport().width()
    assert all(layout.lineAt(n).naturalTextWidth() <= width for n in range(layout.lineCount()))
    # Scrolling to the end of the word and painting there is just as quick.
    started = time.perf_counter()
    article.verticalScrollBar().setValue(article.verticalScrollBar().maximum())
    article.viewport().grab()
    assert time.perf_counter() - started < BUDGET_S


@pytest.mark.parametrize("kind", ["one word", "many words"])
def test_a_1mb_title_is_cut_to_a_few_lines_ending_in_an_ellipsis(
    reader: MainWindow, tmp_path: Path, qtbot, kind: str
) -> None:
    title = "T" * TITLE if kind == "one word" else ("Headline " * (TITLE // 9)).strip()
    path = tmp_path / "title.md"
    path.write_text(f"# {title}\n\nA normal paragraph.\n\nAnother one.\n", "utf-8")
    assert open_and_paint(reader, path) < BUDGET_S
    assert reader.document.brief.title == title  # the brief keeps it whole
    label = reader.article_pane.header.title
    # Once the layout has caught up, every line of the title is on screen.
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    lines = label.text().split("\n")
    assert 1 <= len(lines) <= 4
    assert lines[-1].endswith("\u2026")
    assert title.startswith(lines[0])
    metrics = label.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= label.contentsRect().width() for line in lines)
    column_left, column_width = reader.article.text_column()
    assert label.geometry().right() <= column_left + column_width + 2  # within the column
    assert title.startswith(label.toolTip()[:100]) and len(label.toolTip()) <= 1000
    window_title = reader.windowTitle()
    assert len(window_title) < 200 and window_title.startswith(title[:50])
    assert reader.article.toPlainText().startswith("A normal paragraph.")
