"""Inverted indexes over an article's sentences: six-word runs, figures, quoted words.

Why inverted indexes: an item's corroborating passages are the sentences that share a rare
figure, a long run of wording or quoted words with it.  Looking each of those up in a
posting list keeps linking linear in the article's length, where comparing every item with
every sentence would be quadratic.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import accumulate

from briefing_app.core.text.text_index import TextIndex

SHINGLE_WORDS = 6
MAX_POSTINGS = 12  # a phrase or figure in more places than this is boilerplate, not evidence
STOPWORDS = frozenset(
    (
        "a an the and or but of to in on at for by with from as is are was were be been being "
        "it its this that these those he she they we you i his her their our your my not no so "
        "if than then there here which who whom whose what when where why how all any each more "
        "most some such only also very can could would should will may might must do does did "
        "has have had said says about into over after before up down out off again just"
    ).split()
)


class SentenceEvidence:
    """Inverted indexes over the article's sentences: shingles, figures and quoted words."""

    def __init__(self, index: TextIndex) -> None:
        self.index = index
        self.by_shingle: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.by_figure: dict[str, list[int]] = defaultdict(list)
        self.sentence_shingles: list[list[tuple[str, ...]]] = []
        content_before = [0, *accumulate(word not in STOPWORDS for word in index.words)]
        for number, sentence in enumerate(index.sentences):
            shingles = _shingles(
                index.words, content_before, sentence.first_word, sentence.last_word
            )
            self.sentence_shingles.append(shingles)
            for gram in shingles:
                postings = self.by_shingle[gram]
                if not postings or postings[-1] != number:
                    postings.append(number)
            for key in sentence.figures:
                self.by_figure[key].append(number)
        self.quoted_pairs = _quoted_word_pairs(index)


def _shingles(
    words: list[str], content_before: list[int], first: int, last: int
) -> list[tuple[str, ...]]:
    """Six-word runs of a sentence that carry at least three content words.

    ``content_before[i]`` counts content words before word ``i``, so a run's count is one
    subtraction; zip builds the runs in C.  This is the linker's hottest loop.
    """
    span = words[first:last]
    runs = zip(span, span[1:], span[2:], span[3:], span[4:], span[5:], strict=False)
    return [
        run
        for position, run in enumerate(runs, start=first)
        if content_before[position + SHINGLE_WORDS] - content_before[position] >= 3
    ]


def _quoted_word_pairs(index: TextIndex) -> dict[int, list[tuple[int, str]]]:
    """Sentence pairs sharing quoted words: a partial quote in the body ("called the offer
    “unacceptable”") and the quote card that contains those words.  Each side gets the other.
    """
    pairs: dict[int, list[tuple[int, str]]] = defaultdict(list)
    by_word: dict[str, list[int]] = defaultdict(list)
    for number, sentence in enumerate(index.sentences):
        for word in set(index.words[sentence.first_word : sentence.last_word]):
            if word not in STOPWORDS:
                by_word[word].append(number)
    for start, end in index.quoted_regions:
        _pair_fragment(index, by_word, start, end, pairs)
    return pairs


def _pair_fragment(
    index: TextIndex,
    by_word: dict[str, list[int]],
    start: int,
    end: int,
    pairs: dict[int, list[tuple[int, str]]],
) -> None:
    fragment_words = index.words_in(start, end)
    meaningful = [word for word in fragment_words if word not in STOPWORDS]
    if not meaningful or len(" ".join(meaningful)) < 5:
        return
    rarest = min(meaningful, key=lambda word: len(by_word.get(word, ())))
    postings = by_word.get(rarest, ())
    if len(postings) > MAX_POSTINGS:
        return
    owners = index.sentences_overlapping(start, end)
    if not owners:
        return
    home = owners.start
    needle = f" {' '.join(fragment_words)} "
    shown = index.text[start:end].strip('\u201c\u201d"\u201e\u00ab\u00bb ,.')
    detail = f"\u201c{shown}\u201d"
    for number in postings:
        if number in owners:
            continue
        if needle in f" {' '.join(index.sentence_words(number))} ":
            pairs[number].append((home, detail))
            pairs[home].append((number, detail))
