"""Parse a ``.brief.json`` file written by this app and validate it against the model.

Why only parse here: bringing a saved brief back to life (re-anchoring, re-linking when its
article changed) needs attribution and linking, which a reader must not depend on; that is
``core.restore``'s job.  This module turns text into a validated Brief or a located error.
"""

from __future__ import annotations

import json
import re

from pydantic import ValidationError

from briefing_app.core.errors import BriefInputError
from briefing_app.core.model import SCHEMA_VERSION, Brief, wire_location
from briefing_app.core.readers.anchor_pool import AnchorPool
from briefing_app.core.readers.decoding import (
    decode_bytes,
    json_bytes_in_reading_form,
    line_and_column,
)
from briefing_app.core.readers.json_position import json_value_offset

_OPENS_OBJECT = re.compile(r"\s*\{")
# The JSON escapes reading must look at, in one pass: an escaped backslash (matched so that
# "\\u001b", a backslash and then text, is read as the text it is); an escape that decodes
# to a control character other than tab and newline (C0, DEL, C1); and one of a lone
# surrogate half ("\ud800"; a pair is a real character, and is checked by the careful way
# too).  Raw control characters never get this far: decoding refuses them.
# (The backslash is written once, in front: as the first character of each alternative,
# it made the pattern fifty times slower to scan a 16 MB brief with.)
_ESCAPE_PATTERN = (
    r"\\(?:\\"
    r"|(?P<control>u00(?:0[0-8bcdefBCDEF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|[bfr])"
    r"|(?P<surrogate>u[dD][89a-fA-F][0-9a-fA-F]{2}))"
)
_ESCAPE = re.compile(_ESCAPE_PATTERN)
_ESCAPE_IN_BYTES = re.compile(_ESCAPE_PATTERN.encode("ascii"))


def looks_like_json(text: str) -> bool:
    """True when the text opens like a JSON object, whatever the file is named."""
    return _OPENS_OBJECT.match(text) is not None


def read_brief_file(data: bytes, path: str | None = None) -> Brief:
    """A brief from its file's bytes, as :func:`parse_brief_json` reads its decoded text.

    Why from bytes: a brief that ``import`` wrote is UTF-8 already in reading form, and
    pydantic parses such bytes directly, without the text decoded, normalised and encoded
    again on its way in.  Anything that might need any of that, or holds an escape that
    must be refused or reported, or fails to validate, is decoded and read as text, which
    names the problem and where it is.  (Pydantic refuses bytes that are not UTF-8, as
    :func:`json_bytes_in_reading_form` relies on.)
    """
    if json_bytes_in_reading_form(data) and not _has_awkward_escape(data):
        try:
            brief = Brief.model_validate_json(data, context={AnchorPool.KEY: AnchorPool()})
        except ValidationError:
            pass  # reading the text reports it
        else:
            _check_version(brief.schema_version, path)
            return brief
    return parse_brief_json(decode_bytes(data, path, json=True), path)


def _has_awkward_escape(data: bytes) -> bool:
    """Whether the JSON bytes escape a control character or a surrogate half (lone or in
    a pair: the bytes are not looked at closely enough to tell, and the text is)."""
    if b"\\" not in data:
        return False
    return any(match.lastgroup for match in _ESCAPE_IN_BYTES.finditer(data))


def parse_brief_json(text: str, path: str | None = None) -> Brief:
    """Parse and validate brief JSON, raising BriefInputError with a location on failure.

    A well-formed brief goes the fast way: pydantic parses and validates the JSON in one
    pass, sharing one object per distinct anchor.  Anything else (malformed JSON, a schema
    error, an escaped lone surrogate, which that parser would not report the same way)
    takes the careful way, which names the problem and where it is.  Text holding a control
    character (other than tab and newline) is refused: no import makes one, and it must
    never reach a terminal or a window raw.
    """
    if not _has_surrogate_escape(text, path):
        try:
            brief = Brief.model_validate_json(text, context={AnchorPool.KEY: AnchorPool()})
        except ValidationError:
            pass  # the careful way below reports it
        else:
            _check_version(brief.schema_version, path)
            return brief
    return _parse_carefully(text, path)


def _has_surrogate_escape(text: str, path: str | None) -> bool:
    """Whether the JSON escapes a lone surrogate half; BriefInputError, with where it is,
    at the first escape of a control character."""
    if "\\" not in text:
        return False
    surrogate = False
    for match in _ESCAPE.finditer(text):
        if match.lastgroup == "surrogate":
            surrogate = True
        elif match.lastgroup == "control":
            code = json.loads(f'"{match.group(0)}"')
            line, column = line_and_column(text, match.start())
            raise BriefInputError(
                path,
                f"not a valid brief: a text holds the control character U+{ord(code):04X}",
                line=line,
                column=column,
            )
    return surrogate


def _check_version(version: object, path: str | None) -> None:
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise BriefInputError(
            path,
            f"brief schema version {version} is newer than this app reads ({SCHEMA_VERSION})",
        )


def _parse_carefully(text: str, path: str | None) -> Brief:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # (json's messages read "Invalid control character at", before its own location)
        problem = exc.msg.removesuffix(" at")
        raise BriefInputError(
            path,
            f"malformed JSON: {problem[:1].lower()}{problem[1:]}",
            line=exc.lineno,
            column=exc.colno,
        ) from exc
    except RecursionError as exc:
        raise BriefInputError(path, "malformed JSON: nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise BriefInputError(path, f"malformed JSON: {exc}") from exc
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        # A "\ud800" escape decodes to a lone surrogate: no real text contains one.
        raise BriefInputError(path, "not valid text: the JSON escapes a lone surrogate") from exc
    except RecursionError as exc:
        raise BriefInputError(path, "malformed JSON: nested too deeply") from exc
    if not isinstance(data, dict):
        raise BriefInputError(path, "not a brief: the JSON is not an object")
    _check_version(data.get("schema_version"), path)
    try:
        return Brief.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = wire_location(tuple(first["loc"]))
        where = ".".join(str(part) for part in location) or "(top level)"
        others = exc.error_count() - 1
        more = f" (and {others} more problem{'s' if others > 1 else ''})" if others else ""
        offset = json_value_offset(text, location)
        line, column = line_and_column(text, offset) if offset is not None else (None, None)
        raise BriefInputError(
            path,
            f"not a valid brief: {where}: {first['msg']}{more}",
            line=line,
            column=column,
        ) from exc
