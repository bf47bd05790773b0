"""Link each item to the places elsewhere in the article that support it.

Why these signals: a newsroom states a fact two or three times (lede, body, section), and what
ties the restatements together is the figure ("1,240"), a long run of shared wording, the
same quoted words, or the same speaker being reported ("Okafor said…", "He said…").
Common words never link on their own; each signal is looked up in an inverted index over
sentences so linking stays linear in the article's length, and a figure or phrase that
appears in too many places is treated as noise and ignored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from briefing_app.core.anchoring import make_selector
from briefing_app.core.attribution import SPEECH_VERBS, is_person_name, quoted_words
from briefing_app.core.facts import find_figures
from briefing_app.core.model import Brief, Item, LinkReason, Selector
from briefing_app.core.sentences import sentence_spans, words

SHINGLE_WORDS = 6
MAX_LINKS_PER_ITEM = 8
MIN_LINK_SCORE = 2.0
_MAX_POSTINGS = 12  # a phrase or figure in more places than this is boilerplate, not evidence
_STOPWORDS = frozenset(
    (
        "a an the and or but of to in on at for by with from as is are was were be been being "
        "it its this that these those he she they we you i his her their our your my not no so "
        "if than then there here which who whom whose what when where why how all any each more "
        "most some such only also very can could would should will may might must do does did "
        "has have had said says about into over after before up down out off again just"
    ).split()
)
_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b|[\u201c\u201d\"]", re.IGNORECASE)
_SPEECH_WINDOW = 90  # characters after a name within which a speech verb makes it a statement
_PRONOUN_SPEECH = re.compile(
    rf"\b(?:he|she|they)\s+(?:{SPEECH_VERBS})\b|\b(?:{SPEECH_VERBS})\s+(?:he|she|they)\b",
    re.IGNORECASE,
)


@dataclass
class _Unit:
    start: int
    end: int
    words: list[str]
    figures: dict[str, str] = field(default_factory=dict)
    quotes: list[str] = field(default_factory=list)


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


def _shingles(tokens: list[str]) -> list[tuple[str, ...]]:
    result = []
    for index in range(len(tokens) - SHINGLE_WORDS + 1):
        gram = tuple(tokens[index : index + SHINGLE_WORDS])
        if sum(1 for word in gram if word not in _STOPWORDS) >= 3:
            result.append(gram)
    return result


class _Index:
    """Sentences of the article with inverted indexes on shingles, figures and quoted words."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.units: list[_Unit] = []
        self.by_shingle: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.by_figure: dict[str, list[int]] = defaultdict(list)
        self.quote_by_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for start, end in sentence_spans(text):
            while start < end and text[start] in "\u2022 ":
                start += 1
            if start < end:
                self._add(start, end)

    def _add(self, start: int, end: int) -> None:
        sentence = self.text[start:end]
        number = len(self.units)
        unit = _Unit(start, end, words(sentence))
        for figure in find_figures(sentence):
            if figure.significant:
                unit.figures.setdefault(figure.key, figure.text)
        for key in unit.figures:
            self.by_figure[key].append(number)
        for gram in set(_shingles(unit.words)):
            self.by_shingle[gram].append(number)
        for fragment in quoted_words(sentence):
            normal = " ".join(words(fragment))
            if len(normal) >= 5:
                unit.quotes.append(normal)
                self.quote_by_word[normal.split()[0]].append((number, normal))
        for word in set(unit.words):
            if word not in _STOPWORDS:
                self.by_word[word].append(number)
        self.units.append(unit)


def link_brief(brief: Brief) -> Brief:
    """Replace every item's corroborating anchors with freshly computed ones, in place."""
    text = brief.article.text
    index = _Index(text)
    speakers = _SpeakerFinder(brief)
    statements = speakers.statements(index)
    for item in brief.items():
        if not item.anchors:
            continue
        own = item.anchors[0]
        reported = speakers.reported_in(item)
        candidates = _score_candidates(item, index, statements, reported)
        links: list[Selector] = []
        for number, candidate in sorted(
            candidates.items(), key=lambda pair: (-pair[1].score, index.units[pair[0]].start)
        ):
            unit = index.units[number]
            if candidate.score < MIN_LINK_SCORE or _overlaps(unit.start, unit.end, own):
                continue
            links.append(
                make_selector(
                    text,
                    unit.start,
                    unit.end,
                    reason=candidate.reason,
                    detail=candidate.detail,
                    score=candidate.score,
                )
            )
            if len(links) >= MAX_LINKS_PER_ITEM:
                break
        item.anchors = [own, *links]
    return brief


def _overlaps(start: int, end: int, own: Selector) -> bool:
    return start < own.end and own.start < end


def _score_candidates(
    item: Item, index: _Index, statements: dict[str, list[int]], reported: set[str]
) -> dict[int, _Candidate]:
    candidates: dict[int, _Candidate] = defaultdict(_Candidate)
    item_words = words(item.text)
    for figure in item.figures:
        postings = index.by_figure.get(figure.value, ())
        if len(postings) <= _MAX_POSTINGS:
            for number in postings:
                candidates[number].add(3.0, LinkReason.FIGURE, figure.text)
    shared: dict[int, int] = defaultdict(int)
    for gram in set(_shingles(item_words)):
        postings = index.by_shingle.get(gram, ())
        if len(postings) <= _MAX_POSTINGS:
            for number in postings:
                shared[number] += 1
    for number, count in shared.items():
        run = count + SHINGLE_WORDS - 1
        candidates[number].add(
            min(5.0, 2.0 + 0.25 * (count - 1)), LinkReason.SHARED_WORDS, f"{run} words in common"
        )
    _score_quoted_words(item, item_words, index, candidates)
    for name in reported:
        for number in statements.get(name, ()):
            candidates[number].add(2.5, LinkReason.SPEAKER, name)
    return candidates


def _score_quoted_words(
    item: Item, item_words: list[str], index: _Index, candidates: dict[int, _Candidate]
) -> None:
    """Quoted words shared either way: a partial quote in the body and the full quote card."""
    normal_item = f" {' '.join(item_words)} "
    for word in set(item_words):
        for number, fragment in index.quote_by_word.get(word, ()):
            if f" {fragment} " in normal_item:
                candidates[number].add(4.0, LinkReason.QUOTED_WORDS, f"\u201c{fragment}\u201d")
    for fragment in quoted_words(item.text):
        fragment_words = [w for w in words(fragment) if w not in _STOPWORDS]
        if not fragment_words or len(" ".join(fragment_words)) < 5:
            continue
        rarest = min(fragment_words, key=lambda w: len(index.by_word.get(w, ())))
        postings = index.by_word.get(rarest, ())
        if len(postings) > _MAX_POSTINGS:
            continue
        normal_fragment = f" {' '.join(words(fragment))} "
        for number in postings:
            if normal_fragment in f" {' '.join(index.units[number].words)} ":
                candidates[number].add(4.0, LinkReason.QUOTED_WORDS, f"\u201c{fragment}\u201d")


class _SpeakerFinder:
    """Finds where the article reports each quoted speaker, by full name or surname."""

    def __init__(self, brief: Brief) -> None:
        self.text = brief.article.text
        self.names: dict[str, str] = {}
        for item in brief.items():
            if item.speaker is None:
                continue
            full = item.speaker.name
            self.names[full.lower()] = full
            surname = full.split()[-1]
            if is_person_name(full) and len(full.split()) > 1 and len(surname) > 2:
                self.names.setdefault(surname.lower(), full)
        alternatives = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
        self.pattern = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE) if self.names else None

    def _named(self, text: str) -> set[str]:
        """Speakers named as the subject of speech: "Okafor said", "said Tomasz Reilly",
        "Name, role, called it “…”" — not a passing mention such as "of the Union's branch"."""
        if self.pattern is None or not _SPEECH.search(text):
            return set()
        found = set()
        for match in self.pattern.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            after = text[match.end() : match.end() + _SPEECH_WINDOW]
            if re.search(r"\bof(?: the)?\s*$", before, re.IGNORECASE):
                continue
            if _SPEECH.search(after) or re.search(rf"\b(?:{SPEECH_VERBS})\s*$", before):
                found.add(self.names[match.group(0).lower()])
        return found

    def reported_in(self, item: Item) -> set[str]:
        """Speakers whose statement this item is, or reports."""
        found = self._named(item.text)
        if item.speaker is not None:
            found.add(item.speaker.name)
        return found

    def statements(self, index: _Index) -> dict[str, list[int]]:
        """For each speaker, the sentences that report them: named with a speech verb or a
        quotation, plus a following "he said" sentence."""
        result: dict[str, list[int]] = defaultdict(list)
        if self.pattern is None:
            return result
        for number, unit in enumerate(index.units):
            found = self._named(self.text[unit.start : unit.end])
            for full in found:
                result[full].append(number)
                follower = number + 1
                if follower < len(index.units):
                    nxt = index.units[follower]
                    following = self.text[nxt.start : nxt.end]
                    if _PRONOUN_SPEECH.search(following) and not self.pattern.search(following):
                        result[full].append(follower)
        return result
