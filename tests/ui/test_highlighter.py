"""The highlighter re-runs only the paragraphs that changed, visible ones first."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from briefing_app.core.linking.span_index import SpanIndex
from briefing_app.core.model import Brief
from briefing_app.ui.offsets import OffsetMap
from briefing_app.ui.reader.widgets.highlighter import EvidenceHighlighter
from briefing_app.ui.themes import LIGHT


def _setup(qtbot, brief: Brief, paragraphs_visible: tuple[int, int] = (0, 3)):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = EvidenceHighlighter(editor.document())
    highlighter.visible_blocks = lambda: paragraphs_visible
    text = brief.article.text
    highlighter.set_article(OffsetMap(text), SpanIndex(brief), {"Background": "other"})
    editor.setPlainText(text)
    return editor, highlighter


def _backgrounds(editor: QPlainTextEdit, number: int) -> set[str]:
    block = editor.document().findBlockByNumber(number)
    return {r.format.background().color().name().upper() for r in block.layout().formats()}


def test_selection_rehighlights_only_touched_paragraphs(qtbot, brief: Brief) -> None:
    editor, highlighter = _setup(qtbot, brief)
    calls: list[int] = []
    original = highlighter.rehighlightBlock
    highlighter.rehighlightBlock = lambda block: (calls.append(block.blockNumber()),
                                                  original(block))
    own = brief.items()[0].source
    highlighter.set_item_spans([(own.start, own.end)], [], None)
    assert calls == [0]
    assert LIGHT.own_span.upper() in _backgrounds(editor, 0)
    calls.clear()
    highlighter.set_item_spans([], [], None)
    assert calls == [0] and _backgrounds(editor, 0) == set()


def test_many_paragraphs_go_visible_first_then_in_background(qtbot, brief: Brief) -> None:
    editor, highlighter = _setup(qtbot, brief)
    highlighter.sync_blocks = 8
    highlighter.set_find_matches([(m, m + 6) for m in
                                  [i for i in range(len(brief.article.text))
                                   if brief.article.text.startswith("Filler", i)]], None)
    assert highlighter.pending > 0
    last = editor.document().blockCount() - 10
    filler_block = next(
        n for n in range(last, 0, -1)
        if editor.document().findBlockByNumber(n).text().startswith("Filler")
    )
    assert _backgrounds(editor, filler_block) == set()  # not yet
    qtbot.waitUntil(lambda: highlighter.pending == 0, timeout=3000)
    assert LIGHT.find_match.upper() in _backgrounds(editor, filler_block)


def test_headings_are_set_in_their_section_colour(qtbot, brief: Brief) -> None:
    editor, _highlighter = _setup(qtbot, brief)
    number = next(n for n in range(editor.document().blockCount())
                  if editor.document().findBlockByNumber(n).text() == "Background")
    formats = editor.document().findBlockByNumber(number).layout().formats()
    assert formats and formats[0].format.fontWeight() > 500
    assert formats[0].format.foreground().color() == LIGHT.section_color("other")
