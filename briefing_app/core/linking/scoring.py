"""Score the sentences that could corroborate one item: figures, wording, quotes, speakers.

Why a module of its own: this runs once per item (thousands of times in a long article), so
it is written for speed: scores live in two flat dicts rather than an object per candidate,
shared six-word runs are counted in C, and a speaker's statements are looked at only as far
as they can still reach the item's top links (see :func:`add_speaker_candidates`).
"""

from __future__ import annotations

from collections import Counter
from itertools import chain, combinations

from briefing_app.core.linking.evidence import SHINGLE_WORDS, SentenceEvidence
from briefing_app.core.linking.statements import Statements
from briefing_app.core.model import LinkReason

MAX_LINKS_PER_ITEM = 8
FIGURE_SCORE = 3.0
QUOTED_WORDS_SCORE = 4.0
SPEAKER_SCORE = 2.5
_NOTHING: frozenset[int] = frozenset()
# Reasons as their plain string values (``Link.lean`` takes either): a tuple holding only
# plain values is one the garbage collector stops tracking, and a long article holds
# hundreds of thousands of signals, choices and link keys (an enum member is an object the
# collector walks, and so is every tuple holding one).
_FIGURE, _SHARED, _QUOTED, _SPEAKER = (
    LinkReason.FIGURE.value,
    LinkReason.SHARED_WORDS.value,
    LinkReason.QUOTED_WORDS.value,
    LinkReason.SPEAKER.value,
)


def _shared_words_signal(count: int) -> tuple[float, str]:
    """The score and detail of ``count`` shared six-word runs: 2 for one, up to 5."""
    return min(5.0, 2.0 + 0.25 * (count - 1)), f"{count + SHINGLE_WORDS - 1} words in common"


_SHARED_WORDS = [_shared_words_signal(count) for count in range(64)]

Signal = tuple[float, str, str]  # score, a LinkReason's value, detail


class Scores:
    """Each candidate sentence's total score, and its strongest single signal (score,
    reason, detail; the first of equally strong ones), which names the link's reason."""

    __slots__ = ("strongest", "total")

    def __init__(self) -> None:
        self.total: dict[int, float] = {}
        self.strongest: dict[int, Signal] = {}

    def credit(self, number: int, score: float, reason: str, detail: str) -> None:
        """Add one signal's score to sentence ``number``."""
        total = self.total.get(number)
        if total is None:
            self.total[number] = score
            self.strongest[number] = (score, reason, detail)
        else:
            self.total[number] = total + score
            if score > self.strongest[number][0]:
                self.strongest[number] = (score, reason, detail)


def score_candidates(own_sentences: range, evidence: SentenceEvidence) -> Scores:
    """Sentences outside the item that repeat its figures, a run of its wording or its
    quoted words.  (The item's own sentences are never its evidence.)"""
    index = evidence.index
    scores = Scores()
    credit = scores.credit
    if len(own_sentences) == 1:
        figures = index.sentence_figures[own_sentences.start]
        shingles = evidence.sentence_shingles[own_sentences.start]
    else:
        merged: dict[str, str] = {}  # each figure once (its last sentence's spelling)
        shingles = set()
        for number in own_sentences:
            merged.update(index.sentence_figures[number])
            shingles.update(evidence.sentence_shingles[number])
        figures = tuple(merged.items())
    for key, written in figures:
        for number in evidence.by_figure.get(key, ()):  # (only figures found elsewhere)
            if number not in own_sentences:
                credit(number, FIGURE_SCORE, _FIGURE, written)
    if shingles:
        # how many of the item's runs each sentence holds, counted in C
        shared = Counter(chain.from_iterable(map(evidence.by_shingle.__getitem__, shingles)))
        for number, count in shared.items():
            if number not in own_sentences:
                score, detail = (
                    _SHARED_WORDS[count] if count < len(_SHARED_WORDS)
                    else _shared_words_signal(count)
                )
                credit(number, score, _SHARED, detail)
    for number in own_sentences:
        for other, detail in evidence.quoted_pairs.get(number, ()):
            if other not in own_sentences:
                credit(other, QUOTED_WORDS_SCORE, _QUOTED, detail)
    return scores


def add_speaker_candidates(
    scores: Scores, reported: tuple[str, ...], statements: Statements, own_sentences: range
) -> None:
    """Credit the sentences that report the item's speakers, 2.5 per speaker reported.

    Scoring every statement of every speaker for every item is quadratic: a person quoted
    300 times has 300 items, each with 300 statements.  The result is the same when only
    these are scored: statements already tied to the item by other evidence; statements
    reporting two of its speakers (they outscore any single report; for an item with two
    speakers, the earliest few); and each speaker's earliest statements, as many as an item
    keeps links.  Every other statement scores no more, and comes later, than enough of
    those to fill the item's links, so it could never make its top links.
    """
    if not reported:
        return
    if len(reported) == 1:
        _add_one_speaker(scores, reported[0], statements, own_sentences)
        return
    for number in list(scores.total):
        for name in statements.reporting(number, reported):
            scores.credit(number, SPEAKER_SCORE, _SPEAKER, name)
    # Sentences reporting two of them.  With exactly two speakers all of these score the
    # same, so the earliest few are enough; with more, one may report three, so all count.
    for pair in combinations(sorted(reported), 2):
        taken = 0
        for number in statements.by_pair.get(pair, ()):
            if number in scores.total:
                continue
            for name in statements.reporting(number, reported):
                scores.credit(number, SPEAKER_SCORE, _SPEAKER, name)
            if len(reported) == 2 and number not in own_sentences:
                taken += 1
                if taken >= MAX_LINKS_PER_ITEM:
                    break
    for name in reported:
        taken = 0
        for number in statements.by_name.get(name, ()):
            if number in scores.total:
                continue
            for reporter in statements.reporting(number, reported):
                scores.credit(number, SPEAKER_SCORE, _SPEAKER, reporter)
            if number not in own_sentences:
                taken += 1
                if taken >= MAX_LINKS_PER_ITEM:
                    break


def _add_one_speaker(
    scores: Scores, name: str, statements: Statements, own_sentences: range
) -> None:
    """The common case: an item reporting one speaker, whose statements are each credited
    once (no sentence can report two of the item's speakers)."""
    credit = scores.credit
    for number in statements.sets.get(name, _NOTHING).intersection(scores.total):
        credit(number, SPEAKER_SCORE, _SPEAKER, name)
    taken = 0
    signal = (SPEAKER_SCORE, _SPEAKER, name)
    for number in statements.by_name.get(name, ()):
        if number in scores.total:
            continue
        scores.total[number] = SPEAKER_SCORE
        scores.strongest[number] = signal
        if number not in own_sentences:
            taken += 1
            if taken >= MAX_LINKS_PER_ITEM:
                break
