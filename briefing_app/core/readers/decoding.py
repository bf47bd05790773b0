"""Turn the bytes of a file into reading text: decoded, LF line ends, NFC.

Why here and not in each reader: every format must agree on what a character is, or anchors
saved from one import would not match the next.  Order of trust: a BOM, then UTF-8, then
Windows-1252 (what pasted newsroom copy from Windows tools usually is).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from briefing_app.core.errors import BriefInputError

MAX_INPUT_BYTES = 16 * 1024 * 1024  # the largest article imported; larger is refused
# A .brief.json carries every anchor's quote and context: the one `import` writes is about
# 17 times the size of its article, so a brief of the largest article must still open.
MAX_BRIEF_BYTES = 32 * MAX_INPUT_BYTES
BRIEF_SUFFIXES = frozenset((".json",))

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, LF, FF and CR, DEL, and C1 controls (NEL aside, a line end):
# their presence means the bytes are not prose, and they must never reach a terminal.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]")
_CONTROL_BYTES = bytes((*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F))
_NOT_CONTROL_BYTES = bytes(sorted(set(range(256)) - set(_CONTROL_BYTES)))
# A C1 control in UTF-8 (C2 80 to C2 9F; NEL, C2 85, is a line end): a byte search, where
# any C2 byte ("£", "°", a no-break space) would send a long file through the text scan.
_C1_CONTROL_UTF8 = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
# CR LF, CR, the Unicode line and paragraph separators, NEL, and a form feed (a page break
# in old wire copy): each is a line end, so the reading text holds no control but tab and LF.
_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029|\x85|\x0c")
_LINE_END_CHARS = ("\r", "\u2028", "\u2029", "\x85", "\x0c")
# The bytes a brief file in reading form holds as they are: printable ASCII, tab and LF.
_PLAIN_ASCII_BYTES = bytes((0x09, 0x0A, *range(0x20, 0x7F)))
# Characters beyond ASCII that decoding would change or refuse: line ends, a BOM, C1 controls.
_CHANGED_BY_DECODING = frozenset(("\u2028", "\u2029", "\ufeff", *map(chr, range(0x80, 0xA0))))


def read_bytes(path: Path) -> bytes:
    """Read a file for import, refusing what is not a readable regular file of sane size
    (an article up to ``MAX_INPUT_BYTES``; a ``.json`` brief up to ``MAX_BRIEF_BYTES``)."""
    if not path.exists():
        raise BriefInputError(path, "no such file")
    if path.is_dir():
        raise BriefInputError(path, "is a directory, not a file")
    if not path.is_file():
        # A device or a pipe could block or never end (/dev/zero); an article is a file.
        raise BriefInputError(path, "not a regular file")
    brief = path.suffix.lower() in BRIEF_SUFFIXES
    limit = MAX_BRIEF_BYTES if brief else MAX_INPUT_BYTES
    too_big = BriefInputError(
        path,
        f"file is larger than {limit // 1_048_576} MB, the largest "
        f"{'brief Briefing Reader opens' if brief else 'article Briefing Reader imports'}",
    )
    try:
        if path.stat().st_size > limit:
            raise too_big
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except PermissionError as exc:
        raise BriefInputError(path, "permission denied") from exc
    except OSError as exc:
        raise BriefInputError(path, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise too_big
    return data


def decode_bytes(data: bytes, path: str | Path | None = None, *, json: bool = False) -> str:
    """Decode article bytes to normalised text, or raise BriefInputError saying why not.
    With ``json`` (a brief's file), line ends are only JSON's own (see
    :func:`normalise_json_text`)."""
    text = _decode(data, path)
    text = normalise_json_text(text) if json else normalise_text(text)
    # Decoded without a byte-order mark (UTF-8 or Windows-1252), a control character is its
    # own byte, and deleting every other byte finds one far faster than a text scan.
    unmarked = not data.startswith(tuple(bom for bom, _ in _BOMS))
    maybe_control = (
        not unmarked
        or bool(data.translate(None, _NOT_CONTROL_BYTES))
        or _C1_CONTROL_UTF8.search(data) is not None
    )
    if maybe_control:
        refuse_control_characters(text, path)
    if not text or text.isspace():
        raise BriefInputError(path, "the file is empty")
    return text


def json_bytes_in_reading_form(data: bytes) -> bool:
    """Whether a brief file's bytes, if they are UTF-8, are already what
    ``decode_bytes(data, json=True)`` makes of them (no BOM, LF line ends, no control
    character, NFC), so a JSON parser may read the bytes as they are: decoding and
    normalising a 16 MB brief took longer than parsing it.  False means "not known": decode
    the file, which says what is wrong.

    Only the characters beyond ASCII are looked at, apart: a multi-byte sequence is all
    bytes of 0x80 and above, so deleting the ASCII bytes leaves it whole.  UTF-8 itself is
    not fully checked here (an ASCII byte inside a broken sequence is deleted with the
    rest, and what is left may decode): the caller's JSON parser must refuse bytes that
    are not UTF-8, as pydantic's does.  That is enough for NFC: a combining mark is refused
    outright (it might compose with the ASCII letter before it), and every other
    composition is of two characters beyond ASCII, which stay in order and are then
    checked together (more cautious than needed, when ASCII stood between them).
    """
    rest = data.translate(None, _PLAIN_ASCII_BYTES)
    if not rest:
        return True
    try:
        beyond_ascii = rest.decode("utf-8")
    except UnicodeDecodeError:
        return False
    for char in set(beyond_ascii):
        if char < "\x80" or char in _CHANGED_BY_DECODING or unicodedata.combining(char):
            return False  # (below 0x80: a C0 control, CR, form feed or DEL)
    return unicodedata.is_normalized("NFC", beyond_ascii)


def refuse_control_characters(text: str, path: str | Path | None = None) -> None:
    """Raise BriefInputError at the first control character other than tab and newline
    (after normalising, CR and form feed are line ends): such text is not prose, no brief
    may hold it, and it must never reach a terminal raw."""
    match = _CONTROL_CHARS.search(text)
    if match:
        line, column = line_and_column(text, match.start())
        raise BriefInputError(path, "not a text file (binary data)", line=line, column=column)


def normalise_json_text(text: str) -> str:
    """A brief file's JSON with its strings in the form an article's text is in: line ends
    as LF, NFC, no stray BOM.  U+2028, U+2029 and NEL, characters a JSON string may hold
    raw, become the escape ``\\n`` rather than a raw line break, which would make the file
    invalid JSON (a valid brief was refused as "malformed")."""
    return _in_reading_form(text, _json_line_end)


def _json_line_end(match: re.Match[str]) -> str:
    if match.group(0)[0] in "\r\x0c":
        return "\n"
    text, at = match.string, match.start()
    backslashes = 0
    while at > backslashes and text[at - backslashes - 1] == "\\":
        backslashes += 1
    # After an escaping backslash the separator is an invalid escape, and the JSON invalid:
    # as a raw line break it stays so (as "\\n" it would read as a backslash and an "n").
    return "\n" if backslashes % 2 else "\\n"


def normalise_text(text: str) -> str:
    """LF line ends, NFC, and no stray BOM: the form all offsets are counted in.

    Each step is skipped when a fast check shows it has nothing to do (a megabyte-long
    brief is usually already in this form).
    """
    return _in_reading_form(text, "\n")


def _in_reading_form(text: str, line_end: str | Callable[[re.Match[str]], str]) -> str:
    """The text without a stray BOM, each line end replaced by ``line_end``, and NFC."""
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if any(char in text for char in _LINE_END_CHARS):
        text = _LINE_ENDS.sub(line_end, text)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a code-point index, for error messages."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _decode(data: bytes, path: str | Path | None) -> str:
    if not data:
        raise BriefInputError(path, "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            payload = data[len(bom) :]
            try:
                return payload.decode(encoding)
            except UnicodeDecodeError as exc:
                line, column = _position_of_byte(payload, exc.start, encoding)
                raise BriefInputError(
                    path,
                    f"not valid {encoding.upper()} text despite its byte-order mark",
                    line=line,
                    column=column,
                ) from exc
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = _position_of_byte(data, nul, "utf-8")
        raise BriefInputError(path, "not a text file (binary data)", line=line, column=column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            offset = exc.start  # a byte that neither encoding defines
            line, column = _position_of_byte(data, offset, "utf-8")
            raise BriefInputError(
                path,
                f"not UTF-8 or Windows-1252 text (byte 0x{data[offset]:02x})",
                line=line,
                column=column,
            ) from exc


def _position_of_byte(data: bytes, offset: int, encoding: str) -> tuple[int, int]:
    """1-based line and column, in characters as an editor counts them, of the byte at
    ``offset``: the line's bytes before it are decoded (each undecodable byte counting as
    one character), so a bad byte after "é" in UTF-8 is reported where the editor shows it."""
    unit = 4 if "32" in encoding else 2 if "16" in encoding else 1
    offset -= offset % unit
    newline = "\n".encode(encoding)
    start = 0
    line = 1
    search = data.find(newline)
    while search != -1 and search < offset:
        if search % unit == 0:
            line += 1
            start = search + len(newline)
        search = data.find(newline, search + 1)
    before = data[start:offset].decode(encoding, errors="replace")
    return line, len(before) + 1
