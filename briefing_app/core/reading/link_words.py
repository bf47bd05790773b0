"""How the reader words a link between an item and a passage: card chips, footer, tooltips.

Why one module: the same phrases ("same figure 1,240", "own passage") appear on the cards,
in the evidence footer and in the article tooltips, and the tests; they say what a core
``Citation`` means, so they are decided once, here, without Qt.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from briefing_app.core.linking.span_index import Citation, SpanIndex
from briefing_app.core.model import Brief, Item, LinkReason, SectionKind
from briefing_app.core.reading.tabs import MAIN_TABS

TAB_TITLES = {kind: title for kind, title, _ in MAIN_TABS}
TOOLTIP_ITEMS = 8
REASON_WORDS = {
    LinkReason.FIGURE: "same figure",
    LinkReason.SHARED_WORDS: "same wording",
    LinkReason.QUOTED_WORDS: "same quote",
    LinkReason.SPEAKER: "speaker's statement",
    LinkReason.SOURCE: "own passage",
}


def describe_link(citation: Citation) -> str:
    """Why a passage is linked to its item, in words: "same figure (1,240)"."""
    if citation.is_own_span:
        return "the item's own passage"
    reason = REASON_WORDS.get(citation.reason, str(citation.reason).replace("_", " "))
    detail = citation.detail.strip()
    return f"{reason} ({detail})" if detail else reason


@dataclass(frozen=True)
class LinkChip:
    """One reason an item is linked to passages, as its card shows it.

    ``evidence`` are the positions (in the item's citations, own span 0) it stands for, so
    the card can mark the chip of the passage on show.
    """

    label: str
    evidence: tuple[int, ...]


def link_chips(item: Item) -> list[LinkChip]:
    """The card's "why linked" chips: one per reason and detail, in strength order, with a
    count when several passages share it ("same figure 1,240 ×2")."""
    first = 1 if item.source is not None else 0  # evidence 0 is the own passage
    groups: dict[tuple[LinkReason, str], list[int]] = {}
    for n, link in enumerate(item.links):
        groups.setdefault((link.reason, link.detail.strip()), []).append(first + n)
    chips = []
    for (reason, detail), positions in groups.items():
        words = REASON_WORDS.get(reason, str(reason).replace("_", " "))
        label = f"{words} {detail}" if detail else words
        if len(positions) > 1:
            label += f" \u00d7{len(positions)}"
        chips.append(LinkChip(label, tuple(positions)))
    return chips


def snippet(text: str, limit: int = 90) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tab_title_of(brief: Brief, citation: Citation) -> str:
    """The title of the tab showing the citing item ("Quotes", or an other section's)."""
    if citation.section_kind == SectionKind.OTHER:
        title = brief.sections[citation.section_index].title.strip().rstrip(":")
        return title or "Other"
    return TAB_TITLES.get(citation.section_kind, str(citation.section_kind))


def citations_tooltip(
    brief: Brief, index: SpanIndex, citations: tuple[Citation, ...], *, clickable: bool
) -> str:
    """Rich text listing the items that cite a passage, strongest (the click target) first;
    ``clickable`` says whether a click there selects (only highlighted evidence does)."""
    if not citations:
        return ""
    lines = []
    for citation in citations[:TOOLTIP_ITEMS]:
        item = index.item(citation.item_id)
        if item is None:
            continue
        who = f"{item.speaker.name}: " if item.speaker else ""
        lines.append(
            f"<b>{html.escape(tab_title_of(brief, citation))}</b> — "
            f"{html.escape(who + snippet(item.text))}"
            f"<br><i>{html.escape(describe_link(citation))}</i>"
        )
    more = len(citations) - TOOLTIP_ITEMS
    if more > 0:
        lines.append(f"and {more} more")
    head = "Cited by 1 item" if len(citations) == 1 else f"Cited by {len(citations)} items"
    hint = " · click to select the first" if clickable else ""
    return f"<p><b>{head}</b>{hint}</p><p>" + "</p><p>".join(lines) + "</p>"
