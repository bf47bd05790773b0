"""Let a long import share the interpreter with a window's thread, without process-wide state.

Why: an import on a worker thread holds Python's interpreter lock for seconds.  A Qt window
on the main thread needs that lock for a moment on nearly every event (Shiboken looks up
Python overrides of each virtual call), and with the interpreter's default 5 ms hand-over
each of those moments can wait 5 ms: the window stalls.  Shortening the hand-over
(``sys.setswitchinterval``) changes the whole process, and two overlapping imports restored
it in the wrong order.  Instead, a thread that wants to be a good neighbour says so with
:func:`sharing_the_interpreter`; the import's long loops call :func:`checkpoint`, which on
that thread only pauses briefly, lock released, every few milliseconds of work.  Any other
thread (the command line, a test) pays one attribute lookup per checkpoint.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

WORK_SECONDS = 0.004  # work this long between pauses
PAUSE_SECONDS = 0.0005  # and pause this long, the interpreter lock released


class _Sharing(threading.local):
    """Per thread: whether to pause at checkpoints, and when it last did."""

    active = False
    last = 0.0


_state = _Sharing()
_pause = time.sleep  # releases the interpreter lock while it waits


@contextmanager
def sharing_the_interpreter() -> Iterator[None]:
    """While this block runs on the current thread, pause briefly at each checkpoint that
    comes after ``WORK_SECONDS`` of work, so other threads get the interpreter lock."""
    was_active = _state.active
    _state.active, _state.last = True, time.perf_counter()
    try:
        yield
    finally:
        _state.active = was_active


def checkpoint() -> None:
    """A point in a long computation where the current thread may let others run."""
    if _state.active:
        now = time.perf_counter()
        if now - _state.last >= WORK_SECONDS:
            _pause(PAUSE_SECONDS)
            _state.last = time.perf_counter()
