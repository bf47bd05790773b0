"""Where the library database and the reader's settings live.

Why a module of its own: the window, the CLI and the tests must agree on one file, and tests
must never reach the user's real library, so the folder is the platform's user data folder
(``platformdirs``) unless ``BRIEFING_APP_DATA_DIR`` names another (tests always set it).
The settings file is found the same way (``BRIEFING_APP_CONFIG_DIR``), without Qt, so the
command line can read what the window remembered.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "briefing-app"
DATA_DIR_ENV = "BRIEFING_APP_DATA_DIR"
DATABASE_NAME = "library.sqlite3"
CONFIG_DIR_ENV = "BRIEFING_APP_CONFIG_DIR"
SETTINGS_NAME = "settings.ini"


def data_dir() -> Path:
    """The folder for the user's data: ``$BRIEFING_APP_DATA_DIR`` or the platform's own."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path() -> Path:
    """The library database file (it may not exist yet: opening the store creates it)."""
    return data_dir() / DATABASE_NAME


def config_dir() -> Path:
    """The folder holding the reader's ``settings.ini``: ``$BRIEFING_APP_CONFIG_DIR`` or the
    platform's user config folder."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME))
