"""Draw one slide of a deck with a QPainter: the audience screen, the presenter's previews,
PNG previews and every PDF page all call :func:`paint_slide`.

Why one painter: a slide must look the same on the meeting-room screen and in the PDF a
briefer sends round, so there is one drawing of each slide kind, taking only a painter, a
rectangle and the slide.  It places text in the boxes the core fitted it for
(``core.slides.fit``), at the fitted sizes, scaled with the slide; the core's model is
pessimistic, but a font here can still be wider than it assumed, so each block is measured
with the real font (QTextLayout) and shrunk further until it fits — text is never clipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextCharFormat, QTextLayout, QTextOption

from briefing_app.core.slides import SLIDE_HEIGHT, Box, Slide, SlideKind, slide_boxes, slide_width
from briefing_app.core.slides.fit import FOOTER, KICKER, speaker_size
from briefing_app.ui.present.theme import SlideTheme, slide_theme

LINE_FACTOR = 1.07  # leading over the font's own line height (~1.16 em → ~1.25 em)
BULLET_INDENT_EM = 1.2
SMALLEST_PIXELS = 6
KICKER_TEXT = "Briefing"


@dataclass
class Paragraph:
    """One paragraph to lay out: text, font, colour, alignment, a bullet glyph hanging in
    its indent, and a leading run (a key point's mark) drawn bold in its own colour."""

    text: str
    font: QFont
    colour: QColor
    indent: float = 0.0
    glyph: str = ""
    prefix: int = 0
    prefix_colour: QColor | None = None
    prefix_ground: QColor | None = None
    gap_after: float = 0.0
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


@dataclass
class _Laid:
    layouts: list[tuple[Paragraph, QTextLayout, float]] = field(default_factory=list)
    height: float = 0.0


def paint_slide(
    painter: QPainter, rect: QRect | QRectF, slide: Slide, theme: SlideTheme | str = "light"
) -> None:
    """Draw ``slide`` filling ``rect``: the background over all of it, the slide itself in
    the largest centred area of the slide's aspect ratio (letterboxed otherwise)."""
    colours = slide_theme(theme) if isinstance(theme, str) else theme
    area = QRectF(rect)
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(area, colours.background)
        width = slide_width(slide.aspect)
        scale = min(area.width() / width, area.height() / SLIDE_HEIGHT)
        left = area.x() + (area.width() - width * scale) / 2
        top = area.y() + (area.height() - SLIDE_HEIGHT * scale) / 2
        painter.translate(left, top)
        painter.scale(scale, scale)
        painter.setClipRect(QRectF(0, 0, width, SLIDE_HEIGHT))
        _paint_kind(painter, slide, colours)
    finally:
        painter.restore()


def _paint_kind(painter: QPainter, slide: Slide, theme: SlideTheme) -> None:
    boxes = slide_boxes(slide.kind, slide.aspect)
    accent = theme.accent_for(slide.kind)
    if slide.kind is SlideKind.TITLE:
        _draw_block(painter, boxes["kicker"], [Paragraph(
            KICKER_TEXT.upper(), font(KICKER.sizes[0], bold=True), theme.readable(accent))])
        headline = boxes["headline"]
        _draw_block(painter, headline, [Paragraph(
            slide.title, font(slide.fit.title_size, bold=True), theme.text)], valign="bottom")
        _rule(painter, Box(headline.x, boxes["meta"].y - 16, 96, 5), accent)
        _draw_block(painter, boxes["meta"], [
            Paragraph(line, font(slide.fit.detail_size), theme.muted if index else theme.text)
            for index, line in enumerate(slide.lines)
        ])
    elif slide.kind is SlideKind.QUOTE:
        _draw_block(painter, boxes["kicker"], [Paragraph(
            slide.title.upper(), font(KICKER.sizes[0], bold=True), theme.readable(accent))])
        quote = boxes["quote"]
        _rule(painter, Box(quote.x - 24, quote.y + 8, 6, quote.height - 16), accent)
        _draw_block(painter, quote, [Paragraph(
            slide.quote, font(slide.fit.body_size), theme.text)], valign="middle")
        attribution = []
        if slide.speaker:
            attribution.append(Paragraph(f"\u2014 {slide.speaker}",
                                         font(speaker_size(slide.fit.detail_size), bold=True),
                                         theme.text))
        if slide.role:
            attribution.append(Paragraph(slide.role, font(slide.fit.detail_size), theme.muted))
        _draw_block(painter, boxes["attribution"], attribution)
    elif slide.kind is SlideKind.END:
        centre = Qt.AlignmentFlag.AlignHCenter
        _draw_block(painter, boxes["title"], [Paragraph(
            slide.title, font(slide.fit.title_size, bold=True), theme.text, align=centre)],
            valign="bottom")
        _draw_block(painter, boxes["meta"], [
            Paragraph(line, font(slide.fit.detail_size), theme.muted, align=centre)
            for line in slide.lines
        ])
    else:
        title = boxes["title"]
        _draw_block(painter, title, [Paragraph(
            slide.title, font(slide.fit.title_size, bold=True), theme.text)], valign="bottom")
        _rule(painter, Box(title.x, title.y + title.height + 6, 72, 5), accent)
        _draw_block(painter, boxes["body"], _bullet_paragraphs(slide, theme))
    _paint_footer(painter, slide, boxes["footer"], theme)


def _bullet_paragraphs(slide: Slide, theme: SlideTheme) -> list[Paragraph]:
    size = slide.fit.body_size
    paragraphs = []
    for bullet in slide.bullets:
        prefix = f"{bullet.label} \u2014 " if bullet.label else ""
        colour, ground = theme.mark_colours(
            bullet.status.value if bullet.status else None,
            bullet.colour.value if bullet.colour else None,
        )
        paragraphs.append(Paragraph(
            prefix + bullet.text,
            font(size),
            theme.text if bullet.level == 0 else theme.muted,
            indent=BULLET_INDENT_EM * (bullet.level + 1),
            glyph="\u2022" if bullet.level == 0 else "\u2013",
            prefix=len(prefix),
            prefix_colour=colour,
            prefix_ground=ground,
            gap_after=0.4,
        ))
    return paragraphs


def _paint_footer(painter: QPainter, slide: Slide, box: Box, theme: SlideTheme) -> None:
    small = font(FOOTER.sizes[0])
    if slide.footnote:
        _draw_block(painter, box, [Paragraph(slide.footnote, small, theme.muted)])
    if slide.kind is not SlideKind.TITLE and slide.total:
        _draw_block(painter, box, [Paragraph(f"{slide.number} / {slide.total}", small,
                                             theme.muted, align=Qt.AlignmentFlag.AlignRight)])


def font(pixels: int, *, bold: bool = False) -> QFont:
    """The slide face at ``pixels`` slide units, unhinted so that measuring and drawing
    agree at every scale, without ligatures."""
    face = QFont()
    face.setFamilies(["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Sans Serif"])
    face.setPixelSize(max(1, int(pixels)))
    face.setBold(bold)
    face.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # No "fi"/"ff" ligatures: text copied or searched in the PDF reads as typed.
    face.setFeature(QFont.Tag("liga"), 0)
    return face


def _rule(painter: QPainter, box: Box, colour: QColor) -> None:
    painter.fillRect(QRectF(box.x, box.y, box.width, box.height), colour)


def _lay_out(painter: QPainter, paragraphs: Sequence[Paragraph], width: float) -> _Laid:
    """Each paragraph wrapped to ``width`` less its indent; the total height."""
    laid = _Laid()
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for index, paragraph in enumerate(paragraphs):
        indent = paragraph.indent * paragraph.font.pixelSize()
        option.setAlignment(paragraph.align)
        layout = QTextLayout(paragraph.text, paragraph.font, painter.device())
        layout.setTextOption(option)
        if paragraph.prefix and paragraph.prefix_colour is not None:
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            bold.setForeground(paragraph.prefix_colour)
            if paragraph.prefix_ground is not None:
                bold.setBackground(paragraph.prefix_ground)
            span = QTextLayout.FormatRange()
            span.start = 0
            span.length = len(paragraph.text[: paragraph.prefix].encode("utf-16-le")) // 2
            span.format = bold
            layout.setFormats([span])
        top = laid.height
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width - indent))
            line.setPosition(QPointF(indent, y))
            y += line.height() * LINE_FACTOR
        layout.endLayout()
        laid.layouts.append((paragraph, layout, top))
        laid.height = top + y
        if index < len(paragraphs) - 1:
            laid.height += paragraph.gap_after * paragraph.font.pixelSize()
    return laid


def _shrunk(paragraphs: Sequence[Paragraph]) -> list[Paragraph] | None:
    """The paragraphs one step smaller (about 6%), or None at the smallest size."""
    smaller = []
    for paragraph in paragraphs:
        pixels = paragraph.font.pixelSize()
        if pixels <= SMALLEST_PIXELS:
            return None
        face = QFont(paragraph.font)
        face.setPixelSize(max(SMALLEST_PIXELS, min(pixels - 1, int(pixels * 0.94))))
        smaller.append(Paragraph(**{**paragraph.__dict__, "font": face}))
    return smaller


def _draw_block(
    painter: QPainter, box: Box, paragraphs: Sequence[Paragraph], *, valign: str = "top"
) -> None:
    """Lay the paragraphs out in the box, shrinking them until they fit, and draw them
    anchored to its top, middle or bottom."""
    if not paragraphs:
        return
    current: Sequence[Paragraph] | None = paragraphs
    laid = _lay_out(painter, paragraphs, box.width)
    while laid.height > box.height:
        current = _shrunk(current or paragraphs)
        if current is None:
            break
        laid = _lay_out(painter, current, box.width)
    offset = {"top": 0.0, "middle": (box.height - laid.height) / 2,
              "bottom": box.height - laid.height}[valign]
    origin_y = box.y + max(0.0, offset)
    for paragraph, layout, top in laid.layouts:
        painter.setPen(paragraph.colour)
        painter.setFont(paragraph.font)
        if paragraph.glyph and layout.lineCount():
            first = layout.lineAt(0)
            glyph_x = box.x + (paragraph.indent - BULLET_INDENT_EM) * paragraph.font.pixelSize()
            painter.drawText(QPointF(glyph_x, origin_y + top + first.ascent()), paragraph.glyph)
        layout.draw(painter, QPointF(box.x, origin_y + top))
