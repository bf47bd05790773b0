"""What each presenter key does, and the clock, tested with a fake clock."""

from __future__ import annotations

from briefing_app.core.slides.session import Pace, PresentationSession, Screen, clock_text


def test_moving_through_the_deck_clamps_at_the_ends() -> None:
    talk = PresentationSession(slide_count=5)
    talk.start(0.0)
    assert talk.previous(1.0) is False and talk.index == 0
    assert talk.next(2.0) and talk.next(3.0) and talk.index == 2
    assert talk.last(4.0) and talk.index == 4
    assert talk.next(5.0) is False and talk.index == 4
    assert talk.first(6.0) and talk.index == 0


def test_a_number_then_enter_goes_to_that_slide() -> None:
    talk = PresentationSession(slide_count=20)
    talk.start(0.0)
    talk.type_digit("1")
    assert talk.type_digit("2") == "12"
    assert talk.enter(1.0) and talk.index == 11
    assert talk.enter(2.0) is False  # Enter alone does nothing
    talk.type_digit("9")
    talk.type_digit("9")
    assert talk.enter(3.0) and talk.index == 19  # past the end: the last slide


def test_black_and_white_screens_toggle_and_moving_on_brings_the_slide_back() -> None:
    talk = PresentationSession(slide_count=3)
    assert talk.toggle_black() is Screen.BLACK
    assert talk.toggle_black() is Screen.SLIDE
    assert talk.toggle_white() is Screen.WHITE
    talk.next(1.0)
    assert talk.screen is Screen.SLIDE


def test_the_clock_pauses_for_questions_and_warns_near_the_end() -> None:
    talk = PresentationSession(slide_count=3, target_seconds=600, warn_seconds=120)
    talk.start(100.0)
    assert talk.elapsed(400.0) == 300 and talk.pace(400.0) is Pace.ON_TIME
    assert talk.toggle_pause(400.0)
    assert talk.elapsed(1000.0) == 300  # questions do not count
    assert talk.toggle_pause(1000.0) is False
    assert talk.pace(1000.0 + 200) is Pace.WARNING  # 500 s in, 100 s left
    assert talk.pace(1000.0 + 400) is Pace.OVER
    assert clock_text(talk.remaining(1400.0)) == "\u22121:40"
    assert PresentationSession(slide_count=1).pace(5.0) is Pace.NONE


def test_rehearsal_records_time_per_slide_without_pauses() -> None:
    talk = PresentationSession(slide_count=3)
    talk.start(0.0)
    talk.next(30.0)
    talk.toggle_pause(40.0)
    talk.toggle_pause(100.0)
    talk.next(125.0)
    assert talk.finish(135.0) == {0: 30.0, 1: 35.0, 2: 10.0}


def test_clock_text() -> None:
    assert clock_text(0) == "0:00"
    assert clock_text(75.9) == "1:15"
    assert clock_text(3725) == "1:02:05"
    assert clock_text(None) == ""
