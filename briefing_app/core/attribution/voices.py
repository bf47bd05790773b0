"""Who speaks where across a whole article: every paragraph's statements, speakers resolved.

Why a pass over the whole article: one paragraph rarely says everything about its speaker.
"Mr Ames says" needs the "Geoff Ames" named three paragraphs up, "she said" the person who
spoke last (even when that person only reported something), "the Lord Mayor says" the person
given that role, and a quote repeated in a summary section ("“We waited,” she said.") the
attribution of the place in the body where the same words stand.  Paragraph parsing
(statements.py) stays local and cacheable; this module reads them in document order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_app.core.attribution.name_runs import people_named, person_leading
from briefing_app.core.attribution.name_words import is_organisation
from briefing_app.core.attribution.people import PeopleRegistry, register_people
from briefing_app.core.attribution.said_in_body import SaidInBody
from briefing_app.core.attribution.statements import Statement, Voice, paragraph_statements
from briefing_app.core.attribution.word_lists import (
    ANY_BUSINESS_NOUNS,
    GENERIC_ORG_NOUNS,
    ROLE_WORDS,
    SPOKESPEOPLE,
)
from briefing_app.core.model import Speaker
from briefing_app.core.sharing import checkpoint
from briefing_app.core.text.quotes import (
    QUOTE_MARKS,
    SINGLE_CLOSING,
    SINGLE_OPENING,
    quoted_spans,
)

_MARKS_AND_PUNCTUATION = QUOTE_MARKS + SINGLE_OPENING + SINGLE_CLOSING + " ,.;:?!\u2026"
_PROBE_CHARS = 48  # enough of a quotation to find it again, short of where edits tend to fall
_ROLE_REFERENCE = re.compile(r"^(?:the|this|that)\s+(?P<role>.+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A span of the article read as one paragraph; ``summary`` is True in the brief's own
    sections (Why It Matters, Quotes, …), whose quotes restate the body's."""

    start: int
    end: int
    summary: bool = False


@dataclass(frozen=True, slots=True)
class PlacedStatement:
    """A statement at its place in the article (absolute offsets), its speaker resolved."""

    start: int
    end: int
    speaker: Speaker | None
    voice: Voice
    own_speaker: bool  # named in the statement itself (not carried over or looked up)

    @property
    def quotes(self) -> bool:
        """True when the statement holds the speaker's words in quotation marks."""
        return self.voice in (Voice.QUOTE, Voice.PARTIAL)


class ArticleVoices:
    """The resolved statements of every paragraph, in document order."""

    def __init__(self, text: str, paragraphs: Sequence[Paragraph]) -> None:
        self.text = text
        self.paragraphs = list(paragraphs)
        raw = []
        for paragraph in self.paragraphs:
            checkpoint()
            raw.append(paragraph_statements(text[paragraph.start : paragraph.end]))
        self.registry = _registry(text, self.paragraphs, raw)
        self._people_in_text: list[tuple[int, str, str | None]] | None = None
        # the organisations that spoke so far, in reading order, with their paragraph's start
        self._organisations: list[tuple[Speaker, int]] = []
        self._paragraph = 0  # the start of the paragraph being resolved
        self.placed = self._resolve(raw)
        self._look_up_repeated_quotes()

    def statements_of(self, number: int) -> tuple[PlacedStatement, ...]:
        """The resolved statements of paragraph ``number`` (its position in ``paragraphs``);
        none for a paragraph that is narrative alone, with nobody speaking (it has nothing
        to say about speakers, and most paragraphs of a long article are like that)."""
        return self.placed[number]

    def _resolve(self, raw: list[tuple[Statement, ...]]) -> list[tuple[PlacedStatement, ...]]:
        placed: list[tuple[PlacedStatement, ...]] = []
        last: Speaker | None = None
        before: tuple[int, Statement] | None = None  # the statement read just before
        for paragraph, statements in zip(self.paragraphs, raw, strict=True):
            self._paragraph = paragraph.start
            resolved = []
            for statement in statements:
                own = statement.speaker is not None
                if own:
                    speaker = self._resolved(statement.speaker, paragraph.start + statement.start)
                    self._remember_organisation(speaker)
                elif statement.needs_previous_speaker:
                    speaker = (
                        self._lead_subject(paragraph.start, statement)
                        or self._introduced_in(before)
                        or last
                    )
                else:
                    speaker = None
                before = (paragraph.start, statement)
                if speaker is not None and statement.voice is not Voice.NARRATIVE:
                    last = speaker
                resolved.append(
                    PlacedStatement(
                        paragraph.start + statement.start,
                        paragraph.start + statement.end,
                        speaker,
                        statement.voice,
                        own,
                    )
                )
            if all(s.voice is Voice.NARRATIVE and s.speaker is None for s in resolved):
                resolved = []  # narrative alone: nothing to keep (see statements_of)
            placed.append(tuple(resolved))
        return placed

    def _lead_subject(self, offset: int, statement: Statement) -> Speaker | None:
        """For “…,” he said after a sentence of this paragraph that opens on a person
        ("The owner, Mikkel Østergaard, denied it. “…,” he said."), that person."""
        if not statement.pronoun:
            return None
        start, end = offset + statement.start, offset + statement.end
        quotes = quoted_spans(self.text[start:end])
        lead = self.text[start : start + quotes[0][0]] if quotes else ""
        name = person_leading(lead) if len(lead.split()) >= 3 else None
        if name is None:
            # "In a statement read to the court, the chair, the Rev Ana Ruiz, described …":
            # the one person the sentence names.
            named = {(found, role) for _at, found, role in people_named(lead)}
            if len({found for found, _role in named}) == 1:
                name, role = min(named, key=lambda pair: pair[1] is None)
                return self._resolved(Speaker(name=name, role=role), start)
        return self._resolved(Speaker(name=name), start) if name else None

    def _introduced_in(self, before: tuple[int, Statement] | None) -> Speaker | None:
        """For a quote with no attribution (or only "she said") right after narrative that
        names someone ("Mayor Dolores Quintero opened the meeting." “…”), that person."""
        if before is None or before[1].voice is not Voice.NARRATIVE:
            return None
        offset, statement = before
        start = offset + statement.start
        narrative = self.text[start : offset + statement.end]
        people = people_named(narrative)
        if not people:
            # "Mrs McAleese has since recovered." “…,” she said, or "Ruiz, 21, was still
            # grinning." “…,” he says: the person named so, known from earlier.
            mention = _HONORIFIC_MENTION.search(narrative) or _SURNAME_SUBJECT.match(narrative)
            if mention is None:
                return None
            if not _HONORIFIC_MENTION.fullmatch(mention.group(0)) and not (
                self.registry.full_names(mention.group(0))
            ):
                return None  # a capitalised word nobody was introduced with
            return self._resolved(Speaker(name=mention.group(0)), start)
        _position, name, role = people[0]
        self.registry.add(name, role)
        return self._resolved(Speaker(name=name, role=role))

    def _resolved(self, speaker: Speaker, at: int | None = None) -> Speaker:
        reference = _ROLE_REFERENCE.match(speaker.name)
        if reference and _is_role_phrase(reference.group("role")):
            role = reference.group("role")
            holders = self.registry.with_role(role)
            if not holders and at is not None:
                holders = self._named_with_role_before(role, at)
            if holders:
                name = holders[-1]
                return Speaker.lean(name, self.registry.roles.get(name))
        organisation = self._organisation_meant(speaker)
        if organisation is not None:
            return organisation
        return self.registry.resolve(speaker, at)

    def _organisation_meant(self, speaker: Speaker) -> Speaker | None:
        """For "the company said" (which names the speaker "Company"), the organisation
        that spoke before and goes by that word; for "a spokeswoman said" right after an
        organisation spoke in the same paragraph, its spokeswoman.  None otherwise."""
        noun = speaker.name.lower()
        if speaker.role is not None:
            return None
        article, _, spokesperson = noun.partition(" ")
        if article in ("a", "an") and spokesperson in SPOKESPEOPLE:
            if self._organisations and self._organisations[-1][1] == self._paragraph:
                return Speaker.lean(self._organisations[-1][0].name, spokesperson)
            return None
        if noun not in GENERIC_ORG_NOUNS:
            return None
        for organisation, _paragraph in reversed(self._organisations):
            words = {word.lower().strip(".,") for word in organisation.name.split()}
            if noun in words or noun in ANY_BUSINESS_NOUNS:
                return organisation
        return None

    def _remember_organisation(self, speaker: Speaker) -> None:
        """An organisation that spoke, named in its own statement, for a later "the
        company said" or "a spokeswoman said" to mean."""
        name = speaker.name
        if name.lower() not in GENERIC_ORG_NOUNS and is_organisation(name):
            self._organisations.append((speaker, self._paragraph))

    def _named_with_role_before(self, role: str, at: int) -> list[str]:
        """People named before ``at`` with ``role`` written before their name ("Mayor
        Dolores Quintero" for "the mayor"), recorded in the registry as found."""
        if self._people_in_text is None:
            self._people_in_text = people_named(self.text)
        wanted = role.lower()
        holders = []
        for position, name, given in self._people_in_text:
            if position >= at:
                break
            if given and wanted in given.lower():
                self.registry.add(name, given)
                holders.append(name)
        return holders

    def _look_up_repeated_quotes(self) -> None:
        """A quotation with no speaker of its own in a summary section takes the speaker of
        the place in the body that holds the same words (as a reader would look there)."""
        said: SaidInBody | None = None  # (made when first needed: most articles never do)
        for number, paragraph in enumerate(self.paragraphs):
            if not paragraph.summary:
                continue
            statements = list(self.placed[number])
            changed = False
            for position, statement in enumerate(statements):
                if statement.own_speaker or statement.voice is Voice.NARRATIVE:
                    continue
                probe = self._probe(statement)
                if probe is None:
                    continue
                if said is None:  # (the body's statements are final: only summaries change)
                    said = SaidInBody(self.text, self.paragraphs, self.placed, _PROBE_CHARS)
                found = said.speaker_of(probe)
                if found is not None and found != statement.speaker:
                    statements[position] = PlacedStatement(
                        statement.start, statement.end, found, statement.voice, False
                    )
                    changed = True
            if changed:
                self.placed[number] = tuple(statements)

    def _probe(self, statement: PlacedStatement) -> str | None:
        """The opening words of the statement's longest quotation, or None if too short to
        be told apart from other text."""
        quoted = _longest_quotation(self.text, statement.start, statement.end)
        if quoted is None:
            return None
        words = quoted.strip(_MARKS_AND_PUNCTUATION)
        if len(words.split()) < 4:
            return None
        return words[:_PROBE_CHARS]


def _longest_quotation(text: str, start: int, end: int) -> str | None:
    spans = quoted_spans(text[start:end])
    if not spans:
        return None
    span_start, span_end = max(spans, key=lambda span: span[1] - span[0])
    return text[start + span_start : start + span_end]


def _is_role_phrase(phrase: str) -> bool:
    words = phrase.split()
    return 1 <= len(words) <= 6 and any(word.lower().strip(",.") in ROLE_WORDS for word in words)


# An honorific and a surname in running text: "Mrs McAleese", "Dr Moreau-Lind".
_HONORIFIC_MENTION = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \u00a0](?:[A-Z][\w\u2019'-]{1,40}+)"
)


# A surname opening a sentence as its subject: "Tuilagi-Barnes, who turned 21, was …".
_SURNAME_SUBJECT = re.compile(r"[A-Z][\w\u2019'-]{1,40}+(?=,| (?:was|is|had|has|did)\b)")


def _registry(
    text: str, paragraphs: Sequence[Paragraph], raw: list[tuple[Statement, ...]]
) -> PeopleRegistry:
    """Everyone the article names: speakers as their own attributions give them (in
    document order, so the first full mention wins), then the names and roles found in
    running text, limited to people whose names speakers share."""
    registry = PeopleRegistry()
    surnames: set[str] = set()
    for paragraph, statements in zip(paragraphs, raw, strict=True):
        for statement in statements:
            if statement.speaker is None or _ROLE_REFERENCE.match(statement.speaker.name):
                continue
            at = paragraph.start + statement.start
            registry.add(statement.speaker.name, statement.speaker.role, at)
            surnames.update(token.lower() for token in statement.speaker.name.split()[-2:])
    return register_people(text, surnames, registry)
