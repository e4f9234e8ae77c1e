"""The scan beside the columns: Ctrl+I shows it, the keyboard zooms and pans, a page without
a scan says so, Attach Scan… keeps one with the page, a broken file is refused (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from scan_images import write_pdf, write_scan


@pytest.fixture
def window(library_window, tmp_path: Path):
    folder = tmp_path / "2020-02-12"
    folder.mkdir()
    (folder / "page-001.txt").write_text(ASTRAL_PAGE, encoding="utf-8")
    (folder / "page-002.txt").write_text(ASTRAL_PAGE.replace("示范区", "开发区"), encoding="utf-8")
    write_scan(folder / "page-001.png", 1200, 1600)
    win = library_window
    report = win.library.import_paths([folder])
    win.test_pages = report.page_ids
    assert win.open_library_page(report.page_ids[0])
    return win


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)


def loaded(qtbot, session) -> None:
    qtbot.waitUntil(
        lambda: session.pane.has_image() or "Loading" not in session.pane.note.text(), timeout=10000
    )


def test_ctrl_i_shows_the_pages_scan_beside_the_columns_and_hides_it(qtbot, window) -> None:
    session = window.scan_session
    assert not session.pane.isVisible()
    window.page_view.focus_column(0)
    press(window.page_view.columns[0], Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert session.pane.isVisible() and session.toggle_action.isChecked()
    loaded(qtbot, session)
    assert session.pane.has_image()
    pixmap = session.pane.view.pixmap()
    assert (pixmap.width(), pixmap.height()) == (1200, 1600)
    image = pixmap.toImage()
    assert image.pixelColor(10, 10).name() == "#000000"  # the black block top left
    assert image.pixelColor(1190, 1590).name() == "#ff0000"  # the red one bottom right
    # Beside the columns: the pane is to the right of the page view and both have width.
    assert session.pane.width() > 100 and window.page_view.width() > 300
    assert (
        session.pane.mapTo(window, QPoint(0, 0)).x() >= window.page_view.mapTo(window, QPoint(0, 0)).x() + 300
    )
    # Fitted: the whole page is in view.
    view = session.pane.view
    assert view.scale_factor() * 1600 <= view.viewport().height() + 1
    assert QApplication.focusWidget() is view  # the keys now zoom and pan
    press(view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert not session.pane.isVisible()


def test_zoom_and_pan_from_the_keyboard_and_ctrl_wheel(qtbot, window) -> None:
    session = window.scan_session
    session.set_shown(True)
    loaded(qtbot, session)
    view = session.pane.view
    fitted = view.scale_factor()
    press(view, Qt.Key.Key_Plus)
    assert view.scale_factor() == pytest.approx(fitted * 1.25)
    press(view, Qt.Key.Key_Minus)
    assert view.scale_factor() == pytest.approx(fitted)
    for _ in range(6):
        press(view, Qt.Key.Key_Equal)
    big = view.scale_factor()
    assert big > fitted * 3
    x, y = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    press(view, Qt.Key.Key_Right)
    press(view, Qt.Key.Key_Down)
    assert view.horizontalScrollBar().value() > x and view.verticalScrollBar().value() > y
    press(view, Qt.Key.Key_Left)
    press(view, Qt.Key.Key_Up)
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == (x, y)
    press(view, Qt.Key.Key_0)
    assert view.scale_factor() == pytest.approx(fitted)
    press(view, Qt.Key.Key_W)  # fit the width
    assert view.scale_factor() * 1200 == pytest.approx(view.viewport().width() - 2, abs=2)
    middle = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        middle,
        view.viewport().mapToGlobal(middle),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    before = view.scale_factor()
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.scale_factor() == pytest.approx(before * 1.25)


def test_a_page_without_a_scan_says_so_plainly(qtbot, window) -> None:
    session = window.scan_session
    session.set_shown(True)
    loaded(qtbot, session)
    assert window.open_library_page(window.test_pages[1])
    qtbot.waitUntil(lambda: "No scan" in session.pane.note.text(), timeout=10000)
    assert not session.pane.has_image() and session.pane.note.isVisible()
    assert "Attach Scan" in session.pane.note.text()


def test_attach_scan_keeps_it_with_the_page_and_shows_it(qtbot, window, tmp_path: Path) -> None:
    session = window.scan_session
    page_id = window.test_pages[1]
    assert window.open_library_page(page_id)
    pdf = write_pdf(tmp_path / "issue.pdf", pages=3)
    session.ask_scan_path = lambda: (str(pdf), "")
    asked = []
    session.ask_pdf_page = lambda count, suggested: asked.append(count) or 1
    assert session.attach()
    assert asked == [3]
    with qtbot.waitSignal(session.attached, timeout=20000):
        pass  # read and rendered in the background, then stored
    assert window.library.page_scan(page_id).source_name == "issue.pdf#2"
    assert session.pane.isVisible()  # attaching shows it
    loaded(qtbot, session)
    assert session.pane.has_image()
    assert session.pane.view.pixmap().width() == window.library.page_scan(page_id).width


def test_a_broken_scan_file_is_refused_in_a_dialog_and_nothing_is_written(
    qtbot, window, tmp_path: Path
) -> None:
    session = window.scan_session
    page_id = window.test_pages[1]
    assert window.open_library_page(page_id)
    good = write_scan(tmp_path / "good.png").read_bytes()
    broken = tmp_path / "broken.png"
    broken.write_bytes(good[:-30])
    session.ask_scan_path = lambda: (str(broken), "")
    assert session.attach()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=20000)
    box = window.findChild(QMessageBox, "errorBox")
    assert "not attached" in box.text() and "broken.png: a broken PNG file" in box.informativeText()
    assert window.library.page_scan(page_id) is None


def test_a_page_opened_from_a_file_shows_the_scan_beside_it(qtbot, window, tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    page = loose / "p3.txt"
    page.write_text(ASTRAL_PAGE.replace("示范区", "新区"), encoding="utf-8")
    write_scan(loose / "p3.jpg", 300, 400)
    window.open_page_file(page)
    session = window.scan_session
    session.set_shown(True)
    loaded(qtbot, session)
    assert session.pane.has_image() and session.pane.view.pixmap().width() == 300


def test_the_pane_comes_back_in_the_next_session(qtbot, window, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    window.scan_session.set_shown(True)
    window.settings.sync()
    again = MainWindow(
        Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat)),
        db=str(window.library.path),
    )
    qtbot.addWidget(again)
    assert again.scan_session.toggle_action.isChecked()
    again.scan_session.wait()


def test_a_stored_scan_qt_cannot_decode_is_named_in_the_pane(qtbot, window) -> None:
    import sqlite3

    page_id = window.test_pages[1]
    # Bytes that look like a JPEG to the core's check but hold no image (damaged after storing).
    junk = b"\xff\xd8\xff\xc0\x00\x11\x08\x00\x10\x00\x10\x03" + b"\x00" * 200 + b"\xff\xd9"
    with sqlite3.connect(window.library.path) as conn:
        conn.execute(
            "INSERT INTO page_image (page_id, media_type, data, width, height, source_name, created)"
            " VALUES (?, 'image/jpeg', ?, 16, 16, 'damaged.jpg', '2026-01-01')",
            (page_id, junk),
        )
    assert window.open_library_page(page_id)
    session = window.scan_session
    session.set_shown(True)
    qtbot.waitUntil(lambda: "damaged.jpg" in session.pane.note.text(), timeout=10000)
    assert "cannot be shown" in session.pane.note.text() and not session.pane.has_image()


def test_ctrl_i_keeps_the_proofreading_caret_and_its_column_in_view(qtbot, window) -> None:
    from models.annotations.texts import section_text
    from ui.annotations.highlight_positions import SectionPositions

    window.resize(1000, 800)
    view = window.page_view
    number = next(i for i, c in enumerate(view.columns) if "狠抓" in "".join(r.text.text for r in c.blocks))
    view.focus_column(number)
    column = view.columns[number]
    QTest.keyClick(column, Qt.Key.Key_F2)
    assert window.proofreading.active
    text = "\n".join(ref.text.text for ref in column.blocks)
    at = text.index("狠抓")
    cursor = column.textCursor()
    cursor.setPosition(SectionPositions(column).to_document(at))  # mid-paragraph, after 𠀀
    column.setTextCursor(cursor)
    session = window.scan_session
    press(column, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert session.pane.isVisible()
    loaded(qtbot, session)
    qtbot.wait(50)
    left = column.mapTo(view.scroll.viewport(), QPoint(0, 0)).x()
    assert left >= 0 and left + column.width() <= view.scroll.viewport().width()  # still in view
    press(session.pane.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert not session.pane.isVisible() and column.hasFocus()
    assert (
        SectionPositions(column).to_section(column.textCursor().position()) == at
    )  # not the paragraph start
    QTest.keyClicks(column, "x")
    page = window.library.page(window.test_pages[0])
    assert any("x狠抓" in section_text(s) for s in page.current_sections)


def test_ctrl_i_on_a_page_without_a_scan_takes_the_keys_so_plus_never_types(qtbot, window) -> None:
    """Proofreading a page with no scan, Ctrl+I then + to zoom: the keyboard had stayed in the
    column (the pane's note took no focus), so each + was typed into the text as a correction
    (seen on Xvfb). The pane takes the keys as it does with a scan; Ctrl+I gives them back."""
    from PySide6.QtWidgets import QApplication

    from models.annotations.texts import section_text

    assert window.open_library_page(window.test_pages[1])  # no scan beside this one
    view = window.page_view
    column = view.columns[1]
    view.focus_column(1)
    QTest.keyClick(column, Qt.Key.Key_F2)
    before = [section_text(s) for s in window.library.page(window.test_pages[1]).current_sections]
    session = window.scan_session
    press(QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "No scan" in session.pane.note.text(), timeout=10000)
    focus = QApplication.focusWidget()
    assert focus is not None and session.pane.isAncestorOf(focus)
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Down, Qt.Key.Key_Minus):
        press(focus, key)
    qtbot.wait(50)
    assert [section_text(s) for s in window.library.page(window.test_pages[1]).current_sections] == before
    press(focus, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert not session.pane.isVisible() and QApplication.focusWidget() is view.active_column()


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "TIFF"])
def test_a_scan_is_decoded_by_the_format_its_bytes_name(qtbot, kind: str) -> None:
    """The worker names the format (no plugin is asked whether the bytes are its own: the SVG
    plugin's question could deadlock with the window thread) and still shows every stored kind."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QImageWriter

    from ui.proofreading.scan_pane import decode_scan, scan_format

    if kind.lower().encode() not in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
        pytest.skip(f"Qt here cannot write {kind}")
    image = QImage(120, 160, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, kind)
    buffer.close()
    stored = bytes(data)
    assert scan_format(stored) == kind
    decoded, problem = decode_scan(stored)
    assert decoded is not None and problem == ""
    assert (decoded.width(), decoded.height()) == (120, 160)
    assert scan_format(b"%PDF-1.7") is None and decode_scan(b"not an image")[0] is None


def test_ctrl_i_gives_the_scan_the_room_beside_one_whole_column(qtbot, window) -> None:
    """The scan opened at a third of the area between the docks (224 px in a 1280 px window):
    too narrow to read a line. It takes half now, less only where a whole column of text would
    no longer fit beside it, and never less than that third."""
    window.resize(1280, 820)
    qtbot.wait(50)
    view = window.page_view
    view.focus_column(1)
    session = window.scan_session
    press(view.columns[1], Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    loaded(qtbot, session)
    qtbot.wait(50)
    total = window.splitter.width()
    assert session.pane.width() > total * 0.32 + 8  # wider than the third it opened at
    column = view.columns[1]
    left = column.mapTo(view.scroll.viewport(), QPoint(0, 0)).x()
    assert left >= 0 and left + column.width() <= view.scroll.viewport().width()  # a whole column


def test_the_width_the_scan_is_dragged_to_is_kept_for_its_next_showing(qtbot, window, tmp_path: Path) -> None:
    session = window.scan_session
    session.set_shown(True)
    loaded(qtbot, session)
    splitter = window.splitter
    index = splitter.indexOf(session.pane)
    handle = splitter.handle(index)
    total = splitter.width()
    target = total // 4  # the editor drags the scan narrower, to a quarter
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(2, 10))
    QTest.mouseMove(handle, handle.mapFrom(splitter, QPoint(total - target, 10)) + QPoint(2, 0))
    QTest.mouseRelease(
        handle,
        Qt.MouseButton.LeftButton,
        pos=handle.mapFrom(splitter, QPoint(total - target, 10)) + QPoint(2, 0),
    )
    dragged = session.pane.width()
    assert abs(dragged - target) < 20
    session.set_shown(False)
    session.set_shown(True)
    assert abs(session.pane.width() - dragged) <= 2
    window.close()  # the next session opens it as wide
    from ui.shell.main_window import MainWindow

    again = MainWindow(window.settings, db=str(tmp_path / "library.sqlite3"))
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    again.build_capabilities()
    again.scan_session.set_shown(False)
    again.scan_session.set_shown(True)
    assert abs(again.scan_session.pane.width() - dragged) <= 2
    again.scan_session.wait()


def test_the_scan_and_the_raw_text_both_shown_share_the_room_alike(qtbot, window) -> None:
    """Ctrl+I then Ctrl+U: neither is squeezed to a strip of a few characters (the raw text got
    139 px beside a 218 px scan when the scan's larger share was scaled down with it)."""
    window.resize(1280, 820)
    qtbot.wait(50)
    window.scan_session.set_shown(True)
    loaded(qtbot, window.scan_session)
    window.set_raw_view_shown(True)
    qtbot.wait(50)
    scan, raw = window.scan_session.pane.width(), window.raw_view.width()
    assert abs(scan - raw) <= 12
    assert scan + raw >= window.splitter.width() * 0.45 - 12


def whole_column_in_view(window) -> bool:
    view = window.page_view
    return view.scroll.viewport().width() >= max(column.width() for column in view.columns)


def test_a_remembered_width_still_leaves_a_whole_column_in_view(qtbot, window) -> None:
    """A raw text dragged to 900 px (in a wider window) left the columns 99 px in a 1280 px
    one: the width remembered gives way so one whole column still fits beside it."""
    window.settings.set_side_width("rawView", 900)
    window.resize(1280, 820)
    qtbot.wait(50)
    window.set_raw_view_shown(True)
    qtbot.wait(50)
    assert whole_column_in_view(window)
    assert window.raw_view.width() > window.splitter.width() * 0.3  # still the wide pane dragged to
    window.scan_session.set_shown(True)  # both shown: the columns keep readable room
    loaded(qtbot, window.scan_session)
    qtbot.wait(50)
    assert window.page_view.width() > 300
    assert min(window.scan_session.pane.width(), window.raw_view.width()) > 150


def test_dragging_the_scan_leaves_the_raw_texts_width_to_be_shared(qtbot, window) -> None:
    """Dragging the handle between the columns and the scan remembers the scan's width only:
    the raw text beside it (never dragged) still takes its share when next shown."""
    window.resize(1280, 820)
    qtbot.wait(50)
    session = window.scan_session
    session.set_shown(True)
    loaded(qtbot, session)
    window.set_raw_view_shown(True)
    qtbot.wait(50)
    splitter = window.splitter
    handle = splitter.handle(splitter.indexOf(session.pane))
    start = handle.mapTo(splitter, QPoint(2, 10))
    target = start + QPoint(-60, 0)  # the scan 60 px wider, the columns narrower
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(2, 10))
    QTest.mouseMove(handle, handle.mapFrom(splitter, target))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=handle.mapFrom(splitter, target))
    assert window.settings.side_width("scanPane") > 0
    assert window.settings.side_width("rawView") == 0  # not dragged: not remembered


def test_attach_scan_opens_in_the_folder_the_page_was_imported_from(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    """Scans sit beside the page files: Attach Scan… opened in the folder Dubao was started
    from for a library page."""
    started = tmp_path / "started-here"
    started.mkdir()
    monkeypatch.chdir(started)
    session = window.scan_session
    assert window.open_library_page(window.test_pages[1])
    folder = Path(window.library.page_info(window.test_pages[1]).source_path).parent
    assert folder.is_dir() and folder != started
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    opened: list[Path] = []

    def look_and_cancel() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()
        )
        opened.append(Path(dialog.directory().absolutePath()))
        dialog.reject()

    QTimer.singleShot(300, look_and_cancel)
    assert session.ask_scan_path()[0] == ""  # the dialog Attach Scan… asks with, cancelled
    assert opened == [folder]
