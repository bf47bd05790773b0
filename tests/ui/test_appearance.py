"""Themes, cards and accessibility: what the reader looks like and how it is announced."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QTabWidget, QWidget

from briefing_app.core.model import Item
from briefing_app.core.reading.card_text import (
    card_body,
    describe_item,
    evidence_label,
    hedge_tooltip,
)
from briefing_app.ui.reader.widgets.cards import CardDelegate
from briefing_app.ui.reader.widgets.item_model import ItemRole
from briefing_app.ui.reader.window import MainWindow
from briefing_app.ui.settings import ReaderSettings
from briefing_app.ui.themes import DARK, LIGHT, SEPIA, resolve_theme
from tests.ui.conftest import text_in_colour


def _window_color() -> str:
    return QApplication.palette().color(QPalette.ColorRole.Window).name().upper()


def test_theme_switching_recolours_and_persists(window: MainWindow, qtbot) -> None:
    window.appearance.set_theme("dark")
    assert _window_color() == DARK.window.upper()
    # Palette changes reach widgets through the event loop.
    qtbot.waitUntil(lambda: window.article.palette().color(QPalette.ColorRole.Base).name()
                    .upper() == DARK.paper.upper())
    assert ReaderSettings.for_user().theme() == "dark"
    qtbot.keyClick(window, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.appearance.theme is SEPIA and _window_color() == SEPIA.window.upper()
    window.appearance.cycle_theme()
    assert window.appearance.theme is LIGHT
    assert window.theme_actions["light"].isChecked()


def test_highlights_follow_the_theme(window: MainWindow) -> None:
    window.selection.select_item("lede-2")
    window.appearance.set_theme("dark")
    window.highlighter.flush()
    own = window.document.index.item("lede-2").source
    assert text_in_colour(window, DARK.current_span) == [own.exact]
    window.selection.step_evidence(1)  # the own passage stays marked, in its own colour
    assert text_in_colour(window, DARK.own_span) == [own.exact]


def test_system_theme_follows_the_colour_scheme() -> None:
    assert resolve_theme("system", Qt.ColorScheme.Dark) is DARK
    assert resolve_theme("system", Qt.ColorScheme.Light) is LIGHT
    assert resolve_theme("system", Qt.ColorScheme.Unknown) is LIGHT
    assert resolve_theme("sepia", Qt.ColorScheme.Dark) is SEPIA


def test_every_theme_keeps_text_readable_on_highlights() -> None:
    def luminance(hex_color: str) -> float:
        channels = [int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    for theme in (LIGHT, DARK, SEPIA):
        grounds = [theme.paper, theme.own_span, theme.soft_span,
                   theme.find_match, *theme.section_tint.values()]
        for ground in grounds:
            assert contrast(theme.text, ground) >= 4.5, (theme.name, ground)
        assert contrast(theme.current_text, theme.current_span) >= 4.5, theme.name
        assert contrast(theme.find_current_text, theme.find_current) >= 4.5, theme.name
        assert contrast(theme.accent_text, theme.accent) >= 4.5, theme.name
        assert contrast(theme.text, theme.selection) >= 4.5, theme.name
        for bg, fg in theme.badge.values():
            assert contrast(fg, bg) >= 4.5, (theme.name, bg)
        assert contrast(theme.muted, theme.paper) >= 4.5, theme.name


def test_quote_cards_show_speaker_and_hedged_cards_a_badge(window: MainWindow) -> None:
    quote = window.document.index.item("quote-okafor")
    claim = window.document.index.item("lede-2")
    view = window.items_pane.view_at(0)
    delegate: CardDelegate = view.delegate
    quote_layout = delegate.layout_card(quote, 400)
    assert quote_layout.name is not None and quote_layout.role is not None
    claim_layout = delegate.layout_card(claim, 400)
    assert [label for _, label, _ in claim_layout.badges] == ["Unconfirmed"]
    assert "has not been independently confirmed" in hedge_tooltip(claim)
    assert "Quote by Amara Okafor, Port Director." in describe_item(quote)
    assert evidence_label(claim) == "2 passages"
    index = view.model().index(1, 0)
    assert index.data(ItemRole).id == "lede-2"
    assert "Unconfirmed" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_card_heights_grow_with_text_and_narrow_width(window: MainWindow) -> None:
    delegate = window.items_pane.view_at(0).delegate
    item = window.document.index.item("lede-2")
    assert delegate.layout_card(item, 250).height > delegate.layout_card(item, 800).height


def test_card_body_adds_quote_marks_only_when_missing() -> None:
    bare = Item(id="q", kind="quote", text="We will not go back.")
    marked = Item(id="r", kind="quote", text="“We will not go back,” she said.")
    assert card_body(bare) == "“We will not go back.”"
    assert card_body(marked) == marked.text


def test_a_reported_statement_card_says_so_and_never_wears_quote_marks(
    window: MainWindow,
) -> None:
    statement = Item(
        id="s",
        kind="statement",
        text="Futa said the survey team would report any risk at once.",
        speaker={"name": "Desmond Futa", "role": "Parks officer"},
    )
    delegate: CardDelegate = window.items_pane.view_at(0).delegate
    layout = delegate.layout_card(statement, 400)
    assert [label for _, label, _ in layout.badges] == ["Reported statement"]
    assert card_body(statement) == statement.text  # no quote marks added
    assert describe_item(statement).startswith("Reported statement by Desmond Futa")


def test_widgets_carry_accessible_names_and_descriptions(window: MainWindow) -> None:
    window.find_bar.open()
    interactive = (QAbstractButton, QLineEdit, QTabWidget)
    checked = 0
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName().startswith("qt_"):
            continue
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if isinstance(widget, interactive) or (focusable and widget.accessibleName()):
            if isinstance(widget.parent(), (QLineEdit, QTabWidget)) or not widget.parent():
                continue  # Qt's own sub-widgets (clear buttons, tab scrollers)
            if type(widget).__name__ in {"QToolButton"} and not widget.text():
                continue
            assert widget.accessibleName(), widget
            assert widget.accessibleDescription(), widget
            checked += 1
    for widget in (window.article, window.items_pane.current_view(), window.article.marks,
                   window.items_pane.filter_edit, window.find_bar.edit):
        assert widget.accessibleName() and widget.accessibleDescription()
    assert checked >= 8
