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
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from briefing_app.core.anchoring import make_selector
from briefing_app.core.linking.evidence import SentenceEvidence
from briefing_app.core.linking.scoring import (
    MAX_LINKS_PER_ITEM,
    Scores,
    add_speaker_candidates,
    score_candidates,
)
from briefing_app.core.linking.statements import SpeakerStatements, Statements
from briefing_app.core.model import NO_ENTRIES, Brief, Item, Link, Selector
from briefing_app.core.second_process import run_beside
from briefing_app.core.sharing import checkpoint
from briefing_app.core.text.text_index import TextIndex

MIN_LINK_SCORE = 2.0
Choice = tuple[int, float, str, str]  # a link to make: sentence, score, reason's value, detail


def link_brief(
    brief: Brief,
    index: TextIndex | None = None,
    evidence: Callable[[], SentenceEvidence] | None = None,
) -> Brief:
    """Replace every item's links with freshly computed ones, in place.  ``index``, when
    given, must be the index of ``brief.article.text`` (the builder's, to reuse), and
    ``evidence``, when given, gives that index's sentence evidence: it is asked only once
    the speakers' statements are found, so it can be finishing in a second process.

    Choosing each item's links is the long part, and items are chosen for independently:
    where a second process is allowed (``second_process``), a forked child chooses for
    every other item while this process chooses for the rest.  The links themselves are
    made here, from the choices, so that a passage cited the same way by many items is
    still one shared object.  The index's words are released once the statements and the
    evidence are found: an index serves one import."""
    text = brief.article.text
    if index is None or index.words_released:  # (an index that served a linking is spent)
        index = TextIndex(text)
    checkpoint()
    speakers = SpeakerStatements(brief, index)
    statements = speakers.statements()
    checkpoint()
    made = _SharedLinks(text, index)
    items = [item for item in brief.items() if item.source is not None]
    for item in items:  # an item that is one whole sentence lends that sentence its selector
        made.reuse(item.source, index.sentences_overlapping(item.source.start, item.source.end))
    found = SentenceEvidence(index) if evidence is None else evidence()
    index.release_words()  # (what is left reads sentences and figures only)
    checkpoint()
    choose = partial(
        _choose_links, index=index, evidence=found, speakers=speakers, statements=statements
    )
    # every other item each, so both halves hold as many quotes (the costliest to choose for)
    even, odd = items[0::2], items[1::2]
    with run_beside(partial(_packed, choose, odd), len(text)) as beside:
        _give_links(even, choose(even), made)
        odd_choices = beside.result()
    # what choosing needed (the evidence: 40 MB at 10 MB) goes before the rest are made
    del beside, choose, found, speakers, statements
    _give_links(odd, odd_choices, made)
    return brief


def _give_links(items: list[Item], chosen: Iterable[list[Choice]], made: _SharedLinks) -> None:
    for item, choices in zip(items, chosen, strict=True):
        # (an item with no links shares the one empty list rather than holding its own)
        item.links = [made.link(*choice) for choice in choices] or NO_ENTRIES


def _choose_links(
    items: list[Item],
    *,
    index: TextIndex,
    evidence: SentenceEvidence,
    speakers: SpeakerStatements,
    statements: Statements,
) -> Iterator[list[Choice]]:
    """Each item's links to make, strongest first, item by item: plain values, which a
    second process sends back in a moment (:class:`PackedChoices`)."""
    mention_positions = [position for position, _ in speakers.mentions]
    for item in items:
        checkpoint()
        own = item.source
        assert own is not None  # (the caller passes only items whose text was found)
        own_sentences = index.sentences_overlapping(own.start, own.end)
        scores = score_candidates(own_sentences, evidence)
        reported = _reported(speakers, mention_positions, item, own)
        add_speaker_candidates(scores, reported, statements, own_sentences)
        yield _best_links(own_sentences, scores)


def _packed(
    choose: Callable[[list[Item]], Iterable[list[Choice]]], items: list[Item]
) -> PackedChoices:
    return PackedChoices(choose(items))


class PackedChoices:
    """Items' choices as a second process sends them back: each value's column as one
    array or list, and where each item's choices end.  Why: as a list of tuples per item,
    the choices for half of a 10 MB article's items were 550,000 objects (24 MB) to
    unpickle, alive while the links were made, at the import's peak."""

    __slots__ = ("_details", "_ends", "_numbers", "_reasons", "_scores")

    def __init__(self, chosen: Iterable[list[Choice]]) -> None:
        self._numbers, self._scores = array("q"), array("d")
        self._reasons: list[str] = []  # (a few distinct strings: pickled once each)
        self._details: list[str] = []
        self._ends = array("q")
        for choices in chosen:
            for number, score, reason, detail in choices:
                self._numbers.append(number)
                self._scores.append(score)
                self._reasons.append(reason)
                self._details.append(detail)
            self._ends.append(len(self._numbers))

    def __iter__(self) -> Iterator[list[Choice]]:
        """Each item's choices, as :func:`_choose_links` gave them."""
        start = 0
        for end in self._ends:
            yield list(
                zip(
                    self._numbers[start:end], self._scores[start:end],
                    self._reasons[start:end], self._details[start:end], strict=True,
                )
            )
            start = end


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
        self._links: dict[tuple[int, str, str, float], Link] = {}

    def reuse(self, selector: Selector, sentences: range) -> None:
        """Cite sentence ``sentences[0]`` by ``selector`` when it spans exactly that one."""
        if len(sentences) == 1:
            number = sentences.start
            index = self.index
            span = (index.sentence_starts[number], index.sentence_ends[number])
            if span == (selector.start, selector.end):
                self._selectors.setdefault(number, selector)

    def link(self, number: int, score: float, reason: str, detail: str) -> Link:
        """The link to sentence ``number`` for this reason, detail and score."""
        key = (number, reason, detail, score)
        link = self._links.get(key)
        if link is None:
            selector = self._selectors.get(number)
            if selector is None:
                index = self.index
                start, end = index.sentence_starts[number], index.sentence_ends[number]
                selector = make_selector(self.text, start, end)
                self._selectors[number] = selector
            link = self._links[key] = Link.lean(selector, reason, detail, round(score, 3))
        return link


def _best_links(own_sentences: range, scores: Scores) -> list[Choice]:
    """The strongest candidates outside the item's own span, strongest first; equal scores
    in reading order.  Only the top few are wanted, so they are picked, not sorted."""
    ranked = [
        (-total, number)
        for number, total in scores.total.items()
        if total >= MIN_LINK_SCORE and number not in own_sentences
    ]
    if len(ranked) > MAX_LINKS_PER_ITEM:
        ranked = heapq.nsmallest(MAX_LINKS_PER_ITEM, ranked)
    else:
        ranked.sort()
    strongest = scores.strongest
    return [
        (number, -negative, strongest[number][1], strongest[number][2])
        for negative, number in ranked
    ]
