"""The .brief.json contract: earlier files still load, and what we write is what they wrote.

In memory an item's own span is ``Item.source`` and its corroborating passages are
``Item.links`` (a pure W3C selector plus reason and score); on disk both stay the one
``anchors`` list of flat objects that earlier versions wrote and their scripts read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.core import restore
from briefing_app.core.errors import BriefInputError
from briefing_app.core.export.brief_json import brief_json_pieces
from briefing_app.core.importer import import_path, import_text
from briefing_app.core.model import Article, Brief, LinkReason, Section, SectionKind
from briefing_app.core.readers import brief_json
from briefing_app.core.readers.brief_json import parse_brief_json

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOLDEN_SCHEMA = Path(__file__).resolve().parent / "published" / "brief.schema.json"
LEGACY_ANCHOR_KEYS = ["start", "end", "exact", "prefix", "suffix", "reason", "detail", "score"]


def test_a_brief_written_by_the_earlier_version_loads_and_is_written_back_unchanged() -> None:
    saved = (SAMPLES / "harbour-strike.brief.json").read_text(encoding="utf-8")
    brief = import_text(saved, name="harbour-strike.brief.json", fmt="brief-json")
    assert brief.model_dump_json(indent=2) + "\n" == saved


@pytest.mark.parametrize(
    "brief",
    [
        import_path(SAMPLES / "harbour-strike.txt"),
        Brief(id="no-sections", article=Article(text="One line.\nAnd a “quoted” one.")),
        Brief(
            id="empty-section",
            article=Article(text="x"),
            sections=[Section(kind=SectionKind.LEDE), Section(kind=SectionKind.OTHER)],
            warnings=["a warning"],
        ),
    ],
    ids=["sample", "no-sections", "empty-sections"],
)
def test_the_file_written_in_pieces_is_the_one_model_dump_json_gives(brief: Brief) -> None:
    written = b"".join(brief_json_pieces(brief))
    assert written == (brief.model_dump_json(indent=2) + "\n").encode("utf-8")


def test_items_with_no_anchors_and_shared_links_are_written_as_model_dump_json_does() -> None:
    """The writer serialises each shared link once and fills each item's anchors list:
    an orphaned item (no own span), one with no links, and links cited by several items
    must come out as the whole-brief serialisation gives them."""
    brief = import_path(SAMPLES / "harbour-strike.txt")
    items = brief.items()
    cited = [id(link) for item in items for link in item.links]
    assert len(set(cited)) < len(cited)  # some link is shared by two items
    items[0].source, items[0].links = None, []
    items[1].links = []
    written = b"".join(brief_json_pieces(brief))
    assert written == (brief.model_dump_json(indent=2) + "\n").encode("utf-8")
    assert json.loads(written)["sections"][0]["items"][0]["anchors"] == []


def test_written_items_keep_the_anchors_list_with_every_legacy_field() -> None:
    brief = import_path(SAMPLES / "harbour-strike.txt")
    data = json.loads(brief.model_dump_json())
    items = [item for section in data["sections"] for item in section["items"]]
    assert all("source" not in item and "links" not in item for item in items)
    for item in items:
        assert list(item)[:4] == ["id", "kind", "text", "anchors"]
        assert [list(anchor) for anchor in item["anchors"]] == [LEGACY_ANCHOR_KEYS] * len(
            item["anchors"]
        )
        assert item["anchors"][0]["reason"] == "source"
    linked = [item for item in items if len(item["anchors"]) > 1]
    assert linked, "the sample should have corroborating links"
    assert all(a["reason"] != "source" for item in linked for a in item["anchors"][1:])


def test_in_memory_items_name_their_own_span_and_links() -> None:
    brief = import_path(SAMPLES / "harbour-strike.txt")
    item = next(item for item in brief.items() if item.links)
    text = brief.article.text
    assert text[item.source.start : item.source.end] == item.text
    link = item.links[0]
    assert link.reason is not LinkReason.SOURCE and link.score > 0
    # A selector is pure W3C: position and quote, no reason or score of its own.
    assert list(link.selector.model_dump()) == ["start", "end", "exact", "prefix", "suffix"]
    assert item.spans() == [item.source, *(link.selector for link in item.links)]


def test_published_schema_is_unchanged() -> None:
    # The schema scripts validate brief files against: the in-memory classes may change
    # (slotted values since issue 9), what ``briefing-app schema`` prints may only grow.
    # Update the golden file on purpose, when a field is added.
    assert Brief.model_json_schema() == json.loads(GOLDEN_SCHEMA.read_text(encoding="utf-8"))


def test_schema_publishes_the_file_shape() -> None:
    schema = Brief.model_json_schema()
    item = schema["$defs"]["Item"]["properties"]
    assert "anchors" in item and "source" not in item and "links" not in item
    assert list(item["anchors"]["items"]["properties"]) == LEGACY_ANCHOR_KEYS


def test_opening_a_saved_brief_does_not_relink_it(monkeypatch: pytest.MonkeyPatch) -> None:
    saved = (SAMPLES / "harbour-strike.brief.json").read_text(encoding="utf-8")

    def refuse(brief: Brief) -> Brief:
        raise AssertionError("a saved brief whose anchors hold was re-linked")

    monkeypatch.setattr(restore, "link_brief", refuse)
    brief = import_text(saved, name="saved.brief.json", fmt="brief-json")
    assert sum(len(item.links) for item in brief.items()) > 10


def _bad_link_prefix(item: dict) -> None:
    item["anchors"][1]["prefix"] = "X" + item["anchors"][1]["prefix"][1:]


def _bad_own_exact(item: dict) -> None:
    own = item["anchors"][0]
    own["exact"] = "Z" * len(own["exact"])


def _in_memory_shape_with_bad_context(item: dict) -> None:
    """The item as it is held in memory (``source`` and ``links``), which is read the
    Python way rather than the file's."""
    anchors = item.pop("anchors")
    own = {key: anchors[0][key] for key in ("start", "end", "exact", "prefix", "suffix")}
    own["suffix"] = "Y" + own["suffix"][1:]
    item["source"], item["links"] = own, []


@pytest.mark.parametrize(
    "spoil", [_bad_link_prefix, _bad_own_exact, _in_memory_shape_with_bad_context]
)
def test_a_saved_file_with_one_anchor_that_no_longer_holds_is_relinked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoil
) -> None:
    """The article and its id unchanged, one anchor wrong (in either of the shapes an item
    is read in): opening the file must notice and rebuild the brief, whose anchors then all
    hold."""
    data = json.loads((SAMPLES / "harbour-strike.brief.json").read_text(encoding="utf-8"))
    item = next(
        held for section in data["sections"] for held in section["items"]
        if len(held["anchors"]) >= 2
    )
    spoil(item)
    path = tmp_path / "spoiled.brief.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    relinked: list[bool] = []
    link = restore.link_brief
    monkeypatch.setattr(restore, "link_brief", lambda *args: relinked.append(True) or link(*args))
    brief = import_path(path)
    assert relinked == [True]
    restore.check_invariants(brief)  # every anchor holds again


def test_a_saved_file_whose_anchors_hold_opens_as_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "saved.brief.json"
    path.write_bytes((SAMPLES / "harbour-strike.brief.json").read_bytes())

    def refuse(*args: object) -> Brief:
        raise AssertionError("a saved brief whose anchors hold was re-linked")

    monkeypatch.setattr(restore, "link_brief", refuse)
    brief = import_path(path)
    assert brief.model_dump_json(indent=2) + "\n" == path.read_text(encoding="utf-8")


def test_a_saved_brief_whose_article_changed_is_reanchored_and_relinked() -> None:
    data = json.loads((SAMPLES / "harbour-strike.brief.json").read_text(encoding="utf-8"))
    data["article"]["text"] = "A new first paragraph.\n\n" + data["article"]["text"]
    brief = import_text(json.dumps(data), name="edited.brief.json", fmt="brief-json")
    text = brief.article.text
    for item in brief.items():
        assert text[item.source.start : item.source.end] == item.text
        for link in item.links:
            assert text[link.selector.start : link.selector.end] == link.selector.exact
    assert brief.id != data["id"]


# A brief is read the fast way (pydantic parses the JSON, one object per distinct anchor)
# unless something is wrong, when the careful way names the problem.  Both must agree on
# every file: the same brief, or the same error.
ANCHOR_CHANGES = [
    ("start", 3),
    ("start", 3.0),
    ("start", True),
    ("start", "3"),
    ("start", -1),
    ("end", None),
    ("exact", 7),
    ("exact", "changed"),
    ("prefix", None),
    ("reason", "rumour"),
    ("reason", "source"),
    ("detail", 1),
    ("score", -1),
    ("score", 2),
    ("score", False),
    ("colour", "red"),
]


def _outcome(text: str, parse) -> str:
    try:
        return parse(text, "b.brief.json").model_dump_json()
    except BriefInputError as error:
        return f"error: {error}"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(ANCHOR_CHANGES)), max_size=3))
def test_the_fast_and_the_careful_reading_agree(changes: list) -> None:
    data = json.loads((SAMPLES / "harbour-strike.brief.json").read_text(encoding="utf-8"))
    anchors = [a for s in data["sections"] for item in s["items"] for a in item["anchors"]]
    for number, (key, value) in changes:
        anchors[number % len(anchors)][key] = value
    text = json.dumps(data, indent=2)
    assert _outcome(text, parse_brief_json) == _outcome(text, brief_json._parse_carefully)


def test_a_reopened_brief_shares_one_object_per_cited_passage() -> None:
    # Each cited sentence is written once per citing item; read back, it is one selector,
    # as import made it, not one per citation.
    path = SAMPLES / "harbour-strike.brief.json"
    brief = import_path(path)
    spans = [span for item in brief.items() for span in item.spans()]
    distinct = {(s.start, s.end, s.exact, s.prefix, s.suffix) for s in spans}
    assert len({id(span) for span in spans}) == len(distinct) < len(spans)
