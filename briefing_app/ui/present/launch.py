"""Starting a presentation: from the reader (Ctrl+P) or from ``briefing-app present PATH``.

Why here: both ways build the same deck (the brief, and the reader's annotations when the
library has them, with the reader's colour names) and hand it to one controller; the reader
gets the item last shown back when the presentation ends, the command line quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefing_app.core.annotations import PlacedAnnotation
from briefing_app.core.model import Brief
from briefing_app.core.slides import build_deck
from briefing_app.ui.present.controller import PresentationController
from briefing_app.ui.settings import ReaderSettings


def start_presentation(
    brief: Brief,
    placed: list[PlacedAnnotation],
    settings: ReaderSettings,
    *,
    theme: str = "light",
    full_screen: bool = True,
) -> PresentationController:
    """Build the deck for ``brief`` and show it on the audience and presenter screens."""
    deck = build_deck(brief, placed, aspect="16:9", colour_names=settings.colour_names())
    controller = PresentationController(
        deck, settings, brief_id=brief.id, theme="dark" if theme == "dark" else "light"
    )
    controller.start(full_screen=full_screen)
    return controller


def present_file(path: Path) -> int:
    """``briefing-app present PATH``: import, present, and return when Esc ends it."""
    from briefing_app.core.importer import import_path
    from briefing_app.ui.app import application, display_problem

    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    brief = import_path(path)
    app = application()
    settings = ReaderSettings.for_user()
    placed = _annotations_of(brief, path)
    controller = start_presentation(brief, placed, settings)
    controller.finished.connect(lambda _item: app.quit())
    return int(app.exec())


def _annotations_of(brief: Brief, path: Path) -> list[PlacedAnnotation]:
    """The reader's annotations on this brief, read-only (none when the library has none)."""
    from briefing_app.core.store import Store, StoreError, database_path, place_annotations

    if not database_path().exists():
        return []
    try:
        with Store.open(read_only=True) as store:
            document = store.find_document(brief, path)
            if document is None:
                return []
            return place_annotations(brief, store.annotations(document.id))  # writes nothing
    except StoreError:
        return []
