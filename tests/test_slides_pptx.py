"""The PowerPoint deck, reopened with python-pptx: one slide per deck slide at 16:9, real
titles, bullets as paragraphs at their levels, quotes as text, and the speaker notes in the
notes pane — what a briefer editing the deck in PowerPoint or Impress relies on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from briefing_app.core.annotations import ClaimStatus, HighlightColour
from briefing_app.core.errors import BriefInputError
from briefing_app.core.importer import import_path
from briefing_app.core.slides import SlideKind, build_deck
from briefing_app.core.slides.pptx_writer import write_pptx
from tests.test_slides_key_points import highlight, item_mark

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "harbour-strike.txt"


def texts(page) -> list[str]:
    return [shape.text_frame.text for shape in page.shapes if shape.has_text_frame]


def test_the_pptx_has_a_slide_each_with_titles_bullets_quotes_and_notes(tmp_path: Path) -> None:
    brief = import_path(SAMPLE)
    placed = [
        item_mark(brief, brief.sections[2].items[0].id, status=ClaimStatus.VERIFIED,
                  note="Confirmed with the union"),
        highlight(brief, "more than 60 container ships", HighlightColour.KEY_FACT),
    ]
    deck = build_deck(brief, placed)
    out = tmp_path / "deck.pptx"
    write_pptx(deck, out)
    shown = Presentation(str(out))
    assert len(shown.slides) == len(deck)
    assert (shown.slide_width, shown.slide_height) == (Emu(12192000), Emu(6858000))  # 16:9
    for page, slide in zip(shown.slides, deck.slides, strict=True):
        assert page.shapes.title.text == slide.title
        assert page.notes_slide.notes_text_frame.text == slide.notes
    know = shown.slides[2]
    assert know.slide_layout.name == "Title and Content"
    paragraphs = know.placeholders[1].text_frame.paragraphs
    assert [p.text for p in paragraphs] == [b.text for b in deck.slides[2].bullets]
    key = next(i for i, s in enumerate(deck.slides) if s.kind is SlideKind.KEY_POINTS)
    paragraphs = shown.slides[key].placeholders[1].text_frame.paragraphs
    assert [(p.level, p.text) for p in paragraphs] == [
        (0, "\u2605 Key fact \u2014 \u201cmore than 60 container ships\u201d"),
        (0, f"\u2713 Verified \u2014 {brief.sections[2].items[0].text}"),
        (1, "Confirmed with the union"),
    ]
    quote = shown.slides[3]
    assert quote.slide_layout.name == "Title Only"
    assert deck.slides[3].quote in texts(quote)
    assert "\u2014 Amara Okafor\nPort Director" in texts(quote)
    assert shown.slides[0].slide_layout.name == "Title Slide"
    assert "The Coastline Ledger\nBy Helena Markley\n2026-11-20" in texts(shown.slides[0])


def test_a_4_3_deck_writes_4_3_slides_to_a_stream() -> None:
    deck = build_deck(import_path(SAMPLE), aspect="4:3")
    stream = io.BytesIO()
    write_pptx(deck, stream)
    shown = Presentation(io.BytesIO(stream.getvalue()))
    assert (shown.slide_width, shown.slide_height) == (Emu(9144000), Emu(6858000))
    assert len(shown.slides) == len(deck)


def test_the_pptx_is_never_written_onto_its_input(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(SAMPLE.read_bytes())
    deck = build_deck(import_path(source))
    with pytest.raises(BriefInputError, match="input file"):
        write_pptx(deck, source, inputs=[source])
    assert source.read_bytes() == SAMPLE.read_bytes()
