"""A brief and its annotations as a Markdown note for a notes vault (Obsidian, Logseq, any
Markdown editor).

Why this shape: a notes vault wants properties it can query (YAML front matter written by a
YAML serialiser, so no title can break it), the brief as the reader saw it (one heading per
tab, each item with its status, its own words as a block quote and the reader's notes), the
highlights grouped by what their colour *means*, and a stable ``^block-id`` on every item
and annotation so other notes can link to them across re-exports.  The file is clean
Markdown — no HTML but our two marker comments — and everything from the article is escaped
(``markdown_text``).  The exported part sits between markers so a re-export can replace it
and keep what the reader wrote around it (``markers``).
"""

from __future__ import annotations

from typing import BinaryIO

import yaml

from briefing_app.core.annotations import (
    COLOUR_GLYPHS,
    STATUS_GLYPHS,
    STATUS_NAMES,
    HighlightColour,
    PlacedAnnotation,
    Placement,
)
from briefing_app.core.export.export_job import (
    ExportJob,
    annotation_block_id,
    iso_time,
    item_block_id,
    item_colour,
    item_label,
    item_status,
    quoted_selector,
    section_heading,
    without_controls,
)
from briefing_app.core.export.markdown_text import escape_text, one_line, safe_note
from briefing_app.core.export.markers import (
    NOTES_BEGIN,
    NOTES_END,
    PROPERTIES_BEGIN,
    PROPERTIES_END,
)
from briefing_app.core.model import Item

_SAFE_URL_SCHEMES = ("http://", "https://")


def render_markdown(job: ExportJob) -> str:
    """The whole Markdown file: front matter, then the marked export (LF line ends, one
    final line break)."""
    parts = [_front_matter(job), NOTES_BEGIN, "", *_body(job), NOTES_END]
    return "\n".join(parts) + "\n"


def write_markdown(job: ExportJob, stream: BinaryIO) -> None:
    """Write the Markdown file to a binary stream, UTF-8."""
    stream.write(render_markdown(job).encode("utf-8"))


def _front_matter(job: ExportJob) -> str:
    """YAML properties (``yaml.safe_dump``: any title, quotes and colons included, comes
    out as one valid string), with only the fields the brief has."""
    source = job.brief.source
    fields: dict[str, object] = {"title": without_controls(job.brief.title or "Untitled brief")}
    for key, value in (
        ("source", source.publisher),
        ("byline", source.author),
        ("date", source.published),
        ("url", source.url),
    ):
        if value:
            fields[key] = without_controls(value)
    fields["exported"] = iso_time(job.exported)
    fields["tags"] = _property_tags(job.tags())
    dumped = yaml.dump(fields, Dumper=_PropertiesDumper, sort_keys=False, allow_unicode=True,
                       default_flow_style=False, width=10_000).replace("<", "\\x3C")
    return f"---\n{PROPERTIES_BEGIN}\n{dumped}{PROPERTIES_END}\n---\n"


class _PropertiesDumper(yaml.SafeDumper):
    """``yaml.safe_dump``, but a string holding ``<`` is double-quoted, so that the ``<``
    can be written as the escape ``\\x3C``: a Markdown renderer that does not know front
    matter shows it as text, and must find no HTML tag in it."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if "<" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_PropertiesDumper.add_representer(str, _represent_text)


def _property_tags(tags: list[str]) -> list[str]:
    """Tags as notes apps take them in properties: no ``#``, no spaces (dashes instead)."""
    cleaned: dict[str, str] = {}
    for tag in tags:
        name = "-".join(without_controls(tag).lstrip("#").split())
        if name:
            cleaned.setdefault(name.casefold(), name)
    return list(cleaned.values())


def _body(job: ExportJob) -> list[str]:
    lines = [f"# {escape_text(one_line(job.brief.title or 'Untitled brief'))}", ""]
    byline = _byline(job)
    if byline:
        lines += [byline, ""]
    by_item = job.by_item()
    names = job.names()
    for section in job.brief.sections:
        if not section.items:
            continue
        lines += [f"## {escape_text(one_line(section_heading(section)))}", ""]
        for item in section.items:
            lines += _item(item, by_item.get(item.id, []), names)
    lines += _highlights(job, names)
    lines += _unplaced(job, names)
    return lines


def _byline(job: ExportJob) -> str:
    source = job.brief.source
    facts = [escape_text(one_line(part)) for part in (source.publisher, source.author,
                                                      source.published) if part]
    url = one_line(source.url or "")
    if url.lower().startswith(_SAFE_URL_SCHEMES):
        facts.append(f"[{escape_text(url)}]({_destination(url)})")
    elif url:
        facts.append(escape_text(url))
    return " \u00b7 ".join(facts)


def _destination(url: str) -> str:
    """A URL as a link destination that no character of it can end early."""
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(char, code)
    return url


def _item(item: Item, annotations: list[PlacedAnnotation],
          names: dict[HighlightColour, str]) -> list[str]:
    status = item_status(annotations)
    head = f"**{STATUS_GLYPHS[status]} {STATUS_NAMES[status]}**"
    colour = item_colour(annotations)
    if colour is not None:
        head += f" \u00b7 {COLOUR_GLYPHS[colour]} {escape_text(names[colour])}"
    head += f" \u00b7 {escape_text(one_line(item_label(item)))}"
    if any(one.placement is Placement.FUZZY for one in annotations):
        head += " \u00b7 (text changed since annotated)"
    lines = [f"{head} ^{item_block_id(item.id)}", ""]
    passage = item.source.exact if item.source is not None else item.text
    lines += [*_block_quote(passage), ""]
    for one in annotations:
        lines += _notes_and_tags(one)
    return lines


def _block_quote(text: str) -> list[str]:
    """Article words as a block quote, paragraph breaks kept."""
    quoted = []
    for paragraph in text.strip().split("\n\n"):
        if quoted:
            quoted.append(">")
        quoted += [f"> {escape_text(line)}".rstrip() for line in paragraph.split("\n")
                   if line.strip()]
    return quoted or ["> "]


def _notes_and_tags(one: PlacedAnnotation) -> list[str]:
    annotation = one.annotation
    lines: list[str] = []
    if annotation.note.strip():
        lines += [safe_note(annotation.note), ""]
    if annotation.tags:
        tags = ", ".join(escape_text(one_line(tag)) for tag in annotation.tags)
        lines += [f"Tags: {tags}", ""]
    return lines


def _highlights(job: ExportJob, names: dict[HighlightColour, str]) -> list[str]:
    """Highlights of article text, then coloured cards, grouped by colour in the order the
    colours are listed (key fact first), each group under the colour's name."""
    groups: dict[HighlightColour, list[str]] = {colour: [] for colour in HighlightColour}
    for one in job.highlights():
        colour = one.annotation.colour
        if colour is None:
            continue
        assert one.selector is not None
        changed = " (text changed since highlighted)" if one.placement is Placement.FUZZY else ""
        groups[colour] += [
            f"\u201c{escape_text(one_line(one.selector.exact))}\u201d{changed} "
            f"^{annotation_block_id(one.annotation.id)}",
            "",
            *_notes_and_tags(one),
        ]
    items = {item.id: (section, item) for section in job.brief.sections
             for item in section.items}
    for item_id, on_item in job.by_item().items():
        colour = item_colour(on_item)
        if colour is not None:
            section, item = items[item_id]
            where = escape_text(one_line(section_heading(section)))
            groups[colour] += [f"Card in {where}: {escape_text(one_line(item.text))}", ""]
    if not any(groups.values()):
        return []
    lines = ["## Highlights", ""]
    for colour, entries in groups.items():
        if entries:
            lines += [f"### {COLOUR_GLYPHS[colour]} {escape_text(names[colour])}", "", *entries]
    return lines


def _unplaced(job: ExportJob, names: dict[HighlightColour, str]) -> list[str]:
    """Annotations whose text is gone: kept, with the words they were on and why."""
    orphans = job.unplaced()
    if not orphans:
        return []
    lines = ["## Not found in the article now", ""]
    for one in orphans:
        annotation = one.annotation
        labels = []
        if annotation.status is not None:
            labels.append(f"{STATUS_GLYPHS[annotation.status]} {STATUS_NAMES[annotation.status]}")
        if annotation.colour is not None:
            labels.append(f"{COLOUR_GLYPHS[annotation.colour]} "
                          f"{escape_text(names[annotation.colour])}")
        selector = quoted_selector(one)
        words = escape_text(one_line(selector.exact)) if selector is not None else ""
        reason = escape_text(one_line(one.reason)) if one.reason else "not found"
        label = " \u00b7 ".join([*labels, f"was \u201c{words}\u201d", reason])
        lines += [f"{label} ^{annotation_block_id(annotation.id)}", "", *_notes_and_tags(one)]
    return lines
