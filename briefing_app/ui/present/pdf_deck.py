"""Write a deck as a PDF with Qt: one 16:9 (or 4:3) page per slide, or a handout.

Why Qt's QPdfWriter: the pages are drawn by the same :func:`paint_slide` as the screen, so
the PDF is what the room saw, with vector text (searchable, sharp at any zoom) and no
browser engine.  The handout puts each slide at the top of a portrait A4 page with its
speaker notes below, continued on further pages when they are long, never cut off.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
)
from PySide6.QtGui import (
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication

from briefing_app.core.atomic_write import write_atomically
from briefing_app.core.slides import Deck
from briefing_app.ui.present.painter import LINE_FACTOR, font, paint_slide
from briefing_app.ui.present.theme import SlideTheme, slide_theme

SLIDE_PAGE_MM = {"16:9": QSizeF(254.0, 142.875), "4:3": QSizeF(254.0, 190.5)}
RESOLUTION = 600  # dots per inch for the page's device units; text and shapes stay vector
POINTS_PER_INCH = 72.0
HANDOUT_MARGIN = 42.0  # points (about 15 mm)
NOTES_SIZE = 10  # points
HEADING_SIZE = 11
_application: QCoreApplication | None = None


def write_pdf_deck(
    deck: Deck,
    target: str | Path | IO[bytes],
    *,
    handout: bool = False,
    theme: SlideTheme | str = "light",
    inputs: Sequence[Path] = (),
    replace_link: bool = False,
) -> None:
    """Write ``deck`` as a PDF to a path (atomically, never onto one of ``inputs``; a
    symbolic link only with ``replace_link``) or to a binary stream.  ``handout``: each
    slide with its speaker notes on portrait A4 pages."""
    data = pdf_deck_bytes(deck, handout=handout, theme=theme)
    if isinstance(target, (str, Path)):
        write_atomically(Path(target), lambda stream: stream.write(data), inputs,
                         replace_link=replace_link)
    else:
        target.write(data)


def pdf_deck_bytes(
    deck: Deck, *, handout: bool = False, theme: SlideTheme | str = "light"
) -> bytes:
    """The PDF as bytes (made in memory, so a failure never leaves part of a file)."""
    ensure_application()
    colours = slide_theme(theme) if isinstance(theme, str) else theme
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(deck.title)
    writer.setCreator("Briefing Reader")
    writer.setResolution(RESOLUTION)
    if handout:
        size = QPageSize(QPageSize.PageSizeId.A4)
    else:
        size = QPageSize(SLIDE_PAGE_MM.get(deck.aspect, SLIDE_PAGE_MM["16:9"]),
                         QPageSize.Unit.Millimeter, "Slide", QPageSize.SizeMatchPolicy.ExactMatch)
    # No page margins: a slide fills its page; the handout places its own.
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    painter = QPainter(writer)
    try:
        # Draw in points: the same coordinates whatever the resolution.
        painter.scale(RESOLUTION / POINTS_PER_INCH, RESOLUTION / POINTS_PER_INCH)
        page = size.sizePoints()
        if handout:
            _paint_handout(painter, writer, deck, colours, page.width(), page.height())
        else:
            for index, slide in enumerate(deck.slides):
                if index:
                    writer.newPage()
                paint_slide(painter, QRectF(0, 0, page.width(), page.height()), slide, colours)
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def ensure_application() -> None:
    """A Qt application for fonts and painting: the running one, or an offscreen one for an
    export from the command line (which needs no display).  A QApplication, not a
    QGuiApplication, so that widgets made later in the same process still work."""
    global _application
    if QCoreApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application = QApplication([sys.argv[0] if sys.argv else "briefing-app"])


def _paint_handout(
    painter: QPainter, writer: QPdfWriter, deck: Deck, theme: SlideTheme,
    page_width: float, page_height: float,
) -> None:
    """Each slide at the top of a page, its number and title, then its notes."""
    width = page_width - 2 * HANDOUT_MARGIN
    bottom = page_height - HANDOUT_MARGIN
    for index, slide in enumerate(deck.slides):
        if index:
            writer.newPage()
        ratio = 9 / 16 if slide.aspect == "16:9" else 3 / 4
        frame = QRectF(HANDOUT_MARGIN, HANDOUT_MARGIN, width, width * ratio)
        paint_slide(painter, frame, slide, theme)
        painter.setPen(QPen(QColor("#9AA0A6"), 0.75))
        painter.drawRect(frame)
        y = frame.bottom() + 24
        heading = f"Slide {slide.number} of {slide.total} \u00b7 {slide.title}"
        y = _paint_lines(painter, writer, [heading], HEADING_SIZE, True, y, width, bottom)
        notes = slide.notes.splitlines() or ["(no speaker notes)"]
        _paint_lines(painter, writer, notes, NOTES_SIZE, False, y + 6, width, bottom,
                     continued=f"Slide {slide.number} notes, continued")


def _paint_lines(
    painter: QPainter, writer: QPdfWriter, paragraphs: list[str], size: int, bold: bool,
    y: float, width: float, bottom: float, continued: str = "",
) -> float:
    """Wrap and draw paragraphs from ``y``, starting a new page (headed ``continued``)
    whenever the next line would pass ``bottom``; returns where the text ended."""
    face = font(size, bold=bold)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    painter.setFont(face)
    for text in paragraphs:
        indent = (len(text) - len(text.lstrip(" "))) * size * 0.5
        layout = QTextLayout(text.strip(), face, painter.device())
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width - indent)
            line.setPosition(QPointF(0, 0))  # each line is placed where it is drawn
            lines.append(line)
        layout.endLayout()
        for line in lines or [None]:
            step = (line.height() if line is not None else size) * LINE_FACTOR
            if y + step > bottom:
                writer.newPage()
                y = HANDOUT_MARGIN
                if continued:
                    painter.setPen(QColor("#5E6670"))
                    painter.setFont(font(size, bold=True))
                    painter.drawText(QPointF(HANDOUT_MARGIN, y + size), continued)
                    painter.setFont(face)
                    y += size * 2
            if line is not None:
                painter.setPen(QColor("#1D2024"))
                line.draw(painter, QPointF(HANDOUT_MARGIN + indent, y))
            y += step
    return y
