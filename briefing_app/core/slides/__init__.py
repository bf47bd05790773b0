"""Slides made from a brief: the deck model a presentation, a PDF and a PowerPoint file share.

Why Qt-free: which slides a brief makes, in what order, what each says, what the speaker
notes hold and how large its text may be set without clipping are decisions about the brief,
not about drawing, so they live here as plain data with plain tests; the window, the PDF
writer (``briefing_app.ui.present``) and the PowerPoint writer (``pptx_writer``, imported
on its own: it loads python-pptx) only place text where the deck says.  Imports the model,
the annotation model and ``reading`` (card wording) only.
"""

from briefing_app.core.slides.builder import DEFAULT_LIMITS, DeckLimits, build_deck
from briefing_app.core.slides.deck import Bullet, Deck, Slide, SlideKind, TextFit
from briefing_app.core.slides.fit import ASPECTS, SLIDE_HEIGHT, Box, slide_boxes, slide_width

__all__ = [
    "ASPECTS",
    "DEFAULT_LIMITS",
    "SLIDE_HEIGHT",
    "Box",
    "Bullet",
    "Deck",
    "DeckLimits",
    "Slide",
    "SlideKind",
    "TextFit",
    "build_deck",
    "slide_boxes",
    "slide_width",
]
