"""Where the article reports each quoted speaker: the sentences that are their statements.

Why: a quote card is corroborated by the other places the article reports the same person
("Okafor said…", "said Amara Okafor", and a following "He said…"), not by every passing
mention of the name.  Names are found by word tokens in one pass over the text index.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import defaultdict
from itertools import compress, count

from briefing_app.core.attribution import is_person_name
from briefing_app.core.attribution.word_lists import SPEECH_VERB_WORDS
from briefing_app.core.model import Brief
from briefing_app.core.text.text_index import TextIndex
from briefing_app.core.text.words import words

_PRONOUNS = frozenset(("he", "she", "they"))
_SPEECH_AFTER_WORDS = 14  # a speech verb this many words after a name makes it a statement
# An organisation's name is often a modifier ("Environment Agency engineer Jean-Luc de la
# Tour told…"); only a verb right after it ("the Agency said") makes it the speaker.
_SPEECH_AFTER_ORG = 3
_QUOTE_MARKS = '\u201c\u201d"\u2018'


def _inside(regions: list[tuple[int, int]], position: int) -> bool:
    number = bisect_left(regions, (position + 1, -1)) - 1
    return number >= 0 and regions[number][0] < position < regions[number][1]


class Statements:
    """Who each sentence reports, looked up both ways: a speaker's statements in article
    order, the speakers a sentence reports, and the sentences that report two speakers.

    Why all three: an item is scored against the statements of the speakers it reports.
    Going through every statement of a speaker for every one of their items is quadratic
    (a columnist quoted 300 times); the linker instead looks at the few statements that can
    still make an item's top links, and these lookups say which those are.
    """

    def __init__(self, by_name: dict[str, list[int]]) -> None:
        self.by_name = by_name
        self.sets = {name: frozenset(numbers) for name, numbers in by_name.items()}
        self.by_sentence: dict[int, set[str]] = defaultdict(set)
        for name, numbers in by_name.items():
            for number in numbers:
                self.by_sentence[number].add(name)
        self.by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        for number in sorted(self.by_sentence):
            names = self.by_sentence[number]
            if len(names) > 1:
                for pair in itertools.combinations(sorted(names), 2):
                    self.by_pair[pair].append(number)

    def reporting(self, number: int, names: tuple[str, ...]) -> list[str]:
        """Those of ``names`` (in their order) that sentence ``number`` reports."""
        reported = self.by_sentence.get(number)
        return [name for name in names if name in reported] if reported else []


class SpeakerStatements:
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
        firsts = frozenset(self.by_first)
        covered = 0  # words before this belong to a name already found
        for position in compress(count(), map(firsts.__contains__, words)):
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
        if before[-1:] == ("of",) or before == ("of", "the"):
            return False
        if any(word in SPEECH_VERB_WORDS for word in before[-1:]):
            return True
        after = words[position + width : position + width + window]
        if any(word in SPEECH_VERB_WORDS for word in after):
            return True
        name_end = self.index.word_starts[position + width - 1]
        reach = 90 if window >= _SPEECH_AFTER_WORDS else 25
        return any(mark in self.index.text[name_end : name_end + reach] for mark in _QUOTE_MARKS)

    def statements(self) -> Statements:
        """For each speaker, the sentences that report them, plus a following "he said"."""
        index = self.index
        by_name: dict[str, dict[int, None]] = defaultdict(dict)  # ordered, without repeats
        for position, full in self.mentions:
            owners = index.sentences_overlapping(position, position + 1)
            if not owners:
                continue
            number = owners.start
            by_name[full][number] = None
            follower = number + 1
            if follower < index.sentence_count and self._reports_by_pronoun(follower):
                by_name[full][follower] = None
        return Statements({full: sorted(numbers) for full, numbers in by_name.items()})

    def _reports_by_pronoun(self, number: int) -> bool:
        words = self.index.sentence_words(number)
        for first, second in itertools.pairwise(words):
            if (first in _PRONOUNS and second in SPEECH_VERB_WORDS) or (
                first in SPEECH_VERB_WORDS and second in _PRONOUNS
            ):
                return True
        return False
