"""The reader's state without a window: selection and evidence, what a click selects, find,
the filter's memory, tab titles that fit, the evidence map's heights and link wording."""

from __future__ import annotations

from briefing_app.core.model import Brief, SectionKind
from briefing_app.core.reading.document import prepare_document
from briefing_app.core.reading.evidence_map import (
    LineCounts,
    Paragraphs,
    evidence_lanes,
    paragraph_starts,
    pixel_runs,
)
from briefing_app.core.reading.filter_memory import FilterMemory, ListPlace
from briefing_app.core.reading.find_state import FindState
from briefing_app.core.reading.link_words import link_chips
from briefing_app.core.reading.selection import Selection
from briefing_app.core.reading.tabs import fitting_titles, plan_tabs

TEXT = "Alpha beta gamma. Delta epsilon zeta.\nEta theta 1,240 iota.\nKappa lambda mu."


def _anchor(needle: str, reason: str = "source", detail: str = "", score: float = 1.0) -> dict:
    start = TEXT.index(needle)
    return {"start": start, "end": start + len(needle), "exact": needle, "reason": reason,
            "detail": detail, "score": score}


def _brief() -> Brief:
    return Brief.model_validate({"id": "x", "article": {"text": TEXT}, "sections": [
        {"kind": "why_it_matters", "items": [
            {"id": "w1", "kind": "claim", "text": "Alpha", "anchors": [
                _anchor("Alpha beta gamma."),
                _anchor("Eta theta 1,240 iota.", "figure", "1,240", 3),
                _anchor("Kappa lambda", "figure", "1,240", 3),
                _anchor("Delta epsilon", "speaker", "Ann Lee", 2.5)]}]},
        {"kind": "quotes", "items": [
            {"id": "q1", "kind": "quote", "text": "Eta", "anchors": [
                _anchor("Eta theta 1,240 iota.")]}]},
    ]})


def _selection() -> Selection:
    return Selection(prepare_document(_brief()).index)


def test_selecting_shows_the_own_passage_first_and_counts_every_passage() -> None:
    selection = _selection()
    assert selection.view().counter == "Evidence" and selection.view().spans == []
    assert selection.select("w1")
    view = selection.view()
    assert view.counter == "Evidence 1 of 4"
    assert view.reason == "the item's own passage"
    assert view.current == view.own[0] == (0, len("Alpha beta gamma."))
    assert len(view.soft) == 3
    assert not selection.select("missing") and selection.item_id == "w1"


def test_evidence_steps_wrap_and_say_why_each_passage_is_linked() -> None:
    selection = _selection()
    selection.select("w1")
    selection.step(1)
    assert selection.view().counter == "Evidence 2 of 4"
    assert selection.view().reason == "same figure (1,240)"
    selection.step(-2)
    assert selection.view().counter == "Evidence 4 of 4"
    assert selection.view().reason == "speaker's statement (Ann Lee)"
    assert selection.to_source() and selection.position == 0


def test_a_click_selects_only_on_highlighted_evidence() -> None:
    selection = _selection()
    eta = TEXT.index("Eta")
    assert selection.click_target(eta, tint=False) is None  # cited, but nothing highlighted
    assert selection.click_target(eta, tint=True).item_id == "q1"  # the tint shows it
    selection.select("w1")
    target = selection.click_target(eta, tint=False)  # w1's soft span, q1's own
    assert target is not None and target.item_id == "q1" and target.is_own_span
    assert selection.click_target(TEXT.index("gamma."), tint=False).item_id == "w1"
    assert selection.click_target(TEXT.index("mu."), tint=True) is None  # uncited


def test_chips_group_links_by_reason_and_know_which_passage_they_stand_for() -> None:
    item = _brief().sections[0].items[0]
    chips = link_chips(item)
    assert [c.label for c in chips] == ["same figure 1,240 \u00d72", "speaker's statement Ann Lee"]
    assert chips[0].evidence == (1, 2) and chips[1].evidence == (3,)


def test_find_starts_at_the_view_and_wraps() -> None:
    find = FindState()
    find.search(TEXT, "a", from_position=TEXT.index("Kappa"))
    assert find.matches[find.current][0] >= TEXT.index("Kappa")
    first = find.current
    find.step()
    find.step(backwards=True)
    assert find.current == first
    find.search(TEXT, "zeppelin")
    assert find.status() == "No matches" and find.step() is None
    find.search(TEXT, "ETA")
    assert find.status() == "1 of 4"  # beta, zeta, Eta, theta: from the top
    find.clear()
    assert find.status() == "" and find.matches == []


def test_clearing_the_filter_goes_back_to_the_place_before_it() -> None:
    memory = FilterMemory()
    before = ListPlace(tab=2, item_id="w1", scroll=340)
    assert memory.filter_changed("ok", before) is None
    assert memory.filter_changed("oka", ListPlace(2, "w1", 0)) is None
    assert memory.filter_changed("", ListPlace(2, "w1", 0)) == before


def test_a_card_picked_while_filtering_outlives_the_filter() -> None:
    memory = FilterMemory()
    memory.filter_changed("lee", ListPlace(0, "w1", 120))
    memory.chosen("q1")
    assert memory.filter_changed("", ListPlace(3, "q1", 0)) == ListPlace(3, "q1", None)
    memory.chosen("w1")  # no filter typed: nothing to remember
    memory.filter_changed("x", ListPlace(0, "w1", 5))
    memory.forget()
    assert memory.filter_changed("", ListPlace(0, "w1", 0)) is None


def test_tab_titles_shorten_to_fit_before_overflowing() -> None:
    specs = plan_tabs(_brief())
    counts = [(len(s.items), len(s.items)) for s in specs]

    def width_of(titles: list[str]) -> int:
        return sum(8 * len(title) + 30 for title in titles)

    full = fitting_titles(specs, counts, width_of, 10_000)
    assert full[1] == "Why It Matters (1)"
    short = fitting_titles(specs, counts, width_of, width_of(full) - 1)
    assert short[1] == "Why (1)" and short[2] == "Know (0)"
    assert fitting_titles(specs, counts, width_of, 10)[1] == "Why"


def test_line_map_turns_positions_into_heights_in_bulk() -> None:
    starts = paragraph_starts(TEXT)
    assert starts == [0, TEXT.index("Eta"), TEXT.index("Kappa")]
    second_line = (TEXT.index("epsilon"), TEXT.index("zeta.") + 5)
    places = Paragraphs(starts, len(TEXT)).place(
        [(0, 5), second_line, (TEXT.index("Kappa"), len(TEXT))])
    laid_out = places.fractions(LineCounts([2, 1, 1]))  # paragraph one wraps onto two lines
    assert laid_out[0][0] == 0.0
    assert 0.25 <= laid_out[1][0] < laid_out[1][1] <= 0.5  # on paragraph one's second line
    assert laid_out[2][0] == 0.75 and laid_out[2][1] < 1.0
    not_yet = places.fractions(LineCounts([0, 0, 0]))  # unlaid paragraphs count one line
    assert not_yet[2][0] == 2 / 3


def test_evidence_lanes_follow_tab_order_and_pixel_runs_merge() -> None:
    document = prepare_document(_brief())
    lanes = evidence_lanes(document.brief, document.index)
    assert [kind for kind, _ in lanes] == [SectionKind.WHY_IT_MATTERS, SectionKind.QUOTES]
    assert pixel_runs([(0.0, 0.01), (0.011, 0.02), (0.5, 0.5)], 0, 100, min_height=2) == [
        (0, 3), (50, 52)]
    assert document.summary() == "brief  ·  2 items  ·  83% of the article cited"
