"""Bring a saved brief back: re-anchor each item's own span in its article and re-link.

Why a stage of its own: a ``.brief.json`` may have been edited by hand or written by an
older version; its article text is the truth, so own spans are found again from their quotes
(an item whose text can no longer be found is kept, listed as an orphan) and corroborating
links are recomputed by the current linker.
"""

from __future__ import annotations

from briefing_app.core.anchoring import make_selector, reanchor, selector_holds
from briefing_app.core.attribution import quote_without_attribution
from briefing_app.core.errors import BriefInputError
from briefing_app.core.linking.linker import link_brief
from briefing_app.core.model import Brief, Item, ItemKind, Selector, content_id
from briefing_app.core.readers.decoding import line_and_column, normalise_text
from briefing_app.core.text.facts import item_dates, item_figures
from briefing_app.core.text.hedges import find_hedges
from briefing_app.core.text.text_index import TextIndex


def restore_brief(brief: Brief) -> Brief:
    """A saved brief ready to read: as saved when its article and every anchor still agree,
    else re-anchored and re-linked.

    Why trust a saved brief: linking a long article takes a second; a file this app wrote
    already holds the result, and its anchors are checked against its text, so a changed
    article (or a hand-edited offset) is caught and only then is the brief rebuilt.
    """
    text = normalise_text(brief.article.text)
    if text == brief.article.text and brief.id == content_id(text) and _anchors_hold(brief):
        return brief
    return relink_brief(brief)


def _anchors_hold(brief: Brief) -> bool:
    """Whether every anchor agrees with the article; a link or selector shared by several
    items (as reading a file shares them) is checked once."""
    text = brief.article.text
    links: set[int] = set()  # ids of the links already checked
    selectors: set[int] = set()  # and of the selectors
    for item in brief.items():
        spans = [] if item.source is None else [item.source]
        for link in item.links:
            if id(link) not in links:
                links.add(id(link))
                spans.append(link.selector)
        for selector in spans:
            if id(selector) not in selectors:
                if not selector_holds(text, selector):
                    return False
                selectors.add(id(selector))
    return True


def relink_brief(brief: Brief) -> Brief:
    """Normalise the text, re-anchor each item's own span, refresh its facts and re-link."""
    text = normalise_text(brief.article.text)
    brief.article.text = text
    brief.id = content_id(text)
    orphans: list[str] = []
    index = TextIndex(text)
    for item in brief.items():
        own = _own_anchor(text, item)
        item.source, item.links = own, []
        if own is None:
            orphans.append(item.id)
            item.figures = item_figures(item.text)
            item.dates = item_dates(item.text)
            item.hedges = find_hedges(item.text)
            continue
        if item.kind is ItemKind.QUOTE and item.quote is None:
            item.quote = quote_without_attribution(item.text, item.speaker)
        item.figures = index.item_figures(own.start, own.end)
        item.dates = list(dict.fromkeys(index.dates_in(own.start, own.end)))
        item.hedges = find_hedges(item.text, index.hedge_hints_in(own.start, own.end))
    brief.warnings = [w for w in brief.warnings if not w.startswith("orphaned items")]
    if orphans:
        brief.warnings.append(
            f"orphaned items (text not found in the article): {', '.join(orphans)}"
        )
    return link_brief(brief, index)


def _own_anchor(text: str, item: Item) -> Selector | None:
    if item.source is not None:
        found = reanchor(text, item.source)
        if found is not None:
            return found
    position = text.find(item.text) if item.text else -1
    if position >= 0:
        return make_selector(text, position, position + len(item.text))
    return None


def check_invariants(brief: Brief, path: str | None = None) -> None:
    """Raise BriefInputError for the first anchor whose position and quote disagree."""
    text = brief.article.text
    for item in brief.items():
        for number, selector in enumerate(item.spans()):
            if not selector_holds(text, selector):
                line, column = line_and_column(text, min(selector.start, len(text)))
                raise BriefInputError(
                    path,
                    f"item {item.id} anchor {number}: text[{selector.start}:{selector.end}] "
                    f"does not match its exact/prefix/suffix (article line {line}, column "
                    f"{column})",
                )
