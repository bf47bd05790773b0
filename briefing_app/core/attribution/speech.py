"""A paragraph as speech sentences: sentences whose ends never fall inside a quotation.

Why not ordinary sentences: a quotation often holds several sentences (“We waited. Nobody
came,” she said.), and its attribution sits after the last of them.  Attribution reads one
speech sentence at a time, with each quotation replaced by a placeholder, so a rule sees
``\\x00, she said.`` and not the quoted words, which may name other people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from briefing_app.core.attribution.word_lists import SPEECH_VERB_PATTERN
from briefing_app.core.text.quotes import QUOTE_MARKS, SINGLE_CLOSING, quoted_spans
from briefing_app.core.text.sentences import sentence_spans
from briefing_app.core.text.words import COMPANY_ABBREVIATIONS, TITLE_ABBREVIATIONS

QUOTATION = "\x00"  # stands in for a quotation while the words outside it are read
# Stands in for an abbreviation's full stop ("Dr. Ines Moreau") while the shapes look for
# sentence ends; names turn it back into "." before they are split.
ABBREVIATION_DOT = "\ue000"
_ABBREVIATED = re.compile(
    r"\b(?P<word>"
    + "|".join(sorted(word.capitalize() for word in TITLE_ABBREVIATIONS | COMPANY_ABBREVIATIONS))
    + r"|[A-Z])\."
)
_RUNS_ON = (",", "?", "!", "\u2014", "\u2013")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SpeechSentence:
    """One speech sentence of a paragraph: where it is, its quotations, and its words outside
    them (each quotation as ``\\x00``, followed by ``,`` when the quotation ran on into its
    attribution, as in “…,” said; abbreviations' full stops hidden)."""

    start: int
    end: int
    quotes: tuple[tuple[int, int], ...]
    outside: str

    @property
    def has_quote(self) -> bool:
        """True when the sentence holds at least one quotation."""
        return bool(self.quotes)


def speech_sentences(paragraph: str) -> list[SpeechSentence]:
    """The paragraph's speech sentences in order, covering all of its text."""
    quotes = quoted_spans(paragraph)
    spans = _merged_across_quotes(sentence_spans(paragraph), quotes)
    if len(quotes) >= 2:
        spans = [
            part for span in spans for part in _split_between_speakers(paragraph, span, quotes)
        ]
    if not spans and paragraph.strip():
        spans = [(0, len(paragraph))]
    sentences = []
    for start, end in spans:
        inside = tuple((s, e) for s, e in quotes if s >= start and e <= end)
        sentences.append(
            SpeechSentence(start, end, inside, outside_words(paragraph, start, end, inside))
        )
    return sentences


# A clause break between two quotations: "A said “…”, while B told reporters: “…”".
_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas|but|and)\s+|;\s+")


def _split_between_speakers(
    paragraph: str, span: tuple[int, int], quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A sentence holding two quotations, each with its own attribution clause, as two
    speech sentences: the clause after the break names a new speaker before its quotation
    (a capitalised word before a speech verb or a colon), so each quote keeps its own."""
    start, end = span
    inside = [(s, e) for s, e in quotes if s >= start and e <= end]
    if len(inside) < 2:
        return [span]
    for first, second in pairwise(inside):
        gap = paragraph[first[1] : second[0]]
        for match in _CLAUSE_BREAK.finditer(gap):
            clause = gap[match.end() :]
            if _NAMES_SPEAKER.search(clause):
                cut = first[1] + match.start()
                after = first[1] + match.end()
                return [(start, cut), *_split_between_speakers(paragraph, (after, end), quotes)]
    return [span]


_NAMES_SPEAKER = re.compile(rf"\b{SPEECH_VERB_PATTERN}\b|:\s*$")


def _merged_across_quotes(
    spans: list[tuple[int, int]], quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Join sentences whose boundary lies inside a quotation: it ends a quoted sentence, not
    the speaker's."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and any(s < merged[-1][1] < e - 1 for s, e in quotes):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def outside_words(
    text: str, start: int, end: int, quotes: tuple[tuple[int, int], ...] | list[tuple[int, int]]
) -> str:
    """``text[start:end]`` with each quotation as a placeholder and spaces collapsed."""
    pieces: list[str] = []
    last = start
    for quote_start, quote_end in quotes:
        pieces.append(text[last:quote_start])
        inner = text[quote_start:quote_end].rstrip(QUOTE_MARKS + SINGLE_CLOSING + " ")
        # "“…,” Name said" runs on into its attribution; "“….” Name said" starts anew.
        pieces.append(f" {QUOTATION}, " if inner.endswith(_RUNS_ON) else f" {QUOTATION} ")
        last = quote_end
    pieces.append(text[last:end])
    outside = _SPACES.sub(" ", "".join(pieces)).strip()
    return _ABBREVIATED.sub(lambda match: match.group("word") + ABBREVIATION_DOT, outside)
