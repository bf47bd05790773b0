"""Link each item to the places elsewhere in the article that support it.

Why these signals: a newsroom states a fact two or three times (lede, body, section), and what
ties the restatements together is the figure ("1,240"), a long run of shared wording, the
same quoted words, or the same speaker being reported ("Okafor said…", "He said…").
Common words never link on their own.  Every signal is looked up in an inverted index over
sentences, so linking stays linear in the article's length; a figure or phrase found in too
many places is boilerplate and ignored.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from briefing_app.core.anchoring import make_selector
from briefing_app.core.linking.evidence import (
    MAX_POSTINGS,
    SHINGLE_WORDS,
    SentenceEvidence,
)
from briefing_app.core.linking.statements import SpeakerStatements
from briefing_app.core.model import Brief, Item, Link, LinkReason, Selector
from briefing_app.core.text.text_index import TextIndex, text_index

MAX_LINKS_PER_ITEM = 8
MIN_LINK_SCORE = 2.0


@dataclass
class _Candidate:
    score: float = 0.0
    reason: LinkReason = LinkReason.SHARED_WORDS
    detail: str = ""
    best: float = 0.0

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
        reported = _reported(speakers, mention_positions, item, own)
        candidates = _score_candidates(item, own, evidence, statements, reported)
        item.links = _best_links(index, own, candidates, made)
    return brief


def _reported(
    speakers: SpeakerStatements, positions: list[int], item: Item, own: Selector
) -> set[str]:
    low, high = bisect_left(positions, own.start), bisect_left(positions, own.end)
    found = {speakers.mentions[i][1] for i in range(low, high)}
    if item.speaker is not None:
        found.add(item.speaker.name)
    return found


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
    index: TextIndex,
    own: Selector,
    candidates: dict[int, _Candidate],
    made: _SharedLinks,
) -> list[Link]:
    ranked = sorted(
        candidates.items(), key=lambda pair: (-pair[1].score, index.sentences[pair[0]].start)
    )
    links: list[Link] = []
    for number, candidate in ranked:
        sentence = index.sentences[number]
        overlaps_own = sentence.start < own.end and own.start < sentence.end
        if candidate.score < MIN_LINK_SCORE or overlaps_own:
            continue
        link = made.link(number, candidate)
        links.append(link)
        if len(links) >= MAX_LINKS_PER_ITEM:
            break
    return links


def _score_candidates(
    item: Item,
    own: Selector,
    evidence: SentenceEvidence,
    statements: dict[str, list[int]],
    reported: set[str],
) -> dict[int, _Candidate]:
    index = evidence.index
    candidates: dict[int, _Candidate] = defaultdict(_Candidate)
    sentences = index.sentences_overlapping(own.start, own.end)
    figures: dict[str, str] = {}
    shingles: set[tuple[str, ...]] = set()
    for number in sentences:
        figures.update(index.sentences[number].figures)
        shingles.update(evidence.sentence_shingles[number])
    for key, written in figures.items():
        postings = evidence.by_figure.get(key, ())
        if len(postings) <= MAX_POSTINGS:
            for number in postings:
                candidates[number].add(3.0, LinkReason.FIGURE, written)
    shared: dict[int, int] = defaultdict(int)
    for gram in shingles:
        postings = evidence.by_shingle.get(gram, ())
        if len(postings) <= MAX_POSTINGS:
            for number in postings:
                shared[number] += 1
    for number, count in shared.items():
        run = count + SHINGLE_WORDS - 1
        candidates[number].add(
            min(5.0, 2.0 + 0.25 * (count - 1)), LinkReason.SHARED_WORDS, f"{run} words in common"
        )
    for number in sentences:
        for other, detail in evidence.quoted_pairs.get(number, ()):
            candidates[other].add(4.0, LinkReason.QUOTED_WORDS, detail)
    for name in reported:
        for number in statements.get(name, ()):
            candidates[number].add(2.5, LinkReason.SPEAKER, name)
    return candidates
