"""What this guards: conftest's parking of the mouse pointer before each test (a test does not
inherit the pointer from the test before). Its widgetAt assert is the one that fails without the
parking. The F2, F8 steps after it show what a pointer left over the second article once broke
(F8 took the second article's flag); since F2 ignores a pointer nobody moved over the page, they
no longer fail on their own, and stay only as the case the parking was added for."""

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
