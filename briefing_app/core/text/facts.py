"""Find the figures and dates in a piece of text (hedges are in ``hedges``).

Why: figures are what tie a restated fact to its first statement ("1,240 workers" in the lede
and in a bullet), so they are normalised for matching ("$38m" and "$38 million" agree); dates
help a reader scan, and their day numbers must not be taken for figures.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from briefing_app.core.model import Figure
from briefing_app.core.text.words import MONTH_NAMES

# Case-sensitive on purpose: months and weekdays are capitalised in prose, and a
# case-sensitive pattern scans a megabyte several times faster.
_DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAMES}(?:,?\s+\d{{4}})?"
    rf"|{MONTH_NAMES}\s+\d{{4}}"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?:[Ee]arly|[Mm]id|[Ll]ate)[- ](?:19|20)\d{2}s?)\b"
)
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_FIGURE = re.compile(
    r"(?<![\w.,])(?P<currency>[$€£¥]|US\$|A\$|C\$)?\s?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<percent>%|percent\b|per cent\b|pc\b|percentage points?\b)"
    r"|[\s-]?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?",
    re.IGNORECASE,
)
# "20-20", "7–2", "2024-25": scores and ranges, whose numbers are no figure of their own.
_RANGE_AROUND = re.compile(r"\d\s?[-\u2013]\s?$|^\s?[-\u2013]\s?\d")
_UNIT_WORD = re.compile(r"\s*([A-Za-z][a-z]+)")
@dataclass(frozen=True)
class FigureMatch:
    """A figure found in text: its span, as written, and its matching key."""

    start: int
    end: int
    text: str
    key: str
    significant: bool


def find_dates(text: str) -> list[tuple[int, int]]:
    """Spans of dates and weekdays, so their numbers are not taken for figures."""
    return [(m.start(), m.end()) for m in _DATE.finditer(text)]


def find_figures(text: str, dates: list[tuple[int, int]] | None = None) -> list[FigureMatch]:
    """Figures with a normalised key; dates' day numbers and lone years are not significant."""
    dates = find_dates(text) if dates is None else dates
    date_starts = [d_start for d_start, _ in dates]
    found: list[FigureMatch] = []
    for match in _FIGURE.finditer(text):
        start, end = match.span()
        written = match.group(0).strip()
        start = end - len(written) if written != match.group(0) else start
        number = float(match.group("number").replace(",", ""))
        scale_word = (match.group("scale") or "").lower()
        if scale_word in ("k", "m", "b") and not match.group("currency") and number.is_integer():
            scale_word = ""  # "5 m" is metres far more often than millions; "1.2m" is not
            written = written[: len(written) - 1].rstrip()
            end = start + len(written)
        value = number * _SCALES.get(scale_word, 1.0)
        percent = bool(match.group("percent"))
        key = f"{value:.6g}{'%' if percent else ''}"
        plain = not percent and not match.group("currency") and not scale_word
        if plain and number < 100:
            # "12 hospitals" and "12 weeks" are different facts; "11 days" twice is one.
            unit = _UNIT_WORD.match(text, end)
            key += f" {unit.group(1).lower().rstrip('s')}" if unit else ""
        nearest = bisect_right(date_starts, start) - 1
        in_date = nearest >= 0 and start < dates[nearest][1]
        is_year = (
            not percent
            and not match.group("currency")
            and not scale_word
            and 1900 <= number <= 2100
            and number.is_integer()
        )
        small = not percent and not match.group("currency") and not scale_word and number < 10
        in_range = bool(
            _RANGE_AROUND.search(text[max(0, start - 2) : start])
            or _RANGE_AROUND.search(text[end : end + 2])
        )
        significant = not (in_date or is_year or small or in_range)
        found.append(FigureMatch(start, end, written, key, significant))
    return found


def item_figures(text: str) -> list[Figure]:
    """The significant figures of an item, each once, for the model."""
    return figures_for_model(find_figures(text))


def figures_for_model(matches: list[FigureMatch]) -> list[Figure]:
    """Significant figures, each key once, in the order they appear."""
    seen: set[str] = set()
    figures: list[Figure] = []
    for match in matches:
        if match.significant and match.key not in seen:
            seen.add(match.key)
            figures.append(Figure(text=match.text, value=match.key))
    return figures


def item_dates(text: str) -> list[str]:
    """Dates mentioned in an item, as written, each once."""
    seen: list[str] = []
    for start, end in find_dates(text):
        written = text[start:end]
        if written not in seen:
            seen.append(written)
    return seen
