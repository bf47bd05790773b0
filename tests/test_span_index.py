"""The reverse index answers 'who cites this position' exactly like a brute-force scan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.core.linking.span_index import SpanIndex, SpanList, citation_strength
from briefing_app.core.model import Brief

TEXT = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota. Kappa lambda mu."


def _selector(start: int, end: int, reason: str = "source", score: float = 1.0) -> dict:
    return {"start": start, "end": end, "exact": TEXT[start:end], "reason": reason,
            "score": score}


def _brief(sections: list[dict], text: str = TEXT) -> Brief:
    return Brief.model_validate(
        {"id": "x", "article": {"text": text}, "sections": sections}
    )


def _sample() -> Brief:
    return _brief([
        {"kind": "why_it_matters", "items": [
            {"id": "w1", "kind": "claim", "text": "Alpha",
             "anchors": [_selector(0, 17), _selector(38, 54, "shared_words", 0.6)]},
        ]},
        {"kind": "quotes", "items": [
            {"id": "q1", "kind": "quote", "text": "Delta",
             "anchors": [_selector(18, 37), _selector(6, 16, "quoted_words", 0.9)]},
        ]},
    ])


def test_citations_at_lists_strongest_first() -> None:
    index = SpanIndex(_sample())
    at_beta = index.citations_at(TEXT.index("beta"))
    assert [c.item_id for c in at_beta] == ["w1", "q1"]
    assert at_beta[0].is_own_span and not at_beta[1].is_own_span
    assert index.citations_at(0)[0].item_id == "w1"
    assert index.citations_at(17) == ()  # the space between sentences
    assert index.citations_at(len(TEXT) - 2) == ()


def test_segments_between_covers_a_paragraph() -> None:
    index = SpanIndex(_sample())
    segments = index.segments_between(0, 20)
    assert segments[0].start == 0
    assert all(s.start < 20 and s.end > 0 for s in segments)
    assert {c.item_id for s in segments for c in s.citations} == {"w1", "q1"}


def test_section_spans_are_merged_and_uncited_ranges_stand_out() -> None:
    index = SpanIndex(_sample())
    spans = index.section_spans()
    assert spans[0] == [(0, 17), (38, 54)]
    assert spans[1] == [(6, 16), (18, 37)]
    assert index.uncited_ranges() == [(17, 18), (37, 38), (54, len(TEXT))]
    assert 0 < index.coverage() < 1


def test_out_of_range_anchors_are_clamped_not_fatal() -> None:
    brief = _brief([{"kind": "other", "items": [
        {"id": "o", "kind": "point", "text": "t", "anchors": [
            {"start": 60, "end": 200, "exact": "x" * 140}]}]}])
    index = SpanIndex(brief)
    assert index.citations_at(65)[0].item_id == "o"
    assert index.citations_at(500) == ()
    assert index.citations_of("o")[0].end == len(TEXT)
    assert index.item("missing") is None and index.section_index_of("o") == 0


def test_empty_brief() -> None:
    index = SpanIndex(_brief([]))
    assert index.citations_at(3) == ()
    assert index.segments_between(0, 100) == []
    assert index.uncited_ranges() == [(0, len(TEXT))]


def test_span_list_overlapping() -> None:
    spans = SpanList([(10, 12), (0, 3), (20, 25)])
    assert spans.overlapping(2, 11) == [(0, 3), (10, 12)]
    assert spans.overlapping(3, 10) == []
    assert spans.overlapping(24, 100) == [(20, 25)]
    assert len(spans) == 3


@st.composite
def _random_brief(draw: st.DrawFn) -> Brief:
    n = len(TEXT)
    sections = []
    for s in range(draw(st.integers(1, 3))):
        items = []
        for i in range(draw(st.integers(0, 4))):
            anchors = []
            for _ in range(draw(st.integers(1, 3))):
                a = draw(st.integers(0, n))
                b = draw(st.integers(a, n))
                anchors.append(_selector(a, b, score=draw(st.floats(0, 1))))
            items.append({"id": f"s{s}i{i}", "kind": "claim", "text": "t", "anchors": anchors})
        sections.append({"kind": "other", "items": items})
    return _brief(sections)


@settings(max_examples=60, deadline=None)
@given(_random_brief())
def test_index_matches_brute_force(brief: Brief) -> None:
    index = SpanIndex(brief)
    everything = [c for item in brief.items() for c in index.citations_of(item.id)]
    for pos in range(len(TEXT) + 1):
        expected = sorted(
            (c for c in everything if c.start <= pos < c.end), key=citation_strength
        )
        assert list(index.citations_at(pos)) == expected
