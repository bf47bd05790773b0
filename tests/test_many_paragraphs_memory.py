"""An article of many tiny paragraphs imports without memory growing out of proportion.

Why: every paragraph becomes an item, so a file of one-word paragraphs has the most items
per byte, and what an import keeps per item decides whether a 2 MB file fits in memory at
all (200,000 of them once peaked at 470 MiB).  The user's measure is the CLI's peak resident
memory, so that is what is checked: ``briefing-app import`` in a child process, its peak
from the kernel, less the peak of ``briefing-app schema`` (the same start-up, no article).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PARAGRAPHS = 40_000
# Measured on this code: 0.9 KB per paragraph above start-up.  Before items and selectors
# became slotted objects (no __dict__, no copied selector context) 1.4 KB; before items
# shared their empty lists and the builder stopped copying blocks and building statements
# for paragraphs that attribute nothing, 2.3 KB.
BUDGET_KIB_PER_PARAGRAPH = 1.1
# Runs one command and prints its peak resident memory (KiB).  A launcher of its own, fresh:
# Linux carries a process's peak across exec, so a child of the test process would report
# the test process's peak too.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _peak_kib(*args: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, sys.executable, "-m", "briefing_app", *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    peak, status = result.stdout.split()
    assert status == "0", f"briefing-app {' '.join(args)} exited {status}"
    return int(peak)


def test_tiny_paragraphs_cost_little_memory_each(tmp_path: Path) -> None:
    article = tmp_path / "tiny.txt"
    article.write_text("Title\n\n" + "".join(f"p{n}.\n\n" for n in range(PARAGRAPHS)))
    output = tmp_path / "tiny.brief.json"

    start_kib = _peak_kib("schema")
    import_kib = _peak_kib("import", str(article), "-o", str(output))

    per_paragraph = (import_kib - start_kib) / PARAGRAPHS
    assert output.stat().st_size > 0
    assert per_paragraph <= BUDGET_KIB_PER_PARAGRAPH, (
        f"{per_paragraph:.2f} KiB per paragraph above start-up "
        f"(import {import_kib / 1024:.0f} MiB, start {start_kib / 1024:.0f} MiB)"
    )
