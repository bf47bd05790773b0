"""Schema errors in a brief point at the line and column of the offending value."""

from __future__ import annotations

import json

import pytest

from briefing_app.core.errors import BriefInputError
from briefing_app.core.readers.brief_json import parse_brief_json
from briefing_app.core.readers.decoding import line_and_column
from briefing_app.core.readers.json_position import json_value_offset

TEXT = '{\n  "a": [1, {"b": "x"}, [2, 3]],\n  "c": {"d": {"e": null}}\n}'


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("a",), "[1,"),
        (("a", 1, "b"), '"x"'),
        (("a", 2, 1), "3]"),
        (("c", "d", "e"), "null"),
        (("c", "d", "missing"), '{"e"'),  # a missing member: the object that lacks it
    ],
)
def test_value_offsets_follow_the_path(path: tuple, expected: str) -> None:
    offset = json_value_offset(TEXT, path)
    assert offset is not None and TEXT[offset:].startswith(expected)


def test_schema_error_names_line_and_column_of_the_bad_value() -> None:
    brief = {
        "id": "x",
        "article": {"text": "Hello."},
        "sections": [{"kind": "lede", "items": [{"id": "i", "kind": "rumour", "text": "t"}]}],
    }
    text = json.dumps(brief, indent=2)
    with pytest.raises(BriefInputError) as caught:
        parse_brief_json(text, "b.brief.json")
    error = caught.value
    assert "sections.0.items.0.kind" in error.message
    assert (error.line, error.column) == line_and_column(text, text.index('"rumour"'))


def test_an_anchor_ending_before_it_starts_is_reported_at_its_end() -> None:
    brief = {
        "id": "x",
        "article": {"text": "Hello there."},
        "sections": [
            {
                "kind": "lede",
                "items": [
                    {
                        "id": "i",
                        "kind": "claim",
                        "text": "Hello",
                        "anchors": [{"start": 5, "end": 2, "exact": "Hello"}],
                    }
                ],
            }
        ],
    }
    text = json.dumps(brief, indent=2)
    with pytest.raises(BriefInputError) as caught:
        parse_brief_json(text, "b.brief.json")
    error = caught.value
    assert "sections.0.items.0.anchors.0.end" in error.message
    assert "end (2) is before start (5)" in error.message
    assert (error.line, error.column) == line_and_column(text, text.index('"end": 2') + 7)
