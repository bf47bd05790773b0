"""Import a long article on a worker thread so the window keeps painting and answering.

Why: linking a multi-megabyte article takes seconds to tens of seconds; on the GUI thread
the window would freeze (and look crashed) for all of it.  The import runs in a plain Python
thread; its result comes back through a queued Qt signal, and a newer request makes an older
result stale, so a slow file never replaces one opened after it.  The work function may do
more than import (the reader also indexes the brief there), and returns whatever it built.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from briefing_app.core.errors import BriefInputError
from briefing_app.core.sharing import sharing_the_interpreter

# Files smaller than this import in well under a second: the window does it in place.
BACKGROUND_FROM_BYTES = 256 * 1024


class BackgroundImporter(QObject):
    """Runs a work function off the GUI thread and reports the newest request's outcome."""

    imported = Signal(object, object)  # path, whatever the work function returned
    failed = Signal(object, str)  # path, the user-facing "error: …" line
    # Every import that ends, current or superseded: generation, path, result, error ("" if
    # none).  The window listens to ``imported``/``failed``; this one tells that work ended.
    done = Signal(int, object, object, str)

    def __init__(self, work: Callable[[Path], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._generation = 0
        self.busy = False
        self.done.connect(self._deliver)

    def start(self, path: Path) -> None:
        """Begin importing ``path``; any import still running is superseded."""
        self._generation += 1
        generation = self._generation
        self.busy = True
        threading.Thread(target=self._run, args=(generation, path), daemon=True).start()

    def cancel(self) -> bool:
        """Make any running import stale (its result will be dropped); True if one was."""
        was_busy = self.busy
        self._generation += 1
        self.busy = False
        return was_busy

    def _run(self, generation: int, path: Path) -> None:
        result: object = None
        error = ""
        try:
            with sharing_the_interpreter():  # the window keeps the lock when it needs it
                result = self._work(path)
        except BriefInputError as exc:
            error = f"error: {exc}"
        except Exception as exc:  # a core bug must not take the window down
            traceback.print_exc()
            error = f"error: {path}: could not be opened ({type(exc).__name__}: {exc})"
        self.done.emit(generation, path, result, error)  # queued to the GUI thread

    def _deliver(self, generation: int, path: Path, result: object, error: str) -> None:
        if generation != self._generation:
            return  # the user has since asked for another file
        self.busy = False
        if error:
            self.failed.emit(path, error)
        else:
            self.imported.emit(path, result)
