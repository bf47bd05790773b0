"""A note renders as inert HTML: formatting kept, nothing active or remote survives."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from briefing_app.core.export.note_html import note_to_html
from briefing_app.ui.notes.editor import parse_tags


def test_markdown_formatting_and_safe_links_are_kept() -> None:
    html = note_to_html("Check the **union** figure, see [the report](https://example.org/r)")
    assert "<strong>union</strong>" in html
    assert '<a href="https://example.org/r">the report</a>' in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src='https://evil.example'></iframe>",
        "[click](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "![tracker](https://evil.example/pixel.png)",
        "![local](file:///etc/passwd)",
        '<a href="https://evil.example" onclick="steal()">x</a>',
    ],
)
def test_nothing_active_or_remote_survives(hostile: str) -> None:
    tags = _tags_in(note_to_html(hostile))
    assert {name for name, _attrs in tags} <= {"p", "a", "strong", "em"}, tags
    for _name, attrs in tags:
        for attribute, value in attrs:
            assert attribute == "href" and value.startswith(("https://", "http://")), tags


def _tags_in(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The real elements of an HTML fragment (escaped text is not an element)."""
    found: list[tuple[str, list[tuple[str, str]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list) -> None:
            found.append((tag, [(name, value or "") for name, value in attrs]))

    Collector().feed(html)
    return found


def test_an_image_becomes_its_alt_text() -> None:
    assert "[image: port map]" in note_to_html("![port map](https://example.org/map.png)")


def test_tags_are_split_cleaned_and_kept_once() -> None:
    assert parse_tags("budget, #follow-up  pay Budget,,") == ["budget", "follow-up", "pay"]
    assert parse_tags("   ") == []
