"""Output files are written whole, with ordinary permissions, through links, never over devices."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefing_app.core.atomic_write import write_text_atomically
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


def test_a_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomically(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_device_is_written_to_not_replaced() -> None:
    write_text_atomically(Path("/dev/null"), "ignored")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_no_temporary_file_is_left_when_writing_fails(tmp_path: Path) -> None:
    with pytest.raises(BriefInputError):
        write_text_atomically(tmp_path / "missing-folder" / "x.json", "{}")
    assert list(tmp_path.iterdir()) == []
