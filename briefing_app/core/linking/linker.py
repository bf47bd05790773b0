"""Link each item to the places elsewhere in the article that support it.

Why these signals: a newsroom states a fact two or three times (lede, body, section), and what
ties the restatements together is the figure ("1,240"), a long run of shared wording, the
same quoted words, or the same speaker being reported ("Okafor said…", "He said…").
Common words never link on their own.  Every signal is looked up in an inverted index over
sentences, so linking stays linear in the article's length; a figure or phrase found in too
many places is boilerplate and ignored.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import chain, combinations

from briefing_app.core.anchoring import make_selector
from briefing_app.core.linking.evidence import (
    MAX_POSTINGS,
    SHINGLE_WORDS,
    SentenceEvidence,
)
from briefing_app.core.linking.statements import SpeakerStatements, Statements
from briefing_app.core.model import Brief, Item, Link, LinkReason, Selector
from briefing_app.core.text.text_index import TextIndex, text_index

MAX_LINKS_PER_ITEM = 8
MIN_LINK_SCORE = 2.0
SPEAKER_SCORE = 2.5


class _Candidate:
    """A sentence's evidence for one item: the total score, and the reason and detail of
    its strongest single signal (the first one, where two are equally strong)."""

    __slots__ = ("best", "detail", "reason", "score")

    def __init__(self) -> None:
        self.score = 0.0
        self.best = 0.0
        self.reason = LinkReason.SHARED_WORDS
        self.detail = ""

    def add(self, score: float, reason: LinkReason, detail: str) -> None:
        self.score += score
        if score > self.best:
            self.best, self.reason, self.detail = score, reason, detail


def link_brief(brief: Brief) -> Brief:
    """Replace every item's links with freshly computed ones, in place."""
    text = brief.article.text
    index = text_index(text)
    evidence = SentenceEvidence(index)
    speakers = SpeakerStatements(brief, index)
    statements = speakers.statements()
    mention_positions = [position for position, _ in speakers.mentions]
    made = _SharedLinks(text, index)
    for item in brief.items():
        own = item.source
        if own is None:
            continue
        own_sentences = index.sentences_overlapping(own.start, own.end)
        candidates = _score_candidates(own_sentences, evidence)
        reported = _reported(speakers, mention_positions, item, own)
        _add_speaker_candidates(candidates, reported, statements, own_sentences)
        item.links = _best_links(own_sentences, candidates, made)
    return brief


def _reported(
    speakers: SpeakerStatements, positions: list[int], item: Item, own: Selector
) -> tuple[str, ...]:
    """The speakers an item reports: its own speaker first, then those its text reports, in
    reading order (a fixed order, so equal evidence is always credited to the same one)."""
    low, high = bisect_left(positions, own.start), bisect_left(positions, own.end)
    found = [item.speaker.name] if item.speaker is not None else []
    found += (speakers.mentions[i][1] for i in range(low, high))
    return tuple(dict.fromkeys(found))


class _SharedLinks:
    """One selector per cited sentence and one link per (sentence, reason, detail, score):
    a passage cited the same way by several items is one shared, unchanging object."""

    def __init__(self, text: str, index: TextIndex) -> None:
        self.text = text
        self.index = index
        self._selectors: dict[int, Selector] = {}
        self._links: dict[tuple[int, LinkReason, str, float], Link] = {}

    def link(self, number: int, candidate: _Candidate) -> Link:
        """The link to sentence ``number`` for this candidate's reason and score."""
        key = (number, candidate.reason, candidate.detail, candidate.score)
        link = self._links.get(key)
        if link is None:
            selector = self._selectors.get(number)
            if selector is None:
                sentence = self.index.sentences[number]
                selector = make_selector(self.text, sentence.start, sentence.end)
                self._selectors[number] = selector
            link = self._links[key] = Link(
                selector=selector,
                reason=candidate.reason,
                detail=candidate.detail,
                score=round(candidate.score, 3),
            )
        return link


def _best_links(
    own_sentences: range, candidates: dict[int, _Candidate], made: _SharedLinks
) -> list[Link]:
    """The strongest candidates outside the item's own span, strongest first; equal scores
    in reading order.  Only the top few are wanted, so they are picked, not sorted."""
    ranked = [
        (-candidate.score, number)
        for number, candidate in candidates.items()
        if candidate.score >= MIN_LINK_SCORE and number not in own_sentences
    ]
    if len(ranked) > MAX_LINKS_PER_ITEM:
        ranked = heapq.nsmallest(MAX_LINKS_PER_ITEM, ranked)
    else:
        ranked.sort()
    return [made.link(number, candidates[number]) for _, number in ranked]


def _score_candidates(own_sentences: range, evidence: SentenceEvidence) -> dict[int, _Candidate]:
    """Sentences outside the item that repeat its figures, a run of its wording or its
    quoted words.  (The item's own sentences are never its evidence.)"""
    index = evidence.index
    candidates: dict[int, _Candidate] = defaultdict(_Candidate)
    if len(own_sentences) == 1:
        figures = index.sentences[own_sentences.start].figures
        shingles = evidence.sentence_shingles[own_sentences.start]
    else:
        figures = {}
        shingles = set()
        for number in own_sentences:
            figures.update(index.sentences[number].figures)
            shingles.update(evidence.sentence_shingles[number])
    for key, written in figures.items():
        postings = evidence.by_figure[key]
        if len(postings) <= MAX_POSTINGS:
            for number in postings:
                if number not in own_sentences:
                    candidates[number].add(3.0, LinkReason.FIGURE, written)
    if shingles:
        # how many of the item's runs each sentence holds, counted in C
        shared = Counter(chain.from_iterable(map(evidence.by_shingle.__getitem__, shingles)))
        for number, count in shared.items():
            if number not in own_sentences:
                candidates[number].add(
                    min(5.0, 2.0 + 0.25 * (count - 1)),
                    LinkReason.SHARED_WORDS,
                    f"{count + SHINGLE_WORDS - 1} words in common",
                )
    for number in own_sentences:
        for other, detail in evidence.quoted_pairs.get(number, ()):
            if other not in own_sentences:
                candidates[other].add(4.0, LinkReason.QUOTED_WORDS, detail)
    return candidates


def _add_speaker_candidates(
    candidates: dict[int, _Candidate],
    reported: tuple[str, ...],
    statements: Statements,
    own_sentences: range,
) -> None:
    """Credit the sentences that report the item's speakers, 2.5 per speaker reported.

    Scoring every statement of every speaker for every item is quadratic: a person quoted
    300 times has 300 items, each with 300 statements.  The result is the same when only
    these are scored: statements already tied to the item by other evidence; statements
    reporting two of its speakers (they outscore any single report); and each speaker's
    earliest statements, as many as an item keeps links.  Every other statement scores 2.5
    and comes later than those, so it could never make the item's top links.
    """
    if not reported:
        return
    for number, candidate in candidates.items():
        for name in statements.reporting(number, reported):
            candidate.add(SPEAKER_SCORE, LinkReason.SPEAKER, name)
    shared: list[int] = []
    for pair in combinations(sorted(reported), 2):
        shared += statements.by_pair.get(pair, ())
    for number in shared:
        if number not in candidates:
            _credit_speakers(candidates, number, reported, statements)
    for name in reported:
        taken = 0
        for number in statements.by_name.get(name, ()):
            if number in candidates:
                continue
            _credit_speakers(candidates, number, reported, statements)
            if number not in own_sentences:
                taken += 1
                if taken >= MAX_LINKS_PER_ITEM:
                    break


def _credit_speakers(
    candidates: dict[int, _Candidate],
    number: int,
    reported: tuple[str, ...],
    statements: Statements,
) -> None:
    candidate = candidates[number]
    for name in statements.reporting(number, reported):
        candidate.add(SPEAKER_SCORE, LinkReason.SPEAKER, name)
