"""The ``briefing-app`` command line as a user sees it: exit status, stdout, stderr and files.

Why mostly in-process: the console script and ``python -m briefing_app`` both do nothing
but ``sys.exit(main())``, so calling ``main()`` with captured output shows the same status,
the same lines and the same files, and an unexpected exception fails the test loudly.  A real
process is kept only where its boundary is the point: the two entry points' exit status and
clean stderr, an endless device read under an address-space limit, and a named pipe that
would hang the caller if it were ever opened.  (That the commands load no Qt is checked in a
fresh interpreter in test_architecture.py.)
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic_core import PydanticSerializationError

from briefing_app.cli import main
from briefing_app.cli.arguments import parse_window_size
from briefing_app.core import importer
from briefing_app.core.model import Brief, Figure, SectionKind
from briefing_app.core.readers.decoding import MAX_INPUT_BYTES
from tests.conftest import Outcome, Run

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "harbour-strike.txt"
SAMPLE_BRIEF = REPO / "samples" / "harbour-strike.brief.json"
FIXTURES = Path(__file__).parent / "fixtures"
SCRIPT = Path(sys.executable).parent / ("briefing-app.exe" if os.name == "nt" else "briefing-app")
ENTRY_POINTS = {
    "module": [sys.executable, "-m", "briefing_app"],
    "script": [str(SCRIPT)],
}
UNDECODABLE = b"\x81\x8d\x8f\x90\x9d"
NO_SECTIONS = (  # the importer's warning
    "no recognised sections; the article is in the Overview and its quotes under Quotes"
)
SAMPLE_SPEAKERS = (
    "Amara Okafor",
    "Desmond Achterberg",
    "Grace Muldoon",
    "Tomasz Reilly",
    "Lucia Fenwright",
    "Priya Venkataraman",
)


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _limit_memory() -> None:  # pragma: no cover - runs in the child process
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run_process(*args: str | Path, entry: str = "module", cap_memory: bool = False) -> Outcome:
    """Run the real entry point in a child process with no display."""
    result = subprocess.run(
        [*ENTRY_POINTS[entry], *(str(a) for a in args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=_headless_env(),
        cwd=REPO,
        timeout=120,
        check=False,
        preexec_fn=_limit_memory if cap_memory else None,
    )
    return Outcome(result.returncode, result.stdout, result.stderr)


def assert_one_error_line(result: Outcome, path: Path | str) -> str:
    """Exit 2, exactly one stderr line ``error: …path…``, and no traceback anywhere."""
    assert result.status == 2, (result.status, result.err)
    assert "Traceback" not in result.err and "Traceback" not in result.out
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    line = lines[0]
    assert line.startswith("error: "), line
    assert str(path) in line, line
    return line


def read_brief(path: Path) -> Brief:
    return Brief.model_validate_json(path.read_text(encoding="utf-8"))


def section_kinds(brief: Brief) -> list[str]:
    return [section.kind.value for section in brief.sections]


def _import_sample(cli: Run, out_dir: Path, source: Path = SAMPLE) -> Path:
    target = out_dir / "article.brief.json"
    result = cli("import", source, "-o", target)
    assert result.status == 0, result.err
    return target


# --- the real entry points ------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_entry_point_imports_then_validates(entry: str, out_dir: Path) -> None:
    target = out_dir / "article.brief.json"
    result = run_process("import", SAMPLE, "-o", target, entry=entry)
    assert result.status == 0, result.err
    assert result.out == ""
    assert result.err.startswith(f"wrote {target}: 5 sections, 26 items")
    assert sorted(p.name for p in out_dir.iterdir()) == ["article.brief.json"]
    assert read_brief(target).title == "Why this dock strike could raise winter prices"
    check = run_process("validate", target, entry=entry)
    assert check.status == 0, check.err
    assert check.out.startswith(f"ok: {target}")


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_entry_point_bad_input_is_one_line_and_status_2(
    entry: str, in_dir: Path, out_dir: Path
) -> None:
    bad = _make_bad("malformed-json", in_dir)
    result = run_process("import", bad, "-o", out_dir / "a.brief.json", entry=entry)
    line = assert_one_error_line(result, bad)
    assert line.startswith(f"error: {bad}:3:29: malformed JSON")
    assert list(out_dir.iterdir()) == []


# --- happy paths -------------------------------------------------------------------------


def test_import_to_output_file_writes_that_file_only(cli: Run, out_dir: Path) -> None:
    target = out_dir / "article.brief.json"
    result = cli("import", SAMPLE, "-o", target)
    assert (result.status, result.out) == (0, "")
    assert result.err == f"wrote {target}: 5 sections, 26 items\n"
    assert sorted(p.name for p in out_dir.iterdir()) == ["article.brief.json"]
    brief = read_brief(target)
    assert [len(s.items) for s in brief.sections] == [6, 3, 5, 8, 4]


def test_import_to_stdout(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("import", SAMPLE)
    assert result.status == 0, result.err
    brief = Brief.model_validate_json(result.out)
    assert section_kinds(brief) == [
        "lede",
        "why_it_matters",
        "what_to_know",
        "quotes",
        "next_steps",
    ]
    assert list(tmp_path.iterdir()) == []


def test_import_dash_output_means_stdout(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("import", SAMPLE, "-o", "-")
    assert result.status == 0, result.err
    assert Brief.model_validate_json(result.out).title.startswith("Why this dock strike")
    assert list(tmp_path.iterdir()) == []


def test_show_prints_sections_and_speakers(cli: Run) -> None:
    result = cli("show", SAMPLE)
    assert result.status == 0, result.err
    out = result.out
    assert out.startswith("Why this dock strike could raise winter prices\n")
    for title in ("Overview", "Why It Matters", "What To Know", "Quotes", "Next Steps"):
        assert f"== {title} " in out, title
    for name in SAMPLE_SPEAKERS:
        assert name in out, name


def test_show_of_a_brief_json(cli: Run) -> None:
    result = cli("show", SAMPLE_BRIEF)
    assert result.status == 0, result.err
    assert "Amara Okafor (Port Director)" in result.out
    assert "== Next Steps (“What happens next”) [next_steps] — 4 items" in result.out


def test_show_json_is_the_imported_brief(cli: Run, out_dir: Path) -> None:
    shown = cli("show", SAMPLE, "--json")
    assert shown.status == 0, shown.err
    imported = read_brief(_import_sample(cli, out_dir))
    assert Brief.model_validate_json(shown.out) == imported


def test_schema_is_json_with_sections(cli: Run) -> None:
    result = cli("schema")
    assert result.status == 0, result.err
    schema = json.loads(result.out)
    assert {"sections", "article"} <= set(schema["properties"])


def test_version(cli: Run) -> None:
    result = cli("--version")
    assert result.status == 0
    assert result.out.startswith("briefing-app 0.")


def test_help_lists_the_commands(cli: Run) -> None:
    result = cli("--help")
    assert result.status == 0
    for command in ("import", "show", "validate", "schema", "screenshot"):
        assert command in result.out


ONE_PARAGRAPH = "Harbour reopens\n\nThe harbour reopened on Monday after a two-day storm.\n"


def test_counts_of_one_are_singular_everywhere(cli: Run, in_dir: Path, out_dir: Path) -> None:
    source = in_dir / "one.txt"
    source.write_text(ONE_PARAGRAPH, encoding="utf-8")
    target = out_dir / "one.brief.json"
    assert cli("import", source, "-o", target).err.splitlines() == [
        f"warning: {source}: no recognised sections; the article is in the Overview",
        f"wrote {target}: 1 section, 1 item",
    ]
    shown = cli("show", target).out.splitlines()
    assert shown[1].startswith("1 section, 1 item, 0 links · 53 characters · id ")
    assert "== Overview [lede] — 1 item" in shown
    checked = cli("validate", target)
    assert checked.out == (
        f"ok: {target}: brief with 1 section, 1 item, 1 anchor; every anchor matches the article\n"
    )


def test_counts_of_many_are_plural(cli: Run) -> None:
    shown = cli("show", SAMPLE).out.splitlines()
    assert shown[2].startswith("5 sections, 26 items, 42 links · 4,878 characters · id ")
    assert "== Quotes (“What People Are Saying”) [quotes] — 8 items" in shown


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (SAMPLE, "plain-text article that imports as 5 sections, 26 items, 68 anchors"),
        (
            REPO / "samples" / "library-budget.md",
            "Markdown article that imports as 6 sections, 19 items, 45 anchors",
        ),
        (
            SAMPLE_BRIEF,
            "brief with 5 sections, 26 items, 68 anchors; every anchor matches the article",
        ),
    ],
    ids=["text", "markdown", "brief"],
)
def test_validate_says_whether_it_checked_an_article_or_a_brief(
    cli: Run, source: Path, expected: str
) -> None:
    result = cli("validate", source)
    assert (result.status, result.err) == (0, "")
    assert result.out == f"ok: {source}: {expected}\n"


def test_validate_knows_a_brief_by_its_content_whatever_its_name(
    cli: Run, out_dir: Path
) -> None:
    renamed = out_dir / "harbour-strike-brief"
    renamed.write_bytes(SAMPLE_BRIEF.read_bytes())
    result = cli("validate", renamed)
    assert (result.status, result.err) == (0, "")
    assert result.out == (
        f"ok: {renamed}: brief with 5 sections, 26 items, 68 anchors; every anchor matches "
        "the article\n"
    )


def test_validate_of_an_article_repeats_its_import_warnings(cli: Run) -> None:
    source = FIXTURES / "no-sections.txt"
    result = cli("validate", source)
    assert result.status == 0
    assert result.err == f"warning: {source}: {NO_SECTIONS}\n"
    assert result.out.startswith(f"ok: {source}: plain-text article that imports as 2 sections,")


def test_reimport_keeps_section_and_item_ids(cli: Run, out_dir: Path) -> None:
    first = _import_sample(cli, out_dir)
    second = out_dir / "again.brief.json"
    result = cli("import", first, "-o", second)
    assert result.status == 0, result.err
    a, b = read_brief(first), read_brief(second)
    assert a.id == b.id
    assert a.article.text == b.article.text
    assert [(s.kind, s.title) for s in a.sections] == [(s.kind, s.title) for s in b.sections]
    assert [[i.id for i in s.items] for s in a.sections] == [
        [i.id for i in s.items] for s in b.sections
    ]
    assert [i.spans() for i in a.items()] == [i.spans() for i in b.items()]


def test_no_sections_imports_into_lede_with_a_warning(cli: Run, out_dir: Path) -> None:
    source = FIXTURES / "no-sections.txt"
    target = out_dir / "plain.brief.json"
    result = cli("import", source, "-o", target)
    assert result.status == 0, result.err
    warnings = [line for line in result.err.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {source}: {NO_SECTIONS}"]
    brief = read_brief(target)
    assert section_kinds(brief) == ["lede", "quotes"]
    assert len(brief.sections[0].items) == 3  # the article's three paragraphs, none lost
    assert [item.speaker.name for item in brief.sections[1].items] == ["Marta Kowalczyk"]
    assert brief.sections[0].items[0].text.startswith("A small bakery in the market town")


def test_impossible_front_matter_date_is_kept_as_text(
    cli: Run, in_dir: Path, out_dir: Path
) -> None:
    source = in_dir / "dated.md"
    source.write_text("---\npublished: 2026-13-45\n---\n# Strike\n\nBody.\n", encoding="utf-8")
    target = out_dir / "dated.brief.json"
    result = cli("import", source, "-o", target)
    assert result.status == 0, result.err
    brief = read_brief(target)
    assert brief.source.published == "2026-13-45"
    assert brief.title == "Strike"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("bom.txt", b"\xef\xbb\xbfHeadline\n\nIt was caf\xc3\xa9 day.\n", "caf\u00e9"),
        ("utf16.txt", "Headline\r\n\r\nIt was caf\u00e9 day.\r\n".encode("utf-16"), "caf\u00e9"),
        ("cp1252.txt", b"Headline\r\n\r\nShe said \x93no\x94 today.\r\n", "\u201cno\u201d"),
        ("cr.txt", b"Headline\r\rIt was a day.\rAnd another.\r", "And another."),
        ("nfd.txt", "Headline\n\nIt was cafe\u0301 day.\n".encode(), "caf\u00e9"),
    ],
)
def test_encodings_through_the_cli(
    cli: Run, in_dir: Path, out_dir: Path, name: str, data: bytes, expected: str
) -> None:
    source = in_dir / name
    source.write_bytes(data)
    target = out_dir / "x.brief.json"
    result = cli("import", source, "-o", target)
    assert result.status == 0, result.err
    text = read_brief(target).article.text
    assert expected in text
    assert "\r" not in text and "\ufeff" not in text and "\u0301" not in text


@pytest.mark.parametrize("fixture", ["cp1252.txt", "utf16.txt", "crlf-headings.txt"])
def test_encoding_fixtures_import_and_validate(cli: Run, fixture: str, out_dir: Path) -> None:
    target = _import_sample(cli, out_dir, FIXTURES / fixture)
    text = read_brief(target).article.text
    assert "\r" not in text and "\ufffd" not in text
    checked = cli("validate", target)
    assert checked.status == 0
    assert checked.out.startswith(f"ok: {target}: brief with 5 sections, ")


def test_overwrites_existing_output(cli: Run, out_dir: Path) -> None:
    target = out_dir / "article.brief.json"
    target.write_text("old", encoding="utf-8")
    _import_sample(cli, out_dir)
    assert read_brief(target).title == "Why this dock strike could raise winter prices"
    assert sorted(p.name for p in out_dir.iterdir()) == ["article.brief.json"]


def test_failed_import_leaves_existing_output_untouched(
    cli: Run, in_dir: Path, out_dir: Path
) -> None:
    target = out_dir / "article.brief.json"
    target.write_text("keep me", encoding="utf-8")
    bad = in_dir / "empty.txt"
    bad.write_bytes(b"")
    assert_one_error_line(cli("import", bad, "-o", target), bad)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in out_dir.iterdir()) == ["article.brief.json"]


# --- validate on hand-broken briefs --------------------------------------------------------


def _break_brief(path: Path, mutate: Callable[[dict], str]) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    item_id = mutate(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return item_id


def _quote_item(data: dict) -> dict:
    quotes = next(s for s in data["sections"] if s["kind"] == SectionKind.QUOTES.value)
    return quotes["items"][1]


@pytest.fixture
def sample_brief(out_dir: Path) -> Path:
    """A fresh copy of the sample brief, ready to be broken by hand."""
    target = out_dir / "article.brief.json"
    target.write_bytes(SAMPLE_BRIEF.read_bytes())
    return target


def test_validate_names_item_whose_anchor_moved(cli: Run, sample_brief: Path) -> None:
    def shift(data: dict) -> str:
        item = _quote_item(data)
        item["anchors"][0]["start"] += 3
        item["anchors"][0]["end"] += 3
        return item["id"]

    item_id = _break_brief(sample_brief, shift)
    line = assert_one_error_line(cli("validate", sample_brief), sample_brief)
    assert f"item {item_id} anchor 0:" in line


def test_validate_names_item_whose_start_alone_changed(cli: Run, sample_brief: Path) -> None:
    where: list[str] = []

    def move_start(data: dict) -> str:
        quotes_index = next(i for i, s in enumerate(data["sections"]) if s["kind"] == "quotes")
        item = data["sections"][quotes_index]["items"][1]
        item["anchors"][0]["start"] += 1
        where.append(f"sections.{quotes_index}.items.1.anchors.0")
        return item["id"]

    item_id = _break_brief(sample_brief, move_start)
    line = assert_one_error_line(cli("validate", sample_brief), sample_brief)
    assert item_id in line or where[0] in line, line


def test_validate_catches_a_corroborating_anchor_with_wrong_prefix(
    cli: Run, sample_brief: Path
) -> None:
    def bad_prefix(data: dict) -> str:
        for section in data["sections"]:
            for item in section["items"]:
                if len(item["anchors"]) > 1:
                    item["anchors"][1]["prefix"] = "not the real context"
                    return item["id"]
        raise AssertionError("no linked item in the sample")

    item_id = _break_brief(sample_brief, bad_prefix)
    line = assert_one_error_line(cli("validate", sample_brief), sample_brief)
    assert f"item {item_id} anchor 1:" in line


def test_validate_catches_anchor_past_the_end(cli: Run, sample_brief: Path) -> None:
    def past_end(data: dict) -> str:
        item = data["sections"][0]["items"][0]
        length = len(data["article"]["text"])
        exact = item["anchors"][0]["exact"]
        item["anchors"][0]["start"] = length + 10
        item["anchors"][0]["end"] = length + 10 + len(exact)
        return item["id"]

    item_id = _break_brief(sample_brief, past_end)
    line = assert_one_error_line(cli("validate", sample_brief), sample_brief)
    assert f"item {item_id} anchor 0:" in line


# --- bad input ----------------------------------------------------------------------------


def _make_bad(kind: str, folder: Path) -> Path:
    """Create one kind of bad input inside ``folder`` and return the path to hand the CLI."""
    if kind == "empty":
        path = folder / "empty.txt"
        path.write_bytes(b"")
    elif kind == "whitespace":
        path = folder / "blank.txt"
        path.write_bytes(b" \r\n\t\n  \n")
    elif kind == "binary":
        path = folder / "photo.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    elif kind == "directory":
        path = folder / "a-folder"
        path.mkdir()
    elif kind == "missing":
        path = folder / "does-not-exist.txt"
    elif kind == "malformed-json":
        path = folder / "broken.brief.json"
        path.write_text('{\n  "id": "x",\n  "article": {"text": "hi"},,\n}\n', encoding="utf-8")
    elif kind == "schema-invalid-json":
        path = folder / "wrong.brief.json"
        path.write_text(json.dumps({"id": 7, "article": {"text": 3}}), encoding="utf-8")
    elif kind == "json-not-object":
        path = folder / "list.json"
        path.write_text("[1, 2, 3]", encoding="utf-8")
    elif kind == "json-newer-version":
        path = folder / "future.brief.json"
        path.write_text(
            json.dumps({"schema_version": 99, "id": "x", "article": {"text": "hi"}}),
            encoding="utf-8",
        )
    elif kind == "undecodable":
        path = folder / "mixed.txt"
        path.write_bytes(b"Headline\n\nThe port " + UNDECODABLE + b" said.\n")
    elif kind == "too-big":
        path = folder / "huge.txt"
        with path.open("wb") as stream:
            stream.seek(MAX_INPUT_BYTES + 1024)
            stream.write(b"x")
    elif kind == "deep-json":
        path = folder / "deep.json"
        path.write_text('{"id": ' + "[" * 100_000, encoding="utf-8")
    elif kind == "bad-front-matter":
        path = folder / "front.md"
        path.write_text(
            "---\ntitle: Strike\nauthor: [unclosed\n---\n# Title\n\nBody.\n", encoding="utf-8"
        )
    elif kind == "surrogate-in-json":
        source = json.loads(SAMPLE_BRIEF.read_text(encoding="utf-8"))
        source["title"] = "bad \ud800 title"
        path = folder / "surrogate.brief.json"
        path.write_text(json.dumps(source), encoding="utf-8")  # ASCII: "\ud800" escape
    else:
        raise AssertionError(kind)
    return path


EXPECTED_WORDS = {
    "empty": "empty",
    "whitespace": "empty",
    "binary": "binary",
    "directory": "directory",
    "missing": "no such file",
    "malformed-json": "malformed JSON",
    "schema-invalid-json": "not a valid brief: id: Input should be a valid string (and 1 more "
    "problem)",
    "json-not-object": "not a brief",
    "json-newer-version": "newer",
    "undecodable": "Windows-1252",
    "too-big": "MB",
    "bad-front-matter": "front matter is not valid YAML",
    "deep-json": "malformed JSON",
    "surrogate-in-json": "surrogate",
}
BAD_INPUTS = list(EXPECTED_WORDS)
LOCATIONS = {"malformed-json": ":3:29: ", "undecodable": ":3:10: ", "bad-front-matter": ":3:9: "}


def _assert_output_folder_clean(out_dir: Path) -> None:
    left = sorted(p.name for p in out_dir.iterdir())
    assert left == [], f"files left in the output folder: {left}"


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_import_to_file(cli: Run, kind: str, in_dir: Path, out_dir: Path) -> None:
    bad = _make_bad(kind, in_dir)
    before = sorted(p.name for p in in_dir.iterdir())
    result = cli("import", bad, "-o", out_dir / "article.brief.json")
    line = assert_one_error_line(result, bad)
    assert result.out == ""
    _assert_output_folder_clean(out_dir)
    assert sorted(p.name for p in in_dir.iterdir()) == before
    assert EXPECTED_WORDS[kind] in line, line
    if kind in LOCATIONS:
        assert line.startswith(f"error: {bad}{LOCATIONS[kind]}"), line


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_import_to_stdout(
    cli: Run, kind: str, in_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = _make_bad(kind, in_dir)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    result = cli("import", bad)
    assert_one_error_line(result, bad)
    assert result.out == ""
    assert list(cwd.iterdir()) == []


@pytest.mark.parametrize("command", ["show", "validate"])
@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_read_only_commands(cli: Run, command: str, kind: str, in_dir: Path) -> None:
    bad = _make_bad(kind, in_dir)
    result = cli(command, bad)
    line = assert_one_error_line(result, bad)
    assert result.out == ""
    assert EXPECTED_WORDS[kind] in line, line


def test_output_into_missing_folder(cli: Run, out_dir: Path) -> None:
    target = out_dir / "no" / "such" / "folder" / "article.brief.json"
    result = cli("import", SAMPLE, "-o", target)
    line = assert_one_error_line(result, target)
    assert line == f"error: {target}: the output folder does not exist"
    assert result.out == ""
    _assert_output_folder_clean(out_dir)


def test_output_onto_an_existing_folder(cli: Run, out_dir: Path) -> None:
    target = out_dir / "taken"
    target.mkdir()
    result = cli("import", SAMPLE, "-o", target)
    assert assert_one_error_line(result, target) == f"error: {target}: is a directory"
    assert sorted(p.name for p in out_dir.iterdir()) == ["taken"]
    assert list(target.iterdir()) == []


@pytest.mark.skipif(sys.platform != "linux", reason="needs /dev/zero")
def test_endless_device_is_refused(out_dir: Path) -> None:
    # A child process: the address-space limit would otherwise apply to the test runner.
    result = run_process("import", "/dev/zero", "-o", out_dir / "z.brief.json", cap_memory=True)
    assert_one_error_line(result, "/dev/zero")
    _assert_output_folder_clean(out_dir)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(in_dir: Path, out_dir: Path) -> None:
    # A child process with a timeout: opening the pipe would block forever, here or there.
    pipe = in_dir / "article.txt"
    os.mkfifo(pipe)
    result = run_process("import", pipe, "-o", out_dir / "p.brief.json")
    assert_one_error_line(result, pipe)
    _assert_output_folder_clean(out_dir)


# --- usage errors ---------------------------------------------------------------------------


def assert_usage_error(result: Outcome) -> str:
    """Exit 2 and one ``error:`` line: no usage block, no traceback, nothing on stdout."""
    assert result.status == 2, (result.status, result.err)
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "usage:" not in result.err and "Traceback" not in result.err
    return lines[0]


MISTYPED = {
    "import a.txt --no-such-option": "error: import: unrecognised option --no-such-option",
    "import --x": "error: import: unrecognised option --x",
    "show a.txt --jsn": "error: show: unrecognised option --jsn",
    "validate a.txt extra": "error: validate: unexpected argument 'extra'",
    "--bogus": "error: unrecognised option --bogus",
    "import": "error: import: the following arguments are required: path",
    "screenshot": "error: screenshot: the following arguments are required: --out",
    "import a.txt -o": "error: import: argument -o/--output: expected one argument",
    "screenshot --theme neon --out x.png": "error: screenshot: argument --theme: invalid "
    "choice: 'neon' (choose from 'light', 'dark', 'sepia')",
}


@pytest.mark.parametrize("command_line", MISTYPED)
def test_a_mistyped_command_line_is_one_error_line(cli: Run, command_line: str) -> None:
    assert assert_usage_error(cli(*command_line.split())) == MISTYPED[command_line]


@pytest.mark.parametrize(
    ("size", "complaint"),
    [
        ("abc", "--size must look like 1400x900 (width x height), not 'abc'"),
        ("1400", "--size must look like 1400x900 (width x height), not '1400'"),
        ("1400x900x3", "--size must look like 1400x900 (width x height), not '1400x900x3'"),
        ("1_400x900", "--size must look like 1400x900 (width x height), not '1_400x900'"),
        ("0x0", "--size must be from 200x150 to 10000x10000, not '0x0'"),
        ("-5x10", "--size must be from 200x150 to 10000x10000, not '-5x10'"),
        ("99999x99999", "--size must be from 200x150 to 10000x10000, not '99999x99999'"),
        ("1400x" + "9" * 5000, "--size must be from 200x150 to 10000x10000, not '1400x9999"),
    ],
    ids=[
        "letters",
        "one-number",
        "three-numbers",
        "underscore",
        "zero",
        "negative",
        "huge",
        "5000-digits",
    ],
)
def test_a_bad_size_is_named_and_refused_before_anything_is_drawn(
    cli: Run, out_dir: Path, size: str, complaint: str
) -> None:
    line = assert_usage_error(cli("screenshot", SAMPLE, "--size", size, "--out", out_dir / "s.png"))
    assert line.startswith(f"error: {complaint}"), line
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize(
    ("size", "expected"),
    [("1400x900", (1400, 900)), ("200X150", (200, 150)), (" 10000×10000 ", (10_000, 10_000))],
    ids=["default", "smallest", "largest"],
)
def test_sizes_within_bounds_are_read_as_pixels(size: str, expected: tuple[int, int]) -> None:
    assert parse_window_size(size) == expected


def test_a_usage_error_from_the_real_entry_point_is_one_line() -> None:
    assert_usage_error(run_process("import", SAMPLE, "--no-such-option", entry="script"))


# --- interruptions ---------------------------------------------------------------------------


class _ClosedPipe(io.StringIO):
    """A stdout whose reader has gone away, as ``briefing-app show … | head -1`` leaves it."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_on_stdout_ends_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["show", str(SAMPLE)]) == 141  # what a shell shows for a writer cut off
    assert capsys.readouterr().err == ""


def test_ctrl_c_ends_with_status_130_and_no_traceback(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(path: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(importer, "import_path", interrupted)
    result = cli("import", SAMPLE)
    assert (result.status, result.out, result.err) == (130, "", "")


def test_ctrl_c_while_the_brief_is_written_ends_with_130_and_no_file(
    cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # pydantic turns an exception raised inside a serialiser, Ctrl+C too, into its own error
    written = []

    def interrupted_once_written(figure: Figure) -> dict[str, object]:
        written.append(figure)
        if len(written) == 5:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C, arriving mid-serialisation
        return fields_of(figure)

    fields_of = Figure.as_fields
    monkeypatch.setattr(Figure, "as_fields", interrupted_once_written)
    output = tmp_path / "out.brief.json"
    result = cli("import", SAMPLE, "-o", output)
    assert (result.status, result.out, result.err) == (130, "", "")
    assert not output.exists() and list(tmp_path.iterdir()) == []


def test_a_serialiser_bug_naming_an_interrupt_is_not_taken_for_ctrl_c(
    cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(figure: Figure) -> dict[str, object]:
        raise ValueError("KeyboardInterrupt is only this bug's wording")

    monkeypatch.setattr(Figure, "as_fields", broken)
    with pytest.raises(PydanticSerializationError):
        cli("import", SAMPLE, "-o", tmp_path / "out.brief.json")
