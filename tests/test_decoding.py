"""Decoding pins down what a character is: every reader and every saved anchor relies on it.

Each case is a shape real newsroom files arrive in (BOMs, Windows-1252 from office tools,
CRLF/CR line ends, decomposed accents) or a file that must be refused with one clear error.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.errors import BriefInputError
from briefing_app.core.readers.decoding import (
    MAX_BRIEF_BYTES,
    MAX_INPUT_BYTES,
    decode_bytes,
    json_bytes_in_reading_form,
    line_and_column,
    normalise_text,
    read_bytes,
)

CURLY = "\u201cIt is \u2018unacceptable\u2019\u201d \u2014 said Okafor, caf\u00e9 owner \u2026"
UNDECODABLE = b"\x81\x8d\x8f\x90\x9d"  # undefined in Windows-1252 and invalid UTF-8


# --- encodings -------------------------------------------------------------------------


def test_utf8_without_bom() -> None:
    assert decode_bytes(CURLY.encode("utf-8")) == CURLY


def test_utf8_with_bom_drops_the_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + CURLY.encode("utf-8")) == CURLY


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    if codec == "utf-16":
        data = CURLY.encode("utf-16")  # native order, with BOM
    else:
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + CURLY.encode(codec)
    assert decode_bytes(data) == CURLY


def test_utf16_with_bom_and_astral_characters() -> None:
    text = "Crowds \U0001f389 cheered at the \U0001d538 terminal."
    assert decode_bytes(text.encode("utf-16")) == text


def test_utf16_fixture_decodes() -> None:
    data = (Path(__file__).parent / "fixtures" / "utf16.txt").read_bytes()
    text = decode_bytes(data)
    assert "\x00" not in text and "\ufeff" not in text
    assert text.startswith("School bus routes redrawn after driver shortage\n\nBy Ravi Menon")


def test_windows_1252_curly_quotes_come_out_right() -> None:
    data = b"\x93It is \x91unacceptable\x92\x94 \x97 said Okafor, caf\xe9 owner \x85"
    assert data == CURLY.encode("cp1252")
    assert decode_bytes(data) == CURLY


def test_windows_1252_fixture_has_no_mojibake() -> None:
    data = (Path(__file__).parent / "fixtures" / "cp1252.txt").read_bytes()
    text = decode_bytes(data)
    assert "\ufffd" not in text
    assert "\u00e2\u20ac" not in text  # UTF-8 curly quotes misread as cp1252
    assert text.startswith("Caf\u00e9 owners push back on Kelby parking charges")
    assert "Traders in Kelby\u2019s market square" in text  # 0x92: a right single quote
    assert "away \u2014 the third petition" in text  # 0x97: an em dash


def test_valid_utf8_is_not_mistaken_for_windows_1252() -> None:
    text = "Caf\u00e9 \u201cna\u00efve\u201d"
    assert decode_bytes(text.encode("utf-8")) == text


def test_utf8_bom_with_invalid_body_is_refused() -> None:
    with pytest.raises(BriefInputError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe bad")


def test_utf16_bom_with_odd_length_is_refused() -> None:
    with pytest.raises(BriefInputError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"A\x00B")


# --- line ends ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"one\r\ntwo\r\n\r\nthree", "one\ntwo\n\nthree"),
        (b"one\rtwo\r\rthree", "one\ntwo\n\nthree"),
        (b"one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),
        ("one\u2028two\u2029three".encode(), "one\ntwo\nthree"),
    ],
    ids=["crlf", "cr", "mixed", "unicode-separators"],
)
def test_line_ends_become_lf(raw: bytes, expected: str) -> None:
    assert decode_bytes(raw) == expected


def test_crlf_in_utf16() -> None:
    assert decode_bytes("a\r\nb\rc".encode("utf-16")) == "a\nb\nc"


def test_crlf_in_windows_1252() -> None:
    assert decode_bytes(b"\x93a\x94\r\nb\rc") == "\u201ca\u201d\nb\nc"


def test_crlf_fixture_has_no_carriage_returns() -> None:
    data = (Path(__file__).parent / "fixtures" / "crlf-headings.txt").read_bytes()
    assert b"\r" in data
    assert "\r" not in decode_bytes(data)


# --- Unicode normalisation ---------------------------------------------------------------


def test_decomposed_e_acute_becomes_one_code_point() -> None:
    text = decode_bytes("Caf\u0065\u0301 Z\u00fcrich".encode())
    assert text == "Caf\u00e9 Z\u00fcrich"
    assert len(text) == len("Caf\u00e9 Z\u00fcrich")
    assert "\u0301" not in text


def test_nfc_applies_to_windows_1252_and_utf16_too() -> None:
    assert decode_bytes("e\u0301".encode("utf-16")) == "\u00e9"
    assert normalise_text("\ufeffe\u0301\r\n") == "\u00e9\n"


def test_stray_bom_inside_text_is_dropped() -> None:
    assert decode_bytes("one\ufefftwo".encode()) == "onetwo"


def test_tabs_are_kept_and_a_form_feed_is_a_line_end() -> None:
    assert decode_bytes(b"a\tb\x0cc") == "a\tb\nc"


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"   \n\t\r\n", "\u3000\n".encode()],
    ids=["zero-bytes", "bom-only", "utf16-bom-only", "whitespace", "ideographic-space"],
)
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(BriefInputError, match="empty") as info:
        decode_bytes(data, "a.txt")
    assert info.value.path == "a.txt"
    assert info.value.describe().startswith("a.txt: ")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"plain text then a NUL \x00 byte",
        b"\x7fELF\x02\x01\x01",
        b"escape \x1b[31m codes",
    ],
    ids=["png", "zip", "nul", "elf", "escape"],
)
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(BriefInputError, match="binary") as info:
        decode_bytes(data, "b.bin")
    assert info.value.path == "b.bin"


def test_binary_control_character_location() -> None:
    with pytest.raises(BriefInputError) as info:
        decode_bytes(b"first line\nab\x1bcd", "c.txt")
    assert (info.value.line, info.value.column) == (2, 3)
    assert info.value.describe() == "c.txt:2:3: not a text file (binary data)"


def test_undecodable_bytes_are_refused_with_line_and_column() -> None:
    data = b"Headline\n\nThe port said " + UNDECODABLE + b" today.\n"
    with pytest.raises(BriefInputError) as info:
        decode_bytes(data, "u.txt")
    err = info.value
    assert (err.line, err.column) == (3, 15)
    assert "0x81" in err.message
    assert err.describe().startswith("u.txt:3:15: ")
    assert "UTF-8" in err.message and "Windows-1252" in err.message


def test_undecodable_at_very_start() -> None:
    with pytest.raises(BriefInputError) as info:
        decode_bytes(UNDECODABLE, "u.txt")
    assert (info.value.line, info.value.column) == (1, 1)


def test_undecodable_location_skips_valid_windows_1252_bytes() -> None:
    data = b"Caf\xe9 opened.\nBad " + UNDECODABLE + b" here.\n"
    with pytest.raises(BriefInputError) as info:
        decode_bytes(data, "u.txt")
    assert (info.value.line, info.value.column) == (2, 5)
    assert "0x81" in info.value.message


def test_a_stray_byte_after_utf8_accents_is_placed_where_an_editor_shows_it() -> None:
    data = "Café line\ncafé crème bad ".encode() + b"\x81 byte\n"
    with pytest.raises(BriefInputError) as info:
        decode_bytes(data, "u.txt")
    assert (info.value.line, info.value.column) == (2, 16)  # characters, not bytes


def test_a_nul_byte_is_placed_by_line_and_column() -> None:
    with pytest.raises(BriefInputError) as info:
        decode_bytes("Headline\n\nééé then\x00".encode(), "n.txt")
    assert info.value.describe() == "n.txt:3:9: not a text file (binary data)"


def test_a_bad_utf16_unit_is_placed_by_line_and_column() -> None:
    data = codecs.BOM_UTF16_LE + "Title\nab".encode("utf-16-le") + b"\x00\xd8"
    with pytest.raises(BriefInputError) as info:
        decode_bytes(data, "w.txt")
    assert (info.value.line, info.value.column) == (2, 3)


def test_a_c1_control_character_is_refused_like_a_c0_one() -> None:
    with pytest.raises(BriefInputError) as info:
        decode_bytes("Title\n\nthen \u009b31m red".encode(), "c.txt")
    assert info.value.describe() == "c.txt:3:6: not a text file (binary data)"
    assert decode_bytes("next\u0085line".encode()) == "next\nline"  # NEL is a line end
    # Other characters encoded with a C2 byte are text, whether or not a control follows.
    assert decode_bytes("£5 at 30° C\u00a0now".encode()) == "£5 at 30° C\u00a0now"
    with pytest.raises(BriefInputError):
        decode_bytes("£5 then \u0080".encode())


def test_error_without_path_says_input() -> None:
    with pytest.raises(BriefInputError) as info:
        decode_bytes(b"")
    assert info.value.describe() == "<input>: the file is empty"


# --- a brief file read as it is ----------------------------------------------------------
# A brief's bytes already in reading form skip decoding: the check must never say so of
# bytes that decoding would change or refuse.

# Pieces that each stress one rule: ASCII, precomposed letters, combining marks (which
# compose with an ASCII letter before them), Hangul jamo (which compose with each other,
# and a syllable with a trailing jamo), a compatibility singleton (the ohm sign becomes
# omega), every line end, a BOM, controls C0 and C1.
_READING_FORM_PIECES = [
    "Port ", "said", "\n", "\t", "{\"a\": 1}", "caf\u00e9", "\u00a3", "\u2014", "\u201c",
    "e", "\u0301", "\u0327", "A\u030a", "\u1100", "\u1161", "\u11a8", "\uac00",
    "\u2126", "\u03a9", "\u0915\u093c", "\r", "\r\n", "\x0c", "\u2028", "\u2029", "\x85",
    "\ufeff", "\x00", "\x1b", "\x7f", "\x9b", "\U0001f4c8",
]


@given(st.lists(st.sampled_from(_READING_FORM_PIECES), max_size=12))
def test_bytes_said_to_be_in_reading_form_decode_unchanged(pieces: list[str]) -> None:
    data = "".join(pieces).encode("utf-8")
    if not json_bytes_in_reading_form(data):
        return
    try:
        decoded = decode_bytes(data, json=True)
    except BriefInputError as exc:
        assert exc.message == "the file is empty"  # the parser refuses that too
        return
    assert decoded == data.decode("utf-8")


@pytest.mark.parametrize(
    "text",
    ["Caf\u00e9 owners said \u00a320m \u2014 \u201cno\u201d", "plain ASCII\n", "\ud55c\uad6d 2026"],
)
def test_usual_brief_text_is_in_reading_form(text: str) -> None:
    assert json_bytes_in_reading_form(text.encode("utf-8"))


@pytest.mark.parametrize(
    "data",
    [
        "Cafe\u0301".encode(), "\u1100\u1161".encode(), "\uac00\u11a8".encode(),
        "\u2126".encode(), b"a\r\nb", b"a\x0cb", "a\u2028b".encode(),
        "a\x85b".encode(), "\ufeff{}".encode(), b"a\x1bb", "a\x9bb".encode(),
        "caf\u00e9".encode("cp1252"), codecs.BOM_UTF16_LE + "{}".encode("utf-16-le"),
    ],
)
def test_bytes_decoding_would_change_or_refuse_are_not_in_reading_form(data: bytes) -> None:
    assert not json_bytes_in_reading_form(data)


# --- reading files -----------------------------------------------------------------------


def test_read_bytes_missing(tmp_path: Path) -> None:
    with pytest.raises(BriefInputError, match="no such file"):
        read_bytes(tmp_path / "missing.txt")


def test_read_bytes_directory(tmp_path: Path) -> None:
    with pytest.raises(BriefInputError, match="directory"):
        read_bytes(tmp_path)


def test_read_bytes_too_big_sparse_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(BriefInputError) as info:
        read_bytes(big)
    assert "MB" in info.value.message
    assert str(MAX_INPUT_BYTES // 1_048_576) in info.value.message


def test_a_brief_larger_than_the_largest_article_is_read(tmp_path: Path) -> None:
    # a .brief.json holds each anchor's quote and context: ~17 times its article's size
    path = tmp_path / "long.brief.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_INPUT_BYTES + 1)
    assert len(read_bytes(path)) == MAX_INPUT_BYTES + 1


def test_a_brief_beyond_its_own_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_BRIEF_BYTES + 1)
    with pytest.raises(BriefInputError) as info:
        read_bytes(path)
    assert f"larger than {MAX_BRIEF_BYTES // 1_048_576} MB" in info.value.message
    assert "brief" in info.value.message


def test_read_bytes_at_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_bytes(b"fine")
    assert read_bytes(path) == b"fine"


def test_line_and_column() -> None:
    text = "ab\ncd\n\nef"
    assert line_and_column(text, 0) == (1, 1)
    assert line_and_column(text, 4) == (2, 2)
    assert line_and_column(text, 7) == (4, 1)
