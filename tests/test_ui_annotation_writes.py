"""A failed annotation write is told in the window, kept for Retry, and never shown as saved;
the annotation editor lets go of a highlight when the page changes (issue 10, items 2 and 3)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotation_pages import open_test_issue
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from test_ui_annotations import column_with, select_by_keyboard

from models.library.failed_writes import write_failure
from ui.common.library_writes import FAILURE_BOX

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
"""


class OtherWriter:
    """Another process holding the library's write lock until released."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            self.process.wait(timeout=10)


@pytest.fixture
def window(library_window, tmp_path: Path):
    win = library_window
    open_test_issue(library_window, tmp_path)
    # The window's connection gives up on a held lock after 0.2 s instead of 10 s.
    win.library.database.execute_sql("PRAGMA busy_timeout = 200")
    return win


@pytest.fixture
def other_writer(window) -> Iterator[OtherWriter]:
    writer = OtherWriter(window.library.path)
    yield writer
    writer.release()


def failure_box(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, FAILURE_BOX) is not None, timeout=5000)
    box = window.findChild(QMessageBox, FAILURE_BOX)
    assert box.isVisible()
    return box


def test_a_highlight_made_while_another_program_holds_the_lock_is_told_kept_and_retried(
    qtbot, window, other_writer
) -> None:
    session = window.annotation_session
    column, position = column_with(window, "高质量发展")
    select_by_keyboard(qtbot, column, position, 5)
    QTest.keyClick(column, Qt.Key.Key_1)
    box = failure_box(qtbot, window)
    assert "not saved" in box.text()
    assert any(word in box.informativeText() for word in ("locked", "busy"))
    retry = box.button(QMessageBox.StandardButton.Retry)
    assert retry is not None
    # Nothing saved, nothing painted, nothing said to be saved; the selection is still there.
    page_id = session.page.page_id
    assert session.annotations.page_highlights(page_id) == []
    painter = session.painters[column.number]
    start = session.page.texts[column.number].find("高质量发展")
    assert painter.background_at(start) is None
    assert "Highlighted" not in window.statusBar().currentMessage()
    assert column.textCursor().selectedText() == "高质量发展"
    # Another process sees no highlight either.
    with sqlite3.connect(window.library.path) as other:
        assert other.execute("SELECT count(*) FROM highlight").fetchone()[0] == 0

    other_writer.release()
    retry.click()
    qtbot.waitUntil(lambda: len(session.annotations.page_highlights(page_id)) == 1)
    made = session.annotations.page_highlights(page_id)[0]
    assert made.exact == "高质量发展"
    assert made.category_id == session.annotations.category_for_key(1).id
    assert painter.background_at(made.start) == session.annotations.category_for_key(1).light_colour
    assert "Highlighted" in window.statusBar().currentMessage()


def test_cancel_leaves_nothing_saved_and_the_next_try_works(qtbot, window, other_writer) -> None:
    session = window.annotation_session
    column, position = column_with(window, "高质量发展")
    select_by_keyboard(qtbot, column, position, 5)
    QTest.keyClick(column, Qt.Key.Key_2)
    failure_box(qtbot, window).button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, FAILURE_BOX) is None)
    assert session.annotations.page_highlights(session.page.page_id) == []
    other_writer.release()
    QTest.keyClick(column, Qt.Key.Key_2)  # the selection stayed: the same key again saves it
    assert [h.exact for h in session.annotations.page_highlights(session.page.page_id)] == ["高质量发展"]


def test_tags_a_note_and_an_undo_under_a_held_lock_are_told_and_retried(qtbot, window) -> None:
    session = window.annotation_session
    column, position = column_with(window, "高质量发展")
    select_by_keyboard(qtbot, column, position, 5)
    QTest.keyClick(column, Qt.Key.Key_6)
    made = session.annotations.page_highlights(session.page.page_id)[0]
    details = session.panel.details
    qtbot.waitUntil(lambda: details.highlight is not None and details.highlight.id == made.id)

    writer = OtherWriter(window.library.path)
    try:
        details.tags.setText("经济, 焦作")
        details.save_tags()
        box = failure_box(qtbot, window)
        assert session.annotations.records([made.id])[0].tags == ()
        assert details.tags.text() == "经济, 焦作"  # what was typed is kept for the retry
        box.button(QMessageBox.StandardButton.Cancel).click()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, FAILURE_BOX) is None)

        window.activateWindow()  # the box had the focus
        qtbot.waitUntil(window.isActiveWindow)
        QTest.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        box = failure_box(qtbot, window)
        assert "undo" in box.text().lower()
        assert [h.id for h in session.annotations.page_highlights(session.page.page_id)] == [made.id]
        assert session.painters[column.number].background_at(made.start) is not None
    finally:
        writer.release()
    box.button(QMessageBox.StandardButton.Retry).click()
    qtbot.waitUntil(lambda: session.annotations.page_highlights(session.page.page_id) == [])
    assert session.painters[column.number].background_at(made.start) is None


def test_a_full_disk_is_named_and_offers_retry(qtbot, window, monkeypatch) -> None:
    session = window.annotation_session
    annotations = session.ensure()
    calls = []

    def full(*args, **kwargs):
        calls.append(args)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(annotations, "create", full)
    column, position = column_with(window, "高质量发展")
    select_by_keyboard(qtbot, column, position, 5)
    QTest.keyClick(column, Qt.Key.Key_3)
    box = failure_box(qtbot, window)
    assert "full" in box.informativeText()
    assert box.button(QMessageBox.StandardButton.Retry) is not None
    box.button(QMessageBox.StandardButton.Retry).click()
    qtbot.waitUntil(lambda: len(calls) == 2)  # the same write, tried again


def test_a_read_only_library_says_so_without_a_useless_retry() -> None:
    failure = write_failure(sqlite3.OperationalError("attempt to write a readonly database"))
    assert failure is not None and failure.reason == "read-only" and not failure.retry_may_help
    assert write_failure(ZeroDivisionError()) is None  # a bug is not dressed up as a disk problem


def test_the_annotation_editor_lets_go_of_a_highlight_when_the_page_changes(qtbot, window) -> None:
    session = window.annotation_session
    column, position = column_with(window, "高质量发展")
    select_by_keyboard(qtbot, column, position, 5)
    QTest.keyClick(column, Qt.Key.Key_6)
    made = session.annotations.page_highlights(session.page.page_id)[0]
    details = session.panel.details
    qtbot.waitUntil(lambda: details.highlight is not None and details.highlight.id == made.id)
    assert details.delete_button.isEnabled()

    assert window.open_library_page(window.test_pages["sample.txt"])
    qtbot.waitUntil(lambda: details.highlight is None)
    assert not details.delete_button.isEnabled()
    assert not details.tags.isEnabled() and not details.note.isEnabled()
    assert details.tags.text() == "" and session.chosen is None
    details.tags.setText("不该")  # typing into a disabled editor reaches no highlight
    details.save_tags()
    details.delete()
    assert session.annotations.records([made.id])[0].tags == ()
    assert not session.annotations.records([made.id])[0].deleted

    # Back on its page, choosing it again edits it.
    assert window.open_library_page(window.test_pages["astral.txt"])
    session.choose(made)
    qtbot.waitUntil(lambda: details.highlight is not None and details.highlight.id == made.id)
    assert details.delete_button.isEnabled()


def test_tags_typed_but_not_confirmed_are_saved_to_their_highlight_before_the_page_changes(
    qtbot, window
) -> None:
    session = window.annotation_session
    column, position = column_with(window, "高质量发展")
    select_by_keyboard(qtbot, column, position, 5)
    QTest.keyClick(column, Qt.Key.Key_6)
    made = session.annotations.page_highlights(session.page.page_id)[0]
    details = session.panel.details
    qtbot.waitUntil(lambda: details.highlight is not None and details.highlight.id == made.id)
    details.tags.setText("经济")
    assert window.open_library_page(window.test_pages["sample.txt"])
    assert session.annotations.records([made.id])[0].tags == ("经济",)


def test_a_tag_rename_under_a_held_lock_is_told_in_the_dialog_and_retried(qtbot, window) -> None:
    from ui.annotations.tag_manager import TagManager

    session = window.annotation_session
    annotations = session.ensure()
    section, at = next(
        (i, t.find("高质量发展")) for i, t in enumerate(session.page.texts) if "高质量发展" in t
    )
    annotations.create(session.page, section, at, at + 5, 1, tags=["发展"])
    dialog = TagManager(annotations, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select("发展")
    dialog.ask_name = lambda tag: "高质量"
    writer = OtherWriter(window.library.path)
    try:
        dialog.rename()
        qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, FAILURE_BOX) is not None, timeout=5000)
        box = dialog.findChild(QMessageBox, FAILURE_BOX)
        assert dialog.tag_rows() == [("发展", 1)]  # nothing renamed meanwhile
    finally:
        writer.release()
    box.button(QMessageBox.StandardButton.Retry).click()
    qtbot.waitUntil(lambda: dialog.tag_rows() == [("高质量", 1)])
    assert annotations.tag_named("发展") is None


def test_a_page_whose_highlights_must_move_under_a_held_lock_is_told_and_retried(qtbot, window) -> None:
    session = window.annotation_session
    annotations = session.annotations
    page = session.page
    section = next(i for i, t in enumerate(page.texts) if "高质量发展" in t)
    at = page.texts[section].index("高质量发展")
    made = annotations.create(page, section, at, at + 5, annotations.category_for_key(6).id)
    raw = page.content.raw
    cut = raw.index("高质量发展")
    # A correction before the words in the same paragraph, stored the way an older Dubao stored one
    # (without moving the highlights at once): they must move on the next opening.
    with sqlite3.connect(window.library.path) as conn:
        conn.execute(
            "INSERT INTO correction (page_id, raw_start, raw_end, replacement, author, created)"
            " VALUES (?, ?, ?, '', 'old', '2020-02-12')",
            (page.page_id, cut - 2, cut),
        )
    conn.close()
    writer = OtherWriter(window.library.path)
    try:
        assert window.open_library_page(page.page_id)
        box = failure_box(qtbot, window)
        assert session.page is None and not session.painters  # nothing painted in the wrong place
    finally:
        writer.release()
    box.button(QMessageBox.StandardButton.Retry).click()
    qtbot.waitUntil(lambda: session.page is not None and bool(session.painters))
    moved = next(h for h in session.page.highlights if h.id == made.id)
    assert session.page.texts[section][moved.start : moved.end] == "高质量发展"
    assert session.painters[section].background_at(moved.start) is not None
