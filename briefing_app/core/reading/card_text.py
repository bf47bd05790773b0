"""What an item's card says, in words: badges, the passage count, the body, a spoken summary.

Why Qt-free: the same wording reaches the card painter, the screen reader and the tests; it
describes the model (hedges, speaker, links), so it is decided here once.
"""

from __future__ import annotations

from briefing_app.core.annotations import (
    COLOUR_GLYPHS,
    STATUS_GLYPHS,
    STATUS_NAMES,
    ClaimStatus,
)
from briefing_app.core.model import Item, ItemKind
from briefing_app.core.reading.annotation_book import ItemMark
from briefing_app.core.text.quotes import has_quotation

HEDGE_LABELS = {
    "unconfirmed": "Unconfirmed",
    "estimate": "Estimate",
    "allegation": "Alleged",
    "reported": "Reported",
    "uncertain": "Uncertain",
}
KIND_LABELS = {
    ItemKind.CLAIM: "Claim",
    ItemKind.POINT: "Point",
    ItemKind.QUOTE: "Quote",
    ItemKind.STATEMENT: "Reported statement",
}


def hedge_label(kind: str) -> str:
    """Badge text for a hedge kind ("estimate" → "Estimate")."""
    return HEDGE_LABELS.get(kind, kind.replace("_", " ").capitalize() or "Hedged")


def evidence_label(item: Item) -> str:
    """How much article text backs the item, for the card's corner."""
    count = len(item.spans())
    if count == 0:
        return "not found in article"
    return "1 passage" if count == 1 else f"{count} passages"


def card_body(item: Item) -> str:
    """The text a card shows: a quote's words alone when the rest only names the speaker
    (shown above it); a quote without any quote marks gets curly ones."""
    if item.quote:
        return item.quote
    text = item.text.strip()
    if item.kind == ItemKind.QUOTE and text and not has_quotation(text):
        return f"\u201c{text}\u201d"
    return text


def describe_item(item: Item) -> str:
    """A one-paragraph spoken description of a card, for screen readers."""
    parts = []
    if item.speaker is not None:
        who = item.speaker.name + (f", {item.speaker.role}" if item.speaker.role else "")
        told = "Reported statement by" if item.kind == ItemKind.STATEMENT else "Quote by"
        parts.append(f"{told} {who}.")
    parts.append(item.text)
    parts.extend(f"{hedge_label(h.kind)}: {h.text}." for h in item.hedges)
    parts.append(evidence_label(item).capitalize() + ".")
    return " ".join(parts)


def hedge_tooltip(item: Item) -> str:
    """The hedge wording behind a card's badge."""
    return "\n".join(f"{hedge_label(h.kind)} — “{h.text}”" for h in item.hedges)


def card_badges(item: Item, mark: ItemMark | None = None) -> list[tuple[str, str]]:
    """The badges a card wears, in order, as (label, kind): the reader's status, highlight
    colour and note first (their own work), then "Reported statement" and each kind of
    hedge once.  Kinds: ``status:<status>``, ``colour:<colour>``, ``note``, ``reported`` or
    a hedge kind — the card picks colours by kind."""
    badges: list[tuple[str, str]] = []
    if mark is not None:
        if mark.status is not None and mark.status is not ClaimStatus.UNREVIEWED:
            badges.append(
                (f"{STATUS_GLYPHS[mark.status]} {STATUS_NAMES[mark.status]}",
                 f"status:{mark.status}")
            )
        if mark.colour is not None:
            badges.append(
                (f"{COLOUR_GLYPHS[mark.colour]} {mark.colour_name}", f"colour:{mark.colour}")
            )
        if mark.has_note:
            badges.append(("\u270e Note", "note"))
    seen: set[str] = set()
    if item.kind is ItemKind.STATEMENT:  # someone's words without quotation marks
        badges.append((KIND_LABELS[ItemKind.STATEMENT], "reported"))
        seen.add(hedge_label("reported"))
    for hedge in item.hedges:
        label = hedge_label(hedge.kind)
        if label not in seen:
            seen.add(label)
            badges.append((label, hedge.kind))
    return badges
