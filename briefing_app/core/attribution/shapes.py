"""The attribution shapes of newsroom copy: one named rule each, tried in order.

Why rules in a list (as markdown-it-py registers its parsing rules): each shape newsrooms
use — ``“…” — Name, role``, ``“…,” said Name, role.``, ``“…,” Surname said.``, ``Name,
role: “…”``, ``… according to Name``, ``Role Name said the plan was “unacceptable”``,
``Hale said the board would wait`` — is one small function with its own fixture file of
sentences (``tests/fixtures/attribution/<name>.txt``).  A rule reads one speech sentence
with its quotations replaced by ``\\x00`` and returns the phrase naming the speaker; the
first rule whose phrase names someone wins, so the order is part of the contract.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from briefing_app.core.attribution.speech import SpeechSentence
from briefing_app.core.attribution.word_lists import SPEECH_VERB_PATTERN

# Words that may stand between a speaker and the verb: "Kirby also said", "she has said".
_BETWEEN = (
    r"(?:(?:also|later|then|again|previously|separately|further|earlier|once|now|has|had|"
    r"have|would|will|last|this|week|month|year|on|friday|monday|tuesday|wednesday|thursday|"
    r"saturday|sunday)\s++){0,3}"
)
_VERB = rf"{_BETWEEN}{SPEECH_VERB_PATTERN}"


@dataclass(frozen=True)
class ShapeMatch:
    """What a rule found: the phrase naming the speaker and what kind of statement it is."""

    shape: str
    who: str
    partial: bool = False  # the quotation is a fragment of the speaker's own sentence
    reported: bool = False  # no quotation marks: reported speech, not a quote


Rule = Callable[[SpeechSentence], ShapeMatch | None]


class ShapeRules:
    """Named attribution rules in the order they are tried."""

    def __init__(self) -> None:
        self._rules: list[tuple[str, Rule]] = []

    def push(self, name: str, rule: Rule) -> None:
        """Add a rule after the ones already registered."""
        if name in self.names():
            raise ValueError(f"attribution rule {name!r} is already registered")
        self._rules.append((name, rule))

    def names(self) -> list[str]:
        """The rules' names, in order."""
        return [name for name, _ in self._rules]

    def __iter__(self) -> Iterator[tuple[str, Rule]]:
        return iter(self._rules)


SHAPES = ShapeRules()


def shape(name: str) -> Callable[[Rule], Rule]:
    """Register the decorated function as the next attribution rule."""

    def register(rule: Rule) -> Rule:
        SHAPES.push(name, rule)
        return rule

    return register


def _search(pattern: re.Pattern[str], sentence: SpeechSentence) -> re.Match[str] | None:
    return pattern.search(sentence.outside)


# How the patterns stay linear on any sentence.  A lazy ``who`` grows one character at a
# time, and each time the space run after it was read again: quadratic over a long run of
# spaces.  So ``who`` may not end two characters into a run of spaces (``(?<!\s\s)``): where
# a longer ``who`` would, the one ending a character earlier matched first, so only a ``who``
# of nothing but spaces is refused.  And space runs before a word or a mark are taken whole
# (``\s++``, ``\s*+``), never split between two repeats in every possible way.


_DASH_SIGNOFF = re.compile(
    r"\x00,?\s*(?:[\u2014\u2013]|--?)\s*(?P<who>[^\x00\u2014\u2013]{2,140}?)(?<!\s\s)\s*+\.?$"
)


@shape("dash_signoff")
def dash_signoff(sentence: SpeechSentence) -> ShapeMatch | None:
    """“We will not move.” — Ana Ruiz, port director"""
    match = _search(_DASH_SIGNOFF, sentence)
    return ShapeMatch("dash_signoff", match.group("who")) if match else None


_VERB_THEN_NAME = re.compile(
    rf"\x00\s*+[,.]?\s*+{_VERB}\s+(?P<who>[^\x00]{{2,200}}?)(?<!\s\s)\s*+"
    r"(?:[.;:]?\s*+\x00|[.;]?$)"
)


@shape("verb_then_name")
def verb_then_name(sentence: SpeechSentence) -> ShapeMatch | None:
    """“We will not move,” said Ana Ruiz, the port director, after the vote."""
    match = _search(_VERB_THEN_NAME, sentence)
    return ShapeMatch("verb_then_name", match.group("who")) if match else None


_NAME_THEN_VERB = re.compile(
    rf"\x00\s*+,\s*(?P<who>[^\x00]{{2,200}}?),?(?<!\s\s)\s++{_VERB}\b"
)


@shape("name_then_verb")
def name_then_verb(sentence: SpeechSentence) -> ShapeMatch | None:
    """“We will not move,” Ruiz told reporters.  /  “…,” she said through an interpreter."""
    match = _search(_NAME_THEN_VERB, sentence)
    return ShapeMatch("name_then_verb", match.group("who")) if match else None


_COLON_LEAD_IN = re.compile(r"^(?P<who>[^\x00:]{2,400}?)(?<!\s\s)\s*+:\s*+\x00")


@shape("colon_lead_in")
def colon_lead_in(sentence: SpeechSentence) -> ShapeMatch | None:
    """Ana Ruiz, port director: “…”  /  Health Minister Lena Park: “…”  /  Ana Ruiz told
    Harbour Radio: “…”  /  The Dockworkers’ Union: “…”"""
    match = _search(_COLON_LEAD_IN, sentence)
    return ShapeMatch("colon_lead_in", match.group("who")) if match else None


_ACCORDING_TO = re.compile(r"(?i:according to)\s+(?P<who>[^\x00,.;:]{2,120})")


@shape("according_to")
def according_to(sentence: SpeechSentence) -> ShapeMatch | None:
    """The strike will last a week, according to Ana Ruiz, the port director."""
    match = _search(_ACCORDING_TO, sentence)
    if not match:
        return None
    return ShapeMatch("according_to", match.group("who"), reported=not sentence.has_quote)


# Where a second clause with its own subject begins: "The council votes in June, and Ruiz
# said she would …".
_CLAUSE_BREAK = re.compile(r"(?:,\s+(?:and|but|while|whereas|so)|;)\s+")


def _last_clause(who: str) -> str:
    """The subject of the clause the verb belongs to (the text after the last clause break)."""
    parts = _CLAUSE_BREAK.split(who)
    return parts[-1] if len(parts) > 1 and parts[-1][:1].isupper() else who


_LEAD_IN_VERB = re.compile(
    rf"^(?P<who>[^\x00]{{2,400}}?),?(?<!\s\s)\s++{_VERB}\b(?P<between>[^\x00]*+)\x00"
)
_NOTHING_BUT_LEAD_IN = re.compile(r"^\s*(?:that\s*)?[,:]?\s*$", re.IGNORECASE)


@shape("lead_in_verb")
def lead_in_verb(sentence: SpeechSentence) -> ShapeMatch | None:
    """Mayor Tom Hesketh said the plan was “unacceptable”.  /  Ruiz said: “…”"""
    match = _search(_LEAD_IN_VERB, sentence)
    if not match:
        return None
    partial = not _NOTHING_BUT_LEAD_IN.match(match.group("between"))
    return ShapeMatch("lead_in_verb", _last_clause(match.group("who")), partial=partial)


_REPORTED = re.compile(rf"^(?P<who>[^\x00]{{2,400}}?),?(?<!\s\s)\s++{_VERB}\b")

@shape("reported_speech")
def reported_speech(sentence: SpeechSentence) -> ShapeMatch | None:
    """Hale said the board would wait.  (No quotation marks: a statement, not a quote.)"""
    if sentence.has_quote:
        return None
    match = _search(_REPORTED, sentence)
    if not match:
        return None
    return ShapeMatch("reported_speech", _last_clause(match.group("who")), reported=True)


_UNMARKED_SIGNOFF = re.compile(r"\S\s+[\u2014\u2013]\s*(?P<who>[^\u2014\u2013\x00]{2,120})$")


@shape("unmarked_signoff")
def unmarked_signoff(sentence: SpeechSentence) -> ShapeMatch | None:
    """A block quote without marks, signed off at its end: … — Ana Ruiz, port director"""
    if sentence.has_quote:
        return None
    match = _search(_UNMARKED_SIGNOFF, sentence)
    return ShapeMatch("unmarked_signoff", match.group("who")) if match else None
