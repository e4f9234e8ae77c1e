"""Several writers in the window (issue 13): a colleague's change is never overwritten silently
(a dialog names who and when), and the library panel shows who proofreads what."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import open_test_issue
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from test_ui_proofreading import caret_before, proofread, shown, type_chinese

from models.annotations.service import Annotations
from models.annotations.texts import section_text
from models.library.service import Library
from ui.common.library_writes import CONFLICT_BOX

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(library_window, tmp_path: Path):
    open_test_issue(library_window, tmp_path)
    library_window.library.preferred_author = "王编辑"
    return library_window


@pytest.fixture
def colleague(window):
    other = Library.open(window.library.path)
    other.preferred_author = "李编辑"
    yield other
    other.close()


def _conflict_box(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, CONFLICT_BOX) is not None, timeout=5000)
    return window.findChild(QMessageBox, CONFLICT_BOX)


def _select_before(qtbot, window, words: str):
    """The column with the caret before ``words`` and the words selected (as 王 sees the page)."""
    column = caret_before(qtbot, window, words)
    for _ in range(len(words)):
        QTest.keyClick(column, Qt.Key.Key_Right, SHIFT)
    return column


def _colleague_corrects(colleague: Library, page_id: int, words: str, replacement: str) -> None:
    """At another desk, the colleague corrects the first ``words`` of the page as they read it."""
    for section, block in enumerate(colleague.page(page_id).current_sections):
        at = section_text(block).find(words)
        if at >= 0:
            colleague.correct(page_id, section, at, at + len(words), replacement)
            return
    raise AssertionError(f"{words} is not on the page")


def test_typing_over_words_a_colleague_corrected_meanwhile_says_who_and_shows_their_text(
    qtbot, window, colleague
) -> None:
    page_id = window.library_page_id
    proofread(qtbot, window)
    column = _select_before(qtbot, window, "𠀀家庄")
    # Meanwhile, at another desk, 李编辑 corrects the same words.
    _colleague_corrects(colleague, page_id, "𠀀家庄", "白家庄")
    type_chinese(column, "石家庄")
    box = _conflict_box(qtbot, window)
    assert "李编辑" in box.text() and "UTC" in box.text()
    assert "石家庄" in box.informativeText()
    # The window shows the colleague's text; the editor's is in the page's history, reverted.
    assert any("白家庄" in t for t in shown(window)) and not any("石家庄的" in t for t in shown(window))
    states = {(e.new, e.author, e.state) for e in window.library.page_history(page_id)}
    assert ("白家庄", "李编辑", "in_force") in states and ("石家庄", "王编辑", "reverted") in states
    box.close()


def test_ctrl_z_over_words_a_colleague_corrected_since_says_who_and_keeps_their_text(
    qtbot, window, colleague
) -> None:
    page_id = window.library_page_id
    proofread(qtbot, window)
    column = _select_before(qtbot, window, "𠀀家庄")
    type_chinese(column, "石家庄")
    qtbot.waitUntil(lambda: any("石家庄" in t for t in shown(window)), timeout=3000)
    # 李编辑 reads the page with 王's correction, and corrects it again.
    _colleague_corrects(colleague, page_id, "石家庄", "白家庄")
    window.annotation_session.undo_action.trigger()  # Ctrl+Z: 王 takes back the typing
    box = _conflict_box(qtbot, window)
    assert box.windowTitle() == "Changed by someone else"
    assert "李编辑" in box.text() and "UTC" in box.text()
    qtbot.waitUntil(lambda: any("白家庄" in t for t in shown(window)), timeout=3000)
    assert not any("𠀀家庄" in t for t in shown(window))  # the OCR's reading was not written back
    states = {(e.new, e.author, e.state) for e in window.library.page_history(page_id)}
    assert ("白家庄", "李编辑", "in_force") in states and ("𠀀家庄", "王编辑", "reverted") in states
    assert not window.annotation_session.undo_action.isEnabled()  # the step left the history
    box.close()


def test_splitting_a_paragraph_where_a_colleague_corrected_meanwhile_says_who_and_splits_nothing(
    qtbot, window, colleague
) -> None:
    page_id = window.library_page_id
    proofread(qtbot, window)
    column = caret_before(qtbot, window, "狠抓", after=1)  # between 狠 and 抓, as 王 sees the page
    _colleague_corrects(colleague, page_id, "狠抓", "紧抓")
    before = sum(t.count("\n") for t in shown(window))  # paragraph breaks shown
    QTest.keyClick(column, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # split here
    box = _conflict_box(qtbot, window)
    assert "李编辑" in box.text()
    qtbot.waitUntil(lambda: any("导向，紧抓工作落实" in t for t in shown(window)), timeout=3000)
    assert sum(t.count("\n") for t in shown(window)) == before
    breaks = {(e.author, e.state) for e in window.library.page_history(page_id) if e.what == "break"}
    assert breaks == {("王编辑", "reverted")}
    box.close()


def test_a_note_a_colleague_changed_since_it_was_shown_is_not_overwritten(qtbot, window, colleague) -> None:
    session = window.annotation_session
    annotations = session.ensure()
    page = annotations.open_page(window.library_page_id)
    category = annotations.categories()[0]
    mark = annotations.create(page, 0, 0, 2, category.id, note="原注")
    details = session.panel.details
    details.show_highlight(annotations.highlight(mark.id))
    theirs = Annotations(colleague)
    theirs.highlight(mark.id)
    theirs.set_note(mark.id, "李的注")
    details.note.setPlainText("王的注")
    details.save_note()
    box = _conflict_box(qtbot, window)
    assert "李编辑" in box.text()
    assert annotations.highlight(mark.id).note == "李的注"
    assert [r["state"] for r in annotations.revisions(mark.id)][-1] == "conflict"
    box.close()


def test_the_panel_assigns_pages_and_an_issue_and_shows_who_proofreads_what(
    qtbot, window, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    window.refresh_library()
    panel = window.library_panel
    tree = panel.tree
    issue = tree.topLevelItem(0)
    tree.expandItem(issue)
    first, second = issue.child(0), issue.child(1)
    menu = panel.context_menu(first)
    texts = [a.text() for a in menu.actions()]
    assert "Assign Page to Editor…" in texts and "Unassign Page" not in texts
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("张编辑", True))
    next(a for a in menu.actions() if a.text() == "Assign Page to Editor…").trigger()
    issue = tree.topLevelItem(0)
    first, second = issue.child(0), issue.child(1)
    assert first.text(0).endswith("— 张编辑") and "张编辑" not in second.text(0)
    assert "张编辑" in issue.text(0)
    assert "assigned by 王编辑" in first.toolTip(0)
    # The whole issue to another editor, from the issue's menu.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("刘编辑", True))
    menu = panel.context_menu(issue)
    next(a for a in menu.actions() if a.text() == "Assign Issue to Editor…").trigger()
    issue = tree.topLevelItem(0)
    assert all(issue.child(j).text(0).endswith("— 刘编辑") for j in range(issue.childCount()))
    assert {a.editor for a in window.library.assignments().values()} == {"刘编辑"}
    assert "Unassign Issue" in [a.text() for a in panel.context_menu(issue).actions()]
    menu = panel.context_menu(issue.child(0))
    next(a for a in menu.actions() if a.text() == "Unassign Page").trigger()
    issue = tree.topLevelItem(0)
    assert "编辑" not in issue.child(0).text(0) and issue.child(1).text(0).endswith("— 刘编辑")
