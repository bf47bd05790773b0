"""The article text as HTML paragraphs with the reader's highlights marked in it.

Why a sweep over boundaries: highlights overlap and nest (a key fact inside a contested
passage), and a brief can carry a thousand of them; walking the sorted start and end points
once gives each stretch of text the highlight that began last over it (the innermost, as
the window draws it) in time proportional to the text and the highlights, not their product.
Each highlight opens with its colour's glyph, a link to its note in the Highlights list, so
colour is never the only cue and the note is one click away.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape
from itertools import pairwise

from briefing_app.core.annotations import COLOUR_GLYPHS, HighlightColour, PlacedAnnotation
from briefing_app.core.export.export_job import annotation_block_id, without_controls

_PARAGRAPH_BREAK = re.compile(r"\n{2,}")


def article_html(
    text: str,
    highlights: Sequence[PlacedAnnotation],
    names: Mapping[HighlightColour, str],
    *,
    mark_tag: str = "mark",
) -> str:
    """``text`` as ``<p>`` paragraphs (a blank line between paragraphs, a lone line break
    kept as ``<br>``), each highlight wrapped in ``mark_tag`` with the class of its colour."""
    marked = [one for one in highlights
              if one.selector is not None and one.annotation.colour is not None]
    starts: dict[int, list[PlacedAnnotation]] = {}
    ends: dict[int, list[PlacedAnnotation]] = {}
    for one in marked:
        assert one.selector is not None
        if one.selector.end > one.selector.start:
            starts.setdefault(one.selector.start, []).append(one)
            ends.setdefault(one.selector.end, []).append(one)
    points = sorted({0, len(text), *starts, *ends})
    active: dict[str, PlacedAnnotation] = {}  # insertion order: the last begun is innermost
    pieces = ["<p>"]
    for start, end in pairwise(points):
        for one in ends.get(start, ()):
            active.pop(one.annotation.id, None)
        opened = starts.get(start, [])
        for one in opened:
            active[one.annotation.id] = one
        pieces.append(_stretch(text[start:end], list(active.values()), opened, names, mark_tag))
    pieces.append("</p>")
    return "".join(pieces).replace("<p></p>", "")


def _stretch(
    words: str,
    active: list[PlacedAnnotation],
    opened: list[PlacedAnnotation],
    names: Mapping[HighlightColour, str],
    mark_tag: str,
) -> str:
    """One stretch of text under one set of highlights, paragraph breaks inside it closing
    and reopening the mark."""
    glyphs = "".join(_glyph(one) for one in opened)
    if not active:
        return glyphs + _paragraphs(words, "", "")
    top = active[-1]
    colour = top.annotation.colour
    assert colour is not None
    titles = ", ".join(names[one.annotation.colour] for one in active  # type: ignore[index]
                       if one.annotation.colour is not None)
    opening = f'<{mark_tag} class="hl hl-{colour.value}" title="{escape(titles)}">'
    closing = f"</{mark_tag}>"
    return opening + glyphs + _paragraphs(words, opening, closing) + closing


def _paragraphs(words: str, opening: str, closing: str) -> str:
    parts = _PARAGRAPH_BREAK.split(without_controls(words))
    joiner = f"{closing}</p>\n<p>{opening}"
    return joiner.join(escape(part, quote=False).replace("\n", "<br>") for part in parts)


def _glyph(one: PlacedAnnotation) -> str:
    colour = one.annotation.colour
    assert colour is not None
    block = annotation_block_id(one.annotation.id)
    return (f'<a class="glyph" id="at-{block}" href="#{block}">'
            f"{escape(COLOUR_GLYPHS[colour])}</a>")
