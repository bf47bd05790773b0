"""Write a deck as an editable PowerPoint file (python-pptx), with real text and notes.

Why editable and not pictures of slides: a briefer adjusts the deck before the meeting in
PowerPoint, Keynote or LibreOffice Impress, so titles are title placeholders, bullets are
paragraphs at their outline levels in the content placeholder, quotes are text boxes and
the speaker notes sit in the notes pane.  The default template's layouts are used ("Title
Slide", "Title and Content", "Title Only"), with each placeholder moved to the box the deck
was fitted for and set at the fitted size, so the file shows what the PDF shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Pt

from briefing_app.core.atomic_write import write_atomically
from briefing_app.core.slides.deck import BULLET_KINDS, Bullet, Deck, Slide, SlideKind
from briefing_app.core.slides.fit import (
    FOOTER,
    KICKER,
    SLIDE_HEIGHT,
    Box,
    slide_boxes,
    slide_width,
    speaker_size,
)

EMU_PER_POINT = 12700
TITLE_LAYOUT, CONTENT_LAYOUT, TITLE_ONLY_LAYOUT = 0, 1, 5
KICKER_TEXT = "Briefing"
# Status marks in colours readable on the template's white slide (contrast >= 4.5:1).
STATUS_RGB = {
    "verified": RGBColor(0x1A, 0x7A, 0x43),
    "disputed": RGBColor(0xB0, 0x30, 0x22),
    "needs_source": RGBColor(0x8F, 0x55, 0x00),
}
MUTED_RGB = RGBColor(0x5E, 0x66, 0x70)


def write_pptx(
    deck: Deck,
    target: str | Path | IO[bytes],
    *,
    inputs: Sequence[Path] = (),
    replace_link: bool = False,
) -> None:
    """Write ``deck`` as a .pptx to a path (atomically, never onto one of ``inputs``; a
    symbolic link only with ``replace_link``) or to a binary stream."""
    presentation = deck_presentation(deck)
    if isinstance(target, (str, Path)):
        write_atomically(Path(target), presentation.save, inputs, replace_link=replace_link)
    else:
        presentation.save(target)


def deck_presentation(deck: Deck) -> PresentationType:
    """The deck as a python-pptx Presentation, slide size set to the deck's aspect."""
    presentation = Presentation()
    presentation.slide_width = Emu(int(slide_width(deck.aspect) * EMU_PER_POINT))
    presentation.slide_height = Emu(int(SLIDE_HEIGHT * EMU_PER_POINT))
    for slide in deck.slides:
        _add_slide(presentation, slide)
    return presentation


def _add_slide(presentation: PresentationType, slide: Slide) -> None:
    boxes = slide_boxes(slide.kind, slide.aspect)
    if slide.kind is SlideKind.TITLE:
        page = presentation.slides.add_slide(presentation.slide_layouts[TITLE_LAYOUT])
        _place(page.shapes.title, boxes["headline"])
        _set_text(page.shapes.title, [slide.title], slide.fit.title_size, bold=True,
                  anchor=MSO_ANCHOR.BOTTOM)
        subtitle = page.placeholders[1]
        _place(subtitle, boxes["meta"])
        _set_text(subtitle, list(slide.lines), slide.fit.detail_size)
        _text_box(page, boxes["kicker"], [KICKER_TEXT], KICKER.sizes[0], bold=True,
                  colour=MUTED_RGB)
    elif slide.kind in BULLET_KINDS:
        page = presentation.slides.add_slide(presentation.slide_layouts[CONTENT_LAYOUT])
        _place(page.shapes.title, boxes["title"])
        _set_text(page.shapes.title, [slide.title], slide.fit.title_size, bold=True,
                  anchor=MSO_ANCHOR.BOTTOM)
        body = page.placeholders[1]
        _place(body, boxes["body"])
        _set_bullets(body, slide.bullets, slide.fit.body_size)
    elif slide.kind is SlideKind.QUOTE:
        page = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY_LAYOUT])
        _place(page.shapes.title, boxes["kicker"])
        _set_text(page.shapes.title, [slide.title], KICKER.sizes[0], bold=True,
                  colour=MUTED_RGB)
        _text_box(page, boxes["quote"], [slide.quote], slide.fit.body_size,
                  anchor=MSO_ANCHOR.MIDDLE)
        if slide.speaker:
            frame = _text_box(page, boxes["attribution"], [f"\u2014 {slide.speaker}"],
                              speaker_size(slide.fit.detail_size), bold=True)
            if slide.role:
                paragraph = frame.add_paragraph()
                _run(paragraph, slide.role, slide.fit.detail_size, colour=MUTED_RGB)
    else:
        page = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY_LAYOUT])
        _place(page.shapes.title, boxes["title"])
        _set_text(page.shapes.title, [slide.title], slide.fit.title_size, bold=True,
                  align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.BOTTOM)
        if slide.lines:
            _text_box(page, boxes["meta"], list(slide.lines), slide.fit.detail_size,
                      align=PP_ALIGN.CENTER, colour=MUTED_RGB)
    _footer(page, slide, boxes["footer"])
    if slide.notes:
        page.notes_slide.notes_text_frame.text = slide.notes


def _footer(page: PptxSlide, slide: Slide, box: Box) -> None:
    size = FOOTER.sizes[0]
    if slide.footnote:
        _text_box(page, box, [slide.footnote], size, colour=MUTED_RGB)
    if slide.kind is not SlideKind.TITLE and slide.total:
        _text_box(page, box, [f"{slide.number} / {slide.total}"], size, colour=MUTED_RGB,
                  align=PP_ALIGN.RIGHT)


def _emu(points: float) -> Emu:
    return Emu(round(points * EMU_PER_POINT))


def _place(shape: object, box: Box) -> None:
    """Move a placeholder to the box the deck was fitted for."""
    shape.left, shape.top = _emu(box.x), _emu(box.y)  # type: ignore[attr-defined]
    shape.width, shape.height = _emu(box.width), _emu(box.height)  # type: ignore[attr-defined]


def _prepare(frame: object, anchor: MSO_ANCHOR) -> None:
    """No insets (the fit model measured the whole box), wrapping on, no autofit."""
    frame.word_wrap = True  # type: ignore[attr-defined]
    frame.auto_size = MSO_AUTO_SIZE.NONE  # type: ignore[attr-defined]
    frame.vertical_anchor = anchor  # type: ignore[attr-defined]
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, 0)


def _run(paragraph: object, text: str, size: int, *, bold: bool = False,
         colour: RGBColor | None = None) -> None:
    run = paragraph.add_run()  # type: ignore[attr-defined]
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    if colour is not None:
        run.font.color.rgb = colour


def _set_text(
    shape: object,
    lines: list[str],
    size: int,
    *,
    bold: bool = False,
    colour: RGBColor | None = None,
    align: PP_ALIGN = PP_ALIGN.LEFT,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> object:
    frame = shape.text_frame  # type: ignore[attr-defined]
    frame.clear()
    _prepare(frame, anchor)
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        _run(paragraph, line, size, bold=bold, colour=colour)
    return frame


def _text_box(page: PptxSlide, box: Box, lines: list[str], size: int, **style: object) -> object:
    shape = page.shapes.add_textbox(_emu(box.x), _emu(box.y), _emu(box.width), _emu(box.height))
    return _set_text(shape, lines, size, **style)  # type: ignore[arg-type]


def _set_bullets(shape: object, bullets: Sequence[Bullet], size: int) -> None:
    """Each bullet a paragraph at its level; a key point's mark first, bold, in colour."""
    frame = shape.text_frame  # type: ignore[attr-defined]
    frame.clear()
    _prepare(frame, MSO_ANCHOR.TOP)
    for index, bullet in enumerate(bullets):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.level = bullet.level
        paragraph.space_after = Pt(round(size * 0.4))
        if bullet.label:
            colour = STATUS_RGB.get(bullet.status.value) if bullet.status else None
            _run(paragraph, f"{bullet.label} \u2014 ", size, bold=True, colour=colour)
        _run(paragraph, bullet.text, size)
