"""Key points and notes from the reader's annotations: what a briefer marked shows on a slide
of its own with its status and colour in words, and their notes reach the speaker notes."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.anchoring import make_selector
from briefing_app.core.annotations import (
    Annotation,
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.importer import import_path
from briefing_app.core.model import Brief
from briefing_app.core.slides import SlideKind, build_deck

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "harbour-strike.txt"


def item_mark(brief: Brief, item_id: str, *, status=None, colour=None, note="",
              placement=Placement.EXACT) -> PlacedAnnotation:
    item = next(i for i in brief.items() if i.id == item_id)
    annotation = Annotation(document_id="doc", item_id=item_id, selector=item.source,
                            status=status, colour=colour, note=note)
    return PlacedAnnotation(annotation=annotation, placement=placement, item_id=item_id,
                            selector=item.source)


def highlight(brief: Brief, words: str, colour: HighlightColour, note: str = "",
              placement=Placement.EXACT) -> PlacedAnnotation:
    start = brief.article.text.index(words)
    selector = make_selector(brief.article.text, start, start + len(words))
    annotation = Annotation(document_id="doc", selector=selector, colour=colour, note=note)
    orphan = placement is Placement.ORPHAN
    return PlacedAnnotation(annotation=annotation, placement=placement,
                            selector=None if orphan else selector)


def key_points(deck):
    return [slide for slide in deck.slides if slide.kind is SlideKind.KEY_POINTS]


def test_marked_items_and_highlights_become_key_points_in_article_order() -> None:
    brief = import_path(SAMPLE)
    know, nxt = brief.sections[2].items[1], brief.sections[4].items[0]
    placed = [
        item_mark(brief, nxt.id, status=ClaimStatus.NEEDS_SOURCE),
        highlight(brief, "more than 60 container ships", HighlightColour.KEY_FACT,
                  note="Check with the harbour master"),
        item_mark(brief, know.id, status=ClaimStatus.VERIFIED, colour=HighlightColour.CONTESTED),
        item_mark(brief, brief.sections[2].items[0].id, status=ClaimStatus.UNREVIEWED),
        highlight(brief, "nine weeks of talks", HighlightColour.QUESTION,
                  placement=Placement.ORPHAN),
    ]
    deck = build_deck(brief, placed)
    assert [s.kind for s in deck.slides][-2:] == [SlideKind.KEY_POINTS, SlideKind.END]
    (slide,) = key_points(deck)
    assert slide.title == "Key points"
    top = [bullet for bullet in slide.bullets if bullet.level == 0]
    assert [bullet.label for bullet in top] == [
        "\u2605 Key fact", "\u2713 Verified \u00b7 \u2716 Contested", "\u2691 Needs source",
    ]
    assert top[0].text == "\u201cmore than 60 container ships\u201d"
    assert top[0].colour is HighlightColour.KEY_FACT
    assert top[0].item_id == brief.sections[0].items[0].id  # the lede item it sits in
    assert top[1].text == know.text and top[1].status is ClaimStatus.VERIFIED
    assert top[2].text == nxt.text and top[2].status is ClaimStatus.NEEDS_SOURCE
    notes = [bullet for bullet in slide.bullets if bullet.level == 1]
    assert [bullet.text for bullet in notes] == ["Check with the harbour master"]
    assert "nine weeks of talks" not in " ".join(b.text for b in slide.bullets)  # orphan
    assert slide.item_ids == (brief.sections[0].items[0].id, know.id, nxt.id)


def test_renamed_colours_show_under_the_readers_names() -> None:
    brief = import_path(SAMPLE)
    placed = [highlight(brief, "1,240 workers", HighlightColour.FOLLOW_UP)]
    deck = build_deck(brief, placed, colour_names={HighlightColour.FOLLOW_UP: "Call union"})
    assert key_points(deck)[0].bullets[0].label == "\u2192 Call union"


def test_no_marks_or_key_points_off_make_no_key_points_slide() -> None:
    brief = import_path(SAMPLE)
    assert key_points(build_deck(brief)) == []
    placed = [item_mark(brief, brief.sections[1].items[0].id, status=ClaimStatus.DISPUTED)]
    assert key_points(build_deck(brief, placed))
    assert key_points(build_deck(brief, placed, key_points=False)) == []


def test_the_readers_notes_reach_the_speaker_notes_of_the_slide_showing_the_item() -> None:
    brief = import_path(SAMPLE)
    item = brief.sections[1].items[1]
    placed = [
        item_mark(brief, item.id, status=ClaimStatus.DISPUTED, note="Economist disputes ten days"),
        highlight(brief, "roughly ten days of supply", HighlightColour.CONTESTED,
                  note="Ask the fuel board"),
    ]
    deck = build_deck(brief, placed, key_points=False)
    why = next(s for s in deck.slides if s.kind is SlideKind.WHY_IT_MATTERS)
    assert item.id in why.item_ids
    assert "Your mark: \u2717 Disputed" in why.notes
    assert "Your note: Economist disputes ten days" in why.notes
    assert "Your highlight (\u2716 Contested): \u201croughly ten days of supply\u201d" in why.notes
    assert "Ask the fuel board" in why.notes
    assert item.source is not None and item.source.exact[:80] in why.notes
