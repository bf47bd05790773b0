"""Build a Brief from parsed blocks: reading text, sections, items and their own spans.

Why the reading text is rebuilt here rather than kept as the file was: it must be exactly
what the reader pane shows (no markup, wrapped lines joined, one blank line between
paragraphs), and every item's own span is known at the moment its text is appended, so
anchors hold by construction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing_app.core.anchoring import make_selector
from briefing_app.core.attribution import (
    ArticleVoices,
    Paragraph,
    PlacedStatement,
    parse_attribution,
    quote_without_attribution,
)
from briefing_app.core.attribution.statements import Voice
from briefing_app.core.item_ids import assign_item_ids
from briefing_app.core.model import (
    Article,
    Brief,
    Item,
    ItemKind,
    Section,
    SectionKind,
    Speaker,
    content_id,
)
from briefing_app.core.readers.blocks import Block, BlockKind, ParsedDocument
from briefing_app.core.second_process import run_beside
from briefing_app.core.sharing import checkpoint
from briefing_app.core.text.hedges import find_hedges
from briefing_app.core.text.quotes import has_quotation, quoted_spans
from briefing_app.core.text.section_labels import classify_heading, split_inline_label
from briefing_app.core.text.sentences import sentence_spans
from briefing_app.core.text.text_index import TextIndex

BULLET_PREFIX = "\u2022 "
_BODY_SECTIONS = (SectionKind.LEDE, SectionKind.OTHER)
# The title of the quotes section gathered from the article body when the brief has none.
GATHERED_QUOTES_TITLE = "Quotes in the article"
_ATTRIBUTION_LINE = re.compile(r"^[\u2014\u2013-]{1,2}\s*\S")
# A line break with the spaces around it.  Tried from a line break, or from the start of a
# run of spaces: not from inside a run, which would rescan the rest of a long run of spaces
# with no line break after it at each of its characters.
_WRAPPED_BREAK = re.compile(r"\n[ \t\u00a0]*+|(?<![ \t\u00a0])[ \t\u00a0]++\n[ \t\u00a0]*+")


@dataclass(slots=True)
class _DraftItem:
    start: int
    end: int
    statements: tuple[PlacedStatement, ...] = ()


@dataclass
class _DraftSection:
    kind: SectionKind
    title: str
    level: int = 0
    items: list[_DraftItem] = field(default_factory=list)


class _TextWriter:
    """Appends blocks to the reading text and reports where each one landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.last_kind: BlockKind | None = None

    def append(self, block: Block) -> tuple[int, int]:
        """Write ``block`` after a paragraph break (a line break between bullets) and return
        where its text landed."""
        if self.parts:
            together = self.last_kind is BlockKind.BULLET and block.kind is BlockKind.BULLET
            self._write("\n" if together else "\n\n")
        if block.kind is BlockKind.BULLET:
            self._write(block.marker or BULLET_PREFIX)
        start = self.length
        self._write(block.text)
        self.last_kind = block.kind
        return start, self.length

    def _write(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def text(self) -> str:
        """The reading text written so far."""
        return "".join(self.parts)

    def recent(self, start: int, end: int) -> str:
        """``text()[start:end]`` for a span near the end, without joining the whole text
        (which, once per attribution line, would make a long article quadratic)."""
        pieces: list[str] = []
        part_end = self.length
        for part in reversed(self.parts):
            part_start = part_end - len(part)
            if part_start < end:
                pieces.append(part[max(0, start - part_start) : end - part_start])
            if part_start <= start:
                break
            part_end = part_start
        return "".join(reversed(pieces))


def build_brief(
    document: ParsedDocument,
    *,
    fallback_title: str = "",
    on_index: Callable[[TextIndex], object] | None = None,
) -> tuple[Brief, TextIndex]:
    """Turn a ParsedDocument into a Brief whose items carry their own-span anchors; with it,
    the index of its reading text, for the linker to reuse.  Consumes the document's
    blocks (its list is left empty).

    Who speaks where and the text's index need nothing of each other, so the first runs
    in a second process beside the second where that is allowed (``second_process``).
    ``on_index``, when given, is called with the index as soon as it is built, before the
    items are: the linker's own indexes can then be started beside the items."""
    writer = _TextWriter()
    sections: list[_DraftSection] = [_DraftSection(SectionKind.LEDE, "")]
    for block in _clean_blocks(document.blocks):
        start, end = writer.append(block)
        if block.kind is BlockKind.HEADING:
            _open_heading_section(sections, block)
            continue
        label = split_inline_label(block.text) if block.kind is BlockKind.PARAGRAPH else None
        if label is not None:
            label_text, kind, rest = label
            sections.append(_DraftSection(kind, label_text))
            start += rest
            if start >= end:
                continue
        current = sections[-1]
        if (
            _ATTRIBUTION_LINE.match(block.text)
            and current.items
            and _is_quote_without_speaker(
                writer.recent(current.items[-1].start, current.items[-1].end)
            )
        ):
            current.items[-1].end = end  # "— Name, role" under its quote joins that item
            continue
        current.items.append(_DraftItem(start, end))
    # The blocks are written: let them go before the items are built (an article of short
    # paragraphs would otherwise hold a block and an item for each at once).
    document.blocks.clear()
    text = writer.text()
    del writer  # (its pieces are the blocks' texts: 9 MB for 150,000 short lines)
    with run_beside(lambda: _statements(sections, text), len(text)) as attributed:
        index = TextIndex(text)
        checkpoint()
        if on_index is not None:
            on_index(index)
        index.find_hedge_hints()  # (now, while who speaks where may still be finishing)
        _give_statements(sections, attributed.result())
    checkpoint()
    brief_sections = [
        _finish_section(section, index)
        for section in sections
        if section.items or section.kind is not SectionKind.LEDE
    ]
    warnings = list(document.warnings)
    unsectioned = not any(section.kind is not SectionKind.LEDE for section in brief_sections)
    gathered = None
    if not any(section.kind is SectionKind.QUOTES for section in brief_sections):
        gathered = _quotes_in_body(sections, index)
        if gathered.items:
            brief_sections.append(gathered)
    if unsectioned:
        warnings.append(
            "no recognised sections; the article is in the Overview"
            + (" and its quotes under Quotes" if gathered and gathered.items else "")
        )
    sections.clear()  # the drafts and their statements are done with
    index.release_item_facts()  # every item has its figures, dates and hedges
    assign_item_ids(brief_sections)
    brief = Brief(
        id=content_id(text),
        title=document.title or title_from_first_sentence(text) or fallback_title,
        source=document.source,
        article=Article(text=text, format=document.format),
        sections=brief_sections,
        warnings=warnings,
    )
    return brief, index


_TITLE_LIMIT = 100


def title_from_first_sentence(text: str) -> str:
    """A title for an article with no headline line: its first sentence, shortened at a word
    boundary (with an ellipsis) when longer than a title bar can show."""
    first_paragraph = text.lstrip().split("\n", 1)[0].strip()
    spans = sentence_spans(first_paragraph)
    sentence = first_paragraph[spans[0][0] : spans[0][1]] if spans else first_paragraph
    sentence = sentence.strip().removeprefix(BULLET_PREFIX).strip()
    if len(sentence) <= _TITLE_LIMIT:
        return sentence
    cut = sentence[: _TITLE_LIMIT + 1].rsplit(None, 1)[0].rstrip(" ,;:\u2014\u2013-")
    return cut + "\u2026"


def _clean_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with line breaks joined and ends stripped; empty ones left out.  A block
    already clean is kept, not copied (an article of short paragraphs has one block for
    every few bytes, and a second copy of each was a fifth of the import's memory)."""
    cleaned = []
    for block in blocks:
        text = block.text
        text = (_WRAPPED_BREAK.sub(" ", text) if "\n" in text else text).strip()
        if not text:
            continue
        if text == block.text:
            cleaned.append(block)
        else:
            cleaned.append(Block(block.kind, text, block.line, block.level, block.marker))
    return cleaned


def _statements(
    sections: list[_DraftSection], text: str
) -> list[tuple[PlacedStatement, ...]]:
    """Every draft item's statements, in order, speakers resolved across the whole article."""
    paragraphs = [
        Paragraph(draft.start, draft.end, summary=section.kind not in _BODY_SECTIONS)
        for section in sections
        for draft in section.items
    ]
    voices = ArticleVoices(text, paragraphs)
    return [voices.statements_of(number) for number in range(len(paragraphs))]


def _give_statements(
    sections: list[_DraftSection], statements: list[tuple[PlacedStatement, ...]]
) -> None:
    drafts = [draft for section in sections for draft in section.items]
    for draft, found in zip(drafts, statements, strict=True):
        draft.statements = found


def _open_heading_section(sections: list[_DraftSection], block: Block) -> None:
    kind = classify_heading(block.text)
    current = sections[-1]
    if kind is None and current.kind is not SectionKind.LEDE and 0 < current.level < block.level:
        return  # an unknown sub-heading stays inside the known section above it
    title = block.text.strip().rstrip(":").strip()
    sections.append(_DraftSection(kind or SectionKind.OTHER, title, block.level))


def _is_quote_without_speaker(text: str) -> bool:
    return bool(quoted_spans(text)) and parse_attribution(text).speaker is None


def _finish_section(draft: _DraftSection, index: TextIndex) -> Section:
    text = index.text
    items: list[Item] = []
    for draft_item in draft.items:
        checkpoint()
        for start, end, statements in _parts_by_speaker(draft_item, text):
            items.append(_item(draft.kind, index, start, end, statements))
    return Section(kind=draft.kind, title=draft.title, items=items)


def _quotes_in_body(sections: list[_DraftSection], index: TextIndex) -> Section:
    """For a brief without a quotes section (plain wire copy, most often): the article's own
    quotations, one item per speaker's passage, so the Quotes tab shows who said what rather
    than nothing.  Scare quotes and quoted titles inside narrative are left out."""
    items: list[Item] = []
    for draft in sections:
        if draft.kind not in _BODY_SECTIONS:
            continue
        for draft_item in draft.items:
            for start, end, statements in _parts_by_speaker(draft_item, index.text):
                if not any(_is_spoken_quote(statement, index.text) for statement in statements):
                    continue
                spoken = [s for s in statements if s.voice is not Voice.NARRATIVE]
                start = max(start, spoken[0].start)  # the scene-setting before is not theirs
                while index.text[start].isspace():
                    start += 1
                items.append(_item(SectionKind.QUOTES, index, start, end, spoken))
    return Section(kind=SectionKind.QUOTES, title=GATHERED_QUOTES_TITLE, items=items)


def _is_spoken_quote(statement: PlacedStatement, text: str) -> bool:
    """Someone's words in quotation marks: a quote whose speaker is known, or one with
    nobody named that makes up most of its statement.  A short quoted phrase with nobody
    speaking is a scare quote or a title ("the so-called “fair fare” plan")."""
    if not statement.quotes:
        return False
    if statement.speaker is not None:
        return True
    words = text[statement.start : statement.end]
    quoted = sum(end - start for start, end in quoted_spans(words))
    return quoted * 2 >= len(words.strip())


def _item(
    section: SectionKind,
    index: TextIndex,
    start: int,
    end: int,
    statements: Sequence[PlacedStatement],
) -> Item:
    text = index.text
    item_text = text[start:end]
    has_quote = has_quotation(item_text)
    speaker = _speaker_of(statements)
    kind = _item_kind(section, has_quote, statements, speaker)
    if not (has_quote or kind in (ItemKind.QUOTE, ItemKind.STATEMENT)):
        speaker = None  # a claim's speaker is shown only for words it quotes
    return Item.lean(
        id="",
        kind=kind,
        text=item_text,
        source=make_selector(text, start, end, exact=item_text),
        links=[],
        speaker=speaker,
        quote=quote_without_attribution(item_text, speaker) if kind is ItemKind.QUOTE else None,
        figures=index.item_figures(start, end),
        dates=list(dict.fromkeys(index.dates_in(start, end))),
        hedges=find_hedges(item_text, index.hedge_hints_in(start, end)),
    )


def _speaker_of(statements: Sequence[PlacedStatement]) -> Speaker | None:
    """Whose words the item gives: the first speaker quoted, else the first reported."""
    quoted = [s.speaker for s in statements if s.quotes and s.speaker is not None]
    if quoted:
        return quoted[0]
    spoken = [
        s.speaker for s in statements if s.speaker is not None and s.voice is not Voice.NARRATIVE
    ]
    return spoken[0] if spoken else None


def _item_kind(
    section: SectionKind,
    has_quote: bool,
    statements: Sequence[PlacedStatement],
    speaker: Speaker | None,
) -> ItemKind:
    if section is SectionKind.QUOTES:
        if has_quote or any(s.quotes and s.speaker is not None for s in statements):
            return ItemKind.QUOTE
        return ItemKind.STATEMENT if speaker is not None else ItemKind.POINT
    if section is SectionKind.NEXT_STEPS:
        return ItemKind.POINT
    return ItemKind.CLAIM


def _parts_by_speaker(
    draft: _DraftItem, text: str
) -> list[tuple[int, int, Sequence[PlacedStatement]]]:
    """The item's spans, one per speaker when a paragraph quotes two or more people
    (“…,” said A. “…,” B said.), so no quote is credited to the person before it."""
    groups: list[list[PlacedStatement]] = []
    for statement in draft.statements:
        if groups and not _changes_speaker(groups[-1], statement):
            groups[-1].append(statement)
        else:
            groups.append([statement])
    if sum(1 for group in groups if any(s.quotes for s in group)) < 2:
        return [(draft.start, draft.end, draft.statements)]
    parts = []
    for number, group in enumerate(groups):
        start = draft.start if number == 0 else group[0].start
        end = groups[number + 1][0].start if number + 1 < len(groups) else draft.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            parts.append((start, end, group))
    return parts


def _changes_speaker(group: list[PlacedStatement], statement: PlacedStatement) -> bool:
    if not statement.own_speaker or statement.speaker is None:
        return False
    if statement.voice is Voice.NARRATIVE:
        return False
    current = next((s.speaker for s in group if s.speaker is not None), None)
    return current is not None and current.name != statement.speaker.name
