"""A laptop screen (1366×768 and smaller): the window's first size fits the screen's free area."""

from __future__ import annotations

from pathlib import Path


def test_a_first_window_fits_the_screen_with_room_for_a_title_bar(qtbot, tmp_path: Path) -> None:
    """With no size kept from a session the window was 1280×820 whatever the screen: on a
    768-pixel-high laptop the status bar (flag count, the proofreading sign) was off the screen.
    The offscreen screen is 800×800: the window must fit it."""
    from PySide6.QtCore import QSettings

    from ui.common.settings import Settings
    from ui.shell.main_window import FRAME_ROOM, MainWindow

    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    assert window.width() <= free.width()
    assert window.height() <= free.height() - FRAME_ROOM
    window.show()
    qtbot.waitExposed(window)
    status = window.statusBar()
    bottom = status.mapToGlobal(status.rect().bottomLeft()).y()
    assert bottom <= free.bottom()  # the status bar is on the screen
