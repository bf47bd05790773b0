"""Cut a long Markdown file into pieces that parse to the same blocks, one piece at a time.

Why: markdown-it makes every block three tokens or more (~400 bytes each) and returns them
all at once; a 2 MB file of short headings and paragraphs was 350,000 tokens, 170 MiB alive
before the first block was read.  Parsed piece by piece, only one piece's tokens are alive.

Where a cut is safe: at a line that starts a new top-level block, i.e. a line at the left
margin that follows a blank line, or a list item that follows an item of the same list, or
a bullet item of a sublist that runs on to the next left-margin line, or a table row; never
inside front matter, a fenced code block or an HTML block that may hold blank lines (a
comment, ``<script>``, ``<pre>``, ``<style>``, ``<textarea>``, a processing instruction, a
CDATA section or a declaration).  A list cut there becomes two lists with the same items
(an ordered one only where the next item shows the number the list would give it, so both
parts count the same); a table cut there is given its heading again, which the reader
skips.  Link reference definitions are global to a document; the caller collects them
first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

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
# List items at the left margin with text after the marker (an empty item cannot interrupt a
# paragraph, so a cut before one could change the parse), and a table's delimiter row.
# Each starts at a line start ("^", multiline), so a search of a long run of dashes or
# spaces tries one place, not every character of it (which would be quadratic).
_BULLET_ITEM = re.compile(r"^([-+*])[ \t]++\S", re.MULTILINE)
_NESTED_ITEM = re.compile(r"^( {1,3})([-+*])[ \t]++\S", re.MULTILINE)
_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])[ \t]++\S", re.MULTILINE)
_TABLE_DELIMITER = re.compile(
    r"^ {0,3}\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+\n?$", re.MULTILINE
)


class Piece(NamedTuple):
    """A piece of the text: where it starts (lines before it, 0-based), its text, and how
    many lines of a table's heading it repeats at its start (0 or 2), so that a table cut
    in two still parses as table rows; the reader skips that repeated heading row."""

    first_line: int
    text: str
    repeated_lines: int


def markdown_pieces(text: str, piece_lines: int = PIECE_LINES) -> Iterator[Piece]:
    """The text in consecutive pieces of at least ``piece_lines`` lines, cut only where a
    new top-level block, list item or table row starts; joined (less the repeated table
    headings), the pieces are the text."""
    lines = text.splitlines(keepends=True)
    start = 0
    heading: list[str] = []  # the open table's heading and delimiter lines
    prefix: list[str] = []  # the table heading the current piece repeats at its start
    fence: str | None = None  # the open fence's marker
    html_end: str | None = None  # what ends the open HTML block
    previous = ""
    # The open ordered list at the left margin: the number its next item shows (a list
    # counts on from its first item, whatever the others say) and its delimiter.
    open_list: tuple[int, str] | None = None
    nested = _NestedRuns(lines)
    if lines and lines[0].startswith("---"):
        fence = "---"  # front matter: no cut before the line that closes it
    for number, line in enumerate(lines):
        if fence == "---":
            if number > 0 and line.startswith(("---", "...")):
                fence = None
            previous = line
            continue
        if fence is not None:
            closing = _FENCE.match(line)  # (indented 4 or more, it is code, not a close)
            if closing and closing.group(1).startswith(fence) and not line[closing.end() :].strip():
                fence = None
            previous = line
            continue
        if html_end is not None:
            if _html_block_ends(line, html_end):
                html_end = None
            previous = line
            continue
        if heading and not line.startswith("|"):
            heading = []  # the table ended, or its rows are not all cut-safe ("|" first)
        ordered = _ORDERED_ITEM.match(line)
        if number - start >= piece_lines and (
            (
                _starts_top_level_block(line, previous, heading)
                and (ordered is None or _numbered_on(ordered, open_list))
            )
            or nested.cut_before(number)
        ):
            yield Piece(start - len(prefix), "".join(prefix + lines[start:number]), len(prefix))
            start, prefix = number, list(heading)
        if _TABLE_DELIMITER.match(line) and "|" in previous and not heading:
            heading = [previous, line]
        if ordered:
            same_list = open_list is not None and open_list[1] == ordered.group(2)
            open_list = (open_list[0] + 1 if same_list else int(ordered.group(1)) + 1,
                         ordered.group(2))
        elif line.strip() and line[:1] not in (" ", "\t"):
            open_list = None  # a left-margin line that is no item ends an ordered list
        fenced = _FENCE.match(line)
        if fenced:
            fence = fenced.group(1)
        else:
            html_end = _html_block_opened(line)
        previous = line
    if start < len(lines) or not lines:
        yield Piece(start - len(prefix), "".join(prefix + lines[start:]), len(prefix))


def _starts_top_level_block(line: str, previous: str, table_heading: list[str]) -> bool:
    """A cut before ``line`` leaves every block whole (or a list or table in two parts that
    read as one): a left-margin line after a blank line, a list item after an item of the
    same list (an ordered one must also be numbered on: :func:`_numbered_on`), or a table row
    under a heading."""
    if line[:1] in (" ", "\t", "\n", ""):
        return False
    if table_heading:
        return line.startswith("|")
    if not previous.strip():
        return True
    bullet, previous_bullet = _BULLET_ITEM.match(line), _BULLET_ITEM.match(previous)
    if bullet and previous_bullet:
        return bullet.group(1) == previous_bullet.group(1)
    return bool(_ORDERED_ITEM.match(line) and _ORDERED_ITEM.match(previous))


def _numbered_on(item: re.Match[str], open_list: tuple[int, str] | None) -> bool:
    """An ordered item may start a piece when no ordered list is open, or when it shows the
    number the open list would give it (so the list cut in two counts the same)."""
    return open_list is None or (
        item.group(2) == open_list[1] and int(item.group(1)) == open_list[0]
    )


class _NestedRuns:
    """Where a list nested one to three spaces deep may be cut: before one of its bullet
    items when every line from there to the next left-margin line is blank, an item of the
    same indent and marker, or indented deeper (so nothing after the cut belongs to the
    parent item, and each part reads as a list of the same items).

    Why: one top-level item holding a 2 MB sublist has no left-margin line to cut at, and
    markdown-it would hold its half-million tokens at once.  Each answer is remembered up
    to the line that decided it, so checking stays linear in the text.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        # (indent and marker, decided up to this line, whether cuts before it are safe)
        self.known: tuple[tuple[int, str], int, bool] | None = None

    def cut_before(self, number: int) -> bool:
        """Whether a cut before line ``number`` (a nested bullet item) is safe."""
        item = _NESTED_ITEM.match(self.lines[number])
        if item is None:
            return False
        key = (len(item.group(1)), item.group(2))
        if self.known is None or self.known[0] != key or number >= self.known[1]:
            self.known = (key, *self._scan(number + 1, key))
        return self.known[2]

    def _scan(self, number: int, key: tuple[int, str]) -> tuple[int, bool]:
        indent, _ = key
        for at in range(number, len(self.lines)):
            line = self.lines[at]
            if not line.strip():
                continue
            if line[:1] not in (" ", "\t"):
                return at, True  # the sublist runs to a left-margin line
            item = _NESTED_ITEM.match(line)
            if item is not None and (len(item.group(1)), item.group(2)) == key:
                continue
            if len(line) - len(line.lstrip(" ")) <= indent:
                return at, False  # the parent item goes on below: no cut before this line
        return len(self.lines), True


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
