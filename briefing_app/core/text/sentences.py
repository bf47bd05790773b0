"""Split reading text into sentence spans, the units the linker compares.

Why our own splitter: it must return code-point spans into the exact reading text, never
cross a paragraph break, and know newsroom abbreviations ("Gov.", "U.S.", "Jan.") and
closing quote marks after the full stop.
"""

from __future__ import annotations

import re

from briefing_app.core.text.words import ABBREVIATIONS

_BOUNDARY = re.compile(
    r"[.!?\u2026]+[\"\u201d\u2019')\]]*(?=\s+[\"\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) covering each paragraph line's non-blank text."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        _split_line(line, offset, spans)
        offset += len(line) + 1
    return spans


def _split_line(line: str, offset: int, spans: list[tuple[int, int]]) -> None:
    start = len(line) - len(line.lstrip())
    if start >= len(line):
        return
    for match in _BOUNDARY.finditer(line):
        end = match.end()
        if end <= start:
            continue
        if _is_abbreviation(line, match.start()):
            continue
        if "\u2019" in match.group(0) and line.count("\u201c", 0, end) > line.count(
            "\u201d", 0, end
        ):
            continue  # “They told me, ‘Too expensive.’ They were wrong,” — one quotation
        spans.append((offset + start, offset + end))
        start = end + (len(line[end:]) - len(line[end:].lstrip()))
    end = len(line.rstrip())
    if start < end:
        spans.append((offset + start, offset + end))


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (line[word_start - 1].isalpha() or line[word_start - 1] == "."):
        word_start -= 1
    word = line[word_start:dot].lower()
    if word in ABBREVIATIONS:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") do not end sentences.
    return len(word) == 1 and word.isalpha() and line[word_start:dot].isupper()
