"""Find in the article: the bar's query, the matches highlighted, the current one on show.

Why a controller: :class:`~briefing_app.core.reading.find_state.FindState` decides matches,
stepping and the count; this class feeds it what the bar reports and tells the highlighter,
the article and the bar what to draw.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from briefing_app.core.reading.find_state import FindState
from briefing_app.ui.reader.widgets.article_view import ArticleView
from briefing_app.ui.reader.widgets.find_bar import FindBar
from briefing_app.ui.reader.widgets.highlighter import EvidenceHighlighter


class FindController(QObject):
    """Runs find-in-article for one text at a time."""

    def __init__(
        self, bar: FindBar, article: ArticleView, highlighter: EvidenceHighlighter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bar, self._article, self._highlighter = bar, article, highlighter
        self.state = FindState()
        self._text = ""

    @property
    def matches(self) -> list[tuple[int, int]]:
        """Current matches as code-point spans."""
        return list(self.state.matches)

    @property
    def current(self) -> int | None:
        """Index of the current match."""
        return self.state.current

    def reset(self, text: str) -> None:
        """A new article: search it again if the bar is open, else forget the matches."""
        self._text = text
        if self._bar.isVisible() and self._bar.query():
            self.set_query(self._bar.query())
        else:
            self.state.clear()

    def set_query(self, query: str) -> None:
        """Find every match of ``query``; the first at or after the view's top is current."""
        self.state.search(self._text, query, self._article.first_visible_position())
        self._show(scroll=True)

    def step(self, *, backwards: bool) -> None:
        """Go to the next or previous match, opening the find bar if it is closed."""
        if not self._bar.isVisible():
            self._bar.show()
            if self._bar.query():
                self.set_query(self._bar.query())
            else:
                self._bar.open()
            return
        self._bar.flush()
        self.state.step(backwards=backwards)
        self._show(scroll=True)

    def on_closed(self) -> None:
        """The bar closed: drop the highlights and give the article the keyboard."""
        self.state.clear()
        self._highlighter.set_find_matches([], None)
        self._article.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, *, scroll: bool) -> None:
        current = self.state.current_span()
        self._highlighter.set_find_matches(self.state.matches, current)
        if scroll and current is not None:
            self._article.show_span(*current)
        self._bar.set_status(self.state.status())
