"""Where in a JSON text a value lives, so a schema error can name its line and column.

Why: pydantic reports *which* field is wrong as a path (``sections.0.items.2.anchors.0.end``);
a person fixing a hand-edited brief wants to jump to the line.  The standard ``json`` module
keeps no positions, so this walks the text along that one path, skipping every other value
with the decoder itself.
"""

from __future__ import annotations

import json
from json.decoder import scanstring

_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\n\r"


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def json_value_offset(text: str, path: tuple[str | int, ...]) -> int | None:
    """Offset of the value at ``path`` (or of the deepest container on it that exists).

    Returns None when the text is not the JSON the path came from.
    """
    try:
        index = _skip(text, 0)
        for key in path:
            if isinstance(key, str) and text[index] == "{":
                found = _find_member(text, index, key)
                if found is None:
                    return index  # a missing member: point at the object that lacks it
                index = found
            elif isinstance(key, int) and text[index] == "[":
                found = _find_element(text, index, key)
                if found is None:
                    return index
                index = found
            else:
                return index
        return index
    except (IndexError, ValueError):
        return None


def _find_member(text: str, index: int, key: str) -> int | None:
    index = _skip(text, index + 1)
    while text[index] != "}":
        name, index = scanstring(text, index + 1)
        index = _skip(text, index)
        index = _skip(text, index + 1)  # past ":"
        if name == key:
            return index
        index = _past_value(text, index)
    return None


def _find_element(text: str, index: int, wanted: int) -> int | None:
    index = _skip(text, index + 1)
    position = 0
    while text[index] != "]":
        if position == wanted:
            return index
        index = _past_value(text, index)
        position += 1
    return None


def _past_value(text: str, index: int) -> int:
    """Where the next member or element starts after the value at ``index``."""
    _, index = _DECODER.raw_decode(text, index)
    index = _skip(text, index)
    return _skip(text, index + 1) if text[index] == "," else index
