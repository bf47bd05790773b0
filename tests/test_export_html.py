"""The HTML export: one self-contained page that looks like the reader, and the variant the
PDF writer hands to Qt."""

from __future__ import annotations

import re

import pytest

from briefing_app.core.annotations import HighlightColour
from briefing_app.core.export.html import render_brief_html, render_html
from briefing_app.core.importer import import_path
from briefing_app.core.store import place_annotations
from tests.conftest import SAMPLES
from tests.export_support import EXPORTED, fixed_annotations, job_for
from tests.html_support import parse_html, text_of


@pytest.fixture(scope="module")
def brief():
    return import_path(SAMPLES / "harbour-strike.txt")


def test_the_page_has_the_title_source_tabs_and_article(brief) -> None:
    page = parse_html(render_html(job_for(brief)))
    assert text_of(page.find("h1")[0]) == brief.title
    assert "Exported 2026-03-04T05:06:07Z · 5 annotations" in text_of(page.find("p", "exported")[0])
    tabs = [text_of(h) for h in page.find("h2")]
    assert tabs == ["Overview", "Why It Matters", "What To Know", "Quotes", "Next Steps",
                    "Highlights", "Article"]
    items = [e for e in page.find("div", "entry") if e.attrs["id"] in
             {item.id for item in brief.items()}]
    assert len(items) == len(brief.items())


def test_highlights_are_marked_in_their_colour_with_a_glyph_and_note_beside(brief) -> None:
    job = job_for(brief)
    page = parse_html(render_html(job))
    marks = [m for m in page.find("mark") if "hl" in m.classes]
    colours = {cls for m in marks for cls in m.classes if cls.startswith("hl-")}
    assert colours == {"hl-key_fact", "hl-contested", "hl-question"}
    glyph_links = {e.attrs["href"]: text_of(e) for e in page.find("a", "glyph")}
    assert glyph_links["#note-a10000000000"] == "★"
    assert glyph_links["#at-note-a10000000000"] == "★"
    entry = next(e for e in page.find("div", "entry") if e.attrs["id"] == "note-a10000000000")
    assert "Check the figure against the report." in " ".join(text_of(entry).split())
    link = next(e for e in page.find("a") if e.attrs.get("href") == "https://example.org/report")
    assert link.attrs["rel"] == "noopener noreferrer"
    first_item = page.find(cls="entry")[0]
    assert "✓ Verified" in text_of(first_item)
    assert "Matches the council minutes." in text_of(first_item)


def test_overlapping_highlights_keep_every_character_once(brief) -> None:
    page = parse_html(render_html(job_for(brief)))
    article = page.find("section", "article")[0]
    words = "".join(text_of(article).split())
    for glyph in "★✖?":
        words = words.replace(glyph, "", 1)
    assert words == "Article" + "".join(brief.article.text.split())


def test_each_colour_has_its_own_underline_style_not_colour_alone() -> None:
    page = parse_html(render_html(job_for(import_path(SAMPLES / "grid-upgrade.txt"))))
    style = "".join(page.styles)
    expected = {"key_fact": "solid", "contested": "wavy", "follow_up": "dashed",
                "question": "dotted", "background": "double"}
    for colour, line in expected.items():
        rule = re.search(r"\.hl-" + colour + r" \{([^}]*)\}", style)
        assert rule and f"underline {line}" in rule.group(1), colour
    assert "@media print" in style


def test_user_colour_names_label_the_groups(brief) -> None:
    names = {HighlightColour.KEY_FACT: "Solid ground"}
    page = parse_html(render_brief_html(brief, place_annotations(brief, fixed_annotations(brief)),
                                        colour_names=names, exported=EXPORTED))
    groups = [" ".join(text_of(h).split()) for h in page.find("h3", "group")]
    assert groups == ["★ Solid ground", "✖ Contested", "→ Follow up", "? Question"]


def test_the_print_variant_uses_only_what_qt_understands(brief) -> None:
    html = render_brief_html(brief, place_annotations(brief, fixed_annotations(brief)),
                             for_print=True, exported=EXPORTED)
    page = parse_html(html)
    style = "".join(page.styles)
    for unsupported in ("grid", "flex", "@media", "var(", "wavy", "rem"):
        assert unsupported not in style, unsupported
    assert not page.find("mark") and not page.find("div", "entry")
    tables = page.find("table", "entry")
    assert len(tables) == len(brief.items()) + 3
    spans = {cls for e in page.find("span", "hl") for cls in e.classes}
    assert {"hl-key_fact", "hl-contested", "hl-question"} <= spans


def test_a_brief_with_no_annotations_exports(brief) -> None:
    page = parse_html(render_brief_html(brief, exported=EXPORTED))
    assert not page.find("mark")
    assert [text_of(h) for h in page.find("h2")][-1] == "Article"
    article = page.find("section", "article")[0]
    assert "".join(text_of(article).split()) == "Article" + "".join(brief.article.text.split())
    assert len(page.find("section", "article")[0].text) > 1  # paragraphs, not one block
    assert len(page.find("p")) > 20
    assert len(page.find(cls="status-unreviewed")) == len(brief.items())
