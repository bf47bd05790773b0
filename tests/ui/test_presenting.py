"""Presenting from the reader with the keys a briefer (and a presentation remote) uses.

Why through the real windows: in a meeting every key must work in whichever window has
focus, the audience screen must follow the presenter, B/. must black the room only, and Esc
must bring the reader back at the item last shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from briefing_app.core.slides.deck import SlideKind
from briefing_app.core.slides.session import Screen
from briefing_app.ui.dialogs import RecordingDialogs
from briefing_app.ui.present.controller import PresentationController
from briefing_app.ui.reader.window import MainWindow
from briefing_app.ui.settings import ReaderSettings

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "harbour-strike.txt"


@pytest.fixture
def reader(qtbot) -> Iterator[MainWindow]:
    window = MainWindow(settings=ReaderSettings.for_user(), dialogs=RecordingDialogs())
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.document.open_path(SAMPLE)
    yield window
    if window.annotating.presentation is not None:
        window.annotating.presentation.stop()
    window.close()


def _present(qtbot, reader: MainWindow) -> PresentationController:
    reader.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is reader, timeout=3000)
    qtbot.keyClick(reader, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    talk = reader.annotating.presentation
    assert talk is not None
    qtbot.waitExposed(talk.presenter)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is talk.presenter, timeout=3000)
    return talk


def _key(qtbot, widget, keys: str) -> None:
    combo = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def test_ctrl_p_shows_the_title_slide_to_the_room_and_the_next_one_to_the_presenter(
    qtbot, reader: MainWindow
) -> None:
    talk = _present(qtbot, reader)
    assert talk.audience.isVisible() and talk.presenter.isVisible()
    first, second = talk.deck.slides[:2]
    assert first.kind is SlideKind.TITLE
    assert talk.audience.view.slide is first and talk.presenter.current.slide is first
    assert talk.presenter.next_view.slide is second
    assert talk.presenter.position.text().startswith(f"Slide 1 of {len(talk.deck.slides)}")
    screens = QApplication.screens()
    assert talk.presenter.screen_choice.count() == len(screens)
    assert talk.presenter.screen_choice.isVisible() == (len(screens) > 1)  # nothing to choose


def test_every_navigation_key_in_either_window(qtbot, reader: MainWindow) -> None:
    talk = _present(qtbot, reader)
    last = len(talk.deck.slides) - 1
    presenter, audience = talk.presenter, talk.audience
    steps = [
        (presenter, "Right", 1), (presenter, "Space", 2), (audience, "PgDown", 3),
        (presenter, "Left", 2), (audience, "PgUp", 1), (presenter, "End", last),
        (presenter, "Home", 0),
    ]
    for window, keys, expected in steps:
        _key(qtbot, window, keys)
        assert talk.session.index == expected, keys
        assert audience.view.slide is talk.deck.slides[expected]  # the room follows
    _key(qtbot, presenter, "1")
    _key(qtbot, presenter, "2")
    assert "go to slide 12" in presenter.state.text()
    _key(qtbot, presenter, "Return")
    assert talk.session.index == min(11, last)
    qtbot.mouseClick(audience.view, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert talk.session.index == min(12, last)  # a click advances


def test_black_and_white_reach_the_room_only_and_p_pauses_the_clock(
    qtbot, reader: MainWindow
) -> None:
    talk = _present(qtbot, reader)
    _key(qtbot, talk.presenter, "B")
    assert talk.audience.view.screen_shown is Screen.BLACK
    assert talk.presenter.current.screen_shown is Screen.SLIDE  # the presenter still sees it
    assert "black" in talk.presenter.state.text()
    _key(qtbot, talk.audience, ".")  # what remotes send
    assert talk.audience.view.screen_shown is Screen.SLIDE
    _key(qtbot, talk.presenter, "W")
    assert talk.audience.view.screen_shown is Screen.WHITE
    _key(qtbot, talk.presenter, "P")
    assert talk.session.paused and "paused" in talk.presenter.state.text()
    _key(qtbot, talk.presenter, "P")
    assert not talk.session.paused


def test_notes_size_target_and_warning_are_remembered(qtbot, reader: MainWindow) -> None:
    talk = _present(qtbot, reader)
    before = talk.presenter.notes_points
    _key(qtbot, talk.presenter, "Ctrl+=")
    assert talk.presenter.notes_points == before + 2
    assert reader.settings.presenter_notes_size() == before + 2
    talk.presenter.target.setValue(10)
    talk.presenter.warn.setValue(3)
    assert talk.session.target_seconds == 600 and talk.session.warn_seconds == 180
    assert talk.presenter.remaining.text().endswith(" left")
    assert reader.settings.presentation_timing() == (10, 3)


def test_esc_ends_it_and_the_reader_is_back_at_the_item_last_shown(
    qtbot, reader: MainWindow
) -> None:
    talk = _present(qtbot, reader)
    quote = next(n for n, s in enumerate(talk.deck.slides) if s.kind is SlideKind.QUOTE)
    talk.session.go(quote, 0.0)
    talk.draw()
    shown = talk.deck.slides[quote].item_ids[-1]
    _key(qtbot, talk.presenter, "Escape")
    assert not talk.audience.isVisible() and not talk.presenter.isVisible()
    assert reader.selection.item_id == shown
    again = _present(qtbot, reader)  # a second run shows the time spent per slide
    assert "last time" in again.presenter.position.text()
    _key(qtbot, again.presenter, "S")  # one screen here: swapping must not fail
    assert again.presenter.isVisible()
