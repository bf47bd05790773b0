"""Run one stage of a long import in a forked second process while this process runs another.

Why: importing a long article is a chain of stages that each cost ~30–60 µs of Python per
item, with no single hot spot left to remove, on laptops with two cores or more.  Threads
cannot use the second core (the interpreter lock), but some stages do not need each
other's results (finding who speaks where, and indexing the text's words and figures), and
some split in two (choosing links for every other item), so one part can run in a forked
child while the parent runs the other.  Where each is: ``builder.build_brief``,
``importer.import_text`` and ``linking.linker.link_brief``.  ``fork`` is what makes that
pay: the child starts at once with everything the parent has computed, so only the stage's
result travels back (pickled, through a pipe), never its input.

Why only when a caller allows it (:func:`second_process_allowed`): ``fork`` copies only the
calling thread.  A process with other threads running (a window's, Qt's own) could hand the
child a lock that no thread will ever release.  The command line, single-threaded, allows
it around one command; the window and library callers never do, and get the same result
computed in-process.  Whatever goes wrong in the child (no ``fork`` on this platform, no
process to spare, the child raising or killed) the stage is run again in this process, so
its result, or the error it raises, is exactly what an in-process run gives.  A child
never outlives the command: on Linux the kernel kills it when its parent dies, and a
parent that stops waiting for it (an error, Ctrl+C) kills it and reaps it.  A child runs
none of the parent's signal handlers (an atomic write's clean-up would delete the file
the parent is writing).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")
_allowed = False
_READ_CHUNK = 1 << 20
_PR_SET_PDEATHSIG = 1  # (from <sys/prctl.h>)
# Below this many characters of article, a stage takes a few milliseconds, about what a
# fork and the pickled result's trip cost.  Measured on a 2-core VM, whole imports of
# generated newsroom articles: 3 KB 6 → 13 ms forked, 10 KB 20 → 21 ms, 20 KB 35 → 32 ms,
# 50 KB 90 → 70 ms.  Forking from 30,000 characters on keeps clear of the break-even point.
SECOND_PROCESS_MIN_CHARS = 30_000


@contextmanager
def second_process_allowed() -> Iterator[None]:
    """While this block runs, :func:`run_beside` may fork (see :func:`worth_a_second_process`)."""
    global _allowed
    was = _allowed
    _allowed = True
    try:
        yield
    finally:
        _allowed = was


def worth_a_second_process(article_chars: int) -> bool:
    """True when stages of an import of an article this long should run in forked
    children: allowed, supported, single-threaded, and long enough that the work saved is
    more than forking, pickling and reading back cost (a few milliseconds)."""
    return _allowed and article_chars >= SECOND_PROCESS_MIN_CHARS and _single_threaded()


def _single_threaded() -> bool:
    """True when this process runs one thread, counting the threads Python did not start
    (Qt's, a library's): the kernel's list of them, where it gives one (Linux).  Elsewhere
    the answer is no: ``fork`` is then either missing or unsafe with system frameworks."""
    if not hasattr(os, "fork") or threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


class Beside(Generic[T]):
    """A stage started beside the caller's own work; :meth:`result` waits for its value."""

    def __init__(self, task: Callable[[], T], article_chars: int) -> None:
        self._task = task
        self._pid = 0  # the child, until it is reaped
        self._read_end = -1  # its pipe, until it is closed
        if worth_a_second_process(article_chars):
            try:
                self._start_child()
            except BaseException:  # (Ctrl+C held back during the fork, delivered now)
                self.cancel()
                raise

    def _start_child(self) -> None:
        try:
            read_end, write_end = os.pipe()
        except OSError:
            return
        parent, set_death_signal = os.getpid(), _death_signal_setter()
        # Signals this process handles in Python (Ctrl+C; an atomic write's clean-up on
        # SIGTERM) are held back until each process knows what it is: in the child, the
        # parent's handlers would unwind into the caller's code or delete its files.
        handled = _signals_handled_in_python()
        held = signal.pthread_sigmask(signal.SIG_BLOCK, handled)
        try:
            pid = os.fork()
            if pid == 0:
                _child(self._task, parent, set_death_signal, handled, read_end, write_end)
            self._pid, self._read_end = pid, read_end
        except OSError:  # (no process to spare: the stage runs here)
            os.close(read_end)
        finally:
            os.close(write_end)
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def result(self) -> T:
        """The task's value: the child's when it sent one, else computed here."""
        if self._pid:
            sent = self._collect()
            if sent is not None:
                return pickle.loads(sent)  # type: ignore[no-any-return]
        return self._task()

    def _collect(self) -> bytes | None:
        """Everything the child wrote (read before waiting: a full pipe would block it),
        or None when it failed.  Interrupted (Ctrl+C), the block's end stops the child."""
        chunks = []
        while chunk := os.read(self._read_end, _READ_CHUNK):
            chunks.append(chunk)
        status = self._reap(kill=False)
        ok = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        return b"".join(chunks) if ok and chunks else None

    def cancel(self) -> None:
        """Stop and reap a child whose result is no longer wanted (the caller failed)."""
        if self._pid:
            self._reap(kill=True)

    def _reap(self, *, kill: bool) -> int:
        """Close the pipe and wait for the child (killed first if asked), forgetting each
        before the call that can be interrupted, so that no second call repeats it."""
        read_end, self._read_end = self._read_end, -1
        if read_end >= 0:
            os.close(read_end)
        pid, self._pid = self._pid, 0
        if kill:
            os.kill(pid, signal.SIGKILL)
        return os.waitpid(pid, 0)[1]


@contextmanager
def run_beside(task: Callable[[], T], article_chars: int) -> Iterator[Beside[T]]:
    """Start ``task``, a stage of importing an article this long, in a forked child when
    :func:`worth_a_second_process`, else in-process when :meth:`Beside.result` is asked;
    the child is stopped if the block ends without its result.

    The task's value must pickle, and the task must not change anything the caller reads
    afterwards: in a child, any such change is lost, so the window (in-process) and the
    command line (forked) would see different things."""
    beside = Beside(task, article_chars)
    try:
        yield beside
    finally:
        beside.cancel()


@cache
def _death_signal_setter() -> Callable[[int], None] | None:
    """Linux's ``prctl(PR_SET_PDEATHSIG)``, with which a child asks the kernel to kill it
    when its parent dies: a command stopped by a timeout or ``kill`` must not leave a child
    computing for nobody.  Loaded once, in the parent.  None where there is no such call
    (the child then ends when its task does)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (ImportError, OSError, AttributeError):
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong]
    prctl.restype = ctypes.c_int

    def set_death_signal(number: int) -> None:
        prctl(_PR_SET_PDEATHSIG, number)  # (on failure, the child lives out its task)

    return set_death_signal


def _signals_handled_in_python() -> set[signal.Signals]:
    """The signals with a Python handler in this process (Ctrl+C's, at least)."""
    return {number for number in signal.valid_signals() if callable(signal.getsignal(number))}


def _child(
    task: Callable[[], T],
    parent: int,
    set_death_signal: Callable[[int], None] | None,
    handled: set[signal.Signals],
    read_end: int,
    write_end: int,
) -> NoReturn:
    """The child's whole life: run the task, send its pickled value, leave.  Never returns
    into the caller's code, never runs the parent's signal or exit handlers, and never
    flushes its buffered output (``os._exit``, whatever happens)."""
    status = 1
    try:
        for number in handled:  # a signal now ends the child quietly, as the default does
            signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, handled)
        os.close(read_end)
        # The parent's objects are the collector's no more: a pass over them would write
        # to every one, so copy each page that holds one (the parent's whole heap).
        gc.freeze()
        if set_death_signal is not None:
            set_death_signal(signal.SIGKILL)
        if os.getppid() == parent:  # (else it died before the signal was asked for)
            data = memoryview(pickle.dumps(task(), protocol=pickle.HIGHEST_PROTOCOL))
            while data:
                data = data[os.write(write_end, data) :]
            status = 0
    except BaseException:  # (the parent runs the task again, and reports what it raises)
        status = 1
    finally:
        os._exit(status)
