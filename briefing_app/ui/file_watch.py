"""Notice when the open file changes on disk, however the editor saves it.

Why more than QFileSystemWatcher.fileChanged: editors that save atomically write a new file
and rename it over the old one, and the watcher then silently stops watching the path.  So
we also watch the directory, re-add the path when it reappears, compare size and mtime so
changes to sibling files are ignored, and debounce, because one save can be several events.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 250


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class FileWatcher(QObject):
    """Watches one file; emits ``changed`` once per burst of changes (debounced)."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._path: Path | None = None
        self._stamp: tuple[int, int] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self._watcher.fileChanged.connect(self._on_event)
        self._watcher.directoryChanged.connect(self._on_event)

    @property
    def path(self) -> Path | None:
        """The watched file, if any."""
        return self._path

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (and its directory) instead of whatever was watched; None stops."""
        for paths in (self._watcher.files(), self._watcher.directories()):
            if paths:
                self._watcher.removePaths(paths)
        self._timer.stop()
        self._path = Path(os.path.abspath(path)) if path is not None else None
        if self._path is None:
            return
        self._stamp = _stamp(self._path)
        if self._path.exists():
            self._watcher.addPath(str(self._path))
        if self._path.parent.is_dir():
            self._watcher.addPath(str(self._path.parent))

    def _on_event(self, _changed: str) -> None:
        path = self._path
        if path is None:
            return
        if path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))  # replaced by rename: watch the new file
        if _stamp(path) != self._stamp:
            self._timer.start()

    def _fire(self) -> None:
        path = self._path
        if path is None:
            return
        stamp = _stamp(path)
        if stamp is None:
            return  # gone for now; the directory watch brings it back
        if stamp != self._stamp:
            self._stamp = stamp
            self.changed.emit(str(path))
