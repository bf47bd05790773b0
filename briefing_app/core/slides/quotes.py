"""Quote slides: one quotation per slide in large type, with the speaker and their role.

Why one per slide: a quote is the moment a briefing lets someone else speak, and the room
reads it best alone and large.  A long quote first shrinks through the quote sizes; if even
the smallest overflows it continues on a second slide, cut at a sentence end and marked with
an ellipsis, so no words are clipped or silently dropped.  A reported statement (a speaker's
words given without quotation marks) is shown as written, never inside quotation marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefing_app.core.annotations import HighlightColour
from briefing_app.core.model import Item, ItemKind
from briefing_app.core.reading.card_text import card_body
from briefing_app.core.slides.deck import Slide, SlideKind, TextFit
from briefing_app.core.slides.fit import (
    QUOTE,
    ROLE,
    SPEAKER,
    TITLE,
    Box,
    Paragraph,
    block_height,
    chars_per_line,
    fits,
    fits_at,
    largest_fitting_step,
    line_budget,
    shortened_to_fit,
    slide_boxes,
)
from briefing_app.core.slides.notes import ReaderMarks, item_notes
from briefing_app.core.slides.paging import split_text

QUOTES_TITLE = "Quotes"
STATEMENT_TITLE = "Reported statement"
CONTINUED = " (continued)"


def quote_text(item: Item) -> str:
    """The words a quote slide shows: the quoted words alone when the item has them, else
    the card's text (a quote gets curly marks only if it has none; a statement none)."""
    return " ".join(card_body(item).split())


def quote_slides(
    items: Sequence[Item],
    marks: ReaderMarks,
    colour_names: dict[HighlightColour, str],
    aspect: str,
    most: int,
) -> list[Slide]:
    """One slide per quote (more for a quote too long for one), at most ``most`` slides;
    the last says how many quotes it left out."""
    boxes = slide_boxes(SlideKind.QUOTE, aspect)
    slides: list[Slide] = []
    for index, item in enumerate(items):
        text = quote_text(item)
        if not text:
            continue
        parts = _parts(text, boxes["quote"])
        if slides and len(slides) + len(parts) > most:
            left = len(items) - index
            last = slides[-1]
            slides[-1] = _with_footnote(last, left)
            break
        slides.extend(_slides_for(item, parts, boxes, marks, colour_names, aspect))
    return slides


def _parts(text: str, box: Box) -> list[str]:
    if fits([Paragraph(text)], box, QUOTE):
        return [text]
    return split_text(text, lambda piece: fits([Paragraph(piece)], box, QUOTE))


def _slides_for(
    item: Item,
    parts: list[str],
    boxes: dict[str, Box],
    marks: ReaderMarks,
    colour_names: dict[HighlightColour, str],
    aspect: str,
) -> list[Slide]:
    box = boxes["quote"]
    steps = [largest_fitting_step([Paragraph(part)], box, QUOTE) for part in parts]
    step = max((found[0] if found else len(QUOTE.sizes) - 1) for found in steps)
    size = QUOTE.sizes[step]
    speaker, role, detail = _attribution(item, boxes["attribution"])
    title = STATEMENT_TITLE if item.kind is ItemKind.STATEMENT else QUOTES_TITLE
    notes = item_notes(item, marks, colour_names)
    slides = []
    for number, part in enumerate(parts, 1):
        _, lines = block_height([Paragraph(part)], box, QUOTE, size, indented=False)
        fit = TextFit(
            title_size=TITLE.sizes[-1],
            body_size=size,
            detail_size=detail,
            step=step,
            chars_per_line=chars_per_line(box, QUOTE, size),
            line_budget=line_budget(box, QUOTE, size),
            lines=lines,
        )
        slides.append(Slide(
            kind=SlideKind.QUOTE,
            title=title + (CONTINUED if number > 1 else ""),
            fit=fit,
            aspect=aspect,
            quote=part,
            speaker=speaker,
            role=role,
            notes=notes,
            item_ids=(item.id,),
            part=number,
            parts=len(parts),
        ))
    return slides


def _attribution(item: Item, box: Box) -> tuple[str, str, int]:
    """The speaker's name (one line) and role (the rest of the box), each cut with an
    ellipsis if too long for the smallest size (both are whole in the notes), and the
    role's size (the name's follows it: ``fit.speaker_size``)."""
    if item.speaker is None:
        return "", "", ROLE.sizes[0]
    name = " ".join(item.speaker.name.split())
    role = " ".join((item.speaker.role or "").split())
    for step, role_size in enumerate(ROLE.sizes):
        name_size = SPEAKER.sizes[min(step, len(SPEAKER.sizes) - 1)]
        name_height = name_size * SPEAKER.line_height
        role_box = Box(box.x, box.y + name_height, box.width, box.height - name_height)
        name_box = Box(box.x, box.y, box.width, name_height)
        name_fits = fits_at([Paragraph(name)], name_box, SPEAKER, name_size)
        if name_fits and (not role or fits_at([Paragraph(role)], role_box, ROLE, role_size)):
            return name, role, role_size
    name_box = Box(box.x, box.y, box.width, SPEAKER.sizes[-1] * SPEAKER.line_height)
    name = shortened_to_fit(name, name_box, SPEAKER, SPEAKER.sizes[-1])
    name_height = SPEAKER.sizes[-1] * SPEAKER.line_height
    role_box = Box(box.x, box.y + name_height, box.width, box.height - name_height)
    return name, shortened_to_fit(role, role_box, ROLE, ROLE.sizes[-1]), ROLE.sizes[-1]


def _with_footnote(slide: Slide, left: int) -> Slide:
    more = "quote" if left == 1 else "quotes"
    return replace(
        slide,
        footnote=f"+ {left:,} more {more} in the brief",
        notes=f"{slide.notes}\n\nNot on these slides: {left:,} more {more}; they are in the "
        "reader.",
    )
