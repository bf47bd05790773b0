"""The one error type for bad input, so every front end can report it the same way.

Why one type: the CLI turns it into ``error: <path>: <what>`` and exit status 2, the window
into a dialog with the same line; anything else escaping the core is a bug.
"""

from __future__ import annotations

from pathlib import Path


class BriefInputError(Exception):
    """Input that cannot become a brief: missing, binary, undecodable, malformed or too big."""

    def __init__(
        self,
        path: str | Path | None,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        self.line = line
        self.column = column
        super().__init__(self.describe())

    def describe(self) -> str:
        """The user-facing line without the ``error:`` prefix: ``path:line:col: message``."""
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"
