"""Splitting what does not fit one slide: bullets into balanced parts, long text at sentences.

Why balanced: a section that needs two slides at the smallest size is better shown as two
half-full slides at one larger size than as a crammed slide and a near-empty one; and all
parts of a section use the same size, so the type does not jump as the presenter moves on.
Why bounded: a deck is for a meeting, so each section shows at most a given number of
slides and says how many items it left out; the work stops once that many are full, which
keeps a very long brief as quick to present as a short one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from briefing_app.core.slides.deck import Bullet
from briefing_app.core.slides.fit import (
    BULLET_INDENT_EM,
    Box,
    Paragraph,
    TextStyle,
    block_height,
    chars_per_line,
    fits,
    largest_fitting_step,
    line_budget,
    wrapped,
)

_SENTENCE_END = re.compile(r"(?:(?<=[.!?\u2026])|(?<=[.!?\u2026][\u201d\u2019\"')\]]))\s+")
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class Entry:
    """What one item puts on a bullet slide: its bullets (kept together), notes and id."""

    bullets: tuple[Bullet, ...]
    notes: str = ""
    item_id: str | None = None

    def paragraphs(self) -> list[Paragraph]:
        """The bullets as paragraphs to fit (a key point's label counts with its text)."""
        return [Paragraph(bullet.shown_text, bullet.level) for bullet in self.bullets]


@dataclass(frozen=True)
class Page:
    """Entries for one slide, the size step they are set at and the lines they take."""

    entries: tuple[Entry, ...]
    step: int
    lines: int


def sentences(text: str) -> list[str]:
    """``text`` cut after sentence-ending punctuation (and a closing quote mark)."""
    return [part for part in _SENTENCE_END.split(text.strip()) if part]


def split_text(text: str, fits_text: Callable[[str], bool]) -> list[str]:
    """``text`` as consecutive pieces that each pass ``fits_text``, cut at sentence ends,
    or inside a sentence at word boundaries when one sentence alone is too long.  Pieces
    but the last end in an ellipsis and the ones after the first open with one, so a cut is
    never taken for the end of the words."""
    pieces: list[str] = []
    current = ""
    for sentence in sentences(text):
        candidate = f"{current} {sentence}".strip()
        if fits_text(_marked(candidate, bool(pieces), True)):
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = ""
        for word in sentence.split(" "):
            candidate = f"{current} {word}".strip()
            if current and not fits_text(_marked(candidate, bool(pieces), True)):
                pieces.append(current)
                current = word
            else:
                current = candidate
    if current:
        pieces.append(current)
    last = len(pieces) - 1
    return [_marked(piece, index > 0, index < last) for index, piece in enumerate(pieces)]


def _marked(piece: str, after_cut: bool, before_cut: bool) -> str:
    return f"{ELLIPSIS} " * after_cut + piece + f" {ELLIPSIS}" * before_cut


def split_long_entries(entries: Iterable[Entry], box: Box, style: TextStyle) -> Iterator[Entry]:
    """Each entry as it is, or — when even alone on a slide at the smallest size it would
    overflow — its first bullet cut into pieces that each fit a slide (the others dropped
    from all but the last piece)."""
    smallest = style.sizes[-1]
    for entry in entries:
        if fits(entry.paragraphs(), box, style, indented=True):
            yield entry
            continue
        first, rest = entry.bullets[0], entry.bullets[1:]
        room = Box(box.x, box.y, box.width, box.height)
        width = chars_per_line(room, style, smallest, BULLET_INDENT_EM * (first.level + 1))
        budget = line_budget(room, style, smallest)

        def fits_text(
            text: str, width: int = width, budget: int = budget, label: str = first.label
        ) -> bool:
            return len(wrapped(f"{label} \u2014 {text}" if label else text, width)) <= budget

        pieces = split_text(first.text, fits_text)
        for index, piece in enumerate(pieces):
            bullet = Bullet(piece, first.level, first.item_id, first.label, first.status,
                            first.colour)
            tail = rest if index == len(pieces) - 1 else ()
            candidate = Entry((bullet, *tail), entry.notes, entry.item_id)
            if tail and not fits(candidate.paragraphs(), box, style, indented=True):
                candidate = Entry((bullet,), entry.notes, entry.item_id)
            yield candidate


def paginate(
    entries: Sequence[Entry], box: Box, style: TextStyle, max_pages: int
) -> tuple[list[Page], int]:
    """Entries laid out on at most ``max_pages`` slides, and how many entries were left
    out (an entry cut short by the last slide counts as left out).  One slide at the
    largest size that holds everything; else parts balanced at one shared size (see the
    module docstring)."""
    greedy: list[list[Entry]] = [[]]
    filled = 0.0
    smallest = style.sizes[-1]
    gap = style.gap * smallest
    for index, entry in enumerate(entries):
        for piece in split_long_entries((entry,), box, style):
            height, _ = block_height(piece.paragraphs(), box, style, smallest, indented=True)
            needed = height + (gap if greedy[-1] else 0.0)
            if greedy[-1] and filled + needed > box.height:
                if len(greedy) == max_pages:
                    return _pages(greedy, box, style), len(entries) - index
                greedy.append([])
                filled, needed = 0.0, height
            greedy[-1].append(piece)
            filled += needed
    chunks = [chunk for chunk in greedy if chunk]
    if len(chunks) > 1:
        chunks = _balanced(chunks, box, style) or chunks
    return _pages(chunks, box, style), 0


def _balanced(chunks: list[list[Entry]], box: Box, style: TextStyle) -> list[list[Entry]] | None:
    """The same entries in as many chunks, each filled to about the average height; None
    when that needs more chunks than the greedy split."""
    entries = [entry for chunk in chunks for entry in chunk]
    smallest = style.sizes[-1]
    heights = [
        block_height(entry.paragraphs(), box, style, smallest, indented=True)[0]
        for entry in entries
    ]
    gap = style.gap * smallest
    target = (sum(heights) + gap * (len(entries) - len(chunks))) / len(chunks)
    balanced: list[list[Entry]] = [[]]
    filled = 0.0
    for entry, height in zip(entries, heights, strict=True):
        needed = height + (gap if balanced[-1] else 0.0)
        # A new slide once this one is full, or once adding the entry would take it
        # further past the average than stopping short of it leaves it.
        if balanced[-1] and (filled + needed > box.height or filled + needed / 2 > target):
            balanced.append([])
            filled, needed = 0.0, height
        balanced[-1].append(entry)
        filled += needed
    return balanced if len(balanced) <= len(chunks) else None


def _pages(chunks: list[list[Entry]], box: Box, style: TextStyle) -> list[Page]:
    """Each chunk at the largest size step every chunk fits (one size for all parts)."""
    steps = []
    for chunk in chunks:
        paragraphs = [p for entry in chunk for p in entry.paragraphs()]
        found = largest_fitting_step(paragraphs, box, style, indented=True)
        steps.append(len(style.sizes) - 1 if found is None else found[0])
    shared = max(steps, default=0)
    pages = []
    for chunk in chunks:
        paragraphs = [p for entry in chunk for p in entry.paragraphs()]
        _, lines = block_height(paragraphs, box, style, style.sizes[shared], indented=True)
        pages.append(Page(tuple(chunk), shared, lines))
    return pages
