"""Start-up shows the page first: the capabilities (language, annotations, backup, re-parse, scan,
proofreading) are built just after the first paint, and whatever the user does before that
builds them at once, so every key and menu answers as in a window built whole (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import open_test_issue
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from ui.common.settings import Settings
from ui.language.language_settings import LanguageSettings
from ui.shell.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))


def started(qtbot, settings: Settings, tmp_path: Path, build_after_paint: bool = True) -> MainWindow:
    """A shown window on the astral page of a library; the deferred build held back if asked."""
    win = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
    qtbot.addWidget(win)
    if not build_after_paint:
        win.firstPainted.disconnect(win._build_soon)
    win.resize(1400, 900)
    # As in the app, the page is shown once the first paint has been handled (ui.shell.app):
    # from then until they are built, a key or a button builds the capabilities at once.
    with qtbot.waitSignal(win.firstPainted):
        win.show()
    qtbot.waitExposed(win)
    assert win.open_library()
    open_test_issue(win, tmp_path)
    return win


@pytest.fixture
def early(qtbot, settings, tmp_path: Path):
    """A window whose deferred build has not run: nothing but the page and its panels yet."""
    win = started(qtbot, settings, tmp_path, build_after_paint=False)
    QApplication.processEvents()
    assert win._capabilities is None
    # The page is readable already: its columns hold the page's text.
    assert any("高质量发展" in c.plain_text() for c in win.page_view.columns)
    yield win
    win.close()
    win.library.close()


def test_the_capabilities_are_built_just_after_the_first_paint(qtbot, settings, tmp_path) -> None:
    win = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
    qtbot.addWidget(win)
    assert win._capabilities is None  # nothing of them before the window is on screen
    win.show()
    qtbot.waitUntil(lambda: win._capabilities is not None)
    assert [a.text() for a in win.menuBar().actions()].count("&Annotate") == 1
    win.close()


def _laid_out(win: MainWindow) -> bool:
    """Whether the page's columns stayed where they were over one more pass of the event loop."""

    def places() -> list:
        return [(c.isVisible(), c.mapToGlobal(QPoint(0, 0)), c.size()) for c in win.page_view.columns]

    before = places()
    QApplication.processEvents()
    return places() == before


def _column(win: MainWindow, words: str):
    for column in win.page_view.columns:
        at = column.plain_text().find(words)
        if at >= 0:
            return column, len(column.plain_text()[:at].encode("utf-16-le")) // 2
    raise AssertionError(words)


def test_f2_before_the_build_turns_proofreading_on(early) -> None:
    column = early.page_view.active_column()
    column.setFocus()
    QTest.keyClick(column, Qt.Key.Key_F2)
    assert early._capabilities is not None
    assert early.proofreading.active and all(c.editing for c in early.page_view.columns)


def test_ctrl_i_before_the_build_shows_the_scan_pane(early) -> None:
    early.page_view.focus_column(0)
    QTest.keyClick(early.page_view.columns[0], Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert early._capabilities is not None
    assert early.scan_session.pane.isVisible() and early.scan_session.toggle_action.isChecked()


def test_ctrl_shift_p_before_the_build_sets_pinyin_above_characters(early) -> None:
    assert not LanguageSettings(early.settings.store).ruby()
    early.page_view.focus_column(0)
    QTest.keyClick(
        early.page_view.columns[0],
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert early._capabilities is not None
    assert early.language.ruby_action.isChecked() and LanguageSettings(early.settings.store).ruby()


def test_a_highlight_key_before_the_build_marks_the_selection(qtbot, early) -> None:
    column, position = _column(early, "高质量发展")
    column.setFocus()
    cursor = column.textCursor()
    cursor.setPosition(position)
    column.setTextCursor(cursor)
    for _ in range(5):
        QTest.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(column, Qt.Key.Key_1)
    session = early.annotation_session
    page_id = early.test_pages["astral.txt"]
    qtbot.waitUntil(lambda: len(session.annotations.page_highlights(page_id)) == 1)
    assert session.annotations.page_highlights(page_id)[0].exact == "高质量发展"
    # Ctrl+Z (the capabilities' undo) takes it away again.
    QTest.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.annotations.page_highlights(page_id) == [])


def test_a_click_on_the_menu_bar_before_the_build_finds_every_menu(early) -> None:
    bar = early.menuBar()
    assert "&Annotate" not in [a.text() for a in bar.actions()]
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(5, bar.height() // 2))
    titles = [a.text() for a in bar.actions()]
    assert "&Annotate" in titles and early.library_reparse.menu.menuAction() in bar.actions()
    assert early.library_backup.action in early.file_menu.actions()
    assert early.annotation_session.undo_action is early.edit_menu.actions()[0]
    for menu in [a.menu() for a in bar.actions() if a.menu() is not None]:
        menu.close()


def test_highlights_already_in_the_library_show_once_built(qtbot, early) -> None:
    from models.annotations.service import Annotations

    page_id = early.test_pages["astral.txt"]
    annotations = Annotations(early.library)
    page = annotations.open_page(page_id)
    at = next(i for i, text in enumerate(page.texts) if "高质量发展" in text)
    start = page.texts[at].find("高质量发展")
    annotations.create(page, at, start, start + 5, annotations.category_for_key(1).id)
    early.build_capabilities()
    session = early.annotation_session
    painter = session.painters[at]
    assert painter.background_at(start) == annotations.category_for_key(1).light_colour


def test_the_docks_saved_state_is_restored_before_and_after_the_build(qtbot, settings, tmp_path) -> None:
    first = started(qtbot, settings, tmp_path)
    qtbot.waitUntil(lambda: first._capabilities is not None)
    dock = first.annotation_session.dock
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    first.close()
    first.library.close()

    second = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
    qtbot.addWidget(second)
    second.firstPainted.disconnect(second._build_soon)
    second.show()
    qtbot.waitExposed(second)
    docks = [d for d in second.findChildren(QDockWidget) if d.objectName() == "annotationsDock"]
    assert len(docks) == 1 and second._capabilities is None
    assert second.dockWidgetArea(docks[0]) == Qt.DockWidgetArea.LeftDockWidgetArea
    second.build_capabilities()
    assert second.annotation_session.dock is docks[0]
    assert second.dockWidgetArea(docks[0]) == Qt.DockWidgetArea.LeftDockWidgetArea
    second.close()


def test_a_window_closed_before_the_build_keeps_the_saved_state(qtbot, settings, tmp_path) -> None:
    first = started(qtbot, settings, tmp_path)
    qtbot.waitUntil(lambda: first._capabilities is not None)
    first.annotation_session.dock.hide()
    first.close()
    first.library.close()
    for _ in range(2):  # closed before its build, then opened again
        win = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
        qtbot.addWidget(win)
        win.firstPainted.disconnect(win._build_soon)
        win.show()
        qtbot.waitExposed(win)
        dock = next(d for d in win.findChildren(QDockWidget) if d.objectName() == "annotationsDock")
        assert not dock.isVisible()
        win.close()


def test_a_word_hovered_before_the_build_pops_up_once_its_words_are_read(
    qtbot, settings, tmp_path, data_home, monkeypatch
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QCursor, QMouseEvent

    from tests.language_window import TRAP_PAGE
    from ui.language.word_geometry import char_boxes

    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    page = tmp_path / "traps.txt"
    page.write_text(TRAP_PAGE, encoding="utf-8")
    win = MainWindow(settings, db=str(tmp_path / "library.sqlite3"))
    qtbot.addWidget(win)
    win.firstPainted.disconnect(win._build_soon)
    win.resize(1400, 900)
    with qtbot.waitSignal(win.firstPainted):  # the app shows its page then (ui.shell.app)
        win.show()
    qtbot.waitExposed(win)
    win.open_page_file(page)
    qtbot.waitUntil(lambda: _laid_out(win))  # the pointer is put over a word where it will stay
    assert win._capabilities is None
    for column in win.page_view.columns:
        found = [(b, ref.text.text.find("他在银行")) for b, ref in enumerate(column.blocks)]
        found = [(b, at) for b, at in found if at >= 0]
        if found:
            break
    block, at = found[0]
    box = char_boxes(column, block, [at + 3])[0]  # 行 of 银行
    where = column.viewport().mapToGlobal(box.center().toPoint())
    QCursor.setPos(where)  # the pointer stays there while the words are read
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        box.center(),
        where.toPointF(),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(column.viewport(), move)
    assert win._capabilities is not None  # the mouse over the page built them
    language = win.language
    qtbot.waitUntil(lambda: language.popup.isVisible(), timeout=5000)  # "Loading…", then the word
    qtbot.waitUntil(lambda: language.ready and language.popup.text().split()[:1] == ["银行"], timeout=30000)
    assert language.hovered is not None and language.word(language.hovered)[1].word == "银行"
    win.close()
    win.library is None or win.library.close()


def test_the_edit_menu_opened_before_the_build_has_cut_copy_paste_and_select_all(early) -> None:
    """The clipboard items are made after the first paint too (with the capabilities, or when the
    menu first opens): a menu opened before the build (Alt+E, a click) already lists them and they act."""
    from proofreading_pages import select_words
    from PySide6.QtGui import QGuiApplication

    select_words(early, "高质量发展")
    menu = early.edit_menu
    menu.popup(early.mapToGlobal(QPoint(20, 20)))  # not a key or a click: the capabilities stay unbuilt
    items = {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}
    menu.close()
    assert early._capabilities is None
    assert {"Cut", "Copy", "Paste", "Select All"} <= set(items)
    order = list(items)
    assert [name for name in order if name in ("Cut", "Copy", "Paste", "Select All")] == [
        "Cut",
        "Copy",
        "Paste",
        "Select All",
    ]
    assert order.index("Select All") < order.index("Find in Page…")
    assert items["Copy"].isEnabled() and not items["Cut"].isEnabled()  # reading: the text is read-only
    items["Copy"].trigger()
    assert QGuiApplication.clipboard().text() == "高质量发展"
