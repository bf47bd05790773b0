"""Find hedges: wording that marks a claim as unconfirmed, estimated, alleged or uncertain.

Why: a claim that "has not been independently confirmed" must not look settled in a tab, so
the UI marks it with the kind of doubt.  Why it is built this way: the full hedge pattern
(a hundred case-insensitive alternatives) is the slowest regular expression of an import,
tens of times slower per character than finding its key words.  Every hedge phrase holds
one of a few key words ("confirm", "estimat", "alleg" …) and starts at most
``HEDGE_REACH`` characters before it, so the long pattern is only tried where a phrase can
start: at the word starts just before a key word.  The result is what a full scan finds.
"""

from __future__ import annotations

import re

from briefing_app.core.model import Hedge

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
# The key words: every hedge phrase above holds one of them.
_HEDGE_STEMS = (
    "confirm",
    "verif",
    "checked",
    "estimat",
    "approximat",
    "prelimin",
    "projected",
    "forecast to",
    "alleg",
    "accus",
    "claimed",
    "reportedly",
    "familiar",
    "sources said",
    "said to",
    "anonym",
    "unnamed",
    "unclear",
    "believed",
    "appear",
    "disput",
    "question",
    "contest",
    "immediately clear",
    "yet clear",
    "purport",
    "thought to",
    "unsubstantiat",
    "provisional",
    "believe",
)
HEDGE_REACH = 48  # characters a hedge phrase may run before or after its key word
_STEM_REACH = max(map(len, _HEDGE_STEMS))  # a phrase starts no later than inside its key word
# Case-insensitive on the text itself: lower-casing first can lengthen it ("İ") and shift
# every position after that letter.
_HEDGE_HINT = re.compile("|".join(_HEDGE_STEMS), re.IGNORECASE)
_HEDGE_SOURCE = "|".join(f"(?P<{kind}>\\b(?:{pattern})\\b)" for kind, pattern in _HEDGES)
_HEDGE_PATTERN = re.compile(_HEDGE_SOURCE, re.IGNORECASE)
# The same pattern, case-sensitive, for lower-cased text: several times faster, as a
# mismatching first letter rules an alternative out at once.
_LOWER_PATTERN = re.compile(_HEDGE_SOURCE)
# Letters that match an ASCII letter case-insensitively but do not lower-case to it.
_UNLOWERABLE = re.compile("[\u0131\u017f]")  # dotless ı, long ſ
_WORD_START = re.compile(r"\b\w")


def _lowered(text: str) -> str | None:
    """The text lower-cased, when matching it case-sensitively is the same as matching the
    text case-insensitively (same length, no letter that folds to ASCII only one way)."""
    lowered = text.lower()
    if len(lowered) != len(text) or _UNLOWERABLE.search(text):
        return None
    return lowered


def hedge_hints(text: str) -> list[int]:
    """Positions of hedge key words (as a left-to-right scan for any of them finds them):
    where a hedge phrase can be, so the long pattern runs nowhere else."""
    lowered = _lowered(text)
    if lowered is None:
        return [match.start() for match in _HEDGE_HINT.finditer(text)]
    # Each key word found by str.find, then the scan's rule applied: leftmost first, the
    # earlier-listed key word where two start together, none inside the one before.
    first_stem: dict[int, int] = {}
    for rank, stem in enumerate(_HEDGE_STEMS):
        position = lowered.find(stem)
        while position != -1:
            if first_stem.setdefault(position, rank) > rank:
                first_stem[position] = rank
            position = lowered.find(stem, position + 1)
    hints: list[int] = []
    taken_to = 0
    for position in sorted(first_stem):
        if position >= taken_to:
            hints.append(position)
            taken_to = position + len(_HEDGE_STEMS[first_stem[position]])
    return hints


def find_hedges(text: str, hints: list[int] | None = None) -> list[Hedge]:
    """Hedging phrases in the text, each once, with what kind of doubt they express.

    ``hints`` (from :func:`hedge_hints`, relative to ``text``) saves finding the key words
    again; without them the text is scanned in full.
    """
    if hints is not None and not hints:
        return []
    lowered = _lowered(text)
    subject, pattern = (text, _HEDGE_PATTERN) if lowered is None else (lowered, _LOWER_PATTERN)
    if hints is None:
        if not _HEDGE_HINT.search(text):
            return []
        matches = list(pattern.finditer(subject))
    else:
        matches = []
        for low, high, ranges in _merged_windows(hints, text):
            taken_to = low
            for start in _phrase_starts(subject, ranges):
                if start >= taken_to and (match := pattern.match(subject, start, high)):
                    matches.append(match)
                    taken_to = match.end()
    hedges: list[Hedge] = []
    seen: set[str] = set()
    for match in matches:
        phrase = text[match.start() : match.end()]
        if phrase.lower() not in seen:
            seen.add(phrase.lower())
            hedges.append(Hedge.lean(phrase, match.lastgroup or "uncertain"))
    return hedges


def _merged_windows(hints: list[int], text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Windows around the hints, widened to whole words and merged where they overlap; each
    with the ranges in it where a phrase around one of its hints could start."""
    windows: list[tuple[int, int, list[tuple[int, int]]]] = []
    for hint in hints:
        low = max(0, hint - HEDGE_REACH)
        while low > 0 and not text[low - 1].isspace():
            low -= 1
        high = min(len(text), hint + HEDGE_REACH)
        while high < len(text) and not text[high].isspace():
            high += 1
        starts = (max(low, hint - HEDGE_REACH), min(high, hint + _STEM_REACH))
        if windows and low <= windows[-1][1]:
            windows[-1][2].append(starts)
            windows[-1] = (windows[-1][0], high, windows[-1][2])
        else:
            windows.append((low, high, [starts]))
    return windows


def _phrase_starts(subject: str, ranges: list[tuple[int, int]]) -> list[int]:
    """Word starts inside the ranges (which come in order of their hints), in order."""
    starts: list[int] = []
    reached = 0
    for low, high in ranges:
        low = max(low, reached)
        if low < high:
            starts += (match.start() for match in _WORD_START.finditer(subject, low, high))
            reached = high
    return starts
