"""The colour names the window remembers reach the command line's exports, read without Qt.

Why: a reader who renamed a highlight colour in the window expects that name in a notes
export or a deck made from the command line, which must not load Qt to find it.  The reader
of Qt's INI file must agree with QSettings on every name a user can type, and a broken file
must mean the default names, never an error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from briefing_app.core.annotations import DEFAULT_COLOUR_NAMES, HighlightColour
from briefing_app.core.store.paths import SETTINGS_NAME, config_dir
from briefing_app.core.store.window_settings import saved_colour_names
from tests.conftest import Run
from tests.store_support import highlighted_article
from tests.test_cli_export import _annotated

TRICKY_NAMES = {
    HighlightColour.KEY_FACT: "Faits cl\u00e9s \u2605",
    HighlightColour.CONTESTED: 'Say "who", then; why?',
    HighlightColour.FOLLOW_UP: "C:\\notes\\follow-up, = later",
    HighlightColour.QUESTION: "  spaced   out  ",
    HighlightColour.BACKGROUND: "[annotate] # ; not a section",
}


def _save_in_window(names: dict[HighlightColour, str]) -> dict[HighlightColour, str]:
    """Save the names as the window does (QSettings), and what it reads back."""
    from briefing_app.ui.settings import ReaderSettings

    settings = ReaderSettings.for_user()
    settings.set_colour_names(names)
    settings._store.sync()  # (written at once, as when the window closes)
    return ReaderSettings.for_user().colour_names()


def test_names_saved_by_the_window_are_read_alike_without_qt() -> None:
    window_reads = _save_in_window(TRICKY_NAMES)
    assert window_reads[HighlightColour.QUESTION] == "spaced out"
    assert saved_colour_names() == window_reads
    assert window_reads != DEFAULT_COLOUR_NAMES


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"[annotate]\ncolour_names=not json\n",
        b'[annotate]\ncolour_names="[1, 2]"\n',
        b"[view]\ncolour_names=\"{\\\"key_fact\\\": \\\"Wrong section\\\"}\"\n",
        b"colour_names\n[annotate\n",
    ],
)
def test_a_missing_or_mangled_settings_file_means_the_default_names(content: bytes) -> None:
    assert saved_colour_names(Path("/nonexistent/settings.ini")) == DEFAULT_COLOUR_NAMES
    path = config_dir() / SETTINGS_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert saved_colour_names() == DEFAULT_COLOUR_NAMES


def test_a_notes_export_from_the_command_line_uses_the_windows_names(
    cli: Run, tmp_path: Path
) -> None:
    article = tmp_path / "strike.txt"
    _annotated(article)
    before = cli("export", article, "--format", "md").out
    _save_in_window({HighlightColour.FOLLOW_UP: "Call the union"})
    after = cli("export", article, "--format", "md").out
    assert "Follow up" in before and "Call the union" not in before
    assert "Call the union" in after and "\u2192 Follow up" not in after


def test_a_deck_from_the_command_line_uses_the_windows_names(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    highlighted_article(article, "$38 million a day, a figure", HighlightColour.CONTESTED,
                        note="Whose estimate?")
    _save_in_window({HighlightColour.CONTESTED: "Disputed figure"})
    out = tmp_path / "deck.pptx"
    assert cli("present", article, "--export", out).status == 0
    words = [paragraph.text for slide in Presentation(str(out)).slides
             for shape in slide.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs]
    assert any("Disputed figure" in line for line in words)
    assert not any("Contested" in line for line in words)
