"""Benchmark: how fast the reader opens a ~1 MB brief and paints it, and how fast it selects.

Why these figures: opening must feel instant beyond Qt's own cost of showing that much text
(target: painted within 1 s of a bare PySide6 window showing the same text), and selecting
an item — highlight its passages, scroll the article, select and repaint its card — must
keep up with holding J (target: <= 50 ms until painted).

Every "painted" time runs from creating the window to the first paint of the article (and,
for the reader, of the card list) after the text is set.  Each figure is the median of
``--runs`` runs, each with a fresh window; the machine is shared, so the min–max is printed
too.  Three briefs:

* ``model``: built directly with the model (5,000 items, three exact anchors each, emoji so
  the UTF-16 conversions do real work) — the window under a heavy, synthetic load;
* ``.brief.json`` and ``.txt``: the newsroom article of ``bench_import.py`` (1 MB), saved
  and opened from disk the way a user does (``open_path_soon``: imported and indexed on a
  worker thread), timed from the request to painted.  Import speed is measured by
  ``bench_import.py``; these show what the window adds to it.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_open.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_import import generate_article

from briefing_app.core.model import Brief, SectionKind

KINDS = [
    (SectionKind.WHY_IT_MATTERS, "claim"),
    (SectionKind.WHAT_TO_KNOW, "point"),
    (SectionKind.QUOTES, "quote"),
    (SectionKind.NEXT_STEPS, "point"),
]
WORDS = (
    "port strike union workers offer talks harbour cargo ships anchor authority minister "
    "mediator prices winter fuel food retailers shelves cranes picket gate terminal quay "
    "freight economist council regional economy shipments weeks days members vote"
).split()


def make_article(target_chars: int, seed: int = 7) -> tuple[str, list[tuple[int, int]]]:
    """A long article of paragraphs and the (start, end) of every sentence."""
    rng = random.Random(seed)
    parts: list[str] = []
    sentences: list[tuple[int, int]] = []
    length = 0
    n = 0
    while length < target_chars:
        paragraph: list[str] = []
        for _ in range(rng.randint(3, 6)):
            n += 1
            words = rng.choices(WORDS, k=rng.randint(10, 22))
            figure = f"{rng.randint(2, 990)},{rng.randint(100, 999)}"
            emoji = " 🚢" if n % 37 == 0 else ""
            sentence = f"Sentence {n}: the {' '.join(words)} reached {figure}{emoji}."
            paragraph.append(sentence)
        text = " ".join(paragraph)
        offset = length
        for sentence in paragraph:
            sentences.append((offset, offset + len(sentence)))
            offset += len(sentence) + 1
        parts.append(text)
        length += len(text) + 2
    return "\n\n".join(parts), sentences


def make_brief(target_chars: int = 1_000_000, items: int = 5_000) -> Brief:
    """A brief over the generated article: ``items`` items, each with three anchors."""
    text, sentences = make_article(target_chars)
    rng = random.Random(11)
    step = max(len(sentences) // items, 1)
    sections = {kind: [] for kind, _ in KINDS}
    sections[SectionKind.LEDE] = []

    def selector(span: tuple[int, int], reason: str, score: float) -> dict:
        start, end = span
        return {"start": start, "end": end, "exact": text[start:end], "reason": reason,
                "score": score}

    for i in range(items):
        own = sentences[(i * step) % len(sentences)]
        kind, item_kind = KINDS[i % len(KINDS)] if i >= 40 else (SectionKind.LEDE, "claim")
        anchors = [
            selector(own, "source", 1.0),
            selector(sentences[rng.randrange(len(sentences))], "figure", 0.8),
            selector(sentences[rng.randrange(len(sentences))], "shared_words", 0.5),
        ]
        item = {"id": f"item-{i}", "kind": item_kind, "text": text[own[0]:own[1]],
                "anchors": anchors}
        if item_kind == "quote":
            item["speaker"] = {"name": f"Speaker {i % 90}", "role": "Port official"}
        if i % 9 == 0:
            item["hedges"] = [{"text": "about", "kind": "estimate"}]
        sections[kind].append(item)
    return Brief.model_validate({
        "id": "bench",
        "title": "Benchmark brief",
        "source": {"publisher": "Bench", "author": "Generator", "published": "2026-01-01"},
        "article": {"text": text},
        "sections": [{"kind": kind, "items": its} for kind, its in sections.items()],
    })


class PaintWatch:
    """Notes when watched widgets next paint (an event filter), to time "until painted": the
    time is taken when the last watched widget's paint event arrives, so work the event loop
    does afterwards in the same pass (a batch of card layout, say) is not counted."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        class _Filter(QObject):
            def __init__(self, seen: dict[int, float]) -> None:
                super().__init__()
                self.seen = seen

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    self.seen.setdefault(id(watched), time.perf_counter())
                return False

        self.seen: dict[int, float] = {}
        self._filter = _Filter(self.seen)
        self._watched: list[object] = []

    def watch(self, *widgets: object) -> None:
        """Forget earlier paints and wait for these widgets' next ones."""
        self.seen.clear()
        self._watched = list(widgets)
        for widget in widgets:
            widget.installEventFilter(self._filter)

    def wait(self, app: object, until: Callable[[], bool] = lambda: True) -> float:
        """Run the event loop until ``until()`` holds and every watched widget painted.
        It sleeps while nothing is pending, as the app's own loop does, so a worker thread
        is not starved of the interpreter lock by a busy wait."""
        from PySide6.QtCore import QEventLoop

        while not (until() and all(id(w) in self.seen for w in self._watched)):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        return max(self.seen[id(w)] for w in self._watched)


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f} ms (min {min(values):.0f}, max {max(values):.0f})"


def bare_window(app: object, text: str, watch: PaintWatch) -> float:
    """Milliseconds from creating a plain QMainWindow with a QPlainTextEdit to it painting
    ``text``."""
    from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

    started = time.perf_counter()
    bare = QMainWindow()
    editor = QPlainTextEdit()
    bare.setCentralWidget(editor)
    bare.resize(1400, 900)
    editor.setPlainText(text)
    watch.watch(editor.viewport())
    bare.show()
    elapsed = (watch.wait(app) - started) * 1000
    bare.close()
    bare.deleteLater()
    app.processEvents()
    return elapsed


def reader_window(app: object) -> object:
    """A reader window, shown, with in-memory settings."""
    from briefing_app.ui.dialogs import RecordingDialogs
    from briefing_app.ui.reader.window import MainWindow
    from briefing_app.ui.settings import ReaderSettings

    window = MainWindow(settings=ReaderSettings.in_memory(), dialogs=RecordingDialogs())
    window.resize(1400, 900)
    window.fit_split()
    window.show()
    return window


def settled(window: object) -> bool:
    """Whether the window has no deferred work left: evidence map computed, highlights and
    card measuring done (what a key press arriving now would otherwise wait behind)."""
    marks = window.article.marks
    measuring = getattr(window.items_pane, "measuring", lambda: False)()
    return not (marks._recompute_timer.isActive() or window.highlighter.pending or measuring)


def open_brief(
    app: object, brief: Brief, watch: PaintWatch, *, settle: bool = True
) -> tuple[float, float, object]:
    """Milliseconds from creating the reader to it painting an already imported brief, and
    to it having settled (no deferred work left; not waited for without ``settle``)."""
    started = time.perf_counter()
    window = reader_window(app)
    window.document.show_brief(brief, Path("bench.brief.json"))
    watch.watch(window.article.viewport(), window.items_pane.current_view().viewport())
    painted = (watch.wait(app) - started) * 1000
    while settle and not settled(window):
        app.processEvents()
    return painted, (time.perf_counter() - started) * 1000, window


def select_at_once(app: object, brief: Brief, watch: PaintWatch) -> list[float]:
    """Milliseconds to select the last card of each section, one after the other, as soon
    as the brief is painted: the worst case, each tab's cards not measured yet."""
    _painted, _total, window = open_brief(app, brief, watch, settle=False)
    times = []
    for section in brief.sections:
        if section.items:
            started = time.perf_counter()
            window.selection.select_item(section.items[-1].id)
            watch.watch(window.article.viewport(), window.items_pane.current_view().viewport())
            times.append((watch.wait(app) - started) * 1000)
    close(app, window)
    return times


def open_file(app: object, path: Path, watch: PaintWatch) -> float:
    """Milliseconds from asking a reader to open ``path`` (as a user does) to painted."""
    window = reader_window(app)
    app.processEvents()
    opened: list[bool] = []
    window.document.opened.connect(lambda: opened.append(True))
    started = time.perf_counter()
    window.document.open_path_soon(path)
    watch.watch(window.article.viewport())
    elapsed = (watch.wait(app, lambda: bool(opened)) - started) * 1000
    close(app, window)
    return elapsed


def close(app: object, window: object) -> None:
    """Close and free a window (so the next run starts from the same heap)."""
    window.close()
    window.deleteLater()
    app.processEvents()


def select_items(app: object, window: object, items: list, count: int, seed: int,
                 watch: PaintWatch) -> tuple[list[float], list[float]]:
    """Milliseconds from selecting each of ``count`` random items to the article and the
    card list painted, and to the event loop having nothing left to do (background card
    layout included: what a second key press right after would wait for)."""
    painted, idle = [], []
    for item in random.Random(seed).sample(items, min(count, len(items))):
        started = time.perf_counter()
        window.selection.select_item(item.id)
        watch.watch(window.article.viewport(), window.items_pane.current_view().viewport())
        painted.append((watch.wait(app) - started) * 1000)
        app.processEvents()
        idle.append((time.perf_counter() - started) * 1000)
        if os.environ.get("BENCH_VERBOSE"):
            print(f"  {item.id}: {painted[-1]:.1f} ms painted, {idle[-1]:.1f} ms idle")
    return painted, idle


def extras(app: object, window: object) -> list[str]:
    """Evidence stepping, the link tint and a common find word, once."""
    steps = []
    for _ in range(20):
        started = time.perf_counter()
        window.selection.step_evidence(1)
        app.processEvents()
        steps.append((time.perf_counter() - started) * 1000)
    highlighter = window.highlighter
    started = time.perf_counter()
    window.appearance.set_link_tint(True)
    window.article.viewport().repaint()
    tint_visible = (time.perf_counter() - started) * 1000
    while highlighter.pending:
        app.processEvents()
    tint_all = (time.perf_counter() - started) * 1000
    window.appearance.set_link_tint(False)
    highlighter.flush()
    started = time.perf_counter()
    window.find_bar.open()
    window.find.set_query("harbour")
    window.article.viewport().repaint()
    find_visible = (time.perf_counter() - started) * 1000
    while highlighter.pending:
        app.processEvents()
    find_all = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    for _ in range(20):
        window.find.step(backwards=False)
        app.processEvents()
    find_next = (time.perf_counter() - started) * 1000 / 20
    return [
        f"next evidence (N):                 {statistics.median(steps):7.1f} ms median",
        f"link tint on, on screen:           {tint_visible:7.0f} ms "
        f"(whole article in background: {tint_all:.0f} ms)",
        f"find 'harbour' ({len(window.find.matches):,} matches), on screen: "
        f"{find_visible:.0f} ms (all: {find_all:.0f} ms); next match {find_next:.1f} ms",
    ]


def main() -> int:
    """Print bare-window, open-and-paint, file-to-painted and select timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--items", type=int, default=5_000)
    parser.add_argument("--selects", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-files", action="store_true",
                        help="skip the file-to-painted runs (which include the import)")
    options = parser.parse_args()

    from briefing_app.core.importer import clear_caches, import_text
    from briefing_app.ui.app import application

    brief = make_brief(options.chars, options.items)
    items = brief.items()
    anchors = sum(len(item.spans()) for item in items)
    print(f"machine: {os.cpu_count()} cores; median of {options.runs} runs, fresh window each")
    print(f"model brief: {len(brief.article.text):,} characters, {len(items):,} items, "
          f"{anchors:,} anchors")
    app = application()
    watch = PaintWatch()
    bare_window(app, brief.article.text, watch)  # warm up fonts and the platform plugin

    bare, opened, calm, selects, idles = [], [], [], [], []
    window = None
    for run in range(options.runs):
        bare.append(bare_window(app, brief.article.text, watch))
        elapsed, quiet, window = open_brief(app, brief, watch)
        opened.append(elapsed)
        calm.append(quiet)
        painted, idle = select_items(app, window, items, options.selects, run, watch)
        selects += painted
        idles += idle
        if run < options.runs - 1:
            close(app, window)
    print(f"bare PySide6 window, same text, painted: {_median(bare)}")
    print(f"reader open + painted (model brief):     {_median(opened)}  "
          f"(+{statistics.median(opened) - statistics.median(bare):.0f} ms over bare; "
          "target <= +1000)")
    print(f"  … and settled (evidence map, cards):    {_median(calm)}")
    for label, times in (("painted", selects), ("idle", idles)):
        print(f"select item until {label} ({len(times)} over {options.runs} windows): "
              f"{statistics.mean(times):.1f} ms mean, {statistics.median(times):.1f} median, "
              f"{max(times):.1f} max (target <= 50)")
    for line in extras(app, window):
        print(line)
    close(app, window)
    hasty = [t for _ in range(options.runs) for t in select_at_once(app, brief, watch)]
    print(f"last card of each tab, selected right after the first paint: "
          f"{statistics.median(hasty):.1f} ms median, {max(hasty):.1f} max")

    if not options.no_files:
        text = generate_article(options.chars)
        with tempfile.TemporaryDirectory() as folder:
            txt = Path(folder) / "bench.txt"
            txt.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            imported = import_text(text, name="bench.txt")
            import_ms = (time.perf_counter() - started) * 1000
            saved = Path(folder) / "bench.brief.json"
            saved.write_text(imported.model_dump_json(), encoding="utf-8")
            print(f"newsroom article: {len(text):,} characters, {len(imported.items()):,} "
                  f"items, {sum(len(i.spans()) for i in imported.items()):,} anchors "
                  f"(import_text {import_ms:.0f} ms, warm)")
            shown, shown_calm, from_json, from_txt = [], [], [], []
            for _ in range(options.runs):
                elapsed, quiet, window = open_brief(app, imported, watch)
                shown.append(elapsed)
                shown_calm.append(quiet)
                close(app, window)
                clear_caches()
                from_json.append(open_file(app, saved, watch))
                clear_caches()
                from_txt.append(open_file(app, txt, watch))
            print(f"reader open + painted (imported brief):  {_median(shown)}")
            print(f"  … and settled:                          {_median(shown_calm)}")
            print(f".brief.json file to painted:             {_median(from_json)}")
            print(f".txt file to painted (import included):  {_median(from_txt)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
