"""Fixtures for the window tests: headless Qt, isolated settings, a hand-made brief.

Why hand-made: these tests pin down what the window does with a brief (links, offsets,
scrolling), so the brief is built here with exact anchors instead of coming from the
importer's heuristics, which change for their own reasons.  The window gets a loader that
reads this brief's JSON as-is and a dialogs object that records instead of blocking.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError
from PySide6.QtGui import QColor

from briefing_app.core.errors import BriefInputError
from briefing_app.core.model import Brief

FILLER = (
    "Filler paragraph {n} recalls the harbour's long record of trade along the coast, "
    "with ferries, fishing boats and coasters crossing the sound in every season of the "
    "year, while the town grew up the hill behind the quays."
)


def build_article() -> str:
    """The fixture article: a lede with an emoji, sections, long filler to force scrolling."""
    parts = [
        "Dockworkers walked off the job at dawn 🚢 on Thursday, halting cargo at the harbour.",
        "The strike involves 1,240 workers. The port says the stoppage costs $38 million a "
        "day, a figure that has not been independently confirmed.",
        *[FILLER.format(n=n) for n in range(1, 16)],
        "Why It Matters",
        "🚢🚢 Ships queue offshore. The port handles about 14% of the country's imported food.",
        "What To Know",
        "- The 1,240 strikers include crane operators, lashers and mooring crews.",
        *[FILLER.format(n=n) for n in range(16, 31)],
        "What People Are Saying",
        "Port Director Amara Okafor: “This offer is as far as we can responsibly go.”",
        "“Nobody on this picket line is going back for it,” said Desmond Achterberg, "
        "secretary of the union.",
        *[FILLER.format(n=n) for n in range(31, 46)],
        "Background",
        "The last strike at Carrowmore, in 2011, lasted 11 days.",
    ]
    return "\n\n".join(parts)


ARTICLE = build_article()


def anchor(needle: str, reason: str = "source", score: float = 1.0, nth: int = 0) -> dict:
    """A selector dict for the ``nth`` occurrence of ``needle`` in the fixture article."""
    start = -1
    for _ in range(nth + 1):
        start = ARTICLE.index(needle, start + 1)
    end = start + len(needle)
    return {
        "start": start,
        "end": end,
        "exact": needle,
        "prefix": ARTICLE[max(0, start - 32):start],
        "suffix": ARTICLE[end:end + 32],
        "reason": reason,
        "score": score,
    }


def brief_data(title: str = "Dock strike brief") -> dict:
    """The fixture brief as JSON-ready data."""
    return {
        "id": "fixture",
        "title": title,
        "source": {
            "publisher": "The Coastline Ledger",
            "author": "Helena Markley",
            "url": "https://example.org/dock-strike",
            "published": "2026-11-20",
        },
        "article": {"text": ARTICLE},
        "sections": [
            {"kind": "lede", "items": [
                {"id": "lede-1", "kind": "claim",
                 "text": "Dockworkers walked off the job at dawn on Thursday.",
                 "anchors": [anchor("Dockworkers walked off the job at dawn 🚢 on Thursday, "
                                    "halting cargo at the harbour.")]},
                {"id": "lede-2", "kind": "claim",
                 "text": "The strike involves 1,240 workers.",
                 "anchors": [anchor("The strike involves 1,240 workers."),
                             anchor("The 1,240 strikers include crane operators", "figure",
                                    0.8)],
                 "hedges": [{"text": "has not been independently confirmed",
                             "kind": "unconfirmed"}]},
            ]},
            {"kind": "why_it_matters", "title": "Why It Matters", "items": [
                {"id": "why-1", "kind": "claim",
                 "text": "The port handles about 14% of the country's imported food.",
                 "anchors": [anchor("The port handles about 14% of the country's imported "
                                    "food.")],
                 "hedges": [{"text": "about", "kind": "estimate"}]},
            ]},
            {"kind": "what_to_know", "title": "What To Know", "items": [
                {"id": "know-1", "kind": "point",
                 "text": "The 1,240 strikers include crane operators, lashers and mooring "
                         "crews.",
                 "anchors": [anchor("The 1,240 strikers include crane operators, lashers and "
                                    "mooring crews."),
                             anchor("The strike involves 1,240 workers.", "figure", 0.7),
                             anchor("in 2011, lasted 11 days", "shared_words", 0.4)]},
            ]},
            {"kind": "quotes", "title": "What People Are Saying", "items": [
                {"id": "quote-okafor", "kind": "quote",
                 "text": "“This offer is as far as we can responsibly go.”",
                 "speaker": {"name": "Amara Okafor", "role": "Port Director"},
                 "anchors": [anchor("Port Director Amara Okafor: “This offer is as far as we "
                                    "can responsibly go.”")]},
                {"id": "quote-achterberg", "kind": "quote",
                 "text": "“Nobody on this picket line is going back for it.”",
                 "speaker": {"name": "Desmond Achterberg", "role": "secretary of the union"},
                 "anchors": [anchor("“Nobody on this picket line is going back for it,” said "
                                    "Desmond Achterberg, secretary of the union.")]},
            ]},
            {"kind": "other", "title": "Background", "items": [
                {"id": "background-1", "kind": "claim",
                 "text": "The last strike at Carrowmore lasted 11 days.",
                 "anchors": [anchor("The last strike at Carrowmore, in 2011, lasted 11 "
                                    "days.")]},
            ]},
        ],
    }


def json_loader(path: Path) -> Brief:
    """Read a .brief.json exactly as written (no relinking), like the importer's errors."""
    try:
        return Brief.model_validate_json(Path(path).read_bytes())
    except OSError as error:
        raise BriefInputError(path, error.strerror or "cannot be read") from error
    except ValidationError as error:
        raise BriefInputError(path, f"not a valid brief ({error.error_count()} errors)") from error


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's settings."""
    monkeypatch.setenv("BRIEFING_APP_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def brief() -> Brief:
    """The hand-made fixture brief."""
    return Brief.model_validate(brief_data())


@pytest.fixture
def write_brief(tmp_path: Path) -> Callable[..., Path]:
    """Write the fixture brief (optionally with another title) to a .brief.json file."""
    def write(name: str = "dock.brief.json", title: str = "Dock strike brief") -> Path:
        path = tmp_path / name
        path.write_text(Brief.model_validate(brief_data(title)).model_dump_json(), "utf-8")
        return path
    return write


@pytest.fixture
def window(qtbot, write_brief) -> Iterator:
    """A shown reader window with the fixture brief open, dialogs recorded."""
    from briefing_app.ui.dialogs import RecordingDialogs
    from briefing_app.ui.reader.window import MainWindow
    from briefing_app.ui.settings import ReaderSettings

    win = MainWindow(
        settings=ReaderSettings.for_user(), dialogs=RecordingDialogs(), loader=json_loader
    )
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.document.open_path(write_brief())
    yield win
    win.close()


def text_in_colour(window, color: QColor | str) -> list[str]:
    """The article passages painted with this background colour, as a reader sees them
    (contiguous runs joined), in reading order."""
    wanted = QColor(color)
    runs: list[tuple[int, int]] = []
    block = window.article.document().begin()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.background().color() == wanted:
                start = block.position() + fmt.start
                if runs and runs[-1][1] == start:
                    runs[-1] = (runs[-1][0], start + fmt.length)
                else:
                    runs.append((start, start + fmt.length))
        block = block.next()
    units = window.article.toPlainText().encode("utf-16-le")
    return [units[2 * a:2 * b].decode("utf-16-le") for a, b in runs]


def evidence_on_show(window) -> str:
    """The passage drawn in the 'passage on show' colour (what "Evidence n of m" points at)."""
    window.highlighter.flush()
    shown = text_in_colour(window, window.appearance.theme.current_span)
    assert len(shown) <= 1, shown
    return shown[0] if shown else ""
