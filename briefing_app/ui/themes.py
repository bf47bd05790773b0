"""Light, dark and sepia themes: one table of colours every widget draws from.

Why one table: the article, the highlighter, the cards, the scrollbar marks and the Qt
palette must agree (a soft highlight has to stay readable on its own paper colour), so each
theme names its colours once and widgets ask for them by role.  Four highlights must never
be confused: the passage on show (amber), find matches and the current match (blue, or
green in sepia) and the reader's own text selection (grey).  The default follows the
system colour scheme (``QStyleHints.colorScheme``); the user can pin a theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from briefing_app.core.model import SectionKind

THEME_CHOICES = ("system", "light", "dark", "sepia")
THEME_CYCLE = ("light", "dark", "sepia")


@dataclass(frozen=True)
class Theme:
    """The colours of one theme, as hex strings; ``section`` maps section kinds to hues."""

    name: str
    window: str
    paper: str
    text: str
    muted: str
    accent: str
    card: str
    card_border: str
    card_selected: str
    own_span: str
    soft_span: str
    current_span: str
    current_text: str
    hover_line: str
    find_match: str
    find_current: str
    find_current_text: str
    selection: str
    accent_text: str
    link: str
    section: dict[str, str] = field(default_factory=dict)
    section_tint: dict[str, str] = field(default_factory=dict)
    badge: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The reader's highlight colours (core.annotations.HighlightColour keys) and claim-status
    # colours, apart from the evidence, find and selection colours above.
    highlight: dict[str, str] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)

    @property
    def is_dark(self) -> bool:
        """True when text is light on a dark ground."""
        return QColor(self.paper).lightness() < 128

    def color(self, role: str) -> QColor:
        """A named colour as a QColor."""
        return QColor(getattr(self, role))

    def section_color(self, kind: SectionKind | str) -> QColor:
        """The strong hue for a section kind (tab dots, scrollbar marks)."""
        return QColor(self.section.get(str(kind), self.section["other"]))

    def section_tint_color(self, kind: SectionKind | str) -> QColor:
        """The pale tint for a section kind, readable behind body text."""
        return QColor(self.section_tint.get(str(kind), self.section_tint["other"]))

    def badge_colors(self, hedge_kind: str) -> tuple[QColor, QColor]:
        """Background and text colour of a hedge badge."""
        bg, fg = self.badge.get(hedge_kind, self.badge["uncertain"])
        return QColor(bg), QColor(fg)

    def highlight_color(self, colour: str) -> QColor:
        """The background of a reader's highlight of one colour (a HighlightColour key)."""
        return QColor(self.highlight.get(str(colour), self.highlight["background"]))

    def status_color(self, status: str) -> QColor:
        """The mark colour of a claim status (a ClaimStatus key)."""
        return QColor(self.status.get(str(status), self.muted))

    def palette(self) -> QPalette:
        """A full Qt palette for the theme (applied application-wide with Fusion)."""
        p = QPalette()
        window, paper, text = QColor(self.window), QColor(self.paper), QColor(self.text)
        muted, accent = QColor(self.muted), QColor(self.accent)
        button = QColor(self.card)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            p.setColor(group, QPalette.ColorRole.Window, window)
            p.setColor(group, QPalette.ColorRole.WindowText, text)
            p.setColor(group, QPalette.ColorRole.Base, paper)
            p.setColor(group, QPalette.ColorRole.AlternateBase, button)
            p.setColor(group, QPalette.ColorRole.Text, text)
            p.setColor(group, QPalette.ColorRole.Button, button)
            p.setColor(group, QPalette.ColorRole.ButtonText, text)
            p.setColor(group, QPalette.ColorRole.ToolTipBase, button)
            p.setColor(group, QPalette.ColorRole.ToolTipText, text)
            p.setColor(group, QPalette.ColorRole.PlaceholderText, muted)
            # The reader's own text selection: a neutral colour, never taken for evidence
            # or a find match.
            p.setColor(group, QPalette.ColorRole.Highlight, QColor(self.selection))
            p.setColor(group, QPalette.ColorRole.HighlightedText, text)
            p.setColor(group, QPalette.ColorRole.Link, QColor(self.link))
            p.setColor(group, QPalette.ColorRole.LinkVisited, QColor(self.link))
            p.setColor(group, QPalette.ColorRole.BrightText, accent)
            p.setColor(group, QPalette.ColorRole.Light, button.lighter(115))
            p.setColor(group, QPalette.ColorRole.Midlight, QColor(self.card_border).lighter(110))
            p.setColor(group, QPalette.ColorRole.Mid, QColor(self.card_border))
            p.setColor(group, QPalette.ColorRole.Dark, QColor(self.card_border).darker(130))
            p.setColor(group, QPalette.ColorRole.Shadow, QColor(0, 0, 0, 90))
            p.setColor(group, QPalette.ColorRole.Accent, accent)
        disabled = QPalette.ColorGroup.Disabled
        for role in (
            QPalette.ColorRole.WindowText,
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
        ):
            p.setColor(disabled, role, muted)
        p.setColor(disabled, QPalette.ColorRole.Window, window)
        p.setColor(disabled, QPalette.ColorRole.Base, paper)
        p.setColor(disabled, QPalette.ColorRole.Button, button)
        p.setColor(disabled, QPalette.ColorRole.Highlight, QColor(self.card_border))
        return p


_BADGES_LIGHT = {
    "unconfirmed": ("#FCE8C8", "#8A4B00"),
    "uncertain": ("#FCE8C8", "#8A4B00"),
    "estimate": ("#DCE9FB", "#1F4F94"),
    "allegation": ("#FADADD", "#9B1C2C"),
    "reported": ("#E6E6E6", "#404040"),
}
_BADGES_DARK = {
    "unconfirmed": ("#4D3512", "#FFCF8A"),
    "uncertain": ("#4D3512", "#FFCF8A"),
    "estimate": ("#1E3553", "#A9CBFF"),
    "allegation": ("#4F1E25", "#FFB3BD"),
    "reported": ("#3A3C40", "#D5D7DA"),
}

LIGHT = Theme(
    name="light",
    window="#EEEDEA",
    paper="#FFFFFF",
    text="#1D2024",
    muted="#5E6670",
    accent="#2B63C6",
    card="#FFFFFF",
    card_border="#D6D3CC",
    card_selected="#EAF1FC",
    own_span="#FFE08A",
    soft_span="#FFF2C4",
    current_span="#FFC44D",
    current_text="#1D2024",
    hover_line="#B07A00",
    find_match="#BFE3FF",
    find_current="#5FA8EE",
    find_current_text="#0E1A2B",
    selection="#C8CDD5",
    accent_text="#FFFFFF",
    link="#2B63C6",
    section={
        "lede": "#6B7A8F",
        "why_it_matters": "#D9822B",
        "what_to_know": "#2F7ED8",
        "quotes": "#8E5BD0",
        "next_steps": "#2E9D5B",
        "other": "#17A2A2",
    },
    section_tint={
        "lede": "#E9EDF2",
        "why_it_matters": "#FBE7D3",
        "what_to_know": "#DCEAFB",
        "quotes": "#ECE2F8",
        "next_steps": "#DDF2E5",
        "other": "#D8F1F1",
    },
    badge=_BADGES_LIGHT,
    highlight={
        "key_fact": "#C9EFC4",
        "contested": "#F9C9CF",
        "follow_up": "#E3D3F7",
        "question": "#BDEBEA",
        "background": "#E4E1DA",
    },
    status={"verified": "#1E8A4C", "disputed": "#C0392B", "needs_source": "#B86E00"},
)

DARK = Theme(
    name="dark",
    window="#1B1C1F",
    paper="#222327",
    text="#E4E2DD",
    muted="#9EA3AA",
    accent="#7FA8F5",
    card="#2A2C31",
    card_border="#3B3E44",
    card_selected="#243754",
    own_span="#6A5314",
    soft_span="#3C3322",
    current_span="#E8A830",
    current_text="#141517",
    hover_line="#E0B24A",
    find_match="#1E4A6A",
    find_current="#4FA3E0",
    find_current_text="#0E1114",
    selection="#4A505A",
    accent_text="#141517",
    link="#8DB4FF",
    section={
        "lede": "#94A3B8",
        "why_it_matters": "#F0A35E",
        "what_to_know": "#6AA7F0",
        "quotes": "#B592F0",
        "next_steps": "#5FC98A",
        "other": "#4CC9C9",
    },
    section_tint={
        "lede": "#2F343C",
        "why_it_matters": "#45331F",
        "what_to_know": "#1F3550",
        "quotes": "#372C4E",
        "next_steps": "#1F4230",
        "other": "#1C4242",
    },
    badge=_BADGES_DARK,
    highlight={
        "key_fact": "#24462A",
        "contested": "#552630",
        "follow_up": "#3D2F57",
        "question": "#1D4847",
        "background": "#3A3935",
    },
    status={"verified": "#5FCB8A", "disputed": "#FF8A7E", "needs_source": "#F2B25C"},
)

SEPIA = Theme(
    name="sepia",
    window="#E9DFC9",
    paper="#F7EFDD",
    text="#3A2E22",
    muted="#75654F",
    accent="#8F4F16",
    card="#FBF5E8",
    card_border="#D8C9AA",
    card_selected="#F1E1C1",
    own_span="#F0C766",
    soft_span="#F5E2AE",
    current_span="#E9A94A",
    current_text="#2A2018",
    hover_line="#8F4F16",
    find_match="#CDE3BE",
    find_current="#86B96F",
    find_current_text="#1F1A12",
    selection="#DACCB2",
    accent_text="#FFFFFF",
    link="#8F4F16",
    section={
        "lede": "#7D7363",
        "why_it_matters": "#C06A1F",
        "what_to_know": "#3C6E9E",
        "quotes": "#8A5A9E",
        "next_steps": "#4F8A45",
        "other": "#2F8A84",
    },
    section_tint={
        "lede": "#EAE2D0",
        "why_it_matters": "#F3D9BD",
        "what_to_know": "#DCE3E6",
        "quotes": "#E9DBE3",
        "next_steps": "#DDE6C8",
        "other": "#D5E6DD",
    },
    badge={
        "unconfirmed": ("#F2D6A8", "#7A3F00"),
        "uncertain": ("#F2D6A8", "#7A3F00"),
        "estimate": ("#D6E0E8", "#2A4F73"),
        "allegation": ("#F0D0CC", "#8A1E1E"),
        "reported": ("#E3DACB", "#4A4035"),
    },
    highlight={
        "key_fact": "#D3E6BF",
        "contested": "#F0C6BF",
        "follow_up": "#E2D2E4",
        "question": "#C8E0D9",
        "background": "#E4D8C2",
    },
    status={"verified": "#3F7A35", "disputed": "#A33224", "needs_source": "#9A5A0E"},
)

THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, SEPIA)}


def resolve_theme(choice: str, scheme: Qt.ColorScheme) -> Theme:
    """The theme to draw with: the pinned one, or light/dark following the system scheme."""
    if choice in THEMES:
        return THEMES[choice]
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def next_theme(current: str) -> str:
    """The theme after ``current`` in the cycle light → dark → sepia → light."""
    if current not in THEME_CYCLE:
        return THEME_CYCLE[0]
    return THEME_CYCLE[(THEME_CYCLE.index(current) + 1) % len(THEME_CYCLE)]
