"""Which tabs a brief gets, and what they are called at the width there is.

Why planned from the brief: the four main section kinds always get a tab (an empty one says
so), the lede is the Overview, and ``other`` sections are never dropped — one gets a tab of
its own, several share a "More" tab whose cards name their section.  Titles shorten when the
pane is narrow instead of overflowing into scroll arrows: "What To Know (5)" → "Know (5)".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing_app.core.export.outline import TAB_TITLES
from briefing_app.core.model import Brief, Item, SectionKind

_PLACEHOLDERS = {
    SectionKind.LEDE: "This brief has no lede.",
    SectionKind.WHY_IT_MATTERS: "No “Why it matters” section in this brief.",
    SectionKind.WHAT_TO_KNOW: "No “What to know” section in this brief.",
    SectionKind.QUOTES: "No quotes in this brief.",
    SectionKind.NEXT_STEPS: "No “What happens next” section in this brief.",
}
# Titles come from the core, so the window and `briefing-app show` name tabs alike.
MAIN_TABS: list[tuple[SectionKind, str, str]] = [
    (kind, TAB_TITLES[kind], placeholder) for kind, placeholder in _PLACEHOLDERS.items()
]
SHORT_TITLES = {
    SectionKind.LEDE: "Overview",
    SectionKind.WHY_IT_MATTERS: "Why",
    SectionKind.WHAT_TO_KNOW: "Know",
    SectionKind.QUOTES: "Quotes",
    SectionKind.NEXT_STEPS: "Next",
}
OTHER_TAB_TITLE_CHARS = 18
SHORT_OTHER_CHARS = 8


@dataclass
class TabSpec:
    """One tab: which section kind it shows, its titles and its items in reading order."""

    kind: SectionKind
    title: str
    items: list[Item]
    placeholder: str
    section_labels: dict[str, str] = field(default_factory=dict)

    @property
    def short_title(self) -> str:
        """The title for a narrow pane ("Why", "Know", an other section's first letters)."""
        if self.kind in SHORT_TITLES:
            return SHORT_TITLES[self.kind]
        return _clip(self.title, SHORT_OTHER_CHARS)


def _clip(title: str, chars: int) -> str:
    return title if len(title) <= chars else title[: chars - 1].rstrip() + "\u2026"


def plan_tabs(brief: Brief) -> list[TabSpec]:
    """The tabs for a brief: the five main ones always, then the ``other`` sections — one
    tab named after a lone other section, or a single "More" tab whose cards say which
    section they come from (Smart Brevity copy can carry half a dozen such labels, and a
    tab each would not fit beside the article)."""
    tabs = []
    for kind, title, placeholder in MAIN_TABS:
        items = [item for s in brief.sections if s.kind == kind for item in s.items]
        tabs.append(TabSpec(kind, title, items, placeholder))
    others = [s for s in brief.sections if s.kind == SectionKind.OTHER]
    if len(others) == 1:
        title = _clip(others[0].title.strip().rstrip(":") or "Other", OTHER_TAB_TITLE_CHARS)
        tabs.append(TabSpec(SectionKind.OTHER, title, list(others[0].items), "No items."))
    elif others:
        labels = {
            item.id: section.title.strip().rstrip(":") or "Other"
            for section in others
            for item in section.items
        }
        items = [item for section in others for item in section.items]
        tabs.append(TabSpec(SectionKind.OTHER, "More", items, "No items.", labels))
    return tabs


def tab_title(title: str, shown: int, total: int, *, compact: bool = False) -> str:
    """"Quotes (6)", or "Quotes (2 of 6)" while a filter hides some — "Quotes (2)" when
    ``compact`` (the filter box says a filter is on; the tab's tooltip has the total)."""
    if shown == total or compact:
        return f"{title} ({shown})"
    return f"{title} ({shown} of {total})"


def fitting_titles(
    specs: Sequence[TabSpec],
    counts: Sequence[tuple[int, int]],
    width_of: Callable[[list[str]], int],
    available: int,
) -> list[str]:
    """The most descriptive tab titles whose tab bar fits ``available`` pixels.

    ``counts`` is (shown, total) per tab; ``width_of`` measures a bar with those titles.
    Tries full titles with counts, then short titles with counts, then short titles alone
    (their counts move to the tooltip); the last is used even if it does not fit.
    """
    full = [tab_title(s.title, *c) for s, c in zip(specs, counts, strict=True)]
    short = [
        tab_title(s.short_title, *c, compact=True) for s, c in zip(specs, counts, strict=True)
    ]
    bare = [s.short_title for s in specs]
    for titles in (full, short):
        if width_of(titles) <= available:
            return titles
    return bare
