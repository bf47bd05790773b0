"""Presenting a brief: the slide painter, slide colours, the PDF deck writer and (to come)
the presentation windows.

Why one package: the audience screen, the presenter's previews and every PDF page must draw
a slide the same way, so they all call :func:`briefing_app.ui.present.painter.paint_slide`
with a deck built by ``briefing_app.core.slides``.  ``theme`` holds the light and dark slide
colours, ``pdf_deck`` writes decks and handouts.  This module imports no Qt itself, so the
command line can reach :func:`run_presentation` cheaply.
"""

from __future__ import annotations

from pathlib import Path


def run_presentation(path: Path) -> int:
    """Open ``path`` in the full-screen presentation (audience and presenter windows) and
    return the exit status when Esc ends it (2 when there is no display)."""
    from briefing_app.ui.present.launch import present_file

    return present_file(path)
