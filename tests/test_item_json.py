"""A brief file's JSON is read natively (core.item_json): the same brief, the same refusals.

Why these tests: the JSON path checks an item without calling back into Python for each
anchor, then makes the objects itself.  It must accept exactly what the Python path accepts
(or a saved brief would open differently from the same data parsed by a script) and refuse
everything it refuses, with the reader still naming the field and line.
"""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from briefing_app.core.errors import BriefInputError
from briefing_app.core.importer import import_path, import_text
from briefing_app.core.model import Brief
from briefing_app.core.readers.anchor_pool import AnchorPool
from briefing_app.core.readers.brief_json import parse_brief_json
from briefing_app.core.readers.decoding import decode_bytes

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def saved() -> dict[str, Any]:
    """A brief as ``import`` writes it, with figures, quotes, speakers and links."""
    brief = import_path(FIXTURES / "council-flood-barrier.txt")
    data: dict[str, Any] = json.loads(brief.model_dump_json(indent=2))
    assert any(len(item["anchors"]) > 2 for item in _items(data))
    assert any(item["figures"] for item in _items(data))
    assert any(item["speaker"] for item in _items(data))
    return data


def _items(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for section in data["sections"] for item in section["items"]]


def test_the_json_and_the_python_way_read_the_same_brief(saved: dict[str, Any]) -> None:
    text = json.dumps(saved)
    from_json = Brief.model_validate_json(text, context={AnchorPool.KEY: AnchorPool()})
    assert from_json == Brief.model_validate(json.loads(text))
    assert from_json == Brief.model_validate_json(text)  # with no pool as well
    assert json.loads(from_json.model_dump_json()) == saved  # and it writes what it read


def test_a_cited_passage_read_twice_is_one_object(saved: dict[str, Any]) -> None:
    brief = Brief.model_validate_json(json.dumps(saved), context={AnchorPool.KEY: AnchorPool()})
    selectors = [span for item in brief.items() for span in item.spans()]
    distinct = {(s.start, s.end, s.exact, s.prefix, s.suffix) for s in selectors}
    assert len({id(s) for s in selectors}) == len(distinct) < len(selectors)
    figures = [figure for item in brief.items() for figure in item.figures]
    assert len({id(f) for f in figures}) == len({(f.text, f.value) for f in figures})


def _first_link(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    item = next(item for item in _items(data) if len(item["anchors"]) > 1)
    return item, item["anchors"][1]


def _own_span(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    item = _items(data)[0]
    return item, item["anchors"][0]


BREAKAGES = {
    "an anchor ending before it starts": (_own_span, lambda a: a.update(end=a["start"] - 1)),
    "an exact text of the wrong length": (_own_span, lambda a: a.update(exact=a["exact"] + "!")),
    "a negative start": (_own_span, lambda a: a.update(start=-1)),
    "an unknown anchor field": (_own_span, lambda a: a.update(colour="red")),
    "an unknown link reason": (_first_link, lambda a: a.update(reason="rumour")),
    "a link with no reason": (_first_link, lambda a: a.pop("reason")),
    "a negative score": (_first_link, lambda a: a.update(score=-2.0)),
    "a score that is text": (_first_link, lambda a: a.update(score="high")),
    "a detail that is a number": (_first_link, lambda a: a.update(detail=7)),
    "a detail that is a list": (_first_link, lambda a: a.update(detail=["x"])),
    "a reason that is an object": (_first_link, lambda a: a.update(reason={"why": "x"})),
    "a score that is a list": (_first_link, lambda a: a.update(score=[1.0])),
    "a link's exact text of the wrong length": (
        _first_link, lambda a: a.update(exact=a["exact"][1:])
    ),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_what_the_python_way_refuses_the_json_way_refuses(
    saved: dict[str, Any], breakage: str
) -> None:
    where, change = BREAKAGES[breakage]
    data = copy.deepcopy(saved)
    _, anchor = where(data)
    change(anchor)
    text = json.dumps(data, indent=2)
    with pytest.raises(ValidationError):
        Brief.model_validate(json.loads(text))
    with pytest.raises(ValidationError):
        Brief.model_validate_json(text, context={AnchorPool.KEY: AnchorPool()})
    with pytest.raises(BriefInputError) as caught:
        parse_brief_json(text, "saved.brief.json")
    message = str(caught.value)
    assert "sections.0.items." in message and ".anchors." in message  # the field, named
    assert caught.value.line is not None  # and where it is in the file


def test_what_the_python_way_takes_the_json_way_takes(saved: dict[str, Any]) -> None:
    data = copy.deepcopy(saved)
    _, own = _own_span(data)
    own.update(reason="anything", score="ignored")  # the own span's are not read
    _, link = _first_link(data)
    link["score"] = int(link["score"])  # an integer score is a float
    del link["detail"]  # and a missing detail is empty
    text = json.dumps(data)
    from_json = Brief.model_validate_json(text, context={AnchorPool.KEY: AnchorPool()})
    assert from_json == Brief.model_validate(json.loads(text))


def test_an_item_in_its_in_memory_shape_is_read_alike(saved: dict[str, Any]) -> None:
    """``source`` and ``links`` instead of ``anchors``: the Python way reads it, so the
    JSON way must too."""
    brief = Brief.model_validate(saved)
    data = copy.deepcopy(saved)
    item = next(item for item in brief.items() if item.links)
    held = next(held for held in _items(data) if held["id"] == item.id)
    del held["anchors"]
    assert item.source is not None
    held["source"] = item.source.model_dump()
    held["links"] = [link.model_dump(mode="json") for link in item.links]
    text = json.dumps(data)
    from_json = Brief.model_validate_json(text, context={AnchorPool.KEY: AnchorPool()})
    assert from_json == Brief.model_validate(json.loads(text)) == brief


def test_a_brief_saved_in_decomposed_form_opens(tmp_path: Path) -> None:
    """A brief whose text was turned into NFD on the way (accents as separate marks) opens
    as the brief it was: reading normalises it back before the anchors are checked."""
    brief = import_text(
        "Café owners protest\n\nZoë Müller, who runs the Brûlerie café, said 1,240 "
        "traders had signed. “We were not consulted,” Müller said.\n\nThe council's "
        "résumé of the plan puts the cost at €3.5m.",
        name="cafe.txt",
    )
    saved = brief.model_dump_json(indent=2)
    decomposed = tmp_path / "cafe.brief.json"
    decomposed.write_text(unicodedata.normalize("NFD", saved), encoding="utf-8")
    assert "e\u0301" in decomposed.read_text(encoding="utf-8")
    assert import_path(decomposed) == brief


@pytest.mark.parametrize("name", ["port.brief.json", "port-brief"])
@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_valid_brief_holding_a_line_separator_in_a_string_opens(
    tmp_path: Path, separator: str, name: str
) -> None:
    """U+2028, U+2029 and NEL may stand raw inside a JSON string.  Read as a line break, like
    an article's, they must not make the file invalid JSON ("malformed"), and no control
    character may reach the window; also in a brief known by its content, not its name."""
    brief = import_text("Port\n\nThe port moved 1,240 boxes.\n\nIt moved 1,240 boxes again.",
                        name="port.txt")
    saved = brief.model_dump_json(indent=2).replace("boxes again", f"boxes{separator}again")
    assert json.loads(saved)  # valid JSON
    path = tmp_path / name
    path.write_text(saved, encoding="utf-8")
    opened = import_path(path)
    assert opened.article.text.endswith("boxes\nagain.")
    assert opened.items()[-1].text == "It moved 1,240 boxes\nagain."
    assert separator not in json.dumps(opened.model_dump(mode="json"), ensure_ascii=False)


@pytest.mark.parametrize("separator", ["\u2028", "\x85"])
def test_a_separator_after_a_backslash_is_an_invalid_escape_and_refused(
    tmp_path: Path, separator: str
) -> None:
    """ "A\\<U+2028>B" is not JSON (a backslash escapes no line separator): it must not be
    read as a backslash and an "n"."""
    path = tmp_path / "odd.brief.json"
    path.write_text(f'{{"schema_version": 1, "title": "A\\{separator}B"}}', encoding="utf-8")
    with pytest.raises(BriefInputError) as caught:
        import_path(path)
    assert "malformed JSON" in caught.value.message


def test_bytes_that_are_not_utf8_are_read_as_decoding_reads_them(tmp_path: Path) -> None:
    """An ASCII byte inside a broken UTF-8 sequence ("\\xc3A\\xa9") hides it from the quick
    look at the bytes beyond ASCII; the file must still be read as Windows-1252, as it
    was before briefs were read from their bytes."""
    saved = import_path(FIXTURES / "council-flood-barrier.txt").model_dump_json(indent=2)
    data = saved.replace('"title": "', '"title": "\udcc3A\udca9', 1).encode(
        "utf-8", "surrogateescape"
    )
    assert b"\xc3A\xa9" in data
    path = tmp_path / "cp1252.brief.json"
    path.write_bytes(data)
    opened = import_path(path)
    assert opened.title.startswith("\u00c3A\u00a9")  # "ÃA©", as Windows-1252 reads it
    assert opened == parse_brief_json(decode_bytes(data, str(path), json=True), str(path))


def test_a_raw_line_break_inside_a_string_is_malformed_json_and_says_what(
    tmp_path: Path,
) -> None:
    path = tmp_path / "broken.brief.json"
    path.write_text('{"schema_version": 1, "id": "x\ny"}', encoding="utf-8")
    with pytest.raises(BriefInputError) as caught:
        import_path(path)
    assert str(caught.value).endswith("malformed JSON: invalid control character")
    assert (caught.value.line, caught.value.column) == (1, 31)  # where the break is


ODD_VALUES = [None, True, False, 0, -1, 1.0, 2, 1.5, 10**40, "", "x", "figure", "source",
              [], {}, ["x"], {"a": 1}, "1"]


def _fields(items: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The path of every field of every item, and of every field inside its anchors,
    speaker and figures."""
    found: list[tuple[Any, ...]] = []
    for number, item in enumerate(items):
        for key, value in item.items():
            found.append((number, key))
            inner = value if isinstance(value, list) else [value]
            for position, part in enumerate(inner):
                if isinstance(part, dict):
                    where = (number, key, position) if isinstance(value, list) else (number, key)
                    found += [(*where, name) for name in part]
    return found


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_any_one_odd_value_is_read_alike_the_json_and_the_python_way(
    saved: dict[str, Any], data: st.DataObject
) -> None:
    """An item field, anchor field, speaker or figure replaced by a value of another kind,
    removed, or joined by an unknown key: both ways accept it (as equal briefs) or both
    refuse it."""
    changed = copy.deepcopy(saved)
    items = changed["sections"][0]["items"]
    place = data.draw(st.sampled_from(_fields(items)))
    parent = items
    for key in place[:-1]:
        parent = parent[key]
    action = data.draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "replace":
        parent[place[-1]] = data.draw(st.sampled_from(ODD_VALUES))
    elif action == "remove" and isinstance(parent, dict):
        del parent[place[-1]]
    elif isinstance(parent, dict):
        parent["colour"] = "red"
    text = json.dumps(changed)
    try:
        from_json = Brief.model_validate_json(text, context={AnchorPool.KEY: AnchorPool()})
    except ValidationError:
        from_json = None
    try:
        from_python = Brief.model_validate(json.loads(text))
    except ValidationError:
        from_python = None
    assert from_json == from_python
