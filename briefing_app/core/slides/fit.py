"""Where text sits on a slide and how large it may be set, decided without font metrics.

Why without metrics: the deck is built in the Qt-free core, and the same decisions must
hold on a 1280×720 projector, a 1920×1080 screen, a 4:3 room, a PDF page and in PowerPoint
with a font we never see.  So the model is deliberately pessimistic:

* A slide is 540 points high (PowerPoint's 7.5 inches) and 960 (16:9) or 720 (4:3) wide;
  every box below is in those points, and a painter scales the whole slide uniformly, so a
  decision made here holds at any resolution with that aspect.
* A character is assumed to be ``advance`` em wide: 0.56 for regular text and 0.62 for bold.
  DejaVu Sans, one of the widest common sans faces, averages 0.50 and 0.57 on newsroom copy
  (measured with QFontMetricsF); Calibri, Arial and Helvetica are narrower.  A line is
  assumed to take ``line_height`` em (1.25–1.3; fonts' own spacing is ~1.16).
* A box holds ``floor(width / (size × advance))`` characters per line, and text is wrapped
  at word boundaries with that budget (``textwrap``, which loses the end of a line to a word
  that does not fit, as real wrapping does); the box holds ``lines`` whole lines only.
* Each text role has a few size steps; the largest step at which everything fits is chosen.
  When even the smallest step overflows, the builder splits the content over more slides
  (a long section into parts, a long quote at sentence ends) — text is never clipped.

The painter checks the real font with QFontMetrics and shrinks further if a face is wider
than this model, so the model only has to be a safe first answer.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_app.core.slides.deck import BULLET_KINDS, SlideKind

SLIDE_HEIGHT = 540.0
SLIDE_WIDTHS = {"16:9": 960.0, "4:3": 720.0}
ASPECTS = tuple(SLIDE_WIDTHS)
MARGIN = 54.0


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in points from its top-left corner."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class TextStyle:
    """A text role: its size steps (largest first, in points), the assumed width of a
    character and height of a line (in em), and the gap after a paragraph (in em)."""

    sizes: tuple[int, ...]
    advance: float
    line_height: float
    gap: float = 0.0
    bold: bool = False


HEADLINE = TextStyle((48, 42, 36, 30, 26), advance=0.62, line_height=1.2, bold=True)
TITLE = TextStyle((36, 32, 28), advance=0.62, line_height=1.2, bold=True)
BODY = TextStyle((28, 24, 20), advance=0.56, line_height=1.25, gap=0.4)
QUOTE = TextStyle((40, 34, 28, 24), advance=0.56, line_height=1.3, gap=0.3)
META = TextStyle((22, 18), advance=0.56, line_height=1.3)
SPEAKER = TextStyle((24, 20), advance=0.62, line_height=1.25, bold=True)
ROLE = TextStyle((18, 16), advance=0.56, line_height=1.3)
FOOTER = TextStyle((12,), advance=0.56, line_height=1.3)
KICKER = TextStyle((16,), advance=0.62, line_height=1.3, bold=True)
BULLET_INDENT_EM = 1.2  # the room a bullet glyph takes before its text, per level


def slide_width(aspect: str) -> float:
    """The slide's width in points for an aspect ratio ("16:9" or "4:3")."""
    try:
        return SLIDE_WIDTHS[aspect]
    except KeyError:
        raise ValueError(f"aspect must be one of {', '.join(ASPECTS)}, not {aspect!r}") from None


def slide_boxes(kind: SlideKind, aspect: str) -> dict[str, Box]:
    """The named text boxes of a slide kind: ``title``, ``body``, ``footer`` for bullet
    slides; ``kicker``, ``headline``, ``meta`` for the title slide; ``kicker``, ``quote``,
    ``attribution`` for a quote; ``title`` and ``meta`` for the end slide.

    Why in the core: the fit decisions are made against these boxes, so the painter and the
    PowerPoint writer must place text in exactly them.
    """
    width = slide_width(aspect)
    inner = width - 2 * MARGIN
    footer = Box(MARGIN, SLIDE_HEIGHT - 38, inner, 22)
    if kind is SlideKind.TITLE:
        return {
            "kicker": Box(MARGIN, 64, inner, 26),
            "headline": Box(MARGIN, 104, inner, 250),
            "meta": Box(MARGIN, 372, inner, 112),
            "footer": footer,
        }
    if kind is SlideKind.QUOTE:
        inset = MARGIN + 24
        return {
            "kicker": Box(MARGIN, 34, inner, 26),
            "quote": Box(inset, 80, width - 2 * inset, 318),
            "attribution": Box(inset, 408, width - 2 * inset, 82),
            "footer": footer,
        }
    if kind is SlideKind.END:
        return {
            "title": Box(MARGIN, 170, inner, 100),
            "meta": Box(MARGIN, 290, inner, 150),
            "footer": footer,
        }
    return {
        "title": Box(MARGIN, 32, inner, 88),
        "body": Box(MARGIN, 140, inner, 346),
        "footer": footer,
    }


def chars_per_line(box: Box, style: TextStyle, size: int, indent_em: float = 0.0) -> int:
    """How many characters a line of the box is trusted to hold at ``size``."""
    room = box.width - indent_em * size
    return max(1, int(room // (size * style.advance)))


def line_budget(box: Box, style: TextStyle, size: int) -> int:
    """How many whole lines fit in the box at ``size``, with no paragraph gaps."""
    return int(box.height // (size * style.line_height))


def wrapped(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` characters at word boundaries (a
    word longer than a line is broken inside, as the painter's wrap mode does)."""
    return textwrap.wrap(text, width=max(1, width), break_on_hyphens=False) or [""]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph to fit: its text and how many indent steps it sits in."""

    text: str
    level: int = 0


def block_height(
    paragraphs: Sequence[Paragraph], box: Box, style: TextStyle, size: int, *, indented: bool
) -> tuple[float, int]:
    """The height the paragraphs need at ``size`` and how many lines they take.

    ``indented``: bullets, whose text starts after a glyph (and one more step per level).
    """
    lines = 0
    for paragraph in paragraphs:
        indent = BULLET_INDENT_EM * (paragraph.level + 1) if indented else 0.0
        lines += len(wrapped(paragraph.text, chars_per_line(box, style, size, indent)))
    gaps = max(0, len(paragraphs) - 1) * style.gap * size
    return lines * size * style.line_height + gaps, lines


def largest_fitting_step(
    paragraphs: Sequence[Paragraph], box: Box, style: TextStyle, *, indented: bool = False
) -> tuple[int, int] | None:
    """The index of the largest size step at which the paragraphs fit the box, with the
    lines they take there; None when even the smallest step overflows (split, then)."""
    for step, size in enumerate(style.sizes):
        height, lines = block_height(paragraphs, box, style, size, indented=indented)
        if height <= box.height:
            return step, lines
    return None


def fits_at(
    paragraphs: Sequence[Paragraph],
    box: Box,
    style: TextStyle,
    size: int,
    *,
    indented: bool = False,
) -> bool:
    """True when the paragraphs fit the box at ``size``."""
    return block_height(paragraphs, box, style, size, indented=indented)[0] <= box.height


def speaker_size(role_size: int) -> int:
    """The size of a quote's speaker name, set with its role at ``role_size``."""
    return SPEAKER.sizes[min(ROLE.sizes.index(role_size), len(SPEAKER.sizes) - 1)]


def fits(
    paragraphs: Sequence[Paragraph], box: Box, style: TextStyle, *, indented: bool = False
) -> bool:
    """True when the paragraphs fit the box at the style's smallest size."""
    height, _ = block_height(paragraphs, box, style, style.sizes[-1], indented=indented)
    return height <= box.height


def shortened_to_fit(text: str, box: Box, style: TextStyle, size: int) -> str:
    """``text`` cut at a word boundary with an ellipsis so it fits the box at ``size`` —
    for a headline or a role too long for any step (the whole text is in the notes)."""
    budget = line_budget(box, style, size)
    lines = wrapped(text, chars_per_line(box, style, size))
    if len(lines) <= budget:
        return text
    kept = " ".join(lines[:budget])
    while kept and len(wrapped(kept + " \u2026", chars_per_line(box, style, size))) > budget:
        kept = kept.rsplit(" ", 1)[0] if " " in kept else kept[:-1]
    return (kept + " \u2026").strip()


def body_style(kind: SlideKind) -> TextStyle:
    """The style a slide kind's main text is fitted with."""
    if kind is SlideKind.QUOTE:
        return QUOTE
    if kind is SlideKind.TITLE:
        return HEADLINE
    if kind in BULLET_KINDS:
        return BODY
    return META
