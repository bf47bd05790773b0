"""Import leaves the process as it found it, and shares the interpreter only when asked.

Why: an import used to pause the garbage collector and shorten the interpreter's thread
switch interval for the whole process; two overlapping imports then restored them in the
wrong order.  Now a thread that wants to leave room for a window says so for itself
(``sharing_the_interpreter``), and nothing process-wide changes.
"""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

import pytest

from briefing_app.core import sharing
from briefing_app.core.importer import import_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_overlapping_imports_leave_the_collector_and_switch_interval_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[bool, float]] = []
    checkpoint = sharing.checkpoint

    def watching() -> None:
        seen.append((gc.isenabled(), sys.getswitchinterval()))
        checkpoint()

    for module in ("builder", "linking.linker", "linking.evidence", "text.text_index"):
        monkeypatch.setattr(f"briefing_app.core.{module}.checkpoint", watching)
    before = (gc.isenabled(), sys.getswitchinterval())

    def sharing_import() -> None:
        with sharing.sharing_the_interpreter():
            import_path(SAMPLES / "harbour-strike.txt")

    threads = [
        threading.Thread(target=sharing_import),
        threading.Thread(target=import_path, args=(SAMPLES / "grid-upgrade.txt",)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen and set(seen) == {before}  # unchanged while the imports ran
    assert (gc.isenabled(), sys.getswitchinterval()) == before


def test_only_the_thread_that_asked_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    paused: list[str] = []
    monkeypatch.setattr(sharing, "WORK_SECONDS", 0.0)  # pause at every checkpoint
    monkeypatch.setattr(sharing, "_pause", lambda _: paused.append(threading.current_thread().name))

    def run(share: bool) -> None:
        if share:
            with sharing.sharing_the_interpreter():
                for _ in range(3):
                    sharing.checkpoint()
        for _ in range(3):
            sharing.checkpoint()  # after the block: no more pauses

    threads = [
        threading.Thread(target=run, args=(True,), name="sharing"),
        threading.Thread(target=run, args=(False,), name="plain"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert paused == ["sharing"] * 3


def test_preparing_a_brief_for_the_window_keeps_the_collector_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefing_app.core.reading import document

    brief = import_path(SAMPLES / "harbour-strike.txt")
    seen: list[bool] = []
    place = document.Paragraphs.place

    def watching(self: document.Paragraphs, spans: list[tuple[int, int]]) -> object:
        seen.append(gc.isenabled())
        return place(self, spans)

    monkeypatch.setattr(document.Paragraphs, "place", watching)
    assert gc.isenabled()
    document.prepare_document(brief)
    assert seen and all(seen)  # the window's thread would collect as usual meanwhile
