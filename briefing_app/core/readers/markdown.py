"""Read a Markdown article into blocks with markdown-it-py, keeping no markup in the text.

Why markdown-it-py's token stream and not rendered HTML: we need plain reading text with
source line numbers (``Token.map``), and raw HTML must never become live markup, so inline
HTML tags are dropped and HTML blocks keep only their text.  YAML front matter is found by
mdit-py-plugins' front-matter rule, in the same pass, so every line number counts from the
top of the file; its YAML is read, carefully, by ``readers.front_matter``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from briefing_app.core.model import Source
from briefing_app.core.readers.blocks import Block, BlockKind, ParsedDocument
from briefing_app.core.readers.byline import is_metadata_like, take_metadata_line
from briefing_app.core.readers.front_matter import read_front_matter
from briefing_app.core.readers.markdown_chunks import PIECE_LINES, markdown_pieces
from briefing_app.core.text.section_labels import classify_heading

# Inline content is parsed only when a block is read, a bounded piece at a time (see
# _inline_children), so its tokens are never all alive at once: the "inline" core rule,
# which would parse every block's content up front, is off.
_PARSER = (
    MarkdownIt("commonmark", {"html": True})
    .enable(["table", "strikethrough"])
    .use(front_matter_plugin)
    .disable("inline")
)
_PLAIN_PARSER = (
    MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable("inline")
)
# Inline content longer than this is parsed in pieces cut at a space or line break (markup
# spanning a cut, in a paragraph this long, shows as written).
INLINE_PIECE_CHARS = 65_536
# A line that may be a link reference definition ("[label]: destination").
_REFERENCE_LINE = re.compile(r"^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:", re.MULTILINE)
# YAML's document start: three dashes alone on the first line.  The plugin also opens on
# "----" or "--- text", which in an article is a rule or prose, never metadata.
_YAML_START = re.compile(r"---[ \t]*(?:\n|\Z)")


def read_markdown(
    text: str, path: str | None = None, *, piece_lines: int = PIECE_LINES
) -> ParsedDocument:
    """Parse Markdown (with optional YAML front matter) into a ParsedDocument, a piece of
    at least ``piece_lines`` lines at a time."""
    source = Source()
    title = ""
    env = _with_references(text, piece_lines)
    blocks: list[Block] = []
    # One piece's tokens alive at a time (see markdown_chunks); only the first can open
    # with front matter.
    for number, piece in enumerate(markdown_pieces(text, piece_lines)):
        tokens = (_PARSER if number == 0 else _PLAIN_PARSER).parse(piece.text, env)
        if number == 0 and tokens and tokens[0].type == "front_matter":
            if _YAML_START.match(text):
                title, source = read_front_matter(tokens[0].content, path)
                tokens = tokens[1:]
            else:
                tokens = _PLAIN_PARSER.parse(piece.text, env)
        blocks += _blocks_from_tokens(
            tokens, env, piece.first_line, skip_rows=piece.repeated_lines > 0
        )
        del tokens
    if blocks and blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1:
        headline = blocks.pop(0).text
        title = title or headline
        _take_standfirst_and_byline(blocks, source)
    return ParsedDocument(blocks=blocks, title=title, source=source, format="markdown")


def _take_standfirst_and_byline(blocks: list[Block], source: Source) -> None:
    """Under the headline: a long unknown sub-heading is the standfirst (lede text, not a
    section), and byline or date paragraphs belong in ``source``, not in the lede."""
    first = blocks[0] if blocks else None
    if first is not None and first.kind is BlockKind.HEADING and is_metadata_like(first.text):
        first.kind = BlockKind.PARAGRAPH  # "# By Name, Outlet": a byline set as a heading
    if (
        first is not None
        and first.kind is BlockKind.HEADING
        and classify_heading(first.text) is None
        and (len(first.text.split()) > 6 or first.text.endswith((".", "?", "!")))
    ):
        first.kind = BlockKind.PARAGRAPH
    previous = ""
    index = 0
    while index < min(len(blocks), 4):
        block = blocks[index]
        lines = block.text.split("\n")
        if block.kind is BlockKind.PARAGRAPH and all(is_metadata_like(line) for line in lines):
            for line in lines:
                take_metadata_line(line, previous, source)
                previous = line
            del blocks[index]
            continue
        index += 1


def _with_references(text: str, piece_lines: int) -> dict[str, Any]:
    """A parsing environment holding the document's link reference definitions, so a piece
    can use a label defined in a later one (only when the text seems to have any: collecting
    them parses the blocks once more; inline content is not parsed)."""
    env: dict[str, Any] = {}
    if _REFERENCE_LINE.search(text):
        for piece in markdown_pieces(text, piece_lines):
            _PLAIN_PARSER.parse(piece.text, env)  # (collects the references in env)
    return env


def _blocks_from_tokens(
    tokens: list[Token], env: dict[str, Any], line_offset: int = 0, *, skip_rows: bool = False
) -> list[Block]:
    """The blocks of a piece's tokens (``skip_rows``: its first table row is a repeated
    heading, already read with the piece before)."""
    blocks: list[Block] = []
    containers: list[str] = []
    counters: list[int] = []  # the next number of each open ordered list (0: a bullet list)
    pending_heading: Token | None = None
    row: list[str] | None = None
    row_line = 0
    quote_start = 0
    for token in tokens:
        line = (token.map[0] if token.map else 0) + 1 + line_offset
        if token.type in ("bullet_list_open", "ordered_list_open"):
            containers.append("list")
            start = int(token.attrGet("start") or 1) if token.type == "ordered_list_open" else 0
            counters.append(start)
        elif token.type == "blockquote_open":
            containers.append("quote")
            quote_start = len(blocks)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            containers.pop()
            counters.pop()
        elif token.type == "blockquote_close":
            containers.pop()
            _merge_block_quote(blocks, quote_start)
        elif token.type == "heading_open":
            pending_heading = token
        elif token.type == "tr_open":
            row, row_line = [], line
        elif token.type == "tr_close" and row is not None:
            if skip_rows:
                skip_rows = False
            elif any(row):  # (at its first line: a closing token has no line of its own)
                blocks.append(Block(BlockKind.BULLET, " \u00b7 ".join(row), row_line))
            row = None
        elif token.type == "inline" and row is not None:
            row.append(inline_to_text(token, env).strip())
        elif token.type == "inline":
            text = inline_to_text(token, env).strip()
            if text:
                block = _inline_block(token, env, text, line, pending_heading, containers)
                if block.kind is BlockKind.BULLET and counters and counters[-1]:
                    block.marker = f"{counters[-1]}. "  # ordered lists keep their numbers
                    counters[-1] += 1
                blocks.append(block)
            pending_heading = None
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(Block(BlockKind.PARAGRAPH, token.content.strip("\n"), line))
        elif token.type == "html_block":
            text = html_to_text(token.content).strip()
            if text:
                blocks.append(Block(BlockKind.PARAGRAPH, re.sub(r"\s+", " ", text), line))
    return blocks


def _inline_block(
    token: Token,
    env: dict[str, Any],
    text: str,
    line: int,
    heading: Token | None,
    containers: list[str],
) -> Block:
    if heading is not None:
        return Block(BlockKind.HEADING, text, line, int(heading.tag[1:]))
    if "list" in containers[-1:]:
        return Block(BlockKind.BULLET, text, line)
    if "quote" in containers:
        return Block(BlockKind.BLOCK_QUOTE, text, line)
    if _is_bold_line(token, env) and (classify_heading(text) is not None or _short_title(text)):
        return Block(BlockKind.HEADING, text, line, level=0)
    if "\n" not in text and classify_heading(text) is not None:
        return Block(BlockKind.HEADING, text, line, level=0)  # a stock heading on a plain line
    return Block(BlockKind.PARAGRAPH, text, line)


def _merge_block_quote(blocks: list[Block], start: int) -> None:
    """One ``>`` block quote is one item, its sign-off line included, not one per paragraph."""
    parts = [block for block in blocks[start:] if block.kind is BlockKind.BLOCK_QUOTE]
    if len(parts) > 1 and len(parts) == len(blocks) - start:
        merged = Block(BlockKind.BLOCK_QUOTE, " ".join(p.text for p in parts), parts[0].line)
        del blocks[start:]
        blocks.append(merged)


def _short_title(text: str) -> bool:
    """A short bold line that reads like a heading, not a pull quote or a byline."""
    return (
        len(text) <= 60
        and len(text.split()) <= 8
        and not text.endswith((".", "!", "?", ",", ";"))
        and not any(mark in text for mark in '"\u201c\u201d\u2018')
        and not re.match(r"(?i)^by\s", text)
    )


def _is_bold_line(token: Token, env: dict[str, Any]) -> bool:
    """A paragraph that is one bold run (``**What To Know**``): publishing tools' headings."""
    if len(token.content) > INLINE_PIECE_CHARS:
        return False  # (no heading is this long)
    children = [
        child for children in _inline_children(token.content, env) for child in children
        if not (child.type == "text" and not child.content.strip())
    ]
    return (
        len(children) >= 3
        and children[0].type == "strong_open"
        and children[-1].type == "strong_close"
        and not any(c.type in ("softbreak", "hardbreak") for c in children)
    )


def inline_to_text(token: Token, env: dict[str, Any] | None = None) -> str:
    """Plain text of an inline token: markup dropped, link text kept, line breaks kept as
    newlines (the builder joins a paragraph's lines with spaces).  ``env`` holds the
    document's link references."""
    parts: list[str] = []
    hidden = 0  # inside an inline <script> or <style>: its text is code, not article
    for children in _inline_children(token.content, {} if env is None else env):
        for child in children:
            if child.type == "html_inline":
                tag = child.content.lower()
                if re.match(r"<(script|style)\b", tag):
                    hidden += 1
                elif re.match(r"</(script|style)\s*>", tag) and hidden:
                    hidden -= 1
            if hidden:
                continue
            if child.type in ("text", "text_special", "code_inline"):
                parts.append(child.content)  # (text_special: an escaped or entity character)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")  # kept so a two-line byline can be told apart; joined later
            elif child.type == "image":
                continue  # alt text describes a picture; it is not the article's words
            elif child.type == "html_inline" and re.match(r"(?i)<br\s*/?>", child.content):
                parts.append(" ")
    return re.sub(r"[ \t]{2,}", " ", "".join(parts))


def _inline_children(content: str, env: dict[str, Any]) -> Iterator[list[Token]]:
    """The inline tokens of a block's content, one bounded piece of content at a time.

    Why pieces: a 2 MB paragraph of emphasis is over a million inline tokens (700 MiB) if
    parsed at once.  A piece ends at the last space or line break before
    ``INLINE_PIECE_CHARS``; shorter content (every real paragraph) is one piece.
    """
    start = 0
    while len(content) - start > INLINE_PIECE_CHARS:
        limit = start + INLINE_PIECE_CHARS
        cut = max(content.rfind(" ", start + 1, limit), content.rfind("\n", start + 1, limit))
        cut = limit if cut < 0 else cut
        yield _PLAIN_PARSER.inline.parse(content[start:cut], _PLAIN_PARSER, env, [])
        start = cut
    yield _PLAIN_PARSER.inline.parse(content[start:], _PLAIN_PARSER, env, [])


class _TextOnly(HTMLParser):
    """Collects the text of an HTML fragment, skipping script and style contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of raw HTML, never the markup itself."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
