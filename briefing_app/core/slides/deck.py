"""The deck model: slides as plain frozen data, the one shape every way of showing them reads.

Why plain dataclasses and not widgets or pydantic: a deck is computed from a brief in one
call, never edited or saved, and read by the window (on screen), the PDF writer and the
PowerPoint writer alike; immutable records with every decision already made (what a slide
says, its notes, which items it shows, how large its text is set) keep those three from
deciding anything differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from briefing_app.core.annotations import ClaimStatus, HighlightColour


class SlideKind(StrEnum):
    """What a slide is for; the painter and the PowerPoint writer pick a layout by it."""

    TITLE = "title"
    OVERVIEW = "overview"  # the lede as bullets, when the brief has no other section
    WHY_IT_MATTERS = "why_it_matters"
    WHAT_TO_KNOW = "what_to_know"
    OTHER = "other"  # an unrecognised heading's items, under the heading as written
    QUOTE = "quote"
    NEXT_STEPS = "next_steps"
    KEY_POINTS = "key_points"
    END = "end"


BULLET_KINDS = frozenset(
    {
        SlideKind.OVERVIEW,
        SlideKind.WHY_IT_MATTERS,
        SlideKind.WHAT_TO_KNOW,
        SlideKind.OTHER,
        SlideKind.NEXT_STEPS,
        SlideKind.KEY_POINTS,
    }
)


@dataclass(frozen=True)
class Bullet:
    """One bullet: its text at an outline level (0 top, 1 beneath it), and for a key point
    the reader's mark on it.

    ``label`` is the mark in words with its glyph ("✓ Verified · ★ Key fact"), so it reads
    without colour; ``status`` and ``colour`` let a painter add colour on top of it.
    """

    text: str
    level: int = 0
    item_id: str | None = None
    label: str = ""
    status: ClaimStatus | None = None
    colour: HighlightColour | None = None

    @property
    def shown_text(self) -> str:
        """The label and the text as one line of words, as a plain-text reader gets them."""
        return f"{self.label} \u2014 {self.text}" if self.label else self.text


@dataclass(frozen=True)
class TextFit:
    """How large a slide's text is set, decided without font metrics (see ``fit``).

    Sizes are points on a slide 540 points high (PowerPoint's 7.5 inches), so a painter
    scales them by its slide height / 540.  ``step`` is the index of ``body_size`` in its
    style's size steps (0 is the largest); ``lines`` is the estimated number of lines the
    body needs at that size and ``line_budget`` how many its box holds (lines <= budget);
    ``chars_per_line`` is the character budget of a body line.
    """

    title_size: int
    body_size: int
    detail_size: int
    step: int
    chars_per_line: int
    line_budget: int
    lines: int


@dataclass(frozen=True)
class Slide:
    """One slide, with everything its painter, its notes pane and the reader need.

    ``title`` is the slide's heading (the headline on the title slide); ``lines`` are plain
    lines under it (the title slide's publisher, byline and date; the end slide's credit);
    ``bullets`` the bullet list; ``quote``, ``speaker`` and ``role`` a quote slide's words
    and who said them.  ``notes`` are the speaker notes (the items' own passages, evidence
    and the reader's notes).  ``item_ids`` are the brief items shown, in order, so leaving
    the presentation can return to the last one.  ``part``/``parts`` number the slides a
    long section or quote was split into; ``number``/``total`` place it in the deck.
    ``footnote`` says what did not fit in the deck ("+ 12 more in the brief").
    """

    kind: SlideKind
    title: str
    fit: TextFit
    aspect: str = "16:9"
    lines: tuple[str, ...] = ()
    bullets: tuple[Bullet, ...] = ()
    quote: str = ""
    speaker: str = ""
    role: str = ""
    notes: str = ""
    item_ids: tuple[str, ...] = ()
    part: int = 1
    parts: int = 1
    number: int = 0
    total: int = 0
    footnote: str = ""

    @property
    def body_lines(self) -> tuple[str, ...]:
        """The slide's words below its title, one string per line or bullet, in order."""
        if self.kind is SlideKind.QUOTE:
            attribution = (f"\u2014 {self.speaker}",) if self.speaker else ()
            return (self.quote, *attribution, *((self.role,) if self.role else ()))
        return self.lines + tuple(bullet.shown_text for bullet in self.bullets)


@dataclass(frozen=True)
class Deck:
    """A brief's slides, in showing order, with the aspect ratio they were fitted for."""

    title: str
    aspect: str
    slides: tuple[Slide, ...]
    brief_id: str = ""

    def __len__(self) -> int:
        return len(self.slides)

    def slide_for_item(self, item_id: str) -> int | None:
        """The index of the first slide showing an item (start presenting at the item the
        reader has selected), or None when no slide shows it."""
        for index, slide in enumerate(self.slides):
            if item_id in slide.item_ids:
                return index
        return None
