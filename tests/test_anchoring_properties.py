"""Properties of re-anchoring that must hold for any text and any edit (hypothesis).

A reader relies on three things whatever happened to the article: a passage whose own words
were not touched is found exactly (in place, or moved with the text); no anchor ever points
outside the text or disagrees with it; and every annotation comes back either placed or
listed as an orphan — never lost, never an exception.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing_app.core.anchoring import anchor_selector, make_selector, selector_holds
from briefing_app.core.annotations import Placement
from briefing_app.core.model import CONTEXT_CHARS, Selector

WORDS = st.sampled_from(
    "port ferry strike union wage offer cargo vote said the a of 4.2 million 😀 über "
    "Okafor mediator talks resume week tonnes quay".split()
)
TEXTS = st.lists(WORDS, min_size=8, max_size=120).map(" ".join)


@st.composite
def passage_and_edit(draw: st.DrawFn) -> tuple[str, int, int, str]:
    """A text, a passage of it, and the text after an edit that leaves the passage's own
    characters alone (the edit lies wholly before or wholly after it)."""
    text = draw(TEXTS)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 60)))
    before = draw(st.booleans())
    low, high = (0, start) if before else (end, len(text))
    cut_from = draw(st.integers(low, high))
    cut_to = draw(st.integers(cut_from, high))
    inserted = draw(st.text(alphabet="abc 😀.\n", max_size=30))
    return text, start, end, text[:cut_from] + inserted + text[cut_to:]


@settings(max_examples=300, deadline=None)
@given(passage_and_edit())
# Found by a fresh run: an edit glued to a two-character passage left the old place's
# context intact around half the quote, which outweighed the untouched quote.
@example(("port port port port port ferry ferry wage", 38, 40,
          "port port port port port ferry ferry waaaaaaaaaaaaaaaaage"))
def test_an_untouched_passage_is_found_verbatim(case: tuple[str, int, int, str]) -> None:
    text, start, end, edited = case
    selector = make_selector(text, start, end)
    anchor = anchor_selector(edited, selector)
    assert anchor.placement in (Placement.EXACT, Placement.MOVED)
    assert anchor.selector is not None and anchor.selector.exact == selector.exact


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS, st.data())
def test_every_annotation_is_placed_inside_the_text_or_an_orphan(
    text: str, other: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 80)))
    selector = make_selector(text, start, end)
    # Whatever the new text is: a rewrite, a splice of both, or the old one cut short.
    cut = data.draw(st.integers(0, len(text)))
    for changed in (other, text[:cut] + other, other + text[cut:], text[:cut]):
        anchor = anchor_selector(changed, selector)
        if anchor.placement is Placement.ORPHAN:
            assert anchor.selector is None and anchor.reason
        else:
            assert anchor.selector is not None
            assert 0 <= anchor.selector.start < anchor.selector.end <= len(changed)
            assert selector_holds(changed, anchor.selector)
            assert 0.0 <= anchor.score <= 1.0


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS, st.data())
def test_a_full_score_means_the_quote_and_its_context_are_unchanged(
    text: str, other: str, data: st.DataObject
) -> None:
    # However a place is weighed (quote first, or character by character), 1.0 is kept for
    # the quote itself with the prefix and suffix it was stored with.
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 80)))
    selector = make_selector(text, start, end)
    cut = data.draw(st.integers(0, len(text)))
    for changed in (other, text[:cut] + other, other + text[cut:], text[cut:]):
        anchor = anchor_selector(changed, selector)
        if anchor.score == 1.0:
            assert anchor.selector is not None
            assert anchor.selector.exact == selector.exact
            assert anchor.selector.prefix.endswith(selector.prefix)
            assert anchor.selector.suffix.startswith(selector.suffix)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab \n", max_size=90),
    source=st.text(alphabet="ab \n", max_size=90),
    data=st.data(),
)
def test_a_selector_holds_exactly_when_its_slices_are_the_text(
    text: str, source: str, data: st.DataObject
) -> None:
    """``selector_holds`` compares in place; it must agree with the definition by slices,
    for selectors made from the text, from another text, and with context cut short."""
    if data.draw(st.booleans()):
        text = source  # (made from the very text: it must hold, unless context is cut)
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    prefix = source[max(0, start - CONTEXT_CHARS) : start][data.draw(st.integers(0, 1)) :]
    suffix = source[end : end + CONTEXT_CHARS]
    suffix = suffix[: len(suffix) - data.draw(st.integers(0, 1))]
    selector = Selector(start=start, end=end, exact=source[start:end], prefix=prefix,
                        suffix=suffix)
    by_slices = (
        end <= len(text)
        and text[start:end] == selector.exact
        and text[max(0, start - CONTEXT_CHARS) : start] == prefix
        and text[end : end + CONTEXT_CHARS] == suffix
    )
    assert selector_holds(text, selector) == by_slices
