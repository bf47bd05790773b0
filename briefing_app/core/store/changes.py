"""What one store operation changed, returned to the caller (after Anki's operations).

Why return changes instead of letting the UI re-read everything: the window redraws just
the annotation that changed, and undo stays honest, because a change carries the state
before and after, and reverting it is itself a change (``Store.revert``).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from briefing_app.core.annotations import Annotation


class ChangeKind(StrEnum):
    """Whether an annotation appeared, changed or went away."""

    ADDED = "added"
    UPDATED = "updated"
    DELETED = "deleted"


class AnnotationChange(BaseModel):
    """One annotation's change: ``before`` is None when added, ``after`` None when deleted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ChangeKind
    before: Annotation | None = None
    after: Annotation | None = None

    @property
    def annotation(self) -> Annotation:
        """The annotation as it is now, or as it was just before it was deleted."""
        current = self.after if self.after is not None else self.before
        assert current is not None
        return current

    @property
    def annotation_id(self) -> str:
        """The id of the annotation that changed."""
        return self.annotation.id

    @property
    def document_id(self) -> str:
        """The document whose annotations changed (the view to refresh)."""
        return self.annotation.document_id
