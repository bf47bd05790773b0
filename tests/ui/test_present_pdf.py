"""The PDF deck and the slide painter: pages and their size, the text a reader can search,
the handout with notes, and slides drawn inside their margins at every screen size —
what a briefer sending the PDF round or presenting on a projector relies on."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter, QTransform

from briefing_app.core.errors import BriefInputError
from briefing_app.core.importer import import_path
from briefing_app.core.slides import Bullet, Deck, SlideKind, build_deck, slide_boxes
from briefing_app.core.slides.fit import MARGIN, SLIDE_HEIGHT
from briefing_app.ui.present.painter import paint_slide
from briefing_app.ui.present.pdf_deck import write_pdf_deck
from briefing_app.ui.present.theme import contrast, slide_theme

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "harbour-strike.txt"
MM_PER_POINT = 25.4 / 72


@pytest.fixture(scope="module")
def deck() -> Deck:
    return build_deck(import_path(SAMPLE))


def words(text: str) -> str:
    return " ".join(text.split())


def page_mm(reader: PdfReader, index: int) -> tuple[float, float]:
    box = reader.pages[index].mediabox
    return float(box.width) * MM_PER_POINT, float(box.height) * MM_PER_POINT


def test_the_pdf_has_a_16_9_page_per_slide_with_its_words(qapp, deck: Deck) -> None:
    stream = io.BytesIO()
    write_pdf_deck(deck, stream)
    reader = PdfReader(io.BytesIO(stream.getvalue()))
    assert len(reader.pages) == len(deck)
    width, height = page_mm(reader, 0)
    assert width == pytest.approx(254.0, abs=0.2) and height == pytest.approx(142.875, abs=0.2)
    for page, slide in zip(reader.pages, deck.slides, strict=True):
        text = words(page.extract_text())
        if slide.kind is SlideKind.QUOTE:
            assert words(slide.quote) in text and slide.speaker in text
        else:
            assert words(slide.title) in text
        for bullet in slide.bullets:
            assert words(bullet.text) in text
    assert "The Coastline Ledger" in words(reader.pages[0].extract_text())


def test_a_4_3_deck_has_4_3_pages(qapp, tmp_path: Path) -> None:
    out = tmp_path / "deck.pdf"
    write_pdf_deck(build_deck(import_path(SAMPLE), aspect="4:3"), out)
    width, height = page_mm(PdfReader(out), 0)
    assert (round(width, 1), round(height, 1)) == (254.0, 190.5)


def test_the_handout_puts_each_slide_with_its_notes_on_a4_pages(qapp, deck: Deck) -> None:
    long_notes = "\n".join(f"Line {n} of a very long note about the harbour." for n in range(90))
    slides = list(deck.slides)
    slides[1] = replace(slides[1], notes=long_notes)
    stream = io.BytesIO()
    write_pdf_deck(replace(deck, slides=tuple(slides)), stream, handout=True)
    reader = PdfReader(io.BytesIO(stream.getvalue()))
    width, height = page_mm(reader, 0)
    assert (round(width), round(height)) == (210, 297)
    assert len(reader.pages) > len(deck)  # the long notes went on to a page of their own
    text = words(" ".join(page.extract_text() for page in reader.pages))
    for slide in deck.slides:
        assert f"Slide {slide.number} of {slide.total}" in text
    assert "Line 0 of a very long note" in text and "Line 89 of a very long note" in text
    assert "Slide 2 notes, continued" in text
    quote = deck.slides[3]
    assert words(quote.notes.splitlines()[2])[:60] in text  # its source passage


def test_the_pdf_is_never_written_onto_its_input(qapp, deck: Deck, tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(SAMPLE.read_bytes())
    with pytest.raises(BriefInputError, match="input file"):
        write_pdf_deck(deck, source, inputs=[source])
    assert source.read_bytes() == SAMPLE.read_bytes()


def ink_bounds(image: QImage) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of the pixels that differ from the top-left one."""
    def rows(picture: QImage) -> list[int]:
        picture = picture.convertToFormat(QImage.Format.Format_RGB32)
        width = picture.width() * 4
        data = bytes(picture.constBits())[: width * picture.height()]
        blank = data[:4] * picture.width()
        return [y for y in range(picture.height())
                if data[y * width:(y + 1) * width] != blank]

    inked_rows = rows(image)
    if not inked_rows:
        return None
    inked_columns = rows(image.transformed(QTransform().rotate(90)))
    right_to_left = image.width() - 1
    return (right_to_left - inked_columns[-1], inked_rows[0], right_to_left - inked_columns[0],
            inked_rows[-1])


def render(slide, width: int, height: int, theme: str = "light") -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_slide(painter, QRect(0, 0, width, height), slide, theme)
    painter.end()
    return image


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768)])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_slide_is_drawn_inside_its_margins(qapp, size, theme) -> None:
    width, height = size
    aspect = "4:3" if width * 3 == height * 4 else "16:9"
    for slide in build_deck(import_path(SAMPLE), aspect=aspect).slides:
        bounds = ink_bounds(render(slide, width, height, theme))
        assert bounds is not None
        inset = MARGIN * height / SLIDE_HEIGHT - 2
        left, top, right, bottom = bounds
        assert left >= inset and right <= width - inset, (slide.title, bounds)
        assert top >= 0.04 * height and bottom <= height - 0.04 * height, (slide.title, bounds)


def test_text_too_long_for_the_fit_is_shrunk_by_the_painter_not_clipped(qapp, deck) -> None:
    slide = deck.slides[2]
    crammed = replace(slide, bullets=tuple(Bullet(b.text * 3) for b in slide.bullets))
    image = render(crammed, 1280, 720)
    body = slide_boxes(slide.kind, slide.aspect)["body"]
    scale = 720 / SLIDE_HEIGHT
    below = int((body.y + body.height) * scale) + 2
    assert ink_bounds(image.copy(0, below, 1000, 720 - below)) is None  # nothing ran past
    # …and the body was drawn (smaller), not dropped:
    assert ink_bounds(image.copy(0, int(body.y * scale), 1280, int(body.height * scale)))


def test_a_16_9_slide_on_a_4_3_screen_is_letterboxed(qapp, deck) -> None:
    image = render(deck.slides[2], 1024, 768)
    band = (768 - 1024 * 9 / 16) / 2
    _, top, _, bottom = ink_bounds(image)
    assert top > band and bottom < 768 - band


def test_slide_text_colours_read_on_their_background(qapp) -> None:
    for name in ("light", "dark"):
        theme = slide_theme(name)
        assert contrast(theme.text, theme.background) >= 7
        assert contrast(theme.muted, theme.background) >= 4.5
        for kind in SlideKind:
            assert contrast(theme.readable(theme.accent_for(kind)), theme.background) >= 4.5
