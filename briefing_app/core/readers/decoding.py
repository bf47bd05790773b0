"""Turn the bytes of a file into reading text: decoded, LF line ends, NFC.

Why here and not in each reader: every format must agree on what a character is, or anchors
saved from one import would not match the next.  Order of trust: a BOM, then UTF-8, then
Windows-1252 (what pasted newsroom copy from Windows tools usually is).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from briefing_app.core.errors import BriefInputError

MAX_INPUT_BYTES = 16 * 1024 * 1024  # ~40 s to import at this size; larger is refused

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, LF, FF and CR: their presence means the bytes are not prose.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029|\x85")


def read_bytes(path: Path) -> bytes:
    """Read a file for import, refusing what is not a readable regular file of sane size."""
    if not path.exists():
        raise BriefInputError(path, "no such file")
    if path.is_dir():
        raise BriefInputError(path, "is a directory, not a file")
    if not path.is_file():
        # A device or a pipe could block or never end (/dev/zero); an article is a file.
        raise BriefInputError(path, "not a regular file")
    too_big = BriefInputError(
        path,
        f"file is larger than {MAX_INPUT_BYTES // 1_048_576} MB, the largest article "
        "Briefing Reader imports",
    )
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise too_big
        with path.open("rb") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except PermissionError as exc:
        raise BriefInputError(path, "permission denied") from exc
    except OSError as exc:
        raise BriefInputError(path, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_INPUT_BYTES:
        raise too_big
    return data


def decode_bytes(data: bytes, path: str | Path | None = None) -> str:
    """Decode article bytes to normalised text, or raise BriefInputError saying why not."""
    text = _decode(data, path)
    text = normalise_text(text)
    match = _CONTROL_CHARS.search(text)
    if match:
        line, column = line_and_column(text, match.start())
        raise BriefInputError(path, "not a text file (binary data)", line=line, column=column)
    if not text.strip():
        raise BriefInputError(path, "the file is empty")
    return text


def normalise_text(text: str) -> str:
    """LF line ends, NFC, and no stray BOM: the form all offsets are counted in."""
    text = text.replace("\ufeff", "")
    text = _LINE_ENDS.sub("\n", text)
    return unicodedata.normalize("NFC", text)


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
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise BriefInputError(
                    path, f"not valid {encoding.upper()} text despite its byte-order mark"
                ) from exc
    if b"\x00" in data:
        raise BriefInputError(path, "not a text file (binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            offset = exc.start  # a byte that neither encoding defines
            line = data.count(b"\n", 0, offset) + 1
            column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
            raise BriefInputError(
                path,
                f"not UTF-8 or Windows-1252 text (byte 0x{data[offset]:02x})",
                line=line,
                column=column,
            ) from exc
