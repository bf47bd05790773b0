"""Benchmark exporting a heavily annotated brief as Markdown, HTML, W3C and JSON.

Why these figures: an analyst who has worked through a long article may have a thousand
highlights and notes on it, and an export from the window or the command line should feel
instant.  The targets (issue 11) are <= 0.5 s each for Markdown, HTML and W3C with 1,000
annotations on a 2-core machine; JSON (the brief plus its annotations) is timed for the
record.  The timing covers what an export does once the brief is open and its annotations
placed: rendering (notes through markdown-it, the page through nh3) and writing the bytes to
memory; the import and the placement are the window's and are benchmarked elsewhere.

The article comes from ``newsroom_articles.py`` (``--size-kb``, default 300); the
annotations are spread evenly over it: four in five highlights of article text (about half
with a Markdown note, a third with tags, every tenth overlapping the one before) and one in
five on items (a status, some with a colour and a note).  Timings are the best of ``--runs``:
the machine is shared, and the minimum is the least noisy estimate of the work itself.

Run: ``.venv/bin/python bench/bench_export.py`` (``--annotations 1000 --runs 5``).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsroom_articles import generate_article

from briefing_app.core.annotations import Annotation, ClaimStatus, HighlightColour
from briefing_app.core.export.export_job import ExportJob
from briefing_app.core.export.formats import EXPORT_FORMATS
from briefing_app.core.importer import import_path
from briefing_app.core.model import Brief, Selector
from briefing_app.core.store import place_annotations

TARGET_SECONDS = {"md": 0.5, "html": 0.5, "w3c": 0.5, "pdf": 3.0}
MOMENT = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
NOTES = (
    "Check the **figure** against [the filing](https://example.org/filing) before we run it.",
    "Who else says this?\n\n- the union\n- the port authority",
    "Same claim as in the lede; *estimate*, not a count.",
)


def annotations_for(brief: Brief, count: int) -> list[Annotation]:
    """``count`` annotations spread over ``brief``: highlights and item annotations."""
    text = brief.article.text
    items = [item for item in brief.items() if item.source is not None]
    colours = list(HighlightColour)
    statuses = [s for s in ClaimStatus if s is not ClaimStatus.UNREVIEWED]
    made: list[Annotation] = []
    on_items = count // 5
    step = max(len(text) // max(count - on_items, 1), 1)
    for number in range(count - on_items):
        start = min(number * step, len(text) - 80)
        if number % 10 == 9:
            start = max(start - step // 2, 0)  # overlaps the one before
        end = start + 40
        made.append(Annotation(
            id=f"{number:032x}", document_id="bench",
            selector=Selector(start=start, end=end, exact=text[start:end],
                              prefix=text[max(0, start - 32):start], suffix=text[end:end + 32]),
            colour=colours[number % len(colours)],
            note=NOTES[number % 3] if number % 2 == 0 else "",
            tags=["pay", f"topic-{number % 7}"] if number % 3 == 0 else [],
            created=MOMENT, updated=MOMENT,
        ))
    for number in range(on_items):
        item = items[number % len(items)]
        made.append(Annotation(
            id=f"f{number:031x}", document_id="bench", item_id=item.id, selector=item.source,
            status=statuses[number % len(statuses)],
            colour=colours[number % len(colours)] if number % 2 else None,
            note=NOTES[number % 3] if number % 3 == 0 else "",
            created=MOMENT, updated=MOMENT,
        ))
    return made


def best_of(runs: int, job: ExportJob, fmt: str) -> tuple[float, int]:
    """The fastest of ``runs`` exports in ``fmt`` and the size of the output."""
    best = float("inf")
    size = 0
    writer = _formats()[fmt]
    for _ in range(runs):
        buffer = io.BytesIO()
        started = time.perf_counter()
        writer.write(job, buffer)
        best = min(best, time.perf_counter() - started)
        size = len(buffer.getvalue())
    return best, size


def _formats() -> dict:
    """The core formats, and the PDF handout (Qt lays it out; loaded here on demand)."""
    from briefing_app.ui.export.pdf_handout import pdf_format

    return {**EXPORT_FORMATS, "pdf": pdf_format("a4")}


def main() -> int:
    """Build the annotated brief, time every format, print a table; status 1 on a miss."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotations", type=int, default=1000)
    parser.add_argument("--size-kb", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "long.txt"
        article.write_text(generate_article(options.size_kb * 1024), encoding="utf-8")
        brief = import_path(article)
    annotations = annotations_for(brief, options.annotations)
    placed = place_annotations(brief, annotations)
    job = ExportJob(brief=brief, placed=tuple(placed), exported=MOMENT, document_id="bench")
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load {os.getloadavg()[0]:.2f}")
    print(f"brief: {len(brief.article.text):,} characters, {len(brief.items()):,} items, "
          f"{len(annotations):,} annotations; best of {options.runs}")
    missed = False
    for fmt in _formats():
        seconds, size = best_of(options.runs, job, fmt)
        target = TARGET_SECONDS.get(fmt)
        verdict = ""
        if target is not None:
            met = seconds <= target
            missed |= not met
            verdict = f"  target <= {target} s: {'met' if met else 'MISSED'}"
        print(f"{fmt:5} {seconds:7.3f} s  {size / 1024:8.1f} KiB{verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
