"""Read a Markdown article into blocks with markdown-it-py, keeping no markup in the text.

Why markdown-it-py's token stream and not rendered HTML: we need plain reading text with
source line numbers (``Token.map``), and raw HTML must never become live markup, so inline
HTML tags are dropped and HTML blocks keep only their text.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing_app.core.blocks import Block, BlockKind, ParsedDocument
from briefing_app.core.errors import BriefInputError
from briefing_app.core.headings import classify_heading
from briefing_app.core.model import Source

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def read_markdown(text: str, path: str | None = None) -> ParsedDocument:
    """Parse Markdown (with optional YAML front matter) into a ParsedDocument."""
    source = Source()
    title = ""
    line_offset = 0
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _load_front_matter(match.group("body"), path)
        title, source = _apply_front_matter(meta)
        line_offset = text.count("\n", 0, match.end())
        text = text[match.end() :]
    blocks = _blocks_from_tokens(_PARSER.parse(text), line_offset)
    if blocks and blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1:
        headline = blocks.pop(0).text
        title = title or headline
    return ParsedDocument(blocks=blocks, title=title, source=source, format="markdown")


def _load_front_matter(body: str, path: str | None) -> dict[str, object]:
    try:
        # BaseLoader keeps every scalar a string: "published: 2026-02-30" stays text instead
        # of failing as an impossible date, and no YAML tag can construct objects.
        meta = yaml.load(body, Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise BriefInputError(
            path, f"front matter is not valid YAML ({problem})", line=line, column=column
        ) from exc
    return meta if isinstance(meta, dict) else {}


def _text_value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(part) for part in value if part is not None) or None
    if isinstance(value, dict):
        return _text_value(value.get("name") or value.get("title"))
    return str(value).strip() or None


def _apply_front_matter(meta: dict[str, object]) -> tuple[str, Source]:
    lowered = {str(key).lower(): value for key, value in meta.items()}

    def first(*keys: str) -> str | None:
        for key in keys:
            value = _text_value(lowered.get(key))
            if value:
                return value
        return None

    source = Source(
        publisher=first("source", "publisher", "publication", "outlet", "site"),
        author=first("author", "authors", "byline", "by"),
        url=first("url", "link", "canonical_url", "source_url"),
        published=first("published", "date", "published_at", "pubdate", "updated"),
    )
    return first("title", "headline") or "", source


def _blocks_from_tokens(tokens: list[Token], line_offset: int) -> list[Block]:
    blocks: list[Block] = []
    containers: list[str] = []
    pending_heading: Token | None = None
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            containers.append("list")
        elif token.type == "blockquote_open":
            containers.append("quote")
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            containers.pop()
        elif token.type == "heading_open":
            pending_heading = token
        elif token.type == "inline":
            line = (token.map[0] if token.map else 0) + 1 + line_offset
            text = inline_to_text(token).strip()
            if not text:
                continue
            if pending_heading is not None:
                level = int(pending_heading.tag[1:])
                blocks.append(Block(BlockKind.HEADING, text, line, level))
                pending_heading = None
            elif "list" in containers[-1:]:
                blocks.append(Block(BlockKind.BULLET, text, line))
            elif "quote" in containers:
                blocks.append(Block(BlockKind.BLOCK_QUOTE, text, line))
            elif _is_bold_line(token) and (
                classify_heading(text) is not None or _short_title(text)
            ):
                blocks.append(Block(BlockKind.HEADING, text, line, level=0))
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, text, line))
        elif token.type in ("fence", "code_block") and token.content.strip():
            line = (token.map[0] if token.map else 0) + 1 + line_offset
            blocks.append(Block(BlockKind.PARAGRAPH, token.content.strip("\n"), line))
        elif token.type == "html_block":
            text = html_to_text(token.content).strip()
            if text:
                line = (token.map[0] if token.map else 0) + 1 + line_offset
                blocks.append(Block(BlockKind.PARAGRAPH, re.sub(r"\s+", " ", text), line))
    return blocks


def _short_title(text: str) -> bool:
    return len(text) <= 60 and len(text.split()) <= 8 and not text.endswith((".", "!", "?"))


def _is_bold_line(token: Token) -> bool:
    """A paragraph that is one bold run (``**What To Know**``): publishing tools' headings."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    return (
        len(children) >= 3
        and children[0].type in ("strong_open", "em_open")
        and children[-1].type in ("strong_close", "em_close")
        and not any(c.type in ("softbreak", "hardbreak") for c in children)
    )


def inline_to_text(token: Token) -> str:
    """Plain text of an inline token: markup dropped, link text kept, breaks as spaces."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak" or child.type == "hardbreak":
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content or "")
        elif child.type == "html_inline":
            continue
    return re.sub(r"[ \t]{2,}", " ", "".join(parts))


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
