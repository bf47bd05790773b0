"""Read exported HTML as a browser would: the real elements and attributes (html.parser),
not substrings, so escaped text is never mistaken for markup and markup never hides."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    """One start tag: its name, attributes, and the classes it carries."""

    tag: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.styles: list[str] = []
        self.comments: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag not in ("br", "meta", "hr", "img", "link", "input"):
            self.open.append(element)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        for element in self.open:
            element.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


@dataclass
class ParsedPage:
    """The elements of a page, its stylesheets' text and its comments."""

    elements: list[Element]
    styles: list[str]
    comments: list[str]

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.elements
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]


def parse_html(html: str) -> ParsedPage:
    """Parse ``html`` into its elements, style text and comments."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return ParsedPage(collector.elements, collector.styles, collector.comments)


def text_of(element: Element) -> str:
    """All the text inside an element, its descendants' included."""
    return "".join(element.text)
