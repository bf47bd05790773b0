"""The reader's actions and menus: every action, its keys, its menu, declared once.

Why data: the menu bar, the shortcuts, the F1 cheat sheet and the tests read these tables,
so a key can't be listed but unbound, or bound twice; the window wires what each action
does (``MainWindow._connect_signals``).  Qt's standard key sequences are used wherever one
exists (Open, Find, Zoom, Full Screen, Help …) so platform conventions hold; a fallback
applies where the platform defines none (e.g. Quit on some Linux desktops).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolButton

from briefing_app.core.annotations import DEFAULT_COLOUR_NAMES, ClaimStatus, HighlightColour
from briefing_app.core.model import SectionKind
from briefing_app.ui.shortcuts import ActionRegistry, ActionSpec
from briefing_app.ui.themes import THEME_CHOICES

StandardKey = QKeySequence.StandardKey

ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open…", (StandardKey.Open,), "File", "Open a brief from disk",
               fallback=("Ctrl+O",)),
    ActionSpec("reload", "&Reload", (StandardKey.Refresh, "Ctrl+R"), "File",
               "Read the current file again"),
    ActionSpec("open_source", "Open &Original Article…", ("Ctrl+Shift+O",), "File",
               "Open the article's web address in your browser (asks first)"),
    ActionSpec("quit", "&Quit", (StandardKey.Quit,), "File", "Close the reader",
               fallback=("Ctrl+Q",)),
    ActionSpec("find", "&Find in Article…", (StandardKey.Find,), "Edit",
               "Search the article text", fallback=("Ctrl+F",)),
    ActionSpec("find_next", "Find &Next", (StandardKey.FindNext,), "Edit",
               "Go to the next match", fallback=("F3",)),
    ActionSpec("find_previous", "Find Pre&vious", (StandardKey.FindPrevious,), "Edit",
               "Go to the previous match", fallback=("Shift+F3",)),
    ActionSpec("close_find", "Close Find Bar", (StandardKey.Cancel,), "Edit",
               "Hide the find bar and its highlights", fallback=("Esc",), scope="find"),
    ActionSpec("filter", "Filter &Items…", ("Ctrl+K",), "Edit",
               "Show only cards whose text or speaker matches"),
    ActionSpec("zoom_in", "Zoom &In", (StandardKey.ZoomIn, "Ctrl+="), "View",
               "Larger text", fallback=("Ctrl++",)),
    ActionSpec("zoom_out", "Zoom &Out", (StandardKey.ZoomOut,), "View", "Smaller text",
               fallback=("Ctrl+-",)),
    ActionSpec("zoom_reset", "&Actual Size", ("Ctrl+Shift+0",), "View",
               "Default text size"),
    ActionSpec("theme_cycle", "Next &Theme", ("Ctrl+Shift+T",), "View",
               "Cycle light, dark and sepia"),
    ActionSpec("link_tint", "&Tint Linked Passages", ("Ctrl+Shift+L",), "View",
               "Colour every cited passage by its section; uncited text stays plain",
               checkable=True),
    ActionSpec("present", "&Present…", ("Ctrl+P",), "View",
               "Show the brief as slides, with a presenter view on your screen"),
    ActionSpec("full_screen", "&Full Screen", (StandardKey.FullScreen,), "View",
               "Fill the screen", fallback=("F11",), checkable=True),
    ActionSpec("tab_overview", "&Overview", ("Ctrl+0",), "Go", "Show the Overview tab"),
    ActionSpec("tab_why", "&Why It Matters", ("Ctrl+1",), "Go",
               "Show the Why It Matters tab"),
    ActionSpec("tab_what", "What To &Know", ("Ctrl+2",), "Go", "Show the What To Know tab"),
    ActionSpec("tab_quotes", "&Quotes", ("Ctrl+3",), "Go", "Show the Quotes tab"),
    ActionSpec("tab_next_steps", "Next &Steps", ("Ctrl+4",), "Go", "Show the Next Steps tab"),
    ActionSpec("next_tab", "Next Tab", ("Ctrl+PgDown",), "Go", "Show the tab to the right"),
    ActionSpec("previous_tab", "Previous Tab", ("Ctrl+PgUp",), "Go",
               "Show the tab to the left"),
    ActionSpec("next_item", "Next Item", ("J",), "Go", "Select the next card"),
    ActionSpec("previous_item", "Previous Item", ("K",), "Go", "Select the previous card"),
    ActionSpec("jump_source", "&Jump to Source", ("Return", "Enter"), "Go",
               "Scroll the article to the selected card's own passage", scope="items"),
    ActionSpec("next_evidence", "Next &Evidence", ("N",), "Go",
               "Show the selected card's next linked passage"),
    ActionSpec("previous_evidence", "Previous E&vidence", ("Shift+N",), "Go",
               "Show the selected card's previous linked passage"),
    ActionSpec("switch_pane", "Switch &Pane", ("F6",), "Go",
               "Move keyboard focus between the article and the cards"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", (StandardKey.HelpContents,), "Help",
               "List every shortcut", fallback=("F1",)),
    ActionSpec("export", "&Export…", ("Ctrl+E",), "File",
               "Export the brief and your notes: Markdown, HTML, PDF handout, W3C or JSON"),
    ActionSpec("library", "&Library…", ("Ctrl+L",), "File",
               "Every brief you have opened, and search across articles and notes"),
    ActionSpec("undo", "&Undo", (StandardKey.Undo,), "Edit", "Undo the last annotation edit",
               fallback=("Ctrl+Z",)),
    ActionSpec("redo", "&Redo", (StandardKey.Redo,), "Edit", "Redo the annotation edit undone",
               fallback=("Ctrl+Shift+Z",)),
    *(
        ActionSpec(f"highlight_{number}", f"Highlight as {DEFAULT_COLOUR_NAMES[colour]}",
                   (f"Alt+{number}",), "Annotate",
                   "Highlight the selected text (or mark the selected card) in this colour")
        for number, colour in enumerate(HighlightColour, start=1)
    ),
    ActionSpec("remove_highlight", "Remove &Highlight", ("Alt+0",), "Annotate",
               "Remove the highlight under the selection or the caret"),
    ActionSpec("edit_note", "Add or Edit &Note…", ("Ctrl+Shift+M",), "Annotate",
               "Write a note and tags on the selected text, highlight or card"),
    ActionSpec("status_verified", "Mark &Verified", ("Ctrl+Alt+V",), "Annotate",
               "Set the selected card's status to verified"),
    ActionSpec("status_disputed", "Mark &Disputed", ("Ctrl+Alt+D",), "Annotate",
               "Set the selected card's status to disputed"),
    ActionSpec("status_needs_source", "Mark Needs &Source", ("Ctrl+Alt+S",), "Annotate",
               "Set the selected card's status to needs source"),
    ActionSpec("status_unreviewed", "Mark &Unreviewed", ("Ctrl+Alt+U",), "Annotate",
               "Clear the selected card's status"),
    ActionSpec("notes_panel", "&Notes Panel", ("Ctrl+Shift+N",), "Annotate",
               "Show or hide the list of every highlight, note and status", checkable=True),
    ActionSpec("colour_names", "Name the &Colours…", ("Ctrl+Alt+C",), "Annotate",
               "Rename the five highlight colours to what they mean to you"),
)

STATUS_ACTIONS = {
    "status_verified": ClaimStatus.VERIFIED,
    "status_disputed": ClaimStatus.DISPUTED,
    "status_needs_source": ClaimStatus.NEEDS_SOURCE,
    "status_unreviewed": ClaimStatus.UNREVIEWED,
}
HIGHLIGHT_ACTIONS = {
    f"highlight_{number}": colour for number, colour in enumerate(HighlightColour, start=1)
}

MENU_ORDER = ("File", "Edit", "View", "Go", "Annotate", "Help")


CHEAT_SHEET_NOTES = (
    "In a card list, Up and Down also move between cards. In the article, a click places the "
    "caret and a drag selects text; a click on highlighted evidence selects the card that "
    "cites it, and hovering over it lists every card that does. The strip beside the "
    "scrollbar shows where each section's evidence sits; click it to scroll there."
)

TAB_ACTIONS = {
    "tab_overview": SectionKind.LEDE,
    "tab_why": SectionKind.WHY_IT_MATTERS,
    "tab_what": SectionKind.WHAT_TO_KNOW,
    "tab_quotes": SectionKind.QUOTES,
    "tab_next_steps": SectionKind.NEXT_STEPS,
}
MENU_LAYOUT: dict[str, list[str | None]] = {
    "File": ["open", "@recent", "reload", "open_source", None, "export", "library", None,
             "quit"],
    "Edit": ["undo", "redo", None, "find", "find_next", "find_previous", "close_find", None,
             "filter"],
    "View": ["zoom_in", "zoom_out", "zoom_reset", None, "@theme", "link_tint", None,
             "present", "full_screen"],
    "Go": [*TAB_ACTIONS, "next_tab", "previous_tab", None, "next_item", "previous_item",
           "jump_source", "next_evidence", "previous_evidence", None, "switch_pane"],
    "Annotate": [*HIGHLIGHT_ACTIONS, "remove_highlight", None, "edit_note", None,
                 *STATUS_ACTIONS, None, "notes_panel", "colour_names"],
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
