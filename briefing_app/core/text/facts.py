"""Find the figures and dates in a piece of text (hedges are in ``hedges``).

Why: figures are what tie a restated fact to its first statement ("1,240 workers" in the lede
and in a bullet), so they are normalised for matching ("$38m" and "$38 million" agree); dates
help a reader scan, and their day numbers must not be taken for figures.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from briefing_app.core.model import Figure
from briefing_app.core.text.words import MONTH_NAMES, STOPWORDS

# Case-sensitive on purpose: months and weekdays are capitalised in prose, and a
# case-sensitive pattern scans a megabyte several times faster.  The lookahead names every
# character a date can start with, so most positions are ruled out in one step.
_DATE = re.compile(
    rf"(?=[\dA-Zeml])\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
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
# A figure starts at its currency sign or its first digit (the lookahead rules out every
# other position at once).
_FIGURE = re.compile(
    r"(?=[$€£¥uac\d])(?<![\w.,])(?:(?P<currency>[$€£¥]|US\$|A\$|C\$)\s?)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<percent>%|percent\b|per cent\b|pc\b|percentage points?\b)"
    r"|[\s-]?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?",
    re.IGNORECASE,
)
_DASHES = "-\u2013"
_ORDINAL_ENDINGS = frozenset(("st", "nd", "rd", "th"))
# The word after a figure that says what it counts ("12 weeks", "40 of the workers"),
# matched at the figure's end, on the same line.  Possessive, and only where no space comes
# before, so a scan from every space of a long run cannot repeat.
_UNIT_WORD = re.compile(
    r"(?<!\s)[^\S\n]*+"
    r"(?:of[^\S\n]++(?:(?:the|a|an|its|their|his|her|our|these|those)[^\S\n]++)?"
    r"(?:[A-Za-z]+['\u2019]s[^\S\n]++)?)?"  # "60 of the company's vehicles" counts vehicles
    r"([A-Za-z][a-z]+)"
)


class FigureMatch(NamedTuple):
    """A figure found in text: its span, as written, and its matching key.

    A named tuple: a long article has tens of thousands, and tuples of plain values cost
    the garbage collector nothing once it has seen them.
    """

    start: int
    end: int
    text: str
    key: str
    significant: bool


def find_dates(text: str) -> list[tuple[int, int]]:
    """Spans of dates and weekdays, so their numbers are not taken for figures."""
    return [match.span() for match in _DATE.finditer(text)]


def find_figures(text: str, dates: list[tuple[int, int]] | None = None) -> list[FigureMatch]:
    """Figures with a normalised key; dates' day numbers and lone years are not significant."""
    dates = find_dates(text) if dates is None else dates
    return [FigureMatch._make(figure) for figure in each_figure(text, dates)]


def each_figure(
    text: str, dates: list[tuple[int, int]]
) -> Iterator[tuple[int, int, str, str, bool]]:
    """:func:`find_figures` as plain tuples (start, end, as written, key, significant),
    one at a time: a text index keeps a long article's figures as columns, and need not
    hold them all as tuples first."""
    date_starts = [d_start for d_start, _ in dates]
    for match in _FIGURE.finditer(text):
        currency, number_text, percent, scale_word = match.groups()
        start, end = match.span()
        written = match.group(0)
        number = float(number_text.replace(",", ""))
        scale_word = _scale_key(scale_word) if scale_word else ""
        if scale_word in ("k", "m", "b") and not currency and number.is_integer():
            scale_word = ""  # "5 m" is metres far more often than millions; "1.2m" is not
            written = written[: len(written) - 1].rstrip()
            end = start + len(written)
        value = number * _SCALES[scale_word] if scale_word else number
        key = f"{value:.6g}%" if percent else f"{value:.6g}"
        plain = not percent and not currency and not scale_word
        if plain and number < 100:
            # "12 hospitals" and "12 weeks" are different facts; "11 days" twice is one.
            unit = _UNIT_WORD.match(text, end)
            word = unit.group(1).lower() if unit else ""
            if unit and word in _ORDINAL_ENDINGS and unit.start(1) == end:
                key += word  # "12th-minute": the 12th, of minutes; not "12 th"
                after = unit.end() + (text[unit.end() : unit.end() + 1] == "-")
                unit = _UNIT_WORD.match(text, after)
                word = unit.group(1).lower() if unit else ""
            if word and word not in STOPWORDS:  # ("60 were hurt": "were" counts nothing)
                key += f" {word.rstrip('s')}"
        nearest = bisect_right(date_starts, start) - 1
        in_date = nearest >= 0 and start < dates[nearest][1]
        is_year = plain and 1900 <= number <= 2100 and number.is_integer()
        small = plain and number < 10
        significant = not (
            in_date or is_year or small or _in_range(text, start, end)
            or (plain and (_is_list_number(text, start, end) or _in_clock_time(text, start, end)))
        )
        yield start, end, written, key, significant


def _scale_key(word: str) -> str:
    """The scale a matched scale word names ("Million" -> "million").  Lower-casing is not
    enough: the pattern matches case-insensitively, so "MİLLİON", "mıllıon", "thouſand" and
    the Kelvin sign "K" match too, and lower-case to no key ("İ" becomes "i" and a combining
    dot).  Those few are looked up the way the pattern matched them."""
    lowered = word.lower()
    if lowered in _SCALES:
        return lowered
    return next((key for key in _SCALES if re.fullmatch(key, word, re.IGNORECASE)), "")


def _is_list_number(text: str, start: int, end: int) -> bool:
    """ "57. " or "57) " opening a line: a numbered list's marker (as the reading text
    writes one), which counts the items and says nothing about them."""
    return (start == 0 or text[start - 1] == "\n") and text[end : end + 2] in (". ", ") ")


def _in_clock_time(text: str, start: int, end: int) -> bool:
    """ "09:12", "18:00", "1:45:30" (and a ratio, "3:1"): numbers joined by a colon tell a
    time, not a quantity, and two times in one hour are no shared fact."""
    return (text[end : end + 1] == ":" and text[end + 1 : end + 2].isdecimal()) or (
        start >= 2 and text[start - 1] == ":" and text[start - 2].isdecimal()
    )


def _in_range(text: str, start: int, end: int) -> bool:
    """ "20-20", "7–2", "2024-25": a digit and a dash right before or after the figure make
    it a score or a range, whose numbers are no figure of their own."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return (len(before) == 2 and before[0].isdecimal() and before[1] in _DASHES) or (
        len(after) == 2
        and (
            (after[0] in _DASHES and after[1].isdecimal())
            or (after[0].isdecimal() and after[1] in _DASHES)
        )
    )


def item_figures(text: str) -> list[Figure]:
    """The significant figures of an item, each once, for the model."""
    return figures_for_model(find_figures(text))


def figures_for_model(
    matches: Iterable[FigureMatch | tuple[int, int, str, str, bool]],
) -> list[Figure]:
    """Significant figures, each key once, in the order they appear (from FigureMatches
    or the plain tuples :func:`each_figure` gives)."""
    seen: set[str] = set()
    figures: list[Figure] = []
    for _, _, written, key, significant in matches:
        if significant and key not in seen:
            seen.add(key)
            figures.append(Figure.lean(written, key))
    return figures


def item_dates(text: str) -> list[str]:
    """Dates mentioned in an item, as written, each once."""
    seen: list[str] = []
    for start, end in find_dates(text):
        written = text[start:end]
        if written not in seen:
            seen.append(written)
    return seen
