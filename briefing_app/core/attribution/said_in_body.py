"""Where in the body a summary's unattributed quotation was said, and by whom.

Why an index of its own: a quotation with no speaker in a summary section ("What people are
saying") takes the speaker of the place in the body that holds the same words.  Looking for
each quotation's opening words in the whole article, occurrence by occurrence, made an
article of many such quotations quadratic: 20,000 of them (1.4 MB) took 200 s when they
began alike and 10 s when they did not.  Only the body's statements that have a speaker can
answer, so only their text is searched (often a small part of the article, and none of it
when the body names no speaker), and each distinct opening is looked up once.  The answer
is the one a search of the whole article gives: the speaker of the first place, in reading
order, where the words begin inside such a statement; up to a bound on the searching
(``SEARCH_PASSES``), beyond which no real article goes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

from briefing_app.core.model import Speaker

_APART = "\x00"  # between the statements' texts (never in a reading text, so in no probe)
# How much searching one article may cost: each distinct opening searches the body's
# statements once (a pass over them, at worst), and a hostile summary can hold more
# unattributed quotations than any body is worth searching for.  The bound is the larger of
# 256 passes over the article and 4 billion characters (a few seconds of ``str.find``): a
# 10 MB newsroom article uses 3 passes; a 154 KB article with 230 new quotations in its
# summary used 300 passes, far under the floor; 20,000 distinct quotations under a body of
# 10,000 attributed ones used 10,000 passes.  Once it is spent, the remaining quotations
# keep the speaker they had.
SEARCH_PASSES = 256
SEARCH_FLOOR_CHARS = 4_000_000_000


class _Placed(Protocol):
    start: int
    end: int
    speaker: Speaker | None


class _Paragraph(Protocol):
    start: int
    summary: bool


class SaidInBody:
    """The body's statements that have a speaker, searchable by their words."""

    def __init__(
        self,
        text: str,
        paragraphs: Sequence[_Paragraph],
        placed: Sequence[Sequence[_Placed]],
        probe_chars: int,
    ) -> None:
        """Index the statements with a speaker of every paragraph that is not a summary;
        ``probe_chars`` is the longest opening that will be looked up."""
        self._text = text
        self._paragraphs = paragraphs
        self._placed = placed
        self._paragraph_starts = [paragraph.start for paragraph in paragraphs]
        # Where a match may begin: the statements' spans, merged, in reading order.  Each is
        # searched with the ``probe_chars - 1`` characters after it, so a match beginning
        # inside it and running past its end is still found; one beginning there is not
        # the span's (it is found again in the next span, if it begins inside that).
        spans: list[list[int]] = []
        for paragraph, statements in zip(paragraphs, placed, strict=True):
            if paragraph.summary:
                continue
            for statement in sorted(statements, key=lambda placed: placed.start):
                if statement.speaker is None or statement.start >= statement.end:
                    continue
                if spans and statement.start <= spans[-1][1]:
                    spans[-1][1] = max(spans[-1][1], statement.end)
                else:
                    spans.append([statement.start, statement.end])
        pieces: list[str] = []
        self._piece_starts: list[int] = []  # where each span's text begins in the haystack
        self._spans = spans
        length = 0
        for start, end in spans:
            self._piece_starts.append(length)
            piece = text[start : end + probe_chars - 1]
            pieces.append(piece)
            length += len(piece) + len(_APART)
        self._haystack = _APART.join(pieces)
        self._found: dict[str, Speaker | None] = {}
        # characters left to search
        self._budget = max(SEARCH_PASSES * len(text), SEARCH_FLOOR_CHARS)

    def speaker_of(self, probe: str) -> Speaker | None:
        """The speaker of the first place in the body, in reading order, where ``probe``
        begins inside a statement that has a speaker; None when there is none."""
        if probe not in self._found:
            self._found[probe] = self._first_speaker(probe)
        return self._found[probe]

    def _first_speaker(self, probe: str) -> Speaker | None:
        if self._budget <= 0:
            return None
        found = self._search(probe)
        self._budget -= len(self._haystack) if found is None else found[1]
        return None if found is None else found[0]

    def _search(self, probe: str) -> tuple[Speaker, int] | None:
        """The speaker and where in the haystack the search stopped."""
        at = self._haystack.find(probe)
        while at != -1:
            number = bisect_right(self._piece_starts, at) - 1
            start, end = self._spans[number]
            where = start + at - self._piece_starts[number]
            if where < end:  # (else it begins after the span: not this span's)
                other = bisect_right(self._paragraph_starts, where) - 1
                for placed in self._placed[other]:
                    if placed.start <= where < placed.end and placed.speaker is not None:
                        return placed.speaker, at
            at = self._haystack.find(probe, at + 1)
        return None
