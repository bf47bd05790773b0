"""Slide colours, light and dark, taken from the reader's themes and made projector-safe.

Why derived and checked: slides should feel like the reader (the same section hues), but a
projector washes colours out, so any colour that carries words (a kicker, a status mark)
is darkened or lightened until it reaches a 4.5:1 contrast with the slide's background
(WCAG AA for normal text); hues that only decorate (rules, bars) are used as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor

from briefing_app.core.slides import SlideKind
from briefing_app.ui.themes import THEMES, Theme

MIN_CONTRAST = 4.5
SLIDE_THEMES = ("light", "dark")
_KIND_SECTIONS = {
    SlideKind.OVERVIEW: "lede",
    SlideKind.WHY_IT_MATTERS: "why_it_matters",
    SlideKind.WHAT_TO_KNOW: "what_to_know",
    SlideKind.QUOTE: "quotes",
    SlideKind.NEXT_STEPS: "next_steps",
    SlideKind.OTHER: "other",
}


@dataclass(frozen=True)
class SlideTheme:
    """The colours a slide is drawn in."""

    name: str
    background: QColor
    text: QColor
    muted: QColor
    accent: QColor
    section: dict[str, QColor] = field(default_factory=dict)
    status: dict[str, QColor] = field(default_factory=dict)
    highlight: dict[str, QColor] = field(default_factory=dict)

    def accent_for(self, kind: SlideKind) -> QColor:
        """The hue of a slide kind: its section's colour in the reader, else the accent."""
        return self.section.get(_KIND_SECTIONS.get(kind, ""), self.accent)

    def readable(self, colour: QColor) -> QColor:
        """``colour`` moved towards the text colour until words in it read on the
        background (contrast at least 4.5:1)."""
        return readable_on(colour, self.background)

    def mark_colours(self, status: str | None, colour: str | None) -> tuple[QColor, QColor | None]:
        """A key point's mark: its words' colour (the status hue, or the text colour) and
        the highlight colour behind them (None without one), readable on each other."""
        ground = self.highlight.get(colour) if colour else None
        words = self.status.get(status, self.text) if status else self.text
        return readable_on(words, ground or self.background), ground


def slide_theme(theme: str | Theme = "light") -> SlideTheme:
    """The slide colours for a reader theme or its name ("light", "dark", "sepia")."""
    base = THEMES.get(theme, THEMES["light"]) if isinstance(theme, str) else theme
    background = QColor(base.paper)
    return SlideTheme(
        name=base.name,
        background=background,
        text=readable_on(QColor(base.text), background, 7.0),
        muted=readable_on(QColor(base.muted), background),
        accent=QColor(base.accent),
        section={kind: QColor(hue) for kind, hue in base.section.items()},
        status={name: QColor(hue) for name, hue in base.status.items()},
        highlight={name: QColor(hue) for name, hue in base.highlight.items()},
    )


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2) of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(colour: QColor, background: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """``colour`` darkened (on a light background) or lightened (on a dark one) in small
    steps until its contrast with ``background`` reaches ``minimum``."""
    result = QColor(colour)
    towards = QColor("black") if luminance(background) > 0.18 else QColor("white")
    for step in range(1, 21):
        if contrast(result, background) >= minimum:
            return result
        mix = step / 20
        result = QColor.fromRgbF(
            colour.redF() + (towards.redF() - colour.redF()) * mix,
            colour.greenF() + (towards.greenF() - colour.greenF()) * mix,
            colour.blueF() + (towards.blueF() - colour.blueF()) * mix,
        )
    return result
