"""Inverted indexes over an article's sentences: six-word runs, figures, quoted words.

Why inverted indexes: an item's corroborating passages are the sentences that share a rare
figure, a long run of wording or quoted words with it.  Looking each of those up in a
posting list keeps linking linear in the article's length, where comparing every item with
every sentence would be quadratic.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import accumulate, compress, count, islice
from operator import sub

from briefing_app.core.sharing import checkpoint
from briefing_app.core.text.text_index import POSITION, TextIndex
from briefing_app.core.text.words import STOPWORDS

SHINGLE_WORDS = 6
MAX_STOPWORDS_IN_RUN = 3  # a run needs at least three content words to be evidence
MAX_POSTINGS = 12  # a phrase or figure in more places than this is boilerplate, not evidence


class Rows:
    """A list of rows of ints kept as one flat array and where each row starts: what a
    second process sends back as two byte strings, and what holds no int object of its
    own (a row is made when asked for).  Why: each sentence's shared runs, as tuples, were
    600,000 ints and 100,000 tuples at 10 MB, unpickled on the import's longer path."""

    __slots__ = ("_flat", "_starts")

    def __init__(self, rows: Iterable[Iterable[int]], typecode: str = POSITION) -> None:
        """Rows of ``typecode`` values (the array type: by default a sentence's or a run's
        number, "q" for hashes)."""
        self._flat = flat = array(typecode)
        self._starts = starts = array(POSITION, [0])
        for row in rows:
            flat.extend(row)
            starts.append(len(flat))

    def flat(self) -> array[int]:
        """Every row's ints, one row after another."""
        return self._flat

    def __getitem__(self, number: int) -> array[int]:
        return self._flat[self._starts[number] : self._starts[number + 1]]

    def __len__(self) -> int:
        return len(self._starts) - 1


class SentenceEvidence:
    """Inverted indexes over the article's sentences: shingles, figures and quoted words.

    A six-word run is found by one integer, the hash of its words' numbers in the article's
    vocabulary (ints hash the same in every process, unlike strings), and only runs that
    occur in two to ``MAX_POSTINGS`` sentences are kept: a run found once ties a sentence to
    nothing, and 99% of runs are found once.  Each kept run is then numbered, so that
    ``by_shingle`` is rows (a run's sentences are row ``n``), not a dict of tuples.
    """

    def __init__(self, index: TextIndex, found: EvidenceIndexes | None = None) -> None:
        """The indexes of ``index``'s sentences; ``found``, when given, is what
        :func:`evidence_indexes` gave for that index (computed elsewhere, in a second
        process), taken as it is."""
        self.index = index
        if found is None:
            found = evidence_indexes(index)
        self.by_figure, self.sentence_shingles, self.by_shingle, self.quoted_pairs = found


EvidenceIndexes = tuple[
    dict[str, tuple[int, ...]],
    Rows,
    Rows,
    dict[int, list[tuple[int, str]]],
]


def evidence_indexes(index: TextIndex) -> EvidenceIndexes:
    """:class:`SentenceEvidence`'s indexes alone (figures, shingles per sentence and per
    run, quoted pairs): plain values, which a second process can send back in a moment,
    where the index they are built from is the size of the article many times over."""
    by_figure = _shared_figures(index)
    checkpoint()
    sentence_shingles, by_shingle = _shared_shingles(index)
    checkpoint()
    return by_figure, sentence_shingles, by_shingle, _quoted_word_pairs(index)


def _shared_figures(index: TextIndex) -> dict[str, tuple[int, ...]]:
    """Per figure found in two to ``MAX_POSTINGS`` sentences, the sentences that hold it.

    A figure found in one sentence ties it to nothing, and one found everywhere is
    boilerplate: neither is kept (a list of 150,000 figures each found once was a fifth of
    the linker's memory).
    """
    found_in = Counter(key for figures in index.sentence_figures for key, _ in figures)
    by_figure: dict[str, list[int]] = defaultdict(list)
    for number, figures in enumerate(index.sentence_figures):
        for key, _ in figures:
            if 1 < found_in[key] <= MAX_POSTINGS:
                by_figure[key].append(number)
    return {key: tuple(numbers) for key, numbers in by_figure.items()}


def _shared_shingles(index: TextIndex) -> tuple[Rows, Rows]:
    """Per sentence, its six-word runs (with at least three content words) that some other
    sentence shares; and per run, the sentences that hold it.

    Every step over the ~150,000 runs of a megabyte runs in C (zip, map, compress, Counter);
    Python only touches the few runs that are shared.  This is the linker's hottest part.
    What is kept is compact rows and tuples of ints, which the collector does not walk.
    """
    ids = index.word_ids
    # (compact arrays, not lists of ints: at 10 MB each list was 64 MB, walked by every
    # full pass of the garbage collector)
    stops_before = array(POSITION, accumulate(map(STOPWORDS.__contains__, index.words), initial=0))
    stops_in_run = map(sub, islice(stops_before, SHINGLE_WORDS, None), stops_before)
    counts = bytes(map(MAX_STOPWORDS_IN_RUN.__ge__, stops_in_run))  # run i is evidence
    del stops_before
    # (islice, not slices: six copies of the article's word numbers were 78 MB at 10 MB)
    shifted = (islice(ids, shift, None) for shift in range(SHINGLE_WORDS))
    runs = array("q", map(hash, zip(*shifted, strict=False)))  # run i: words i .. i + 5
    # each sentence's runs, once each (a set per sentence would cost ~500 bytes, kept
    # for the whole pass, and a tuple 40 per run, its int included: a row costs 8)
    per_sentence = Rows(
        (
            set(compress(runs[first:end], counts[first:end]))
            for first, last in zip(
                index.sentence_first_words, index.sentence_last_words, strict=True
            )
            for end in (max(first, last - SHINGLE_WORDS + 1),)
        ),
        "q",
    )
    del runs
    found_in = Counter(per_sentence.flat())
    # each shared run's number (in the order first counted), which stands for it from here
    shared = dict(
        zip((run for run, found in found_in.items() if 1 < found <= MAX_POSTINGS), count())
    )
    del found_in  # (a count per distinct run: 40 MB at 10 MB)
    postings: list[list[int]] = [[] for _ in range(len(shared))]
    sentence_shingles = Rows(_shared_runs(per_sentence, shared, postings))
    del per_sentence, shared
    return sentence_shingles, Rows(postings)


def _shared_runs(
    per_sentence: Rows, shared: dict[int, int], postings: list[list[int]]
) -> Iterator[tuple[int, ...]]:
    """The numbers of each sentence's runs that are ``shared``, noting the sentence in
    their postings."""
    for number in range(len(per_sentence)):
        grams = per_sentence[number]
        mine = tuple(map(shared.__getitem__, shared.keys() & grams)) if grams else ()
        for run in mine:
            postings[run].append(number)
        yield mine


def _quoted_word_pairs(index: TextIndex) -> dict[int, list[tuple[int, str]]]:
    """Sentence pairs sharing quoted words: a partial quote in the body ("called the offer
    “unacceptable”") and the quote card that contains those words.  Each side gets the other.

    Only the words of quoted fragments are looked up, so only they are indexed.
    """
    pairs: dict[int, list[tuple[int, str]]] = defaultdict(list)
    fragments = [
        (start, end, meaningful)
        for start, end in index.quoted_regions
        for meaningful in ([w for w in index.words_in(start, end) if w not in STOPWORDS],)
        if meaningful and len(" ".join(meaningful)) >= 5
    ]
    wanted = {word for _, _, meaningful in fragments for word in meaningful}
    by_word: dict[str, list[int]] = defaultdict(list)
    words = index.words
    for number, (first, last) in enumerate(
        zip(index.sentence_first_words, index.sentence_last_words, strict=True)
    ):
        for word in wanted.intersection(words[first:last]):
            by_word[word].append(number)
    for start, end, meaningful in fragments:
        _pair_fragment(index, by_word, start, end, meaningful, pairs)
    return pairs


def _pair_fragment(
    index: TextIndex,
    by_word: dict[str, list[int]],
    start: int,
    end: int,
    meaningful: list[str],
    pairs: dict[int, list[tuple[int, str]]],
) -> None:
    fragment_words = index.words_in(start, end)
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
