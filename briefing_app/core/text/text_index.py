"""One pass over the reading text that the builder and the linker share.

Why: a megabyte of article has ~150,000 words and ~10,000 sentences.  Running a regular
expression per sentence and again per item costs seconds; running each once over the whole
text and finding what falls inside a span by bisection costs a fraction of that.  The index
is cached on the text, so building a brief and linking it analyse the article once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from briefing_app.core.text.facts import FigureMatch, find_dates, find_figures
from briefing_app.core.text.hedges import hedge_hints
from briefing_app.core.text.quotes import quoted_spans
from briefing_app.core.text.section_labels import split_inline_label
from briefing_app.core.text.sentences import sentence_spans
from briefing_app.core.text.words import WORD


@dataclass
class Sentence:
    """A sentence: its span and the range of its words in the index's word list."""

    start: int
    end: int
    first_word: int
    last_word: int  # exclusive
    figures: dict[str, str] = field(default_factory=dict)  # key -> as written


class TextIndex:
    """Words, sentences, figures and dates of a reading text, with span lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower().replace("\u2019", "'")
        if len(lowered) != len(text):  # a rare letter whose lower case is longer ("İ")
            lowered = "".join(char.lower()[:1] for char in text).replace("\u2019", "'")
        self.words = WORD.findall(lowered)
        self.word_starts = [match.start() for match in WORD.finditer(lowered)]
        self.dates = find_dates(text)
        self.figures: list[FigureMatch] = find_figures(text, self.dates)
        self.figure_starts = [figure.start for figure in self.figures]
        self.hedge_hints = hedge_hints(text)
        self.date_starts = [start for start, _ in self.dates]
        self.sentences: list[Sentence] = []
        for start, end in sentence_spans(text):
            while start < end and text[start] in "\u2022 ":
                start += 1
            if (text[start : start + 1].isupper() and ":" in text[start : start + 44]) or (
                "\u2014" in text[start : start + 44]
            ):
                label = split_inline_label(text[start:end])
                if label is not None:  # "What's next: …" — the label is no evidence
                    start += label[2]
            if start >= end:
                continue
            sentence = Sentence(
                start,
                end,
                bisect_left(self.word_starts, start),
                bisect_left(self.word_starts, end),
            )
            for figure in self.figures_in(start, end):
                if figure.significant:
                    sentence.figures.setdefault(figure.key, figure.text)
            self.sentences.append(sentence)
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        self.quoted_regions = _quoted_regions(text)

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
