"""Selectors, links and items are slotted objects: the checks, equality and JSON the models had."""

from __future__ import annotations

import copy
import pickle

import pytest
from pydantic import ValidationError

from briefing_app.core.anchoring import make_selector
from briefing_app.core.model import Item, ItemKind, Link, LinkReason, Selector

TEXT = "The council approved 42 new buses on Monday, officials said."


def test_a_selector_made_from_the_text_reads_its_context_from_it() -> None:
    selector = make_selector(TEXT, 21, 23)
    assert (selector.exact, selector.prefix, selector.suffix) == (
        "42", TEXT[:21], TEXT[23:55]
    )
    written = Selector(start=21, end=23, exact="42", prefix=TEXT[:21], suffix=TEXT[23:55])
    assert selector == written and hash(selector) == hash(written)
    assert selector != make_selector(TEXT, 0, 3)


def test_a_selector_keeps_the_anchor_invariant_checks() -> None:
    with pytest.raises(ValidationError, match="before start"):
        Selector(start=5, end=2, exact="")
    with pytest.raises(ValidationError, match="end - start"):
        Selector(start=0, end=3, exact="four")
    with pytest.raises(ValidationError):
        Selector.model_validate({"start": -1, "end": 0, "exact": ""})
    with pytest.raises(ValidationError, match="Extra inputs"):
        Selector.model_validate({"start": 0, "end": 1, "exact": "x", "reason": "figure"})


def test_selectors_and_links_cannot_be_changed_in_place() -> None:
    selector = make_selector(TEXT, 0, 3)
    link = Link(selector=selector, reason=LinkReason.FIGURE, detail="42", score=0.5)
    with pytest.raises(TypeError, match="immutable"):
        selector.start = 4  # type: ignore[misc]
    with pytest.raises(TypeError, match="immutable"):
        link.score = 2.0  # type: ignore[misc]


def test_a_link_validates_reason_and_score() -> None:
    selector = make_selector(TEXT, 0, 3)
    assert Link(selector=selector, reason="speaker").reason is LinkReason.SPEAKER
    with pytest.raises(ValidationError):
        Link(selector=selector, reason="rumour")
    with pytest.raises(ValidationError):
        Link(selector=selector, reason="figure", score=-1.0)
    with pytest.raises(ValidationError):
        Link(selector=selector, reason="figure", score=float("nan"))


def test_json_round_trip_copy_and_pickle_keep_the_values() -> None:
    link = Link(selector=make_selector(TEXT, 21, 23), reason="figure", detail="42", score=0.75)
    assert Link.model_validate_json(link.model_dump_json()) == link
    assert link.model_dump(mode="json")["selector"]["suffix"] == TEXT[23:55]
    assert copy.deepcopy(link) == link
    assert pickle.loads(pickle.dumps(link)) == link


def test_an_item_holds_them_and_writes_the_anchors_list() -> None:
    source = make_selector(TEXT, 0, len(TEXT))
    link = Link(selector=make_selector(TEXT, 21, 23), reason="figure", detail="42", score=0.5)
    item = Item(id="c-1", kind=ItemKind.CLAIM, text=TEXT, source=source, links=[link])
    anchors = item.model_dump(mode="json")["anchors"]
    assert [anchor["reason"] for anchor in anchors] == ["source", "figure"]
    assert anchors[1]["prefix"] == TEXT[:21]
    again = Item.model_validate_json(item.model_dump_json())
    assert again.source == source and again.links == [link]


def test_an_item_refuses_wrong_fields_and_names_where() -> None:
    with pytest.raises(ValidationError) as caught:
        Item.model_validate({"id": "c-1", "kind": "rumour", "text": "x", "anchors": []})
    assert caught.value.errors()[0]["loc"] == ("kind",)
    with pytest.raises(ValidationError) as caught:
        Item.model_validate({"id": "c-1", "kind": "claim", "text": "x", "colour": "red"})
    assert caught.value.errors()[0]["loc"] == ("colour",)
    with pytest.raises(ValidationError) as caught:
        Item.model_validate({"id": "c-1", "kind": "claim", "text": "x",
                             "anchors": [{"start": 4, "end": 2, "exact": ""}]})
    assert caught.value.errors()[0]["loc"] == ("source", "end")


def test_an_items_empty_lists_are_shared_and_refuse_changes() -> None:
    item = Item.lean(id="c-1", kind=ItemKind.CLAIM, text=TEXT,
                     source=make_selector(TEXT, 0, len(TEXT)), links=[], speaker=None,
                     quote=None, figures=[], dates=[], hedges=[])
    with pytest.raises(TypeError, match="assign a new list"):
        item.links.append(Link(selector=item.source, reason="figure"))
    item.links = [Link(selector=make_selector(TEXT, 21, 23), reason="figure", detail="42")]
    assert [link.detail for link in item.links] == ["42"]
    assert item == Item.model_validate_json(item.model_dump_json())


def test_item_lean_validates_values_of_unexpected_types() -> None:
    with pytest.raises(ValidationError):
        Item.lean(id="c-1", kind="claim", text=7, source=None, links=[], speaker=None,
                  quote=None, figures=[], dates=[], hedges=[])
    item = Item.lean(id="c-1", kind="quote", text="“Yes,” she said.", source=None, links=[],
                     speaker=None, quote=None, figures=[], dates=[], hedges=[])
    assert item.kind is ItemKind.QUOTE


def test_lean_construction_checks_what_the_constructor_checks() -> None:
    assert Selector.lean(0, 3, "The", "", TEXT[3:35]) == make_selector(TEXT, 0, 3)
    for bad in ((3, 0, "", "", ""), (0, 3, "Th", "", ""), (-1, 0, "", "", ""),
                (True, 3, "abc", "", "")):
        with pytest.raises(ValidationError):
            Selector.lean(*bad)  # type: ignore[arg-type]
    selector = make_selector(TEXT, 0, 3)
    assert Link.lean(selector, "figure", "42", 0.5).reason is LinkReason.FIGURE  # type: ignore[arg-type]
    assert Link.lean(selector, LinkReason.SPEAKER, "", 1).score == 1.0
    for reason, score in (("rumour", 1.0), ("figure", -0.5), ("figure", float("inf")),
                          ("figure", float("nan"))):
        with pytest.raises(ValidationError):
            Link.lean(selector, reason, "", score)  # type: ignore[arg-type]


def test_speakers_figures_and_hedges_are_checked_immutable_values() -> None:
    from briefing_app.core.model import Figure, Hedge, Speaker

    speaker = Speaker(name="Ana Ruiz", role="harbour master")
    assert speaker == Speaker.lean("Ana Ruiz", "harbour master") != Speaker(name="Ana Ruiz")
    assert Speaker(name="Ana Ruiz").role is None
    assert {Figure(text="42", value="42"), Figure.lean("42", "42")} == {Figure.lean("42", "42")}
    with pytest.raises(ValidationError):
        Figure(text="42")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Hedge.lean("reportedly", None)
    with pytest.raises(TypeError, match="immutable"):
        speaker.name = "someone else"  # type: ignore[misc]
    item = Item(id="q-1", kind="quote", text="“Yes,” said Ana Ruiz.", speaker=speaker,
                figures=[Figure(text="42", value="42")],
                hedges=[Hedge(text="may", kind="uncertain")])
    dumped = item.model_dump(mode="json")
    assert dumped["speaker"] == {"name": "Ana Ruiz", "role": "harbour master"}
    assert dumped["figures"] == [{"text": "42", "value": "42"}]
    assert Item.model_validate_json(item.model_dump_json()) == item


def test_a_selector_reading_its_passage_from_the_text_is_the_selector_holding_it() -> None:
    text = "The port reopened on Monday. Cranes moved 1,240 boxes by noon."
    start = text.index("Cranes")
    read = make_selector(text, start, len(text))  # (the linker's: passage read when asked)
    held = Selector(start=start, end=len(text), exact=text[start:], prefix=read.prefix)
    assert read.exact == "Cranes moved 1,240 boxes by noon."
    assert read == held and hash(read) == hash(held)
    assert read.model_dump_json() == held.model_dump_json()
    assert pickle.loads(pickle.dumps(read)) == held
