"""The ``briefing-app`` command line: import, show, validate, schema, screenshot, or the window.

Why this shape: every subcommand but the window runs on the Qt-free core, so briefs can be
made and checked on a machine with no display; bad input is one ``error:`` line and exit
status 2, never a traceback, and an output file is written whole or not at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app import __version__
from briefing_app.core.atomic_write import write_text_atomically
from briefing_app.core.errors import BriefInputError
from briefing_app.core.export.wording import count_of

if TYPE_CHECKING:
    from briefing_app.core.model import Brief

EXIT_OK = 0
EXIT_BAD_INPUT = 2
COMMANDS = ("import", "show", "validate", "schema", "screenshot")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if (
        not args
        or (args[0] not in COMMANDS and not args[0].startswith("-"))
        or args[0] in ("--open",)
    ):
        return _open_window(args)
    parser = _parser()
    options = parser.parse_args(args)
    if options.command is None:
        return _open_window([])
    try:
        return options.handler(options)
    except BriefInputError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-app",
        description="Read structured news briefs offline. With no command (or a file path), "
        "opens the reader window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = commands.add_parser(
        "import", help="import an article (.txt, .md, .brief.json) as a brief"
    )
    imp.add_argument("path", type=Path)
    imp.add_argument(
        "-o", "--output", type=Path, help="write the brief JSON here (default: stdout)"
    )
    imp.set_defaults(handler=_cmd_import)

    show = commands.add_parser("show", help="print a readable outline of a brief or article")
    show.add_argument("path", type=Path)
    show.add_argument("--json", action="store_true", help="print the brief JSON instead")
    show.set_defaults(handler=_cmd_show)

    val = commands.add_parser("validate", help="check a brief file against the schema and anchors")
    val.add_argument("path", type=Path)
    val.set_defaults(handler=_cmd_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of the brief format")
    schema.set_defaults(handler=_cmd_schema)

    shot = commands.add_parser("screenshot", help="render the reader window offscreen to a PNG")
    shot.add_argument("path", type=Path, nargs="?")
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--tab", help="section kind to show, e.g. quotes")
    shot.add_argument("--select", help="item id to select")
    shot.add_argument("--theme", choices=("light", "dark", "sepia"))
    shot.add_argument("--size", default="1400x900", help="window size WxH (default 1400x900)")
    shot.set_defaults(handler=_cmd_screenshot)
    return parser


FORMAT_NAMES = {"text": "plain-text", "markdown": "Markdown"}


def _brief_json(brief: Brief) -> str:
    return brief.model_dump_json(indent=2) + "\n"


def _print_warnings(path: Path, brief: Brief) -> None:
    for warning in brief.warnings:
        print(f"warning: {path}: {warning}", file=sys.stderr)


def _cmd_import(options: argparse.Namespace) -> int:
    from briefing_app.core.importer import import_path

    brief = import_path(options.path)
    _print_warnings(options.path, brief)
    payload = _brief_json(brief)
    if options.output is None or str(options.output) == "-":
        sys.stdout.write(payload)
    else:
        write_text_atomically(options.output, payload)
        sections = count_of(len(brief.sections), "section")
        print(
            f"wrote {options.output}: {sections}, {count_of(len(brief.items()), 'item')}",
            file=sys.stderr,
        )
    return EXIT_OK


def _cmd_show(options: argparse.Namespace) -> int:
    from briefing_app.core.export.outline import render_outline
    from briefing_app.core.importer import import_path

    brief = import_path(options.path)
    sys.stdout.write(_brief_json(brief) if options.json else render_outline(brief))
    return EXIT_OK


def _cmd_validate(options: argparse.Namespace) -> int:
    """Check a brief file as saved, or an article as it would import, and say which it was:
    "ok" on an article means it imports cleanly, not that it is a brief."""
    from briefing_app.core.importer import detect_format, import_text
    from briefing_app.core.readers.brief_json import parse_brief_json
    from briefing_app.core.readers.decoding import decode_bytes, read_bytes
    from briefing_app.core.restore import check_invariants

    path = options.path
    text = decode_bytes(read_bytes(path), path)
    fmt = detect_format(path, text)
    if fmt == "brief-json":
        brief = parse_brief_json(text, str(path))
    else:
        brief = import_text(text, name=str(path), fmt=fmt)
    check_invariants(brief, str(path))
    _print_warnings(path, brief)
    items = brief.items()
    counts = (
        f"{count_of(len(brief.sections), 'section')}, {count_of(len(items), 'item')}, "
        f"{count_of(sum(len(item.spans()) for item in items), 'anchor')}"
    )
    if fmt == "brief-json":
        print(f"ok: {path}: brief with {counts}; every anchor matches the article")
    else:
        print(f"ok: {path}: {FORMAT_NAMES[fmt]} article that imports as {counts}")
    return EXIT_OK


def _cmd_schema(options: argparse.Namespace) -> int:
    from briefing_app.core.model import Brief

    sys.stdout.write(json.dumps(Brief.model_json_schema(), indent=2) + "\n")
    return EXIT_OK


def _cmd_screenshot(options: argparse.Namespace) -> int:
    try:
        width, height = (int(part) for part in options.size.lower().split("x"))
    except ValueError as exc:
        raise BriefInputError(
            None, f"--size must look like 1400x900, not {options.size!r}"
        ) from exc
    from briefing_app.ui.screenshot import render_screenshot

    render_screenshot(
        options.path,
        options.out,
        tab=options.tab,
        select=options.select,
        theme=options.theme,
        size=(width, height),
    )
    print(f"wrote {options.out}", file=sys.stderr)
    return EXIT_OK


def _open_window(args: list[str]) -> int:
    if args and args[0] == "--open":
        args = args[1:]
    if len(args) > 1:
        print("error: give at most one file to open", file=sys.stderr)
        return EXIT_BAD_INPUT
    path = Path(args[0]) if args else None
    from briefing_app.ui.app import run_app

    return run_app(path)
