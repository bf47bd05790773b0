"""Benchmark: how fast the reader opens a ~1 MB brief with ~5,000 linked items, and selects.

Why these figures: opening must feel instant beyond Qt's own start-up cost (target: ≤ 1 s
more than a bare window), and selecting an item — highlight every anchor, scroll the
article, select the card — must keep up with holding J (target: < 50 ms).

The brief is built directly with the model (exact anchors, three per item, emoji sprinkled
in so the UTF-16 conversions do real work), so the figures measure the window, not the
linker.  ``--importer`` instead feeds the generated text through ``import_text`` and also
reports the import time.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_open.py
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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


def main() -> int:
    """Print the bare-window, open and select timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--items", type=int, default=5_000)
    parser.add_argument("--selects", type=int, default=50)
    parser.add_argument("--importer", action="store_true",
                        help="build the brief with import_text (includes the linker)")
    options = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

    from briefing_app.ui.app import application
    from briefing_app.ui.dialogs import RecordingDialogs
    from briefing_app.ui.reader.window import MainWindow
    from briefing_app.ui.settings import ReaderSettings

    t = time.perf_counter()
    if options.importer:
        from briefing_app.core.importer import import_text

        text, _ = make_article(options.chars)
        brief = import_text(text, name="bench.txt")
    else:
        brief = make_brief(options.chars, options.items)
    build_s = time.perf_counter() - t
    items = brief.items()
    anchors = sum(len(item.spans()) for item in items)
    print(f"brief: {len(brief.article.text):,} characters, {len(items):,} items, "
          f"{anchors:,} anchors ({'import_text' if options.importer else 'model'}: "
          f"{build_s:.2f} s)")

    app = application()
    clock = QElapsedTimer()

    clock.start()
    bare = QMainWindow()
    bare.setCentralWidget(QPlainTextEdit())
    bare.resize(1400, 900)
    bare.show()
    QTest.qWaitForWindowExposed(bare)
    app.processEvents()
    bare_ms = clock.nsecsElapsed() / 1e6
    bare.close()
    app.processEvents()

    clock.start()
    window = MainWindow(settings=ReaderSettings.in_memory(), dialogs=RecordingDialogs())
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.document.show_brief(brief, Path("bench.brief.json"))
    app.processEvents()
    open_ms = clock.nsecsElapsed() / 1e6
    window.article.marks.recompute()
    window.items_pane.current_view().doItemsLayout()
    app.processEvents()
    settled_ms = clock.nsecsElapsed() / 1e6

    rng = random.Random(3)
    chosen = rng.sample(items, min(options.selects, len(items)))
    times = []
    for item in chosen:
        clock.start()
        window.selection.select_item(item.id)
        app.processEvents()
        times.append(clock.nsecsElapsed() / 1e6)
        if os.environ.get("BENCH_VERBOSE"):
            print(f"  {item.id}: {times[-1]:.1f} ms")
    steps = []
    for _ in range(20):
        clock.start()
        window.selection.step_evidence(1)
        app.processEvents()
        steps.append(clock.nsecsElapsed() / 1e6)

    highlighter = window.highlighter
    clock.start()
    window.appearance.set_link_tint(True)
    window.article.viewport().repaint()
    tint_visible_ms = clock.nsecsElapsed() / 1e6
    while highlighter.pending:
        app.processEvents()
    tint_all_ms = clock.nsecsElapsed() / 1e6
    window.appearance.set_link_tint(False)
    highlighter.flush()
    clock.start()
    window.find_bar.open()
    window.find.set_query("harbour")
    window.article.viewport().repaint()
    find_visible_ms = clock.nsecsElapsed() / 1e6
    while highlighter.pending:
        app.processEvents()
    find_all_ms = clock.nsecsElapsed() / 1e6
    matches = len(window.find.matches)
    clock.start()
    for _ in range(20):
        window.find.step(backwards=False)
        app.processEvents()
    find_next_ms = clock.nsecsElapsed() / 1e6 / 20

    print(f"bare PySide6 window shown:          {bare_ms:8.1f} ms")
    print(f"reader open, interactive:           {open_ms:8.1f} ms  "
          f"(+{open_ms - bare_ms:.1f} ms over bare; target ≤ 1000)")
    print(f"  … marks and card list settled:    {settled_ms:8.1f} ms")
    print(f"select item (highlight + scroll):   {statistics.mean(times):8.1f} ms mean, "
          f"{statistics.median(times):.1f} median, {max(times):.1f} max over {len(times)} "
          "(target < 50)")
    print(f"next evidence (N):                  {statistics.mean(steps):8.1f} ms mean")
    print(f"link tint on, on screen:            {tint_visible_ms:8.1f} ms "
          f"(whole article in background: {tint_all_ms:.0f} ms)")
    print(f"find 'harbour' ({matches:,} matches), on screen: {find_visible_ms:5.1f} ms "
          f"(all: {find_all_ms:.0f} ms); next match {find_next_ms:.1f} ms")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
