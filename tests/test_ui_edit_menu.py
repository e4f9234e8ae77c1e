"""Edit ▸ Cut, Copy, Paste, Select All: on what has the keyboard, enabled as it allows.

The keys worked in the column, but the Edit menu had none of the four items a user of any
desktop app looks for there (and reaches with the mouse or Alt+E)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import open_test_issue
from proofreading_pages import select_words
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from models.annotations.texts import section_text


@pytest.fixture
def window(library_window, tmp_path: Path):
    open_test_issue(library_window, tmp_path)
    return library_window


def edit_items(win) -> dict[str, object]:
    """The Edit menu's items by their text (no & or …), as the menu shows them when opened."""
    menu = win.edit_menu
    menu.popup(win.mapToGlobal(QPoint(20, 20)))  # aboutToShow: the items are brought up to date
    items = {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}
    menu.close()
    return items


def texts(win) -> list[str]:
    content = win.library.page(win.library_page_id)
    return [section_text(s) for s in content.current_sections]


def test_the_edit_menu_has_cut_copy_paste_and_select_all_with_their_keys(qtbot, window) -> None:
    items = edit_items(window)
    keys = {name: items[name].shortcut().toString() for name in ("Cut", "Copy", "Paste", "Select All")}
    assert keys == {"Cut": "Ctrl+X", "Copy": "Ctrl+C", "Paste": "Ctrl+V", "Select All": "Ctrl+A"}
    names = list(items)
    assert names.index("Redo") < names.index("Cut") < names.index("Proofread")  # where users look


def test_reading_copies_and_selects_but_does_not_cut_or_paste(qtbot, window) -> None:
    QGuiApplication.clipboard().setText("贴")
    column = select_words(window, "狠抓")
    items = edit_items(window)
    assert items["Copy"].isEnabled() and items["Select All"].isEnabled()
    assert not items["Cut"].isEnabled() and not items["Paste"].isEnabled()  # the text is read-only
    before = texts(window)
    items["Copy"].trigger()
    assert QGuiApplication.clipboard().text() == "狠抓"
    items["Paste"].trigger()  # (disabled; even so nothing is written)
    assert texts(window) == before
    items["Select All"].trigger()
    assert column.textCursor().selectedText().replace("\u2029", "\n") == column.plain_text()
    column.setTextCursor(column.textCursor().__class__(column.document()))  # no selection
    assert not edit_items(window)["Copy"].isEnabled()


def test_proofreading_cuts_and_pastes_plain_text_on_one_line_as_corrections(qtbot, window) -> None:
    column = window.page_view.active_column()
    column.setFocus()
    QTest.keyClick(column, Qt.Key.Key_F2)
    assert window.proofreading.active
    select_words(window, "狠抓")
    items = edit_items(window)
    assert items["Cut"].isEnabled() and items["Copy"].isEnabled()
    items["Cut"].trigger()
    assert QGuiApplication.clipboard().text() == "狠抓"
    assert any("问题导向，工作落实" in t.replace("\n", "") for t in texts(window))
    assert window.library.corrections_of(window.library_page_id)[-1].replacement == ""
    QGuiApplication.clipboard().setText("<b>紧</b>\r\n抓")
    select_words(window, "工作落实")
    cursor = window.page_view.active_column().textCursor()
    cursor.setPosition(cursor.selectionStart())  # the caret before 工作, nothing selected
    window.page_view.active_column().setTextCursor(cursor)
    items = edit_items(window)
    assert items["Paste"].isEnabled() and not items["Cut"].isEnabled()
    items["Paste"].trigger()
    assert any("，<b>紧</b>抓工作落实" in t.replace("\n", "") for t in texts(window))
    window.annotation_session.undo_action.trigger()  # one step each, as the keys
    assert any("，工作落实" in t.replace("\n", "") for t in texts(window))


def test_the_items_act_on_the_search_field_the_keyboard_was_in(qtbot, window) -> None:
    window.find_bar.open()
    field = window.find_bar.field
    field.setFocus()
    QGuiApplication.clipboard().setText("示范区")
    items = edit_items(window)
    assert items["Paste"].isEnabled() and not items["Copy"].isEnabled()
    items["Paste"].trigger()
    assert field.text() == "示范区"
    items = edit_items(window)
    items["Select All"].trigger()
    assert field.selectedText() == "示范区"
    items = edit_items(window)
    assert items["Cut"].isEnabled()
    items["Cut"].trigger()
    assert field.text() == "" and QGuiApplication.clipboard().text() == "示范区"
