"""Opening files: errors keep the brief on screen, edits on disk reload in place."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent

from briefing_app.ui.dialogs import RecordingDialogs
from briefing_app.ui.reader.window import MainWindow
from briefing_app.ui.settings import ReaderSettings


def test_bad_file_shows_error_and_keeps_the_brief(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "broken.brief.json"
    bad.write_text("{ not json", "utf-8")
    doc = window.document
    before = (doc.brief, doc.path, window.article.toPlainText(), window.windowTitle())
    window.selection.select_item("quote-okafor")
    assert not doc.open_path(bad)
    dialogs: RecordingDialogs = doc.dialogs
    assert len(dialogs.errors) == 1
    _title, message = dialogs.errors[0]
    assert message.startswith(f"error: {bad}: ")
    assert (doc.brief, doc.path, window.article.toPlainText(), window.windowTitle()) == before
    assert window.selection.item_id == "quote-okafor"


def test_missing_file_is_an_error_not_a_crash(window: MainWindow, tmp_path: Path) -> None:
    assert not window.document.open_path(tmp_path / "nope.txt")
    assert window.document.dialogs.errors[-1][1].startswith("error: ")


def test_unexpected_loader_failure_becomes_a_dialog(qtbot, tmp_path: Path) -> None:
    def exploding(path: Path):
        raise RuntimeError("linker bug")

    dialogs = RecordingDialogs()
    win = MainWindow(settings=ReaderSettings.in_memory(), dialogs=dialogs, loader=exploding)
    qtbot.addWidget(win)
    assert not win.document.open_path(tmp_path / "x.txt")
    assert "RuntimeError: linker bug" in dialogs.errors[0][1]
    assert win.document.brief is None


def test_edit_on_disk_reloads_and_keeps_position(window: MainWindow, qtbot, write_brief) -> None:
    window.selection.select_item("know-1")
    window.selection.step_evidence(1)
    text = window.document.brief.article.text
    window.article.scroll_to_position(text.index("Filler paragraph 20"))
    position = window.article.first_visible_position()
    with qtbot.waitSignal(window.reloaded, timeout=5000):
        write_brief(title="Dock strike brief, updated")
    assert window.document.brief.title == "Dock strike brief, updated"
    assert window.article_pane.header.title.text() == "Dock strike brief, updated"
    assert window.selection.item_id == "know-1"
    assert window.selection.evidence_position == 1
    assert window.items_pane.current_item_id() == "know-1"
    assert abs(window.article.first_visible_position() - position) < 40


def test_atomic_replace_is_seen_and_watched_again(window: MainWindow, qtbot, tmp_path) -> None:
    path = window.document.path
    for title in ("First save", "Second save"):
        staging = tmp_path / "staging.json"
        text = path.read_text("utf-8").replace(window.document.brief.title, title)
        staging.write_text(text, "utf-8")
        with qtbot.waitSignal(window.reloaded, timeout=5000):
            os.replace(staging, path)
        assert window.document.brief.title == title


def test_failed_reload_keeps_the_brief_and_says_so(window: MainWindow, qtbot) -> None:
    window.document.path.write_text("{ half written", "utf-8")
    qtbot.waitUntil(lambda: "Could not reload" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert window.document.brief.title == "Dock strike brief"
    assert window.document.dialogs.errors == []  # no modal dialog while you edit


def test_recent_files_are_remembered(window: MainWindow, write_brief) -> None:
    other = write_brief("other.brief.json", title="Other")
    assert window.document.open_path(other)
    recent = ReaderSettings.for_user().recent_files()
    assert recent[:2] == [other, write_brief()]
    window.recent_menu.aboutToShow.emit()
    labels = [a.text() for a in window.recent_menu.actions()]
    assert any("other.brief.json" in label for label in labels)
    assert labels[-1] == "Clear Recent Files"


def test_open_dialog_opens_the_chosen_file(window: MainWindow, write_brief) -> None:
    window.document.dialogs.open_answer = write_brief("chosen.brief.json", title="Chosen")
    window.actions["open"].trigger()
    assert window.document.brief.title == "Chosen"


def test_dropping_a_file_opens_it(window: MainWindow, write_brief) -> None:
    dropped = write_brief("dropped.brief.json", title="Dropped")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document.brief.title == "Dropped"


def test_source_link_asks_before_going_online(window: MainWindow, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    dialogs = window.document.dialogs
    dialogs.confirm_answer = False
    window.article_pane.header.source.linkActivated.emit("https://example.org/dock-strike")
    assert opened == [] and len(dialogs.questions) == 1
    dialogs.confirm_answer = True
    window.actions["open_source"].trigger()
    assert opened == ["https://example.org/dock-strike"]
    assert not window.document.open_source_link("file:///etc/passwd")
    assert "example.org" in window.article_pane.header.source.text()
