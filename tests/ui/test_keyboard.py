"""Keyboard use: find, tabs, J/K, zoom, the cheat sheet, and no shortcut bound twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from briefing_app.core.text.find import find_all
from briefing_app.ui.reader.actions import ACTION_SPECS
from briefing_app.ui.reader.window import MainWindow
from tests.ui.conftest import evidence_on_show, text_in_colour

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _press(qtbot, window: MainWindow, sequence: QKeySequence | str) -> None:
    combo = QKeySequence(sequence)[0]
    target = window.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def _first_shortcut(window: MainWindow, name: str) -> QKeySequence:
    return window.actions[name].shortcuts()[0]


def test_find_counts_matches_and_steps(window: MainWindow, qtbot) -> None:
    window.article.setFocus()
    _press(qtbot, window, QKeySequence.StandardKey.Find)
    assert window.find_bar.isVisible()
    assert window.find_bar.edit.hasFocus()
    qtbot.keyClicks(window.find_bar.edit, "HARBOUR")
    window.find_bar.flush()
    text = window.document.brief.article.text
    expected = find_all(text, "harbour")
    assert len(expected) > 10
    assert window.find.matches == expected
    assert window.find_bar.count_label.text() == f"{window.find.current + 1} of {len(expected)}"
    first = window.find.current
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find.current == (first + 1) % len(expected)
    start, end = expected[window.find.current]
    theme = window.appearance.theme
    window.highlighter.flush()
    assert text_in_colour(window, theme.find_current) == [text[start:end]]
    _press(qtbot, window, _first_shortcut(window, "find_previous"))
    assert window.find.current == first
    _press(qtbot, window, _first_shortcut(window, "find_next"))
    _press(qtbot, window, _first_shortcut(window, "find_next"))
    assert window.find.current == (first + 2) % len(expected)
    window.find_bar.edit.setFocus()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.find.matches == []
    window.highlighter.flush()
    assert text_in_colour(window, theme.find_match) == []


def test_find_without_matches(window: MainWindow, qtbot) -> None:
    window.find_bar.open()
    qtbot.keyClicks(window.find_bar.edit, "zeppelin")
    window.find_bar.flush()
    assert window.find_bar.count_label.text() == "No matches"
    window.find.step(backwards=False)  # harmless


def test_find_after_emoji_selects_the_word(window: MainWindow, qtbot) -> None:
    window.find_bar.open()
    qtbot.keyClicks(window.find_bar.edit, "ships queue")
    window.find_bar.flush()
    window.highlighter.flush()
    assert text_in_colour(window, window.appearance.theme.find_current) == ["Ships queue"]


def test_ctrl_number_switches_tabs(window: MainWindow, qtbot) -> None:
    tabs = window.items_pane.tab_widget
    for digit, title in [(1, "Why It Matters"), (2, "What To Know"), (3, "Quotes"),
                         (4, "Next Steps"), (0, "Overview")]:
        qtbot.keyClick(window.focusWidget() or window, Qt.Key(Qt.Key.Key_0 + digit), CTRL)
        assert tabs.tabToolTip(tabs.currentIndex()).startswith(title)
        assert window.items_pane.current_view().hasFocus()
    assert window.selection.item_id is None  # focusing a list selects nothing by itself


def test_j_and_k_move_between_cards(window: MainWindow, qtbot) -> None:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_0, CTRL)
    view = window.items_pane.current_view()
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert window.selection.item_id == "lede-1"
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert window.selection.item_id == "lede-2"
    qtbot.keyClick(view, Qt.Key.Key_J)  # stays on the last card
    assert window.selection.item_id == "lede-2"
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert window.selection.item_id == "lede-1"
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the list's own keys work too
    assert window.selection.item_id == "lede-2"
    own = window.document.index.item("lede-2").source
    assert evidence_on_show(window) == own.exact


def test_j_types_into_the_filter_box_instead_of_moving(window: MainWindow, qtbot) -> None:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_K, CTRL)
    assert window.items_pane.filter_edit.hasFocus()
    qtbot.keyClicks(window.items_pane.filter_edit, "jk")
    assert window.items_pane.filter_edit.text() == "jk"
    assert window.selection.item_id is None


def test_filter_box_filters_cards_by_text_or_speaker(window: MainWindow, qtbot) -> None:
    pane = window.items_pane
    qtbot.keyClicks(pane.filter_edit, "okafor")
    quotes = pane.tab_index_of_kind("quotes")
    assert pane.tab_widget.tabToolTip(quotes) == "Quotes (1 of 2)"
    assert pane.tab_widget.tabText(quotes) in ("Quotes (1 of 2)", "Quotes (1)")
    assert pane.view_at(quotes).model().rowCount() == 1
    pane.filter_edit.clear()
    assert pane.tab_widget.tabToolTip(quotes) == "Quotes (2)"


def test_selecting_a_filtered_out_item_clears_the_filter(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.items_pane.filter_edit, "okafor")
    window.selection.select_item("quote-achterberg")
    assert window.items_pane.filter_edit.text() == ""
    assert window.items_pane.current_item_id() == "quote-achterberg"


def test_zoom_keys_change_text_size_and_persist(window: MainWindow, qtbot) -> None:
    size = window.article.font().pointSizeF()
    _press(qtbot, window, _first_shortcut(window, "zoom_in"))
    assert window.article.font().pointSizeF() > size
    assert window.settings.zoom() == 1
    _press(qtbot, window, _first_shortcut(window, "zoom_out"))
    _press(qtbot, window, _first_shortcut(window, "zoom_out"))
    assert window.article.font().pointSizeF() < size
    _press(qtbot, window, "Ctrl+Shift+0")
    assert window.article.font().pointSizeF() == size and window.appearance.zoom == 0


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for name, action in window.actions.actions.items():
        assert action.shortcuts(), f"{name} has no shortcut"
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key} bound to {seen.get(key)} and {name}"
            seen[key] = name


def test_cheat_sheet_lists_every_action_and_its_keys(window: MainWindow, qtbot) -> None:
    _press(qtbot, window, QKeySequence.StandardKey.HelpContents)
    dialogs = [w for w in window.findChildren(type(window.show_cheat_sheet()))]
    dialog = dialogs[0]
    shown = dialog.listed_shortcuts()
    assert len(shown) == len(ACTION_SPECS)
    for action in window.actions.actions.values():
        label = action.text().replace("&", "").rstrip("…")
        native = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
        assert native in shown[label]
    for d in dialogs:
        d.close()


def test_link_tint_toggle_tints_cited_text(window: MainWindow, qtbot) -> None:
    _press(qtbot, window, "Ctrl+Shift+L")
    assert window.actions["link_tint"].isChecked()
    assert window.settings.link_tint()
    window.highlighter.flush()
    own = window.document.index.item("quote-okafor").source
    block = window.article.document().findBlock(window.article.offsets.to_utf16(own.start))
    tint = window.appearance.theme.section_tint_color("quotes")
    assert any(r.format.background().color() == tint for r in block.layout().formats())
    filler = window.article.document().findBlockByNumber(4)
    assert not filler.layout().formats()  # uncited text stays plain
    _press(qtbot, window, "Ctrl+Shift+L")
    window.highlighter.flush()
    assert not any(r.format.background().color() == tint for r in block.layout().formats())


def test_switch_pane_moves_focus(window: MainWindow, qtbot) -> None:
    window.article.setFocus()
    _press(qtbot, window, "F6")
    assert window.items_pane.current_view().hasFocus()
    _press(qtbot, window, "F6")
    assert window.article.hasFocus()


def test_escape_in_the_article_closes_the_find_bar(window: MainWindow, qtbot) -> None:
    window.find_bar.open()
    qtbot.keyClicks(window.find_bar.edit, "port")
    window.find_bar.flush()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.find.matches == []


def test_ctrl_wheel_zooms_through_the_window(window: MainWindow) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    event = QWheelEvent(
        QPointF(20, 20), QPointF(20, 20), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(window.article.viewport(), event)
    assert window.appearance.zoom == 1 and window.settings.zoom() == 1
