"""Where quotations are in a line of text: the quotation-mark rules every stage shares.

Why a text-level module: the sentence index (quoted regions are never speaker evidence),
attribution (what is outside the marks names the speaker) and the builder (is this paragraph
a quote?) must agree on which marks open and close a quotation.

Double marks (“…”, "…", „…“, «…») always quote.  British copy quotes with single marks
(‘…’) and nests double ones inside; since ’ is also the apostrophe, a single quotation opens
only at ‘ and closes at the first ’ that ends a word after punctuation (“…,’ she said”), else
at the first ’ that ends a word.  Nested quotations count as part of the outer one.
"""

from __future__ import annotations

import re

QUOTE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
OPENING_MARKS = '"\u201c\u201e\u00ab'
CLOSING_MARKS = '"\u201d\u00bb\u201c'
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")


SINGLE_OPENING = "\u2018"
SINGLE_CLOSING = "\u2019"
_QUOTE_END_PUNCTUATION = ",.?!;:\u2026\u2014\u2013-"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted material including the marks, outermost only, in order; an unclosed
    quotation runs to the end."""
    spans = _double_spans(text)
    if SINGLE_OPENING in text:
        spans = _outermost(spans + _single_spans(text))
    return spans


def has_quotation(text: str) -> bool:
    """True when the text holds a quotation (double marks, or a single one opened by ‘)."""
    return _QUOTE_MARK.search(text) is not None or bool(
        SINGLE_OPENING in text and _single_spans(text)
    )


def _double_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(text):
        index = mark.start()
        char = text[index]
        if opened is None:
            if char in OPENING_MARKS and _opens(text, index):
                opened = index
        elif char in CLOSING_MARKS:
            spans.append((opened, index + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _opens(text: str, index: int) -> bool:
    """A straight double quote opens a quotation at the start or after a space/dash."""
    if text[index] != '"':
        return True
    return index == 0 or not text[index - 1].isalnum()


def _single_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = text.find(SINGLE_OPENING)
    while position != -1:
        before = text[position - 1] if position else " "
        after = text[position + 1 : position + 2]
        if before.isalnum() or after.isdigit() or not after.strip():
            position = text.find(SINGLE_OPENING, position + 1)  # ‘90s, a stray mark
            continue
        end = _single_end(text, position + 1)
        spans.append((position, end))
        position = text.find(SINGLE_OPENING, end)
    return spans


def _single_end(text: str, start: int) -> int:
    """Where a ‘ quotation ends (exclusive): the first word-ending ’ after punctuation
    (“…,’ she said”) before the next ‘, else the first word-ending ’, else unclosed."""
    following = text.find(SINGLE_OPENING, start)
    limit = len(text) if following == -1 else following
    first_word_end: int | None = None
    position = text.find(SINGLE_CLOSING, start, limit)
    while position != -1:
        if not text[position + 1 : position + 2].isalnum():  # not "don’t", "people’s"
            if text[position - 1] in _QUOTE_END_PUNCTUATION:
                return position + 1
            if first_word_end is None:
                first_word_end = position + 1
        position = text.find(SINGLE_CLOSING, position + 1, limit)
    return first_word_end if first_word_end is not None else limit


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop quotations nested inside another; keep the rest in order."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if kept and start < kept[-1][1]:
            if end > kept[-1][1]:  # overlapping, not nested: one quotation as far as either
                kept[-1] = (kept[-1][0], end)
            continue
        kept.append((start, end))
    return kept
