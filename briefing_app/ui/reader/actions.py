"""The menu bar: which actions go in which menu, and the Theme and Open Recent submenus.

Why apart from the window: the layout of menus is a list, not behaviour; the window wires
what the actions do (``MainWindow._connect_signals``).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QToolButton

from briefing_app.core.model import SectionKind
from briefing_app.ui.shortcuts import MENU_ORDER, ActionRegistry
from briefing_app.ui.themes import THEME_CHOICES

TAB_ACTIONS = {
    "tab_overview": SectionKind.LEDE,
    "tab_why": SectionKind.WHY_IT_MATTERS,
    "tab_what": SectionKind.WHAT_TO_KNOW,
    "tab_quotes": SectionKind.QUOTES,
    "tab_next_steps": SectionKind.NEXT_STEPS,
}
MENU_LAYOUT: dict[str, list[str | None]] = {
    "File": ["open", "@recent", "reload", "open_source", None, "quit"],
    "Edit": ["find", "find_next", "find_previous", "close_find", None, "filter"],
    "View": ["zoom_in", "zoom_out", "zoom_reset", None, "@theme", "link_tint", None,
             "full_screen"],
    "Go": [*TAB_ACTIONS, "next_tab", "previous_tab", None, "next_item", "previous_item",
           "jump_source", "next_evidence", "previous_evidence", None, "switch_pane"],
    "Help": ["shortcuts"],
}


def build_menus(
    bar: QMenuBar, actions: ActionRegistry
) -> tuple[QMenu, QActionGroup, dict[str, QAction]]:
    """Fill the menu bar; returns the recent-files menu and the theme choices."""
    recent: QMenu | None = None
    group = QActionGroup(bar)
    theme_actions: dict[str, QAction] = {}
    for title in MENU_ORDER:
        menu = bar.addMenu(f"&{title}")
        for entry in MENU_LAYOUT[title]:
            if entry is None:
                menu.addSeparator()
            elif entry == "@recent":
                recent = menu.addMenu("Open &Recent")
                recent.setAccessibleName("Recent files")
            elif entry == "@theme":
                themes = menu.addMenu("T&heme")
                for choice in THEME_CHOICES:
                    label = "Follow System" if choice == "system" else choice.title()
                    action = themes.addAction(label)
                    action.setCheckable(True)
                    action.setData(choice)
                    group.addAction(action)
                    theme_actions[choice] = action
                themes.addSeparator()
                themes.addAction(actions["theme_cycle"])
            else:
                menu.addAction(actions[entry])
    assert recent is not None
    return recent, group, theme_actions


def bind_button(button: QToolButton, action: QAction, label: str) -> None:
    """A compact button that triggers ``action`` and follows its enabled state."""
    button.setText(label)
    button.setToolTip(action.toolTip())
    button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
    button.setAccessibleDescription(action.statusTip())
    button.clicked.connect(action.trigger)
    button.setEnabled(action.isEnabled())
    action.enabledChanged.connect(button.setEnabled)
