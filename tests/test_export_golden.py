"""Golden files: each bundled sample exported as Markdown, HTML and W3C with a fixed set of
annotations (fixed ids and time stamps), compared byte for byte with tests/golden/.

Why: the exports are file formats people keep in vaults and other tools; any change to what
they contain must be a decision, seen in a diff of the golden files.  After a deliberate
change, regenerate them and review the diff:

    BRIEFING_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_app.core.export.export_job import ExportJob
from briefing_app.core.export.html import render_html
from briefing_app.core.export.markdown import render_markdown
from briefing_app.core.export.w3c import render_w3c
from briefing_app.core.importer import import_path
from tests.conftest import SAMPLES
from tests.export_support import job_for

GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("BRIEFING_REGENERATE_GOLDEN") == "1"
RENDERERS: dict[str, tuple[str, Callable[[ExportJob], str]]] = {
    "md": (".md", render_markdown),
    "html": (".html", render_html),
    "w3c": (".jsonld", render_w3c),
}
SAMPLE_FILES = sorted(path for path in SAMPLES.iterdir()
                      if path.suffix in (".txt", ".md"))


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: path.name)
def test_export_matches_its_golden_file(sample: Path, fmt: str) -> None:
    suffix, render = RENDERERS[fmt]
    output = render(job_for(import_path(sample)))
    golden = GOLDEN / f"{sample.stem}{suffix}"
    if REGENERATE:
        golden.write_bytes(output.encode("utf-8"))
    assert golden.exists(), f"no golden file {golden.name}: regenerate (see the docstring)"
    expected = golden.read_bytes().decode("utf-8")
    assert output == expected, f"{golden.name} differs: review, then regenerate if intended"


def test_every_golden_file_belongs_to_a_sample_and_format() -> None:
    wanted = {f"{sample.stem}{suffix}" for sample in SAMPLE_FILES
              for suffix, _ in RENDERERS.values()}
    assert {path.name for path in GOLDEN.iterdir()} == wanted
