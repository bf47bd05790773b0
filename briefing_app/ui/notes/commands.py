"""Undo and redo for every annotation edit: one QUndoCommand per user action.

Why the store's changes: each store call (add, update, delete, accept, re-attach) commits
at once and returns what it changed; undo is ``store.revert`` of that change, and redo the
revert of the revert.  So undoing a deleted highlight brings back the same annotation — id,
note, tags and all — and the undo stack never lists an edit the store did not make.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from briefing_app.core.store import AnnotationChange, StoreError


class ChangeReverter(Protocol):
    """What undo and redo need of the store."""

    def revert(self, change: AnnotationChange) -> AnnotationChange:
        """Undo ``change``; the returned change undoes the undo."""


class AnnotationEdit(QUndoCommand):
    """One user action on an annotation: ``perform`` does it the first time; undo and redo
    then revert changes.  ``changed`` is called with the annotation id after each step, so
    the window redraws from the store; ``failed`` with the store's one-line reason when it
    refused (a read-only library), and the command marks itself obsolete so the stack drops
    it."""

    def __init__(
        self,
        text: str,
        store: ChangeReverter,
        perform: Callable[[], AnnotationChange],
        changed: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._store = store
        self._perform: Callable[[], AnnotationChange] | None = perform
        self._done: AnnotationChange | None = None
        self._undone: AnnotationChange | None = None
        self._changed = changed
        self._failed = failed

    def redo(self) -> None:
        """Qt: do the action (the first time), or redo it after an undo."""
        if self._perform is not None:
            step: Callable[[], AnnotationChange] = self._perform
            self._perform = None
        else:
            undone = self._undone
            assert undone is not None
            step = lambda: self._store.revert(undone)  # noqa: E731
        change = self._run(step)
        if change is not None:
            self._done = change

    def undo(self) -> None:
        """Qt: put the annotation back as it was."""
        done = self._done
        if done is None:
            return
        change = self._run(lambda: self._store.revert(done))
        if change is not None:
            self._undone = change

    def _run(self, step: Callable[[], AnnotationChange]) -> AnnotationChange | None:
        try:
            change = step()
        except StoreError as problem:
            self.setObsolete(True)
            self._failed(str(problem))
            return None
        self._changed(change.annotation_id)
        return change
