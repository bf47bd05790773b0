"""One pass over the reading text that the builder and the linker share.

Why: a megabyte of article has ~150,000 words and ~10,000 sentences.  Running a regular
expression per sentence and again per item costs seconds; running each once over the whole
text and finding what falls inside a span by bisection costs a fraction of that.  The index
is cached on the text, so building a brief and linking it analyse the article once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from functools import lru_cache
from itertools import accumulate
from types import MappingProxyType

from briefing_app.core.sharing import checkpoint
from briefing_app.core.text.facts import FigureMatch, find_dates, find_figures
from briefing_app.core.text.hedges import hedge_hints
from briefing_app.core.text.quotes import quoted_spans
from briefing_app.core.text.section_labels import split_inline_label
from briefing_app.core.text.sentences import sentence_spans
from briefing_app.core.text.words import WORD

_WORD_OR_GAP = re.compile(f"({WORD.pattern})")
_NO_FIGURES: Mapping[str, str] = MappingProxyType({})
_LABEL_REACH = 44  # an inline label ("What's next:") ends within this many characters


class Sentence:
    """A sentence: its span, the range of its words in the index's word list, and its
    significant figures (key -> as written; shared and read-only when it has none)."""

    __slots__ = ("end", "figures", "first_word", "last_word", "start")

    def __init__(
        self, start: int, end: int, first_word: int, last_word: int, figures: Mapping[str, str]
    ) -> None:
        self.start = start
        self.end = end
        self.first_word = first_word
        self.last_word = last_word  # exclusive
        self.figures = figures


class TextIndex:
    """Words, sentences, figures and dates of a reading text, with span lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower().replace("\u2019", "'")
        if len(lowered) != len(text):  # a rare letter whose lower case is longer ("İ")
            lowered = "".join(char.lower()[:1] for char in text).replace("\u2019", "'")
        self.words, self.word_starts = _words_and_starts(lowered)
        checkpoint()
        self.dates = find_dates(text)
        checkpoint()
        self.figures: list[FigureMatch] = find_figures(text, self.dates)
        self.figure_starts = [figure.start for figure in self.figures]
        checkpoint()
        self.hedge_hints = hedge_hints(text)
        self.date_starts = [start for start, _ in self.dates]
        checkpoint()
        self.sentences = self._sentences(text)
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        checkpoint()
        self.quoted_regions = _quoted_regions(text)

    def _sentences(self, text: str) -> list[Sentence]:
        sentences: list[Sentence] = []
        word_starts, figure_starts = self.word_starts, self.figure_starts
        for start, end in sentence_spans(text):
            while start < end and text[start] in "\u2022 ":
                start += 1
            head = text[start : start + _LABEL_REACH]
            if (head[:1].isupper() and ":" in head) or "\u2014" in head:
                label = split_inline_label(text[start:end])
                if label is not None:  # "What's next: …" — the label is no evidence
                    start += label[2]
            if start >= end:
                continue
            figures: Mapping[str, str] = _NO_FIGURES
            low = bisect_left(figure_starts, start)
            if low < len(figure_starts) and figure_starts[low] < end:
                found: dict[str, str] = {}
                for figure in self.figures[low : bisect_left(figure_starts, end, low)]:
                    if figure.significant and figure.end <= end:
                        found.setdefault(figure.key, figure.text)
                figures = found or _NO_FIGURES
            sentences.append(
                Sentence(
                    start,
                    end,
                    bisect_left(word_starts, start),
                    bisect_left(word_starts, end),
                    figures,
                )
            )
        return sentences

    def figures_in(self, start: int, end: int) -> list[FigureMatch]:
        """Figures that begin inside [start, end)."""
        low = bisect_left(self.figure_starts, start)
        high = bisect_left(self.figure_starts, end)
        return [f for f in self.figures[low:high] if f.end <= end]

    def dates_in(self, start: int, end: int) -> list[str]:
        """Dates, as written, that lie inside [start, end)."""
        low = bisect_left(self.date_starts, start)
        high = bisect_left(self.date_starts, end)
        return [self.text[s:e] for s, e in self.dates[low:high] if e <= end]

    def hedge_hints_in(self, start: int, end: int) -> list[int]:
        """Hedge key-word positions inside [start, end), relative to ``start``."""
        low = bisect_left(self.hedge_hints, start)
        high = bisect_left(self.hedge_hints, end)
        return [position - start for position in self.hedge_hints[low:high]]

    def sentences_overlapping(self, start: int, end: int) -> range:
        """Indexes of the sentences that overlap [start, end)."""
        low = bisect_right(self.sentence_starts, start) - 1
        if low < 0 or self.sentences[low].end <= start:
            low += 1
        high = bisect_left(self.sentence_starts, end)
        return range(max(0, low), high)

    def sentence_words(self, number: int) -> list[str]:
        """The lower-cased words of one sentence."""
        sentence = self.sentences[number]
        return self.words[sentence.first_word : sentence.last_word]

    def words_in(self, start: int, end: int) -> list[str]:
        """The lower-cased words inside [start, end)."""
        return self.words[bisect_left(self.word_starts, start) : bisect_left(self.word_starts, end)]


def _words_and_starts(lowered: str) -> tuple[list[str], list[int]]:
    """The words of the text and where each starts, from one regular-expression pass.

    Splitting on the word pattern alternates gaps and words; the running sum of the pieces'
    lengths gives each word's start.  Repeated words are one string object each, which
    keeps a long article's 150,000-word list small.
    """
    pieces = _WORD_OR_GAP.split(lowered)
    ends = list(accumulate(map(len, pieces)))
    seen: dict[str, str] = {}
    found = pieces[1::2]
    return list(map(seen.setdefault, found, found)), ends[0:-1:2]


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (marks included), paragraph by paragraph, in order."""
    regions: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if any(mark in line for mark in "\u201c\u201d\""):
            regions.extend((offset + start, offset + end) for start, end in quoted_spans(line))
        offset += len(line) + 1
    return regions


@lru_cache(maxsize=4)
def text_index(text: str) -> TextIndex:
    """The (cached) index of a reading text."""
    return TextIndex(text)
