"""Re-export into a Markdown file the reader has edited, replacing only what we wrote.

Why: exporters that rewrite the whole file (a top complaint about Zotero's and Kindle's)
destroy the notes people add around an export.  So what the app writes sits between marker
lines — ``# briefing-reader:begin properties`` … ``# briefing-reader:end properties`` inside
the YAML front matter (YAML comments: a notes app still sees one front matter), and
``<!-- briefing-reader:begin … -->`` … ``<!-- briefing-reader:end notes -->`` around the
body — and a re-export replaces those regions in place, keeping every byte outside them
(line ends included: a file saved with CRLF gets CRLF in the new regions too).  A file with
no body markers, or with markers out of order, is not ours to change: the caller refuses
unless told to replace it whole.
"""

from __future__ import annotations

import re

PROPERTIES_BEGIN = "# briefing-reader:begin properties"
PROPERTIES_END = "# briefing-reader:end properties"
NOTES_BEGIN = (
    "<!-- briefing-reader:begin notes. Exporting again replaces everything up to the end "
    "marker; write your own notes outside the markers. -->"
)
NOTES_END = "<!-- briefing-reader:end notes -->"

_NOTES_BEGIN_LINE = re.compile(r"^<!-- briefing-reader:begin\b[^\n]*$", re.MULTILINE)
_NOTES_END_LINE = re.compile(r"^<!-- briefing-reader:end\b[^\n]*$", re.MULTILINE)
_PROPERTIES_BEGIN_LINE = re.compile(r"^# briefing-reader:begin properties[ \t\r]*$", re.MULTILINE)
_PROPERTIES_END_LINE = re.compile(r"^# briefing-reader:end properties[ \t\r]*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---\r?\n(.*?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class MarkerError(ValueError):
    """An existing file whose markers cannot be trusted (none, or out of order): a
    re-export into it would lose text, so it is refused; the message says why."""


def has_markers(existing: str) -> bool:
    """True when ``existing`` holds the body markers a previous export wrote."""
    return bool(_NOTES_BEGIN_LINE.search(existing))


def merge_export(existing: str, fresh: str) -> str:
    """``existing`` with its marked regions replaced by those of ``fresh`` (a whole new
    export); everything outside the markers is kept as it was.

    The properties region is replaced only where the existing front matter still has its
    markers (a reader who deleted the front matter keeps it deleted).  Raises MarkerError
    when the body markers are missing, repeated or out of order.
    """
    begin, end = _one_region(existing, _NOTES_BEGIN_LINE, _NOTES_END_LINE, "the notes")
    new_begin, new_end = _one_region(fresh, _NOTES_BEGIN_LINE, _NOTES_END_LINE, "the notes")
    merged = _splice(existing, begin, end, fresh[new_begin:new_end])
    return _merge_properties(merged, fresh)


def _merge_properties(existing: str, fresh: str) -> str:
    old = _FRONT_MATTER.match(existing)
    new = _FRONT_MATTER.match(fresh)
    if old is None or new is None:
        return existing
    old_body, new_body = old.group(1), new.group(1)
    if not _PROPERTIES_BEGIN_LINE.search(old_body):
        return existing
    begin, end = _one_region(old_body, _PROPERTIES_BEGIN_LINE, _PROPERTIES_END_LINE,
                             "the front matter")
    new_begin, new_end = _one_region(new_body, _PROPERTIES_BEGIN_LINE, _PROPERTIES_END_LINE,
                                     "the front matter")
    offset = old.start(1)
    return _splice(existing, offset + begin, offset + end, new_body[new_begin:new_end])


def _one_region(text: str, opening: re.Pattern[str], closing: re.Pattern[str],
                where: str) -> tuple[int, int]:
    """Where the one marked region of ``text`` starts (its begin line) and ends (the end of
    its end line, before the line break)."""
    begins = list(opening.finditer(text))
    ends = list(closing.finditer(text))
    if not begins:
        raise MarkerError("has no Briefing Reader markers")
    if len(begins) > 1 or len(ends) != 1:
        raise MarkerError(f"has Briefing Reader markers around {where} more than once or "
                          "without an end")
    if ends[0].start() < begins[0].end():
        raise MarkerError(f"has its Briefing Reader end marker before the begin marker "
                          f"around {where}")
    return begins[0].start(), ends[0].end()


def _splice(text: str, start: int, end: int, region: str) -> str:
    """``text`` with ``text[start:end]`` (whole marker lines, without the final line break)
    replaced by ``region``, written with the line ends the file uses there."""
    if text[end - 1 : end] == "\r":  # a CRLF file: the end line's "\r" was part of the match
        region = region.replace("\r\n", "\n").replace("\n", "\r\n") + "\r"
    return text[:start] + region + text[end:]
