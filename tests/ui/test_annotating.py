"""Annotating as a reader does it, with the keys: highlight, status, note, undo, reopen.

Why through the real window, importer and store: the promise is that nothing is ever lost —
an annotation made with a key is in the store at once, undo and redo give back the same
annotation, and after the window closes and the article file is edited, reopening finds
every annotation in place or lists it as an orphan.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QDialog

from briefing_app.core.annotations import ClaimStatus, HighlightColour, Placement
from briefing_app.core.store import Store
from briefing_app.ui.dialogs import RecordingDialogs
from briefing_app.ui.notes.editor import NoteEditor
from briefing_app.ui.reader.window import MainWindow
from briefing_app.ui.settings import ReaderSettings
from tests.ui.conftest import text_in_colour

ARTICLE = """Ferry fares to rise in spring

The island ferry company will raise fares by 9% from 1 April, its board said on Monday.

Season tickets for islanders rise by 4%, and the cost of taking a car across goes up by £6.

“We held fares for three winters while fuel doubled,” said chief executive Rhona Bellweather.

Islanders' council chair Tam Orrock said the rise would hurt families who cross for school and work.

What Happens Next

The transport board reviews the fares in June.
"""


def _open(qtbot, path: Path) -> MainWindow:
    window = MainWindow(settings=ReaderSettings.for_user(), dialogs=RecordingDialogs())
    qtbot.addWidget(window)
    window.resize(1300, 820)
    window.show()
    qtbot.waitExposed(window)
    assert window.document.open_path(path)
    return window


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, article: Path) -> Iterator[MainWindow]:
    win = _open(qtbot, article)
    yield win
    win.close()


def _select(window: MainWindow, words: str) -> None:
    text = window.document.brief.article.text
    start = text.index(words)
    window.article.setFocus()
    window.article.select_span(start, start + len(words))


def _press(qtbot, window: MainWindow, keys: str | QKeySequence.StandardKey) -> None:
    combo = QKeySequence(keys)[0]
    target = window.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def _stored(window: MainWindow):
    store = window.annotating.store
    assert store is not None
    return store.annotations(window.annotating.controller.document_id)


def test_alt_1_highlights_the_selection_in_the_store_the_article_and_the_panel(
    qtbot, window: MainWindow
) -> None:
    _select(window, "raise fares by 9%")
    _press(qtbot, window, "Alt+1")
    (stored,) = _stored(window)
    assert stored.colour is HighlightColour.KEY_FACT
    assert stored.selector.exact == "raise fares by 9%"
    window.article.textCursor().clearSelection()
    window.highlighter.flush()
    colour = window.appearance.theme.highlight_color("key_fact")
    assert text_in_colour(window, colour) == ["raise fares by 9%"]
    assert "raise fares by 9%" in window.annotating.panel.list.item(0).text()
    assert window.annotating.panel.count_label.text() == "1 note"


def test_undo_and_redo_give_back_the_same_annotation(qtbot, window: MainWindow) -> None:
    _select(window, "goes up by £6")
    _press(qtbot, window, "Alt+2")
    (made,) = _stored(window)
    _press(qtbot, window, QKeySequence.StandardKey.Undo)
    assert _stored(window) == []
    assert window.actions["redo"].isEnabled()
    _press(qtbot, window, QKeySequence.StandardKey.Redo)
    (again,) = _stored(window)
    assert (again.id, again.colour, again.selector) == (made.id, made.colour, made.selector)
    assert window.actions["undo"].text().replace("&", "").startswith("Undo Highlight as")


def test_a_status_on_a_focused_card_shows_on_the_card_in_the_margin_and_as_a_filter(
    qtbot, window: MainWindow
) -> None:
    quote = next(i for i in window.document.brief.items() if "three winters" in i.text)
    window.selection.select_item(quote.id)
    window.items_pane.current_view().setFocus()
    _press(qtbot, window, "Ctrl+Alt+D")
    view = window.items_pane.current_view()
    assert view.delegate.marks[quote.id].status is ClaimStatus.DISPUTED
    marks = window.article.gutter.marks()
    assert [(start, glyph) for start, glyph, _c, _t in marks] == [(quote.source.start, "✗")]
    panel = window.annotating.panel
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(ClaimStatus.DISPUTED))
    assert panel.list.count() == 1 and "Disputed" in panel.list.item(0).text()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(ClaimStatus.VERIFIED))
    assert panel.list.count() == 0


def test_a_note_and_tags_are_saved_from_the_editor(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def type_and_save(editor: NoteEditor) -> int:
        editor.note.setPlainText("Check against the **2023** fares")
        editor.tags.setText("fares, #budget")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteEditor, "exec", type_and_save)
    _select(window, "Season tickets for islanders rise by 4%")
    _press(qtbot, window, "Ctrl+Shift+M")
    (stored,) = _stored(window)
    assert (stored.note, stored.tags) == ("Check against the **2023** fares", ["fares", "budget"])
    assert stored.colour is HighlightColour.KEY_FACT  # new text gets the last colour used
    panel = window.annotating.panel
    panel.search.setText("2023 fares")
    assert panel.list.count() == 1
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("budget"))
    assert panel.list.count() == 1


def test_everything_survives_closing_editing_the_file_and_reopening(
    qtbot, window: MainWindow, article: Path
) -> None:
    _select(window, "raise fares by 9%")
    _press(qtbot, window, "Alt+1")
    _select(window, "held fares for three winters")
    _press(qtbot, window, "Alt+4")
    _select(window, "the rise would hurt families")
    _press(qtbot, window, "Alt+3")
    item = next(i for i in window.document.brief.items() if "reviews the fares" in i.text)
    window.selection.select_item(item.id)
    window.items_pane.current_view().setFocus()
    _press(qtbot, window, "Ctrl+Alt+V")
    window.close()

    edited = ARTICLE.replace(
        "The island ferry company",
        "After a long consultation, the island ferry company",
    ).replace("the rise would hurt families", "the rise would badly hurt families")
    article.write_text(edited.replace(
        "“We held fares for three winters while fuel doubled,”", "“Fuel doubled,”"),
        encoding="utf-8")
    again = _open(qtbot, article)
    try:
        placed = {e.annotation.colour or e.annotation.status: e
                  for e in again.annotating.controller.book.all()}
        text = again.document.brief.article.text
        moved = placed[HighlightColour.KEY_FACT]
        assert moved.placement is Placement.MOVED
        assert text[moved.selector.start:moved.selector.end] == "raise fares by 9%"
        assert placed[HighlightColour.FOLLOW_UP].placement is Placement.FUZZY
        assert placed[HighlightColour.QUESTION].placement is Placement.ORPHAN
        assert placed[ClaimStatus.VERIFIED].placement in (Placement.EXACT, Placement.MOVED)
        listed = [again.annotating.panel.list.item(n).text()
                  for n in range(again.annotating.panel.list.count())]
        assert len(listed) == 4  # the orphan is listed, not dropped
        assert any("not found in the article" in entry for entry in listed)
        assert any("text changed" in entry and "was “" in entry for entry in listed)
    finally:
        again.close()


def test_accepting_changed_text_makes_it_exact_next_time(
    qtbot, window: MainWindow, article: Path
) -> None:
    _select(window, "the rise would hurt families")
    _press(qtbot, window, "Alt+3")
    window.close()
    article.write_text(ARTICLE.replace("would hurt families", "would hurt many families"),
                       encoding="utf-8")
    again = _open(qtbot, article)
    try:
        (entry,) = again.annotating.controller.book.all()
        assert entry.placement is Placement.FUZZY
        assert again.annotating.controller.accept_change(entry.annotation.id)
        (settled,) = again.annotating.controller.book.all()
        assert settled.placement is Placement.EXACT
        assert "many families" in settled.selector.exact
    finally:
        again.close()


def test_the_library_finds_a_note_and_opens_its_brief(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def save(editor: NoteEditor) -> int:
        editor.note.setPlainText("Ask the harbour trust about timetables")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteEditor, "exec", save)
    _select(window, "cost of taking a car across")
    _press(qtbot, window, "Ctrl+Shift+M")
    _press(qtbot, window, "Ctrl+L")
    library = window.annotating.library
    assert library is not None and library.isVisible()
    assert library.documents.topLevelItemCount() == 1
    assert library.documents.topLevelItem(0).text(3) == "1"  # one note
    library.search.setText("timetables")
    qtbot.waitUntil(lambda: library.results.topLevelItemCount() == 1, timeout=3000)
    hit = library.results.topLevelItem(0)
    assert hit.text(1) == "note"
    with qtbot.waitSignal(library.openRequested) as opened:
        library.results.itemActivated.emit(hit, 0)
    assert Path(opened.args[0]).name == "ferry.txt" and opened.args[1]
    library.close()


def test_a_read_only_library_is_said_once_and_reading_still_works(
    qtbot, article: Path, tmp_path: Path
) -> None:
    path = tmp_path / "ro" / "library.sqlite3"
    path.parent.mkdir()
    Store.open(path).close()
    store = Store.open(path, read_only=True)
    window = MainWindow(settings=ReaderSettings.for_user(), dialogs=RecordingDialogs(),
                        store=store)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.document.open_path(article)
        _select(window, "raise fares by 9%")
        _press(qtbot, window, "Alt+1")
        assert "read-only" in window.statusBar().currentMessage()
        assert window.annotating.controller.book.all() == []
        assert not window.actions["undo"].isEnabled()  # nothing to undo: nothing was saved
        assert window.document.brief is not None  # and the brief is still there to read
    finally:
        window.close()
        store.close()


def test_the_colours_carry_a_cue_besides_colour(window: MainWindow) -> None:
    from briefing_app.ui.reader.widgets.highlighter import READER_UNDERLINES

    styles = list(READER_UNDERLINES.values())
    assert len(set(styles)) == 5 and Qt.PenStyle.NoPen not in styles
    names = {QColor(window.appearance.theme.highlight_color(c)).name()
             for c in HighlightColour}
    assert len(names) == 5


def _export_dialog(window: MainWindow):
    from briefing_app.ui.export.dialog import ExportDialog

    window.actions["export"].trigger()
    dialogs = window.findChildren(ExportDialog)
    assert dialogs
    return dialogs[-1]


def test_file_export_writes_each_format_and_keeps_edits_around_the_markers(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QMessageBox

    _select(window, "raise fares by 9%")
    _press(qtbot, window, "Alt+1")
    dialog = _export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert "raise fares by 9%" in dialog.text_preview.toPlainText()
    notes = tmp_path / "ferry-notes.md"
    assert dialog.export_to(notes)
    edited = "My own heading\n\n" + notes.read_text(encoding="utf-8") + "\nMy closing line.\n"
    notes.write_text(edited, encoding="utf-8")
    assert dialog.export_to(notes)  # merged between the markers, no question asked
    again = notes.read_text(encoding="utf-8")
    assert again.startswith("My own heading\n") and again.endswith("My closing line.\n")

    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert "raise fares by 9%" in dialog.html_preview.toPlainText()
    page = tmp_path / "ferry.html"
    page.write_text("someone else's page", encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    assert not dialog.export_to(page)
    assert page.read_text(encoding="utf-8") == "someone else's page"  # asked, and kept

    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.page.setCurrentIndex(dialog.page.findData("letter"))
    handout = tmp_path / "ferry.pdf"
    assert dialog.export_to(handout)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(handout).pages)
    assert "Ferry fares to rise in spring" in text and "raise fares by 9%" in text
    article = window.document.path
    assert not dialog.export_to(article, confirmed=True)  # never onto the article
    assert "is the input file" in dialog.message.text()
    dialog.close()
