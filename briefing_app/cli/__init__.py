"""The ``briefing-app`` command line: import, show, validate, schema, notes, screenshot,
present (or its deck exported), or the window.

Why this shape: every subcommand but the window runs on the Qt-free core, so briefs can be
made and checked on a machine with no display; bad input and a mistyped command line are
each one ``error:`` line and exit status 2, never a traceback or a usage dump, and an output
file is written whole or not at all.  ``arguments`` holds the grammar, ``commands`` what
each subcommand does; ``main`` here runs one and turns failures into exit statuses.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence
from difflib import get_close_matches
from pathlib import Path
from types import FrameType
from typing import Any

from pydantic_core import PydanticSerializationError

from briefing_app.cli.arguments import COMMANDS, UsageError, parse_command_line
from briefing_app.cli.commands import COMMAND_HANDLERS, EXIT_OK, CommandError
from briefing_app.cli.terminal import OutputError, flush, say
from briefing_app.core.annotations import ANNOTATION_LINK_PREFIX, annotation_id_from_link
from briefing_app.core.errors import BriefInputError
from briefing_app.core.second_process import second_process_allowed

__all__ = ["main"]

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a process stopped by Ctrl+C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a writer cut off by `| head`


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return the exit status; the entry points pass it to ``sys.exit``.

    Why a return value and not ``sys.exit`` inside: tests and other Python callers get the
    same status, output and files as a shell does, without a child process.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    ctrl_c = _CtrlC()
    try:
        if not args or args[0] == "--open" or (args[0] not in COMMANDS and args[0][:1] != "-"):
            _refuse_mistyped_command(args)
            return _open_window(args)
        options = parse_command_line(args)
        if options is None:
            return EXIT_OK  # --help or --version: argparse has printed it
        if options.command is None:
            return _open_window([])
        with ctrl_c, second_process_allowed():  # a command runs on one thread: it may fork
            status = COMMAND_HANDLERS[options.command](options)
        flush()  # a reader that went away (`| head`) or a full disk shows here, not at exit
        return status
    except BriefInputError as exc:
        say(f"error: {exc.describe()}")
        return EXIT_BAD_INPUT
    except CommandError as exc:
        say(f"error: {exc}")
        return EXIT_BAD_INPUT
    except (UsageError, OutputError) as exc:
        say(f"error: {exc}")
        _discard_stdout()
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except PydanticSerializationError:
        # pydantic turns an exception inside a serialiser into its own, Ctrl+C included
        if not ctrl_c.pressed:
            raise
        return EXIT_INTERRUPTED


class _CtrlC:
    """Notes whether Ctrl+C was pressed while a command ran: a library can turn the
    KeyboardInterrupt it raised into an error of its own (pydantic's serialiser does), and
    the command must still end as interrupted, not with a traceback.  Only on the main
    thread, and only where Python's own handler is in place (a host program's stays)."""

    def __init__(self) -> None:
        self.pressed = False
        self._previous: Any = None

    def __enter__(self) -> _CtrlC:
        if (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        ):
            self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _note(self, number: int, frame: FrameType | None) -> None:
        self.pressed = True
        signal.default_int_handler(number, frame)


def _refuse_mistyped_command(args: list[str]) -> None:
    """``imoprt a.txt``: a word close to a command, naming no file, is a typo of the
    command, not a file for the window to open."""
    if not args or args[0] == "--open" or _names_a_file(args[0]):
        return
    close = get_close_matches(args[0], COMMANDS, n=1, cutoff=0.6)
    if close:
        raise UsageError(f"unknown command {args[0]!r}; did you mean {close[0]}?")


def _names_a_file(arg: str) -> bool:
    try:
        return os.path.lexists(arg)
    except (ValueError, OSError):  # a NUL in it, a name too long
        return False


def _discard_stdout() -> None:
    """Once the reader of stdout is gone, point stdout at the null device, so the
    interpreter's final flush does not fail again and print a traceback at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no descriptor (captured in tests), none
        pass


def _open_window(args: list[str]) -> int:
    if args and args[0] == "--open":
        args = args[1:]
    if len(args) > 1:
        say("error: give at most one file to open")
        return EXIT_BAD_INPUT
    annotation_id = annotation_id_from_link(args[0]) if args else None
    if args and args[0].startswith(ANNOTATION_LINK_PREFIX):
        if annotation_id is None:
            raise UsageError(f"{args[0]}: not an annotation link")
        path = _brief_of_annotation(args[0], annotation_id)
    else:
        path = Path(args[0]) if args else None
    from briefing_app.ui.app import run_app

    return run_app(path, annotation_id)


def _brief_of_annotation(link: str, annotation_id: str) -> Path:
    """The file of the brief an annotation link points into (from the user's library)."""
    from briefing_app.core.store import Store, StoreError, database_path

    if not database_path().exists():
        raise BriefInputError(link, "no such annotation: the library is empty")
    try:
        with Store.open(read_only=True) as store:
            annotation = store.annotation(annotation_id)
            document = store.document(annotation.document_id) if annotation else None
    except StoreError as problem:
        raise BriefInputError(link, str(problem)) from problem
    if document is None or not document.path:
        raise BriefInputError(link, "no such annotation in the library")
    if not Path(document.path).exists():
        raise BriefInputError(link, f"its brief is no longer at {document.path}")
    return Path(document.path)
