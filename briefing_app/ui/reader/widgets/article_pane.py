"""The left pane: title and source line over the article text, and the find bar below.

Why the header is outside the text: the article view must show exactly ``article.text`` so
every anchor offset maps straight onto it; the title and the "publisher · author · date"
line sit above, aligned to the same centred column.  A source link never opens by itself:
the pane emits ``sourceLinkActivated`` and the window asks before opening a browser.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from briefing_app.core.model import Source
from briefing_app.ui.reader.widgets.article_view import ArticleView, reading_font
from briefing_app.ui.reader.widgets.find_bar import FindBar
from briefing_app.ui.reader.widgets.text_limits import TOOLTIP_CHARS, bounded, clamp_lines

TITLE_LINES = 4  # a long real headline fits; anything longer ends in "…"


def format_published(value: str | None) -> str:
    """An ISO date as "20 November 2026"; anything else unchanged."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return value.strip()
    return f"{day.day} {day:%B %Y}"


def source_line_html(source: Source, link_color: str) -> str:
    """"Publisher · Author · Date" as rich text; the publisher links to the URL if any."""
    parts: list[str] = []
    publisher = source.publisher or ""
    if source.url and source.url.lower().startswith(("http://", "https://")):
        label = publisher or source.url.split("/")[2]
        parts.append(
            f'<a href="{html.escape(source.url, quote=True)}" '
            f'style="color:{link_color}; text-decoration:none">{html.escape(label)}</a>'
        )
    elif publisher:
        parts.append(html.escape(publisher))
    if source.author:
        parts.append(html.escape(source.author))
    published = format_published(source.published)
    if published:
        parts.append(html.escape(published))
    return " &nbsp;·&nbsp; ".join(parts)


class HeadlineLabel(QLabel):
    """The title, wrapped to at most :data:`TITLE_LINES` lines and ending in "…" when longer
    (the whole title, bounded, in its tooltip).

    Why not a plain word-wrapped QLabel: it measures all of its text to size itself, so a
    title of megabytes took minutes and most of a GB to show its first line; this label
    lays out only a bounded prefix, again whenever its width or font changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._laid_out: tuple[str, int, str] | None = None  # (text, width, font) shown
        self.shortened = False
        self.setWordWrap(True)  # only to report its height for a width; lines are ours
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_headline(self, text: str) -> None:
        """Show a new title."""
        self._full = text
        self._clamp()

    def full_text(self) -> str:
        """The title as set, before it was shortened."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt: wrap again for the new width."""
        super().resizeEvent(event)
        self._clamp()

    def changeEvent(self, event: QEvent) -> None:
        """Qt: wrap again for a new font (the reader zoomed)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._clamp()

    def _clamp(self) -> None:
        width = self.contentsRect().width()
        key = (self._full, width, self.font().key())
        if key == self._laid_out:
            return
        self._laid_out = key
        lines, self.shortened = clamp_lines(self._full, self.font(), width, TITLE_LINES)
        self.setToolTip(bounded(self._full, TOOLTIP_CHARS) if self.shortened else "")
        self.setText("\n".join(lines))


class ArticleHeader(QWidget):
    """Title and source line, aligned with the article's text column."""

    sourceLinkActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.title = HeadlineLabel(self)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName("Title")
        self.title.setAccessibleDescription("The brief's headline.")
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.source.setOpenExternalLinks(False)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.source.linkActivated.connect(self.sourceLinkActivated)
        self.source.setAccessibleName("Source")
        self.source.setAccessibleDescription(
            "Publisher, author and date. The publisher link asks before opening a browser."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 22, 40, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.source)
        self._link_color = "#2B63C6"
        self._rule = "#D6D3CC"
        self._column = (40, 0)
        self._source = Source()
        self.set_zoom(0)

    def set_meta(self, title: str, source: Source) -> None:
        """Show a new brief's title and source line (either may be empty)."""
        self.title.set_headline(title or "Untitled brief")
        self._source = source
        self._render_source()

    def set_colors(self, link: str, muted: str, rule: str = "#D6D3CC") -> None:
        """Theme colours for the link, the muted source line and the rule under it."""
        self._link_color, self._rule = link, rule
        self.update()
        self.source.setStyleSheet(f"color: {muted};")
        self._render_source()

    def set_zoom(self, steps: int) -> None:
        """Title and source line scale with the article text."""
        font = reading_font(steps)
        title_font = QFont(font)
        title_font.setPointSizeF(font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        small = QFont(self.font())
        small.setPointSizeF(font.pointSizeF() * 0.78)
        self.source.setFont(small)

    def set_column(self, left: int, width: int) -> None:
        """Align the text with the article column at ``left`` (``width`` wide)."""
        self._column = (left, width)
        right = max(self.width() - left - width, 12)
        self.layout().setContentsMargins(max(left, 12), 22, right, 12)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A hairline under the source line, as wide as the text column."""
        super().paintEvent(event)
        left, width = self._column
        if width <= 0:
            return
        painter = QPainter(self)
        painter.setPen(QColor(self._rule))
        y = self.height() - 2
        painter.drawLine(left, y, left + width, y)
        painter.end()

    def _render_source(self) -> None:
        text = source_line_html(self._source, self._link_color)
        self.source.setText(text)
        self.source.setVisible(bool(text))


class ArticlePane(QWidget):
    """Header, article view (with its evidence marks) and find bar, stacked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = ArticleHeader(self)
        self.view = ArticleView(self)
        self.find_bar = FindBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.view.columnChanged.connect(self.header.set_column)

    def set_zoom(self, steps: int) -> None:
        """Zoom the article text and its header together."""
        self.view.set_zoom(steps)
        self.header.set_zoom(steps)
        self.header.set_column(*self.view.text_column())
