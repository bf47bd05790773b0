"""``briefing-app notes PATH``: what a user sees of a brief's annotations from a terminal."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from briefing_app.core.annotations import ClaimStatus, HighlightColour
from briefing_app.core.store import Store, annotate_item, annotate_text, database_path
from tests.conftest import Run
from tests.store_support import (
    REPO,
    SAMPLE_TEXT,
    edited,
    highlighted_article,
    span_of,
    write_article,
)

TITLE = "Why this dock strike could raise winter prices"


def _annotate(article: Path) -> None:
    brief = write_article(article)
    text = brief.article.text
    demand = next(item for item in brief.items() if item.text.startswith("The union wants"))
    with Store.open() as store:
        document = store.open_document(brief, article)
        store.add(annotate_text(
            document.id, text, *span_of(text, "$38 million a day, a figure that has not been "
                                        "independently confirmed"),
            colour=HighlightColour.CONTESTED, tags=["cost", "unconfirmed"],
            note="Whose estimate?\nAsk the freight council.",
        ))
        store.add(annotate_text(
            document.id, text, *span_of(text, "The last strike at Carrowmore, in 2011"),
            colour=HighlightColour.BACKGROUND,
        ))
        store.add(annotate_item(document.id, brief, demand.id, status=ClaimStatus.VERIFIED,
                                note="matches the union's letter"))


def test_an_article_never_annotated_has_no_annotations(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    result = cli("notes", article)
    assert (result.status, result.out, result.err) == (0, "no annotations\n", "")
    assert not database_path().exists()  # listing created no library
    with Store.open():
        pass
    assert cli("notes", article).out == "no annotations\n"


def test_notes_lists_each_annotation_in_reading_order(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    _annotate(article)
    result = cli("notes", article)
    assert result.status == 0 and result.err == ""
    assert result.out == (
        f"{TITLE}: 3 annotations\n"
        "\n"
        "Contested · exact\n"
        "  “$38 million a day, a figure that has not been independently confirmed”\n"
        "  tags: cost, unconfirmed\n"
        "  note: Whose estimate?\n"
        "        Ask the freight council.\n"
        "\n"
        "Verified · What To Know item · exact\n"
        "  “The union wants a 6% raise in each of the next three years. The authority’s…”\n"
        "  note: matches the union's letter\n"
        "\n"
        "Background · exact\n"
        "  “The last strike at Carrowmore, in 2011”\n"
    )


def test_notes_after_an_edit_say_how_each_was_placed(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    _annotate(article)
    article.write_text(edited(
        SAMPLE_TEXT,
        ("a figure that has not been independently confirmed", "a figure nobody has checked"),
        ("The union wants a 6% raise", "The union wants a 7% raise"),
        ("Dockworkers at the Port", "Early on Thursday, dockworkers at the Port"),
    ), encoding="utf-8")
    out = cli("notes", article).out
    assert "Contested · orphan (not found: the closest text" in out
    assert "  was: “$38 million a day, a figure that has not been independently" in out
    assert "Verified · What To Know item · fuzzy (text changed, match 0.9" in out
    assert "  “The union wants a 7% raise" in out
    assert "Background · moved\n" in out
    assert out.index("Verified") < out.index("Background") < out.index("Contested")  # orphans last


def test_notes_escapes_control_characters_from_notes_and_tags(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    highlighted_article(article, "Gate 4 stretched", HighlightColour.QUESTION,
                        tags=["\x1b[31mred"], note="fine\x1b]0;owned\x07\rerror: forged")
    out = cli("notes", article).out
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "  tags: \\x1b[31mred\n" in out
    # A line break in a note continues the note, indented: it can never pass for a line of
    # its own (an ``error:`` line, another annotation).
    assert "  note: fine\\x1b]0;owned\\x07\n        error: forged\n" in out


def test_notes_errors_are_one_line_with_status_2(cli: Run, tmp_path: Path) -> None:
    missing = cli("notes", tmp_path / "nope.txt")
    assert missing.status == 2 and missing.out == ""
    assert missing.err == f"error: {tmp_path / 'nope.txt'}: no such file\n"
    usage = cli("notes")
    assert usage.status == 2
    assert usage.err == "error: notes: the following arguments are required: path\n"

    article = tmp_path / "strike.txt"
    _annotate(article)
    connection = sqlite3.connect(database_path())
    connection.execute("PRAGMA user_version = 42")
    connection.close()
    newer = cli("notes", article)
    assert newer.status == 2 and newer.out == ""
    assert newer.err == (
        "error: cannot open the library: it was written by a newer version of the app "
        f"(schema 42; this version knows 1) ({database_path()})\n"
    )


def test_notes_on_a_damaged_library_says_where_it_went(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    database_path().parent.mkdir(parents=True)
    database_path().write_bytes(b"\x00garbage" * 1000)
    result = cli("notes", article)
    assert result.status == 0 and result.out == "no annotations\n"
    moved = next(database_path().parent.glob("library.corrupt-*.sqlite3"))
    assert result.err.startswith("warning: the library database was damaged")
    assert f"it was moved to {moved} and a new, empty library was started" in result.err


def test_notes_runs_without_loading_qt(tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    write_article(article)
    code = (
        "import sys\n"
        "from briefing_app.cli import main\n"
        f"assert main(['notes', {str(article)!r}]) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "no annotations\n"


def test_an_annotation_link_opens_its_brief_at_that_annotation(
    cli: Run, tmp_path: Path, monkeypatch
) -> None:
    from briefing_app.core.annotations import annotation_link
    from briefing_app.ui import app as window_app

    article = tmp_path / "strike.txt"
    _annotate(article)
    with Store.open() as store:
        (document,) = store.library()
        first = store.annotations(document.id)[0]
    opened: list[tuple[Path | None, str | None]] = []
    monkeypatch.setattr(window_app, "run_app", lambda path, ident=None: opened.append(
        (path, ident)) or 0)
    assert cli(annotation_link(first.id)).status == 0
    assert opened == [(article.resolve(), first.id)]
    missing = cli(annotation_link("0" * 32))
    assert missing.status == 2
    assert missing.err.endswith("no such annotation in the library\n")
    assert cli("briefing-reader://annotation/../../etc").status == 2
