"""Undo and redo for every annotation edit: one QUndoCommand per user action.

Why snapshots: each command keeps the annotation as it was before and after the action, and
redo/undo write that snapshot through the storage (one transaction each, committed at once),
so undoing a deleted highlight brings back the same annotation — id, note, tags and all —
and the store never holds a state the user did not see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from briefing_app.core.annotations import Annotation


class AnnotationWriter(Protocol):
    """What the commands need of the storage: put an annotation as given, or remove it;
    each returns None, or the one-line reason it could not be saved."""

    def put(self, annotation: Annotation) -> str | None:
        """Insert or replace the annotation (by id)."""

    def remove(self, annotation_id: str) -> str | None:
        """Delete the annotation (by id)."""


class AnnotationEdit(QUndoCommand):
    """Change one annotation from ``before`` to ``after`` (None: absent).

    ``before`` None is an addition, ``after`` None a deletion; ``changed`` is called after
    every redo and undo so the window redraws from the store, ``failed`` with the reason
    when the store refused (a read-only database): the command then marks itself obsolete,
    so the undo stack never lists an edit that was not saved.
    """

    def __init__(
        self,
        text: str,
        writer: AnnotationWriter,
        before: Annotation | None,
        after: Annotation | None,
        changed: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._writer = writer
        self._before = before
        self._after = after
        self._changed = changed
        self._failed = failed

    def redo(self) -> None:
        """Qt: apply the action (also runs when the command is pushed)."""
        self._write(self._after, self._before)

    def undo(self) -> None:
        """Qt: put the annotation back as it was."""
        self._write(self._before, self._after)

    def _write(self, target: Annotation | None, other: Annotation | None) -> None:
        if target is None:
            assert other is not None
            problem, annotation_id = self._writer.remove(other.id), other.id
        else:
            problem, annotation_id = self._writer.put(target), target.id
        if problem is not None:
            self.setObsolete(True)
            self._failed(problem)
            return
        self._changed(annotation_id)
