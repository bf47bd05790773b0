"""The Markdown export: properties a notes app can read, the brief by tab with statuses and
notes, highlights by colour name, stable block ids, and re-export that keeps the reader's
own edits."""

from __future__ import annotations

import re

import pytest
import yaml
from markdown_it import MarkdownIt

from briefing_app.core.annotations import HighlightColour
from briefing_app.core.export.markdown import render_markdown
from briefing_app.core.export.markers import MarkerError, merge_export
from briefing_app.core.importer import import_path, import_text
from briefing_app.core.model import Source
from tests.conftest import SAMPLES
from tests.export_support import fixed_annotations, job_for


@pytest.fixture(scope="module")
def brief():
    return import_path(SAMPLES / "library-budget.md")


def _front_matter(markdown: str) -> dict:
    assert markdown.startswith("---\n")
    block = markdown[4 : markdown.index("\n---\n", 4)]
    return yaml.safe_load(block)


def test_properties_survive_a_title_with_colons_and_quotes(brief) -> None:
    title = 'Mayor: "We\'re not done" — #budget: part 2\n---'
    odd = brief.model_copy(update={"title": title})
    properties = _front_matter(render_markdown(job_for(odd, fixed_annotations(brief))))
    assert properties["title"] == title
    assert properties["source"] == "The Northgate Courier"
    assert properties["byline"] == "Imogen Tall"
    assert properties["date"] == "2026-11-18"
    assert properties["url"] == "https://example.org/news/2026/11/northgate-library-hours"
    assert properties["exported"] == "2026-03-04T05:06:07Z"
    assert properties["tags"] == ["check", "figures", "follow-up-call", "sources"]


def test_tags_lose_their_hash_and_a_brief_with_no_annotations_exports(brief) -> None:
    job = job_for(brief, [a.model_copy(update={"tags": ["#pay", "pay"]})
                          for a in fixed_annotations(brief)[:1]])
    assert _front_matter(render_markdown(job))["tags"] == ["pay"]
    bare = render_markdown(job_for(brief, []))
    assert _front_matter(bare)["tags"] == []
    assert "## What To Know" in bare and "## Highlights" not in bare


def test_each_item_has_its_status_passage_notes_and_a_block_id(brief) -> None:
    markdown = render_markdown(job_for(brief))
    first = brief.items()[0]
    assert f"**✓ Verified** · Claim ^{first.id}\n\n> NORTHGATE — Public libraries" in markdown
    assert "Matches the council minutes.\n\n- page 4" in markdown
    last = brief.items()[-1]
    assert f"**⚑ Needs source** · → Follow up · Claim ^{last.id}" in markdown
    untouched = brief.items()[1]
    assert f"**○ Unreviewed** · Claim ^{untouched.id}" in markdown
    headings = re.findall(r"^## (.+)$", markdown, re.MULTILINE)
    assert headings[:5] == ["Overview", "Why It Matters", "What To Know", "Quotes",
                            "Next Steps"]


def test_highlights_are_grouped_under_the_readers_colour_names(brief) -> None:
    names = {HighlightColour.KEY_FACT: "Solid", HighlightColour.CONTESTED: "  "}
    markdown = render_markdown(job_for(brief, colour_names=names))
    highlights = markdown[markdown.index("## Highlights") :]
    groups = re.findall(r"^### (.+)$", highlights, re.MULTILINE)
    assert groups == ["★ Solid", "✖ Contested", "→ Follow up", "? Question"]
    assert "^note-a10000000000" in highlights
    assert "Tags: figures, check" in highlights


def test_block_ids_are_the_same_in_every_export(brief) -> None:
    ids = re.findall(r" \^([A-Za-z0-9-]+)$", render_markdown(job_for(brief)), re.MULTILINE)
    again = re.findall(r" \^([A-Za-z0-9-]+)$", render_markdown(job_for(brief)), re.MULTILINE)
    assert ids == again and len(ids) == len(set(ids)) == len(brief.items()) + 3


def test_article_text_cannot_make_structure() -> None:
    article = (
        "Title\n\n# Not a heading [link](https://evil.example) ![img](https://evil.example/p)\n\n"
        "- not a list <b>bold</b> `code` *em* ==mark== $x$ | a | b |\n\n"
        "1. Not numbered either, see #hashtag and [[Wiki]] ^fake\n\n"
        "## What To Know\n\n- The fund has $4 million (about 4%).\n"
    )
    brief = import_text(article, name="hostile.txt", fmt="text")
    quoted = [(item, item.source) for item in brief.items()]
    assert quoted
    markdown = render_markdown(job_for(brief, []))
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    kinds = {token.type for token in tokens}
    assert "table_open" not in kinds
    inline = [child for token in tokens for child in token.children or ()]
    assert not [t for t in inline if t.type in ("link_open", "image", "html_inline")]
    assert "html_block" not in kinds or all(
        t.content.startswith("<!-- briefing-reader:") for t in tokens if t.type == "html_block"
    )
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any("Not a heading" in heading for heading in headings)


def test_a_reexport_replaces_only_the_marked_part(brief) -> None:
    first = render_markdown(job_for(brief, []))
    edited = ("My own intro\r\n\r\n" + first).replace(
        "tags: []\n", "tags: []\nmine: kept\n"
    ) + "\n## My conclusions\n\nKeep me.\n"
    edited = edited.replace("---\n# briefing", "---\nrating: 5\n# briefing", 1)
    fresh = render_markdown(job_for(brief))
    merged = merge_export(edited, fresh)
    assert merged.startswith("My own intro\r\n\r\n")  # not front matter: left alone
    assert merged.endswith("\n## My conclusions\n\nKeep me.\n")
    assert "Matches the council minutes." in merged
    body_start = merged.index("<!-- briefing-reader:begin")
    assert merged[body_start:].count("<!-- briefing-reader:begin") == 1
    assert merge_export(merged, fresh) == merged  # the same export again changes nothing


def test_properties_are_replaced_inside_the_front_matter_keeping_the_readers_own(brief) -> None:
    first = render_markdown(job_for(brief, []))
    edited = first.replace("---\n# briefing", "---\nrating: 5\n# briefing", 1)
    edited = edited.replace("# briefing-reader:end properties\n",
                            "# briefing-reader:end properties\nmine: kept\n", 1)
    merged = merge_export(edited, render_markdown(job_for(brief)))
    properties = _front_matter(merged)
    assert properties["rating"] == 5 and properties["mine"] == "kept"
    assert properties["tags"] == ["check", "figures", "follow-up-call", "sources"]


def test_crlf_files_keep_crlf_and_every_byte_outside_the_markers(brief) -> None:
    first = render_markdown(job_for(brief, [])).replace("\n", "\r\n")
    edited = "Before\r\n" + first + "After\r\n"
    merged = merge_export(edited, render_markdown(job_for(brief)))
    assert merged.startswith("Before\r\n") and merged.endswith("-->\r\nAfter\r\n")
    assert "\n" not in merged.replace("\r\n", "")


@pytest.mark.parametrize(
    "existing",
    [
        "# My notes\n\nNothing exported here.\n",
        "<!-- briefing-reader:end notes -->\n<!-- briefing-reader:begin notes -->\n",
        "<!-- briefing-reader:begin notes -->\nno end\n",
    ],
)
def test_files_without_trustworthy_markers_are_refused(brief, existing: str) -> None:
    with pytest.raises(MarkerError):
        merge_export(existing, render_markdown(job_for(brief, [])))


def test_a_url_that_is_not_http_is_not_a_link(brief) -> None:
    odd = brief.model_copy(update={"source": Source(url="javascript:alert(1)")})
    markdown = render_markdown(job_for(odd, []))
    tokens = MarkdownIt("commonmark").parse(markdown)
    links = [c for t in tokens for c in t.children or () if c.type == "link_open"]
    assert links == []
