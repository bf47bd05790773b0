"""How the reader words a link between an item and a passage: evidence bar and tooltips.

Why a module: the same phrases ("same figure (1,240)", "its own passage") appear in the
evidence navigator, the article tooltips and the tests; they are presentation of what the
core's ``Citation`` says, so they live in the UI, once.
"""

from __future__ import annotations

import html

from briefing_app.core.linking.span_index import Citation, SpanIndex
from briefing_app.core.model import Brief, LinkReason, SectionKind
from briefing_app.ui.items_pane import MAIN_TABS

TAB_TITLES = {kind: title for kind, title, _ in MAIN_TABS}
TOOLTIP_ITEMS = 8
_REASONS = {
    LinkReason.FIGURE: "same figure",
    LinkReason.SHARED_WORDS: "shared wording",
    LinkReason.QUOTED_WORDS: "same quoted words",
    LinkReason.SPEAKER: "same speaker",
    LinkReason.SOURCE: "source passage",
}


def describe_link(citation: Citation) -> str:
    """Why a passage is linked to its item, in words."""
    if citation.is_own_span:
        return "its own passage"
    reason = _REASONS.get(citation.reason, str(citation.reason).replace("_", " "))
    detail = citation.detail.strip()
    return f"{reason} ({detail})" if detail else reason


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


def citations_tooltip(brief: Brief, index: SpanIndex, citations: tuple[Citation, ...]) -> str:
    """Rich text listing the items that cite a passage, strongest (the click target) first."""
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
    return f"<p><b>{head}</b> · click to select the first</p><p>" + "</p><p>".join(lines) + "</p>"
