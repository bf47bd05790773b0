"""Where quotations are in a line of text: the quotation-mark rules every stage shares.

Why a text-level module: the sentence index (quoted regions are never speaker evidence),
attribution (what is outside the marks names the speaker) and the builder (is this paragraph
a quote?) must agree on which marks open and close a quotation.
"""

from __future__ import annotations

import re

QUOTE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
OPENING_MARKS = '"\u201c\u201e\u00ab'
CLOSING_MARKS = '"\u201d\u00bb\u201c'
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")


def has_quote_mark(text: str) -> bool:
    """Whether the text holds any quotation mark (one scan in C)."""
    return _QUOTE_MARK.search(text) is not None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted material including the marks; an unclosed quote runs to the end."""
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

