"""Read a plain-text article into blocks: headline, byline, headings, paragraphs, bullets.

Why the wrap detection: copy-pasted web text has one paragraph per line, while text from
mail and wire tools is hard-wrapped with blank lines between paragraphs.  A lone newline is
a paragraph break in the first and a space in the second, so we measure the lines first.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from briefing_app.core.model import Source
from briefing_app.core.readers.blocks import Block, BlockKind, ParsedDocument
from briefing_app.core.readers.byline import SENTENCE_END, is_metadata, take_metadata_line
from briefing_app.core.text.section_labels import classify_heading, split_inline_label

_BULLET = re.compile(r"^(?:[-*+\u2022\u2023\u25e6\u2043\u25aa\u25cf]|\d{1,2}[.)])\s+")
_SENTENCE_END = SENTENCE_END
_WRAPPED_LINE_MAX = 120
_DASH_ATTRIBUTION = re.compile(r"^[\u2014\u2013]\s*\S|^--?\s+\S")


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the file, stripped, with its number and indent."""

    number: int
    text: str
    indent: int


# Every blank line is this one object: which blank line it was never matters, and half the
# lines of an article of short paragraphs are blank.
_BLANK = _Line(0, "", 0)


def read_plain_text(text: str) -> ParsedDocument:
    """Split normalised plain text into a ParsedDocument of blocks."""
    lines = [
        _Line(number, stripped, len(raw) - len(raw.lstrip()))
        if (stripped := raw.strip())
        else _BLANK
        for number, raw in enumerate(text.split("\n"), start=1)
    ]
    source = Source()
    title, body_start = _take_title(lines)
    body_start = _take_byline(lines, body_start, source)
    wrapped = _is_hard_wrapped(lines[body_start:])
    blocks = _blocks(lines[body_start:], wrapped)
    _mark_unknown_headings(blocks)
    return ParsedDocument(blocks=blocks, title=title, source=source, format="text")


def _take_title(lines: list[_Line]) -> tuple[str, int]:
    """A first line is the headline when it is short, unpunctuated and followed by more."""
    first = next((i for i, line in enumerate(lines) if line.text), None)
    if first is None:
        return "", 0
    candidate = lines[first].text
    rest = [line for line in lines[first + 1 :] if line.text]
    if (
        not rest
        or len(candidate) > 200
        or candidate.endswith((".", ",", ";", ":"))
        or classify_heading(candidate) is not None
        or split_inline_label(candidate) is not None
        or _BULLET.match(candidate)
        or (
            candidate[0] in "\"\u201c\u2018'"
            and (len(candidate) > 120 or candidate.endswith(_SENTENCE_END))
        )
        or is_metadata(candidate)
    ):
        return "", first
    follower = lines[first + 1].text if first + 1 < len(lines) else ""
    # A hard-wrapped first paragraph continues on the next line; a headline stands alone.
    if follower and not is_metadata(follower) and len(candidate) > 60:
        return "", first
    return candidate, first + 1


def _take_byline(lines: list[_Line], start: int, source: Source) -> int:
    """Consume byline, date, source and URL lines right under the headline into ``source``."""
    index = start
    previous = ""
    while index < len(lines):
        text = lines[index].text
        if not text:
            index += 1
            continue
        if not take_metadata_line(text, previous, source):
            break
        previous = text
        index += 1
    # Only consume when at least one line was metadata; keep the blank lines otherwise.
    return index if index > start and any(lines[i].text for i in range(start, index)) else start


def _is_hard_wrapped(lines: list[_Line]) -> bool:
    """True when paragraphs are wrapped over several lines with blank lines between them.

    The tell: where one prose line runs straight into the next, a wrapped line usually
    breaks mid-sentence, while a pasted paragraph-per-line ends its sentence.
    """
    texts = [line.text for line in lines]
    while texts and not texts[-1]:
        texts.pop()  # the final newline is not a blank line between paragraphs
    while texts and not texts[0]:
        texts.pop(0)
    prose = [text for text in texts if text and classify_heading(text) is None]
    if not prose or "" not in texts:
        return False
    lengths = sorted(len(text) for text in prose)
    longest = lengths[int(len(lengths) * 0.95) - 1 if len(lengths) > 1 else 0]
    if longest > _WRAPPED_LINE_MAX:
        return False
    joins = [
        before
        for before, after in itertools.pairwise(texts)
        if before
        and after
        and not _BULLET.match(after)
        and classify_heading(before) is None
        and classify_heading(after) is None
    ]
    if not joins:
        return False
    mid_sentence = sum(1 for text in joins if not text.endswith((*_SENTENCE_END, ":")))
    return mid_sentence >= max(1, len(joins) // 2)


def _blocks(lines: list[_Line], wrapped: bool) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    previous: Block | None = None  # the block of the line right above, if not blank
    previous_blank = True
    for line in lines:
        text = line.text
        if not text:
            current = previous = None
            previous_blank = True
            continue
        if classify_heading(text) is not None and (previous_blank or not wrapped or len(text) < 40):
            blocks.append(Block(BlockKind.HEADING, text, line.number))
            current = None
        elif bullet := _BULLET.match(text):
            marker = bullet.group(0).strip()
            current = Block(
                BlockKind.BULLET,
                text[bullet.end() :].strip(),
                line.number,
                marker=f"{marker} " if marker[0].isdigit() else "",
            )
            blocks.append(current)
        elif current is not None and wrapped and _continues(current, line):
            current.text = f"{current.text} {text}"
        elif previous is not None and _is_attribution_under_quote(previous, text):
            previous.text = f"{previous.text} {text}"  # “…” then "— Name, role" on its own line
        else:
            current = Block(BlockKind.PARAGRAPH, text, line.number)
            blocks.append(current)
        previous_blank = False
        previous = blocks[-1] if blocks else None
        if not wrapped and current is not None and current.kind is BlockKind.PARAGRAPH:
            current = None
    return [block for block in blocks if block.text]


def _is_attribution_under_quote(block: Block, text: str) -> bool:
    return (
        block.kind in (BlockKind.PARAGRAPH, BlockKind.BULLET)
        and bool(_DASH_ATTRIBUTION.match(text))
        and len(text) < 160
        and any(mark in block.text for mark in '\u201c\u201d"')
    )


def _continues(block: Block, line: _Line) -> bool:
    """In hard-wrapped text a line continues the block above unless it starts a new one."""
    if block.kind is BlockKind.HEADING:
        return False
    if block.kind is BlockKind.BULLET:
        return line.indent > 0 or not _BULLET.match(line.text)
    return True


def _mark_unknown_headings(blocks: list[Block]) -> None:
    """Promote short standalone title-like lines to headings, but only in sectioned text.

    Why the guard: without known headings we cannot tell a subhead from a short paragraph,
    and a misread heading would split the lede for nothing.
    """
    first_known = next(
        (i for i, block in enumerate(blocks) if block.kind is BlockKind.HEADING), None
    )
    if first_known is None:
        return
    for index, block in enumerate(blocks):
        if index < first_known:
            continue  # above the first section, a short line is a kicker or byline, not a section
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            block.kind is BlockKind.PARAGRAPH
            and nxt is not None
            and nxt.kind is not BlockKind.HEADING
            and _looks_like_subhead(block.text)
        ):
            block.kind = BlockKind.HEADING


def _looks_like_subhead(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 7 or len(text) > 60:
        return False
    if text.endswith(":") and split_inline_label(text + " x") is None:
        return text[0].isupper()
    if text.endswith(_SENTENCE_END) or not text[0].isupper():
        return False
    if text[0] in "\"\u201c\u2018'\u2014\u2013-":
        return False
    capitals = sum(1 for word in words if word[0].isupper() or not word[0].isalpha())
    return capitals == len(words) or text.isupper()
