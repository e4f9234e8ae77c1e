"""F8 / Shift+F8 through the whole issue, and a selected flag shown with its sentence around it
(issue 8: an editor works through an issue page by page from the keyboard).

Seen on Xvfb before: F8 past the page's last flag came round to the page's first again (with one
flag, the same one for ever) while the status bar said "…, 4 in the issue", and the flag F8
selected sat on the column's last line shown, its sentence below the edge.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import open_test_issue
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_proofreading import caret_before, counts, doubtful, proofread

from models.annotations.texts import section_text

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(library_window, tmp_path: Path):
    open_test_issue(library_window, tmp_path)  # astral.txt (shown) then sample.txt
    return library_window


def flags_there(window, name: str) -> int:
    page = window.test_pages[name]
    lines = [line for s in window.library.page(page).current_sections for line in section_text(s).split("\n")]
    return sum(len(found) for found in doubtful(lines))


def selected(window) -> str:
    return window.page_view.active_column().textCursor().selectedText()


def test_f8_past_the_pages_last_flag_goes_on_to_the_next_page_with_flags(qtbot, window) -> None:
    session = window.proofreading
    session.checker = doubtful
    astral, sample = window.test_pages["astral.txt"], window.test_pages["sample.txt"]
    there = flags_there(window, "sample.txt")
    assert there >= 1
    proofread(qtbot, window)
    qtbot.waitUntil(lambda: counts(session) == (2, 2 + there), timeout=20000)
    column = caret_before(qtbot, window, "本报讯")
    QTest.keyClick(column, Qt.Key.Key_F8)
    assert selected(window) == "𠀀明"
    QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F8)
    assert selected(window) == "狠抓"
    QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F8)  # past the last: the next page
    assert window.library_page_id == sample and session.active
    assert "the next page with flags left" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: session.queue.current() is not None, timeout=20000)
    first = session.queue.flags[0]
    assert session.queue.current() == first and selected(window) == first.text
    assert "Enter accepts" in window.statusBar().currentMessage() or first.suggestion is None
    # Shift+F8 before the page's first flag: back to the previous page, on its last flag.
    QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F8, SHIFT)
    assert window.library_page_id == astral
    qtbot.waitUntil(lambda: session.queue.current() is not None, timeout=20000)
    assert selected(window) == "狠抓"
    # Accepting there works as on any flag: the keyboard is in the text.
    QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_Escape)  # dismiss 狠抓
    assert session.active and counts(session)[0] == 1


def gated_checker(session):
    """The session's checker answers only while the returned gate is set (clear it to hold a
    page's check back)."""
    import threading

    gate = threading.Event()
    gate.set()

    def slow(lines):
        gate.wait(20)
        return doubtful(lines)

    session.checker = slow
    return gate


def test_typing_on_the_page_f8_went_on_to_keeps_the_caret_when_its_check_answers(qtbot, window) -> None:
    """F8 onto the next page selects its first flag once the checker has read it; an editor who
    clicked and typed there meanwhile keeps the caret where they typed (it jumped onto the
    flag, selected, and the next key typed would have replaced it)."""
    session = window.proofreading
    gate = gated_checker(session)
    sample = window.test_pages["sample.txt"]
    assert flags_there(window, "sample.txt") >= 1
    proofread(qtbot, window)
    qtbot.waitUntil(lambda: len(counts(session)) == 2 and counts(session)[1] > 2, timeout=20000)
    caret_before(qtbot, window, "本报讯")
    for _ in range(2):
        QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F8)
    gate.clear()  # the next page's check takes its time
    QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F8)
    assert window.library_page_id == sample
    column = window.page_view.active_column()
    QTest.keyClick(column, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(column, "xyz")
    qtbot.wait(50)
    column = window.page_view.active_column()
    typed = column.textCursor().position()
    assert column.toPlainText()[:typed].endswith("xyz")
    gate.set()
    qtbot.waitUntil(lambda: session.flags.checked_page == sample, timeout=20000)
    qtbot.wait(600)  # the check of the text as typed answers too
    column = window.page_view.active_column()
    assert column.textCursor().position() == typed and not column.textCursor().hasSelection()
    QTest.keyClicks(column, "q")
    assert "xyzq" in column.toPlainText()


def test_f8_onto_a_page_then_f2_off_and_on_leaves_the_caret_alone(qtbot, window) -> None:
    """Proofreading ended before the next page's check answered: F8's errand ended with it; the
    mode turned on again does not later jump the caret onto that page's first flag."""
    session = window.proofreading
    gate = gated_checker(session)
    sample = window.test_pages["sample.txt"]
    proofread(qtbot, window)
    qtbot.waitUntil(lambda: len(counts(session)) == 2 and counts(session)[1] > 2, timeout=20000)
    caret_before(qtbot, window, "本报讯")
    for _ in range(2):
        QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F8)
    gate.clear()
    QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F8)
    assert window.library_page_id == sample
    column = window.page_view.active_column()
    QTest.keyClick(column, Qt.Key.Key_F2)
    assert not session.active
    gate.set()
    qtbot.wait(300)
    column = window.page_view.active_column()
    before = column.textCursor().position()
    QTest.keyClick(column, Qt.Key.Key_F2)
    assert session.active
    qtbot.waitUntil(lambda: session.flags.checked_page == sample, timeout=20000)
    qtbot.wait(100)
    column = window.page_view.active_column()
    assert column.textCursor().position() == before and not column.textCursor().hasSelection()


def test_with_no_flags_left_elsewhere_f8_comes_round_the_page(qtbot, window) -> None:
    session = window.proofreading
    sample_lines = {
        line
        for s in window.library.page(window.test_pages["sample.txt"]).current_sections
        for line in section_text(s).split("\n")
    }

    def only_here(lines):
        return [
            [] if line in sample_lines else found for line, found in zip(lines, doubtful(lines), strict=True)
        ]

    session.checker = only_here
    proofread(qtbot, window)
    qtbot.waitUntil(lambda: counts(session) == (2, 2), timeout=20000)
    column = caret_before(qtbot, window, "本报讯")
    for expected in ("𠀀明", "狠抓", "𠀀明"):
        QTest.keyClick(window.page_view.active_column(), Qt.Key.Key_F8)
        assert selected(window) == expected
    assert window.library_page_id == window.test_pages["astral.txt"]
    del column


def test_the_flag_f8_selects_is_shown_in_the_middle_of_its_column(qtbot, window) -> None:
    from conftest import SHARED

    session = window.proofreading
    page = SHARED / "data" / "pages-dev" / "page-001.txt"  # columns of several long paragraphs
    if not page.exists():
        pytest.skip("../shared is not here")
    report = window.library.import_paths([page])
    assert window.open_library_page(report.page_ids[0])
    window.resize(1400, 520)  # short columns: the flag is far below the first lines shown
    qtbot.wait(50)
    # The page's longest paragraph, a word near its end: the column turns to the paragraph's
    # start, and the flag is lines below it.
    paragraphs = [
        (len(ref.text.text), number, ref.text.text)
        for number, column in enumerate(window.page_view.columns)
        for ref in column.blocks[:-2]  # with text below it to scroll to
    ]
    _length, longest, paragraph = max(paragraphs)
    at = len(paragraph) - 6
    while paragraph.count(paragraph[at : at + 2]) > 1 or any(
        paragraph[at : at + 2] in other for _l, _n, other in paragraphs if other is not paragraph
    ):
        at -= 1
    words = paragraph[at : at + 2]

    def near_the_end(lines):
        return [
            [{"start": line.find(words), "end": line.find(words) + 2, "kind": "unknown", "suggestion": None}]
            if words in line
            else []
            for line in lines
        ]

    session.checker = near_the_end
    proofread(qtbot, window)
    qtbot.waitUntil(lambda: len(session.queue.flags) >= 1, timeout=20000)
    column = window.page_view.columns[longest]
    window.page_view.focus_column(longest)
    cursor = column.textCursor()
    cursor.setPosition(0)
    column.setTextCursor(cursor)
    column.verticalScrollBar().setValue(0)
    assert column.verticalScrollBar().maximum() > 0  # the column scrolls
    QTest.keyClick(column, Qt.Key.Key_F8)
    assert selected(window) == words
    middle = column.cursorRect().center().y()
    height = column.viewport().height()
    assert height // 4 <= middle <= height * 3 // 4  # not on the last line shown
