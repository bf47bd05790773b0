"""Print when each stage of one command-line import starts and ends, in the parent process.

Why: the command line runs some stages of a long import in forked children
(``core.second_process``), so the import's time is the parent's path through its stages and
its waits for the children, not the sum of the stages.  This shows that path: where the
parent works, where it waits for a child and for how long, and what is left after the
work (writing, fsync, exit), so the next change can aim at the longest part; and the
parent's resident memory at each mark, to find the stage where it peaks.

How: ``briefing-app import ARTICLE -o OUT`` is run through ``main()`` in a fresh process, with
the parent's stages wrapped to note the time (seconds since that process started); forking
is as the command line does it, or turned off with ``--one-process``.  The article is the
generated newsroom article of ``bench_import.py``.

Run: ``.venv/bin/python bench/bench_import_timeline.py --size-mb 1 [--one-process]``.
Writes only to a temporary directory.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsroom_articles import generate_article

# Runs in the fresh process: wraps the stages, runs the import, prints the marks.
_TIMED_IMPORT = """
import time
started = time.perf_counter()
import os, sys
marks = []

def resident():
    # this process's resident memory now and at its peak so far (MiB), from the kernel
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return [int(fields[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM")]

def mark(name):
    marks.append((name, time.perf_counter() - started, *resident()))

def timed(owner, name, label):
    work = getattr(owner, name)
    def wrapper(*args, **kwargs):
        mark(label + " starts")
        try:
            return work(*args, **kwargs)
        finally:
            mark(label + " ends")
    setattr(owner, name, wrapper)

import briefing_app.core.second_process as second_process
if sys.argv[3] == "one-process":
    second_process.worth_a_second_process = lambda article_chars: False
from briefing_app.cli import main
mark("command line loaded")
import briefing_app.core.builder as builder
import briefing_app.core.export.brief_json as brief_json
import briefing_app.core.importer as importer
timed(builder, "TextIndex", "text index")
timed(builder, "_finish_section", "a section's items")
timed(second_process.Beside, "result", "a stage's result (waited for, or made here)")
timed(importer, "link_brief", "linking")
import briefing_app.core.linking.linker as linker
timed(linker, "_give_links", "links chosen and made for half of the items")
timed(brief_json, "write_brief_json", "writing the brief")
status = main(["import", sys.argv[1], "-o", sys.argv[2]])
mark("command done")
print("seconds  MiB now  peak  stage")
for name, at, now, peak in marks:
    print(f"{at:7.3f}  {now:7.1f} {peak:5.0f}  {name}")
print(f"status {status}")
"""


def main() -> int:
    """Generate the article, run one timed import, print its marks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0, help="article size (default 1)")
    parser.add_argument(
        "--one-process", action="store_true", help="turn forking off, as the window imports"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-timeline-") as folder:
        article = Path(folder) / "article.txt"
        article.write_text(generate_article(int(options.size_mb * 1_048_576)), encoding="utf-8")
        mode = "one-process" if options.one_process else "forked"
        result = subprocess.run(
            [sys.executable, "-c", _TIMED_IMPORT, str(article), str(Path(folder) / "out.json"),
             mode],
            capture_output=True, text=True, check=False,
        )
    print(f"{options.size_mb:g} MB newsroom article, {mode}; seconds since the process started,")
    print("and the parent's resident memory then and its peak so far (Linux's /proc)")
    print(result.stdout, end="")
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
