"""Appearance: the theme (pinned or following the system), zoom, the link tint, full screen.

Why a controller: each of these is a user choice that is remembered (``ReaderSettings``) and
reaches several widgets at once — the palette, the article and its header, the highlighter,
the evidence map and the cards must change together.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from briefing_app.ui.reader.widgets.article_pane import ArticlePane
from briefing_app.ui.reader.widgets.highlighter import EvidenceHighlighter
from briefing_app.ui.reader.widgets.items_pane import ItemsPane
from briefing_app.ui.settings import ZOOM_RANGE, ReaderSettings
from briefing_app.ui.themes import THEME_CHOICES, Theme, next_theme, resolve_theme


class AppearanceController(QObject):
    """Applies and remembers theme, zoom, link tint and full screen."""

    themeChanged = Signal(object)  # the Theme now drawn with (for the notes panel and marks)

    def __init__(
        self,
        window: QMainWindow,
        settings: ReaderSettings,
        article_pane: ArticlePane,
        highlighter: EvidenceHighlighter,
        items: ItemsPane,
        theme_actions: dict[str, QAction],
    ) -> None:
        super().__init__(window)
        self._window, self.settings = window, settings
        self._article_pane, self._highlighter, self._items = article_pane, highlighter, items
        self._theme_actions = theme_actions
        self._choice = settings.theme()
        self.theme: Theme = resolve_theme(self._choice, Qt.ColorScheme.Unknown)
        self.zoom = settings.zoom()

    def apply_all(self) -> None:
        """Draw with the remembered choices (at start-up)."""
        self._highlighter.set_tint(self.settings.link_tint())
        self._apply_zoom()
        self._apply_theme()

    # --- theme --------------------------------------------------------------------------

    def set_theme(self, choice: str) -> None:
        """Pin a theme (or ``system`` to follow the OS) and redraw."""
        if choice not in THEME_CHOICES:
            return
        self._choice = choice
        self.settings.set_theme(choice)
        self._apply_theme()

    def cycle_theme(self) -> None:
        """Light → dark → sepia → light."""
        self.set_theme(next_theme(self.theme.name))

    def on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        """The system switched light/dark: follow it unless a theme is pinned."""
        if self._choice == "system":
            self._apply_theme()

    def _apply_theme(self) -> None:
        theme = resolve_theme(self._choice, QGuiApplication.styleHints().colorScheme())
        self.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(theme.palette())
        self._article_pane.header.set_colors(theme.link, theme.muted, theme.card_border)
        self._article_pane.view.marks.set_theme(theme)
        self._highlighter.set_theme(theme)
        self._items.set_theme(theme)
        self._theme_actions[self._choice].setChecked(True)
        self.themeChanged.emit(theme)

    # --- zoom, tint, full screen --------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        """Set the text size in steps of 10% (clamped), for article and cards."""
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], steps))
        self.settings.set_zoom(self.zoom)
        self._apply_zoom()

    def zoom_by(self, steps: int) -> None:
        """Larger (+) or smaller (-) text."""
        self.set_zoom(self.zoom + steps)

    def _apply_zoom(self) -> None:
        self._article_pane.set_zoom(self.zoom)
        self._items.set_zoom(self.zoom)

    def set_link_tint(self, enabled: bool) -> None:
        """Tint every linked span by section colour (uncited text stays plain)."""
        self.settings.set_link_tint(enabled)
        self._highlighter.set_tint(enabled)

    def toggle_full_screen(self) -> bool:
        """Fill the screen, or go back; True when now full screen."""
        if self._window.isFullScreen():
            self._window.showNormal()
        else:
            self._window.showFullScreen()
        return self._window.isFullScreen()
