"""The brief and its notes as a printed handout: a PDF made with Qt, no browser engine.

Why QTextDocument and QPdfWriter: the handout is the exported HTML (``core.export``), laid
out by Qt's own rich-text engine into pages of A4 or Letter, with vector, selectable text,
the highlights in their colours, and a footer on every page ("Title — page 3 of 7").  Qt
draws the pages; nothing is fetched and nothing runs: the document refuses every resource.
"""

from __future__ import annotations

from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from briefing_app.core.export.export_job import ExportJob
from briefing_app.core.export.formats import ExportFormat
from briefing_app.core.export.html import render_html
from briefing_app.ui.present.pdf_deck import ensure_application

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 300  # dots per inch the layout is made at (text stays vector)
MARGIN_MM = 18.0
FOOTER_PT = 8.0


class _InertDocument(QTextDocument):
    """A text document that loads no image, stylesheet or anything else by URL."""

    def loadResource(self, kind: int, name: QUrl) -> object:
        """Qt: refuse every resource (exports carry none; a hostile one stays unloaded)."""
        return None


def render_pdf_handout(
    html: str, stream: BinaryIO, *, title: str, page: str = "a4"
) -> int:
    """Lay ``html`` out on pages of ``page`` size ("a4" or "letter") and write the PDF to
    ``stream``; returns the number of pages."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title[:200])
    writer.setCreator("Briefing Reader")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES.get(page.lower(), QPageSize.PageSizeId.A4)),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    try:
        pages = _paint_pages(painter, writer, html, title)
    finally:
        painter.end()
    buffer.close()
    stream.write(bytes(data.data()))
    return pages


def _paint_pages(painter: QPainter, writer: QPdfWriter, html: str, title: str) -> int:
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_font = QFont("DejaVu Sans")
    footer_font.setPointSizeF(FOOTER_PT)
    footer_height = painter.fontMetrics().height() * 3
    body = QSizeF(area.width(), area.height() - footer_height)
    document = _InertDocument()
    document.documentLayout().setPaintDevice(writer)
    base = QFont("DejaVu Serif")
    base.setPointSizeF(10.5)
    document.setDefaultFont(base)
    document.setHtml(html)
    document.setPageSize(body)
    pages = max(document.pageCount(), 1)
    short_title = title if len(title) <= 90 else title[:89].rstrip() + "\u2026"
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * body.height())
        clip = QRectF(0, number * body.height(), body.width(), body.height())
        document.drawContents(painter, clip)
        painter.restore()
        painter.save()
        painter.setFont(footer_font)
        painter.setPen(Qt.GlobalColor.darkGray)
        footer = QRectF(0, area.height() - footer_height / 2, area.width(), footer_height / 2)
        painter.drawText(
            footer, int(Qt.AlignmentFlag.AlignCenter),
            f"{short_title} \u2014 page {number + 1} of {pages}",
        )
        painter.restore()
    return pages


def pdf_format(page: str = "a4") -> ExportFormat:
    """The PDF handout as an export format (``briefing-app export --format pdf``, and the
    window's File ▸ Export), laid out on ``page`` ("a4" or "letter")."""

    def write(job: ExportJob, stream: BinaryIO) -> None:
        ensure_application()
        html = render_html(job, for_print=True)
        render_pdf_handout(html, stream, title=job.brief.title or "Brief", page=page)

    return ExportFormat("pdf", "PDF handout", ".pdf", write)
