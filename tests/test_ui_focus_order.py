"""Tab and Shift+Tab take the keyboard through the window's panes as they are seen, left to
right: the raised left dock and its tab bar, every column of the page, the scan, the
Annotations dock, and round again (issue 8: an editor works from the keyboard).

Seen on Xvfb before: Tab went from the columns to the Annotations dock and stopped on its
"From any date" box for good (Qt's date edit keeps Tab on its special text); the scan pane came
only after every dock; columns out of view were skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import sample_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar
from scan_images import write_scan

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(library_window, tmp_path: Path):
    folder = tmp_path / "2020-02-12"
    folder.mkdir()
    (folder / "page-001.txt").write_text(sample_text(), encoding="utf-8")  # 19 columns
    write_scan(folder / "page-001.png", 1200, 1600)
    win = library_window
    report = win.library.import_paths([folder])
    assert win.open_library_page(report.page_ids[0])
    return win


def tab(shift: bool = False) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClick(
        focus,
        Qt.Key.Key_Backtab if shift else Qt.Key.Key_Tab,
        SHIFT if shift else Qt.KeyboardModifier.NoModifier,
    )


def in_view(view, column) -> bool:
    left = column.mapTo(view.scroll.viewport(), QPoint(0, 0)).x()
    return column.isVisible() and left >= 0 and left + column.width() <= view.scroll.viewport().width()


def test_tab_visits_every_column_then_the_scan_then_the_annotations_dock(qtbot, window) -> None:
    view = window.page_view
    session = window.scan_session
    session.set_shown(True)
    qtbot.waitUntil(session.pane.has_image, timeout=10000)
    qtbot.wait(50)
    columns = [c for c in view.columns if not c.is_masthead]
    assert len(columns) >= 3 and any(c.isHidden() for c in columns)  # out of view: hidden until scrolled to
    view.focus_column(view.columns.index(columns[0]))
    for column in columns[1:]:
        tab()
        assert QApplication.focusWidget() is column  # hidden ones too, scrolled into view
        qtbot.waitUntil(lambda column=column: in_view(view, column), timeout=2000)
    tab()
    assert QApplication.focusWidget() is session.pane.view  # the scan, beside the columns
    panel = window.annotation_session.panel
    tab()
    assert QApplication.focusWidget() is panel.search  # the Annotations dock, on the right
    # Shift+Tab: back to the scan, then into the page in the column the editor was in.
    tab(shift=True)
    assert QApplication.focusWidget() is session.pane.view
    tab(shift=True)
    assert QApplication.focusWidget() is columns[-1]


def test_tab_goes_on_past_the_any_date_boxes_round_the_window(qtbot, window) -> None:
    """Once in the Annotations dock, Tab reaches the outline on the left and comes back to the
    column the editor was in, its caret where it was (it had stuck on "From any date")."""
    view = window.page_view
    number = len(view.columns) - 1
    view.focus_column(number)
    column = view.columns[number]
    cursor = column.textCursor()
    cursor.setPosition(5)
    column.setTextCursor(cursor)
    panel = window.annotation_session.panel
    panel.search.setFocus()
    seen = []
    for _ in range(40):
        tab()
        seen.append(QApplication.focusWidget())
        if seen[-1] is column:
            break
    assert panel.since in seen and panel.until in seen
    assert window.outline in seen  # the raised left dock
    assert any(isinstance(w, QTabBar) for w in seen)  # its tab bar (Outline, Library, Search)
    assert window.library_panel.tree not in seen  # tabbed behind the outline: not a stop
    assert seen[-1] is column and column.textCursor().position() == 5
    assert seen.index(window.outline) < seen.index(column)


def test_a_date_set_still_takes_tab_through_its_parts_then_leaves(qtbot, window) -> None:
    from PySide6.QtCore import QDate

    panel = window.annotation_session.panel
    panel.since.setDate(QDate(2020, 5, 5))
    panel.since.setFocus(Qt.FocusReason.TabFocusReason)
    sections = []
    for _ in range(4):
        if QApplication.focusWidget() is not panel.since:
            break
        sections.append(panel.since.currentSectionIndex())
        tab()
    assert sections == [0, 1, 2] and QApplication.focusWidget() is panel.until


def test_tab_in_proofreading_mode_leaves_the_column_and_types_nothing(qtbot, window) -> None:
    from models.annotations.texts import section_text

    view = window.page_view
    view.focus_column(1)
    column = view.columns[1]
    QTest.keyClick(column, Qt.Key.Key_F2)
    assert window.proofreading.active
    page_id = int(window.page_where.split(":", 1)[1])
    before = [section_text(s) for s in window.library.page(page_id).current_sections]
    tab()
    assert QApplication.focusWidget() is not column
    tab(shift=True)
    assert QApplication.focusWidget() is column
    assert [section_text(s) for s in window.library.page(page_id).current_sections] == before


def test_the_focused_scan_is_framed_in_the_highlight_colour(qtbot, window) -> None:
    """Tab (or Ctrl+I) gives the scan the keys: a frame says so, as a focused box shows it."""
    session = window.scan_session
    session.set_shown(True)
    qtbot.waitUntil(session.pane.has_image, timeout=10000)
    highlight = session.pane.palette().highlight().color().name()
    scan = session.pane.view
    middle = scan.height() // 2

    def edge() -> str:
        qtbot.wait(20)
        return scan.grab().toImage().pixelColor(0, middle).name()

    scan.setFocus()
    assert edge() == highlight
    window.page_view.focus_column(0)
    assert edge() != highlight
