"""A readable plain-text outline of a brief, for ``briefing-app show``.

Why plain text: it is how a user checks an import from a terminal, in CI logs or over SSH,
so it shows what the window would: sections, items, speakers, hedges and where links point.
"""

from __future__ import annotations

import textwrap

from briefing_app.core.export.wording import count_of, summarised_warnings
from briefing_app.core.model import Brief, Item, SectionKind

TAB_TITLES = {
    SectionKind.LEDE: "Overview",
    SectionKind.WHY_IT_MATTERS: "Why It Matters",
    SectionKind.WHAT_TO_KNOW: "What To Know",
    SectionKind.QUOTES: "Quotes",
    SectionKind.NEXT_STEPS: "Next Steps",
}
_WIDTH = 100


def render_outline(brief: Brief) -> str:
    """The whole outline as one string ending in a newline."""
    lines = [brief.title or "(untitled)"]
    source = brief.source
    facts = [
        part for part in (source.publisher, source.author, source.published, source.url) if part
    ]
    if facts:
        lines.append(" \u00b7 ".join(facts))
    items = brief.items()
    links = sum(len(item.links) for item in items)
    lines.append(
        f"{count_of(len(brief.sections), 'section')}, {count_of(len(items), 'item')}, "
        f"{count_of(links, 'link')} \u00b7 {count_of(len(brief.article.text), 'character')} "
        f"\u00b7 id {brief.id}"
    )
    for warning in summarised_warnings(brief.warnings):
        lines.append(f"warning: {warning}")
    for section in brief.sections:
        heading = TAB_TITLES.get(section.kind, section.title or "Other")
        written = (
            f" (\u201c{section.title}\u201d)" if section.title and section.title != heading else ""
        )
        lines.append("")
        items_count = count_of(len(section.items), "item")
        lines.append(f"== {heading}{written} [{section.kind}] \u2014 {items_count}")
        for item in section.items:
            lines.extend(_item_lines(brief, item))
    return "\n".join(lines) + "\n"


def _item_lines(brief: Brief, item: Item) -> list[str]:
    head = f"  [{item.kind}] {item.id}"
    if item.speaker is not None:
        role = f" ({item.speaker.role})" if item.speaker.role else ""
        head += f" \u2014 {item.speaker.name}{role}"
    lines = [head]
    lines.extend(
        textwrap.wrap(
            item.text,
            _WIDTH,
            initial_indent="      ",
            subsequent_indent="      ",
            max_lines=3,
            placeholder=" \u2026",
        )
    )
    if item.hedges:
        lines.append(
            "      hedged: " + "; ".join(f"{h.kind}: \u201c{h.text}\u201d" for h in item.hedges)
        )
    if item.source is None:
        lines.append("      source: (orphan: text not found in the article)")
        return lines
    own = item.source
    lines.append(f"      source: {own.start}\u2013{own.end}")
    for link in item.links:
        excerpt = textwrap.shorten(link.selector.exact, 60, placeholder="\u2026")
        lines.append(
            f"      \u21b3 {link.reason} {link.detail!s}".rstrip()
            + f" @ {link.selector.start}\u2013{link.selector.end} (score {link.score:g}): {excerpt}"
        )
    return lines
