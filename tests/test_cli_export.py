"""``briefing-app export``: every format to stdout or a file, existing files replaced only
with --force (a Markdown export between its markers aside), the library only read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.cli.arguments import EXPORT_FORMAT_NAMES
from briefing_app.cli.export import CLI_FORMATS
from briefing_app.core.annotations import Annotation, PlacedAnnotation
from briefing_app.core.model import Brief
from briefing_app.core.store import Store, database_path
from tests.conftest import Run
from tests.export_support import fixed_annotations
from tests.html_support import parse_html
from tests.store_support import SAMPLE_TEXT, edited, write_article


def _annotated(article: Path) -> Brief:
    brief = write_article(article)
    with Store.open() as store:
        document = store.open_document(brief, article)
        for annotation in fixed_annotations(brief):
            store.add(annotation.model_copy(update={"document_id": document.id}))
    return brief


def test_the_grammar_offers_every_format_the_command_writes() -> None:
    # pdf needs Qt's text layout, so its writer is loaded only when asked for
    assert set(EXPORT_FORMAT_NAMES) == set(CLI_FORMATS) | {"pdf"}


@pytest.mark.parametrize(("page", "size_mm"), [("a4", (210, 297)), ("letter", (216, 279))])
def test_the_pdf_handout_has_the_brief_its_notes_and_numbered_pages(
    cli: Run, tmp_path: Path, page: str, size_mm: tuple[int, int]
) -> None:
    from pypdf import PdfReader

    article = tmp_path / "strike.txt"
    brief = _annotated(article)
    out = tmp_path / "handout.pdf"
    result = cli("export", article, "--format", "pdf", "--page", page, "-o", out)
    assert result.status == 0, result.err
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert pages >= 2
    width, height = (float(v) * 25.4 / 72 for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == size_mm
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)  # selectable
    assert brief.title.split()[0] in text
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text
    notes = [a.note for a in fixed_annotations(brief) if a.note]
    assert notes and all(note.split()[0].strip("*") in text for note in notes)


@pytest.mark.parametrize("fmt", ["md", "html", "w3c", "json"])
def test_a_brief_never_annotated_exports_to_stdout_and_creates_no_library(
    cli: Run, tmp_path: Path, fmt: str
) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    result = cli("export", article, "--format", fmt)
    assert result.status == 0 and result.err == "" and result.out
    assert not database_path().exists()


def test_each_format_carries_the_annotations(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    _annotated(article)
    markdown = cli("export", article, "--format", "md").out
    assert "Who says so?" in markdown and "**✓ Verified**" in markdown
    page = parse_html(cli("export", article, "--format", "html").out)
    assert len([m for m in page.find("mark") if "hl" in m.classes]) >= 3
    collection = json.loads(cli("export", article, "--format", "w3c").out)
    assert collection["total"] == 5
    assert json.loads(cli("export", article, "--format", "w3c", "--no-annotations")
                      .out)["total"] == 0


def test_json_is_the_brief_as_import_writes_it_plus_its_annotations(
    cli: Run, tmp_path: Path
) -> None:
    article = tmp_path / "strike.txt"
    _annotated(article)
    imported = json.loads(cli("import", article).out)
    exported = json.loads(cli("export", article, "--format", "json").out)
    assert list(exported) == ["exported", "brief", "annotations"]
    assert exported["brief"] == imported
    placed = [PlacedAnnotation.model_validate(one) for one in exported["annotations"]]
    assert sorted(one.annotation.id for one in placed) == sorted(
        a.id for a in fixed_annotations(Brief.model_validate(imported)))
    assert {one.placement.value for one in placed} == {"exact"}
    bare = json.loads(cli("export", article, "--format", "json", "--no-annotations").out)
    assert bare["annotations"] == []


def test_an_existing_file_is_replaced_only_with_force(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    _annotated(article)
    out = tmp_path / "notes.html"
    out.write_text("keep me", encoding="utf-8")
    refused = cli("export", article, "--format", "html", "-o", out)
    assert refused.status == 2
    assert refused.err == f"error: {out}: already exists; give --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = cli("export", article, "--format", "html", "-o", out, "--force")
    assert forced.status == 0 and forced.err == f"wrote {out}: 5 annotations\n"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_markdown_reexport_keeps_the_readers_edits(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    _annotated(article)
    out = tmp_path / "strike.md"
    assert cli("export", article, "--format", "md", "-o", out).status == 0
    mine = out.read_text(encoding="utf-8") + "\n## My own thoughts\n\nThe union will win.\n"
    out.write_text(mine, encoding="utf-8")
    with Store.open() as store:
        annotation = store.annotations(store.find_document(write_article(article), article)
                                       .id)[1]
        store.update(annotation.id, note="A later note")
    result = cli("export", article, "--format", "md", "-o", out)
    assert result.status == 0
    assert result.err == f"wrote {out}: 5 annotations (the part between the markers replaced)\n"
    again = out.read_text(encoding="utf-8")
    assert again.endswith("\n## My own thoughts\n\nThe union will win.\n")
    assert "A later note" in again


def test_markdown_into_a_file_without_markers_is_refused_unless_forced(
    cli: Run, tmp_path: Path
) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    out = tmp_path / "vault.md"
    out.write_text("# My vault page\n", encoding="utf-8")
    refused = cli("export", article, "--format", "md", "-o", out)
    assert (refused.status, refused.err) == (
        2, f"error: {out}: has no Briefing Reader markers; give --force to replace it\n")
    assert out.read_text(encoding="utf-8") == "# My vault page\n"
    assert cli("export", article, "--format", "md", "-o", out, "--force").status == 0
    assert "<!-- briefing-reader:begin" in out.read_text(encoding="utf-8")


def test_export_never_writes_onto_the_article_or_changes_the_library(
    cli: Run, tmp_path: Path
) -> None:
    article = tmp_path / "strike.txt"
    _annotated(article)
    article.write_text(edited(SAMPLE_TEXT, ("Dockworkers at the Port",
                                            "Early on Thursday, dockworkers at the Port")),
                       encoding="utf-8")
    with Store.open() as store:
        before = {a.id: a for a in store.annotations(store.library()[0].id)}
    result = cli("export", article, "--format", "md", "-o", article, "--force")
    assert result.status == 2 and "is the input file" in result.err
    assert cli("export", article, "--format", "w3c").status == 0
    with Store.open() as store:
        after: dict[str, Annotation] = {
            a.id: a for a in store.annotations(store.library()[0].id)}
    assert after == before  # moved selectors were not rewritten by exporting


def test_a_pdf_goes_to_a_file_not_to_the_terminal(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    result = cli("export", article, "--format", "pdf")
    assert result.status == 2
    assert result.err == "error: export: a pdf handout needs -o FILE\n"


def test_export_and_import_annotations_do_not_load_qt(tmp_path: Path) -> None:
    """Exports run on a machine with no display: neither command loads Qt."""
    from tests.test_architecture import run_python

    collection = tmp_path / "notes.jsonld"
    result = run_python(
        "import sys\n"
        "from briefing_app.cli import main\n"
        "for fmt in ('md', 'html', 'w3c', 'json'):\n"
        "    assert main(['export', 'samples/harbour-strike.txt', '--format', fmt]) == 0\n"
        f"assert main(['export', 'samples/library-budget.md', '--format', 'w3c', '-o', "
        f"{str(collection)!r}]) == 0\n"
        f"assert main(['import-annotations', {str(collection)!r}, "
        "'samples/library-budget.md']) == 0\n"
        "print('Qt modules loaded:', sorted(m for m in sys.modules if m.startswith('PySide6')),"
        " file=sys.stderr)\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Qt modules loaded: []" in result.stderr
