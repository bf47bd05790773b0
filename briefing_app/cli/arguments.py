"""The command line's grammar: subcommands, options, and what a mistyped line is told.

Why not argparse's own errors: argparse prints a usage block and ``prog: error: …`` and
exits from deep inside parsing.  Here every complaint becomes a ``UsageError`` with one line
in the CLI's ``error: COMMAND: what`` form, which ``main`` reports like bad input (status 2),
and --help/--version hand back control instead of exiting the caller's interpreter.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NoReturn

from briefing_app import __version__

PROG = "briefing-app"
COMMANDS = (
    "import", "show", "validate", "schema", "screenshot", "notes", "export",
    "import-annotations", "present",
)
# The export formats the command line offers (cli.export.CLI_FORMATS, which writes them).
EXPORT_FORMAT_NAMES = ("md", "html", "pdf", "w3c", "json")
ASPECTS = ("16:9", "4:3")
THEMES = ("light", "dark", "sepia")
DEFAULT_SIZE = "1400x900"
MIN_SIZE = (200, 150)
MAX_SIZE = (10_000, 10_000)
_SIZE = re.compile(r"(-?\d+)\s*[xX\u00d7]\s*(-?\d+)")
_MISSING = "the following arguments are required"
_FORCE_HELP = "when the output is a symbolic link, replace the file it points to"


class UsageError(Exception):
    """A command line that cannot run as typed: reported as one ``error:`` line, status 2."""


def parse_command_line(args: list[str]) -> argparse.Namespace | None:
    """The options of a subcommand line, or None once --help or --version has printed.

    Raises UsageError for anything mistyped.  An unknown option is named before a missing
    argument: ``import --x`` is a typo of an option, not a request for help with PATH.
    """
    args = _attach_dash_values(args)
    try:
        try:
            options, extras = _build_parser(lenient=False).parse_known_args(args)
        except UsageError as problem:
            if not str(problem).split(": ", 1)[-1].startswith(_MISSING):
                raise
            options, extras = _build_parser(lenient=True).parse_known_args(args)
            if not extras:
                raise problem from None
    except SystemExit as exc:  # --help and --version print, then ask to exit
        if exc.code not in (0, None):
            raise
        return None
    if extras:
        raise _unrecognised(options.command, extras[0])
    return options


def parse_window_size(value: str) -> tuple[int, int]:
    """``--size`` as (width, height) pixels, refusing shapes and sizes no window can take.

    Why in the CLI and not only in the window code: a mistyped size is a usage error, told
    in the CLI's words before Qt is loaded or any file is read.
    """
    match = _SIZE.fullmatch(value.strip())
    if match is None:
        raise UsageError(f"--size must look like {DEFAULT_SIZE} (width x height), not {value!r}")
    width, height = (int(part) if len(part) <= 9 else sys.maxsize for part in match.groups())
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise UsageError(
            f"--size must be from {MIN_SIZE[0]}x{MIN_SIZE[1]} to {MAX_SIZE[0]}x{MAX_SIZE[1]}, "
            f"not {value!r}"
        )
    return width, height


def _unrecognised(command: str | None, extra: str) -> UsageError:
    is_option = extra.startswith("-") and extra != "-"
    what = f"unrecognised option {extra}" if is_option else f"unexpected argument {extra!r}"
    return UsageError(f"{command}: {what}" if command else what)


def _attach_dash_values(args: list[str]) -> list[str]:
    """``--size -5x10`` as ``--size=-5x10``: argparse takes a value that opens with a dash
    for an option and says "expected one argument", hiding the value the user should see."""
    joined: list[str] = []
    index = 0
    while index < len(args):
        if args[index] == "--size" and index + 1 < len(args) and args[index + 1][:2] != "--":
            joined.append(f"--size={args[index + 1]}")
            index += 2
        else:
            joined.append(args[index])
            index += 1
    return joined


class _Parser(argparse.ArgumentParser):
    """argparse whose complaints are one ``COMMAND: what`` UsageError, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix(PROG).strip()
        raise UsageError(f"{command}: {message}" if command else message)


def _build_parser(*, lenient: bool) -> argparse.ArgumentParser:
    """The grammar; ``lenient`` drops required arguments, to find unknown options first."""
    needed = not lenient
    path_count = None if needed else "?"
    parser = _Parser(
        prog=PROG,
        description="Read structured news briefs offline. With no command (or a file path), "
        "opens the reader window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = commands.add_parser(
        "import", help="import an article (.txt, .md, .brief.json) as a brief"
    )
    imp.add_argument("path", type=Path, nargs=path_count)
    imp.add_argument(
        "-o", "--output", type=Path, help="write the brief JSON here (default: stdout)"
    )
    imp.add_argument("--force", action="store_true", help=_FORCE_HELP)

    show = commands.add_parser("show", help="print a readable outline of a brief or article")
    show.add_argument("path", type=Path, nargs=path_count)
    show.add_argument("--json", action="store_true", help="print the brief JSON instead")

    val = commands.add_parser(
        "validate", help="check a brief against the schema and anchors, or an article's import"
    )
    val.add_argument("path", type=Path, nargs=path_count)

    commands.add_parser("schema", help="print the JSON Schema of the brief format")

    notes = commands.add_parser(
        "notes", help="list the annotations saved on an article or brief, and where they are"
    )
    notes.add_argument("path", type=Path, nargs=path_count)

    exp = commands.add_parser(
        "export", help="export a brief and its annotations as Markdown, HTML, W3C or JSON"
    )
    exp.add_argument("path", type=Path, nargs=path_count)
    exp.add_argument("--format", choices=EXPORT_FORMAT_NAMES, required=needed,
                     help="md (notes vault), html (one page), pdf (printed handout), "
                     "w3c (Web Annotation JSON-LD), json (brief and annotations)")
    exp.add_argument("--page", choices=("a4", "letter"), default="a4",
                     help="page size of a pdf handout (default a4)")
    exp.add_argument("-o", "--output", type=Path, help="write here (default: stdout)")
    exp.add_argument("--no-annotations", action="store_true",
                     help="export the brief alone")
    exp.add_argument("--force", action="store_true",
                     help="replace an existing file (a Markdown export between its markers "
                     "is replaced without it), or the file a symbolic link points to")

    back = commands.add_parser(
        "import-annotations",
        help="bring a W3C Web Annotation collection into the library, on the brief at PATH",
    )
    back.add_argument("file", type=Path, nargs=path_count)
    back.add_argument("path", type=Path, nargs=path_count)

    present = commands.add_parser(
        "present",
        help="present a brief full screen, or write its slides as a PDF or PowerPoint deck",
    )
    present.add_argument("path", type=Path, nargs=path_count)
    present.add_argument(
        "--export", type=Path, metavar="DECK",
        help="write the deck to DECK.pdf or DECK.pptx (by its suffix) and exit",
    )
    present.add_argument(
        "--handout", action="store_true",
        help="with a .pdf export: each slide with its speaker notes on A4 pages",
    )
    present.add_argument("--aspect", choices=ASPECTS, default="16:9",
                         help="slide shape (default 16:9)")
    present.add_argument(
        "--force", action="store_true",
        help="replace an existing DECK (and, for a symbolic link, the file it points to)",
    )

    shot = commands.add_parser("screenshot", help="render the reader window offscreen to a PNG")
    shot.add_argument("path", type=Path, nargs="?")
    shot.add_argument("--out", type=Path, required=needed)
    shot.add_argument("--tab", help="section kind to show, e.g. quotes")
    shot.add_argument("--select", help="item id to select")
    shot.add_argument("--theme", choices=THEMES)
    shot.add_argument(
        "--size", default=DEFAULT_SIZE, help=f"window size WIDTHxHEIGHT (default {DEFAULT_SIZE})"
    )
    shot.add_argument("--force", action="store_true", help=_FORCE_HELP)
    return parser
