"""What each subcommand does, on the Qt-free core (screenshot alone loads the window code).

Why separate from the grammar: a command receives parsed options and either prints its
result and returns the exit status or raises BriefInputError/UsageError, which ``main``
turns into the one ``error:`` line; none of them prints an error itself.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.cli.arguments import parse_window_size
from briefing_app.cli.present import present_command
from briefing_app.cli.terminal import escaped, say, write_bytes, write_text
from briefing_app.core.atomic_write import check_output_path, write_atomically
from briefing_app.core.export.wording import count_of, summarised_warnings

if TYPE_CHECKING:
    from briefing_app.core.model import Brief

EXIT_OK = 0


class CommandError(Exception):
    """A command that could not do its work for a reason outside the input file (the
    library cannot be read): one ``error:`` line, status 2."""
FORMAT_NAMES = {"text": "plain-text", "markdown": "Markdown"}


def _print_warnings(path: Path, brief: Brief) -> None:
    for warning in summarised_warnings(brief.warnings):
        say(f"warning: {path}: {warning}")


def import_command(options: argparse.Namespace) -> int:
    """``import PATH [-o OUT]``: the brief JSON to OUT (written whole) or to stdout."""
    from briefing_app.core.export.brief_json import write_brief_json
    from briefing_app.core.importer import import_path

    to_stdout = options.output is None or str(options.output) == "-"
    if not to_stdout:  # refused before the work, not after it
        check_output_path(options.output, [options.path], replace_link=options.force)
    brief = import_path(options.path)
    _print_warnings(options.path, brief)
    # Written in pieces: the whole JSON, 16 times the article, would be the largest thing
    # the command ever holds.
    if to_stdout:
        _write_json_to_stdout(brief)
    else:
        write_atomically(
            options.output,
            lambda stream: write_brief_json(brief, stream),
            [options.path],
            replace_link=options.force,
        )
        sections = count_of(len(brief.sections), "section")
        say(f"wrote {options.output}: {sections}, {count_of(len(brief.items()), 'item')}")
    return EXIT_OK


def _write_json_to_stdout(brief: Brief) -> None:
    """The brief JSON to stdout in pieces, as bytes."""
    from briefing_app.core.export.brief_json import brief_json_pieces

    write_bytes(brief_json_pieces(brief))


def show_command(options: argparse.Namespace) -> int:
    """``show PATH [--json]``: the readable outline, or the brief JSON."""
    from briefing_app.core.export.outline import render_outline
    from briefing_app.core.importer import import_path

    brief = import_path(options.path)
    if options.json:
        _write_json_to_stdout(brief)
    else:
        write_text(render_outline(brief))
    return EXIT_OK


def validate_command(options: argparse.Namespace) -> int:
    """``validate PATH``: check a brief as saved, or an article as it would import, and say
    which it was: "ok" on an article means it imports cleanly, not that it is a brief."""
    from briefing_app.core.importer import import_text, read_path
    from briefing_app.core.model import Brief
    from briefing_app.core.restore import check_invariants

    path = options.path
    fmt, content = read_path(path)
    brief = (
        content if isinstance(content, Brief) else import_text(content, name=str(path), fmt=fmt)
    )
    check_invariants(brief, str(path))
    _print_warnings(path, brief)
    items = brief.items()
    counts = (
        f"{count_of(len(brief.sections), 'section')}, {count_of(len(items), 'item')}, "
        f"{count_of(sum(len(item.spans()) for item in items), 'anchor')}"
    )
    if fmt == "brief-json":
        write_text(escaped(f"ok: {path}: brief with {counts}; every anchor matches the article")
                   + "\n")
    else:
        write_text(escaped(f"ok: {path}: {FORMAT_NAMES[fmt]} article that imports as {counts}")
                   + "\n")
    return EXIT_OK


def schema_command(options: argparse.Namespace) -> int:
    """``schema``: the JSON Schema of the brief format."""
    from briefing_app.core.model import Brief

    write_text(json.dumps(Brief.model_json_schema(), indent=2) + "\n")
    return EXIT_OK


def notes_command(options: argparse.Namespace) -> int:
    """``notes PATH``: the annotations the library holds for this article, placed in its
    text as it is now.  Records nothing: listing is not reading."""
    from briefing_app.cli.notes import NO_ANNOTATIONS, render_notes
    from briefing_app.core.importer import import_path
    from briefing_app.core.store import (
        Store,
        StoreError,
        database_path,
        in_reading_order,
        place_annotations,
    )

    brief = import_path(options.path)
    _print_warnings(options.path, brief)
    if not database_path().exists():  # no library yet: nothing was ever annotated
        write_text(NO_ANNOTATIONS + "\n")
        return EXIT_OK
    try:  # opened as the window opens it: upgraded, or moved aside if damaged (and told)
        with Store.open() as store:
            for notice in store.notices:
                say(f"warning: {notice}")
            document = store.find_document(brief, options.path)
            annotations = [] if document is None else store.annotations(document.id)
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    write_text(render_notes(brief, in_reading_order(place_annotations(brief, annotations))))
    return EXIT_OK


def screenshot_command(options: argparse.Namespace) -> int:
    """``screenshot [PATH] --out PNG …``: the window rendered offscreen; the size is checked
    before Qt is loaded."""
    size = parse_window_size(options.size)
    from briefing_app.ui.screenshot import render_screenshot

    render_screenshot(
        options.path,
        options.out,
        tab=options.tab,
        select=options.select,
        theme=options.theme,
        size=size,
        force=options.force,
    )
    say(f"wrote {options.out}")
    return EXIT_OK


def export_command(options: argparse.Namespace) -> int:
    """``export PATH --format F [-o OUT]``: see ``cli.export``."""
    from briefing_app.cli.export import export_command as run_export

    return run_export(options)


def import_annotations_command(options: argparse.Namespace) -> int:
    """``import-annotations FILE PATH``: see ``cli.export``."""
    from briefing_app.cli.export import import_annotations_command as run_import

    return run_import(options)


COMMAND_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": import_command,
    "show": show_command,
    "validate": validate_command,
    "schema": schema_command,
    "screenshot": screenshot_command,
    "notes": notes_command,
    "export": export_command,
    "import-annotations": import_annotations_command,
    "present": present_command,
}
