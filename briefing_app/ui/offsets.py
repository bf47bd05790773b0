"""The one place that converts between Python code points and Qt's UTF-16 positions.

Why: anchors, find matches and the span index count Unicode code points (``text[start:end]``),
but QTextCursor positions, ``QTextBlock.position()`` and ``QSyntaxHighlighter.setFormat``
count UTF-16 code units, where every character outside the Basic Multilingual Plane (emoji,
𝔸, many CJK extensions) takes two.  Mixing them puts highlights one character late after
every emoji.  Every conversion at the Qt boundary goes through :class:`OffsetMap`; nothing
else in the UI does this arithmetic.  Lookups are a bisect over the positions of astral
characters, and an article without any is an identity map.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def qt_safe_text(text: str) -> str:
    """``text`` with the characters Qt would not keep one-for-one replaced one-for-one.

    Qt merges ``\r\n`` into a single paragraph break and cannot hold a lone surrogate;
    either would shift every later offset.  Each ``\r`` becomes ``\n`` and each lone
    surrogate U+FFFD, so code point ``i`` of the result is still code point ``i`` of the
    input (the core normalises text, so this only guards hand-written briefs).
    """
    if "\r" in text:
        text = text.replace("\r", "\n")
    return _LONE_SURROGATE.sub("\ufffd", text)


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (its length as Qt sees it)."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 code units."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Where each astral character starts in UTF-16 units: its code point index plus one
        # extra unit for every astral character before it.
        self._astral_utf16 = [cp + k for k, cp in enumerate(self._astral)]
        self.utf16_length = self.length + len(self._astral)

    @property
    def is_identity(self) -> bool:
        """True when the text has no astral characters, so both counts agree."""
        return not self._astral

    def to_utf16(self, code_point: int) -> int:
        """The UTF-16 position of code point index ``code_point`` (clamped to the text)."""
        code_point = min(max(code_point, 0), self.length)
        if not self._astral:
            return code_point
        return code_point + bisect_left(self._astral, code_point)

    def to_code_point(self, utf16: int) -> int:
        """The code point index at UTF-16 position ``utf16``.

        A position inside a surrogate pair rounds down to the character's start, so a
        click on the right half of an emoji still lands on the emoji.
        """
        utf16 = min(max(utf16, 0), self.utf16_length)
        if not self._astral:
            return utf16
        # Astral characters that start before ``utf16`` each add one extra unit.
        k = bisect_right(self._astral_utf16, utf16 - 1)
        if k and self._astral_utf16[k - 1] == utf16 - 1:
            return self._astral[k - 1]  # inside the pair
        return utf16 - k

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        """A code-point span as a UTF-16 span."""
        return self.to_utf16(start), self.to_utf16(end)
