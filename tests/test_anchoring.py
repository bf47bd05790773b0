"""Selectors: the anchor invariant, and finding a quote again after the text changes."""

from __future__ import annotations

from briefing_app.core.anchoring import make_selector, reanchor, selector_holds

TEXT = "The council voted 6–3 on Tuesday 😀 to close a $4.2 million gap in next year’s budget."


def test_selector_carries_exact_prefix_and_suffix_in_code_points() -> None:
    start = TEXT.index("$4.2 million")
    selector = make_selector(TEXT, start, start + len("$4.2 million"))
    assert selector.exact == "$4.2 million"
    assert selector.prefix == TEXT[start - 32 : start]
    assert "😀" in selector.prefix  # an astral character counts as one code point
    assert selector.suffix == TEXT[selector.end : selector.end + 32]
    assert selector_holds(TEXT, selector)


def test_position_kept_when_text_is_unchanged() -> None:
    selector = make_selector(TEXT, 4, 11)
    assert reanchor(TEXT, selector) == selector


def test_exact_quote_nearest_old_position_after_an_insertion() -> None:
    selector = make_selector(TEXT, TEXT.index("close"), TEXT.index("close") + 5)
    edited = "Breaking: " + TEXT
    moved = reanchor(edited, selector)
    assert moved is not None and edited[moved.start : moved.end] == "close"
    assert moved.start == selector.start + len("Breaking: ")


def test_fuzzy_match_survives_a_small_edit_inside_the_quote() -> None:
    start = TEXT.index("to close")
    selector = make_selector(TEXT, start, start + len("to close a $4.2 million gap"))
    edited = TEXT.replace("$4.2 million gap", "$4.3 million gap")
    moved = reanchor(edited, selector)
    assert moved is not None
    assert edited[moved.start : moved.end] == "to close a $4.3 million gap"
    assert selector_holds(edited, moved)


def test_vanished_quote_is_an_orphan_not_a_wrong_match() -> None:
    selector = make_selector(TEXT, TEXT.index("council"), TEXT.index("council") + 7)
    assert reanchor("Something else entirely, with no trace of it.", selector) is None


def test_ambiguous_fuzzy_match_is_refused() -> None:
    text = "alpha beta gamma delta. " * 2
    selector = make_selector("alpha beta gamma deltx. ", 0, 22)
    assert reanchor(text, selector) is None
