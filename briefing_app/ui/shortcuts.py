"""Every reader action, its shortcut and its menu, declared once; and the cheat sheet.

Why a table: menus, shortcuts, the F1 cheat sheet and the tests all read the same list, so
a shortcut can't be documented but missing, or bound twice.  Qt's standard key sequences are
used wherever one exists (Open, Find, Zoom, Full Screen, Help …) so platform conventions
hold; a fallback applies where the platform defines none (e.g. Quit on some Linux desktops).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

StandardKey = QKeySequence.StandardKey
KeyLike = StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    """One user action: name, menu text, keys, menu group and a one-line explanation.

    ``scope`` says where the shortcut is live: ``window`` everywhere in the window,
    ``items`` only while the item lists have focus, ``find`` only in the find bar.
    """

    name: str
    text: str
    keys: tuple[KeyLike, ...]
    group: str
    tip: str
    fallback: tuple[str, ...] = ()
    checkable: bool = False
    scope: str = "window"


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
)

MENU_ORDER = ("File", "Edit", "View", "Go", "Help")


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The spec's key sequences on this platform (standard keys expanded, fallback if none)."""
    sequences: list[QKeySequence] = []
    for key in spec.keys:
        if isinstance(key, StandardKey):
            sequences.extend(QKeySequence.keyBindings(key))
        else:
            sequences.append(QKeySequence(key))
    if not any(not s.isEmpty() for s in sequences):
        sequences = [QKeySequence(key) for key in spec.fallback]
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


def _is_media_key(sequence: QKeySequence) -> bool:
    """True for keys such as XF86 Open/Find/Refresh (Qt.Key_Back and beyond)."""
    return sequence.count() == 1 and sequence[0].key().value >= Qt.Key.Key_Back.value


class ActionRegistry:
    """The window's QActions, by name, built from :data:`ACTION_SPECS`."""

    def __init__(self, parent: QWidget) -> None:
        self.actions: dict[str, QAction] = {}
        self.specs: dict[str, ActionSpec] = {}
        taken: set[str] = set()
        for spec in ACTION_SPECS:
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.name}")
            sequences = [s for s in key_sequences(spec) if s.toString() not in taken]
            taken.update(s.toString() for s in sequences)
            action.setShortcuts(sequences)
            action.setStatusTip(spec.tip)
            action.setToolTip(f"{spec.tip} ({self.shortcut_text(sequences)})")
            action.setCheckable(spec.checkable)
            if spec.scope != "window":
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.actions[spec.name] = action
            self.specs[spec.name] = spec

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def in_group(self, group: str) -> list[QAction]:
        """Actions of one menu, in declaration order."""
        return [self.actions[n] for n, spec in self.specs.items() if spec.group == group]

    def in_scope(self, scope: str) -> list[QAction]:
        """Actions whose shortcut is live in one scope (window, items, find)."""
        return [self.actions[n] for n, spec in self.specs.items() if spec.scope == scope]

    @staticmethod
    def shortcut_text(sequences: list[QKeySequence]) -> str:
        """Shortcuts as the platform writes them, e.g. "Ctrl+O"."""
        return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)

    def cheat_sheet_rows(self) -> list[tuple[str, str, str, str]]:
        """(menu, action, shortcuts, explanation) for every action, from the live QActions.

        Dedicated media/application keys some platforms add (Open, Find, Refresh …) stay
        bound but are left out of the list, which is about the keyboard's keys.
        """
        rows = []
        for name, spec in self.specs.items():
            action = self.actions[name]
            label = action.text().replace("&", "").rstrip("…")
            typed = [s for s in action.shortcuts() if not _is_media_key(s)]
            rows.append((spec.group, label, self.shortcut_text(typed), spec.tip))
        return rows


CHEAT_SHEET_NOTES = (
    "In a card list, Up and Down also move between cards. "
    "In the article, click highlighted or linked text to select the card that cites it; "
    "hover over it to see every card that does. The strip beside the scrollbar shows "
    "where each section's evidence sits; click it to scroll there."
)


class CheatSheetDialog(QDialog):
    """The keyboard shortcut list (F1), generated from the window's actions."""

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.setAccessibleDescription("Every action of the reader with its shortcut.")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Action", "Shortcut", "What it does"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName("Shortcut list")
        self.tree.setAccessibleDescription("Actions grouped by menu, with their shortcuts.")
        groups: dict[str, QTreeWidgetItem] = {}
        for group, label, keys, tip in registry.cheat_sheet_rows():
            if group not in groups:
                header = QTreeWidgetItem(self.tree, [group])
                font = header.font(0)
                font.setBold(True)
                header.setFont(0, font)
                header.setFirstColumnSpanned(True)
                groups[group] = header
            QTreeWidgetItem(self.tree, [label, keys, tip])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        notes = QLabel(CHEAT_SHEET_NOTES, self)
        notes.setWordWrap(True)
        notes.setAccessibleName("Mouse and list hints")
        notes.setAccessibleDescription(CHEAT_SHEET_NOTES)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(notes)
        layout.addWidget(buttons)
        self.resize(720, 640)

    def listed_shortcuts(self) -> dict[str, str]:
        """Action label → shortcut text as shown (for tests)."""
        shown = {}
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.text(1):
                shown[item.text(0)] = item.text(1)
        return shown
