"""Exports carry nothing active or remote, whatever the article, the notes or the tags hold:
no script, iframe, object, event handler, javascript:/data: link, remote image, stylesheet
link or font, in the HTML (checked element by element, as a browser parses it) or the
Markdown (checked token by token, as a Markdown renderer with raw HTML on parses it)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from briefing_app.core.annotations import Annotation, ClaimStatus, HighlightColour
from briefing_app.core.export.html import render_html
from briefing_app.core.export.markdown import render_markdown
from briefing_app.core.importer import import_text
from briefing_app.core.model import Source
from tests.export_support import CREATED, DOCUMENT_ID, job_for, selector_at
from tests.html_support import parse_html

HOSTILE_ARTICLE = """---
title: "<script>alert('title')</script> Council </title><img src=x onerror=alert(1)>"
source: <iframe src="https://evil.example/frame"></iframe>
url: javascript:alert(document.cookie)
---

Intro with <script>alert(1)</script> and
<img src="https://evil.example/pixel.gif" onerror="steal()">.

<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="y">

A [click me](javascript:alert(2)) and [data](data:text/html;base64,PHNjcmlwdD4=) link,
![remote](https://evil.example/track.png) an image,
<a href="https://ok.example" onclick="x()">x</a>,
<span style="background:url(https://evil.example/bg.png)">styled</span>,
<link rel="stylesheet" href="https://evil.example/s.css">
<style>@import url(https://evil.example/i.css);
@font-face {src: url(https://evil.example/f.woff)}</style>

## What To Know

- The board voted <b onmouseover="alert(3)">7–2</b> on a $4 million plan <svg onload=alert(4)>.
- A second point with &lt;script&gt;entity&lt;/script&gt; text and `<script>` in code.
"""

HOSTILE_NOTES = [
    "<script>alert('note')</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src='https://evil.example'></iframe>",
    "[click](javascript:alert(1)) and [up](JaVaScRiPt:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "![tracker](https://evil.example/pixel.png)",
    "[ref][r]\n\n[r]: javascript:alert(5)",
    "<https://evil.example/autolink> and <javascript:alert(6)>",
    '<a href="https://evil.example" onclick="steal()">x</a>',
    "<span style=\"background:url('https://evil.example/x.png')\">css</span>",
    "<!-- briefing-reader:end notes -->\n<link rel=stylesheet href=//evil.example/s.css>",
    "<object data=x></object><embed src=y><svg onload=alert(7)>",
]
HOSTILE_TAGS = ["<script>alert(8)</script>", "x\" onmouseover=\"alert(9)", "#ok"]
ACTIVE_TAGS = {"script", "iframe", "object", "embed", "img", "link", "style", "svg", "frame",
               "frameset", "form", "input", "button", "audio", "video", "source", "base",
               "math", "template", "applet", "meta"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background"}


@pytest.fixture(scope="module")
def hostile_job():
    brief = import_text(HOSTILE_ARTICLE, name="hostile.md", fmt="markdown")
    assert brief.items(), "the hostile article must have items to export"
    text = brief.article.text
    annotations = [
        Annotation(id=f"b{number:031d}", document_id=DOCUMENT_ID,
                   selector=selector_at(text, number * 7, number * 7 + 20),
                   colour=list(HighlightColour)[number % 5], note=note,
                   tags=HOSTILE_TAGS, created=CREATED, updated=CREATED)
        for number, note in enumerate(HOSTILE_NOTES)
    ]
    item = brief.items()[0]
    annotations.append(Annotation(
        id="c" + "0" * 31, document_id=DOCUMENT_ID, item_id=item.id, selector=item.source,
        status=ClaimStatus.DISPUTED, note=HOSTILE_NOTES[0] + HOSTILE_NOTES[3],
        tags=HOSTILE_TAGS, created=CREATED, updated=CREATED))
    odd_source = Source(publisher="<script>x</script>", author="<img src=x onerror=y>",
                        url="javascript:alert(1)")
    return job_for(brief.model_copy(update={"source": odd_source}), annotations)


@pytest.mark.parametrize("for_print", [False, True])
def test_html_has_no_active_or_remote_element_or_attribute(hostile_job, for_print) -> None:
    page = parse_html(render_html(hostile_job, for_print=for_print))
    tags = {element.tag for element in page.elements}
    assert not tags & (ACTIVE_TAGS - {"meta", "style"}), tags & ACTIVE_TAGS
    assert len(page.find("style")) == 1  # ours, in the head
    for meta in page.find("meta"):
        assert set(meta.attrs) <= {"charset", "http-equiv", "content", "name"}
    for element in page.elements:
        for name, value in element.attrs.items():
            assert not name.startswith("on"), (element.tag, name)
            assert name != "style", element.tag
            if name in URL_ATTRIBUTES:
                assert value.startswith(("https://", "http://", "mailto:", "#")), value
                assert element.tag == "a"
        if element.tag == "a" and "href" in element.attrs and \
                not element.attrs["href"].startswith("#"):
            assert element.attrs.get("rel") == "noopener noreferrer"
    style = "".join(page.styles).lower()
    for remote in ("url(", "@import", "@font-face", "expression("):
        assert remote not in style
    # what was hostile still reads as text, so the reader sees what the article said
    assert "<script>entity</script>" in "".join(
        "".join(element.text) for element in page.find("section", "article"))


def test_html_page_forbids_loading_anything(hostile_job) -> None:
    page = parse_html(render_html(hostile_job))
    policy = next(m for m in page.find("meta") if m.attrs.get("http-equiv") ==
                  "Content-Security-Policy")
    assert "default-src 'none'" in policy.attrs["content"]


def _markdown_tokens(markdown: str) -> list:
    parser = MarkdownIt("commonmark", {"html": True})
    tokens = parser.parse(markdown)
    return tokens + [child for token in tokens for child in token.children or ()]


def test_markdown_has_no_html_but_the_markers_and_no_unsafe_link_or_image(hostile_job) -> None:
    markdown = render_markdown(hostile_job)
    tokens = _markdown_tokens(markdown)
    raw_html = [t.content.strip() for t in tokens if t.type in ("html_block", "html_inline")]
    assert raw_html == ["<!-- briefing-reader:begin notes. Exporting again replaces "
                        "everything up to the end marker; write your own notes outside the "
                        "markers. -->",
                        "<!-- briefing-reader:end notes -->"]
    assert not [t for t in tokens if t.type == "image"]
    for link in (t for t in tokens if t.type == "link_open"):
        assert link.attrs["href"].startswith(("https://", "http://", "mailto:")), link.attrs
    assert markdown.count("<!-- briefing-reader:") == 2


def test_markdown_from_a_renderer_with_html_on_makes_no_active_element(hostile_job) -> None:
    rendered = MarkdownIt("commonmark", {"html": True}).render(render_markdown(hostile_job))
    page = parse_html(rendered)
    assert not {element.tag for element in page.elements} & ACTIVE_TAGS
    for element in page.elements:
        assert not [name for name in element.attrs if name.startswith("on") or name == "style"]


def test_markdown_front_matter_stays_data(hostile_job) -> None:
    import yaml

    markdown = render_markdown(hostile_job)
    front = yaml.safe_load(markdown[4 : markdown.index("\n---\n", 4)])
    assert front["title"].startswith("<script>")  # the title, kept as a string
    assert front["url"] == "javascript:alert(1)"  # data, never a link in the body
    assert "<" not in markdown[: markdown.index("\n---\n", 4)]
