"""Bylines, date lines and source lines under a headline, read into ``Source``.

Why shared: plain text and Markdown exports put the same metadata under the title ("By A
and B | Outlet", "Published 4 March 2026", an outlet on its own line), and both readers must
keep it out of the lede and in the brief's source.
"""

from __future__ import annotations

import re

from briefing_app.core.model import Source
from briefing_app.core.text.section_labels import classify_heading
from briefing_app.core.text.words import MONTH_NAMES

SENTENCE_END = (".", "!", "?", '"', "\u201d", "\u2019", ")", "\u2026", ";", ",")
_SENTENCE_END = SENTENCE_END
_BYLINE = re.compile(r"^by\s+(?P<who>[A-Z\u00c0-\u00de][^:\n]{1,119})$", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?:published|updated|posted|date)(?:\s*+:)?\s*(?P<when>.{4,60})$", re.IGNORECASE
)
_SOURCE_LINE = re.compile(r"^(?:source|publisher)\s*:\s*(?P<who>.{2,80})$", re.IGNORECASE)
_URL_LINE = re.compile(r"^(?:url\s*:\s*)?(?P<url>https?://\S+)$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:]+Z?)?$")
# A short line holding a date ("4 March 2026", "Tue 4 Mar 2026 09.15 GMT",
# "March 4, 2026, 10:15 a.m. EST", "Updated 14:20 GMT, 18 September 2026").
_MONTH_DATE = re.compile(
    rf"\b(?:{MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAMES},?\s+(?:19|20)\d{{2}}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)


def is_metadata(text: str) -> bool:
    return bool(
        _BYLINE.match(text)
        or _DATELINE.match(text)
        or _SOURCE_LINE.match(text)
        or _URL_LINE.match(text)
        or _ISO_DATE.match(text)
        or is_date_line(text)
    )


def is_date_line(text: str) -> bool:
    return len(text.split()) <= 12 and len(text) <= 80 and bool(_MONTH_DATE.search(text))


def is_outlet_line(text: str) -> bool:
    """A short capitalised line under a byline: the outlet ("Meridian Wire")."""
    words = text.split()
    return (
        1 <= len(words) <= 6
        and not text.endswith(_SENTENCE_END)
        and classify_heading(text) is None
        and all(word[:1].isupper() or word.lower() in {"of", "the", "and", "&"} for word in words)
    )


def is_metadata_like(text: str) -> bool:
    """A byline, date, source or URL line (emphasis markers ignored)."""
    return is_metadata(text.strip().strip("*_").strip())


def take_metadata_line(text: str, previous: str, source: Source) -> bool:
    """Record a byline/date/source/URL line (or an outlet line right under a byline) in
    ``source``; False when the line is article text."""
    text = text.strip().strip("*_").strip()
    if previous and _BYLINE.match(previous) and not is_metadata(text) and is_outlet_line(text):
        source.publisher = source.publisher or text
        return True
    if not is_metadata(text) or len(text) > 140:
        return False
    if match := _BYLINE.match(text):
        parts = re.split(r"\s*(?:,|\||\u2014|\u2013| - )\s*", match.group("who"))
        source.author = source.author or parts[0].strip("*_ ")
        if len(parts) > 1:  # "By Name, Desk, Outlet": the outlet comes last
            source.publisher = source.publisher or parts[-1].strip("*_ ")
    elif match := _DATELINE.match(text):
        source.published = source.published or match.group("when").strip()
    elif match := _SOURCE_LINE.match(text):
        source.publisher = source.publisher or match.group("who").strip()
    elif match := _URL_LINE.match(text):
        source.url = source.url or match.group("url")
    else:
        source.published = source.published or text
    return True
