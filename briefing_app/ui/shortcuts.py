"""Actions declared as data, built into QActions once; and the cheat sheet listing them.

Why a table: menus, shortcuts, the F1 cheat sheet and the tests all read the same list, so
a shortcut can't be documented but missing, or bound twice.  Each window declares its own
table (the reader's is ``ui/reader/actions.py``); this module builds and lists any of them.
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
    """A window's QActions, by name, built from its table of :class:`ActionSpec`."""

    def __init__(self, specs: tuple[ActionSpec, ...], parent: QWidget) -> None:
        self.actions: dict[str, QAction] = {}
        self.specs: dict[str, ActionSpec] = {}
        taken: set[str] = set()
        for spec in specs:
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


class CheatSheetDialog(QDialog):
    """The keyboard shortcut list (F1), generated from the window's actions; ``notes``
    explain what the mouse does there."""

    def __init__(
        self, registry: ActionRegistry, notes: str, parent: QWidget | None = None
    ) -> None:
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
        hints = QLabel(notes, self)
        hints.setWordWrap(True)
        hints.setAccessibleName("Mouse and list hints")
        hints.setAccessibleDescription(notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hints)
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
