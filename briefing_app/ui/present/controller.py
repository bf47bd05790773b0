"""Running a presentation: the keys, the two screens, the clock, rehearsal times.

Why one controller for both windows: a remote's PgDn may arrive at either window (whichever
has focus), a click on the audience screen advances, and the presenter's view must follow
every change at once; so both windows send their keys here, the session decides, and both
redraw.  Screen detection is unreliable on some desktops, so the audience screen is chosen
(remembered by name), S swaps the two, and with one screen both are ordinary windows.
"""

from __future__ import annotations

import json
import time
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen

from briefing_app.core.slides.deck import Deck
from briefing_app.core.slides.session import PresentationSession, Screen, clock_text
from briefing_app.ui.present.screens import AudienceWindow, PresenterWindow
from briefing_app.ui.present.theme import slide_theme
from briefing_app.ui.settings import ReaderSettings

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down,
             Qt.Key.Key_N}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_Backspace}


class PresentationController(QObject):
    """One presentation of a deck, from start to Esc."""

    finished = Signal(str)  # the item id last shown ("" for none), to return the reader there
    changed = Signal()  # a slide, screen or clock change was drawn (tests wait on it)

    def __init__(
        self,
        deck: Deck,
        settings: ReaderSettings,
        *,
        brief_id: str,
        theme: str = "light",
        clock: object = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.deck = deck
        self.settings = settings
        self._brief_id = brief_id
        self._now = clock
        colours = slide_theme(theme)
        self.audience = AudienceWindow(colours)
        self.presenter = PresenterWindow(colours, settings.presenter_notes_size())
        target, warn = settings.presentation_timing()
        self.session = PresentationSession(
            slide_count=max(len(deck.slides), 1),
            target_seconds=target * 60 if target else None,
            warn_seconds=warn * 60,
            rehearsed=self._load_rehearsal(),
        )
        self.presenter.target.setValue(target)
        self.presenter.warn.setValue(warn)
        self.swapped = False
        self.last_item = ""
        for window in (self.audience, self.presenter):
            window.installEventFilter(self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.audience.view.clicked.connect(self.next)
        self.presenter.current.clicked.connect(self.next)
        self._fill_screen_choice()
        self.presenter.screen_choice.activated.connect(self._screen_chosen)
        self.presenter.target.valueChanged.connect(self._timing_changed)
        self.presenter.warn.valueChanged.connect(self._timing_changed)
        self._ticker = QTimer(self)
        self._ticker.setInterval(500)
        self._ticker.timeout.connect(self.draw_clock)
        self._closing = False

    # --- starting and stopping -----------------------------------------------------------

    def start(self, *, full_screen: bool = True) -> None:
        """Show both windows on their screens and start the clock."""
        self.session.start(self._now())
        self._place_windows(full_screen=full_screen)
        self.presenter.activateWindow()  # the keys go to the presentation, not the reader
        self.draw()
        self._ticker.start()

    def stop(self) -> None:
        """Esc: close both windows, keep this run's times for the next rehearsal, and say
        which item was last shown."""
        if self._closing:
            return
        self._closing = True
        self._ticker.stop()
        spent = self.session.finish(self._now())
        if spent:
            self._save_rehearsal(spent)
        for window in (self.audience, self.presenter):
            window.removeEventFilter(self)
            window.close()
        self.finished.emit(self.last_item)

    # --- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: every key in either window is a presentation key; closing either ends it."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.presenter and self.presenter.focusWidget() in (
                self.presenter.target, self.presenter.warn
            ) and event.key() not in (Qt.Key.Key_Escape,):
                return False  # typing a target length
            return self.key(event)
        if event.type() == QEvent.Type.Close and not self._closing:
            QTimer.singleShot(0, self.stop)
        return False

    def key(self, event: QKeyEvent) -> bool:
        """Do what one key press means; True when it meant something."""
        key, mods = event.key(), event.modifiers()
        now = self._now()
        control = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if control and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self._notes_size(+2)
        elif control and key == Qt.Key.Key_Minus:
            self._notes_size(-2)
        elif key in NEXT_KEYS:
            self.session.next(now)
        elif key in PREVIOUS_KEYS:
            self.session.previous(now)
        elif key == Qt.Key.Key_Home:
            self.session.first(now)
        elif key == Qt.Key.Key_End:
            self.session.last(now)
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.session.toggle_black()
        elif key == Qt.Key.Key_W:
            self.session.toggle_white()
        elif key == Qt.Key.Key_P:
            self.session.toggle_pause(now)
        elif key == Qt.Key.Key_S:
            self.swap()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.session.enter(now)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.session.type_digit(chr(key))
        elif key == Qt.Key.Key_Escape:
            self.stop()
            return True
        else:
            return False
        self.draw()
        return True

    def next(self) -> None:
        """Advance one slide (a click, or the keys)."""
        self.session.next(self._now())
        self.draw()

    # --- drawing ------------------------------------------------------------------------

    def draw(self) -> None:
        """Both windows from the session: slides, screen, notes, position, clock."""
        slides = self.deck.slides
        index = self.session.index
        slide = slides[index] if slides else None
        following = slides[index + 1] if index + 1 < len(slides) else None
        self.audience.view.show_slide(slide, self.session.screen)
        self.presenter.current.show_slide(slide)
        self.presenter.next_view.show_slide(following)
        notes = slide.notes if slide is not None else ""
        if self.presenter.notes.toPlainText() != notes:
            self.presenter.notes.setPlainText(notes)
        if slide is not None and slide.item_ids:
            self.last_item = slide.item_ids[-1]
        total = len(slides)
        position = f"Slide {index + 1} of {total}"
        rehearsed = self.session.rehearsed.get(index)
        if rehearsed:
            position += f"  (last time {clock_text(rehearsed)})"
        self.presenter.position.setText(position)
        self.draw_clock()

    def draw_clock(self) -> None:
        """Elapsed, time left (coloured by pace), the wall clock and any state to note."""
        now = self._now()
        session = self.session
        self.presenter.elapsed.setText(clock_text(session.elapsed(now)))
        left = session.remaining(now)
        self.presenter.remaining.setText("" if left is None else f"{clock_text(left)} left")
        self.presenter.set_pace_colour(session.pace(now))
        self.presenter.clock.setText(datetime.now().strftime("%H:%M"))
        states = []
        if session.paused:
            states.append("⏸ paused (P)")
        if session.screen is Screen.BLACK:
            states.append("■ audience screen black (B)")
        elif session.screen is Screen.WHITE:
            states.append("□ audience screen white (W)")
        if session.typed:
            states.append(f"go to slide {session.typed}… (Enter)")
        self.presenter.state.setText("   ".join(states))
        self.changed.emit()

    # --- screens ------------------------------------------------------------------------

    def audience_screen(self) -> QScreen | None:
        """The screen the room sees: the one chosen before (by name), else another than
        the presenter's; None with a single screen."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return None
        wanted = self.settings.audience_screen()
        named = [s for s in screens if s.name() == wanted]
        choice = named[0] if named else screens[1]
        if self.swapped:
            choice = next(s for s in screens if s is not choice)
        return choice

    def _fill_screen_choice(self) -> None:
        """The screen chooser: shown only when there is a screen to choose."""
        box = self.presenter.screen_choice
        box.clear()
        screens = QGuiApplication.screens()
        for screen in screens:
            box.addItem(f"Audience on {screen.name() or 'screen'}", screen.name())
        chosen = self.audience_screen()
        if chosen is not None:
            box.setCurrentIndex(max(box.findData(chosen.name()), 0))
        box.setVisible(len(screens) > 1)

    def _screen_chosen(self, index: int) -> None:
        """The presenter picked the audience screen by name (screen detection is unreliable
        on some desktops, so the choice is theirs, and remembered)."""
        name = self.presenter.screen_choice.itemData(index)
        if name:
            self.settings.set_audience_screen(str(name))
            self.swapped = False
            self._place_windows(full_screen=self.audience.isFullScreen())

    def swap(self) -> None:
        """S: exchange the audience and presenter screens (and remember the choice)."""
        self.swapped = not self.swapped
        screen = self.audience_screen()
        if screen is not None:
            self.settings.set_audience_screen(screen.name())
            self.swapped = False
            self._fill_screen_choice()
        self._place_windows(full_screen=self.audience.isFullScreen())

    def _place_windows(self, *, full_screen: bool) -> None:
        audience = self.audience_screen()
        if audience is None:  # one screen: two windows side by side, the room's framed
            self.presenter.resize(1100, 680)
            self.presenter.show()
            self.audience.resize(800, 450)
            self.audience.show()
            return
        presenter = next(s for s in QGuiApplication.screens() if s is not audience)
        for window, screen in ((self.audience, audience), (self.presenter, presenter)):
            window.setScreen(screen)
            window.setGeometry(screen.availableGeometry())
            if full_screen and window is self.audience:
                window.showFullScreen()
            else:
                window.showMaximized()

    # --- remembered settings ------------------------------------------------------------

    def _notes_size(self, delta: int) -> None:
        size = self.presenter.set_notes_size(self.presenter.notes_points + delta)
        self.settings.set_presenter_notes_size(size)

    def _timing_changed(self, _value: int) -> None:
        target, warn = self.presenter.target.value(), self.presenter.warn.value()
        self.session.target_seconds = target * 60 if target else None
        self.session.warn_seconds = warn * 60
        self.settings.set_presentation_timing(target, warn)
        self.draw_clock()

    def _load_rehearsal(self) -> dict[int, float]:
        raw = self.settings.rehearsal(self._brief_id)
        try:
            values = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        if not isinstance(values, dict):
            return {}
        return {int(k): float(v) for k, v in values.items()
                if str(k).isdigit() and isinstance(v, int | float)}

    def _save_rehearsal(self, spent: dict[int, float]) -> None:
        self.settings.set_rehearsal(
            self._brief_id, json.dumps({str(k): round(v, 1) for k, v in spent.items()})
        )
