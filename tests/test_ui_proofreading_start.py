"""Where the caret is when proofreading starts (F2), on a page opened from a file.

The page is added to the library and shown again from there; typing must start where the
editor was: the selection, the caret they put, the character under the mouse if they moved it
over the page, or else the first paragraph in view (never the masthead)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtTest import QTest

from models.annotations.texts import section_text
from ui.annotations.highlight_positions import SectionPositions
from ui.language.word_geometry import char_boxes


@pytest.fixture
def window(library_window, tmp_path: Path):
    page = tmp_path / "loose.txt"
    page.write_text(ASTRAL_PAGE, encoding="utf-8")
    QCursor.setPos(QPoint(5000, 5000))  # the mouse is nowhere near the page unless a test puts it there
    library_window.open_page_file(page)
    assert library_window.page_where.startswith("file:")
    return library_window


def texts(win) -> list[str]:
    content = win.library.page(win.library_page_id)
    return [section_text(s) for s in content.current_sections]


def column_with(win, words: str):
    for index, column in enumerate(win.page_view.columns):
        text = "\n".join(ref.text.text for ref in column.blocks)
        at = text.find(words)
        if at >= 0:
            return index, column, at
    raise AssertionError(words)


def press_f2(win) -> None:
    QTest.keyClick(win.page_view.active_column() or win, Qt.Key.Key_F2)
    assert win.proofreading.active and win.page_where.startswith("library:")


def test_f2_keeps_the_caret_the_reader_put_in_the_body_text(qtbot, window) -> None:
    index, column, at = column_with(window, "狠抓")
    window.page_view.focus_column(index)
    cursor = column.textCursor()
    cursor.setPosition(SectionPositions(column).to_document(at))  # after 𠀀 in the paragraph
    column.setTextCursor(cursor)
    press_f2(window)
    view = window.page_view
    assert view.active == index and not view.active_column().is_masthead
    assert view.active_column().hasFocus()
    QTest.keyClicks(view.active_column(), "x")
    assert any("导向，x狠抓" in t for t in texts(window)), texts(window)


def test_f2_keeps_the_selection_and_typing_replaces_it(qtbot, window) -> None:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    index, column, at = column_with(window, "𠀀家庄")
    window.page_view.focus_column(index)
    positions = SectionPositions(column)
    cursor = column.textCursor()
    cursor.setPosition(positions.to_document(at))
    cursor.setPosition(positions.to_document(at + 3), cursor.MoveMode.KeepAnchor)
    column.setTextCursor(cursor)
    press_f2(window)
    active = window.page_view.active_column()
    assert active.textCursor().selectedText() == "𠀀家庄"
    event = QInputMethodEvent("", [])
    event.setCommitString("石家庄")
    QApplication.sendEvent(active, event)
    assert any("参观了石家庄的" in t for t in texts(window)), texts(window)


def test_f2_with_no_caret_put_starts_at_the_character_under_the_mouse(qtbot, window) -> None:
    index, column, at = column_with(window, "示范区召开城乡")
    block = next(i for i, ref in enumerate(column.blocks) if "示范区召开城乡" in ref.text.text)
    within = column.blocks[block].text.text.find("示范区召开城乡")
    box = char_boxes(column, block, [within])[0]
    point = box.center().toPoint() - QPoint(int(box.width() / 4), 0)
    QCursor.setPos(column.viewport().mapToGlobal(point))
    QTest.mouseMove(column.viewport(), point)  # the reader moved it there
    assert window.page_view.active_column().is_masthead  # as the page opened
    press_f2(window)
    active = window.page_view.active_column()
    assert window.page_view.active == index
    QTest.keyClicks(active, "x")
    assert any("月20日，x示范区召开城乡" in t for t in texts(window)), texts(window)


def test_f2_with_no_caret_and_the_mouse_away_starts_at_the_first_body_text(qtbot, window) -> None:
    assert window.page_view.active_column().is_masthead
    press_f2(window)
    active = window.page_view.active_column()
    assert not active.is_masthead and active.hasFocus()
    QTest.keyClicks(active, "x")
    assert any(t.startswith("x本报讯") or "\nx本报讯" in t for t in texts(window)), texts(window)
    assert not any("x𠀀城日报" in t for t in texts(window))


def test_f2_with_the_pointer_resting_over_an_article_since_the_page_was_shown_starts_at_the_first_body_text(
    qtbot, window
) -> None:
    """A pointer resting where it was left (or where the screen put it) and not moved over the
    page since it was shown is not where the editor reads: F2 starts at the first body text."""
    _index, column, _at = column_with(window, "示范区召开城乡")
    block = next(i for i, ref in enumerate(column.blocks) if "示范区召开城乡" in ref.text.text)
    within = column.blocks[block].text.text.find("示范区召开城乡")
    point = char_boxes(column, block, [within])[0].center().toPoint()  # not the first body text
    QCursor.setPos(column.viewport().mapToGlobal(point))  # put there, never moved over the page
    press_f2(window)
    QTest.keyClicks(window.page_view.active_column(), "x")
    assert any(t.startswith("x本报讯") or "\nx本报讯" in t for t in texts(window)), texts(window)
    assert not any("x示范区" in t for t in texts(window))


@pytest.mark.parametrize("cut_shown", [0.0, 0.66])
def test_f2_on_a_page_scrolled_sideways_starts_at_the_first_paragraph_in_view_and_the_page_stays(
    qtbot, library_window, cut_shown
) -> None:
    """The reader scrolled the strip (no caret put, the pointer away): typing starts at the first
    paragraph of the first column in view whole (the one before it shown ``cut_shown``, cut down
    its middle), and the page does not jump back to its start: that column stays in view whole.
    (A page shown again from the library may still move it once as its layout settles.)"""
    from conftest import SAMPLE_PAGE

    window = library_window
    QCursor.setPos(QPoint(5000, 5000))
    window.open_page_file(SAMPLE_PAGE)
    view = window.page_view
    bar = view.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > view.scroll.viewport().width())
    strip = [c for c in view.columns if not c.is_masthead]
    target = strip[len(strip) // 2]
    left = target.mapTo(view.strip, QPoint(0, 0)).x()
    number = view.columns.index(target)
    cut = view.columns[number - 1]
    # As the scroll bar leaves it: that column the first whole one in view.
    bar.setValue(left - 6 - 9 - int(cut.width() * cut_shown))
    assert not cut.is_masthead and cut.mapTo(view.strip, QPoint(0, 0)).x() < bar.value()

    def in_view() -> int:  # where the column's left edge stands from the view's
        return view.columns[number].mapTo(view.strip, QPoint(0, 0)).x() - bar.value()

    before = in_view()
    assert view.active_column() is view.columns[0] and view.active_column().textCursor().position() == 0
    first = next(ref for ref in target.blocks if ref.part == "paragraph").text.text
    press_f2(window)
    assert view.active == number
    qtbot.wait(50)  # the strip's second scroll, once the layout has settled
    assert 0 <= in_view() and in_view() + view.columns[number].width() <= view.scroll.viewport().width()
    assert abs(in_view() - before) < view.scroll.viewport().width() // 4  # no jump to the start
    QTest.keyClicks(view.active_column(), "x")
    shown = [section_text(s) for s in window.library.page(window.library_page_id).current_sections]
    assert any(("x" + first[:6]) in t for t in shown), (first, shown)


def test_a_page_that_cannot_be_added_to_the_library_is_told_and_the_mode_stays_off(
    qtbot, window, monkeypatch
) -> None:
    def broken(*_args, **_kwargs):
        raise OSError("database or disk is full")

    monkeypatch.setattr(window.library, "import_paths", broken)
    QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F2)
    box = window._error_box
    assert box.isVisible() and box.text() == "The page was not added to the library"
    assert "disk is full" in box.informativeText()
    box.close()
    assert not window.proofreading.active and not window.proofreading.proofread_action.isChecked()
    assert window.page_where.startswith("file:")


def test_f2_with_the_pointer_where_the_page_was_shown_over_it_starts_at_the_first_body_text(
    qtbot, library_window, tmp_path: Path
) -> None:
    """A page shown under a resting pointer gets a mouse move there without the reader moving
    anything: that is not where they read either; F2 starts at the first body text."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    page = tmp_path / "loose.txt"
    page.write_text(ASTRAL_PAGE, encoding="utf-8")
    QCursor.setPos(QPoint(5000, 5000))
    library_window.open_page_file(page)
    _index, column, _at = column_with(library_window, "示范区召开城乡")
    block = next(i for i, ref in enumerate(column.blocks) if "示范区召开城乡" in ref.text.text)
    within = column.blocks[block].text.text.find("示范区召开城乡")
    point = char_boxes(column, block, [within])[0].center().toPoint()
    QCursor.setPos(column.viewport().mapToGlobal(point))
    library_window.open_page_file(page)  # shown again, under the resting pointer
    index, column, _at = column_with(library_window, "示范区召开城乡")
    assert column.viewport().mapToGlobal(point) == QCursor.pos()
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(column.viewport().mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(column.viewport(), move)  # what the window system sends on showing
    assert column.pointer_moved_to == QCursor.pos()
    press_f2(library_window)
    QTest.keyClicks(library_window.page_view.active_column(), "x")
    shown = texts(library_window)
    assert any(t.startswith("x本报讯") or "\nx本报讯" in t for t in shown), shown
    assert not any("x示范区" in t for t in shown)


def caption_first_page(tmp_path: Path) -> Path:
    """The sample page's masthead, then its photo caption, then its first article."""
    from conftest import SAMPLE_PAGE

    lines = SAMPLE_PAGE.read_text(encoding="utf-8").split("\n")
    caption = "\n".join(lines[next(i for i, line in enumerate(lines) if "为保证示范区" in line) :])
    head = "\n".join(lines[: lines.index("区组织人社局：")]).rstrip("\n")
    at = head.index("本报讯")
    page = tmp_path / "caption-first.txt"
    page.write_text(head[:at] + caption.rstrip("\n") + "\n\n\n" + head[at:] + "\n", encoding="utf-8")
    return page


def test_f2_on_a_page_opening_with_a_photo_caption_starts_at_the_first_body_text(
    qtbot, library_window, tmp_path: Path
) -> None:
    QCursor.setPos(QPoint(5000, 5000))
    library_window.open_page_file(caption_first_page(tmp_path))
    view = library_window.page_view
    kinds = [[ref.part for ref in c.blocks] for c in view.columns if not c.is_masthead]
    assert set(kinds[0]) == {"caption"}  # the first column shown whole is the caption
    press_f2(library_window)
    QTest.keyClicks(view.active_column(), "x")
    shown = texts(library_window)
    assert any(t.startswith("x本报讯") or "\nx本报讯" in t for t in shown), shown
    assert not any(t.startswith("x为保证") for t in shown), shown


def test_f2_in_a_long_paragraph_scrolled_down_starts_at_its_first_line_in_view_and_it_stays(
    qtbot, library_window, tmp_path: Path
) -> None:
    """The reader scrolled a column down into a paragraph taller than the view: typing starts at
    the first line they see, and the column does not jump (down to the next paragraph, or up
    to this one's start)."""
    words = "𠀀城示范区召开城乡一体化工作推进大会会议指出要坚持问题导向"
    paragraphs = [f"　　第{n}段" + words * (40 if n == 2 else 3) + "。" for n in range(1, 5)]
    page = tmp_path / "long-paragraph.txt"
    page.write_text("𠀀城日报\n\n𠀀城新闻 示范区召开大会\n\n" + "\n".join(paragraphs) + "\n", "utf-8")
    QCursor.setPos(QPoint(5000, 5000))
    library_window.open_page_file(page)
    view = library_window.page_view
    number, column = next(
        (i, c) for i, c in enumerate(view.columns) if sum(r.part == "paragraph" for r in c.blocks) >= 4
    )
    long = next(i for i, ref in enumerate(column.blocks) if ref.text.text.startswith("第2段"))
    top, bottom = column.block_rect(long)
    height = column.viewport().height()
    assert bottom - top > 2 * height  # taller than the view
    bar = column.verticalScrollBar()
    bar.setValue(int(top + height // 2))
    seen = column.cursorForPosition(QPoint(2, 2))
    seen.movePosition(seen.MoveOperation.Right, seen.MoveMode.KeepAnchor, 4)
    seen_text = seen.selectedText()
    press_f2(library_window)
    qtbot.wait(50)
    column = view.columns[number]
    assert view.active == number
    assert abs(column.verticalScrollBar().value() - (top + height // 2)) < height // 4
    QTest.keyClicks(column, "x")
    text = next(t for t in texts(library_window) if "第2段" in t)
    at = text.find("x")
    assert at > text.find("第2段") + 40 and at < text.find("第3段"), text[at - 10 : at + 10]
    assert seen_text[:2] in text[at - 4 : at + 8], (seen_text, text[at - 10 : at + 10])
