"""Helpers for the word-layer GUI tests: a window on a page, with the language data loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ui.common.settings import Settings
from ui.shell.main_window import MainWindow

#: A page with the reading traps of issue 4, an astral character and HTML-looking text.
TRAP_PAGE = """测试日报

    他在银行工作，每天行走很远。长江是中国最长的河流，孩子们在成长。
    为了了解重庆的历史，我们去了𠀀博物馆。
    <b>粗体</b>与<img src=x>银行。
"""


def open_window(qtbot, folder: Path, page: Path, db: Path) -> MainWindow:
    """A window on ``page`` with library ``db``, its words read (waits for the background load)."""
    settings = Settings(QSettings(str(folder / "dubao.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, db=str(db))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.open_library()
    window.open_page_file(page)
    window.language.start_loading()
    qtbot.waitUntil(lambda: window.language.ready, timeout=30000)
    return window


def find_word(window: MainWindow, word: str, after: str = "") -> tuple[int, int, int]:
    """The place (column, block, index) of ``word`` on the page, the first one following ``after``."""
    for c, column in enumerate(window.language.texts):
        for b, text in enumerate(column):
            for i, placed in enumerate(text.words):
                if placed.word == word and text.text[: placed.start].endswith(after):
                    return c, b, i
    raise AssertionError(f"{word} is not a word of the page")
