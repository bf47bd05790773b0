"""Find the figures, dates and hedges in a piece of text.

Why: figures are what tie a restated fact to its first statement ("1,240 workers" in the lede
and in a bullet), so they are normalised for matching ("$38m" and "$38 million" agree); dates
help a reader scan; hedges ("has not been independently confirmed") let the UI mark a claim
as unconfirmed instead of presenting it as settled.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from briefing_app.core.model import Figure, Hedge
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
_HEDGES: tuple[tuple[str, str], ...] = (
    (
        "unconfirmed",
        r"(?:has|have|had) not (?:yet )?been (?:independently )?(?:confirmed|verified"
        r"|checked)|could not (?:be )?(?:independently )?(?:confirm|verify|verified|confirmed)"
        r"|not (?:been )?independently (?:confirmed|verified|checked)|unconfirmed|unverified"
        r"|cannot be (?:independently )?(?:confirmed|verified)"
        r"|(?:has|have|had|did) not (?:yet |publicly )?confirm(?:ed)?|unsubstantiated",
    ),
    (
        "estimate",
        r"estimates (?:vary|range|differ)|an estimated|estimated|rough(?:ly)? estimate"
        r"|approximately|preliminary (?:figures?|estimates?|data|results?)|projected"
        r"|(?:is|are|was|were) forecast to|provisional|early estimates?|(?:is|was) an estimate"
        r"|(?:officials|police|authorities|investigators|experts) (?:believe|estimate)",
    ),
    (
        "allegation",
        r"allegedly|alleged|alleges|allegations?|accused of|claimed without evidence"
        r"|purportedly|purported",
    ),
    (
        "reported",
        r"reportedly|according to (?:people|sources|a person) familiar"
        r"|sources said|people familiar with|is said to|anonymous sources?|unnamed (?:officials?"
        r"|sources?)",
    ),
    (
        "uncertain",
        r"it (?:is|was|remains) (?:not yet |still )?unclear|remains? unclear"
        r"|unclear (?:whether|how|if|when)|not (?:yet |immediately )clear|is believed to"
        r"|are believed to|(?:is|are|was|were) thought to|appears? to (?:have|show|be)"
        r"|(?:is|are|was|were|remains?|been) disputed|disputed by"
        r"|(?:critics|opponents|others|some|many|residents|campaigners|officials|the government)"
        r" (?:dispute|disputes|question|questions)\b"
        r"|disputes? (?:that|the|this|those|these) (?:figures?|claims?|account|numbers?)"
        r"|(?:is|are|was|were|remains?) contested",
    ),
)
_HEDGE_STEMS = (
    "confirm", "verif", "checked", "estimat", "approximat", "prelimin", "projected",
    "forecast to", "alleg", "accus", "claimed", "reportedly", "familiar", "sources said",
    "said to", "anonym", "unnamed", "unclear", "believed", "appear", "disput", "question",
    "contest", "immediately clear", "yet clear", "purport", "thought to", "unsubstantiat",
    "provisional", "believe",
)
# Case-insensitive on the text itself: lower-casing first can lengthen it ("İ") and shift
# every position after that letter.
_HEDGE_HINT = re.compile("|".join(_HEDGE_STEMS), re.IGNORECASE)
_HEDGE_HINT_LOWER = re.compile("|".join(_HEDGE_STEMS))
_HEDGE_PATTERN = re.compile(
    "|".join(f"(?P<{kind}>\\b(?:{pattern})\\b)" for kind, pattern in _HEDGES), re.IGNORECASE
)


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


def hedge_hints(text: str) -> list[int]:
    """Positions where a hedge could start: a cheap scan that lets most text skip the full
    hedge pattern, which is several times slower."""
    lowered = text.lower()
    if len(lowered) == len(text):  # the fast path: positions in the lower-cased copy hold
        return [match.start() for match in _HEDGE_HINT_LOWER.finditer(lowered)]
    return [match.start() for match in _HEDGE_HINT.finditer(text)]


def find_hedges(text: str, hints: list[int] | None = None) -> list[Hedge]:
    """Hedging phrases in the text, each once, with what kind of doubt they express.

    ``hints`` (from :func:`hedge_hints`, relative to ``text``) lets the long pattern run only
    in small windows around them; a hedge phrase never reaches far from its key word.
    """
    if hints is None:
        if not _HEDGE_HINT.search(text):
            return []
        windows = [(0, len(text))]
    else:
        windows = _merged_windows(hints, text)
    found: dict[int, tuple[str, str]] = {}
    for low, high in windows:
        for match in _HEDGE_PATTERN.finditer(text, low, high):
            found.setdefault(match.start(), (match.group(0), match.lastgroup or "uncertain"))
    hedges: list[Hedge] = []
    seen: set[str] = set()
    for _, (phrase, kind) in sorted(found.items()):
        if phrase.lower() not in seen:
            seen.add(phrase.lower())
            hedges.append(Hedge(text=phrase, kind=kind))
    return hedges


_HEDGE_REACH = 48  # characters a hedge phrase may run before or after its key word


def _merged_windows(hints: list[int], text: str) -> list[tuple[int, int]]:
    """Windows around the hints, widened to whole words and merged where they overlap."""
    windows: list[tuple[int, int]] = []
    for hint in hints:
        low = max(0, hint - _HEDGE_REACH)
        while low > 0 and not text[low - 1].isspace():
            low -= 1
        high = min(len(text), hint + _HEDGE_REACH)
        while high < len(text) and not text[high].isspace():
            high += 1
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows
