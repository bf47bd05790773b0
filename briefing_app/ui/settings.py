"""What the reader remembers between runs: recent files, theme, zoom, link tint, layout,
the names of the highlight colours and whether the notes panel is open.

Why IniFormat in our own directory: a plain file a user can read and delete, in the platform
config directory (``core.store.paths``), moved wholesale by ``BRIEFING_APP_CONFIG_DIR`` so tests
and portable installs never touch the real one.  ``ReaderSettings(None)`` keeps everything
in memory, for screenshots and benchmarks that must not depend on (or change) the user's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from briefing_app.core.annotations import HighlightColour
from briefing_app.core.store.paths import SETTINGS_NAME, config_dir
from briefing_app.core.store.window_settings import (
    COLOUR_NAMES_KEY,
    clean_colour_name,
    colour_names_from_json,
)
from briefing_app.ui.themes import THEME_CHOICES

MAX_RECENT = 10
ZOOM_RANGE = (-5, 10)


def open_qsettings() -> QSettings:
    """The QSettings file for this user, in IniFormat."""
    return QSettings(str(config_dir() / SETTINGS_NAME), QSettings.Format.IniFormat)


class ReaderSettings:
    """Typed access to the reader's settings; every read tolerates a hand-edited file."""

    def __init__(self, store: QSettings | None) -> None:
        self._store = store
        self._memory: dict[str, object] = {}

    @classmethod
    def for_user(cls) -> ReaderSettings:
        """Settings persisted in the user's config directory."""
        return cls(open_qsettings())

    @classmethod
    def in_memory(cls) -> ReaderSettings:
        """Settings that start at defaults and are never written anywhere."""
        return cls(None)

    def _get(self, key: str, default: object) -> object:
        if self._store is None:
            return self._memory.get(key, default)
        return self._store.value(key, default)

    def _set(self, key: str, value: object) -> None:
        if self._store is None:
            self._memory[key] = value
        else:
            self._store.setValue(key, value)

    def sync(self) -> None:
        """Write pending changes to disk now."""
        if self._store is not None:
            self._store.sync()

    # recent files ------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """Recently opened files, newest first."""
        raw = self._get("recent/files", "[]")
        try:
            names = json.loads(str(raw))
        except ValueError:
            return []
        if not isinstance(names, list):
            return []
        return [Path(name) for name in names if isinstance(name, str) and name]

    def add_recent_file(self, path: Path) -> list[Path]:
        """Put ``path`` first in the recent list (deduplicated, capped); returns the list."""
        path = Path(os.path.abspath(path))
        files = [path] + [p for p in self.recent_files() if p != path]
        files = files[:MAX_RECENT]
        self._set("recent/files", json.dumps([str(p) for p in files]))
        return files

    def clear_recent_files(self) -> None:
        """Forget every recent file."""
        self._set("recent/files", "[]")

    # appearance --------------------------------------------------------------------------

    def theme(self) -> str:
        """``system``, ``light``, ``dark`` or ``sepia``."""
        value = str(self._get("view/theme", "system"))
        return value if value in THEME_CHOICES else "system"

    def set_theme(self, theme: str) -> None:
        """Remember the theme choice."""
        self._set("view/theme", theme if theme in THEME_CHOICES else "system")

    def zoom(self) -> int:
        """Text size as steps from the default (0)."""
        return self._int("view/zoom", 0, *ZOOM_RANGE)

    def set_zoom(self, steps: int) -> None:
        """Remember the text size."""
        self._set("view/zoom", int(steps))

    def link_tint(self) -> bool:
        """Whether every linked span is tinted by section colour."""
        return str(self._get("view/link_tint", "false")).lower() in ("true", "1")

    def set_link_tint(self, enabled: bool) -> None:
        """Remember the link tint toggle."""
        self._set("view/link_tint", "true" if enabled else "false")

    # annotating ---------------------------------------------------------------------------

    def colour_names(self) -> dict[HighlightColour, str]:
        """The user's names for the five highlight colours (defaults where unset)."""
        return colour_names_from_json(str(self._get(COLOUR_NAMES_KEY, "{}")))

    def set_colour_names(self, names: dict[HighlightColour, str]) -> None:
        """Remember the colour names (blank ones fall back to the defaults)."""
        cleaned = {colour.value: clean_colour_name(name) for colour, name in names.items()
                   if name.strip()}
        self._set(COLOUR_NAMES_KEY, json.dumps(cleaned))

    def notes_panel_visible(self) -> bool:
        """Whether the notes panel was open."""
        return str(self._get("annotate/notes_panel", "false")).lower() in ("true", "1")

    def set_notes_panel_visible(self, visible: bool) -> None:
        """Remember whether the notes panel is open."""
        self._set("annotate/notes_panel", "true" if visible else "false")

    def export_folder(self) -> Path | None:
        """The folder the last export went to, if it still exists."""
        value = str(self._get("export/folder", "") or "")
        return Path(value) if value and Path(value).is_dir() else None

    def set_export_folder(self, folder: Path) -> None:
        """Remember where exports go."""
        self._set("export/folder", str(folder))

    # presenting ---------------------------------------------------------------------------

    def presenter_notes_size(self) -> int:
        """Point size of the speaker notes in the presenter view."""
        return self._int("present/notes_size", 16, 10, 40)

    def set_presenter_notes_size(self, points: int) -> None:
        """Remember the speaker notes' size."""
        self._set("present/notes_size", int(points))

    def presentation_timing(self) -> tuple[int, int]:
        """Target length and warning margin, in minutes (0 target: none)."""
        return (self._int("present/target_minutes", 0, 0, 600),
                self._int("present/warn_minutes", 2, 0, 60))

    def set_presentation_timing(self, target: int, warn: int) -> None:
        """Remember the target length and the warning margin."""
        self._set("present/target_minutes", int(target))
        self._set("present/warn_minutes", int(warn))

    def audience_screen(self) -> str:
        """The name of the screen chosen for the audience ("" when never chosen)."""
        return str(self._get("present/audience_screen", "") or "")

    def set_audience_screen(self, name: str) -> None:
        """Remember the audience screen by name."""
        self._set("present/audience_screen", name)

    def rehearsal(self, brief_id: str) -> str:
        """The last run's seconds per slide for a brief, as JSON text ("" for none)."""
        return str(self._get(f"present/rehearsal/{brief_id}", "") or "")

    def set_rehearsal(self, brief_id: str, times: str) -> None:
        """Remember the seconds per slide of the run just finished."""
        self._set(f"present/rehearsal/{brief_id}", times)

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        try:
            value = int(str(self._get(key, default)))
        except ValueError:
            return default
        return max(low, min(high, value))

    # layout ------------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        """The saved window geometry, if any."""
        value = self._get("window/geometry", None)
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, data: QByteArray) -> None:
        """Remember the window geometry."""
        self._set("window/geometry", data)

    def splitter_state(self) -> QByteArray | None:
        """The saved article/items split, if any."""
        value = self._get("window/splitter", None)
        return value if isinstance(value, QByteArray) else None

    def set_splitter_state(self, data: QByteArray) -> None:
        """Remember the article/items split."""
        self._set("window/splitter", data)
