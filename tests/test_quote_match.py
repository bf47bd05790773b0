"""Finding a reader's passage again after the article changed (match_quote, anchor_selector).

The behaviours follow the Hypothesis client's matchQuote tests (exact scores 1.0, edits rank by
quote and context, the hint breaks ties, no good match gives None), plus what a reader of a
changed article relies on here: two places alike give an orphan with its reason, never a
guess.
"""

from __future__ import annotations

from briefing_app.core.anchoring import (
    anchor_selector,
    make_selector,
    match_quote,
    reanchor,
    selector_holds,
)
from briefing_app.core.annotations import Placement

ARTICLE = (
    "The harbour board met on Monday. Dockworkers rejected the revised wage offer by a wide "
    "margin, and the union said talks would resume next week. Shipping lines diverted three "
    "container vessels to Port Aldwick while the strike lasted. The mayor urged both sides to "
    "accept a mediator before the winter fuel deliveries were due."
)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_an_unchanged_quote_with_its_context_scores_one() -> None:
    start, end = _span(ARTICLE, "rejected the revised wage offer")
    selector = make_selector(ARTICLE, start, end)
    found = match_quote(
        ARTICLE, selector.exact, prefix=selector.prefix, suffix=selector.suffix, hint=start
    )
    assert found is not None
    assert (found.start, found.end, found.score) == (start, end, 1.0)


def test_a_quote_whose_context_changed_is_found_but_scores_below_one() -> None:
    start, end = _span(ARTICLE, "rejected the revised wage offer")
    found = match_quote(ARTICLE, ARTICLE[start:end], prefix="Nothing like this: ")
    assert found is not None and (found.start, found.end) == (start, end)
    assert found.score < 1.0


def test_text_inserted_before_a_passage_moves_it_with_the_text() -> None:
    start, end = _span(ARTICLE, "diverted three container vessels")
    selector = make_selector(ARTICLE, start, end)
    edited = "UPDATED 14:05. " + ARTICLE
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.MOVED
    assert anchor.selector is not None and anchor.selector.start == start + len("UPDATED 14:05. ")
    assert anchor.selector.exact == selector.exact and anchor.score == 1.0


def test_an_untouched_passage_stays_exactly_where_it_was() -> None:
    start, end = _span(ARTICLE, "urged both sides")
    selector = make_selector(ARTICLE, start, end)
    edited = ARTICLE.replace("met on Monday", "met on Friday")  # before it, same length
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.EXACT and anchor.selector == selector


def test_a_replaced_word_inside_the_quote_is_found_fuzzy_with_the_new_words() -> None:
    selector = make_selector(ARTICLE, *_span(ARTICLE, "rejected the revised wage offer by a wide"))
    edited = ARTICLE.replace("revised wage offer", "improved wage offer")
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.FUZZY
    assert anchor.selector is not None
    assert anchor.selector.exact == "rejected the improved wage offer by a wide"
    assert selector_holds(edited, anchor.selector)
    assert 0.75 <= anchor.score < 1.0


def test_an_inserted_word_inside_the_quote_becomes_part_of_it() -> None:
    selector = make_selector(ARTICLE, *_span(ARTICLE, "diverted three container vessels"))
    edited = ARTICLE.replace("three container", "three large container")
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.FUZZY and anchor.selector is not None
    assert anchor.selector.exact == "diverted three large container vessels"


def test_a_deleted_first_word_leaves_the_rest_of_the_quote() -> None:
    selector = make_selector(ARTICLE, *_span(ARTICLE, "Shipping lines diverted three container"))
    edited = ARTICLE.replace("Shipping lines diverted", "lines diverted")
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.FUZZY and anchor.selector is not None
    assert anchor.selector.exact == "lines diverted three container"


def test_a_word_inserted_just_before_an_unchanged_quote_stays_outside_it() -> None:
    selector = make_selector(ARTICLE, *_span(ARTICLE, "accept a mediator before the winter"))
    edited = ARTICLE.replace("to accept a mediator", "to quickly accept a mediator")
    anchor = anchor_selector(edited, selector)
    assert anchor.selector is not None
    assert anchor.selector.exact == "accept a mediator before the winter"
    assert anchor.placement is Placement.MOVED


def test_prefix_and_suffix_pick_the_right_one_of_repeated_quotes() -> None:
    text = "Okafor said no. Later, Reilly said no. Finally, Markley said no. The end."
    found = match_quote(text, "said no", prefix="Later, Reilly ", suffix=". Finally")
    assert found is not None and found.start == text.index("Reilly said no") + len("Reilly ")
    found = match_quote(text, "said no", prefix="Finally, Markley ", suffix=". The end")
    assert found is not None and found.start == text.index("Markley said no") + len("Markley ")


def test_context_picks_the_right_copy_of_an_edited_repeated_quote() -> None:
    text = "In June the port handled 4,100 boxes. In July the port handled 4,800 boxes. Done."
    found = match_quote(text, "the port handled 4,900 boxes", prefix="In July ", suffix=". Done")
    assert found is not None
    assert text[found.start : found.end] == "the port handled 4,800 boxes"
    assert found.score < 1.0


def test_the_hint_breaks_a_tie_between_identical_copies() -> None:
    text = "Rain again. " * 5
    for copy in range(5):
        hint = copy * len("Rain again. ")
        found = match_quote(text, "Rain again.", hint=hint + 3)
        assert found is not None and found.start == hint


def test_two_equally_good_changed_places_give_no_match_and_say_where() -> None:
    text = "The ferry left at dawn. Cargo followed. The ferry left at dawn. Cargo followed."
    selector = make_selector("The ferry left at noon. Cargo followed.", 0, 22)
    anchor = anchor_selector(text, selector)
    assert anchor.placement is Placement.ORPHAN and anchor.selector is None
    assert anchor.reason.startswith("two places match alike")
    assert "0–22" in anchor.reason and "40–62" in anchor.reason
    assert match_quote(text, "The ferry left at noon", suffix=". Cargo followed") is None


def test_nothing_similar_is_an_orphan_not_a_guess() -> None:
    selector = make_selector(ARTICLE, *_span(ARTICLE, "winter fuel deliveries"))
    anchor = anchor_selector("An entirely different story about tennis rackets.", selector)
    assert anchor.placement is Placement.ORPHAN and anchor.selector is None
    assert anchor.reason.startswith("not found")
    assert match_quote("An entirely different story.", "winter fuel deliveries") is None


def test_an_empty_quote_matches_nothing() -> None:
    assert match_quote(ARTICLE, "") is None
    empty = make_selector(ARTICLE, 5, 5)
    anchor = anchor_selector(ARTICLE, empty)
    assert anchor.placement is Placement.ORPHAN and "empty" in anchor.reason


def test_offsets_count_code_points_around_emoji_and_astral_characters() -> None:
    text = "Crowds cheered 🎉🎉 as the 𝔖𝔥𝔦𝔭 docked at 09:00 🚢 on Friday."
    selector = make_selector(text, *_span(text, "docked at 09:00 🚢"))
    edited = "🌊 " + text.replace("09:00", "09:15")
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.FUZZY and anchor.selector is not None
    assert anchor.selector.exact == "docked at 09:15 🚢"
    assert edited[anchor.selector.start : anchor.selector.end] == "docked at 09:15 🚢"
    found = match_quote(edited, "𝔖𝔥𝔦𝔭")
    assert found is not None and found.end - found.start == 4


def test_a_passage_moved_far_away_is_found_by_its_words() -> None:
    filler = "".join(f"Paragraph {n} is about something else entirely. " for n in range(3000))
    passage = "In the end the mediator's proposal was accepted by 612 votes to 41, said the union."
    start, end = _span(passage, "proposal was accepted by 612 votes")
    selector = make_selector(passage + " " + filler, start, end)
    moved = filler + " " + passage.replace("612", "613")
    anchor = anchor_selector(moved, selector)
    assert anchor.placement is Placement.FUZZY and anchor.selector is not None
    assert anchor.selector.start == len(filler) + 1 + start
    assert anchor.selector.exact == "proposal was accepted by 613 votes"


def test_a_long_quote_is_found_after_an_edit_without_freezing() -> None:
    sentences = [
        f"Sentence {n} records a figure of {n * 37} tonnes at berth {n % 9}." for n in range(400)
    ]
    text = " ".join(sentences)
    start, end = _span(text, " ".join(sentences[100:300]))  # ~12,000 characters
    selector = make_selector(text, start, end)
    edited = text.replace("figure of 7400 tonnes", "figure of 7401 tonnes")
    anchor = anchor_selector("Breaking. " + edited, selector)
    assert anchor.placement is Placement.FUZZY and anchor.selector is not None
    assert anchor.selector.start == start + len("Breaking. ")
    assert anchor.selector.end == end + len("Breaking. ")


def test_reanchor_keeps_its_old_contract() -> None:
    selector = make_selector(ARTICLE, *_span(ARTICLE, "wide margin"))
    moved = reanchor("Update. " + ARTICLE, selector)
    assert moved is not None and moved.exact == "wide margin"
    assert reanchor("unrelated", selector) is None


# ---- changed wording between intact neighbours, against the quote verbatim elsewhere ----

STORY = (
    "Ferries to Kelso ran late all week. The pilots said the cheaper ferry at Halden sailed "
    "on time, and the council agreed. Nothing else happened at the quay that day. Nothing "
    "else happened at the quay that day. Freight agents booked the cheaper ferry at dawn "
    "instead, and nobody complained."
)


def test_a_short_quote_that_lost_a_word_stays_between_its_intact_neighbours() -> None:
    # "cheaper ferry at" also stands verbatim a few lines on, between other words; the place
    # where both neighbours survived, with one word gone, is still the passage.
    selector = make_selector(STORY, *_span(STORY, "cheaper ferry at"))
    edited = STORY.replace("said the cheaper ferry at Halden", "said the ferry at Halden")
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.FUZZY and anchor.selector is not None
    assert (anchor.selector.start, anchor.selector.exact) == (edited.index("ferry at"), "ferry at")
    assert anchor.score >= 0.75


def test_the_verbatim_copy_wins_when_the_changed_place_agrees_hardly_better() -> None:
    # The copy's neighbours agree nearly as well as those of the place that lost a word:
    # too close to call for changed wording, so the unchanged quote is the answer.
    text = (
        "On Monday the two harbour pilots said the cheaper ferry at Halden sailed on time. "
        "The council met. On Friday the two harbour pilots said the cheaper ferry at Halden "
        "sailed later. The court rose."
    )
    selector = make_selector(text, *_span(text, "cheaper ferry at"))
    edited = text.replace("the cheaper ferry at Halden sailed on", "the ferry at Halden sailed on")
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.MOVED and anchor.selector is not None
    assert anchor.selector.start == edited.index("cheaper ferry at")


def test_a_claim_rewritten_between_intact_neighbours_is_an_orphan() -> None:
    # Its neighbours survived and half its letters did, but most of its words did not: a
    # different claim, listed as an orphan with the closest text rather than attached to it.
    claim = "a 12 euro toll per lorry, a charge that was never formally approved"
    text = f"From this month, hauliers will pay {claim}. The harbour master declined to comment."
    selector = make_selector(text, *_span(text, claim))
    edited = text.replace("a charge that was never formally approved", "a fee nobody okayed")
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.ORPHAN and anchor.reason.startswith("not found")


def test_text_glued_to_an_unchanged_quote_stays_outside_it() -> None:
    # A selection that ends inside a word ("off" of "offer"), and an edit that glues text
    # to its first word: the span taking in "UPDATE:" has the better prefix, but it is the
    # same place, and the quote itself is there unchanged.
    selector = make_selector(ARTICLE, *_span(ARTICLE, "Dockworkers rejected the revised wage off"))
    edited = ARTICLE.replace("Dockworkers rejected", "UPDATE:Dockworkers rejected")
    anchor = anchor_selector(edited, selector)
    assert anchor.placement is Placement.MOVED and anchor.selector is not None
    assert anchor.selector.exact == "Dockworkers rejected the revised wage off"


def test_a_word_inserted_before_a_changed_quote_stays_outside_though_it_shares_letters() -> None:
    # "a" inserted before "after": letter by letter, "a after" aligns as well as "after".
    text = "The board said that after the vote the union declined to comment on the offer."
    selector = make_selector(text, *_span(text, "after the vote the union declined to"))
    edited = text.replace("that after", "that a after").replace("declined", "refused")
    anchor = anchor_selector(edited, selector)
    assert anchor.selector is not None
    assert anchor.selector.exact == "after the vote the union refused to"


def test_a_quote_that_lost_its_last_word_keeps_the_word_before_it() -> None:
    # "Unlike a pointer, a" lost its last "a": the span ends after "pointer,", not after the
    # earlier "a" that happens to be the quote's last word too.
    text = "A reference is an address. Unlike a pointer, a reference is guaranteed to be valid."
    selector = make_selector(text, *_span(text, "reference is an address. Unlike a pointer, a"))
    edited = text.replace("Unlike a pointer, a reference", "Unlike a pointer, reference")
    anchor = anchor_selector(edited, selector)
    assert anchor.selector is not None
    assert anchor.selector.exact == "reference is an address. Unlike a pointer,"
