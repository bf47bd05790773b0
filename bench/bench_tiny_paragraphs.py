"""Benchmark importing an article made of many tiny paragraphs, through the CLI.

Why this shape: every paragraph becomes an item with its own anchors, so an article of
one-word paragraphs has the most items per megabyte any text can have, and whatever an
import spends per item (objects, scans, copies) shows here first.  A fuzz campaign found
200,000 paragraphs of ``p123.`` (1.9 MB) taking 20 s and 470 MB; the targets are at most
250 MiB peak for any input up to 2 MB, and time that grows linearly with size.

Per size: ``briefing-app import FILE -o OUT`` run by a small launcher that reports the
child's wall time and its peak resident memory from the kernel (``wait4``): a child of this
bench would report this process's own peak as well, which Linux carries across exec.  The
best time and the largest peak of ``--runs`` runs are printed, with seconds per MB so
linear growth is easy to see.

Run: ``.venv/bin/python bench/bench_tiny_paragraphs.py`` (0.5, 1 and 2 MB) or
``--size-mb 2 --runs 1``.  Writes only to a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CLI = [sys.executable, "-m", "briefing_app"]
TARGET_PEAK_MIB = 250.0
_LAUNCHER = """
import os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def tiny_paragraphs(size_bytes: int) -> str:
    """A title, then ``p0.``, ``p1.``, … one per paragraph, up to ``size_bytes`` (UTF-8)."""
    parts = ["Title\n\n"]
    total = len(parts[0])
    number = 0
    while total < size_bytes:
        paragraph = f"p{number}.\n\n"
        parts.append(paragraph)
        total += len(paragraph)
        number += 1
    return "".join(parts)


def run_cli(args: list[str]) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (KiB) of one ``briefing-app`` run."""
    result = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *CLI, *args], capture_output=True, text=True, check=True
    )
    elapsed, peak, status = result.stdout.split()
    if int(status) != 0:
        raise RuntimeError(f"briefing-app {' '.join(args)} exited {status}")
    return float(elapsed), int(peak)


def bench(size_mb: float, runs: int, folder: Path) -> bool:
    """Print one size's figures; True when its peak is within the target."""
    text = tiny_paragraphs(int(size_mb * 1_048_576))
    source = folder / f"tiny-{size_mb:g}mb.txt"
    source.write_text(text, encoding="utf-8")
    output = folder / f"tiny-{size_mb:g}mb.brief.json"
    timings = [run_cli(["import", str(source), "-o", str(output)]) for _ in range(runs)]
    best = min(seconds for seconds, _ in timings)
    peak_mib = max(kib for _, kib in timings) / 1024
    size = source.stat().st_size / 1_048_576
    paragraphs = text.count("\n\n") - 1
    verdict = "ok" if peak_mib <= TARGET_PEAK_MIB else f"OVER {TARGET_PEAK_MIB:g} MiB"
    print(
        f"{size:5.2f} MB  {paragraphs:8,} paragraphs  {best:6.2f} s  ({best / size:5.2f} s/MB)"
        f"  peak RSS {peak_mib:6.1f} MiB  {verdict}"
    )
    return peak_mib <= TARGET_PEAK_MIB


def main(argv: list[str] | None = None) -> int:
    """Print the figures for each size; exit status 1 when a peak is over the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size-mb", type=float, nargs="+", default=[0.5, 1.0, 2.0],
        help="article sizes in MB (default: 0.5 1 2)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per size; best time kept")
    options = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, best of {options.runs}, "
          f"CLI: {' '.join(CLI)} import FILE -o OUT")
    with tempfile.TemporaryDirectory(prefix="briefing-tiny-") as folder:
        results = [bench(size, options.runs, Path(folder)) for size in options.size_mb]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
