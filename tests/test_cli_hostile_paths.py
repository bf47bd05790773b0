"""Output paths that would lose the user's data or hang: refused with one ``error:`` line.

Why separate from test_cli.py: these are the fuzz campaign's data-loss findings (an import or
screenshot written over its own article, through a relative path, a symbolic or hard link;
a FIFO with no reader), each kept as a test so no later command can bring them back.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.test_cli import SAMPLE, assert_one_error_line, read_brief

ARTICLE = SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    folder = tmp_path / "dir"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _spellings(article: Path) -> dict[str, Path]:
    """Ways of naming the article's own file."""
    root = article.parent.parent
    (root / "other").mkdir(exist_ok=True)
    (root / "link.txt").symlink_to(article)
    os.link(article, root / "hard.txt")
    return {
        "the same path": article,
        "through ./../dir": root / "other" / ".." / "dir" / "a.txt",
        "a symbolic link to it": root / "link.txt",
        "a hard link to it": root / "hard.txt",
    }


@pytest.mark.parametrize("command", ["import", "screenshot"])
def test_an_output_onto_the_input_file_is_refused_and_the_article_kept(
    cli: Run, article: Path, command: str
) -> None:
    for how, target in _spellings(article).items():
        option = "-o" if command == "import" else "--out"
        result = cli(command, article, option, target, "--force")
        line = assert_one_error_line(result, target)
        assert "is the input file" in line, (how, line)
        assert article.read_text(encoding="utf-8") == ARTICLE, how
    leftovers = sorted(p.name for p in article.parent.iterdir())
    assert leftovers == ["a.txt"]  # no temporary or partial file either


def test_writing_onto_a_symbolic_link_needs_force(cli: Run, article: Path, out_dir: Path) -> None:
    kept = out_dir / "kept.json"
    kept.write_text("my earlier brief", encoding="utf-8")
    link = out_dir / "latest.json"
    link.symlink_to(kept)
    refused = cli("import", article, "-o", link)
    line = assert_one_error_line(refused, link)
    assert line.endswith("is a symbolic link; give --force to replace the file it points to")
    assert kept.read_text(encoding="utf-8") == "my earlier brief"
    forced = cli("import", article, "-o", link, "--force")
    assert forced.status == 0, forced.err
    assert link.is_symlink() and read_brief(kept).title  # the link kept, its file replaced


def test_a_fifo_output_is_refused_instead_of_waiting_for_a_reader(
    cli: Run, article: Path, out_dir: Path
) -> None:
    fifo = out_dir / "pipe.json"
    os.mkfifo(fifo)
    for command, option in (("import", "-o"), ("screenshot", "--out")):
        result = cli(command, article, option, fifo)
        line = assert_one_error_line(result, fifo)
        assert "is not a regular file" in line


def test_an_output_is_checked_before_the_import_runs(
    cli: Run, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core import importer

    def no_import(path: Path) -> None:
        raise AssertionError("the article was imported before its output was refused")

    monkeypatch.setattr(importer, "import_path", no_import)
    result = cli("import", article, "-o", article)
    assert "is the input file" in assert_one_error_line(result, article)
