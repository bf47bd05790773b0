"""Work out who said a quote, with their name and role kept apart.

Why so many shapes: newsroom copy attributes quotes as ``Name, role: “…”``, ``Role Name: “…”``,
``Name told Outlet: “…”``, ``“…,” said Name, role.``, ``“…,” Surname told reporters.``,
``“…” — Name, role``, ``Role Name said the plan was “unacceptable”`` and with an organisation as
the speaker.  A bare surname or a pronoun is resolved against the people the article named
earlier, so a quote card can show a full name and role wherever the article gave them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefing_app.core.attribution.names import ABBREVIATION_DOT, speaker_from_phrase
from briefing_app.core.attribution.word_lists import (
    FILLER,
    PRONOUNS,
    SPEECH_VERB_PATTERN,
)
from briefing_app.core.model import Speaker
from briefing_app.core.text.quotes import CLOSING_MARKS, QUOTE_MARKS, quoted_spans
from briefing_app.core.text.words import COMPANY_ABBREVIATIONS, TITLE_ABBREVIATIONS, WORD

_Q = "\x00"  # stands in for a quotation while the words outside it are read


@dataclass(frozen=True)
class Attribution:
    """A parsed attribution: the speaker, or that the paragraph continues the last quote."""

    speaker: Speaker | None
    continues_previous: bool = False
    pronoun: bool = False


@lru_cache(maxsize=8192)
def parse_attribution(text: str) -> Attribution:
    """The speaker of a quote paragraph, as written (unresolved), or why there is none."""
    spans = quoted_spans(text)
    outside = _protect_abbreviations(_blank_out_quotes(text, spans))
    if (
        spans
        and spans[0][0] == 0
        and len(spans) == 1
        and not text.rstrip().endswith(tuple(CLOSING_MARKS))
        and not outside.strip(_Q + " ")
    ):
        return Attribution(None, continues_previous=True)
    for pattern in _PATTERNS:
        match = pattern.search(outside)
        if match:
            who = match.group("who")
            speaker = speaker_from_phrase(who)
            if speaker is not None:
                pronoun = speaker.name.lower() in PRONOUNS
                return Attribution(None if pronoun else speaker, pronoun=pronoun)
    if spans and spans[0][0] <= 1 and not outside.strip(_Q + " .,"):
        return Attribution(None, continues_previous=True)
    if not spans and (dashed := _DASHED_SIGNOFF.search(outside)):
        # A block quote without marks, signed off "— Name, role".
        speaker = speaker_from_phrase(dashed.group("who"))
        if speaker is not None and speaker.name.lower() not in PRONOUNS:
            return Attribution(speaker)
    return Attribution(None)


_ABBREVIATED = re.compile(
    r"\b(?P<word>"
    + "|".join(sorted(word.capitalize() for word in TITLE_ABBREVIATIONS | COMPANY_ABBREVIATIONS))
    + r"|[A-Z])\."
)
_DASHED_SIGNOFF = re.compile(r"\S\s+[\u2014\u2013]\s*(?P<who>[^\u2014\u2013\x00]{2,120})$")


def _protect_abbreviations(text: str) -> str:
    """ "Dr. Isla Brannigan" must not end the attribution at "Dr."; hide such full stops."""
    return _ABBREVIATED.sub(lambda match: match.group("word") + ABBREVIATION_DOT, text)


def quote_without_attribution(text: str, speaker: Speaker | None) -> str | None:
    """The quoted words alone, when everything outside the quotation marks only says who
    spoke ("Port Director Amara Okafor: “…”" → "“…”"); None when the outside text says more
    (a partial quote inside the speaker's own sentence), so a card can drop a repeated name
    without losing meaning."""
    spans = quoted_spans(text)
    if not spans or speaker is None:
        return None
    outside = _blank_out_quotes(text, spans).replace(_Q, " ")
    for known in (speaker.name, speaker.role or ""):
        for part in known.split():
            outside = outside.replace(part, " ")
    leftover = [
        word
        for word in WORD.findall(outside)
        if word.lower() not in FILLER and not re.fullmatch(SPEECH_VERB_PATTERN, word.lower())
    ]
    if len(leftover) > 3:
        return None
    return " \u2026 ".join(text[start:end].strip() for start, end in spans)


def _blank_out_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        inner = text[start:end].rstrip(QUOTE_MARKS + " ")
        # "“…,” Name said" runs on into its attribution; "“….” Name said" starts anew.
        pieces.append(f" {_Q}, " if inner.endswith((",", "?", "!", "\u2014")) else f" {_Q} ")
        last = end
    pieces.append(text[last:])
    return re.sub(r"\s+", " ", "".join(pieces)).strip()


_WHO = r"(?P<who>(?:(?![.!?]\s)[^\x00:]){2,140}?)"
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # “…” — Name, role
    re.compile(r"\x00\s*[\u2014\u2013-]{1,2}\s*(?P<who>[^\x00]{2,140}?)\s*[.]?$"),
    # “…,” said Name, role.
    re.compile(
        rf"\x00\s*[,.]?\s*{SPEECH_VERB_PATTERN}\s+(?P<who>[^\x00]{{2,140}}?)\s*(?:[.;]\s|[.;]?\s*\x00|[.;]?$)"
    ),
    # “…,” Name, role, said.  /  “…,” Surname told reporters.  (not after a full stop)
    re.compile(rf"\x00\s*,\s*(?P<who>[^\x00]{{2,140}}?),?\s+{SPEECH_VERB_PATTERN}\b"),
    # Name, role: “…”  /  Role Name: “…”  /  Name told Outlet: “…”  /  Organisation: “…”
    re.compile(rf"^{_WHO}\s*:\s*\x00"),
    # … according to Name, role.
    re.compile(r"(?i:according to) (?P<who>[^\x00,.;]{2,80})"),
    # Role Name said the plan was “unacceptable” (a partial quote)
    re.compile(rf"^{_WHO},?\s+{SPEECH_VERB_PATTERN}\b[^\x00]*\x00"),
    # Reported speech with no quotation marks: Name said …
    re.compile(rf"^{_WHO},?\s+{SPEECH_VERB_PATTERN}\b"),
)


