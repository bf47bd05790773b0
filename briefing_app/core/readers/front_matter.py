"""The YAML front matter of a Markdown article, read as untrusted text: title and source.

Why careful: front matter is the top of a file someone downloaded.  mdit-py-plugins' rule
finds it (``readers.markdown``); this module reads it with PyYAML's BaseLoader, which builds
nothing but strings, lists and mappings, and first scans the tokens to refuse what could
stall or flood an import: aliases (a "billion laughs" expands a few hundred bytes into
gigabytes), nesting deeper than metadata ever goes (PyYAML's own scanner slows with the
square of the depth: 64 KB of "[" took 50 seconds), and more than 64 KB.
"""

from __future__ import annotations

import datetime as dt

import yaml

from briefing_app.core.errors import BriefInputError
from briefing_app.core.model import Source

MAX_FRONT_MATTER = 64 * 1024
MAX_DEPTH = 32
_MAX_META_VALUE = 500
# libyaml when PyYAML was built with it: the same YAML, read in C.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_OPENS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def read_front_matter(body: str, path: str | None) -> tuple[str, Source]:
    """The title and source named by front matter ``body`` (the lines between the dashes).

    Raises BriefInputError for YAML that is invalid, too big, too deep or uses aliases;
    a YAML error gives its line in the file, where the body starts on line 2.
    """
    return _title_and_source(load_front_matter(body, path))


def load_front_matter(body: str, path: str | None) -> dict[str, object]:
    """The front matter as a mapping whose scalars are all strings ({} when not a mapping).

    BaseLoader keeps every scalar a string: "published: 2026-02-30" stays text instead of
    failing as an impossible date, and no YAML tag can construct an object.
    """
    if len(body) > MAX_FRONT_MATTER:
        raise BriefInputError(path, "front matter is larger than 64 KB")
    try:
        _refuse_aliases_and_depth(body, path)
        meta = yaml.load(body, Loader=_LOADER)
    except yaml.YAMLError as exc:
        if "nesting depth" in str(getattr(exc, "problem", "")):  # libyaml's own limit
            raise BriefInputError(path, "front matter is nested too deeply") from exc
        mark = _where_to_fix(exc, body)
        line = mark.line + 2 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise BriefInputError(
            path, f"front matter is not valid YAML ({problem})", line=line, column=column
        ) from exc
    except RecursionError as exc:
        raise BriefInputError(path, "front matter is nested too deeply") from exc
    return meta if isinstance(meta, dict) else {}


def _where_to_fix(exc: yaml.YAMLError, body: str) -> yaml.Mark | None:
    """The place to point at: where the problem was found, or, when that is only the end of
    the front matter (an unclosed "[" or quote), where the unclosed thing opened."""
    problem = getattr(exc, "problem_mark", None)
    opened = getattr(exc, "context_mark", None)
    if problem is not None and opened is not None and problem.index >= len(body.rstrip()):
        return opened
    return problem


def _refuse_aliases_and_depth(body: str, path: str | None) -> None:
    """Scan tokens lazily and stop at the first alias or at a depth past MAX_DEPTH, before
    anything is built and before a deep pile of brackets costs more than a moment."""
    depth = 0
    for token in yaml.scan(body, Loader=_LOADER):
        if isinstance(token, yaml.AliasToken):
            raise BriefInputError(path, "front matter uses YAML aliases (*name); they are not read")
        if isinstance(token, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                raise BriefInputError(path, "front matter is nested too deeply")
        elif isinstance(token, _CLOSES):
            depth -= 1


def _text_value(value: object, depth: int = 0) -> str | None:
    """A front-matter value as one short line of text (lists joined, objects by name)."""
    if value is None or depth > 3:
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        parts = (_text_value(part, depth + 1) for part in value[:20])
        return ", ".join(part for part in parts if part) or None
    if isinstance(value, dict):
        return _text_value(value.get("name") or value.get("title"), depth + 1)
    return str(value).strip()[:_MAX_META_VALUE] or None


def _title_and_source(meta: dict[str, object]) -> tuple[str, Source]:
    lowered = {str(key).lower(): value for key, value in meta.items()}

    def first(*keys: str) -> str | None:
        for key in keys:
            value = _text_value(lowered.get(key))
            if value:
                return value
        return None

    source = Source(
        publisher=first("source", "publisher", "publication", "outlet", "site"),
        author=first("author", "authors", "byline", "by"),
        url=first("url", "link", "canonical_url", "source_url"),
        published=first("published", "date", "published_at", "pubdate", "updated"),
    )
    return first("title", "headline") or "", source
