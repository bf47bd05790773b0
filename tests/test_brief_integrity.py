"""A brief file is either refused with one located error or valid: ``import`` never writes
one that its own ``validate`` rejects.

Why: the fuzz campaign found saved briefs that loaded but could not be written back the same
way (NaN scores, control characters, repeated ids, a schema version of ``true``).  Each
class is refused on the way in, and a property test runs generated articles, hostile
characters included, through ``import -o`` and ``validate`` as a user would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Run
from tests.test_cli import SAMPLE_BRIEF, assert_one_error_line

SAMPLE_DATA = json.loads(SAMPLE_BRIEF.read_text(encoding="utf-8"))


def _first_link_anchor(data: dict) -> dict:
    for section in data["sections"]:
        for item in section["items"]:
            if len(item["anchors"]) > 1:
                return item["anchors"][1]
    raise AssertionError("the sample has no links")


def _write(path: Path, data: dict, *, replace: tuple[str, str] | None = None) -> Path:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if replace is not None:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1], 1)
    path.write_text(text, encoding="utf-8")
    return path


def _broken(kind: str) -> tuple[dict, tuple[str, str] | None, str]:
    """A copy of the sample brief broken one way, and words the error must hold."""
    data = json.loads(json.dumps(SAMPLE_DATA))
    items = [item for section in data["sections"] for item in section["items"]]
    if kind == "nan-score":
        _first_link_anchor(data)["score"] = 12345.5
        return data, ('"score": 12345.5', '"score": NaN'), "score"
    if kind == "infinite-score":
        _first_link_anchor(data)["score"] = 12345.5
        return data, ('"score": 12345.5', '"score": Infinity'), "score"
    if kind == "escape-in-title":
        data["title"] = "Harbour SENTINEL"
        return data, ("SENTINEL", "\\u001b[2J"), "control character U+001B"
    if kind == "carriage-return-in-item":
        items[0]["text"] = items[0]["text"] + " SENTINEL"
        return data, (" SENTINEL", "\\r"), "control character U+000D"
    if kind == "duplicate-id":
        items[1]["id"] = items[0]["id"]
        return data, None, "used twice"
    if kind == "empty-id":
        items[2]["id"] = ""
        return data, None, "empty id"
    if kind == "version-true":
        data["schema_version"] = True
        return data, None, "schema_version"
    if kind == "version-float":
        data["schema_version"] = 1.0
        return data, None, "schema_version"
    if kind == "version-string":
        data["schema_version"] = "1"
        return data, None, "schema_version"
    raise AssertionError(kind)


BROKEN = [
    "nan-score",
    "infinite-score",
    "escape-in-title",
    "carriage-return-in-item",
    "duplicate-id",
    "empty-id",
    "version-true",
    "version-float",
    "version-string",
]


@pytest.mark.parametrize("kind", BROKEN)
@pytest.mark.parametrize("command", ["validate", "show", "import"])
def test_a_brief_broken_this_way_is_refused_with_one_line(
    cli: Run, tmp_path: Path, kind: str, command: str
) -> None:
    data, replace, words = _broken(kind)
    path = _write(tmp_path / "broken.brief.json", data, replace=replace)
    result = cli(command, path)
    line = assert_one_error_line(result, path)
    assert words in line, line
    assert result.out == ""


def test_an_escaped_backslash_before_u001b_is_text_not_a_control(
    cli: Run, tmp_path: Path
) -> None:
    data = json.loads(json.dumps(SAMPLE_DATA))
    data["title"] = "A path like C:\\u001b is only text"
    path = _write(tmp_path / "fine.brief.json", data)
    assert "\\\\u001b" in path.read_text(encoding="utf-8")
    result = cli("validate", path)
    assert result.status == 0, result.err


# Characters a hostile or careless file may hold: controls, separators, bidi marks,
# surrogate-free astral characters, quotes and markup.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("\x00\x07\x0b\x0c\r\x1b\x7f\x85\x9b\u2028\u2029\u202e\t\n“”'\"*#>-")),
    ),
    max_size=300,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])
@given(body=HOSTILE, suffix=st.sampled_from([".txt", ".md"]))
def test_whatever_import_writes_its_validate_accepts(
    cli: Run, tmp_path: Path, body: str, suffix: str
) -> None:
    source = tmp_path / f"article{suffix}"
    target = tmp_path / "article.brief.json"
    target.unlink(missing_ok=True)
    source.write_bytes(("Headline\n\n" + body).encode("utf-8"))
    imported = cli("import", source, "-o", target)
    if imported.status != 0:
        assert_one_error_line(imported, source)
        assert not target.exists()
        return
    checked = cli("validate", target)
    assert checked.status == 0, checked.err
    assert checked.out.startswith(f"ok: {target}: brief with ")


def test_a_million_warnings_are_summarised_not_printed(cli: Run, tmp_path: Path) -> None:
    data = json.loads(json.dumps(SAMPLE_DATA))
    data["warnings"] = [f"odd thing number {n}" for n in range(1_000_000)]
    path = _write(tmp_path / "noisy.brief.json", data)
    for command in ("validate", "show"):
        result = cli(command, path)
        assert result.status == 0, result.err[-300:]
        said = (result.err + result.out).splitlines()
        shown = [line for line in said if "odd thing number" in line]
        assert len(shown) == 20
        assert any(line.endswith("and 999,980 more warnings") for line in said)
