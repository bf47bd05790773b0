"""Cut a long Markdown file into pieces that parse to the same blocks, one piece at a time.

Why: markdown-it makes every block three tokens or more (~400 bytes each) and returns them
all at once; a 2 MB file of short headings and paragraphs was 350,000 tokens, 170 MiB alive
before the first block was read.  Parsed piece by piece, only one piece's tokens are alive.

Where a cut is safe: at a line that starts a new top-level block, i.e. a line at the left
margin that follows a blank line, outside a fenced code block and outside an HTML block that
may hold blank lines (a comment, ``<script>``, ``<pre>``, ``<style>``, ``<textarea>``, a
processing instruction, a CDATA section or a declaration).  A list cut there becomes two
lists with the same items (an ordered list keeps its numbers: each item states its own).
Link reference definitions are global to a document; the caller collects them first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PIECE_LINES = 2000  # a piece holds at least this many lines (the last may hold fewer)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# HTML blocks that blank lines do not end (CommonMark's kinds 1 to 5), with their end marks.
_HTML_OPENERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r" {0,3}<(script|pre|style|textarea)(?:\s|>|$)", re.IGNORECASE), "</"),
    (re.compile(r" {0,3}<!--"), "-->"),
    (re.compile(r" {0,3}<\?"), "?>"),
    (re.compile(r" {0,3}<!\[CDATA\["), "]]>"),
    (re.compile(r" {0,3}<![A-Za-z]"), ">"),
)
_HTML_RAW_END = re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE)


def markdown_pieces(text: str, piece_lines: int = PIECE_LINES) -> Iterator[tuple[int, str]]:
    """The text in consecutive pieces, each with the number of lines before it (0-based),
    cut only where a new top-level block starts; joined, the pieces are the text."""
    lines = text.splitlines(keepends=True)
    start = 0
    fence: str | None = None  # the open fence's marker
    html_end: str | None = None  # what ends the open HTML block
    previous_blank = False
    for number, line in enumerate(lines):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            previous_blank = False
            continue
        if html_end is not None:
            if _html_block_ends(line, html_end):
                html_end = None
            previous_blank = False
            continue
        if (
            previous_blank
            and number - start >= piece_lines
            and line[:1] not in (" ", "\t", "\n", "")
        ):
            yield start, "".join(lines[start:number])
            start = number
        fenced = _FENCE.match(line)
        if fenced:
            fence = fenced.group(1)
        else:
            html_end = _html_block_opened(line)
        previous_blank = not line.strip()
    if start < len(lines) or not lines:
        yield start, "".join(lines[start:])


def _html_block_opened(line: str) -> str | None:
    """The end mark of an HTML block that ``line`` opens and does not close, if any."""
    for opener, end in _HTML_OPENERS:
        match = opener.match(line)
        if match:
            return None if _html_block_ends(line[match.end() :], end) else end
    return None


def _html_block_ends(line: str, end: str) -> bool:
    if end == "</":
        return _HTML_RAW_END.search(line) is not None
    return end in line
