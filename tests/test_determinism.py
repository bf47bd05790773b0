"""The same file always imports to the same bytes, whatever Python's string hashing seed.

Why a test of its own: sets and dicts keyed by strings iterate in an order that changes with
``PYTHONHASHSEED`` from one run to the next.  If the linker let that order decide anything
(which of two equally strong speakers a link names, which of two tied links comes first),
the same article would produce different briefs on different runs, and a saved brief would
never compare equal to a fresh import.  Each seed runs ``briefing-app import`` in its own
interpreter, because the seed is fixed when the interpreter starts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES = [
    *sorted((REPO / "samples").glob("*.txt")),
    *sorted((REPO / "samples").glob("*.md")),
    # two speakers reported in one sentence: equal evidence for each of them
    REPO / "tests" / "fixtures" / "two-speakers-one-sentence.txt",
]
IMPORT_ALL = """
import sys
from briefing_app.cli import main
out = sys.argv[1]
for number, path in enumerate(sys.argv[2:]):
    assert main(["import", path, "-o", f"{out}/{number}.brief.json"]) == 0
"""


def import_with_seed(seed: int, folder: Path) -> list[bytes]:
    folder.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, str(folder), *map(str, ARTICLES)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return [(folder / f"{number}.brief.json").read_bytes() for number in range(len(ARTICLES))]


def test_imports_are_byte_identical_under_any_hash_seed(tmp_path: Path) -> None:
    # Seeds 0 and 7 ordered the two speakers of the fixture differently before the fix.
    first, *others = (import_with_seed(seed, tmp_path / str(seed)) for seed in (0, 1, 7))
    for other in others:
        for path, expected, got in zip(ARTICLES, first, other, strict=True):
            assert got == expected, f"{path.name} imported differently under another seed"


def test_the_sample_brief_is_what_import_writes(tmp_path: Path) -> None:
    written = import_with_seed(0, tmp_path / "sample")[
        ARTICLES.index(REPO / "samples" / "harbour-strike.txt")
    ]
    assert written == (REPO / "samples" / "harbour-strike.brief.json").read_bytes()
