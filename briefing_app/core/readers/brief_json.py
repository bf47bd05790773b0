"""Read a ``.brief.json`` file written by this app: validate it, then re-anchor and re-link.

Why re-link on import: the file may have been edited by hand or by an older version; its
article text is the truth, so own spans are found again from their quotes (an item whose
text can no longer be found is kept, listed as an orphan) and corroborating links are
recomputed by the current linker.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from briefing_app.core.anchoring import make_selector, reanchor
from briefing_app.core.attribution import quote_without_attribution
from briefing_app.core.builder import content_id
from briefing_app.core.decoding import line_and_column, normalise_text
from briefing_app.core.errors import BriefInputError
from briefing_app.core.facts import figures_for_model, find_hedges, item_dates, item_figures
from briefing_app.core.json_position import json_value_offset
from briefing_app.core.model import SCHEMA_VERSION, Brief, Item, ItemKind
from briefing_app.core.text_index import text_index


def looks_like_json(text: str) -> bool:
    """True when the text opens like a JSON object, whatever the file is named."""
    return text.lstrip().startswith("{")


def parse_brief_json(text: str, path: str | None = None) -> Brief:
    """Parse and validate brief JSON, raising BriefInputError with a location on failure."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BriefInputError(
            path, f"malformed JSON: {exc.msg}", line=exc.lineno, column=exc.colno
        ) from exc
    except RecursionError as exc:
        raise BriefInputError(path, "malformed JSON: nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise BriefInputError(path, f"malformed JSON: {exc}") from exc
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        # A "\ud800" escape decodes to a lone surrogate: no real text contains one.
        raise BriefInputError(path, "not valid text: the JSON escapes a lone surrogate") from exc
    except RecursionError as exc:
        raise BriefInputError(path, "malformed JSON: nested too deeply") from exc
    if not isinstance(data, dict):
        raise BriefInputError(path, "not a brief: the JSON is not an object")
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise BriefInputError(
            path,
            f"brief schema version {version} is newer than this app reads ({SCHEMA_VERSION})",
        )
    try:
        return Brief.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        offset = json_value_offset(text, tuple(first["loc"]))
        line, column = line_and_column(text, offset) if offset is not None else (None, None)
        raise BriefInputError(
            path,
            f"not a valid brief: {where}: {first['msg']}{more}",
            line=line,
            column=column,
        ) from exc


def relink_brief(brief: Brief) -> Brief:
    """Normalise the text, re-anchor each item's own span and refresh its facts."""
    from briefing_app.core.linker import link_brief

    text = normalise_text(brief.article.text)
    brief.article.text = text
    brief.id = content_id(text)
    orphans: list[str] = []
    index = text_index(text)
    for item in brief.items():
        own = _own_anchor(text, item)
        if own is None:
            orphans.append(item.id)
            item.anchors = []
            item.figures = item_figures(item.text)
            item.dates = item_dates(item.text)
            item.hedges = find_hedges(item.text)
            continue
        item.anchors = [own]
        if item.kind is ItemKind.QUOTE and item.quote is None:
            item.quote = quote_without_attribution(item.text, item.speaker)
        item.figures = figures_for_model(index.figures_in(own.start, own.end))
        item.dates = list(dict.fromkeys(index.dates_in(own.start, own.end)))
        item.hedges = find_hedges(item.text, index.hedge_hints_in(own.start, own.end))
    brief.warnings = [w for w in brief.warnings if not w.startswith("orphaned items")]
    if orphans:
        brief.warnings.append(
            f"orphaned items (text not found in the article): {', '.join(orphans)}"
        )
    return link_brief(brief)


def _own_anchor(text: str, item: Item):
    if item.anchors:
        found = reanchor(text, item.anchors[0])
        if found is not None:
            return found
    position = text.find(item.text) if item.text else -1
    if position >= 0:
        return make_selector(text, position, position + len(item.text))
    return None


def check_invariants(brief: Brief, path: str | None = None) -> None:
    """Raise BriefInputError for the first anchor whose position and quote disagree."""
    from briefing_app.core.anchoring import selector_holds

    text = brief.article.text
    for item in brief.items():
        for number, selector in enumerate(item.anchors):
            if not selector_holds(text, selector):
                line, column = line_and_column(text, min(selector.start, len(text)))
                raise BriefInputError(
                    path,
                    f"item {item.id} anchor {number}: text[{selector.start}:{selector.end}] "
                    f"does not match its exact/prefix/suffix (article line {line}, column "
                    f"{column})",
                )
