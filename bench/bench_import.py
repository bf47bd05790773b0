"""Benchmark importing a large newsroom-format article, and opening the brief it writes.

Why these figures: a user opening a long article waits for decode + parse + build + link,
first in the window (in-process) and, from the command line, on top of the interpreter's
start.  Opening the ``.brief.json`` that ``import`` wrote must be much faster than importing
again, and memory must stay bounded on the largest files we accept.  So, per size:

* ``import (in-process)``: decode + import + link, caches cleared first (a cold import):
  once in one process, as the window imports, and once with stages forked into a second
  process (``core.second_process``), as every CLI command imports;
* ``import beyond CLI start``: ``briefing-app import FILE -o OUT`` minus
  ``briefing-app schema`` (the same start-up: interpreter, pydantic, the model), as a user
  measures it with ``time``; its peak resident memory comes from the kernel (``wait4``,
  asked by a small launcher process: a child of this bench would report the bench's own
  peak, which Linux carries across exec).  The kernel gives the largest peak of the
  command and the children it forked, not their sum: a child shares the parent's pages
  until either writes to them;
* ``re-open JSON``: ``import_path`` on the written ``.brief.json`` (parse, validate, check
  the anchors — no re-link when they hold), as the window opens a saved brief;
* with ``--tracemalloc``, the peak of Python allocations during an in-process import.

The article comes from ``newsroom_articles.py``: ``--style realistic`` (the default; facts,
people and phrases restated as real copy does) or ``--style unique`` (the original article
whose figures never repeat).  Timings are the best of ``--runs``: the machine is shared, and
the minimum is the least noisy estimate of the work itself.

Run: ``.venv/bin/python bench/bench_import.py`` (1, 2, 4 and 10 MB) or ``--size-mb 1``.
Writes only to a temporary directory.  Targets: <= 1 s per MB beyond CLI start, <= 0.3 s to
re-open the brief of a 1 MB article, <= 250 MiB peak.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsroom_articles import generate_article

from briefing_app.core.errors import BriefInputError
from briefing_app.core.importer import clear_caches, import_path
from briefing_app.core.model import Brief
from briefing_app.core.second_process import second_process_allowed

T = TypeVar("T")
TARGET_SECONDS_PER_MB = 1.0
CLI = [sys.executable, "-m", "briefing_app"]


def best_of(runs: int, action: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``runs`` timings, and the last result.  Each run starts cold, as a
    user opening a new file does: caches cleared, and nothing left alive from the run
    before (a previous brief would make the garbage collector's work, part of the import,
    look larger than it is)."""
    best = float("inf")
    result: T | None = None
    for _ in range(runs):
        result = None
        clear_caches()
        gc.collect()
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    assert result is not None
    return best, result


# Runs one command and prints its wall time and peak resident memory.  A launcher of its
# own, started fresh, because Linux keeps a process's peak across exec: a child started
# straight from this bench would report this process's peak (the briefs it holds) as its own.
_LAUNCHER = """
import os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_cli(args: list[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of one ``briefing-app`` run."""
    result = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *CLI, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed, peak, status = result.stdout.split()
    if int(status) != 0:
        raise RuntimeError(f"briefing-app {' '.join(args)} exited {status}")
    return float(elapsed), int(peak)


def cli_import(runs: int, source: Path, output: Path) -> tuple[float, float, int]:
    """Best CLI import time, best CLI start time (``schema``), peak RSS of the import."""
    start_s = min(run_cli(["schema"])[0] for _ in range(runs))
    timings = [run_cli(["import", str(source), "-o", str(output)]) for _ in range(runs)]
    return min(t for t, _ in timings), start_s, max(rss for _, rss in timings)


def import_and_dump(runs: int, path: Path) -> tuple[float, float, str, tuple[int, int, int]]:
    """Best import and JSON-dump times, the JSON, and the sections, items and links counts;
    the brief itself is not kept, so later timings start with nothing alive."""
    import_s, brief = best_of(runs, lambda: import_path(path))
    dump_s, payload = best_of(runs, lambda: brief.model_dump_json(indent=2) + "\n")
    items = brief.items()
    counts = (len(brief.sections), len(items), sum(len(item.links) for item in items))
    return import_s, dump_s, payload, counts


def import_forked(path: Path) -> Brief:
    """``import_path`` with its stages allowed to run in forked children, as every
    command of the CLI allows them (this bench runs one thread, so they do)."""
    with second_process_allowed():
        return import_path(path)


def python_peak(action: Callable[[], object]) -> int:
    """Peak bytes of Python allocations while ``action`` runs (tracemalloc)."""
    clear_caches()
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def bench(size_mb: float, options: argparse.Namespace, folder: Path) -> bool:
    """Print the figures for one size; True when the CLI import meets the 1 s/MB target."""
    runs = options.runs
    text = generate_article(int(size_mb * 1_048_576), style=options.style)
    path = folder / f"bench-{size_mb:g}mb.txt"
    path.write_text(text, encoding="utf-8")
    saved = folder / f"bench-{size_mb:g}mb.brief.json"
    size = path.stat().st_size

    import_s, dump_s, payload, counts = import_and_dump(runs, path)
    forked_s, _ = best_of(runs, lambda: import_forked(path))
    cli_s, start_s, rss_kib = cli_import(runs, path, saved)
    try:
        reopen_s, again = best_of(runs, lambda: import_path(saved))
        same = again.model_dump_json(indent=2) + "\n" == payload
        del again
        reopen = f"{reopen_s:7.3f} s  (same brief: {same})"
    except BriefInputError as error:
        reopen = f"refused: {error}"
    beyond = cli_s - start_s
    target = TARGET_SECONDS_PER_MB * size / 1_048_576
    verdict = "ok" if beyond <= target else f"SLOW (target {target:.2f} s)"
    print(f"size {size / 1_048_576:.2f} MB ({size:,} bytes), {len(text):,} characters")
    print(f"  sections {counts[0]}, items {counts[1]:,}, links {counts[2]:,}")
    print(f"  import (in-process)      {import_s:7.3f} s  (one process, as the window imports)")
    print(f"  import (in-process)      {forked_s:7.3f} s  (stages forked, as the CLI imports)")
    print(f"  import beyond CLI start  {beyond:7.3f} s  {verdict}")
    print(f"    (CLI import {cli_s:.3f} s, CLI start {start_s:.3f} s)")
    print(f"  model_dump_json          {dump_s:7.3f} s  ({len(payload) / 1_048_576:.1f} MB JSON)")
    print(f"  re-open JSON             {reopen}")
    print(f"  peak RSS, CLI import     {rss_kib / 1024:7.1f} MiB")
    if options.tracemalloc:
        peak = python_peak(lambda: import_path(path))
        print(f"  peak Python allocations  {peak / 1_048_576:7.1f} MiB (tracemalloc)")
    return beyond <= target


def main(argv: list[str] | None = None) -> int:
    """Print the figures for each size asked for; exit status 1 when a size misses 1 s/MB."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size-mb",
        type=float,
        nargs="+",
        default=[1.0, 2.0, 4.0, 10.0],
        help="article sizes to generate, in MB (default: 1 2 4 10)",
    )
    parser.add_argument("--runs", type=int, default=3, help="timings per figure; best is kept")
    parser.add_argument(
        "--style",
        choices=("realistic", "unique"),
        default="realistic",
        help="realistic: facts, people and phrases restated (default); unique: figures "
        "never repeat (the original bench article)",
    )
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also report peak Python allocations"
    )
    options = parser.parse_args(argv)
    import briefing_app

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, {options.style} article, "
          f"best of {options.runs}, briefing_app from {Path(briefing_app.__file__).parent}")
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        results = [bench(size, options, Path(folder)) for size in options.size_mb]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
