"""What a new user tripped over: colours that tell evidence from find hits, why a passage is
linked shown on the card, a layout that fits 1280×720 and fills 1920, zoom that reaches
the cards, a steady screenshot, and a filter that gives back the place it took."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QLabel

from briefing_app.core.reading.link_words import link_chips
from briefing_app.ui.reader.window import MainWindow
from briefing_app.ui.screenshot import capture
from briefing_app.ui.themes import THEMES
from tests.ui.conftest import text_in_colour


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_passage_on_show_and_find_hits_have_distinct_colours(
    window: MainWindow, theme: str
) -> None:
    window.appearance.set_theme(theme)
    window.selection.select_item("lede-2")  # "The strike involves 1,240 workers."
    window.find_bar.open()
    window.find.set_query("strike")
    window.highlighter.flush()
    colours = window.appearance.theme
    evidence = text_in_colour(window, colours.current_span)
    current_hit = text_in_colour(window, colours.find_current)
    other_hits = text_in_colour(window, colours.find_match)
    assert "".join(evidence) == "The  involves 1,240 workers."  # the hit inside stands out
    assert current_hit == ["strike"]
    assert other_hits  # the other matches have their own, third colour
    palette = {colours.current_span, colours.find_current, colours.find_match,
               colours.own_span, colours.soft_span, colours.selection}
    assert len({QColor(c).name() for c in palette}) == 6


def _card_rect(window: MainWindow, item_id: str):
    pane = window.items_pane
    view = pane.view_at(pane.tab_index_of_item(item_id))
    return view, view.visualRect(view.index_of(item_id))


def test_the_card_says_why_each_passage_is_linked(window: MainWindow) -> None:
    window.selection.select_item("know-1")
    view, rect = _card_rect(window, "know-1")
    item = window.document.index.item("know-1")
    layout = view.delegate.layout_card(item, rect.width())
    assert [text for _, text, _ in layout.chips] == ["same figure", "same wording"]
    assert all(rect.contains(chip.translated(rect.topLeft())) for chip, _, _ in layout.chips)

    def chip_filled(n: int) -> bool:
        image = view.viewport().grab().toImage()
        chip = layout.chips[n][0].translated(rect.topLeft())
        accent = window.appearance.theme.color("accent")
        return image.pixelColor(chip.center().x(), chip.top() + 3) == accent

    assert not chip_filled(0) and not chip_filled(1)  # its own passage is on show
    window.selection.step_evidence(1)
    assert chip_filled(0) and not chip_filled(1)  # "Evidence 2 of 3" is the figure link
    window.selection.step_evidence(1)
    assert chip_filled(1) and not chip_filled(0)


def test_chips_count_passages_that_share_a_reason() -> None:
    from briefing_app.core.model import Item

    item = Item.model_validate({"id": "x", "kind": "claim", "text": "t", "anchors": [
        {"start": 0, "end": 1, "exact": "a"},
        {"start": 2, "end": 3, "exact": "b", "reason": "figure", "detail": "1,240"},
        {"start": 4, "end": 5, "exact": "c", "reason": "figure", "detail": "1,240"},
        {"start": 6, "end": 7, "exact": "d", "reason": "quoted_words", "detail": "“no”"}]})
    assert [c.label for c in link_chips(item)] == ["same figure 1,240 \u00d72", "same quote “no”"]


def _fully_visible(widget) -> bool:
    window = widget.window()
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = window.rect().contains(top_left) and window.rect().contains(
        top_left + QPoint(widget.width() - 1, widget.height() - 1))
    return widget.isVisible() and inside


def test_at_1280_by_720_nothing_is_clipped_and_the_tabs_fit(window: MainWindow, qtbot) -> None:
    window.showNormal()
    window.resize(1280, 720)
    window.fit_split()
    qtbot.waitUntil(lambda: window.width() == 1280 and window.height() == 720)
    window.selection.select_item("quote-achterberg")
    bar = window.items_pane.tab_widget.tabBar()
    for tab in range(bar.count()):  # whichever tab is current (it is drawn wider)
        window.items_pane.show_tab(tab)
        assert bar.sizeHint().width() <= window.items_pane.tab_widget.width(), tab
        last = bar.tabRect(bar.count() - 1)
        assert last.right() <= bar.width(), tab  # the last tab whole: no scroll arrows
    title = window.article_pane.header.title
    assert title.height() >= title.heightForWidth(title.width())  # every line of the title
    evidence = window.items_pane.evidence
    for widget in (evidence.counter, evidence.previous_button, evidence.next_button,
                   evidence.jump_button, window.status_label, window.items_pane.filter_edit):
        assert _fully_visible(widget), widget
    for label in (evidence.counter, window.status_label):  # once the layout has caught up
        qtbot.waitUntil(lambda label=label: label.fontMetrics().horizontalAdvance(label.text())
                        <= label.width())
    assert window.article.text_column()[1] >= 480  # still a comfortable column of text


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900), (1920, 1080)])
def test_the_tab_bar_never_overflows_into_scroll_arrows(
    window: MainWindow, qtbot, size: tuple[int, int]
) -> None:
    from briefing_app.core.importer import import_path
    from tests.conftest import SAMPLES

    window.resize(*size)
    window.fit_split()
    brief = import_path(SAMPLES / "grid-upgrade.txt")  # six tabs
    window.document.show_brief(brief)
    bar = window.items_pane.tab_widget.tabBar()
    for item in brief.items():  # whichever tab is current (it is drawn wider)
        window.selection.select_item(item.id)
        capture(window, QSize(*size))  # as a screenshot would
        assert bar.tabRect(bar.count() - 1).right() <= bar.width(), (size, item.id)


def test_at_1920_wide_the_article_column_uses_the_space(window: MainWindow, qtbot) -> None:
    window.resize(1280, 800)
    window.fit_split()
    qtbot.waitUntil(lambda: window.width() == 1280)
    narrow = window.article.text_column()[1]
    window.resize(1920, 1080)
    window.fit_split()
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.waitUntil(lambda: window.article.text_column()[1] > narrow)
    width = window.article.text_column()[1]
    pane = window.article_pane.width()
    assert window.article_pane.width() > window.items_pane.width()
    assert width >= 0.6 * pane  # the text fills most of its pane…
    assert width >= 1.2 * narrow  # …and grows with the window


def test_zoom_scales_the_cards_as_well_as_the_article(window: MainWindow, qtbot) -> None:
    view, before = _card_rect(window, "lede-2")
    article_size = window.article.font().pointSizeF()
    card_size = view.delegate.body_font().pointSizeF()
    window.actions["zoom_in"].trigger()
    window.actions["zoom_in"].trigger()
    assert window.article.font().pointSizeF() > article_size
    assert view.delegate.body_font().pointSizeF() > card_size
    qtbot.waitUntil(lambda: _card_rect(window, "lede-2")[1].height() > before.height())


def test_screenshots_show_no_caret(window: MainWindow) -> None:
    article = window.article
    text = window.document.brief.article.text
    heading_end = text.index("Why It Matters") + len("Why It Matters")  # blank space after
    cursor = QTextCursor(article.document())
    cursor.setPosition(article.offsets.to_utf16(heading_end))
    article.setTextCursor(cursor)
    article.scroll_to_position(heading_end - 40)
    article.setFocus()
    caret = article.cursorRect().translated(article.viewport().mapTo(window, QPoint(0, 0)))
    image = capture(window, QSize(window.width(), window.height()))
    paper = window.appearance.theme.color("paper")
    column = [image.pixelColor(caret.left(), y) for y in range(caret.top() + 2,
                                                                caret.bottom() - 1)]
    assert column and all(colour == paper for colour in column)


def test_clearing_the_filter_restores_the_selection_and_scroll(
    window: MainWindow, qtbot
) -> None:
    window.resize(1200, 330)  # short, and big cards, so the Quotes list scrolls
    window.appearance.set_zoom(5)
    window.selection.select_item("quote-achterberg")
    pane = window.items_pane
    view = pane.current_view()
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    scrolled = view.verticalScrollBar().value()
    window.actions["filter"].trigger()
    qtbot.keyClicks(pane.filter_edit, "carrowmore")  # hides both quotes
    assert pane.view_at(pane.tab_index_of_kind("quotes")).model().rowCount() == 0
    pane.filter_edit.clear()
    assert window.selection.item_id == "quote-achterberg"
    assert pane.current_item_id() == "quote-achterberg"
    assert pane.current_view().selectionModel().isSelected(
        pane.current_view().index_of("quote-achterberg"))
    assert pane.current_view().verticalScrollBar().value() == scrolled


def test_a_card_picked_while_filtering_stays_picked(window: MainWindow, qtbot) -> None:
    window.selection.select_item("lede-1")
    pane = window.items_pane
    qtbot.keyClicks(pane.filter_edit, "okafor")
    quotes = pane.view_at(pane.tab_index_of_kind("quotes"))
    pane.show_tab(pane.tab_index_of_kind("quotes"))
    quotes.setCurrentIndex(quotes.index_of("quote-okafor"))
    assert window.selection.item_id == "quote-okafor"
    pane.filter_edit.clear()
    assert window.selection.item_id == "quote-okafor"
    assert pane.current_item_id() == "quote-okafor"


def test_every_label_in_the_footer_is_plain_text(window: MainWindow) -> None:
    for label in window.items_pane.evidence.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def _painted_rows(marks) -> list[int]:
    """The rows of the evidence map painted in one of its lanes' colours."""
    image = marks.grab().toImage()
    lane_colours = {colour.rgb() for colour in marks.lane_colors()}
    return [
        y for y in range(image.height())
        if any(image.pixel(x, y) in lane_colours for x in range(image.width()))
    ]


def test_on_a_short_article_the_evidence_map_stands_beside_the_text(
    window: MainWindow, qtbot, tmp_path
) -> None:
    """An article shorter than the pane: each mark beside its passage, none spread over the
    empty page below the last line (as the scrollbar's full height would place them)."""
    from briefing_app.core.importer import import_text

    brief = import_text(
        "Port reopens\n\nThe port reopened on Monday after 11 days of the strike.\n\n"
        "Dockers said 1,240 of them were back at work by noon.\n\n"
        "\u201cWe are back, and the ships are moving,\u201d said Ana Ruiz, who leads the "
        "union.\n\nThe union said 1,240 dockers had returned.",
        name="short.txt",
    )
    path = tmp_path / "short.brief.json"
    path.write_text(brief.model_dump_json(), "utf-8")
    assert window.document.open_path(path)
    article = window.article
    assert article.verticalScrollBar().maximum() == 0  # it all fits
    qtbot.waitUntil(lambda: bool(_painted_rows(article.marks)))
    offset = article.contentOffset()
    first = article.blockBoundingGeometry(article.document().firstBlock()).translated(offset)
    last = article.blockBoundingGeometry(article.document().lastBlock()).translated(offset)
    rows = _painted_rows(article.marks)
    assert first.top() - 1 <= min(rows) and max(rows) <= last.bottom() + 1
    assert last.bottom() < article.marks.height() * 0.6  # (the page below is empty)

    article.set_zoom(14)  # now it scrolls: the map follows the scrollbar's groove again
    qtbot.waitUntil(lambda: article.verticalScrollBar().maximum() > 0)
    # (the last paragraph is cited: its mark now sits at the foot of the groove)
    qtbot.waitUntil(
        lambda: max(_painted_rows(article.marks), default=0) > article.marks.height() * 0.8
    )
