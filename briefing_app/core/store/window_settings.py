"""The highlight colours' names the reader window remembers, read without Qt.

Why: a reader who renamed "Follow up" to "Call the union" in the window expects that name in
every export, and ``briefing-app export`` and ``present`` run where Qt need not be loaded
(no display, and a quicker start).  The window keeps its settings with Qt's QSettings in
INI format (``ui.settings``); this module reads the one value the exports need from that
file, undoing Qt's quoting, and shares with the window how the stored names are cleaned.
A missing, unreadable or hand-mangled file means the default names, never an error.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefing_app.core.annotations import DEFAULT_COLOUR_NAMES, HighlightColour
from briefing_app.core.store.paths import SETTINGS_NAME, config_dir

COLOUR_NAMES_KEY = "annotate/colour_names"
MAX_NAME_CHARS = 40
# Qt's escapes in an INI value: a named one, a hex or octal code, or any escaped character.
_QT_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{1,4}|[0-7]{1,3}|.)", re.DOTALL)
_NAMED_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def clean_colour_name(name: str) -> str:
    """A colour's name as kept: spaces collapsed, at most 40 characters ("" when blank)."""
    return " ".join(name.split())[:MAX_NAME_CHARS]


def colour_names_from_json(raw: str) -> dict[HighlightColour, str]:
    """The five colours' names from their stored JSON (``{"follow_up": "Call the union"}``):
    each name with its spaces collapsed and cut to 40 characters, a default where one is
    missing, blank or not text, and all defaults when the JSON is not an object."""
    try:
        stored = json.loads(raw)
    except ValueError:
        stored = {}
    names = dict(DEFAULT_COLOUR_NAMES)
    if isinstance(stored, dict):
        for colour in HighlightColour:
            value = stored.get(colour.value)
            if isinstance(value, str) and value.strip():
                names[colour] = clean_colour_name(value)
    return names


def saved_colour_names(path: Path | None = None) -> dict[HighlightColour, str]:
    """The colour names the window saved in ``settings.ini`` (the user's, unless ``path``
    names another file); the defaults when there are none."""
    path = config_dir() / SETTINGS_NAME if path is None else path
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return dict(DEFAULT_COLOUR_NAMES)
    section, key = COLOUR_NAMES_KEY.split("/")
    current = ""
    for line in lines:
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == section and line.partition("=")[0].strip() == key:
            return colour_names_from_json(_qt_ini_value(line.partition("=")[2].strip()))
    return dict(DEFAULT_COLOUR_NAMES)


def _qt_ini_value(written: str) -> str:
    """A string value as QSettings wrote it in an INI file: in double quotes when it holds
    anything special, with C-style backslash escapes."""
    if len(written) >= 2 and written[0] == written[-1] == '"':
        written = written[1:-1]
    return _QT_ESCAPE.sub(_unescaped, written)


def _unescaped(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] == "x" and len(code) > 1:
        return chr(int(code[1:], 16))
    if code[0] in "01234567":
        return chr(int(code, 8))
    return _NAMED_ESCAPES.get(code, code)
