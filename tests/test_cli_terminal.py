"""What reaches the terminal: one escaped line per complaint, and no traceback when stdout
is full, closed or gone.

Why real processes for stdout: a full device, a closed descriptor and a reader that exits
are properties of the process's file descriptor 1, which an in-process run cannot have.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.cli.terminal import escaped
from tests.conftest import Run
from tests.test_cli import SAMPLE, SAMPLE_BRIEF, assert_one_error_line

COMMANDS_THAT_PRINT = {
    "import": ["import", str(SAMPLE)],
    "show": ["show", str(SAMPLE)],
    "show --json": ["show", "--json", str(SAMPLE_BRIEF)],
    "validate": ["validate", str(SAMPLE)],
    "schema": ["schema"],
}


def _run(args: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", *args],
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        check=False,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("name", COMMANDS_THAT_PRINT)
def test_a_full_disk_on_stdout_is_one_error_line(name: str) -> None:
    with open("/dev/full", "w") as full:
        run = _run(COMMANDS_THAT_PRINT[name], stdout=full)
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1] == "error: cannot write output: No space left on device"
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("name", COMMANDS_THAT_PRINT)
def test_a_closed_stdout_is_one_error_line(name: str) -> None:
    run = _run(COMMANDS_THAT_PRINT[name], stdout=None, preexec_fn=lambda: os.close(1))
    assert run.returncode == 2, run.stderr
    assert run.stderr.splitlines()[-1] == "error: cannot write output: standard output is closed"
    assert "Traceback" not in run.stderr


def test_a_closed_stdout_does_not_matter_when_nothing_is_printed_there(tmp_path: Path) -> None:
    target = tmp_path / "out.brief.json"
    run = _run(["import", str(SAMPLE), "-o", str(target)], stdout=None,
               preexec_fn=lambda: os.close(1))
    assert run.returncode == 0, run.stderr
    assert target.stat().st_size > 0


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "show", "--json", str(SAMPLE_BRIEF)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()  # as `| head -c 100` does
    status = process.wait(timeout=120)
    assert status in (128 + signal.SIGPIPE, -signal.SIGPIPE)
    assert process.stderr.read() == b""


def test_control_characters_and_newlines_are_shown_escaped() -> None:
    assert escaped("a\x1b[31mred\x1b[0m") == "a\\x1b[31mred\\x1b[0m"
    assert escaped("two\nlines\r") == "two\\nlines\\r"
    assert escaped("bell\x07 del\x7f c1\x9b nul\x00") == "bell\\x07 del\\x7f c1\\x9b nul\\x00"
    assert escaped("evil\u202etxt.exe") == "evil\\u202etxt.exe"
    assert escaped("keeps\ttabs and “quotes” — é") == "keeps\ttabs and “quotes” — é"
    assert escaped("outline\nlines", keep_newlines=True) == "outline\nlines"


def test_a_path_cannot_forge_a_second_error_line(cli: Run, tmp_path: Path) -> None:
    sneaky = tmp_path / "a\nerror: everything is fine \x1b[2J.txt"
    result = cli("show", sneaky)
    line = assert_one_error_line(result, "a\\nerror: everything is fine \\x1b[2J.txt")
    assert line.endswith(": no such file")
    assert "\x1b" not in result.err


def test_an_option_value_from_the_user_is_escaped_too(cli: Run) -> None:
    result = cli("screenshot", "--out", "x.png", "--size", "\x1b[31m")
    assert result.status == 2
    assert "\x1b" not in result.err and "\\x1b[31m" in result.err
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize(
    ("typed", "meant"), [("imoprt", "import"), ("shcema", "schema"), ("valdate", "validate")]
)
def test_a_mistyped_command_is_named_not_opened_as_a_file(
    cli: Run, typed: str, meant: str
) -> None:
    result = cli(typed, "article.txt")
    assert result.status == 2
    assert result.err == f"error: unknown command '{typed}'; did you mean {meant}?\n"


def test_a_file_named_like_a_command_still_opens(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app import cli as cli_module

    opened: list[list[str]] = []
    monkeypatch.setattr(cli_module, "_open_window", lambda args: opened.append(args) or 0)
    monkeypatch.chdir(tmp_path)
    Path("imoprt").write_text("An article in a file with an odd name.\n", encoding="utf-8")
    assert cli("imoprt").status == 0
    assert opened == [["imoprt"]]
