"""Write output files whole or not at all.

Why: a crash, a full disk or Ctrl+C halfway through must never leave a truncated brief or
image where the user asked for one.  Data goes to a temporary file beside the target and is
renamed over it; the file keeps the permissions an ordinary write would give.  A target that
is not a regular file (``/dev/stdout``, a pipe) is written directly, and a symbolic link is
followed, so the link survives and its target is replaced.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from briefing_app.core.errors import BriefInputError


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    write_atomically(path, lambda stream: stream.write(data))


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write`` with a binary stream whose contents replace ``path`` in one step once
    it returns (readers see the old file or the whole new one).  Why a callback: a large
    output can then be written in pieces, never held whole in memory."""
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        if target.is_dir():
            raise BriefInputError(path, "is a directory")
        _write_directly(path, target, write)
        return
    folder = target.parent
    if not folder.is_dir():
        raise BriefInputError(path, "the output folder does not exist")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise BriefInputError(path, f"cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.chmod(temp_name, _usual_mode(target))  # mkstemp makes 0600
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise BriefInputError(path, f"cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    """UTF-8 text with LF line ends, written as :func:`write_bytes_atomically` does."""
    write_bytes_atomically(path, text.encode("utf-8"))


def _write_directly(path: Path, target: Path, write: Callable[[BinaryIO], object]) -> None:
    try:
        with target.open("wb") as stream:
            write(stream)
    except OSError as exc:
        raise BriefInputError(path, f"cannot write: {exc.strerror or exc}") from exc


def _usual_mode(target: Path) -> int:
    """The existing file's mode, or what a plain open() would give under the umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
