"""The allow-list every HTML fragment an export writes passes through (nh3, the Rust ammonia
sanitiser).

Why an allow-list sanitiser and not careful escaping alone: an export mixes the article's
words, the reader's notes (Markdown rendered to HTML) and our own markup, and one missed case
in hand-written rules is a script in an intranet page.  Whatever reaches the page here can
only be one of the listed elements with the listed attributes: no script, style, iframe,
object, form, image or link element, no event handler, no ``style`` attribute (so no CSS
``url()``), and links only to http(s), mailto or a fragment of the page itself, each with
``rel="noopener noreferrer"``.  The page's own stylesheet is a constant of ours, added
around the cleaned body, never from input.
"""

from __future__ import annotations

from functools import lru_cache

import nh3

ALLOWED_TAGS = frozenset({
    "a", "article", "aside", "blockquote", "br", "code", "del", "div", "em", "footer", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "mark", "nav", "ol", "p",
    "pre", "s", "section", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "title", "lang", "dir"}),
    "a": frozenset({"href"}),
    "ol": frozenset({"start"}),
    # Presentational table attributes: the print variant lays notes beside their text in a
    # table, the one layout Qt's rich text engine offers.
    "table": frozenset({"width", "border", "cellpadding", "cellspacing"}),
    "td": frozenset({"colspan", "width", "valign"}),
    "th": frozenset({"colspan", "width", "valign"}),
}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer"


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def clean_html(fragment: str) -> str:
    """``fragment`` with everything outside the allow-list removed (scripts and styles
    with their content, other unknown elements keeping their text)."""
    return _cleaner().clean(fragment)
