"""What the command line prints: control characters escaped, and failures to print reported.

Why one place: text from a file (an article's title, a path holding a newline or an ESC
sequence) must never reach the terminal raw — an escape sequence can rewrite the screen, a
newline in a path can forge a second ``error:`` line — and a full disk, a closed or a
vanished stdout must end in one ``error: cannot write output: …`` line (or, for a reader that
went away, quietly), never a traceback.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from typing import TextIO

# C0 and C1 controls and DEL (tab aside), and the invisible marks that reorder or break
# lines on screen (bidirectional overrides and isolates, line and paragraph separators).
_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_UNSAFE_KEEPING_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NAMED = {"\n": "\\n", "\r": "\\r"}


class OutputError(Exception):
    """Standard output cannot be written (full disk, closed): one ``error:`` line, status 2."""


def escaped(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` safe to print: each control or reordering character as a visible escape
    (``\\x1b``, ``\\n``, ``\\u202e``); newlines kept when ``keep_newlines`` (multi-line
    output such as an outline, whose own lines are ours)."""
    pattern = _UNSAFE_KEEPING_LINES if keep_newlines else _UNSAFE
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def say(line: str) -> None:
    """One line for the user on stderr (``wrote …``, ``warning: …``, ``error: …``),
    escaped.  A stderr that cannot be written is let go: there is nowhere left to say so."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(escaped(line) + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def write_text(text: str) -> None:
    """Text for stdout (an outline, a schema, an ``ok:`` line), controls escaped."""
    _write(lambda stream: stream.write(escaped(text, keep_newlines=True)))


def write_bytes(pieces: Iterable[bytes]) -> None:
    """Bytes for stdout (the brief JSON, whose strings JSON has already escaped), in pieces,
    through the binary layer when there is one."""

    def write(stream: TextIO) -> None:
        binary = getattr(stream, "buffer", None)
        stream.flush()  # what was printed before goes first
        for piece in pieces:
            if binary is None:
                stream.write(piece.decode("utf-8"))
            else:
                binary.write(piece)

    _write(write)


def flush() -> None:
    """Push out what is buffered, so a failure shows here and not at interpreter exit (a
    closed stdout that nothing was written to is no failure)."""
    if sys.stdout is not None:
        _write(lambda stream: None)


def _write(action: Callable[[TextIO], object]) -> None:
    stream = sys.stdout
    if stream is None:  # started with stdout closed (`>&-`)
        raise OutputError("cannot write output: standard output is closed")
    try:
        action(stream)
        stream.flush()
        binary = getattr(stream, "buffer", None)
        if binary is not None:
            binary.flush()
    except BrokenPipeError:
        raise  # a reader that went away: quiet, with the conventional status
    except (OSError, ValueError) as exc:  # ValueError: a stream closed under us
        reason = getattr(exc, "strerror", None) or str(exc)
        raise OutputError(f"cannot write output: {reason}") from exc
