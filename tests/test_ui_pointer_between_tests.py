"""Tests do not inherit the mouse pointer from the test before (conftest parks it): where it rests
decides where F2 starts typing, so a pointer left over another article changed what F8 selected."""

from __future__ import annotations

from proofreading_pages import flagging
from PySide6.QtCore import QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication
from test_ui_proofreading_review import window  # noqa: F401 - the two-article page, shown


def test_a_test_that_leaves_the_pointer_over_the_second_article(qtbot, window) -> None:  # noqa: F811
    second = window.page_view.columns[1]
    assert second.isVisible()
    QCursor.setPos(second.viewport().mapToGlobal(QPoint(20, 20)))
    assert QApplication.widgetAt(QCursor.pos()) is second.viewport()


def test_the_next_test_starts_with_the_pointer_away_and_f2_f8_take_the_first_flag(
    qtbot,
    window,  # noqa: F811
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    assert QApplication.widgetAt(QCursor.pos()) is None  # away from the window
    session = window.proofreading
    session.checker = flagging("农技", "农机")
    column = window.page_view.active_column()
    column.setFocus()
    QTest.keyClick(column, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: len(session.queue.flags) == 1)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    flag = session.queue.current()
    assert flag is not None and flag.text == "农技"
