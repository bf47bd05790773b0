"""Benchmark importing 2 MB articles of many different shapes, through the CLI.

Why: the memory target (at most 250 MiB peak) and linear time hold for *any* input up to
2 MB, not only for the newsroom article the other benches generate.  Each shape here
stresses one part of the pipeline to its extreme: the most items per byte, the most
sections, the most quotes and speakers, the most figures to link, runs with no break at
all.  Per shape: ``briefing-app import FILE -o OUT`` run by a small launcher that reports
the child's wall time and its peak resident memory from the kernel (``wait4``): a child of
this bench would report this process's own peak as well, which Linux carries across exec.
Also its exit status (2 is a refusal with an ``error:`` line, a fine answer to some).

Run: ``.venv/bin/python bench/bench_input_shapes.py`` (every shape at 2 MB, once), or e.g.
``--shape tiny-paragraphs --size-mb 0.5 1 2 --runs 3`` (the fuzz campaign's case: 200,000
paragraphs of ``p123.`` took 1 GB).  Writes only to a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
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


def _repeat(make: Callable[[int], str], size: int, head: str = "Title\n\n") -> str:
    """``head`` then ``make(0)``, ``make(1)``, … until ``size`` bytes of UTF-8."""
    parts, total, number = [head], len(head.encode()), 0
    while total < size:
        piece = make(number)
        parts.append(piece)
        total += len(piece.encode())
        number += 1
    return "".join(parts)


SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "tiny-paragraphs": ("txt", lambda size: _repeat(lambda n: f"p{n}.\n\n", size)),
    "one-line-each": ("txt", lambda size: _repeat(lambda n: f"Line {n} ends here.\n", size)),
    "one-paragraph": ("txt", lambda size: _repeat(lambda n: f"Point {n} is made. ", size)),
    "bullets": ("txt", lambda size: _repeat(lambda n: f"- item {n}\n", size)),
    "headings": ("md", lambda size: _repeat(
        lambda n: f"## Part {n}\n\nText of part {n}.\n\n", size, "# Title\n\n")),
    "quotes": ("txt", lambda size: _repeat(
        lambda n: f"\u201cWe will open gate {n},\u201d said Ana Ruiz{n % 50}, the harbour "
                  f"master.\n\n", size)),
    "figures": ("txt", lambda size: _repeat(
        lambda n: f"The {n % 90 + 10} buses cost ${n % 7 + 1}.{n % 10}m in {2000 + n % 25}."
                  f"\n\n", size)),
    "md-bullets": ("md", lambda size: _repeat(lambda n: f"- item {n}\n", size, "# T\n\n")),
    "md-numbered": ("md", lambda size: _repeat(
        lambda n: f"{n + 1}. item {n}\n", size, "# T\n\n")),
    "md-table": ("md", lambda size: _repeat(
        lambda n: f"| {n} | v{n} |\n", size, "# T\n\n| a | b |\n|---|---|\n")),
    "md-nested": ("md", lambda size: _repeat(
        lambda n: f"  - sub item {n}\n", size, "# T\n\n- top\n")),
    "md-nested-deep": ("md", lambda size: _repeat(
        lambda n: f"    - sub item {n}\n", size, "# T\n\n1. top\n")),
    "md-quoted-list": ("md", lambda size: _repeat(
        lambda n: f"> - quoted item {n}\n", size, "# T\n\n")),
    "md-emphasis": ("md", lambda size: _repeat(lambda n: "*a* **b** `c` _d_ ", size, "# T\n\n")),
    "capitals": ("txt", lambda size: "A" * size),
    "one-word": ("txt", lambda size: "word" * (size // 4)),
    "punctuation": ("txt", lambda size: _repeat(lambda n: "\u201c.\u201d, \u2014 ", size)),
}


def run_cli(args: list[str]) -> tuple[float, int, int]:
    """Wall time (s), peak resident memory (KiB) and exit status of one CLI run."""
    result = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *CLI, *args], capture_output=True, text=True, check=True
    )
    elapsed, peak, status = result.stdout.split()
    return float(elapsed), int(peak), int(status)


def bench(name: str, size_mb: float, runs: int, folder: Path) -> bool:
    """Print one shape's figures at one size (best time and largest peak of ``runs``, with
    seconds per MB, so linear growth is easy to see); True when the peak is within the
    target."""
    suffix, make = SHAPES[name]
    source = folder / f"{name}.{suffix}"
    source.write_text(make(int(size_mb * 1_048_576)), encoding="utf-8")
    output = folder / "out.json"
    timings = [run_cli(["import", str(source), "-o", str(output)]) for _ in range(runs)]
    seconds = min(elapsed for elapsed, _, _ in timings)
    peak_mib = max(peak for _, peak, _ in timings) / 1024
    statuses = ",".join(sorted({str(status) for _, _, status in timings}))
    size = source.stat().st_size / 1_048_576
    verdict = "ok" if peak_mib <= TARGET_PEAK_MIB else f"OVER {TARGET_PEAK_MIB:g} MiB"
    print(f"{name:16} {size:5.2f} MB  exit {statuses}  {seconds:6.2f} s "
          f"({seconds / size:5.2f} s/MB)  peak RSS {peak_mib:6.1f} MiB  {verdict}", flush=True)
    return peak_mib <= TARGET_PEAK_MIB


def main(argv: list[str] | None = None) -> int:
    """Print the figures for each shape; exit status 1 when a peak is over the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, nargs="+", default=[2.0],
                        help="article sizes in MB (default: 2)")
    parser.add_argument("--shape", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--runs", type=int, default=1, help="runs per size; best time kept")
    options = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, best of {options.runs}, "
          f"CLI: {' '.join(CLI)} import FILE -o OUT")
    with tempfile.TemporaryDirectory(prefix="briefing-shapes-") as folder:
        results = [
            bench(name, size, options.runs, Path(folder))
            for name in options.shape
            for size in options.size_mb
        ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
