"""The format-neutral shape every reader produces: a title, source facts and text blocks.

Why an intermediate: plain text and Markdown differ in how they mark headings and lists,
but once they are blocks, sectioning, item building and linking are one shared path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from briefing_app.core.model import Source


class BlockKind(Enum):
    """What a block of the article is; headings start sections, the rest become items."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    BLOCK_QUOTE = "block_quote"


@dataclass(slots=True)
class Block:
    """One heading, paragraph, bullet or block quote, as plain reading text.  (Slots: an
    article of short paragraphs has one block every few bytes.)"""

    kind: BlockKind
    text: str
    line: int = 0
    level: int = 0
    marker: str = ""  # a bullet's marker as the reading text shows it: "• " or "3. "


@dataclass
class ParsedDocument:
    """What a text reader hands to the brief builder."""

    blocks: list[Block]
    title: str = ""
    source: Source = field(default_factory=Source)
    format: str = "text"
    warnings: list[str] = field(default_factory=list)
