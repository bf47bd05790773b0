"""Figures, dates and hedges: what ties restatements together and what marks doubt."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.core.importer import import_text
from briefing_app.core.text.facts import find_figures, item_dates
from briefing_app.core.text.hedges import find_hedges, hedge_hints


def keys(text: str) -> list[str]:
    return [f.key for f in find_figures(text) if f.significant]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("$38 million a day", "$38m a day"),
        ("$4.5 billion", "$4.5bn"),
        ("$4.5-billion deal", "$4.5 billion"),
        ("12 percent", "12%"),
        ("18 per cent", "18pc"),
        ("1.2m patients", "1.2 million patients"),
        ("The 1,240 strikers", "1240 workers"),
        ("All 11 branches", "the 11 branches"),
        ("11 of the branches", "the 11 branches"),
        ("40 of its workers", "40 workers"),
        ("60 of the company's vehicles", "60 vehicles"),
        ("a 12th-minute penalty", "in the 12th minute"),
    ],
)
def test_the_same_figure_written_two_ways_matches(first: str, second: str) -> None:
    assert keys(first) and keys(first) == keys(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("rebuild 12 hospitals", "within 12 weeks"),
        ("paid £20 each", "20 people"),
        ("14% of imports", "14 ships"),
        ("40 of the ships", "40 of the workers"),
        ("closed 12 of the piers", "12 of their cranes"),
        ("in the 12th minute", "the 12th man"),
        ("his 14th goal", "14 goals"),
    ],
)
def test_different_facts_with_the_same_number_do_not_match(first: str, second: str) -> None:
    assert keys(first) != keys(second)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 60 were hurt.", ["60"]),  # "were" says nothing of what was counted
        ("The vote was 31 to 9 against.", ["31"]),
        ("It cost 90 of the 480 miles.", ["90", "480"]),
        ("The total was 12\n\nThe board met.", ["12"]),  # not a word of the next paragraph
        ("Ferries left at 15 and 16 past.", ["15", "16 past"]),
    ],
)
def test_a_figure_counts_no_function_word_and_nothing_past_its_line(
    text: str, expected: list[str]
) -> None:
    assert keys(text) == expected


def test_clock_times_are_not_figures() -> None:
    """A live blog stamps every entry with a time: "10:05" and "10:30" share no fact."""
    assert keys("10:05 \u2014 Ferries are cancelled until 18:00, and 2,300 homes are dark.") == [
        "2300"
    ]


def test_years_dates_small_numbers_and_scores_are_not_evidence() -> None:
    assert keys("In 2011 the board voted 7-2, then 20-20 on Nov. 20, with 3 abstentions.") == []


def test_dates_are_collected_as_written() -> None:
    assert item_dates("The vote is on December 9, 2026, after talks on Monday.") == [
        "December 9, 2026",
        "Monday",
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a figure that has not been independently confirmed", "unconfirmed"),
        ("Police have not confirmed the cause.", "unconfirmed"),
        ("Estimates vary on the cost.", "estimate"),
        ("Estimates range from 10 to 40.", "estimate"),
        ("The officer allegedly struck him.", "allegation"),
        ("Purportedly leaked messages", "allegation"),
        ("The minister reportedly resigned.", "reported"),
        ("It was not immediately clear who fired.", "uncertain"),
        ("a figure campaigners dispute", "uncertain"),
        ("The rebels are thought to have withdrawn.", "uncertain"),
    ],
)
def test_hedges_are_found(text: str, kind: str) -> None:
    assert kind in [hedge.kind for hedge in find_hedges(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The weather forecast for polling day is dry.",
        "a disputed housing development",
        "If the dispute runs past the 11 days of the last strike",
        "The port reported record traffic.",
    ],
)
def test_plain_statements_are_not_hedged(text: str) -> None:
    assert find_hedges(text) == []


HEDGE_PIECES = [
    "has not yet been independently confirmed",
    "could not be independently verified",
    "not been independently checked",
    "did not publicly confirm",
    "estimates vary",
    "an estimated",
    "roughly estimate",
    "preliminary results",
    "were forecast to",
    "investigators believe",
    "claimed without evidence",
    "according to a person familiar",
    "people familiar with",
    "sources said to",
    "is said to",
    "anonymous sources",
    "unnamed officials",
    "it remains not yet unclear",
    "unclear whether",
    "not immediately clear",
    "are believed to",
    "appears to have",
    "the government disputes",
    "disputes those numbers",
    "remains contested",
    "UNCONFIRMED",
    "Reportedly",
    "allegedly",
    "İstanbul",
    "ſaid to",
    "the",
    "port",
    "officials",
    "2,000",
    ",",
    ".",
    "—",
    "“",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEDGE_PIECES), max_size=40), st.sampled_from([" ", "", "-"]))
def test_hedges_found_near_their_key_words_are_those_a_full_scan_finds(
    pieces: list[str], glue: str
) -> None:
    text = glue.join(pieces)
    assert find_hedges(text, hedge_hints(text)) == find_hedges(text)


def test_a_numbered_lists_markers_are_not_evidence() -> None:
    text = "Steps:\n57. Load 120 crates\n58) Check 57 seals\nWe counted 58. Then left."
    significant = [(figure.text, figure.start) for figure in find_figures(text)
                   if figure.significant]
    # the markers "57." and "58)" count items; "57 seals" and a sentence's "58." are figures
    assert significant == [
        ("120", text.index("120")), ("57", text.index("57 seals")), ("58", text.index("58. Then"))
    ]


def test_a_long_numbered_list_does_not_link_each_item_to_the_next() -> None:
    from briefing_app.core.importer import import_text

    # (each marker is the next item's number: "41. item 40", "42. item 41", …)
    text = "# Steps\n\n" + "".join(f"{n + 1}. item {n}\n" for n in range(40, 60))
    brief = import_text(text, fmt="markdown")
    assert [item.text for item in brief.items()][:2] == ["item 40", "item 41"]
    assert not any(item.links for item in brief.items())


def test_each_item_lists_its_significant_figures_once_as_written() -> None:
    """Each item lists its significant figures once each, in reading order, as the item
    writes them (dates, years and small numbers are not figures)."""
    from briefing_app.core.importer import import_text

    brief = import_text(
        "Port strike\n\nThe union has 1,240 members and wants 6% more, 1,240 strong.\n\n"
        "All 1,240 members voted on Thursday, 2024; 3 abstained.\n\n"
        "The offer was $38.5m, then $38.5 million.",
        name="strike.txt",
    )
    first, second, third = brief.items()
    assert [(f.text, f.value) for f in first.figures] == [("1,240", "1240"), ("6%", "6%")]
    assert [f.text for f in second.figures] == ["1,240"]  # not the year, not the 3
    assert [(f.text, f.value) for f in third.figures] == [("$38.5m", "3.85e+07")]


@pytest.mark.parametrize(
    ("text", "key"),
    [("5 MİLLİON euros", "5e+06"), ("5 mıllıon euros", "5e+06"), ("7 thouſand boxes", "7000"),
     ("$3\u212a", "3000")],
)
def test_a_scale_word_matched_through_a_letter_that_folds_one_way_only_keeps_its_scale(
    text: str, key: str
) -> None:
    # (these lower-case to no scale: "İ" becomes "i" and a combining dot; the import crashed)
    assert [figure.key for figure in find_figures(text)] == [key]
    brief = import_text(f"Fund\n\nThe fund holds {text} this year, officials said.\n")
    assert [figure.value for item in brief.items() for figure in item.figures] == [key]
