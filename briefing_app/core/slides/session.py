"""A presentation in progress: which slide, what the audience sees, the clock, rehearsal.

Why Qt-free: what every key does in a briefing (next, back, go to slide 12, black the room's
screen, pause the clock for questions) and what the presenter is told about pacing are
decisions about state and time, not about widgets; kept here they are tested with a fake
clock, and both windows (audience and presenter) only draw what this says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Screen(StrEnum):
    """What the audience screen shows."""

    SLIDE = "slide"
    BLACK = "black"
    WHITE = "white"


class Pace(StrEnum):
    """How the talk stands against its target length."""

    NONE = "none"  # no target set
    ON_TIME = "on_time"
    WARNING = "warning"  # within the warning margin of the end
    OVER = "over"  # past the target


@dataclass
class PresentationSession:
    """The state of one presentation; ``now`` arguments are monotonic seconds."""

    slide_count: int
    target_seconds: float | None = None
    warn_seconds: float = 120.0
    index: int = 0
    screen: Screen = Screen.SLIDE
    typed: str = ""
    rehearsed: dict[int, float] = field(default_factory=dict)  # last rehearsal, per slide
    _started: float | None = None
    _paused_at: float | None = None
    _paused_total: float = 0.0
    _slide_since: float | None = None
    spent: dict[int, float] = field(default_factory=dict)  # this run, per slide

    # --- moving ----------------------------------------------------------------------

    def start(self, now: float) -> None:
        """The presentation begins: the clock runs from here."""
        self._started = now
        self._slide_since = now

    def go(self, index: int, now: float) -> bool:
        """Show slide ``index`` (clamped); True when the slide changed."""
        target = max(0, min(self.slide_count - 1, index))
        self.typed = ""
        if target == self.index:
            return False
        self._note_time(now)
        self.index = target
        self.screen = Screen.SLIDE  # moving on brings the slide back
        return True

    def next(self, now: float) -> bool:
        """Right, Space, PgDn, a click: the next slide."""
        return self.go(self.index + 1, now)

    def previous(self, now: float) -> bool:
        """Left, PgUp: the slide before."""
        return self.go(self.index - 1, now)

    def first(self, now: float) -> bool:
        """Home."""
        return self.go(0, now)

    def last(self, now: float) -> bool:
        """End."""
        return self.go(self.slide_count - 1, now)

    def type_digit(self, digit: str) -> str:
        """A number key: collect the slide number being typed (shown to the presenter)."""
        if digit.isdigit() and len(self.typed) < 4:
            self.typed += digit
        return self.typed

    def enter(self, now: float) -> bool:
        """Enter after a number: go to that slide (1-based); without one, nothing."""
        if not self.typed:
            return False
        number = int(self.typed)
        self.typed = ""
        return self.go(number - 1, now) if number >= 1 else False

    # --- the audience screen -----------------------------------------------------------

    def toggle_black(self) -> Screen:
        """B or "." (what presentation remotes send): black the room, or bring it back."""
        self.screen = Screen.SLIDE if self.screen is Screen.BLACK else Screen.BLACK
        return self.screen

    def toggle_white(self) -> Screen:
        """W: a white screen, or back."""
        self.screen = Screen.SLIDE if self.screen is Screen.WHITE else Screen.WHITE
        return self.screen

    # --- the clock ---------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        """True while the clock is paused (P)."""
        return self._paused_at is not None

    def toggle_pause(self, now: float) -> bool:
        """P: pause the clock for questions, or resume it; True when now paused."""
        if self._paused_at is None:
            self._note_time(now)
            self._paused_at = now
            return True
        self._paused_total += now - self._paused_at
        self._paused_at = None
        self._slide_since = now
        return False

    def elapsed(self, now: float) -> float:
        """Seconds of talk so far (pauses not counted)."""
        if self._started is None:
            return 0.0
        until = self._paused_at if self._paused_at is not None else now
        return max(0.0, until - self._started - self._paused_total)

    def remaining(self, now: float) -> float | None:
        """Seconds left of the target length (negative once over), or None without one."""
        if self.target_seconds is None:
            return None
        return self.target_seconds - self.elapsed(now)

    def pace(self, now: float) -> Pace:
        """On time, near the end (within the warning margin) or over."""
        left = self.remaining(now)
        if left is None:
            return Pace.NONE
        if left < 0:
            return Pace.OVER
        return Pace.WARNING if left <= self.warn_seconds else Pace.ON_TIME

    # --- rehearsal ---------------------------------------------------------------------

    def _note_time(self, now: float) -> None:
        if self._slide_since is not None and self._paused_at is None:
            self.spent[self.index] = self.spent.get(self.index, 0.0) + (now - self._slide_since)
        self._slide_since = now

    def finish(self, now: float) -> dict[int, float]:
        """The presentation ends: seconds spent per slide this time (for the next rehearsal
        to show beside each slide)."""
        self._note_time(now)
        return dict(self.spent)


def clock_text(seconds: float | None) -> str:
    """Seconds as m:ss, or h:mm:ss past an hour; a minus sign when over time."""
    if seconds is None:
        return ""
    sign = "\u2212" if seconds < 0 else ""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"
