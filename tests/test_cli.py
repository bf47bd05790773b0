"""The ``briefing-app`` command line, run as a user runs it: in a subprocess, with no display.

Why subprocesses: the contract is about what a shell sees — exit status, exactly one
``error: <path>: <what>`` line on stderr, no traceback, and no output file (not even a temp
file) when the input is bad — and only a real process shows all of that.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_app.core.model import Brief
from briefing_app.core.readers.decoding import MAX_INPUT_BYTES

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "harbour-strike.txt"
FIXTURES = Path(__file__).parent / "fixtures"
SCRIPT = Path(sys.executable).parent / ("briefing-app.exe" if os.name == "nt" else "briefing-app")
ENTRY_POINTS = {
    "module": [sys.executable, "-m", "briefing_app"],
    "script": [str(SCRIPT)],
}
UNDECODABLE = b"\x81\x8d\x8f\x90\x9d"


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _limit_memory() -> None:  # pragma: no cover - runs in the child process
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run_cli(
    *args: str | Path, entry: str = "module", cwd: Path | None = None, cap_memory: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run the CLI with no display, returning its exit status and decoded output."""
    return subprocess.run(
        [*ENTRY_POINTS[entry], *(str(a) for a in args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=_headless_env(),
        cwd=cwd or REPO,
        timeout=120,
        check=False,
        preexec_fn=_limit_memory if cap_memory else None,
    )


def assert_one_error_line(result: subprocess.CompletedProcess[str], path: Path | str) -> str:
    """Exit 2, exactly one stderr line ``error: …path…``, and no traceback anywhere."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("error: "), line
    assert str(path) in line, line
    return line


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def in_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    return folder


def _import_sample(out_dir: Path, source: Path = SAMPLE) -> Path:
    target = out_dir / "article.brief.json"
    result = run_cli("import", source, "-o", target)
    assert result.returncode == 0, result.stderr
    return target


# --- happy paths -------------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_import_to_output_file_then_validate(entry: str, out_dir: Path) -> None:
    target = out_dir / "article.brief.json"
    result = run_cli("import", SAMPLE, "-o", target, entry=entry)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert target.is_file()
    assert sorted(p.name for p in out_dir.iterdir()) == ["article.brief.json"]
    data = json.loads(target.read_text(encoding="utf-8"))
    brief = Brief.model_validate(data)
    assert brief.items()
    check = run_cli("validate", target, entry=entry)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith(f"ok: {target}")


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_import_to_stdout(entry: str, tmp_path: Path) -> None:
    result = run_cli("import", SAMPLE, entry=entry, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    brief = Brief.model_validate(json.loads(result.stdout))
    assert {s.kind.value for s in brief.sections} >= {
        "lede",
        "why_it_matters",
        "what_to_know",
        "quotes",
        "next_steps",
    }
    assert list(tmp_path.iterdir()) == []


def test_import_dash_output_means_stdout(tmp_path: Path) -> None:
    result = run_cli("import", SAMPLE, "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    json.loads(result.stdout)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_show_prints_sections_and_speakers(entry: str) -> None:
    result = run_cli("show", SAMPLE, entry=entry)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Why this dock strike could raise winter prices" in out
    for title in ("Why It Matters", "What To Know", "Quotes", "Next Steps"):
        assert title in out
    for name in (
        "Amara Okafor",
        "Desmond Achterberg",
        "Grace Muldoon",
        "Tomasz Reilly",
        "Lucia Fenwright",
        "Priya Venkataraman",
    ):
        assert name in out, name


def test_show_of_a_brief_json(out_dir: Path) -> None:
    target = _import_sample(out_dir)
    result = run_cli("show", target)
    assert result.returncode == 0, result.stderr
    assert "Amara Okafor" in result.stdout and "Next Steps" in result.stdout


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_schema_is_json_with_sections(entry: str) -> None:
    result = run_cli("schema", entry=entry)
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert "sections" in schema["properties"]
    assert "article" in schema["properties"]


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("briefing-app ")


def test_reimport_keeps_section_and_item_ids(out_dir: Path) -> None:
    first = _import_sample(out_dir)
    second = out_dir / "again.brief.json"
    result = run_cli("import", first, "-o", second)
    assert result.returncode == 0, result.stderr
    a = Brief.model_validate_json(first.read_text(encoding="utf-8"))
    b = Brief.model_validate_json(second.read_text(encoding="utf-8"))
    assert a.id == b.id
    assert a.article.text == b.article.text
    assert [(s.kind, s.title) for s in a.sections] == [(s.kind, s.title) for s in b.sections]
    assert [[i.id for i in s.items] for s in a.sections] == [
        [i.id for i in s.items] for s in b.sections
    ]
    assert [i.spans() for i in a.items()] == [i.spans() for i in b.items()]


def test_no_sections_imports_into_lede_with_a_warning(out_dir: Path) -> None:
    source = FIXTURES / "no-sections.txt"
    target = out_dir / "plain.brief.json"
    result = run_cli("import", source, "-o", target)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and str(source) in warnings[0]
    brief = Brief.model_validate_json(target.read_text(encoding="utf-8"))
    assert [s.kind.value for s in brief.sections] == ["lede"]
    assert brief.items()


def test_impossible_front_matter_date_is_kept_as_text(in_dir: Path, out_dir: Path) -> None:
    source = in_dir / "dated.md"
    source.write_text("---\npublished: 2026-13-45\n---\n# Strike\n\nBody.\n", encoding="utf-8")
    target = out_dir / "dated.brief.json"
    result = run_cli("import", source, "-o", target)
    assert result.returncode == 0, result.stderr
    brief = Brief.model_validate_json(target.read_text(encoding="utf-8"))
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
    in_dir: Path, out_dir: Path, name: str, data: bytes, expected: str
) -> None:
    source = in_dir / name
    source.write_bytes(data)
    target = out_dir / "x.brief.json"
    result = run_cli("import", source, "-o", target)
    assert result.returncode == 0, result.stderr
    brief = Brief.model_validate_json(target.read_text(encoding="utf-8"))
    text = brief.article.text
    assert expected in text
    assert "\r" not in text and "\ufeff" not in text and "\u0301" not in text


@pytest.mark.parametrize("fixture", ["cp1252.txt", "utf16.txt", "crlf-headings.txt"])
def test_encoding_fixtures_import_and_validate(fixture: str, out_dir: Path) -> None:
    target = _import_sample(out_dir, FIXTURES / fixture)
    text = Brief.model_validate_json(target.read_text(encoding="utf-8")).article.text
    assert "\r" not in text and "\ufffd" not in text
    assert run_cli("validate", target).returncode == 0


def test_core_commands_do_not_load_qt(out_dir: Path) -> None:
    target = out_dir / "a.brief.json"
    code = (
        "import sys\n"
        "from briefing_app.cli import main\n"
        f"assert main(['import', {str(SAMPLE)!r}, '-o', {str(target)!r}]) == 0\n"
        f"assert main(['validate', {str(target)!r}]) == 0\n"
        f"assert main(['show', {str(SAMPLE)!r}]) == 0\n"
        "assert main(['schema']) == 0\n"
        "print('QT', sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_headless_env(),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "QT []" in result.stdout


def test_overwrites_existing_output(out_dir: Path) -> None:
    target = out_dir / "article.brief.json"
    target.write_text("old", encoding="utf-8")
    _import_sample(out_dir)
    assert json.loads(target.read_text(encoding="utf-8"))["article"]
    assert sorted(p.name for p in out_dir.iterdir()) == ["article.brief.json"]


def test_failed_import_leaves_existing_output_untouched(in_dir: Path, out_dir: Path) -> None:
    target = out_dir / "article.brief.json"
    target.write_text("keep me", encoding="utf-8")
    bad = in_dir / "empty.txt"
    bad.write_bytes(b"")
    assert_one_error_line(run_cli("import", bad, "-o", target), bad)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in out_dir.iterdir()) == ["article.brief.json"]


# --- validate on hand-broken briefs --------------------------------------------------------


def _break_brief(path: Path, mutate: Callable[[dict], str]) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    item_id = mutate(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return item_id


def _quote_item(data: dict) -> dict:
    quotes = next(s for s in data["sections"] if s["kind"] == "quotes")
    return quotes["items"][1]


def test_validate_names_item_whose_anchor_moved(out_dir: Path) -> None:
    target = _import_sample(out_dir)

    def shift(data: dict) -> str:
        item = _quote_item(data)
        item["anchors"][0]["start"] += 3
        item["anchors"][0]["end"] += 3
        return item["id"]

    item_id = _break_brief(target, shift)
    line = assert_one_error_line(run_cli("validate", target), target)
    assert item_id in line
    assert "anchor 0" in line


def test_validate_names_item_whose_start_alone_changed(out_dir: Path) -> None:
    target = _import_sample(out_dir)
    where: list[str] = []

    def move_start(data: dict) -> str:
        quotes_index = next(i for i, s in enumerate(data["sections"]) if s["kind"] == "quotes")
        item = data["sections"][quotes_index]["items"][1]
        item["anchors"][0]["start"] += 1
        where.append(f"sections.{quotes_index}.items.1.anchors.0")
        return item["id"]

    item_id = _break_brief(target, move_start)
    line = assert_one_error_line(run_cli("validate", target), target)
    assert item_id in line or where[0] in line, line


def test_validate_catches_a_corroborating_anchor_with_wrong_prefix(out_dir: Path) -> None:
    target = _import_sample(out_dir)

    def bad_prefix(data: dict) -> str:
        for section in data["sections"]:
            for item in section["items"]:
                if len(item["anchors"]) > 1:
                    item["anchors"][1]["prefix"] = "not the real context"
                    return item["id"]
        raise AssertionError("no linked item in the sample")

    item_id = _break_brief(target, bad_prefix)
    line = assert_one_error_line(run_cli("validate", target), target)
    assert item_id in line and "anchor 1" in line


def test_validate_catches_anchor_past_the_end(out_dir: Path) -> None:
    target = _import_sample(out_dir)

    def past_end(data: dict) -> str:
        item = data["sections"][0]["items"][0]
        length = len(data["article"]["text"])
        exact = item["anchors"][0]["exact"]
        item["anchors"][0]["start"] = length + 10
        item["anchors"][0]["end"] = length + 10 + len(exact)
        return item["id"]

    item_id = _break_brief(target, past_end)
    line = assert_one_error_line(run_cli("validate", target), target)
    assert item_id in line


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
        source = json.loads(run_cli("import", SAMPLE).stdout)
        source["title"] = "bad \ud800 title"
        path = folder / "surrogate.brief.json"
        path.write_text(json.dumps(source), encoding="utf-8")  # ASCII: "\ud800" escape
    else:
        raise AssertionError(kind)
    return path


BAD_INPUTS = [
    "empty",
    "whitespace",
    "binary",
    "directory",
    "missing",
    "malformed-json",
    "schema-invalid-json",
    "json-not-object",
    "json-newer-version",
    "undecodable",
    "too-big",
    "deep-json",
    "bad-front-matter",
    "surrogate-in-json",
]
EXPECTED_WORDS = {
    "empty": "empty",
    "whitespace": "empty",
    "binary": "binary",
    "directory": "directory",
    "missing": "no such file",
    "malformed-json": "malformed JSON",
    "schema-invalid-json": "not a valid brief",
    "json-not-object": "not a brief",
    "json-newer-version": "newer",
    "undecodable": "Windows-1252",
    "too-big": "MB",
    "bad-front-matter": "front matter is not valid YAML",
    "deep-json": "malformed JSON",
    "surrogate-in-json": "surrogate",
}
LOCATIONS = {"malformed-json": ":3:29: ", "undecodable": ":3:10: "}


def _assert_output_folder_clean(out_dir: Path) -> None:
    left = sorted(p.name for p in out_dir.iterdir())
    assert left == [], f"files left in the output folder: {left}"


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_import_to_file(kind: str, entry: str, in_dir: Path, out_dir: Path) -> None:
    bad = _make_bad(kind, in_dir)
    before = sorted(p.name for p in in_dir.iterdir())
    result = run_cli("import", bad, "-o", out_dir / "article.brief.json", entry=entry)
    line = assert_one_error_line(result, bad)
    assert result.stdout == ""
    _assert_output_folder_clean(out_dir)
    assert sorted(p.name for p in in_dir.iterdir()) == before
    if kind in EXPECTED_WORDS:
        assert EXPECTED_WORDS[kind] in line, line
    if kind in LOCATIONS:
        assert f"error: {bad}{LOCATIONS[kind]}" in line, line


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_import_to_stdout(kind: str, in_dir: Path, tmp_path: Path) -> None:
    bad = _make_bad(kind, in_dir)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    result = run_cli("import", bad, cwd=cwd)
    assert_one_error_line(result, bad)
    assert result.stdout == ""
    assert list(cwd.iterdir()) == []


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_show(kind: str, in_dir: Path) -> None:
    _check_read_only_command("show", kind, in_dir)


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_validate(kind: str, in_dir: Path) -> None:
    _check_read_only_command("validate", kind, in_dir)


def _check_read_only_command(command: str, kind: str, in_dir: Path) -> None:
    bad = _make_bad(kind, in_dir)
    result = run_cli(command, bad)
    line = assert_one_error_line(result, bad)
    assert result.stdout == ""
    if kind in EXPECTED_WORDS:
        assert EXPECTED_WORDS[kind] in line, line


def test_output_into_missing_folder(out_dir: Path) -> None:
    target = out_dir / "no" / "such" / "folder" / "article.brief.json"
    result = run_cli("import", SAMPLE, "-o", target)
    assert_one_error_line(result, target)
    assert result.stdout == ""
    _assert_output_folder_clean(out_dir)


def test_output_onto_an_existing_folder(out_dir: Path) -> None:
    target = out_dir / "taken"
    target.mkdir()
    result = run_cli("import", SAMPLE, "-o", target)
    assert_one_error_line(result, target)
    assert sorted(p.name for p in out_dir.iterdir()) == ["taken"]
    assert list(target.iterdir()) == []


@pytest.mark.skipif(sys.platform != "linux", reason="needs /dev/zero")
def test_endless_device_is_refused(out_dir: Path) -> None:
    result = run_cli("import", "/dev/zero", "-o", out_dir / "z.brief.json", cap_memory=True)
    assert_one_error_line(result, "/dev/zero")
    _assert_output_folder_clean(out_dir)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(in_dir: Path, out_dir: Path) -> None:
    pipe = in_dir / "article.txt"
    os.mkfifo(pipe)
    result = run_cli("import", pipe, "-o", out_dir / "p.brief.json")  # would hang if opened
    assert_one_error_line(result, pipe)
    _assert_output_folder_clean(out_dir)


def test_unknown_option_is_a_usage_error() -> None:
    result = run_cli("import", SAMPLE, "--no-such-option")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
