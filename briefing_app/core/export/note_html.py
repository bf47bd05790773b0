"""A reader's note (Markdown) as HTML that can carry nothing active or remote.

Why here, in one function: the note preview in the window, and the HTML and PDF exports,
all show notes, and a note can hold anything a user pasted — ``<script>``, an ``<iframe>``,
a ``javascript:`` link, a remote image that would call home.  markdown-it-py renders with
raw HTML off (tags come out as text), images become their alt text (nothing is fetched),
and only http(s) and mailto links survive; everything else is plain text.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable(["strikethrough", "table"])
    parser.validateLink = _is_safe_link
    return parser


def _is_safe_link(url: str) -> bool:
    return url.strip().lower().startswith(_SAFE_SCHEMES)


def note_to_html(note: str) -> str:
    """The note rendered as an HTML fragment: safe to show and to embed in an export."""
    parser = _parser()
    tokens = parser.parse(note)
    for token in tokens:
        if token.children:
            token.children = [_without_image(child) for child in token.children]
    return parser.renderer.render(tokens, parser.options, {})


def _without_image(token: Token) -> Token:
    """An image becomes its alt text: a note never makes the reader fetch anything."""
    if token.type != "image":
        return token
    alt = "".join(child.content for child in token.children or ()) or token.content
    text = Token("text", "", 0)
    text.content = f"[image: {alt}]" if alt else "[image]"
    return text
