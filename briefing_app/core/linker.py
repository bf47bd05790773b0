"""Link each item to the places elsewhere in the article that support it.

Why these signals: a newsroom states a fact two or three times (lede, body, section), and what
ties the restatements together is the figure ("1,240"), a long run of shared wording, the
same quoted words, or the same speaker being reported ("Okafor said…", "He said…").
Common words never link on their own.  Every signal is looked up in an inverted index over
sentences, so linking stays linear in the article's length; a figure or phrase found in too
many places is boilerplate and ignored.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate

from briefing_app.core.anchoring import make_selector
from briefing_app.core.attribution import SPEECH_VERBS, is_person_name
from briefing_app.core.model import Brief, Item, LinkReason, Selector
from briefing_app.core.sentences import words
from briefing_app.core.text_index import TextIndex, text_index

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
_SPEECH_WORDS = frozenset(verb for verb in SPEECH_VERBS.split("|") if " " not in verb)
_PRONOUNS = frozenset(("he", "she", "they"))
_SPEECH_AFTER_WORDS = 14  # a speech verb this many words after a name makes it a statement
# An organisation's name is often a modifier ("Environment Agency engineer Jean-Luc de la
# Tour told…"); only a verb right after it ("the Agency said") makes it the speaker.
_SPEECH_AFTER_ORG = 3
_QUOTE_MARKS = '\u201c\u201d"'


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


class _Evidence:
    """Inverted indexes over the article's sentences: shingles, figures and quoted words."""

    def __init__(self, index: TextIndex) -> None:
        self.index = index
        self.by_shingle: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.by_figure: dict[str, list[int]] = defaultdict(list)
        self.unit_shingles: list[list[tuple[str, ...]]] = []
        content_before = [0, *accumulate(word not in _STOPWORDS for word in index.words)]
        for number, unit in enumerate(index.units):
            shingles = _shingles(index.words, content_before, unit.first_word, unit.last_word)
            self.unit_shingles.append(shingles)
            for gram in shingles:
                postings = self.by_shingle[gram]
                if not postings or postings[-1] != number:
                    postings.append(number)
            for key in unit.figures:
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
    for number, unit in enumerate(index.units):
        for word in set(index.words[unit.first_word : unit.last_word]):
            if word not in _STOPWORDS:
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
    meaningful = [word for word in fragment_words if word not in _STOPWORDS]
    if not meaningful or len(" ".join(meaningful)) < 5:
        return
    rarest = min(meaningful, key=lambda word: len(by_word.get(word, ())))
    postings = by_word.get(rarest, ())
    if len(postings) > _MAX_POSTINGS:
        return
    owners = index.units_overlapping(start, end)
    if not owners:
        return
    home = owners.start
    needle = f" {' '.join(fragment_words)} "
    shown = index.text[start:end].strip('\u201c\u201d"\u201e\u00ab\u00bb ,.')
    detail = f"\u201c{shown}\u201d"
    for number in postings:
        if number in owners:
            continue
        if needle in f" {' '.join(index.unit_words(number))} ":
            pairs[number].append((home, detail))
            pairs[home].append((number, detail))


def _inside(regions: list[tuple[int, int]], position: int) -> bool:
    number = bisect_left(regions, (position + 1, -1)) - 1
    return number >= 0 and regions[number][0] < position < regions[number][1]


class _Speakers:
    """Where the article reports each quoted speaker, by full name or surname."""

    def __init__(self, brief: Brief, index: TextIndex) -> None:
        self.index = index
        names: dict[tuple[str, ...], str] = {}
        surnames: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for item in brief.items():
            if item.speaker is None:
                continue
            full = item.speaker.name
            tokens = tuple(words(full))
            if tokens:
                names[tokens] = full
            if is_person_name(full) and len(tokens) > 1 and len(tokens[-1]) > 2:
                surnames[tokens[-1:]].add(full)
        for surname, people in surnames.items():
            if len(people) == 1 and surname not in names:  # two Brannocks: a bare surname is
                names[surname] = next(iter(people))  # nobody's in particular
        self.by_first: dict[str, list[tuple[tuple[str, ...], str, int]]] = defaultdict(list)
        for tokens, full in sorted(names.items(), key=lambda pair: -len(pair[0])):
            window = _SPEECH_AFTER_WORDS if is_person_name(full) else _SPEECH_AFTER_ORG
            self.by_first[tokens[0]].append((tokens, full, window))
        self.mentions: list[tuple[int, str]] = []  # (text position, full name), in order
        self._quoted = index.quoted_regions
        self._find_mentions()

    def _find_mentions(self) -> None:
        words, starts = self.index.words, self.index.word_starts
        firsts = self.by_first.keys()
        covered = 0  # words before this belong to a name already found
        for position in [i for i, word in enumerate(words) if word in firsts]:
            if position < covered or _inside(self._quoted, starts[position]):
                continue  # a name inside a quotation is talked about, not talking
            for tokens, full, window in self.by_first[words[position]]:
                width = len(tokens)
                if tuple(words[position : position + width]) != tokens:
                    continue
                if self._is_statement(position, width, window):
                    self.mentions.append((starts[position], full))
                covered = position + width
                break

    def _is_statement(self, position: int, width: int, window: int) -> bool:
        """ "Okafor said", "said Tomasz Reilly", "Name, role, called it “…”" — not a passing
        mention such as "secretary of the Union's branch"."""
        words = self.index.words
        before = words[max(0, position - 2) : position]
        if before[-1:] == ["of"] or before == ["of", "the"]:
            return False
        if any(word in _SPEECH_WORDS for word in before[-1:]):
            return True
        after = words[position + width : position + width + window]
        if any(word in _SPEECH_WORDS for word in after):
            return True
        name_end = self.index.word_starts[position + width - 1]
        reach = 90 if window >= _SPEECH_AFTER_WORDS else 25
        return any(mark in self.index.text[name_end : name_end + reach] for mark in _QUOTE_MARKS)

    def statements(self) -> dict[str, list[int]]:
        """For each speaker, the sentences that report them, plus a following "he said"."""
        index = self.index
        result: dict[str, dict[int, None]] = defaultdict(dict)  # ordered, without repeats
        for position, full in self.mentions:
            owners = index.units_overlapping(position, position + 1)
            if not owners:
                continue
            number = owners.start
            result[full][number] = None
            follower = number + 1
            if follower < len(index.units) and self._reports_by_pronoun(follower):
                result[full][follower] = None
        return {full: list(numbers) for full, numbers in result.items()}

    def _reports_by_pronoun(self, number: int) -> bool:
        words = self.index.unit_words(number)
        for first, second in itertools.pairwise(words):
            if (first in _PRONOUNS and second in _SPEECH_WORDS) or (
                first in _SPEECH_WORDS and second in _PRONOUNS
            ):
                return True
        return False


def link_brief(brief: Brief) -> Brief:
    """Replace every item's corroborating anchors with freshly computed ones, in place."""
    text = brief.article.text
    index = text_index(text)
    evidence = _Evidence(index)
    speakers = _Speakers(brief, index)
    statements = speakers.statements()
    mention_positions = [position for position, _ in speakers.mentions]
    made: dict[tuple[int, LinkReason, str, float], Selector] = {}
    for item in brief.items():
        if not item.anchors:
            continue
        own = item.anchors[0]
        reported = _reported(speakers, mention_positions, item, own)
        candidates = _score_candidates(item, own, evidence, statements, reported)
        item.anchors = [own, *_best_links(text, index, own, candidates, made)]
    return brief


def _reported(speakers: _Speakers, positions: list[int], item: Item, own: Selector) -> set[str]:
    low, high = bisect_left(positions, own.start), bisect_left(positions, own.end)
    found = {speakers.mentions[i][1] for i in range(low, high)}
    if item.speaker is not None:
        found.add(item.speaker.name)
    return found


def _best_links(
    text: str,
    index: TextIndex,
    own: Selector,
    candidates: dict[int, _Candidate],
    made: dict[tuple[int, LinkReason, str, float], Selector],
) -> list[Selector]:
    ranked = sorted(
        candidates.items(), key=lambda pair: (-pair[1].score, index.units[pair[0]].start)
    )
    links: list[Selector] = []
    for number, candidate in ranked:
        unit = index.units[number]
        if candidate.score < MIN_LINK_SCORE or (unit.start < own.end and own.start < unit.end):
            continue
        key = (number, candidate.reason, candidate.detail, candidate.score)
        selector = made.get(key)
        if (
            selector is None
        ):  # the same passage cited the same way is one shared, unchanging selector
            selector = made[key] = make_selector(
                text,
                unit.start,
                unit.end,
                reason=candidate.reason,
                detail=candidate.detail,
                score=candidate.score,
            )
        links.append(selector)
        if len(links) >= MAX_LINKS_PER_ITEM:
            break
    return links


def _score_candidates(
    item: Item,
    own: Selector,
    evidence: _Evidence,
    statements: dict[str, list[int]],
    reported: set[str],
) -> dict[int, _Candidate]:
    index = evidence.index
    candidates: dict[int, _Candidate] = defaultdict(_Candidate)
    units = index.units_overlapping(own.start, own.end)
    figures: dict[str, str] = {}
    shingles: set[tuple[str, ...]] = set()
    for number in units:
        figures.update(index.units[number].figures)
        shingles.update(evidence.unit_shingles[number])
    for key, written in figures.items():
        postings = evidence.by_figure.get(key, ())
        if len(postings) <= _MAX_POSTINGS:
            for number in postings:
                candidates[number].add(3.0, LinkReason.FIGURE, written)
    shared: dict[int, int] = defaultdict(int)
    for gram in shingles:
        postings = evidence.by_shingle.get(gram, ())
        if len(postings) <= _MAX_POSTINGS:
            for number in postings:
                shared[number] += 1
    for number, count in shared.items():
        run = count + SHINGLE_WORDS - 1
        candidates[number].add(
            min(5.0, 2.0 + 0.25 * (count - 1)), LinkReason.SHARED_WORDS, f"{run} words in common"
        )
    for number in units:
        for other, detail in evidence.quoted_pairs.get(number, ()):
            candidates[other].add(4.0, LinkReason.QUOTED_WORDS, detail)
    for name in reported:
        for number in statements.get(name, ()):
            candidates[number].add(2.5, LinkReason.SPEAKER, name)
    return candidates
