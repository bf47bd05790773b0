"""Write output files whole or not at all, and never onto what the user did not mean.

Why one helper for every file the app writes (the CLI, the window, every export): a crash, a
full disk, Ctrl+C or a ``kill`` halfway through must never leave a truncated file or a
stray temporary one, and no output may replace the article it was made from.  So:

* the target is checked first (:func:`check_output_path`): an output that is the same file
  as an input (by resolved path or ``os.path.samefile``: ``./../dir/a.txt``, a symbolic or
  hard link) is refused; so is a symbolic link unless the caller passes ``replace_link``
  (the CLI's ``--force``: then the file it points to is replaced and the link kept), and
  anything that is not a regular file (a FIFO with no reader would block forever, a device
  is not a file the user can get back);
* data goes to a temporary file in the target's folder, is flushed to disk (fsync) and
  renamed over the target in one step, with the permissions an ordinary write would give;
* while the temporary file exists, SIGTERM, SIGHUP and SIGINT remove it before the process
  goes the way the signal says (on the main thread, where Python runs signal handlers).
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from briefing_app.core.errors import BriefInputError

CLEANUP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)
_pending: set[str] = set()  # temporary files being written, removed if a signal arrives
_lock = threading.Lock()


def check_output_path(
    path: Path, inputs: Sequence[Path] = (), *, replace_link: bool = False
) -> Path:
    """The file that writing ``path`` would replace, after refusing targets that would lose
    data or hang: an input file, a symbolic link (unless ``replace_link``), a directory, a
    FIFO, device or socket, or a folder that does not exist.

    Why callers may call it early too: a command checks its output before hours of work,
    and :func:`write_atomically` checks again at the moment of writing.
    """
    if os.path.islink(path) and not replace_link:
        raise BriefInputError(
            path, "is a symbolic link; give --force to replace the file it points to"
        )
    target = Path(os.path.realpath(path))
    for source in inputs:
        if _same_file(target, Path(source)):
            raise BriefInputError(
                path, f"is the input file {source}; write the output somewhere else"
            )
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise BriefInputError(path, f"cannot write: {exc.strerror or exc}") from exc
    if mode is not None and stat.S_ISDIR(mode):
        raise BriefInputError(path, "is a directory")
    if mode is not None and not stat.S_ISREG(mode):
        raise BriefInputError(
            path,
            "is not a regular file (a pipe, device or socket); write to a file, or to - for "
            "standard output",
        )
    if not target.parent.is_dir():
        raise BriefInputError(path, "the output folder does not exist")
    return target


def write_bytes_atomically(
    path: Path, data: bytes, inputs: Sequence[Path] = (), *, replace_link: bool = False
) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    write_atomically(
        path, lambda stream: stream.write(data), inputs, replace_link=replace_link
    )


def write_text_atomically(
    path: Path, text: str, inputs: Sequence[Path] = (), *, replace_link: bool = False
) -> None:
    """UTF-8 text with LF line ends, written as :func:`write_bytes_atomically` does."""
    write_bytes_atomically(path, text.encode("utf-8"), inputs, replace_link=replace_link)


def write_atomically(
    path: Path,
    write: Callable[[BinaryIO], object],
    inputs: Sequence[Path] = (),
    *,
    replace_link: bool = False,
) -> None:
    """Call ``write`` with a binary stream whose contents replace ``path`` in one step once
    it returns (readers see the old file or the whole new one).  ``inputs`` are the files
    the output was made from, which it must not replace.  Why a callback: a large output
    can then be written in pieces, never held whole in memory."""
    target = check_output_path(path, inputs, replace_link=replace_link)
    with _removed_on_signal() as pending:
        # Signals wait while the file is made and registered, so none can come between.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, CLEANUP_SIGNALS)
        try:
            handle, temp_name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
            pending(temp_name)
        except OSError as exc:
            raise BriefInputError(path, f"cannot write: {exc.strerror or exc}") from exc
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        try:
            with os.fdopen(handle, "wb") as stream:
                write(stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temp_name, _usual_mode(target))  # mkstemp makes 0600
            os.replace(temp_name, target)
        except OSError as exc:
            Path(temp_name).unlink(missing_ok=True)
            raise BriefInputError(path, f"cannot write: {exc.strerror or exc}") from exc
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
    _sync_folder(target.parent)


def _same_file(target: Path, source: Path) -> bool:
    if os.path.realpath(source) == str(target):
        return True
    try:
        return os.path.samefile(source, target)
    except OSError:  # either does not exist (yet)
        return False


@contextmanager
def _removed_on_signal() -> Iterator[Callable[[str], None]]:
    """Register temporary files to be removed if SIGTERM, SIGHUP or SIGINT arrives while
    they exist; then the signal takes its usual course (the process ends with that
    signal's status, or Python's SIGINT handler raises KeyboardInterrupt)."""
    names: list[str] = []

    def register(name: str) -> None:
        with _lock:
            _pending.add(name)
        names.append(name)

    previous = _install_handlers()
    try:
        yield register
    finally:
        with _lock:
            _pending.difference_update(names)
        _restore_handlers(previous)


_Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


def _install_handlers() -> dict[int, _Handler]:
    if threading.current_thread() is not threading.main_thread():
        return {}  # only the main thread may set handlers, and only it runs them
    previous: dict[int, _Handler] = {}
    for signum in CLEANUP_SIGNALS:
        current = signal.getsignal(signum)
        if current in (signal.SIG_IGN, None) or current is _on_signal:
            continue  # ignored on purpose (nohup), or an outer write already watches
        previous[signum] = current
        _previous_handlers[signum] = current
        signal.signal(signum, _on_signal)
    return previous


def _restore_handlers(previous: dict[int, _Handler]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)  # type: ignore[arg-type]


# What each watched signal did before the outermost write began, for _on_signal to hand on to.
_previous_handlers: dict[int, _Handler] = {}


def _on_signal(signum: int, frame: FrameType | None) -> None:
    """Remove the temporary files, then let the signal do what it did before."""
    with _lock:
        names = list(_pending)
        _pending.clear()
    for name in names:
        with suppress(OSError):
            os.unlink(name)
    handler = _previous_handlers.get(signum, signal.SIG_DFL)
    if callable(handler):
        handler(signum, frame)  # Python's SIGINT handler: KeyboardInterrupt
        return
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)  # end as the signal would have ended the process


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every file system allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _usual_mode(target: Path) -> int:
    """The existing file's mode, or what a plain open() would give under the umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
