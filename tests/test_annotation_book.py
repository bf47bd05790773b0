"""The notes panel's questions, answered without a window: what shows for these filters,
what is highlighted where, what status an item carries."""

from __future__ import annotations

from briefing_app.core.anchoring import make_selector
from briefing_app.core.annotations import (
    Annotation,
    ClaimStatus,
    HighlightColour,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.model import SectionKind
from briefing_app.core.reading.annotation_book import AnnotationBook, NoteFilter

TEXT = "The ferry strike ended on Friday. Crews won a 4% rise. Talks resume in May."


def _highlight(words: str, colour: HighlightColour, note: str = "", tags=(), placement=None):
    start = TEXT.index(words)
    selector = make_selector(TEXT, start, start + len(words))
    annotation = Annotation(
        document_id="doc", selector=selector, colour=colour, note=note, tags=list(tags)
    )
    placed = placement or Placement.EXACT
    return PlacedAnnotation(
        annotation=annotation,
        placement=placed,
        selector=None if placed is Placement.ORPHAN else selector,
    )


def _item_status(item_id: str, status: ClaimStatus, section=SectionKind.WHAT_TO_KNOW):
    annotation = Annotation(document_id="doc", item_id=item_id, section=section, status=status)
    return PlacedAnnotation(annotation=annotation, placement=Placement.EXACT, item_id=item_id)


BOOK = AnnotationBook(
    [
        _highlight("Talks resume in May", HighlightColour.FOLLOW_UP, tags=["dates"]),
        _highlight("4% rise", HighlightColour.KEY_FACT, note="Check the **union** figure",
                   tags=["pay", "Figures"]),
        _highlight("ferry strike", HighlightColour.CONTESTED),
        _item_status("what_to_know-1", ClaimStatus.DISPUTED),
        _item_status("quotes-2", ClaimStatus.UNREVIEWED, SectionKind.QUOTES),
    ]
)


def test_placed_highlights_come_in_article_order_with_their_colour() -> None:
    spans = [(TEXT[s:e], colour) for s, e, colour in BOOK.text_highlights()]
    assert spans == [
        ("ferry strike", "contested"),
        ("4% rise", "key_fact"),
        ("Talks resume in May", "follow_up"),
    ]


def test_a_click_finds_the_highlight_under_it() -> None:
    inside = TEXT.index("4% rise") + 2
    assert [entry.annotation.colour for entry in BOOK.at(inside)] == [HighlightColour.KEY_FACT]
    assert BOOK.at(40) == []


def test_filters_by_colour_tag_status_and_section() -> None:
    def colours(wanted: NoteFilter) -> list:
        return [e.annotation.colour or e.annotation.status for e in BOOK.matching(wanted)]

    assert colours(NoteFilter(colour=HighlightColour.KEY_FACT)) == [HighlightColour.KEY_FACT]
    assert colours(NoteFilter(tag="dates")) == [HighlightColour.FOLLOW_UP]
    assert colours(NoteFilter(status=ClaimStatus.DISPUTED)) == [ClaimStatus.DISPUTED]
    assert colours(NoteFilter(section=SectionKind.QUOTES)) == [ClaimStatus.UNREVIEWED]
    assert len(BOOK.matching(NoteFilter())) == 5


def test_typing_searches_notes_tags_and_quoted_words_case_insensitively() -> None:
    found = BOOK.matching(NoteFilter(query="UNION rise"))
    assert [e.annotation.colour for e in found] == [HighlightColour.KEY_FACT]
    assert [e.annotation.colour for e in BOOK.matching(NoteFilter(query="figures"))] == [
        HighlightColour.KEY_FACT
    ]
    assert BOOK.matching(NoteFilter(query="nowhere")) == []


def test_item_statuses_leave_out_unreviewed_and_tags_sort_without_case() -> None:
    assert BOOK.item_statuses() == {"what_to_know-1": ClaimStatus.DISPUTED}
    assert BOOK.tags() == ["dates", "Figures", "pay"]


def test_orphans_are_kept_listed_last_and_never_highlighted() -> None:
    orphan = _highlight("Crews won", HighlightColour.QUESTION, placement=Placement.ORPHAN)
    book = AnnotationBook([orphan, *BOOK.all()])
    assert book.all()[-1] is orphan and book.orphans() == [orphan]
    assert "question" not in [colour for _s, _e, colour in book.text_highlights()]
    assert len(book) == 6
