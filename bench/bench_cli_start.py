"""Benchmark what every command-line run pays before and after its work: a small import.

Why: importing the bundled sample takes a few milliseconds of work, so its time from the
command line is the interpreter's start, loading the app's modules (and compiling them, where
no bytecode is cached) and exiting.  Every ``briefing-app`` command pays that, and a large
import's "beyond CLI start" figure holds the import's own share of it.  Prints the median
and the fastest of ``--runs`` runs of ``briefing-app schema`` and of importing the sample.

Run: ``.venv/bin/python bench/bench_cli_start.py --runs 9``.  Writes only to a temporary
directory.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "harbour-strike.txt"


def timed_runs(args: list[str], runs: int) -> list[float]:
    """Seconds each of ``runs`` runs of ``python -m briefing_app ARGS`` took."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "briefing_app", *args],
            cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        timings.append(time.perf_counter() - started)
    return timings


def main() -> int:
    """Print the figures; exit status 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per command")
    options = parser.parse_args()
    cached = any((REPO / "briefing_app" / "core").glob("__pycache__/*.pyc"))
    print(f"Python {sys.version.split()[0]}, app bytecode cached: {cached}, "
          f"median and fastest of {options.runs}")
    with tempfile.TemporaryDirectory() as folder:
        commands = {
            "schema": ["schema"],
            "import sample": ["import", str(SAMPLE), "-o", str(Path(folder) / "out.json")],
        }
        for name, args in commands.items():
            timings = timed_runs(args, options.runs)
            print(f"  {name:14s} {statistics.median(timings):.3f} s  "
                  f"(fastest {min(timings):.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
