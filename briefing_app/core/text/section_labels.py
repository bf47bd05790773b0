"""Which heading lines and inline labels name which section kind.

Why a vocabulary and exact matching: newsrooms use a small set of stock headings ("Why it
matters:", "Driving the news:") and a headline that merely *starts* like one ("Why this strike
could raise prices") must not become a section.  So a heading matches only as a whole phrase.
"""

from __future__ import annotations

import re

from briefing_app.core.model import SectionKind

_VOCABULARY: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.WHY_IT_MATTERS: (
        "why it matters",
        "why this matters",
        "why it's important",
        "why that matters",
    ),
    SectionKind.WHAT_TO_KNOW: (
        "what to know",
        "what you need to know",
        "what we know",
        "driving the news",
        "the big picture",
        "big picture",
        "details",
        "the details",
        "key facts",
        "the facts",
        "key points",
        "by the numbers",
        "state of play",
        "catch up quick",
        "the latest",
    ),
    SectionKind.QUOTES: (
        "what people are saying",
        "what they're saying",
        "what they are saying",
        "what he's saying",
        "what she's saying",
        "what they said",
        "what people said",
        "quotes",
        "key quotes",
        "in their own words",
        "in their words",
        "reaction",
        "reactions",
        "voices",
    ),
    SectionKind.NEXT_STEPS: (
        "what happens next",
        "what's next",
        "what comes next",
        "next steps",
        "what to watch",
        "what to watch for",
        "what we're watching",
        "the road ahead",
        "looking ahead",
        "what's ahead",
    ),
    # Stock labels that start a section of their own, kept as ``other`` so nothing is lost.
    SectionKind.OTHER: (
        "yes, but",
        "yes but",
        "go deeper",
        "reality check",
        "the intrigue",
        "of note",
        "editor's note",
        "correction",
        "worth noting",
        "timeline",
        "background",
        "context",
        "flashback",
        "zoom in",
        "zoom out",
        "between the lines",
        "the backstory",
        "how it works",
        "the bottom line",
        "bottom line",
        "the other side",
        "be smart",
        "the stakes",
        "what it means",
    ),
}

_PHRASE_TO_KIND: dict[str, SectionKind] = {
    phrase: kind for kind, phrases in _VOCABULARY.items() for phrase in phrases
}
_LETTER_RUN = re.compile(r"[a-z]+")
# The first run of letters of every stock phrase (see classify_heading).
_FIRST_WORDS = frozenset(
    first.group() for phrase in _PHRASE_TO_KIND if (first := _LETTER_RUN.search(phrase))
)
# Single words that are stock headings alone on a line but too common to be inline labels.
_HEADING_ONLY = {
    "details",
    "quotes",
    "reaction",
    "voices",
    "reactions",
    "timeline",
}

# Markup and space around a heading.  The trailing run is tried only where a run starts,
# so a long "* * * … x" is read once, not once from each of its characters.
_WRAPPERS = re.compile(r"^[#>\s*_]+|(?=[\s*_])(?<![\s*_])[\s*_]+$")
_SPACES = re.compile(r"\s+")
# "Why it matters: …", and also "Why it matters — …" with an em/en dash or spaced hyphen.
_LABEL = re.compile(
    r"^(?P<label>[^:\n\u2014\u2013]{2,40}?)(?:\s*+:|\s++[\u2014\u2013-]{1,2})\s*+"
)
# "1. ", "2) ", "📌 ", "• " before a heading: numbering and symbols are decoration.
_DECORATION = re.compile(r"^(?:\d{1,2}[.)]\s+|[^\w\s'\u2018\u201c\"]+\s*)")
# "why it matters for renters".  The lazy phrase never ends two characters into a space run
# and each run is taken whole, so a long run is read once, not once per space.
_QUALIFIED = re.compile(r"^(?P<phrase>.+?)(?<!\s\s)\s++(?:for|to|in|on)\s++\S.*$")


def normalise_phrase(text: str) -> str:
    """Lower-case a heading, straighten apostrophes, drop markup wrappers and a final colon."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = _WRAPPERS.sub("", text.strip())
    text = text.rstrip(":.?!\u2026\u2014\u2013- ").strip()
    text = _WRAPPERS.sub("", text)
    text = _DECORATION.sub("", text)
    return _SPACES.sub(" ", text).lower()


def classify_heading(text: str) -> SectionKind | None:
    """The section kind a whole heading line names, or None if it is no stock heading.

    Most lines asked about are prose, and an article of short paragraphs asks twice per
    paragraph: a line whose first run of letters opens no stock phrase is refused before
    it is normalised (normalising only drops markup, numbering and punctuation around the
    words and lower-cases them, so that run is the phrase's own first word)."""
    if len(text) > 60:
        return None
    first = _LETTER_RUN.search(text.lower())
    if first is None or first.group() not in _FIRST_WORDS:
        return None
    return _phrase_kind(normalise_phrase(text))


def _phrase_kind(phrase: str) -> SectionKind | None:
    """The section kind of a normalised heading phrase, or None."""
    kind = _PHRASE_TO_KIND.get(phrase)
    if kind is None and (qualified := _QUALIFIED.match(phrase)) and len(phrase.split()) <= 9:
        # "Why it matters for renters": a stock heading narrowed to an audience.
        base = _PHRASE_TO_KIND.get(qualified.group("phrase"))
        kind = base if base is not SectionKind.OTHER else None
    return kind


def split_inline_label(paragraph: str) -> tuple[str, SectionKind, int] | None:
    """Find a Smart Brevity label opening a paragraph ("Why it matters: The port …").

    Returns the label as written, its kind, and the offset where the rest of the paragraph
    starts; None when the paragraph does not open with a known label.
    """
    match = _LABEL.match(paragraph.lstrip("*_ "))
    if not match:
        return None
    phrase = normalise_phrase(match.group("label"))
    kind = _PHRASE_TO_KIND.get(phrase)
    if kind is None or phrase in _HEADING_ONLY:
        return None
    skipped = len(paragraph) - len(paragraph.lstrip("*_ "))
    rest_start = skipped + match.end()
    while rest_start < len(paragraph) and paragraph[rest_start] in "*_ ":
        rest_start += 1
    label = paragraph[skipped : skipped + match.end("label")].strip("*_ ")
    return label, kind, rest_start
