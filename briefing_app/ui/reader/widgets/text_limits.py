"""How much text a widget is handed to measure, and how very long words wrap.

Why: Qt lays text out whole.  A widget given a 15 MB title shapes and measures all of it
(minutes, hundreds of MB) to show one line; and Qt's usual wrap mode, "at word boundaries,
or anywhere if a word does not fit", looks for the end of the word before breaking each
line, so a line of one unbreakable 400k-character word costs time quadratic in its length.
Hostile or broken input has both; real copy has neither.  So labels, card texts and
tooltips get a bounded prefix (the model keeps the full text), and text holding a run of
non-breaking characters too long to be a word is wrapped anywhere, which is linear.
The article itself is never cut: only how it wraps changes.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption

ELLIPSIS = "\u2026"
TITLE_CHARS = 2_000  # far past any headline; enough to fill several lines of any window
LABEL_CHARS = 300  # a name, a role, a section label, a chip
CARD_CHARS = 2_000  # a card summarises; the article shows the whole passage
TOOLTIP_CHARS = 500
WINDOW_TITLE_CHARS = 120
# A run of characters with no break opportunity this long is not a word.  Below it, Qt's
# word-boundary search costs at most this many characters per line, which stays cheap.
LONG_RUN_CHARS = 1_000
# Whitespace, and scripts written without spaces that Qt breaks between characters anyway
# (CJK ideographs and punctuation, kana, Hangul, full-width forms).
_BREAKABLE = r"\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
# Anchored at the start of a run, so the search is linear even in a text made of runs one
# character short of the limit (an unanchored search would rescan each run from every
# character in it).
_LONG_RUN = re.compile(f"(?<![^{_BREAKABLE}])[^{_BREAKABLE}]{{{LONG_RUN_CHARS}}}")
_BREAK = re.compile(f"[{_BREAKABLE}]")
_WIDE_RUN_CHARS = 12  # shorter runs always fit a card line: not worth measuring


def bounded(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when cut (for display only)."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)] + ELLIPSIS


def one_line(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text`` with runs of whitespace (newlines too) as
    one space, ending in "…" when cut: for a title bar, a tooltip, a single-line label."""
    flat = " ".join(text[:limit].split())
    return flat + ELLIPSIS if len(text) > limit else flat


def has_long_run(text: str) -> bool:
    """Whether ``text`` holds a run of unbreakable characters too long to be a word.

    Runs on the GUI thread over articles of up to 16 MB, so it first steps through the text
    in windows of half the limit (a long run covers at least one whole window) asking only
    "is there a break in here" — found within a word's length in real text — and looks
    closely only around a window without one."""
    step = LONG_RUN_CHARS // 2
    for start in range(0, len(text), step):
        if _BREAK.search(text, start, start + step) is None:
            # A slice, so a run cut at its left edge counts from there: a long run holding
            # this window still shows one limit's worth inside it, and a short one cannot.
            near = text[max(start - LONG_RUN_CHARS, 0) : start + step + LONG_RUN_CHARS]
            if _LONG_RUN.search(near):
                return True
    return False


def article_wrap_mode(text: str) -> QTextOption.WrapMode:
    """How the article wraps: at word boundaries, falling back to anywhere for a word
    wider than the column — unless the text holds a run too long to be a word, where that
    fallback would be quadratic, so every line breaks where the column ends."""
    if has_long_run(text):
        return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def wrap_flag(metrics: QFontMetrics, width: int, text: str) -> Qt.TextFlag:
    """The wrap flag for drawing ``text`` (already bounded) ``width`` pixels wide: word
    wrap, or wrap anywhere when a run without spaces is wider than the line (word wrap
    alone would let it run past the card's edge, clipped)."""
    longest = max(text.split(), key=len, default="")
    if len(longest) >= _WIDE_RUN_CHARS and metrics.horizontalAdvance(longest) > width:
        return Qt.TextFlag.TextWrapAnywhere
    return Qt.TextFlag.TextWordWrap


def clamp_lines(text: str, font: QFont, width: int, max_lines: int) -> tuple[list[str], bool]:
    """The first ``max_lines`` lines ``text`` wraps into at ``width`` pixels (runs of
    whitespace as one space), the last ending in "…" when text remains; and whether it was
    shortened.  Only a bounded prefix is laid out, so the cost does not grow with the text."""
    flat = one_line(text, TITLE_CHARS)
    layout = QTextLayout(flat, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[int] = []
    ends: list[int] = []
    layout.beginLayout()
    try:
        while len(starts) <= max_lines:  # one line past the limit says whether text remains
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1))
            starts.append(line.textStart())
            ends.append(line.textStart() + line.textLength())
    finally:
        layout.endLayout()
    if len(starts) <= max_lines:
        lines = [flat[s:e].rstrip() for s, e in zip(starts, ends, strict=True)]
        return lines or [""], len(text) > TITLE_CHARS
    lines = [flat[s:e].rstrip() for s, e in zip(starts, ends, strict=True)][: max_lines - 1]
    rest = flat[starts[max_lines - 1] :]
    last = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, max(width, 1))
    if not last.endswith(ELLIPSIS):
        last = last.rstrip() + ELLIPSIS
    return [*lines, last], True
