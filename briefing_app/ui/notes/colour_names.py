"""The dialog that renames the five highlight colours to what they mean to this reader.

Why names and not colours: "yellow" means nothing in a notes file or a printout; "Key fact"
or "Check with legal" does.  The keys stay fixed (exports and the store use them), only the
words shown change; a blank name goes back to the default.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from briefing_app.core.annotations import COLOUR_GLYPHS, DEFAULT_COLOUR_NAMES, HighlightColour
from briefing_app.ui.notes.panel import swatch_icon
from briefing_app.ui.themes import Theme


class ColourNamesDialog(QDialog):
    """Five fields, one per colour, each beside its swatch and shortcut."""

    def __init__(
        self, names: dict[HighlightColour, str], theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Name the Colours")
        self.fields: dict[HighlightColour, QLineEdit] = {}
        form = QFormLayout(self)
        for number, colour in enumerate(HighlightColour, start=1):
            field = QLineEdit(names.get(colour, DEFAULT_COLOUR_NAMES[colour]), self)
            field.setPlaceholderText(DEFAULT_COLOUR_NAMES[colour])
            field.setMaxLength(40)
            field.setAccessibleName(f"Name of colour {number}")
            field.addAction(
                swatch_icon(theme.highlight_color(colour), COLOUR_GLYPHS[colour]),
                QLineEdit.ActionPosition.LeadingPosition,
            )
            form.addRow(f"Alt+{number}", field)
            self.fields[colour] = field
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def names(self) -> dict[HighlightColour, str]:
        """The names as typed; a blank field is the default name."""
        return {
            colour: " ".join(field.text().split()) or DEFAULT_COLOUR_NAMES[colour]
            for colour, field in self.fields.items()
        }
