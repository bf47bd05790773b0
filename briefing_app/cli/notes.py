"""``briefing-app notes PATH``: a brief's annotations as text, one group of lines each.

Why in the CLI: a reader on a machine with no display, or a script, can check what was
highlighted, noted and decided on an article, and whether each annotation still sits on
its text after the file was edited (exact, moved, fuzzy or orphan).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from briefing_app.cli.terminal import escaped
from briefing_app.core.annotations import (
    DEFAULT_COLOUR_NAMES,
    STATUS_NAMES,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.export.outline import TAB_TITLES
from briefing_app.core.export.wording import count_of
from briefing_app.core.model import Brief

QUOTE_CHARS = 80
NO_ANNOTATIONS = "no annotations"


def shortened(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis past ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] or flat[: limit - 1]
    return cut + "…"


def render_notes(brief: Brief, placed: Sequence[PlacedAnnotation]) -> str:
    """The listing: a title line, then per annotation its colour or status (and item),
    placement, quoted text, tags and note; ``no annotations`` when there are none.  Text
    from the file and the notes is escaped, so no line can pass for another."""
    if not placed:
        return NO_ANNOTATIONS + "\n"
    title = escaped(brief.title or "(untitled)")
    groups = [f"{title}: {count_of(len(placed), 'annotation')}"]
    items = {item.id: item for item in brief.items()}
    for one in placed:
        groups.append("\n".join(_group(one, items)))
    return "\n\n".join(groups) + "\n"


def _group(one: PlacedAnnotation, items: dict) -> list[str]:
    annotation = one.annotation
    labels = []
    if annotation.status is not None:
        labels.append(STATUS_NAMES[annotation.status])
    if annotation.colour is not None:
        labels.append(DEFAULT_COLOUR_NAMES[annotation.colour])
    if annotation.item_id is not None:
        section = annotation.section
        where = TAB_TITLES.get(section, "item") if section is not None else "item"
        labels.append(f"{where} item")
    elif not labels:
        labels.append("highlight")
    lines = [" · ".join(labels) + " · " + _placement(one)]
    item = items.get(one.item_id) if one.item_id else None
    if item is not None:
        lines.append(f"  “{escaped(shortened(item.text))}”")
    elif one.selector is not None:
        lines.append(f"  “{escaped(shortened(one.selector.exact))}”")
    if one.placement in (Placement.FUZZY, Placement.ORPHAN) and annotation.selector is not None:
        lines.append(f"  was: “{escaped(shortened(annotation.selector.exact))}”")
    if annotation.tags:
        lines.append("  tags: " + ", ".join(escaped(tag) for tag in annotation.tags))
    if annotation.note:
        note_lines = [escaped(line) for line in annotation.note.strip().splitlines()]
        lines.append("  note: " + "\n        ".join(note_lines))
    return lines


def _placement(one: PlacedAnnotation) -> str:
    if one.placement is Placement.FUZZY:
        # Rounded down: changed text never reads as a perfect match ("match 1.00").
        return f"fuzzy (text changed, match {math.floor(one.score * 100) / 100:.2f})"
    if one.placement is Placement.ORPHAN:
        return f"orphan ({one.reason})"
    return one.placement.value
