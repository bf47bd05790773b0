"""Build a deck from a brief: which slides, in what order, saying what, at what size.

Why this order: a briefing opens with the headline and where it comes from, says why it
matters, then what to know, lets the people quoted speak one at a time, ends on what
happens next and on the points the briefer marked, and closes with the source credit.
A brief with none of the main sections (wire copy: an Overview and the quotes gathered from
it) shows its Overview as bullets instead, so every brief makes a deck worth showing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefing_app.core.annotations import (
    DEFAULT_COLOUR_NAMES,
    HighlightColour,
    PlacedAnnotation,
)
from briefing_app.core.model import Brief, Item, ItemKind, SectionKind
from briefing_app.core.reading.card_text import card_body
from briefing_app.core.reading.tabs import MAIN_TABS
from briefing_app.core.slides.deck import Bullet, Deck, Slide, SlideKind, TextFit
from briefing_app.core.slides.fit import (
    BODY,
    HEADLINE,
    META,
    TITLE,
    Box,
    Paragraph,
    block_height,
    chars_per_line,
    largest_fitting_step,
    line_budget,
    shortened_to_fit,
    slide_boxes,
    slide_width,
)
from briefing_app.core.slides.key_points import key_point_entries
from briefing_app.core.slides.notes import ReaderMarks, item_notes, joined_notes, shortened
from briefing_app.core.slides.paging import Entry, paginate
from briefing_app.core.slides.quotes import quote_slides

TAB_TITLES = {kind: title for kind, title, _ in MAIN_TABS}
KEY_POINTS_TITLE = "Key points"
END_TITLE = "End of briefing"
UNTITLED = "Untitled brief"


@dataclass(frozen=True)
class DeckLimits:
    """At most how many slides each part of the deck gets; what is left out is counted on
    the part's last slide ("+ 40 more in the brief") and stays in the reader."""

    bullets_per_section: int = 4
    what_to_know: int = 6
    quotes: int = 12
    key_points: int = 6


DEFAULT_LIMITS = DeckLimits()
_SECTION_SLIDES = {
    SectionKind.WHY_IT_MATTERS: SlideKind.WHY_IT_MATTERS,
    SectionKind.WHAT_TO_KNOW: SlideKind.WHAT_TO_KNOW,
    SectionKind.NEXT_STEPS: SlideKind.NEXT_STEPS,
    SectionKind.OTHER: SlideKind.OTHER,
}


def build_deck(
    brief: Brief,
    placed: Iterable[PlacedAnnotation] = (),
    *,
    aspect: str = "16:9",
    key_points: bool = True,
    colour_names: dict[HighlightColour, str] | None = None,
    limits: DeckLimits = DEFAULT_LIMITS,
) -> Deck:
    """The deck for ``brief``, fitted for ``aspect`` ("16:9" or "4:3").

    ``placed`` are the reader's annotations as placed in the article now (speaker notes
    carry their notes; with ``key_points`` a "Key points" part lists what they marked);
    ``colour_names`` are the reader's names for the highlight colours.  Pure: the same
    brief and annotations always make the same deck.  Raises ValueError for an unknown
    aspect.
    """
    slide_width(aspect)  # refuses an unknown aspect before any work
    names = {**DEFAULT_COLOUR_NAMES, **(colour_names or {})}
    placed = list(placed)
    marks = ReaderMarks.from_placed(placed)
    slides: list[Slide] = [_title_slide(brief, aspect)]
    by_kind: dict[SectionKind, list[Item]] = {}
    others = []
    for section in brief.sections:
        if section.kind is SectionKind.OTHER:
            others.append(section)
        by_kind.setdefault(section.kind, []).extend(section.items)

    def section_slides(kind: SectionKind, title: str, items: Sequence[Item], most: int) -> None:
        """Add a section's bullet slides (none when it has no items)."""
        entries = [_item_entry(item, marks, names) for item in items]
        slides.extend(bullet_slides(_SECTION_SLIDES.get(kind, SlideKind.OVERVIEW), title,
                                    entries, aspect, most))

    main = (SectionKind.WHY_IT_MATTERS, SectionKind.WHAT_TO_KNOW, SectionKind.NEXT_STEPS)
    if not any(by_kind.get(kind) for kind in (*main, SectionKind.OTHER)):
        section_slides(SectionKind.LEDE, TAB_TITLES[SectionKind.LEDE],
                       by_kind.get(SectionKind.LEDE, []), limits.bullets_per_section)
    section_slides(SectionKind.WHY_IT_MATTERS, TAB_TITLES[SectionKind.WHY_IT_MATTERS],
                   by_kind.get(SectionKind.WHY_IT_MATTERS, []), limits.bullets_per_section)
    section_slides(SectionKind.WHAT_TO_KNOW, TAB_TITLES[SectionKind.WHAT_TO_KNOW],
                   by_kind.get(SectionKind.WHAT_TO_KNOW, []), limits.what_to_know)
    for section in others:
        section_slides(SectionKind.OTHER, section.title.strip() or "More", section.items,
                       limits.bullets_per_section)
    slides.extend(quote_slides(by_kind.get(SectionKind.QUOTES, []), marks, names, aspect,
                               limits.quotes))
    section_slides(SectionKind.NEXT_STEPS, TAB_TITLES[SectionKind.NEXT_STEPS],
                   by_kind.get(SectionKind.NEXT_STEPS, []), limits.bullets_per_section)
    if key_points:
        slides.extend(bullet_slides(SlideKind.KEY_POINTS, KEY_POINTS_TITLE,
                                    key_point_entries(brief, placed, names), aspect,
                                    limits.key_points))
    slides.append(_end_slide(brief, aspect))
    total = len(slides)
    numbered = tuple(
        replace(slide, number=number, total=total) for number, slide in enumerate(slides, 1)
    )
    return Deck(title=brief.title or UNTITLED, aspect=aspect, slides=numbered,
                brief_id=brief.id)


def _item_entry(item: Item, marks: ReaderMarks, names: dict[HighlightColour, str]) -> Entry:
    text = card_body(item) if item.kind is ItemKind.QUOTE else " ".join(item.text.split())
    return Entry((Bullet(text, 0, item.id),), item_notes(item, marks, names), item.id)


def bullet_slides(
    kind: SlideKind, title: str, entries: Sequence[Entry], aspect: str, most: int
) -> list[Slide]:
    """A bullet section's slides: none when it has no entries, else as many parts as it
    needs (at most ``most``), each titled "Title (2 of 3)" past the first of several."""
    if not entries:
        return []
    boxes = slide_boxes(kind, aspect)
    pages, left_out = paginate(entries, boxes["body"], BODY, most)
    slides = []
    for part, page in enumerate(pages, 1):
        heading = title if len(pages) == 1 else f"{title} ({part} of {len(pages)})"
        heading, title_size = _fitted_title(heading, boxes["title"])
        size = BODY.sizes[page.step]
        fit = TextFit(
            title_size=title_size,
            body_size=size,
            detail_size=BODY.sizes[-1],
            step=page.step,
            chars_per_line=chars_per_line(boxes["body"], BODY, size),
            line_budget=line_budget(boxes["body"], BODY, size),
            lines=page.lines,
        )
        bullets = tuple(bullet for entry in page.entries for bullet in entry.bullets)
        ids = tuple(dict.fromkeys(e.item_id for e in page.entries if e.item_id is not None))
        notes = joined_notes(tuple(dict.fromkeys(e.notes for e in page.entries)))
        footnote = ""
        if left_out and part == len(pages):
            footnote = f"+ {left_out:,} more in the brief"
            notes = joined_notes((notes, f"Not on these slides: {left_out:,} more items "
                                         f"of {title}; they are in the reader."))
        slides.append(Slide(kind=kind, title=heading, fit=fit, aspect=aspect, bullets=bullets,
                            notes=notes, item_ids=ids, part=part, parts=len(pages),
                            footnote=footnote))
    return slides


def _fitted_title(title: str, box: Box) -> tuple[str, int]:
    """The heading at the largest title step it fits, cut with an ellipsis if need be."""
    found = largest_fitting_step([Paragraph(title)], box, TITLE)
    if found is not None:
        return title, TITLE.sizes[found[0]]
    size = TITLE.sizes[-1]
    return shortened_to_fit(title, box, TITLE, size), size


def _title_slide(brief: Brief, aspect: str) -> Slide:
    boxes = slide_boxes(SlideKind.TITLE, aspect)
    headline = " ".join((brief.title or UNTITLED).split())
    found = largest_fitting_step([Paragraph(headline)], boxes["headline"], HEADLINE)
    step = found[0] if found is not None else len(HEADLINE.sizes) - 1
    size = HEADLINE.sizes[step]
    shown = headline if found is not None else shortened_to_fit(
        headline, boxes["headline"], HEADLINE, size)
    source = brief.source
    lines = tuple(
        shortened_to_fit(" ".join(line.split()), boxes["meta"], META, META.sizes[-1])
        for line in (source.publisher, _byline(source.author), source.published)
        if line and line.strip()
    )
    meta = largest_fitting_step([Paragraph(line) for line in lines], boxes["meta"], META)
    detail = META.sizes[meta[0] if meta is not None else -1]
    notes = [f"Headline: {headline}"]
    notes += [f"{name}: {value}" for name, value in (
        ("Publisher", source.publisher), ("Byline", source.author),
        ("Published", source.published), ("Link", source.url)) if value]
    lede = next((s.items for s in brief.sections if s.kind is SectionKind.LEDE), [])
    if lede:
        notes.append(f"Lede: {shortened(lede[0].text, 600)}")
    fit = TextFit(title_size=size, body_size=size, detail_size=detail, step=step,
                  chars_per_line=chars_per_line(boxes["headline"], HEADLINE, size),
                  line_budget=line_budget(boxes["headline"], HEADLINE, size),
                  lines=block_height([Paragraph(shown)], boxes["headline"], HEADLINE, size,
                                     indented=False)[1])
    return Slide(kind=SlideKind.TITLE, title=shown, fit=fit, aspect=aspect, lines=lines,
                 notes="\n".join(notes), item_ids=tuple(item.id for item in lede[:1]))


def _byline(author: str | None) -> str | None:
    if not author or not author.strip():
        return None
    return author if author.lower().startswith("by ") else f"By {author}"


def _end_slide(brief: Brief, aspect: str) -> Slide:
    boxes = slide_boxes(SlideKind.END, aspect)
    source = brief.source
    credit = " \u00b7 ".join(part for part in (source.publisher, source.author,
                                               source.published) if part)
    lines = tuple(
        shortened_to_fit(line, boxes["meta"], META, META.sizes[-1])
        for line in (f"Source: {credit}" if credit else "", source.url or "") if line
    )
    fit = TextFit(title_size=TITLE.sizes[0], body_size=META.sizes[0],
                  detail_size=META.sizes[-1], step=0,
                  chars_per_line=chars_per_line(boxes["meta"], META, META.sizes[0]),
                  line_budget=line_budget(boxes["meta"], META, META.sizes[0]),
                  lines=len(lines))
    return Slide(kind=SlideKind.END, title=END_TITLE, fit=fit, aspect=aspect, lines=lines,
                 notes="Questions, then back to the reader (Esc).")


__all__ = ["DEFAULT_LIMITS", "DeckLimits", "build_deck", "bullet_slides"]
