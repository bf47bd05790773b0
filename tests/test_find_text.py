"""Find-in-article matches what a reader means, and its spans index the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.text.find import (
    find_all,
    match_at_or_after,
    query_pattern,
    step_match,
)


def test_case_insensitive_spans() -> None:
    text = "The Port closed. the port reopened. PORT!"
    spans = find_all(text, "port")
    assert [text[a:b] for a, b in spans] == ["Port", "port", "PORT"]


def test_blank_query_finds_nothing() -> None:
    assert find_all("abc", "") == []
    assert find_all("abc", "   ") == []
    assert query_pattern(" \n") is None


def test_code_points_after_emoji() -> None:
    text = "Crowds 🎉🎉 cheered. Then quiet 𝔸 returned."
    (span,) = find_all(text, "quiet")
    assert text[span[0]:span[1]] == "quiet"


def test_quotes_and_whitespace_are_lenient() -> None:
    text = "The region\u2019s busiest\nharbour said \u201cno\u201d."
    assert find_all(text, "region's busiest harbour") == [(4, 28)]
    assert len(find_all(text, '"no"')) == 1


def test_regex_characters_are_literal() -> None:
    assert find_all("costs $38 (est.) a day", "$38 (est.)") == [(6, 16)]


def test_limit() -> None:
    assert len(find_all("a" * 50, "a", limit=7)) == 7


def test_navigation_helpers() -> None:
    matches = [(0, 2), (10, 12), (20, 22)]
    assert match_at_or_after(matches, 5) == 1
    assert match_at_or_after(matches, 21) == 0  # wraps
    assert match_at_or_after([], 0) is None
    assert step_match(3, 2) == 0
    assert step_match(3, 0, backwards=True) == 2
    assert step_match(3, None, backwards=True) == 2
    assert step_match(0, None) is None


@given(st.text(alphabet="abAB😀é", max_size=60), st.text(alphabet="abAB", min_size=1, max_size=3))
def test_matches_agree_with_a_lowercase_scan(text: str, query: str) -> None:
    expected, low, needle, i = [], text.lower(), query.lower(), 0
    while (i := low.find(needle, i)) != -1:
        expected.append((i, i + len(needle)))
        i += len(needle)
    assert find_all(text, query) == expected
