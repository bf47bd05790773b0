"""Split reading text into sentence spans, the units the linker compares.

Why our own splitter: it must return code-point spans into the exact reading text, never
cross a paragraph break, and know newsroom abbreviations ("Gov.", "U.S.", "Jan.") and
closing quote marks after the full stop.
"""

from __future__ import annotations

import re

from briefing_app.core.text.words import ABBREVIATIONS

# A sentence end: a run of end marks, closing marks, then space and a capital.  It starts only
# where a run of end marks starts and takes each run whole (possessive): a match starting
# inside a run would end where the run's own match ends, so it is never needed, and trying
# one at every mark of a long "......" made a line's split quadratic.  (The lookahead first
# lets the scan skip to the next end mark in one step, as a pattern starting with a
# lookbehind would not.)
_BOUNDARY = re.compile(
    r"(?=[.!?\u2026])(?<![.!?\u2026])[.!?\u2026]++[\"\u201d\u2019')\]]*+"
    r"(?=\s+[\"\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])"
)
_SPACE_RUN = re.compile(r"\s*+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) covering each paragraph line's non-blank text."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        _split_line(line, offset, spans)
        offset += len(line) + 1
    return spans


def _split_line(line: str, offset: int, spans: list[tuple[int, int]]) -> None:
    """Append the spans of one line's sentences.  Linear in the line: each step looks only
    at the text since the step before (no copy of the rest of the line, no recount of its
    quotation marks from its start), so a line of 100,000 sentences is no slower per
    sentence than a line of ten."""
    start = _SPACE_RUN.match(line).end()
    if start >= len(line):
        return
    counted = opened = closed = 0  # “ and ” in line[:counted]
    for match in _BOUNDARY.finditer(line):
        end = match.end()
        if end <= start:
            continue
        if _is_abbreviation(line, match.start()):
            continue
        if "\u2019" in match.group(0):
            opened += line.count("\u201c", counted, end)
            closed += line.count("\u201d", counted, end)
            counted = end
            if opened > closed:
                continue  # “They told me, ‘Too expensive.’ They were wrong,” — one quotation
        spans.append((offset + start, offset + end))
        start = _SPACE_RUN.match(line, end).end()
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
