"""Code points ↔ UTF-16: the one conversion at the Qt boundary, checked with astral text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.ui.offsets import OffsetMap, utf16_length


def test_identity_without_astral_characters() -> None:
    offsets = OffsetMap("plain text, é and ñ are in the BMP")
    assert offsets.is_identity
    assert offsets.to_utf16(7) == 7
    assert offsets.to_code_point(7) == 7


def test_emoji_shift_positions_by_one_unit_each() -> None:
    text = "a🚢b🚢🚢c"
    offsets = OffsetMap(text)
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2 == 9
    assert [offsets.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    assert offsets.to_code_point(8) == text.index("c")
    assert offsets.to_code_point(2) == 1  # inside the first emoji's surrogate pair
    assert offsets.to_code_point(7) == 4  # inside the third emoji


def test_clamping() -> None:
    offsets = OffsetMap("x🚢")
    assert offsets.to_utf16(-5) == 0
    assert offsets.to_utf16(99) == 3
    assert offsets.to_code_point(99) == 2


@given(st.text(alphabet=st.sampled_from("ab 🚢𝔸\n€"), max_size=40))
def test_round_trip_and_agreement_with_utf16_encoding(text: str) -> None:
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        u = offsets.to_utf16(i)
        assert u == len(text[:i].encode("utf-16-le")) // 2
        assert offsets.to_code_point(u) == i


def test_text_for_qt_keeps_one_unit_per_code_point(qtbot) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from briefing_app.ui.offsets import qt_safe_text

    text = "crlf\r\nlone \ud800 surrogate 🚢 end"
    safe = qt_safe_text(text)
    assert len(safe) == len(text)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(safe)
    assert editor.document().characterCount() - 1 == OffsetMap(text).utf16_length
