"""Where Dubao keeps its files: the platform's application-data folder (no Qt needed)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Dubao"
LIBRARY_FILE = "library.sqlite3"


def app_data_dir() -> Path:
    """The per-user folder for Dubao's data, as each platform's conventions place it.

    Linux and other Unix: ``$XDG_DATA_HOME/Dubao`` or ``~/.local/share/Dubao``;
    macOS: ``~/Library/Application Support/Dubao``; Windows: ``%APPDATA%\\Dubao``.
    """
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA")
        return (Path(base) if base else home / "AppData" / "Roaming") / APP_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    xdg = os.environ.get("XDG_DATA_HOME")
    # The XDG spec says a relative value is invalid and must be ignored.
    base_dir = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base_dir / APP_NAME


def default_library_path() -> Path:
    """The library database used when no ``--db`` is given."""
    return app_data_dir() / LIBRARY_FILE
