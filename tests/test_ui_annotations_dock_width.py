"""The Annotations dock keeps its width when a page enters the library (F2 on a page from a file
puts the annotations panel in place of the dock's hint): the page's columns do not narrow."""

from __future__ import annotations

from conftest import SAMPLE_PAGE
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtTest import QTest

from ui.annotations.annotations_dock import annotations_dock


def start_proofreading(qtbot, window) -> None:
    QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F2)
    assert window.proofreading.active and window.page_where.startswith("library:")
    qtbot.wait(50)  # the layout's queued passes


def open_sample(qtbot, window):
    QCursor.setPos(QPoint(5000, 5000))
    window.open_page_file(SAMPLE_PAGE)
    dock = annotations_dock(window)
    qtbot.waitUntil(dock.isVisible)
    assert dock.widget().objectName() != "annotationsPanel" and "1–9" in dock.widget().text()  # the hint
    return dock


def test_the_dock_keeps_its_width_and_the_columns_theirs_when_proofreading_starts(
    qtbot, library_window
) -> None:
    window = library_window
    dock = open_sample(qtbot, window)
    width, strip = dock.width(), window.page_view.scroll.viewport().width()
    start_proofreading(qtbot, window)
    assert dock.widget() is window.annotation_session.panel  # the panel took the hint's place
    assert dock.width() == width
    assert window.page_view.scroll.viewport().width() == strip


def test_a_width_the_user_gave_the_dock_sticks_across_the_switch_and_after(qtbot, library_window) -> None:
    window = library_window
    dock = open_sample(qtbot, window)
    window.resizeDocks([dock], [300], Qt.Orientation.Horizontal)  # as dragging its edge does
    qtbot.waitUntil(lambda: dock.width() == 300)
    start_proofreading(qtbot, window)
    assert dock.width() == 300
    window.resizeDocks([dock], [220], Qt.Orientation.Horizontal)  # narrower than the panel's hint
    qtbot.wait(50)
    assert dock.width() == 220
