"""A brief and its annotations as one self-contained HTML page that looks like the reader,
and the same page in the HTML subset Qt's rich text engine prints (the PDF handout).

Why one renderer for both: the browser page (to email or put on an intranet) and the PDF
handout show the same things — the title and source, each tab's items with their status,
highlights in their colours with a glyph, the reader's notes beside them, and the article
with every highlight marked — so the PDF writer calls :func:`render_brief_html` with
``for_print=True`` and hands the result to ``QTextDocument.setHtml``.  Every body this module
builds passes through the nh3 allow-list (``safe_html``) before the page's constant
stylesheet is put around it; the page also tells the browser, by a Content-Security-Policy,
to load nothing and run nothing, in case a browser is more inventive than the sanitiser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape
from typing import BinaryIO

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
from briefing_app.core.export.html_article import article_html
from briefing_app.core.export.html_style import QT_CSS, SCREEN_CSS
from briefing_app.core.export.note_html import note_to_html
from briefing_app.core.export.safe_html import clean_html
from briefing_app.core.export.wording import count_of
from briefing_app.core.model import Brief, Item

CONTENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)


def render_brief_html(
    brief: Brief,
    placed: Sequence[PlacedAnnotation] = (),
    *,
    colour_names: Mapping[HighlightColour, str] | None = None,
    for_print: bool = False,
    exported: datetime | None = None,
) -> str:
    """The whole HTML document for ``brief`` and its placed annotations.

    ``for_print`` gives the variant for Qt's QTextDocument (the PDF writer): tables instead
    of a grid, ``<span>`` instead of ``<mark>``, and only CSS Qt understands.
    """
    job = ExportJob(
        brief=brief,
        placed=tuple(placed),
        colour_names=dict(colour_names or {}),
        **({"exported": exported} if exported is not None else {}),
    )
    return render_html(job, for_print=for_print)


def render_html(job: ExportJob, *, for_print: bool = False) -> str:
    """The whole HTML document for an export job (see :func:`render_brief_html`)."""
    body = clean_html(render_body(job, for_print=for_print))
    title = escape(without_controls(job.brief.title or "Untitled brief"))
    style = QT_CSS if for_print else SCREEN_CSS
    policy = "" if for_print else (
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"{policy}<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def write_html(job: ExportJob, stream: BinaryIO) -> None:
    """Write the browser page to a binary stream, UTF-8."""
    stream.write(render_html(job).encode("utf-8"))


def render_body(job: ExportJob, *, for_print: bool = False) -> str:
    """The page's body, before sanitising: header, tabs, highlights, orphans, article."""
    names = job.names()
    layout = _Layout(for_print)
    parts = [_header(job)]
    by_item = job.by_item()
    for section in job.brief.sections:
        if not section.items:
            continue
        parts.append(f'<section class="tab tab-{section.kind.value}">'
                     f"<h2>{_text(section_heading(section))}</h2>")
        parts += [_item(item, by_item.get(item.id, []), names, layout)
                  for item in section.items]
        parts.append("</section>")
    parts.append(_highlights(job, names, layout))
    parts.append(_unplaced(job, names, layout))
    parts.append('<section class="article"><h2>Article</h2>')
    parts.append(article_html(job.brief.article.text, job.highlights(), names,
                              mark_tag=layout.mark))
    parts.append("</section>")
    return "\n".join(part for part in parts if part)


class _Layout:
    """How an entry (text with its notes beside it) is laid out: a grid for browsers, a
    two-cell table for Qt."""

    def __init__(self, for_print: bool) -> None:
        self.for_print = for_print
        self.mark = "span" if for_print else "mark"

    def entry(self, anchor: str, body: str, notes: str) -> str:
        if self.for_print:
            notes_cell = f'<td class="notes" width="40%" valign="top">{notes}</td>' if notes else ""
            return (f'<table class="entry" id="{anchor}" width="100%" border="1" '
                    f'cellpadding="6" cellspacing="0"><tr>'
                    f'<td class="body" valign="top">{body}</td>{notes_cell}</tr></table>')
        return (f'<div class="entry" id="{anchor}"><div class="body">{body}</div>'
                f'<aside class="notes">{notes}</aside></div>')


def _text(words: str) -> str:
    return escape(without_controls(words), quote=False)


def _header(job: ExportJob) -> str:
    brief = job.brief
    source = brief.source
    facts = [_text(part) for part in (source.publisher, source.author, source.published)
             if part]
    if source.url:
        facts.append(f'<a href="{escape(source.url.strip())}">{_text(source.url)}</a>')
    lines = [f'<header class="brief"><h1>{_text(brief.title or "Untitled brief")}</h1>']
    if facts:
        lines.append(f'<p class="byline">{" &middot; ".join(facts)}</p>')
    lines.append(f'<p class="exported">Exported {iso_time(job.exported)} &middot; '
                 f"{count_of(len(job.placed), 'annotation')}</p></header>")
    return "".join(lines)


def _status(annotations: list[PlacedAnnotation]) -> str:
    status = item_status(annotations)
    return (f'<span class="status status-{status.value}">'
            f"{STATUS_GLYPHS[status]} {STATUS_NAMES[status]}</span>")


def _colour_label(colour: HighlightColour, names: Mapping[HighlightColour, str]) -> str:
    return (f'<span class="hl hl-{colour.value}">{escape(COLOUR_GLYPHS[colour])} '
            f"{_text(names[colour])}</span>")


def _item(item: Item, annotations: list[PlacedAnnotation],
          names: Mapping[HighlightColour, str], layout: _Layout) -> str:
    head = [_status(annotations)]
    colour = item_colour(annotations)
    if colour is not None:
        head.append(_colour_label(colour, names))
    head.append(f'<span class="kind">{_text(item_label(item))}</span>')
    if any(one.placement is Placement.FUZZY for one in annotations):
        head.append('<span class="reason">text changed since annotated</span>')
    passage = item.source.exact if item.source is not None else item.text
    body = (f'<p class="head">{" &middot; ".join(head)}</p>'
            f"<blockquote>{_passage(passage)}</blockquote>")
    notes = "".join(_notes(one) for one in annotations)
    return layout.entry(item_block_id(item.id), body, notes)


def _passage(words: str) -> str:
    paragraphs = [part for part in without_controls(words).strip().split("\n\n") if part]
    return "".join(f"<p>{_text(part).replace(chr(10), '<br>')}</p>" for part in paragraphs)


def _notes(one: PlacedAnnotation) -> str:
    annotation = one.annotation
    parts = []
    if annotation.note.strip():
        parts.append(f'<div class="note">{note_to_html(without_controls(annotation.note))}</div>')
    if annotation.tags:
        tags = " ".join(f'<span class="tag">{_text(tag)}</span>' for tag in annotation.tags)
        parts.append(f'<p class="tags">Tags: {tags}</p>')
    return "".join(parts)


def _highlights(job: ExportJob, names: Mapping[HighlightColour, str], layout: _Layout) -> str:
    """Highlights of article text, then coloured cards, grouped by colour name."""
    by_item = job.by_item()
    groups: dict[HighlightColour, list[str]] = {colour: [] for colour in HighlightColour}
    for one in job.highlights():
        colour = one.annotation.colour
        if colour is None or one.selector is None:
            continue
        block = annotation_block_id(one.annotation.id)
        changed = ('<p class="reason">text changed since highlighted</p>'
                   if one.placement is Placement.FUZZY else "")
        mark = f'<{layout.mark} class="hl hl-{colour.value}">'
        body = (f'<p class="quote"><a class="glyph" href="#at-{block}">'
                f"{escape(COLOUR_GLYPHS[colour])}</a> {mark}"
                f"{_text(' '.join(one.selector.exact.split()))}</{layout.mark}></p>{changed}")
        groups[colour].append(layout.entry(block, body, _notes(one)))
    for section in job.brief.sections:
        for item in section.items:
            colour = item_colour(by_item.get(item.id, []))
            if colour is not None:
                where = _text(section_heading(section))
                groups[colour].append(
                    f'<p class="card"><a href="#{item_block_id(item.id)}">Card in {where}</a>: '
                    f"{_text(' '.join(item.text.split()))}</p>"
                )
    if not any(groups.values()):
        return ""
    parts = ['<section class="highlights"><h2>Highlights</h2>']
    for colour, entries in groups.items():
        if entries:
            parts.append(f'<h3 class="group">{_colour_label(colour, names)}</h3>')
            parts += entries
    parts.append("</section>")
    return "\n".join(parts)


def _unplaced(job: ExportJob, names: Mapping[HighlightColour, str], layout: _Layout) -> str:
    orphans = job.unplaced()
    if not orphans:
        return ""
    parts = ['<section class="orphans"><h2>Not found in the article now</h2>']
    for one in orphans:
        annotation = one.annotation
        labels = []
        if annotation.status is not None:
            labels.append(f'<span class="status status-{annotation.status.value}">'
                          f"{STATUS_GLYPHS[annotation.status]} "
                          f"{STATUS_NAMES[annotation.status]}</span>")
        if annotation.colour is not None:
            labels.append(_colour_label(annotation.colour, names))
        labels.append(f'<span class="reason">{_text(one.reason or "not found")}</span>')
        selector = quoted_selector(one)
        words = _text(" ".join(selector.exact.split())) if selector is not None else ""
        body = (f'<p class="head">{" &middot; ".join(labels)}</p>'
                f"<blockquote><p>{words}</p></blockquote>")
        parts.append(layout.entry(annotation_block_id(annotation.id), body, _notes(one)))
    parts.append("</section>")
    return "\n".join(parts)
