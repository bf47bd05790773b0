"""Stock headings: which lines name a section, and which only look a little like one.

Why these tests: a headline that merely starts like a stock heading must not become a
section, and the quick refusal of prose lines (by their first word) must refuse nothing the
full comparison would take.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from briefing_app.core.model import SectionKind
from briefing_app.core.text import section_labels
from briefing_app.core.text.section_labels import classify_heading, normalise_phrase


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Why it matters", SectionKind.WHY_IT_MATTERS),
        ("## WHY IT MATTERS:", SectionKind.WHY_IT_MATTERS),
        ("**What\u2019s next**", SectionKind.NEXT_STEPS),
        ("1. Key points", SectionKind.WHAT_TO_KNOW),
        ("\U0001f4cc The big picture", SectionKind.WHAT_TO_KNOW),
        ("Why it matters for renters", SectionKind.WHY_IT_MATTERS),
        ("> Reactions", SectionKind.QUOTES),
        ("\u212aey points", SectionKind.WHAT_TO_KNOW),  # a Kelvin sign lower-cases to "k"
    ],
)
def test_stock_headings_are_known_however_they_are_dressed(line: str, kind: SectionKind) -> None:
    assert classify_heading(line) is kind


@pytest.mark.parametrize(
    "line",
    ["Why this strike could raise prices", "p123.", "The port reopened on Monday.", "", "42",
     "Key points of the deal were leaked to the press", "Yes, but the union disagreed"],
)
def test_prose_and_headlines_are_no_stock_heading(line: str) -> None:
    assert classify_heading(line) is None


_PIECES = [
    "why", "it", "matters", "what", "to", "know", "key", "points", "next", "\u2019s", "'s",
    "the", "big", "picture", "for", "renters", "yes,", "but", "port", "\u212a", "ey", "K",
    "WHY", "#", "##", "**", "_", ">", "1.", "2)", "\U0001f4cc", ":", "\u2014", "-", ".",
    "\u00a0", "\u0130", "\u00e9", "\u017f", "3", "quotes", "reaction", "s", "",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.sampled_from([" ", "", "  "]))
@example(["\u212a", "ey", "points"], "")
@example(["##", "why", "it", "matters"], " ")
def test_the_quick_refusal_refuses_only_what_the_full_comparison_refuses(
    pieces: list[str], glue: str
) -> None:
    line = glue.join(pieces)
    full = section_labels._phrase_kind(normalise_phrase(line)) if len(line) <= 60 else None
    assert classify_heading(line) == full
