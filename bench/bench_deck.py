"""Benchmark building a presentation deck from a large brief and writing it as PDF and PPTX.

Why these figures: ``briefing-app present PATH --export`` and the window's presentation mode
both build the deck from a brief the app already holds, then draw or write it; a briefer
waits for that between opening the brief and the first slide.  A 1 MB article is far beyond
a real brief (thousands of items), so this measures that the deck stays bounded (each part
capped, with a count of what it left out) and that building and writing it stays quick.

Per run, with the brief already imported (the import has its own bench):

* ``build deck``: ``build_deck`` on the brief (items, fitting, notes);
* ``PDF``: ``write_pdf_deck`` to a file, one page per slide (Qt, offscreen);
* ``PDF handout``: the same with each slide's notes on A4 pages;
* ``PPTX``: ``write_pptx`` to a file (python-pptx);
* ``total``: build + PDF + PPTX, the target (<= 2 s for a 1 MB brief).

Timings are the best of ``--runs`` (the machine is shared).  The Qt application is made
before timing, as the window already has one.  Writes only to a temporary directory.
Run: ``.venv/bin/python bench/bench_deck.py`` (1 MB) or ``--size-mb 0.2 1 2``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from newsroom_articles import generate_article

from briefing_app.core.importer import import_text
from briefing_app.core.slides import build_deck
from briefing_app.core.slides.pptx_writer import write_pptx
from briefing_app.ui.present.pdf_deck import ensure_application, write_pdf_deck

TARGET_SECONDS = 2.0


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``action``."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def bench(size_mb: float, runs: int, folder: Path) -> dict[str, float]:
    """Time each stage for an article of ``size_mb`` megabytes; print one line each."""
    text = generate_article(int(size_mb * 1_000_000))
    brief = import_text(text, name="bench.txt")
    deck = build_deck(brief)
    pdf, handout, pptx = folder / "deck.pdf", folder / "handout.pdf", folder / "deck.pptx"
    figures = {
        "build deck": best_of(runs, lambda: build_deck(brief)),
        "PDF": best_of(runs, lambda: write_pdf_deck(deck, pdf)),
        "PDF handout": best_of(runs, lambda: write_pdf_deck(deck, handout, handout=True)),
        "PPTX": best_of(runs, lambda: write_pptx(deck, pptx)),
    }
    figures["total"] = figures["build deck"] + figures["PDF"] + figures["PPTX"]
    items = len(brief.items())
    print(f"{size_mb:g} MB article: {items:,} items -> {len(deck)} slides; "
          f"PDF {pdf.stat().st_size / 1024:.0f} KiB, handout "
          f"{handout.stat().st_size / 1024:.0f} KiB, PPTX {pptx.stat().st_size / 1024:.0f} KiB")
    for name, seconds in figures.items():
        verdict = ""
        if name == "total":
            verdict = "  (target <= 2 s: " + ("met)" if seconds <= TARGET_SECONDS else "MISSED)")
        print(f"  {name:<12} {seconds:7.3f} s{verdict}")
    return figures


def main() -> int:
    """Parse the options, run the bench per size; exit status 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, nargs="+", default=[1.0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    ensure_application()
    print(f"cores: {os.cpu_count()}, Python {sys.version.split()[0]}")
    missed = False
    with tempfile.TemporaryDirectory() as folder:
        for size in options.size_mb:
            figures = bench(size, options.runs, Path(folder))
            missed |= size <= 1.0 and figures["total"] > TARGET_SECONDS
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
