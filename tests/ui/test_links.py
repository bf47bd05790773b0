"""Two-way links: a card puts the article on its evidence, and highlighted evidence finds
its card — while a plain click or drag in the article only places the caret or selects."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor

from briefing_app.core.reading.tabs import plan_tabs
from briefing_app.ui.reader.window import MainWindow
from tests.ui.conftest import evidence_on_show, text_in_colour


def _anchor(window: MainWindow, item_id: str, n: int = 0):
    return window.document.index.item(item_id).spans()[n]


def _span_visible(window: MainWindow, start: int, end: int) -> bool:
    rect = window.article.span_rect(start, end)
    return window.article.viewport().rect().contains(QRect(rect.topLeft(), rect.bottomLeft()))


def _click(qtbot, window: MainWindow, position: int) -> None:
    window.article.scroll_to_position(max(position - 40, 0))
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.article.point_of(position))


def _select_in_list(window: MainWindow, item_id: str) -> None:
    """Pick the card the way a user does: change the current index of its list."""
    pane = window.items_pane
    tab = pane.tab_index_of_item(item_id)
    pane.show_tab(tab)
    view = pane.view_at(tab)
    view.setCurrentIndex(view.index_of(item_id))


def test_selecting_a_card_shows_its_passage_scrolled_into_view(window: MainWindow) -> None:
    _select_in_list(window, "quote-achterberg")
    own = _anchor(window, "quote-achterberg")
    assert window.selection.item_id == "quote-achterberg"
    assert evidence_on_show(window) == own.exact
    assert window.article.verticalScrollBar().value() > 0  # it had to scroll down
    assert _span_visible(window, own.start, own.end)


def test_every_item_lands_in_view(window: MainWindow) -> None:
    for item in window.document.brief.items():
        assert window.selection.select_item(item.id)
        own = item.source
        assert evidence_on_show(window) == own.exact, item.id
        assert _span_visible(window, own.start, own.end), item.id


def test_showing_evidence_leaves_the_readers_own_selection_alone(window: MainWindow) -> None:
    cursor = QTextCursor(window.article.document())
    cursor.setPosition(10)
    cursor.setPosition(30, QTextCursor.MoveMode.KeepAnchor)
    window.article.setTextCursor(cursor)
    chosen = window.article.textCursor().selectedText()
    window.selection.select_item("quote-okafor")
    assert window.article.textCursor().selectedText() == chosen
    assert evidence_on_show(window).startswith("Port Director Amara Okafor")


def test_highlight_after_emoji_lands_on_the_right_characters(window: MainWindow) -> None:
    window.selection.select_item("why-1")
    own = _anchor(window, "why-1")
    assert evidence_on_show(window) == own.exact  # after two emoji in the same paragraph
    window.selection.select_item("lede-1")
    assert evidence_on_show(window) == _anchor(window, "lede-1").exact  # emoji inside it


def test_corroborating_spans_are_highlighted_softer(window: MainWindow) -> None:
    window.selection.select_item("know-1")
    soft = [_anchor(window, "know-1", 1).exact, _anchor(window, "know-1", 2).exact]
    assert text_in_colour(window, window.appearance.theme.soft_span) == soft


def test_a_plain_click_places_the_caret_and_selects_nothing(window: MainWindow, qtbot) -> None:
    target = _anchor(window, "quote-okafor")  # cited, but not highlighted: nothing selected
    middle = (target.start + target.end) // 2
    _click(qtbot, window, middle)
    assert window.selection.item_id is None
    assert window.article.offsets.to_code_point(window.article.textCursor().position()) \
        in (middle, middle + 1)
    assert not window.article.textCursor().hasSelection()


def test_dragging_over_cited_text_selects_text_not_an_item(window: MainWindow, qtbot) -> None:
    window.selection.select_item("quote-okafor")
    target = _anchor(window, "quote-okafor")
    viewport = window.article.viewport()
    start, end = window.article.point_of(target.start + 5), window.article.point_of(
        target.start + 25)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=QPoint((start.x() + end.x()) // 2, start.y()))
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert window.article.textCursor().selectedText() == target.exact[5:25]
    assert window.selection.item_id == "quote-okafor"  # unchanged by the drag


def test_clicking_highlighted_evidence_selects_the_item_citing_it(
    window: MainWindow, qtbot
) -> None:
    window.selection.select_item("lede-2")
    shared = _anchor(window, "lede-2", 1)  # know-1's own sentence, lede-2's figure link
    window.article.scroll_to_position(shared.start - 40)
    before = window.article.first_visible_position()
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.article.point_of(shared.start + 3))
    assert window.selection.item_id == "know-1"  # its own span beats a soft link
    assert window.items_pane.current_item_id() == "know-1"
    know_tab = window.items_pane.tab_index_of_item("know-1")
    assert window.items_pane.tab_widget.currentIndex() == know_tab
    assert window.article.first_visible_position() == before  # the text did not jump


def test_with_the_link_tint_on_any_tinted_passage_is_clickable(
    window: MainWindow, qtbot
) -> None:
    window.actions["link_tint"].setChecked(True)
    target = _anchor(window, "quote-okafor")
    _click(qtbot, window, (target.start + target.end) // 2)
    assert window.selection.item_id == "quote-okafor"
    assert window.selection.evidence_position == 0


def test_clicking_unlinked_text_changes_nothing(window: MainWindow, qtbot) -> None:
    window.selection.select_item("lede-1")
    filler = window.document.brief.article.text.index("Filler paragraph 3 ")
    _click(qtbot, window, filler + 5)
    assert window.selection.item_id == "lede-1"


def test_hover_tooltip_names_every_citing_item(window: MainWindow) -> None:
    shared = _anchor(window, "lede-2")
    tip = window.selection.tooltip_at(shared.start + 2)
    assert "Cited by 2 items" in tip and "click to select" not in tip  # not highlighted
    assert "Overview" in tip and "What To Know" in tip
    assert "own passage" in tip and "same figure" in tip
    window.selection.select_item("lede-2")
    assert "click to select" in window.selection.tooltip_at(shared.start + 2)
    text = window.document.brief.article.text
    assert window.selection.tooltip_at(text.index("Filler")) == ""


def test_hover_underlines_only_what_a_click_would_select(window: MainWindow) -> None:
    target = _anchor(window, "quote-okafor")
    window.article.scroll_to_position(target.start)
    block = window.article.document().findBlock(window.article.offsets.to_utf16(target.start))
    window.article.positionHovered.emit(target.start + 4)
    assert not any(r.format.fontUnderline() for r in block.layout().formats())
    assert window.article.viewport().cursor().shape() == Qt.CursorShape.IBeamCursor
    window.selection.select_item("quote-okafor")
    window.article.positionHovered.emit(target.start + 4)
    assert any(r.format.fontUnderline() for r in block.layout().formats())
    assert window.article.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    window.article.positionHovered.emit(-1)
    assert not any(r.format.fontUnderline() for r in block.layout().formats())


def test_evidence_steps_with_n_and_shift_n(window: MainWindow, qtbot) -> None:
    window.selection.select_item("know-1")
    anchors = window.document.index.item("know-1").spans()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_N)
    assert window.selection.evidence_position == 1
    assert evidence_on_show(window) == anchors[1].exact
    assert window.items_pane.evidence.text() == "Evidence 2 of 3 · same figure"
    qtbot.keyClick(window.article, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.evidence_position == 0
    qtbot.keyClick(window.article, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.evidence_position == 2  # wraps
    assert _span_visible(window, anchors[2].start, anchors[2].end)


def test_the_footer_counter_sits_beside_the_arrows_it_counts(window: MainWindow) -> None:
    bar = window.items_pane.evidence
    assert bar.counter.text() == "Evidence"  # nothing selected yet
    window.selection.select_item("know-1")
    assert bar.counter.text() == "Evidence 1 of 3"
    assert bar.reason.full_text() == "the item's own passage"
    bar.next_button.click()
    assert bar.counter.text() == "Evidence 2 of 3"
    counter, arrows = bar.counter.geometry(), bar.previous_button.geometry()
    assert 0 <= arrows.left() - counter.right() <= 12  # the arrows follow the counter
    assert bar.next_button.geometry().left() >= arrows.right()
    assert bar.reason.geometry().left() > bar.next_button.geometry().right()


def test_return_in_the_list_jumps_back_to_the_source(window: MainWindow, qtbot) -> None:
    window.selection.select_item("know-1")
    window.selection.step_evidence(1)
    view = window.items_pane.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.selection.evidence_position == 0
    assert evidence_on_show(window) == _anchor(window, "know-1").exact


def test_tabs_always_include_the_main_four_with_counts(window: MainWindow) -> None:
    tabs = window.items_pane.tab_widget
    titles = [tabs.tabToolTip(i) for i in range(tabs.count())]
    assert titles == [
        "Overview (2)", "Why It Matters (1)", "What To Know (1)", "Quotes (2)",
        "Next Steps (0)", "Background (1)",
    ]
    assert "No “What happens next”" in window.items_pane.view_at(4).placeholder
    assert [t.title for t in plan_tabs(window.document.brief)][-1] == "Background"
