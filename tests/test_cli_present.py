"""``briefing-app present PATH --export DECK``: a deck written from a terminal, with the
reader's annotations when the library has them; bad lines are one ``error:`` line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

from briefing_app.core.annotations import ClaimStatus, HighlightColour
from briefing_app.core.store import Store, annotate_item, annotate_text, database_path
from tests.conftest import Run
from tests.store_support import REPO, span_of, write_article

MM_PER_POINT = 25.4 / 72


def test_export_pdf_writes_a_16_9_page_per_slide(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    out = tmp_path / "deck.pdf"
    result = cli("present", article, "--export", out)
    assert result.status == 0 and result.out == ""
    assert result.err == f"wrote {out}: deck of 14 slides\n"
    reader = PdfReader(out)
    assert len(reader.pages) == 14
    box = reader.pages[0].mediabox
    assert round(float(box.width) * MM_PER_POINT) == 254
    assert not database_path().exists()  # exporting made no library


def test_export_pptx_carries_the_readers_marks_and_leaves_the_library_alone(
    cli: Run, tmp_path: Path
) -> None:
    article = tmp_path / "strike.txt"
    brief = write_article(article)
    text = brief.article.text
    demand = next(item for item in brief.items() if item.text.startswith("The union wants"))
    with Store.open() as store:
        document = store.open_document(brief, article)
        store.add(annotate_text(document.id, text, *span_of(text, "$38 million a day, a figure"),
                                colour=HighlightColour.CONTESTED, note="Whose estimate?"))
        store.add(annotate_item(document.id, brief, demand.id, status=ClaimStatus.VERIFIED,
                                note="matches the union's letter"))
        opened = store.document(document.id)
    before = database_path().read_bytes()
    out = tmp_path / "deck.pptx"
    result = cli("present", article, "--export", out, "--aspect", "4:3")
    assert result.status == 0, result.err
    shown = Presentation(str(out))
    titles = [page.shapes.title.text for page in shown.slides]
    assert "Key points" in titles
    key = shown.slides[titles.index("Key points")]
    paragraphs = [p.text for p in key.placeholders[1].text_frame.paragraphs]
    assert paragraphs[0].startswith("\u2716 Contested \u2014 \u201c$38 million a day, a figure")
    assert "Whose estimate?" in paragraphs
    assert any(p.startswith("\u2713 Verified \u2014 The union wants") for p in paragraphs)
    know = shown.slides[titles.index("What To Know (1 of 2)")]
    assert "Your note: matches the union's letter" in know.notes_slide.notes_text_frame.text
    assert shown.slide_width * 3 == shown.slide_height * 4
    assert database_path().read_bytes() == before  # read, never written
    with Store.open(read_only=True) as store:
        assert store.document(document.id) == opened


def test_an_existing_deck_is_replaced_only_with_force(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    out = tmp_path / "deck.pdf"
    out.write_bytes(b"old")
    result = cli("present", article, "--export", out)
    assert (result.status, result.err) == (
        2, f"error: {out}: already exists; give --force to replace it\n")
    assert out.read_bytes() == b"old"
    assert cli("present", article, "--export", out, "--force").status == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_the_handout_is_a_pdf_on_a4(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    out = tmp_path / "handout.pdf"
    result = cli("present", article, "--export", out, "--handout")
    assert result.status == 0 and "handout of 14 slides" in result.err
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width) * MM_PER_POINT), round(float(box.height) * MM_PER_POINT)) == (
        210, 297)


def test_bad_present_lines_are_one_error_line_and_write_nothing(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    cases = [
        (("--export", tmp_path / "deck.docx"), "present: --export must name a .pdf or .pptx"),
        (("--export", tmp_path / "deck.pptx", "--handout"), "--handout is for a .pdf export"),
        (("--handout",), "--handout needs --export DECK.pdf"),
        (("--export", tmp_path / "deck.pdf", "--aspect", "21:9"), "invalid choice: '21:9'"),
    ]
    for extra, message in cases:
        result = cli("present", article, *extra)
        assert result.status == 2, extra
        assert result.err.count("\n") == 1 and result.err.startswith("error: "), result.err
        assert message in result.err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["strike.txt"]


def test_a_pptx_export_runs_without_loading_qt(tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    code = (
        "import sys; from briefing_app.cli import main; "
        f"status = main(['present', {str(article)!r}, '--export', {str(tmp_path / 'd.pptx')!r}]); "
        "print(status, [m for m in sys.modules if m.startswith('PySide6')])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=False)
    assert result.stdout.strip() == "0 []", result.stderr
    assert len(Presentation(io.BytesIO((tmp_path / "d.pptx").read_bytes())).slides) == 14


def test_present_without_export_opens_the_presentation_windows(
    cli: Run, tmp_path: Path, monkeypatch
) -> None:
    from briefing_app.ui import present

    article = tmp_path / "strike.txt"
    write_article(article)
    opened: list[Path] = []
    monkeypatch.setattr(present, "run_presentation", lambda path: opened.append(path) or 0)
    assert cli("present", article).status == 0
    assert opened == [article]
