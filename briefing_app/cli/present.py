"""``briefing-app present PATH``: present a brief, or write its deck with ``--export``.

Why the export runs headless: a briefer prepares the deck for a meeting from a script or a
machine with no display — a PDF (Qt draws it offscreen) or an editable PowerPoint file
(python-pptx, no Qt at all).  The deck carries the reader's own work when the library holds
the brief: read-only, so exporting never changes the library.  An existing output is
replaced only with --force, and never the input itself.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from briefing_app.cli.arguments import UsageError
from briefing_app.cli.terminal import say
from briefing_app.core.annotations import PlacedAnnotation
from briefing_app.core.atomic_write import check_output_path
from briefing_app.core.errors import BriefInputError
from briefing_app.core.export.wording import count_of, summarised_warnings
from briefing_app.core.model import Brief

EXPORT_SUFFIXES = (".pdf", ".pptx")


def present_command(options: argparse.Namespace) -> int:
    """``present PATH [--export DECK.pdf|DECK.pptx] [--handout] [--aspect] [--force]``."""
    if options.export is None:
        if options.handout:
            raise UsageError("present: --handout needs --export DECK.pdf")
        from briefing_app.ui.present import run_presentation

        return run_presentation(options.path)
    out: Path = options.export
    suffix = out.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise UsageError(
            f"present: --export must name a .pdf or .pptx file, not {str(out)!r}"
        )
    if options.handout and suffix != ".pdf":
        raise UsageError("present: --handout is for a .pdf export")
    if os.path.lexists(out) and not options.force:  # refused before any work
        raise BriefInputError(out, "already exists; give --force to replace it")
    check_output_path(out, [options.path], replace_link=options.force)

    from briefing_app.core.importer import import_path
    from briefing_app.core.slides import build_deck
    from briefing_app.core.store.window_settings import saved_colour_names

    brief = import_path(options.path)
    for warning in summarised_warnings(brief.warnings):
        say(f"warning: {options.path}: {warning}")
    deck = build_deck(brief, _placed_annotations(brief, options.path), aspect=options.aspect,
                      colour_names=saved_colour_names())
    if suffix == ".pdf":
        from briefing_app.ui.present.pdf_deck import write_pdf_deck

        write_pdf_deck(deck, out, handout=options.handout, inputs=[options.path],
                       replace_link=options.force)
    else:
        from briefing_app.core.slides.pptx_writer import write_pptx

        write_pptx(deck, out, inputs=[options.path], replace_link=options.force)
    what = "handout" if options.handout else "deck"
    say(f"wrote {out}: {what} of {count_of(len(deck), 'slide')}")
    return 0


def _placed_annotations(brief: Brief, path: Path) -> list[PlacedAnnotation]:
    """The reader's annotations on this brief, placed in its text as it is now; none when
    the library does not exist, does not know the brief or cannot be read (the deck is
    still worth writing: say so and go on)."""
    from briefing_app.core.store import (
        Store,
        StoreError,
        database_path,
        in_reading_order,
        place_annotations,
    )

    if not database_path().exists():
        return []
    try:
        with Store.open(read_only=True) as store:
            document = store.find_document(brief, path)
            annotations = [] if document is None else store.annotations(document.id)
    except StoreError as problem:
        say(f"warning: annotations left out: {problem}")
        return []
    return in_reading_order(place_annotations(brief, annotations))
