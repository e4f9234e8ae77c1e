"""Shared fixtures: paths to the project's resources and to ../shared's data, a fresh library,
and a shown window on one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from models.library.service import Library
    from ui.shell.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE_PAGE = ROOT / "resources" / "sample-page.txt"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is laid out beside the project)")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An empty library in the test's folder, closed afterwards."""
    from models.library.service import Library

    with Library.open(tmp_path / "library.sqlite3") as lib:
        yield lib


@pytest.fixture
def library_window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    """A shown main window (1400×900) with its own settings and an empty library opened."""
    from PySide6.QtCore import QSettings

    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_library()
    yield win
    win.close()
    win.library.close()
