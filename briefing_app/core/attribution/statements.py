"""A paragraph's statements: who says which of its sentences, quoted or reported.

Why statements and not one speaker per paragraph: newsroom paragraphs put two speakers side
by side (“…,” said A. “…,” B said.), run a quote on past its attribution, or open with
reported speech and close with a quote.  Each speech sentence is attributed by the shape
rules; consecutive sentences by the same speaker (a pronoun or no attribution at all means
the speaker before) form one statement, so the builder can make one item per speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache

from briefing_app.core.attribution.names import speaker_from_phrase
from briefing_app.core.attribution.shapes import SHAPES, ShapeMatch
from briefing_app.core.attribution.speech import (
    QUOTATION,
    SpeechSentence,
    outside_words,
    speech_sentences,
)
from briefing_app.core.attribution.word_lists import (
    FILLER,
    PRONOUNS,
    SPEECH_VERB_PATTERN,
    SPEECH_VERB_WORDS,
)
from briefing_app.core.model import Speaker
from briefing_app.core.text.quotes import CLOSING_MARKS, QUOTE_MARKS, SINGLE_CLOSING, quoted_spans
from briefing_app.core.text.words import WORD


class Voice(Enum):
    """How a statement carries its speaker's words."""

    QUOTE = "quote"  # in quotation marks, the whole sentence or more
    PARTIAL = "partial"  # a quoted fragment inside the writer's sentence
    REPORTED = "reported"  # reported speech, no quotation marks: never shown as a quote
    NARRATIVE = "narrative"  # nobody speaks


@dataclass(frozen=True)
class Statement:
    """Consecutive sentences of a paragraph with one speaker (as written, unresolved).

    ``pronoun``: attributed to "he"/"she"/"they", so the speaker is the one before.
    ``continues``: a quotation with no attribution at all, so also the speaker before.
    """

    start: int
    end: int
    speaker: Speaker | None
    voice: Voice
    shape: str | None = None
    pronoun: bool = False
    continues: bool = False

    @property
    def needs_previous_speaker(self) -> bool:
        """True when the speaker is whoever spoke before this statement."""
        return self.speaker is None and (self.pronoun or self.continues)


@dataclass(frozen=True)
class Attribution:
    """A whole paragraph's attribution: its first speaker, or why it has none."""

    speaker: Speaker | None
    continues_previous: bool = False
    pronoun: bool = False
    reported: bool = False  # the speaker's words are reported, not quoted


def attribute_sentence(sentence: SpeechSentence) -> tuple[ShapeMatch, Speaker] | None:
    """The first shape rule whose phrase names a speaker (a pronoun counts), with it."""
    for _name, rule in SHAPES:
        match = rule(sentence)
        if match is None:
            continue
        speaker = speaker_from_phrase(match.who)
        if speaker is not None:
            return match, speaker
    return None


# What every shape rule needs at least one of: a quotation, a speech verb, "according to",
# or a dash signing off.  Text with none of them is narrative, whatever its sentences.
_ATTRIBUTION_MARKS = re.compile(f"[{QUOTE_MARKS}{QUOTATION}\u2018\u2014\u2013]")
_LOWER_WORD = re.compile(r"[a-z]+")


def may_attribute(text: str) -> bool:
    """Whether any shape rule could find a speaker in the text (a cheap scan: a mark, or a
    speech verb among its words, looked up in a set rather than by a regex alternation)."""
    if _ATTRIBUTION_MARKS.search(text) is not None:
        return True
    lowered = text.lower()
    return "according to" in lowered or not SPEECH_VERB_WORDS.isdisjoint(
        _LOWER_WORD.findall(lowered)
    )


@lru_cache(maxsize=1024)
def _narrative_only(length: int) -> tuple[Statement, ...]:
    """The statements of a paragraph of ``length`` characters that attributes nothing: one
    narrative statement, shared by every such paragraph of that length (an article of
    short paragraphs would otherwise build one for each)."""
    return (Statement(0, length, None, Voice.NARRATIVE),)


@lru_cache(maxsize=2048)
def paragraph_statements(paragraph: str) -> tuple[Statement, ...]:
    """The paragraph's statements in order; together they cover every speech sentence."""
    if not paragraph.strip():
        return ()
    if not may_attribute(paragraph):
        return _narrative_only(len(paragraph))
    statements: list[Statement] = []
    for sentence in speech_sentences(paragraph):
        found = attribute_sentence(sentence) if may_attribute(sentence.outside) else None
        current = statements[-1] if statements else None
        if found is None:
            if current is not None:
                statements[-1] = _extended(current, sentence)
            else:
                statements.append(_unattributed(sentence))
            continue
        match, speaker = found
        statement = _attributed(sentence, match, speaker)
        if current is not None and _joins(current, statement):
            statements[-1] = _merged(current, statement)
        else:
            statements.append(statement)
    return tuple(statements)


def _voice(sentence: SpeechSentence, match: ShapeMatch | None) -> Voice:
    if sentence.has_quote:
        return Voice.PARTIAL if match is not None and match.partial else Voice.QUOTE
    if match is not None and match.reported:
        return Voice.REPORTED
    return Voice.QUOTE if match is not None else Voice.NARRATIVE


def _unattributed(sentence: SpeechSentence) -> Statement:
    opens_with_quote = sentence.outside.startswith(QUOTATION)
    return Statement(
        sentence.start,
        sentence.end,
        None,
        _voice(sentence, None),
        continues=sentence.has_quote and opens_with_quote,
    )


def _attributed(sentence: SpeechSentence, match: ShapeMatch, speaker: Speaker) -> Statement:
    pronoun = speaker.name.lower() in PRONOUNS
    return Statement(
        sentence.start,
        sentence.end,
        None if pronoun else speaker,
        _voice(sentence, match),
        shape=match.shape,
        pronoun=pronoun,
    )


def _joins(current: Statement, new: Statement) -> bool:
    """Does an attributed sentence carry on the statement before it?"""
    if new.pronoun:
        return True  # "she said" right after someone spoke in this paragraph
    if current.speaker is None:
        # “We waited.” “Nobody came,” she said.  — an opening quote takes the attribution
        # that follows it; narrative before a speaker stays apart.
        return current.voice is Voice.QUOTE and not current.pronoun
    return new.speaker is not None and new.speaker.name == current.speaker.name


def _merged(current: Statement, new: Statement) -> Statement:
    voice = current.voice
    if new.voice in (Voice.QUOTE, Voice.PARTIAL) and voice in (Voice.REPORTED, Voice.NARRATIVE):
        voice = new.voice
    speaker = current.speaker or new.speaker
    return replace(
        current,
        end=new.end,
        speaker=speaker,
        voice=voice,
        shape=current.shape or new.shape,
        pronoun=current.pronoun or (speaker is None and new.pronoun),
        continues=current.continues and speaker is None,
    )


def _extended(current: Statement, sentence: SpeechSentence) -> Statement:
    voice = current.voice
    if sentence.has_quote and voice in (Voice.REPORTED, Voice.NARRATIVE):
        voice = Voice.QUOTE if current.speaker or current.pronoun else voice
    return replace(current, end=sentence.end, voice=voice)


def parse_attribution(paragraph: str) -> Attribution:
    """The paragraph's first speaker (as written, unresolved), or why there is none."""
    statements = paragraph_statements(paragraph)
    for statement in statements:
        if statement.speaker is not None:
            reported = all(
                s.voice in (Voice.REPORTED, Voice.NARRATIVE) for s in statements
            )
            return Attribution(statement.speaker, reported=reported)
        if statement.pronoun:
            return Attribution(None, pronoun=True)
    if statements and statements[0].continues:
        return Attribution(None, continues_previous=True)
    return Attribution(None)


_LEFTOVER_LIMIT = 3  # words outside the quotation besides the speaker's name and role


def quote_without_attribution(text: str, speaker: Speaker | None) -> str | None:
    """The quoted words alone, when everything outside the quotation marks only says who
    spoke ("Port Director Amara Okafor: “…”" → "“…”"); None when the outside text says more
    (a partial quote inside the speaker's own sentence), so a card can drop a repeated name
    without losing meaning.  A comma that belonged to the attribution (“…,” said) goes."""
    spans = quoted_spans(text)
    if not spans or speaker is None:
        return None
    outside = outside_words(text, 0, len(text), spans).replace(QUOTATION, " ")
    for known in (speaker.name, speaker.role or ""):
        for part in known.split():
            outside = outside.replace(part, " ")
    leftover = [
        word
        for word in WORD.findall(outside)
        if word.lower() not in FILLER and not re.fullmatch(SPEECH_VERB_PATTERN, word.lower())
    ]
    if len(leftover) > _LEFTOVER_LIMIT:
        return None
    return " \u2026 ".join(_without_attribution_comma(text[s:e].strip()) for s, e in spans)


def _without_attribution_comma(quotation: str) -> str:
    """ "“We will not move,”" → "“We will not move”": the comma led into "said"."""
    closing = quotation[-1:] in (*CLOSING_MARKS, SINGLE_CLOSING)
    if closing and quotation[-2:-1] == ",":
        return quotation[:-2].rstrip() + quotation[-1]
    return quotation
