"""Tabs: the five main ones always; other sections fit beside the article; no leaks."""

from __future__ import annotations

from briefing_app.core.importer import import_text
from briefing_app.core.reading.tabs import plan_tabs
from briefing_app.ui.reader.widgets.item_model import ItemListModel

SEVERAL_OTHERS = """Storm closes coast road

The coast road closed on Friday after a landslip.

Why it matters: It is the only road to three villages.

Yes, but: A ferry still runs twice a day.

Zoom in: The slip is 40 metres wide.

Between the lines: Repairs were delayed last year.
"""


def test_several_other_sections_share_one_more_tab_with_section_labels() -> None:
    brief = import_text(SEVERAL_OTHERS, name="storm.txt")
    tabs = plan_tabs(brief)
    assert [tab.title for tab in tabs] == [
        "Overview", "Why It Matters", "What To Know", "Quotes", "Next Steps", "More",
    ]
    more = tabs[-1]
    assert [more.section_labels[item.id] for item in more.items] == [
        "Yes, but", "Zoom in", "Between the lines",
    ]


def test_a_lone_other_section_gets_its_own_tab(brief) -> None:
    assert [tab.title for tab in plan_tabs(brief)][-1] == "Background"


def test_reopening_does_not_pile_up_card_models(window, qtbot, write_brief) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    def live_models() -> int:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # deleteLater
        return len(window.items_pane.findChildren(ItemListModel))

    window.document.open_path(write_brief("a.brief.json"))
    after_one = live_models()
    for name in ("b.brief.json", "c.brief.json", "d.brief.json"):
        window.document.open_path(write_brief(name))
    assert live_models() == after_one
