"""Benchmark the window on hostile line lengths: ``briefing-app screenshot`` of briefs holding
one enormous unbreakable word, or an enormous title.

Why these cases: Qt lays a paragraph out whole, and its usual wrap mode looks for the end of
a word before breaking each line, so one long word made the window quadratic (a 400k-char
word took 17 s, 2 MB never finished), and a 15 MB title took minutes and most of a GB to
show one line.  A screenshot runs the whole path a user waits on — import, present, lay out,
paint — headless, so it times what a user sees.  Per case the bench prints the wall time and
the peak resident memory of the command (from the kernel, ``wait4``, asked by a fresh
launcher process: Linux carries a process's peak across exec, so a child of this bench would
report the bench's own).

Cases (generated in a temporary directory; nothing else is written):

* ``word``: a ``.txt`` brief whose body is one word of N characters between two short
  paragraphs (it also becomes a card, so cards are measured too);
* ``title``: a ``.md`` brief whose ``#`` heading, the title, is one word of N characters;
* ``title-words``: the same with a title of N characters of ordinary words.

Run: ``.venv/bin/python bench/bench_long_lines.py`` (0.4 and 2 MB words, 2 and 15 MB titles,
a 2 MB title of words), or e.g. ``--case word:4``.  ``--timeout`` (seconds) stops a case that
runs away and reports it as such.  Target: each case a few seconds on a 2-core machine, peak
memory proportional to the input.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CLI = [sys.executable, "-m", "briefing_app"]
DEFAULT_CASES = ["word:0.4", "word:2", "title:2", "title:15", "title-words:2"]

# Runs one command with a time limit; prints wall time, peak RSS (KiB) and exit status.
_LAUNCHER = """
import os, signal, subprocess, sys, time
limit = float(sys.argv[1])
started = time.perf_counter()
child = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
signal.signal(signal.SIGALRM, lambda *_: child.kill())
signal.setitimer(signal.ITIMER_REAL, limit)
_, status, usage = os.wait4(child.pid, 0)
signal.setitimer(signal.ITIMER_REAL, 0)
print(time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def write_case(kind: str, megabytes: float, folder: Path) -> Path:
    """Write one hostile brief of ``kind`` with ``megabytes`` MB of long text; its path."""
    size = int(megabytes * 1_000_000)
    if kind == "word":
        path = folder / f"word-{megabytes}MB.txt"
        text = "Long word\n\n" + "x" * size + "\n\nA normal paragraph follows the word.\n"
    elif kind == "title":
        path = folder / f"title-{megabytes}MB.md"
        text = "# " + "y" * size + "\n\nA normal paragraph.\n\nAnother one.\n"
    elif kind == "title-words":
        path = folder / f"title-words-{megabytes}MB.md"
        text = "# " + ("word " * (size // 5)).strip() + "\n\nA normal paragraph.\n"
    else:
        raise SystemExit(f"error: unknown case {kind!r}; use word, title or title-words")
    path.write_text(text, encoding="utf-8")
    return path


def screenshot(source: Path, out: Path, timeout: float) -> tuple[float, int, int]:
    """Wall time, peak resident memory (KiB) and exit status of one screenshot."""
    result = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, str(timeout), *CLI, "screenshot", str(source),
         "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    elapsed, peak, status = result.stdout.split()
    return float(elapsed), int(peak), int(status)


def main() -> None:
    """Run the cases and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", action="append", help="kind:MB, e.g. word:2 (repeatable)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per case")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    print(f"{'case':<22}{'input':>10}{'time':>12}{'peak RSS':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for case in args.case or DEFAULT_CASES:
            kind, _, size = case.partition(":")
            source = write_case(kind, float(size or 1), folder)
            elapsed, peak, status = screenshot(source, folder / "shot.png", args.timeout)
            megabytes = source.stat().st_size / 1e6
            if status < 0:
                shown = f">{args.timeout:.0f} s (killed)"
            elif status:
                shown = f"exit {status}"
            else:
                shown = f"{elapsed:.1f} s"
            print(f"{case:<22}{megabytes:>8.1f}MB{shown:>12}{peak / 1024:>9.0f} MiB", flush=True)
            source.unlink()


if __name__ == "__main__":
    main()
