"""Hostile line lengths: an enormous word or title opens quickly and looks sensible.

Each test writes a brief with one absurd line (a 300k-character word, a 1 MB title), opens
it as a user would and checks what they would see: the window answers within a couple of
seconds, the title ends in "…" inside its column, a card wraps the word inside the card,
and the article still holds every character.  Sizes are kept modest so each test is quick;
before the fix the same files took tens of seconds (``bench/bench_long_lines.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

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


def ink_lines(image: QImage, rect: QRect) -> int:
    """How many separate lines of dark text are drawn inside ``rect`` of ``image``."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    bits = bytes(gray.constBits())
    per_row = gray.bytesPerLine()
    lines, inked_before = 0, False
    for y in range(max(rect.top(), 0), min(rect.bottom(), gray.height())):
        row = bits[y * per_row + max(rect.left(), 0) : y * per_row + rect.right()]
        inked = bool(row) and min(row) < 110
        lines += inked and not inked_before
        inked_before = inked
    return lines


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


def test_a_card_holding_a_huge_word_wraps_it_inside_the_card(
    reader: MainWindow, tmp_path: Path, qtbot
) -> None:
    path = tmp_path / "word.txt"
    path.write_text(f"Long word\n\n{'x' * WORD}\n\nA normal paragraph follows.\n", "utf-8")
    assert open_and_paint(reader, path) < BUDGET_S
    view = reader.items_pane.current_view()
    assert view is not None
    qtbot.waitUntil(lambda: not reader.items_pane.measuring())
    index = view.model().index(0, 0)
    assert "x" * 1000 in index.data()  # the card of the long word
    card = view.visualRect(index)
    viewport = view.viewport()
    assert card.width() <= viewport.width()
    # Many lines of the word inside the card, yet the card stays a card, not a mile of
    # scrolling (the article has the whole word).
    assert ink_lines(viewport.grab().toImage(), card) >= 10
    assert card.height() < 2 * viewport.height()
    assert view.visualRect(view.model().index(1, 0)).top() >= card.bottom()  # next card below


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


def test_huge_section_headings_keep_tabs_and_cards_short(
    reader: MainWindow, tmp_path: Path, qtbot
) -> None:
    heading = "H" * 400_000
    path = tmp_path / "headings.md"
    path.write_text(
        "# Brief\n\nA lede paragraph.\n\n"
        f"## {heading}\n\nThe first other section's point.\n\n"
        f"## {heading}2\n\nThe second other section's point.\n",
        "utf-8",
    )
    assert open_and_paint(reader, path) < BUDGET_S
    pane = reader.items_pane
    bar = pane.tab_widget.tabBar()
    assert all(len(bar.tabText(i)) < 40 for i in range(bar.count()))
    assert bar.sizeHint().width() <= pane.tab_widget.width()
    started = time.perf_counter()
    reader.show_tab("other")
    view = pane.current_view()
    assert view is not None and view.model().rowCount() == 2
    image = view.viewport().grab().toImage()
    assert time.perf_counter() - started < BUDGET_S
    card = view.visualRect(view.model().index(0, 0))
    assert ink_lines(image, card) == 2  # the section label on one line, then the point
    assert len(reader.status_label.text()) < 200


def test_a_run_too_long_to_be_a_word_is_found_exactly_at_the_limit() -> None:
    import random

    from briefing_app.ui.reader.widgets.text_limits import LONG_RUN_CHARS, has_long_run

    def longest_run(text: str) -> int:  # the plain definition: characters between breaks
        return max((len(run) for run in text.replace("中", " ").split()), default=0)

    rng = random.Random(9)
    for _ in range(400):
        runs = ["x" * rng.choice([rng.randint(0, 40), rng.randint(990, 1010),
                                  rng.randint(1, 3000)]) for _ in range(rng.randint(0, 5))]
        text = rng.choice([" ", "\n", "中", " \n "]).join(runs)
        assert has_long_run(text) == (longest_run(text) >= LONG_RUN_CHARS), [len(r) for r in runs]
