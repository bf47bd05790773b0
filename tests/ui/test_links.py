"""Two-way links: a card puts the article on its evidence, and article text finds its card."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextCursor

from briefing_app.ui.items_pane import plan_tabs
from briefing_app.ui.main_window import MainWindow


def _anchor(window: MainWindow, item_id: str, n: int = 0):
    return window.index.item(item_id).spans()[n]


def _span_visible(window: MainWindow, start: int, end: int) -> bool:
    rect = window.article.span_rect(start, end)
    return window.article.viewport().rect().contains(QRect(rect.topLeft(), rect.bottomLeft()))


def _select_in_list(window: MainWindow, item_id: str) -> None:
    """Pick the card the way a user does: change the current index of its list."""
    pane = window.items_pane
    tab = pane.tab_index_of_item(item_id)
    pane.show_tab(tab)
    view = pane.view_at(tab)
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        if index.data(Qt.ItemDataRole.UserRole + 2) == item_id:
            view.setCurrentIndex(index)
            return
    raise AssertionError(item_id)


def test_selecting_a_card_selects_and_shows_its_span(window: MainWindow) -> None:
    _select_in_list(window, "quote-achterberg")
    own = _anchor(window, "quote-achterberg")
    assert window.selected_item_id == "quote-achterberg"
    assert window.article.textCursor().selectedText() == own.exact
    assert window.article.verticalScrollBar().value() > 0  # it had to scroll down
    assert _span_visible(window, own.start, own.end)


def test_every_item_lands_in_view(window: MainWindow) -> None:
    for item in window.brief.items():
        assert window.select_item(item.id)
        own = item.source
        assert window.article.textCursor().selectedText() == own.exact, item.id
        assert _span_visible(window, own.start, own.end), item.id


def test_highlight_after_emoji_lands_on_the_right_characters(window: MainWindow) -> None:
    window.select_item("why-1")
    own = _anchor(window, "why-1")
    assert window.article.textCursor().selectedText() == own.exact
    # The highlighter's strong format starts exactly at the sentence, after two emoji.
    block = window.article.document().findBlock(window.article.offsets.to_utf16(own.start))
    local = window.article.offsets.to_utf16(own.start) - block.position()
    own_color = window.theme.color("own_span")
    starts = [
        r.start for r in block.layout().formats() if r.format.background().color() == own_color
    ]
    assert starts == [local]
    assert block.text()[own.start - window.article.offsets.to_code_point(block.position()):] \
        .startswith("The port handles")


def test_corroborating_spans_are_highlighted_softer(window: MainWindow) -> None:
    window.select_item("know-1")
    soft = _anchor(window, "know-1", 1)
    block = window.article.document().findBlock(window.article.offsets.to_utf16(soft.start))
    colors = {r.format.background().color().name() for r in block.layout().formats()}
    assert window.theme.soft_span.lower() in colors


def test_clicking_linked_text_selects_its_item(window: MainWindow, qtbot) -> None:
    target = _anchor(window, "quote-okafor")
    window.article.scroll_to_position(target.start)
    qtbot.wait(10)
    middle = (target.start + target.end) // 2
    qtbot.mouseClick(
        window.article.viewport(), Qt.MouseButton.LeftButton,
        pos=window.article.point_of(middle),
    )
    assert window.selected_item_id == "quote-okafor"
    quotes_tab = window.items_pane.tab_index_of_item("quote-okafor")
    assert window.items_pane.tab_widget.currentIndex() == quotes_tab
    assert window.items_pane.current_item_id() == "quote-okafor"


def test_click_on_shared_text_prefers_the_own_span(window: MainWindow, qtbot) -> None:
    shared = _anchor(window, "lede-2")  # also cited by know-1 as a figure
    window.article.scroll_to_position(shared.start)
    qtbot.mouseClick(
        window.article.viewport(), Qt.MouseButton.LeftButton,
        pos=window.article.point_of(shared.start + 3),
    )
    assert window.selected_item_id == "lede-2"
    assert window.evidence_position == 0


def test_clicking_a_corroborating_span_selects_its_item_without_jumping(
    window: MainWindow, qtbot
) -> None:
    span = _anchor(window, "know-1", 2)  # "in 2011, lasted 11 days", also background-1's own
    window.article.scroll_to_position(span.start)
    before = window.article.first_visible_position()
    qtbot.mouseClick(
        window.article.viewport(), Qt.MouseButton.LeftButton,
        pos=window.article.point_of(span.start + 2),
    )
    assert window.selected_item_id == "background-1"  # its own span beats a soft link
    assert window.article.first_visible_position() == before


def test_clicking_unlinked_text_changes_nothing(window: MainWindow, qtbot) -> None:
    window.select_item("lede-1")
    filler = window.brief.article.text.index("Filler paragraph 3 ")
    window.article.scroll_to_position(filler)
    qtbot.mouseClick(
        window.article.viewport(), Qt.MouseButton.LeftButton,
        pos=window.article.point_of(filler + 5),
    )
    assert window.selected_item_id == "lede-1"


def test_hover_tooltip_names_every_citing_item(window: MainWindow) -> None:
    shared = _anchor(window, "lede-2")
    tip = window.tooltip_at(shared.start + 2)
    assert "Cited by 2 items" in tip
    assert "Overview" in tip and "What To Know" in tip
    assert "its own passage" in tip and "same figure" in tip
    assert window.tooltip_at(window.brief.article.text.index("Filler")) == ""


def test_hover_underlines_the_span_a_click_would_follow(window: MainWindow) -> None:
    target = _anchor(window, "quote-okafor")
    window.article.scroll_to_position(target.start)
    window.article.positionHovered.emit(target.start + 4)
    block = window.article.document().findBlock(window.article.offsets.to_utf16(target.start))
    assert any(r.format.fontUnderline() for r in block.layout().formats())
    assert window.article.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    window.article.positionHovered.emit(-1)
    assert not any(r.format.fontUnderline() for r in block.layout().formats())


def test_evidence_steps_with_n_and_shift_n(window: MainWindow, qtbot) -> None:
    window.select_item("know-1")
    anchors = window.index.item("know-1").spans()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_N)
    assert window.evidence_position == 1
    assert window.article.textCursor().selectedText() == anchors[1].exact
    assert "Evidence 2 of 3" in window.items_pane.evidence_text()
    assert "same figure" in window.items_pane.evidence_text()
    qtbot.keyClick(window.article, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert window.evidence_position == 0
    qtbot.keyClick(window.article, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert window.evidence_position == 2  # wraps
    assert _span_visible(window, anchors[2].start, anchors[2].end)


def test_return_in_the_list_jumps_back_to_the_source(window: MainWindow, qtbot) -> None:
    window.select_item("know-1")
    window.step_evidence(1)
    view = window.items_pane.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.evidence_position == 0
    assert window.article.textCursor().selectedText() == _anchor(window, "know-1").exact


def test_tabs_always_include_the_main_four_with_counts(window: MainWindow) -> None:
    tabs = window.items_pane.tab_widget
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles == [
        "Overview (2)", "Why It Matters (1)", "What To Know (1)", "Quotes (2)",
        "Next Steps (0)", "Background (1)",
    ]
    assert "No “What happens next”" in window.items_pane.view_at(4).placeholder
    assert [t.title for t in plan_tabs(window.brief)][-1] == "Background"


def test_cursor_selection_uses_utf16_positions(window: MainWindow) -> None:
    own = _anchor(window, "lede-1")  # contains an emoji
    window.select_item("lede-1")
    cursor: QTextCursor = window.article.textCursor()
    assert cursor.selectionEnd() - cursor.selectionStart() == len(own.exact) + 1
    assert cursor.selectedText() == own.exact
