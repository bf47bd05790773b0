"""One pass over the reading text that the builder and the linker share.

Why: a megabyte of article has ~150,000 words and ~10,000 sentences.  Running a regular
expression per sentence and again per item costs seconds; running each once over the whole
text and finding what falls inside a span by bisection costs a fraction of that.  The builder
makes the index and hands it to the linker, so the article is analysed once; nothing keeps
it after that (a cache would hold tens of megabytes per long article).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate, count, repeat

from briefing_app.core.model import Figure
from briefing_app.core.sharing import checkpoint
from briefing_app.core.text.facts import each_figure, figures_for_model, find_dates
from briefing_app.core.text.hedges import hedge_hints
from briefing_app.core.text.quotes import quoted_spans
from briefing_app.core.text.section_labels import split_inline_label
from briefing_app.core.text.sentences import sentence_spans
from briefing_app.core.text.words import WORD

_WORD_OR_GAP = re.compile(f"({WORD.pattern})")
_SPACE = re.compile(r"\s")
_WORDS_CHUNK = 1 << 16  # characters split at a time (see _words_and_starts)
# The array type of a text position, a word's number and a sentence's: 4 bytes hold any
# position of the longest text an index is made of (a saved brief's, < 2**31 characters),
# and halve what the arrays of 1.6 million words' numbers and starts cost at 10 MB.
POSITION = "i"
assert array(POSITION).itemsize >= 4
_LABEL_REACH = 44  # an inline label ("What's next:") ends within this many characters
Figures = tuple[tuple[str, str], ...]  # a sentence's significant figures: (key, as written)


class TextIndex:
    """Words, sentences, figures and dates of a reading text, with span lookups.

    Sentences and figures are kept as columns (start, end, first and last word, figures;
    start, end, spelling, key, significance), rather than as an object each: a long
    article has hundreds of thousands, and the garbage collector would walk every object
    again and again, while arrays and tuples of plain values it does not walk at all.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._item_facts_released = self._words_released = False
        lowered = text.lower().replace("\u2019", "'")
        if len(lowered) != len(text):  # a rare letter whose lower case is longer ("İ")
            lowered = "".join(char.lower()[:1] for char in text).replace("\u2019", "'")
        self.words, self.word_ids, self.word_starts = _words_and_starts(lowered)
        checkpoint()
        self.dates = find_dates(text)
        checkpoint()
        self._keep_figures(text)
        checkpoint()
        self._hedge_hints: list[int] | None = None  # found when first asked for
        self.date_starts = [start for start, _ in self.dates]
        checkpoint()
        self.sentence_figures: list[Figures] = []
        self._index_sentences(text)
        checkpoint()
        self.quoted_regions = _quoted_regions(text)

    def _keep_figures(self, text: str) -> None:
        """Every figure's start, end, spelling, key and significance, as columns (each
        spelling and key one string however often it recurs).  Why not a tuple each: at
        10 MB, 123,000 tuples of five values were 30 MB, alive until every item had its
        figures, and their pages stayed with the process after."""
        self.figure_starts, self._figure_ends = array(POSITION), array(POSITION)
        self._figure_texts: list[str] = []
        self._figure_keys: list[str] = []
        significance = bytearray()
        same: dict[str, str] = {}
        for start, end, written, key, significant in each_figure(text, self.dates):
            self.figure_starts.append(start)
            self._figure_ends.append(end)
            self._figure_texts.append(same.setdefault(written, written))
            self._figure_keys.append(same.setdefault(key, key))
            significance.append(significant)
        self._figure_significance = bytes(significance)

    def _figures_between(self, low: int, high: int) -> Iterator[tuple[int, int, str, str, int]]:
        """Figures ``low`` to ``high`` (in order of their starts) as (start, end, as
        written, key, significant) tuples, as :func:`facts.each_figure` gives them."""
        return zip(
            self.figure_starts[low:high], self._figure_ends[low:high],
            self._figure_texts[low:high], self._figure_keys[low:high],
            self._figure_significance[low:high], strict=True,
        )

    def _index_sentences(self, text: str) -> None:
        word_starts, figure_starts = self.word_starts, self.figure_starts
        starts: list[int] = []
        ends: list[int] = []
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
            starts.append(start)
            ends.append(end)
            figures: Figures = ()
            low = bisect_left(figure_starts, start)
            if low < len(figure_starts) and figure_starts[low] < end:
                found: dict[str, str] = {}
                for _, f_end, written, key, significant in self._figures_between(
                    low, bisect_left(figure_starts, end, low)
                ):
                    if significant and f_end <= end:
                        found.setdefault(key, written)
                figures = tuple(found.items())
            self.sentence_figures.append(figures)
        self.sentence_starts = array(POSITION, starts)
        self.sentence_ends = array(POSITION, ends)
        # the range of each sentence's words in ``words`` (end exclusive), found in C
        self.sentence_first_words = array(POSITION, map(bisect_left, repeat(word_starts), starts))
        self.sentence_last_words = array(POSITION, map(bisect_left, repeat(word_starts), ends))

    def find_hedge_hints(self) -> list[int]:
        """Where a hedge phrase can start (its key words' positions), found on the first
        call.  Why not when the index is made: only items need them, and the linker's
        indexes, started in a second process as soon as the index is made, start that much
        sooner (0.3 s at 10 MB) when the builder calls this right after starting them."""
        if self._hedge_hints is None:
            self._check_item_facts()
            self._hedge_hints = hedge_hints(self.text)
        return self._hedge_hints

    @property
    def sentence_count(self) -> int:
        """How many sentences the text has."""
        return len(self.sentence_starts)

    def release_item_facts(self) -> None:
        """Let go of what only items' own facts are read from (every figure found, with
        its position, every date and hedge word), once every item has them; what linking
        reads stays.  Why: an article of 150,000 numbered lines holds 30 MB of these while
        the linker builds its indexes, at the import's peak."""
        self.figure_starts, self._figure_ends = array(POSITION), array(POSITION)
        self._figure_texts, self._figure_keys, self._figure_significance = [], [], b""
        self.dates, self.date_starts, self._hedge_hints = [], [], []
        self._item_facts_released = True

    def release_words(self) -> None:
        """Let go of the words (each word, its number and its start), once the speakers'
        statements and the linker's evidence are found from them: choosing and making
        links read sentences and figures only.  Why: at 10 MB the words are 37 MB, alive
        while the links are made, at the import's peak."""
        self.words, self.word_ids, self.word_starts = (), array(POSITION), array(POSITION)
        self._words_released = True

    @property
    def words_released(self) -> bool:
        """True once :meth:`release_words` has run: the index serves no second linking."""
        return self._words_released

    def _check_words(self) -> None:
        if self._words_released:
            raise RuntimeError("this index's words were released (release_words)")

    def _check_item_facts(self) -> None:
        if self._item_facts_released:
            raise RuntimeError("this index's item facts were released (release_item_facts)")

    def item_figures(self, start: int, end: int) -> list[Figure]:
        """An item's figures: the significant ones inside [start, end), each key once, in
        the order they appear.  Not shared between items: in a list of numbered lines every
        figure is new, and a table of them all cost more memory (10 MiB at 2 MB) than
        sharing the repeated ones saved."""
        self._check_item_facts()
        low = bisect_left(self.figure_starts, start)
        high = bisect_left(self.figure_starts, end, low)
        return figures_for_model(f for f in self._figures_between(low, high) if f[1] <= end)

    def dates_in(self, start: int, end: int) -> list[str]:
        """Dates, as written, that lie inside [start, end)."""
        self._check_item_facts()
        low = bisect_left(self.date_starts, start)
        high = bisect_left(self.date_starts, end)
        return [self.text[s:e] for s, e in self.dates[low:high] if e <= end]

    def hedge_hints_in(self, start: int, end: int) -> list[int]:
        """Hedge key-word positions inside [start, end), relative to ``start``."""
        self._check_item_facts()
        hints = self.find_hedge_hints()
        low = bisect_left(hints, start)
        high = bisect_left(hints, end, low)
        return [position - start for position in hints[low:high]]

    def sentences_overlapping(self, start: int, end: int) -> range:
        """Indexes of the sentences that overlap [start, end)."""
        low = bisect_right(self.sentence_starts, start) - 1
        if low < 0 or self.sentence_ends[low] <= start:
            low += 1
        high = bisect_left(self.sentence_starts, end)
        return range(max(0, low), high)

    def sentence_words(self, number: int) -> tuple[str, ...]:
        """The lower-cased words of one sentence."""
        self._check_words()
        return self.words[self.sentence_first_words[number] : self.sentence_last_words[number]]

    def words_in(self, start: int, end: int) -> tuple[str, ...]:
        """The lower-cased words inside [start, end)."""
        self._check_words()
        return self.words[bisect_left(self.word_starts, start) : bisect_left(self.word_starts, end)]


def _words_and_starts(
    lowered: str, chunk: int = _WORDS_CHUNK
) -> tuple[tuple[str, ...], array[int], array[int]]:
    """The words of the text, a number for each distinct word (where it first occurs), and
    where each word starts, from one regular-expression pass.

    Splitting on the word pattern alternates gaps and words; the running sum of the pieces'
    lengths gives each word's start, and the word numbers (both compact arrays: a megabyte
    has 150,000 words).  Repeated words are one string object each, and the words are a
    tuple, which the garbage collector stops walking once it has seen it (each full pass
    over a list of 1.6 million words, at 10 MB, cost ~30 ms).  Everything runs in C.

    The text is split ``chunk`` characters at a time, each cut just after a space (no word
    holds one), so what a split makes (a string per piece and an int per position, ~150
    bytes per word) is alive for one chunk only: at 10 MB, all at once, it was 240 MB,
    the import's peak.
    """
    first: dict[str, int] = {}  # a word's number: where it first occurs
    same: dict[str, str] = {}  # a word's one string object
    numbers = count()
    words: list[str] = []
    ids = array(POSITION)
    starts = array(POSITION)
    offset = 0
    while offset < len(lowered):
        cut = _SPACE.search(lowered, offset + chunk)
        end = len(lowered) if cut is None else cut.end()
        pieces = _WORD_OR_GAP.split(lowered[offset:end])
        found = pieces[1::2]
        ids.extend(map(first.setdefault, found, numbers))
        words += map(same.setdefault, found, found)
        starts.extend(list(accumulate(map(len, pieces), initial=offset))[1:-1:2])
        offset = end
    return tuple(words), ids, starts


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (marks included), paragraph by paragraph, in order."""
    regions: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if any(mark in line for mark in "\u201c\u201d\""):
            regions.extend((offset + start, offset + end) for start, end in quoted_spans(line))
        offset += len(line) + 1
    return regions
