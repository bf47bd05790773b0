"""Item ids: stable across re-imports, unique within a brief.

Why their own module: an id is what selection, links between items and annotations are keyed
by, so how it is made is a contract of its own (section prefix and a hash of the item's text;
repeats numbered in reading order), apart from how the builder finds items.
"""

from __future__ import annotations

import hashlib
from itertools import pairwise

from briefing_app.core.model import Section, SectionKind

_ID_PREFIX = {
    SectionKind.LEDE: "lede",
    SectionKind.WHY_IT_MATTERS: "why",
    SectionKind.WHAT_TO_KNOW: "know",
    SectionKind.QUOTES: "quote",
    SectionKind.NEXT_STEPS: "next",
    SectionKind.OTHER: "other",
}


def assign_item_ids(sections: list[Section]) -> None:
    """Ids from section kind and item text, so they survive re-imports and reordering; the
    second and later items with one id get ``-2``, ``-3``, … in reading order.

    Repeats are found by sorting the ids, and only repeated ids are counted: a table of every
    id, at the moment the brief is largest, cost 10 MB for 200,000 short paragraphs."""
    bases = [_id_base(section.kind, item.text) for section in sections for item in section.items]
    repeated = {base for base, after in pairwise(sorted(bases)) if base == after}
    seen: dict[str, int] = {}
    items = (item for section in sections for item in section.items)
    for item, base in zip(items, bases, strict=True):
        count = 1
        if base in repeated:
            count = seen[base] = seen.get(base, 0) + 1
        item.id = base if count == 1 else f"{base}-{count}"


def _id_base(kind: SectionKind, text: str) -> str:
    """An item's id before any repeat number: its section's prefix and a hash of its text."""
    digest = hashlib.sha1(f"{kind}|{text}".encode(), usedforsecurity=False).hexdigest()
    return f"{_ID_PREFIX[kind]}-{digest[:8]}"
