"""After undoing or redoing a structure edit or a batch correction, the keyboard is still in the
column with the caret on the words the editor was at, so the next key types there (issue 8).

Keys are pressed as a quick editor presses them: one after another, the window not waiting
for the event loop between them (several key events in the window system's queue are handed
to the window in one go). A page laid out twice in one turn of the loop once left its old
masthead column unparented with the layout's queued show still coming: it opened as a window
of its own, the main window lost the keyboard, and Ctrl+Z, Ctrl+Shift+Z and typing did nothing
until a click.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_ui_proofreading import caret_before, proofread, shown, texts

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(library_window, tmp_path: Path):
    from annotation_pages import open_test_issue

    open_test_issue(library_window, tmp_path)
    return library_window


def press(window, key: Qt.Key, modifiers=NONE) -> None:
    """A key as the editor presses it: to the widget that has the keyboard (none: the window)."""
    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)


#: (what the editor does, the keys before the step, the step's keys, the words the caret is before)
SPLIT_ARTICLE = [(Qt.Key.Key_Return, NONE), (Qt.Key.Key_Return, CTRL | ALT)]
STEPS = [
    ("split paragraph", [], [(Qt.Key.Key_Return, NONE)], "会议要求"),
    ("join paragraphs", [(Qt.Key.Key_Return, NONE)], [(Qt.Key.Key_Backspace, NONE)], "会议要求"),
    ("join with next", [(Qt.Key.Key_Return, NONE)], [(Qt.Key.Key_J, CTRL)], "会议要求"),
    ("make heading", [(Qt.Key.Key_Return, NONE)], [(Qt.Key.Key_H, CTRL | ALT)], "会议要求"),
    ("make kicker", [(Qt.Key.Key_Return, NONE)], [(Qt.Key.Key_K, CTRL | ALT)], "会议要求"),
    ("make subheading", [(Qt.Key.Key_Return, NONE)], [(Qt.Key.Key_S, CTRL | ALT)], "会议要求"),
    ("make byline", [(Qt.Key.Key_Return, NONE)], [(Qt.Key.Key_B, CTRL | ALT)], "会议要求"),
    ("split article", [(Qt.Key.Key_Return, NONE)], [(Qt.Key.Key_Return, CTRL | ALT)], "会议要求"),
    ("join articles", SPLIT_ARTICLE, [(Qt.Key.Key_J, CTRL | ALT)], "会议要求"),
    ("move section", SPLIT_ARTICLE, [(Qt.Key.Key_PageUp, CTRL | SHIFT)], "会议要求"),
]


def page(window) -> list[list[tuple[str, str]]]:
    """What the columns show: each block's part and text."""
    return [[(ref.part, ref.text.text) for ref in c.blocks] for c in window.page_view.columns]


def kind_caption(window) -> None:
    """Edit ▸ Structure ▸ Section Kind ▸ Caption (Alt+E, T, K, C)."""
    kinds = next(a.menu() for a in window.proofreading.structure_menu.actions() if a.menu() is not None)
    next(a for a in kinds.actions() if a.text() == "&Caption").trigger()


STEPS.append(("section kind", [(Qt.Key.Key_Return, NONE)], kind_caption, "会议要求"))


def types_at_caret(qtbot, window, words: str) -> None:
    """The keyboard is in the active column, and a letter typed now lands just before ``words``."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.page_view.active_column(), timeout=3000)
    press(window, Qt.Key.Key_X)
    assert any(f"x{words}" in t for t in texts(window)), (words, texts(window))
    qtbot.waitUntil(lambda: any(f"x{words}" in t for t in shown(window)))


@pytest.mark.parametrize("back", ["undo", "redo"])
@pytest.mark.parametrize(("name", "before", "step", "words"), STEPS, ids=[s[0] for s in STEPS])
def test_after_undo_or_redo_of_a_structure_edit_typing_edits_at_the_caret(
    qtbot, window, name, before, step, words, back
) -> None:
    proofread(qtbot, window)
    caret_before(qtbot, window, words)
    for key, modifiers in before:
        press(window, key, modifiers)
    if name == "join articles":
        caret_before(qtbot, window, "本报讯", after=2)
        words = "讯记者"
    elif name == "join paragraphs":
        caret_before(qtbot, window, words)
    elif name == "join with next":
        caret_before(qtbot, window, "问题导向")
        words = "问题导向"
    ahead = page(window)
    if callable(step):
        step(window)
    else:
        for key, modifiers in step:
            press(window, key, modifiers)
    done = page(window)
    assert done != ahead, name
    press(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: page(window) == ahead)
    if back == "redo":
        press(window, Qt.Key.Key_Z, CTRL | SHIFT)
        qtbot.waitUntil(lambda: page(window) == done)
    types_at_caret(qtbot, window, words)


def test_after_undo_and_redo_of_correct_everywhere_typing_edits_at_the_selection(qtbot, window) -> None:
    """Correct Everywhere from a selection (Ctrl+Shift+H, the replacement, Alt+A), then Ctrl+Z
    and Ctrl+Shift+Z: each time the keyboard is back in the column, on the words selected."""
    proofread(qtbot, window)
    column = caret_before(qtbot, window, "示范区召开城乡")
    cursor = column.textCursor()
    cursor.movePosition(cursor.MoveOperation.NextCharacter, cursor.MoveMode.KeepAnchor, 3)
    column.setTextCursor(cursor)
    before = texts(window)
    press(window, Qt.Key.Key_H, CTRL | SHIFT)
    dialog = window.proofreading.review.dialog
    qtbot.waitUntil(lambda: len(dialog.occurrences) > 0, timeout=10000)
    dialog.new_edit.insert("园区")  # as an input method commits it
    QTest.keyClick(dialog.new_edit, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: texts(window) != before)  # applied; the dialog has closed
    window.activateWindow()  # the dialog has gone (offscreen has no window manager to do it)
    qtbot.waitUntil(lambda: any("园区召开城乡" in t for t in shown(window)))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.page_view.active_column(), timeout=3000)
    corrected = texts(window)
    press(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: texts(window) == before and any("示范区召开城乡" in t for t in shown(window)))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.page_view.active_column(), timeout=3000)
    press(window, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: texts(window) == corrected and any("园区召开城乡" in t for t in shown(window)))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.page_view.active_column(), timeout=3000)
    press(window, Qt.Key.Key_X)  # on the words selected (the corrected ones, as a redo selects them)
    assert any("20日，x" in t for t in texts(window)), texts(window)


def test_joining_an_article_whose_next_one_has_a_kicker_keeps_the_caret_on_its_words(
    qtbot, library_window, tmp_path: Path
) -> None:
    """The next article's kicker and byline go to the head of the joined one (this one has
    none): the caret stays on the words the editor was at, not on the characters that now stand
    at its old offset."""
    from annotation_pages import import_test_issue
    from proofreading_pages import TWO_ARTICLES, find

    window = library_window
    page = import_test_issue(window, tmp_path, {"a.txt": TWO_ARTICLES})["a.txt"]
    window.library.set_role(page, *find(window.library, page, "本报讯（记者李华）")[:2], "kicker")
    assert window.open_library_page(page)
    proofread(qtbot, window)
    caret_before(qtbot, window, "农资供应\n充足"[:4])
    press(window, Qt.Key.Key_J, CTRL | ALT)
    qtbot.waitUntil(lambda: len(window.page_view.columns) == 1)
    types_at_caret(qtbot, window, "农资供应")


@pytest.mark.parametrize("dialog", ["history", "keys", "everywhere"])
def test_closing_a_dialog_gives_the_keyboard_back_to_the_text(qtbot, window, dialog) -> None:
    """Page History, Proofreading Keys, Correct Everywhere: once the dialog closes the window
    takes the keys again, the caret where it was, so Ctrl+Z and typing work without a click
    (without a window manager to hand it back, as on a bare X server, they did nothing)."""
    proofread(qtbot, window)
    column = caret_before(qtbot, window, "会议要求")
    review = window.proofreading.review
    if dialog == "history":
        review.history_action.trigger()
    elif dialog == "keys":
        window.proofreading.keys_action.trigger()
    else:
        press(window, Qt.Key.Key_H, CTRL | SHIFT)
    opened = QApplication.activeModalWidget() or (
        window.proofreading.keys_dialog if dialog == "keys" else review.dialog
    )
    qtbot.waitExposed(opened)
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    QTest.keyClick(QApplication.focusWidget() or opened, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    assert QApplication.focusWidget() is column
    types_at_caret(qtbot, window, "会议要求")
