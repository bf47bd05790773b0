"""Output files are written whole, with ordinary permissions, never onto an input, a link
(unless asked), a device or a FIFO, and no temporary file outlives a failed or killed write."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core.atomic_write import CLEANUP_SIGNALS, write_text_atomically
from briefing_app.core.errors import BriefInputError


def test_new_file_gets_the_permissions_a_plain_write_would(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        target = tmp_path / "brief.json"
        write_text_atomically(target, "{}\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text() == "{}\n"


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomically(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text() == "new"


def test_a_symlink_is_refused_unless_its_target_may_be_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(BriefInputError, match="is a symbolic link; give --force"):
        write_text_atomically(link, "new")
    assert real.read_text() == "old"
    write_text_atomically(link, "new", replace_link=True)
    assert link.is_symlink() and real.read_text() == "new"  # the link kept, its file replaced


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full", "/dev/zero"])
def test_a_device_is_refused(device: str) -> None:
    with pytest.raises(BriefInputError, match="is not a regular file"):
        write_text_atomically(Path(device), "ignored")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_fifo_without_a_reader_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    with pytest.raises(BriefInputError, match="is not a regular file"):
        write_text_atomically(fifo, "{}")  # opening it would wait for a reader forever
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def _same_file_spellings(tmp_path: Path) -> list[Path]:
    article = tmp_path / "dir" / "a.txt"
    (tmp_path / "other").mkdir()
    (tmp_path / "sym.txt").symlink_to(article)
    os.link(article, tmp_path / "hard.txt")
    return [
        article,
        tmp_path / "other" / ".." / "dir" / "a.txt",
        tmp_path / "sym.txt",
        tmp_path / "hard.txt",
    ]


def test_an_output_that_is_the_input_file_is_refused_however_it_is_spelled(
    tmp_path: Path,
) -> None:
    (tmp_path / "dir").mkdir()
    article = tmp_path / "dir" / "a.txt"
    article.write_text("The article.\n")
    for spelling in _same_file_spellings(tmp_path):
        with pytest.raises(BriefInputError, match="is the input file"):
            write_text_atomically(spelling, "{}", [article], replace_link=True)
        assert article.read_text() == "The article.\n"
    assert sorted(p.name for p in (tmp_path / "dir").iterdir()) == ["a.txt"]


def test_no_temporary_file_is_left_when_writing_fails(tmp_path: Path) -> None:
    with pytest.raises(BriefInputError):
        write_text_atomically(tmp_path / "missing-folder" / "x.json", "{}")
    assert list(tmp_path.iterdir()) == []


_KILLED_MID_WRITE = """
import os, signal, sys
from pathlib import Path
from briefing_app.core.atomic_write import write_atomically

signum = getattr(signal, sys.argv[2])
# As a terminal session has them, whatever this test was started from (a shell started in
# the background ignores SIGINT, and its children inherit that).
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.signal(signal.SIGHUP, signal.SIG_DFL)

def write(stream):
    stream.write(b"x" * 1_000_000)
    os.kill(os.getpid(), signum)
    stream.write(b"y" * 1_000_000)

try:
    write_atomically(Path(sys.argv[1]), write)
except KeyboardInterrupt:
    sys.exit(130)
print("not stopped")
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_during_the_write_leaves_neither_a_temporary_file_nor_a_partial_one(
    tmp_path: Path, name: str
) -> None:
    target = tmp_path / "out.json"
    target.write_text("the previous brief")
    run = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_WRITE, str(target), name],
        capture_output=True,
        text=True,
        timeout=60,
    )
    signum = getattr(signal, name)
    assert run.returncode in (-signum, 128 + signum), run.stderr
    assert "not stopped" not in run.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no .out.json.*.tmp
    assert target.read_text() == "the previous brief"


def test_signal_handlers_are_as_before_once_the_write_is_done(tmp_path: Path) -> None:
    before = {signum: signal.getsignal(signum) for signum in CLEANUP_SIGNALS}
    write_text_atomically(tmp_path / "out.json", "{}")
    assert {signum: signal.getsignal(signum) for signum in CLEANUP_SIGNALS} == before
