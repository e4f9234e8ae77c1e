"""Annotating in the window: keyboard marking, painting, undo/redo, overlaps, the panel, tags."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE, locate, open_test_issue
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from models.annotations.finder import Filter
from ui.annotations.highlight_positions import SectionPositions
from ui.annotations.tag_manager import TagManager


@pytest.fixture
def window(library_window, tmp_path: Path):
    win = library_window
    open_test_issue(library_window, tmp_path)
    return win


def column_with(win, words: str):
    """(column, document position of the words' first character) for words on the shown page."""
    session = win.annotation_session
    for index, text in enumerate(session.page.texts):
        at = text.find(words)
        if at >= 0:
            column = win.page_view.columns[index]
            return column, SectionPositions(column).to_document(at)
    raise AssertionError(words)


def select_by_keyboard(qtbot, column, position: int, characters: int) -> None:
    """Put the cursor before the words, then extend the selection with Shift+Right only."""
    column.setFocus()
    cursor = column.textCursor()
    cursor.setPosition(position)
    column.setTextCursor(cursor)
    for _ in range(characters):
        QTest.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def test_the_window_has_one_annotate_menu_and_one_annotations_dock(window) -> None:
    from PySide6.QtWidgets import QDockWidget

    assert [a.text() for a in window.menuBar().actions()].count("&Annotate") == 1
    docks = [d for d in window.findChildren(QDockWidget) if d.objectName() == "annotationsDock"]
    assert len(docks) == 1


def test_select_then_a_digit_highlights_with_that_category_and_paints_it(qtbot, window) -> None:
    session = window.annotation_session
    column, position = column_with(window, "𠀀家庄")
    select_by_keyboard(qtbot, column, position, 3)  # 𠀀 is one keystroke, two UTF-16 units
    assert column.textCursor().selectedText() == "𠀀家庄"
    QTest.keyClick(column, Qt.Key.Key_5)
    annotations = session.annotations
    made = annotations.page_highlights(session.page.page_id)
    assert [(h.exact, h.end - h.start) for h in made] == [("𠀀家庄", 3)]
    place = annotations.category_for_key(5)
    assert made[0].category_id == place.id and place.name == "地名"
    painter = session.painters[column.number]
    assert painter.background_at(made[0].start) == place.light_colour
    assert painter.background_at(made[0].end) is None  # the next character is not painted
    # The panel catches up on the next turn of the event loop (the page is painted first).
    qtbot.waitUntil(lambda: session.panel.model.ids == [made[0].id])
    assert session.panel.details.highlight.id == made[0].id  # the new highlight is the chosen one


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo_marking(qtbot, window) -> None:
    session = window.annotation_session
    column, position = column_with(window, "高质量发展")
    select_by_keyboard(qtbot, column, position, 5)
    QTest.keyClick(column, Qt.Key.Key_6)
    h = session.annotations.page_highlights(session.page.page_id)[0]
    painter = session.painters[column.number]
    assert painter.background_at(h.start) is not None
    QTest.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.annotations.page_highlights(session.page.page_id) == []
    assert painter.background_at(h.start) is None
    qtbot.waitUntil(lambda: session.panel.model.ids == [])
    QTest.keyClick(
        column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert [x.id for x in session.annotations.page_highlights(session.page.page_id)] == [h.id]
    assert painter.background_at(h.start) is not None
    qtbot.waitUntil(lambda: session.panel.details.highlight is not None)
    # Deleting is soft and undoable from the keyboard too.
    session.panel.details.delete()
    assert painter.background_at(h.start) is None
    QTest.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert painter.background_at(h.start) is not None


def test_a_digit_without_a_selection_does_nothing(qtbot, window) -> None:
    column, position = column_with(window, "高质量发展")
    column.setFocus()
    QTest.keyClick(column, Qt.Key.Key_1)
    assert window.annotation_session.annotations.page_highlights(window.annotation_session.page.page_id) == []


def test_clicking_where_highlights_overlap_offers_a_choice(qtbot, window) -> None:
    session = window.annotation_session
    page = session.page
    section, start, _ = locate(page, "推动示范区高质量发展")
    outer = session.annotations.create(
        page, section, start, start + 10, session.annotations.category_for_key(6).id
    )
    inner = session.annotations.create(
        page, section, start + 2, start + 5, session.annotations.category_for_key(5).id
    )
    column = window.page_view.columns[section]
    painter = session.painters[section]
    # Both are painted: the inner one's colour inside, the outer one's around it.
    assert painter.background_at(start + 3) == session.annotations.category_for_key(5).light_colour
    assert painter.background_at(start) == session.annotations.category_for_key(6).light_colour
    offered = []

    def pick_second(menu, _where):
        offered.extend(a.text() for a in menu.actions())
        return next(h for h in painter.at(start + 3) if h.id == outer.id)

    qtbot.waitUntil(lambda: len(session.panel.model.ids) == 2)
    marking = session.markings[section]
    marking.choose = pick_second
    cursor_rect = column.cursorRect(_cursor_at(column, SectionPositions(column).to_document(start + 3)))
    QTest.mouseClick(column.viewport(), Qt.MouseButton.LeftButton, pos=cursor_rect.center())
    assert offered == ["地名 · 示范区", "要点 · 推动示范区高质量发展"]
    assert session.chosen.id == outer.id
    assert session.panel.current_highlight().id == outer.id
    # Where only one highlight is, a click chooses it without asking.
    offered.clear()
    marking.choose_at(SectionPositions(column).to_document(start + 8))
    assert offered == [] and session.chosen.id == outer.id
    assert inner.id in session.panel.model.ids


def _cursor_at(column, position: int) -> QTextCursor:
    cursor = QTextCursor(column.document())
    cursor.setPosition(position)
    return cursor


def test_the_panel_filters_switches_to_the_library_and_jumps_to_the_passage(qtbot, window) -> None:
    session = window.annotation_session
    annotations = session.annotations
    page = session.page
    section, at, _ = locate(page, "𠀀家庄")
    village = annotations.create(
        page, section, at, at + 3, annotations.category_for_key(5).id, tags=["村"], note="参观"
    )
    assert window.open_library_page(window.test_pages["sample.txt"])
    sample = session.page
    s_section = next(i for i, t in enumerate(sample.texts) if "金融办" in t)
    s_at = sample.texts[s_section].index("金融办")
    bank = annotations.create(sample, s_section, s_at, s_at + 3, annotations.category_for_key(3).id)
    panel = session.panel
    qtbot.waitUntil(lambda: panel.model.ids == [bank.id])  # this page only
    panel.whole_library.setChecked(True)
    assert set(panel.model.ids) == {village.id, bank.id}
    panel.search.setText("参观")  # words of the note
    qtbot.waitUntil(lambda: panel.model.ids == [village.id])
    panel.search.clear()
    panel.category.setCurrentIndex(panel.category.findData(annotations.category_for_key(3).id))
    panel.refilter()
    assert panel.model.ids == [bank.id]
    panel.category.setCurrentIndex(0)
    panel.tag.setCurrentIndex(panel.tag.findData(annotations.tag_named("村").id))
    panel.refilter()
    assert panel.model.ids == [village.id]
    # A click on the row opens the other page and selects the words.
    row = panel.model.index(0, 1)
    panel.view.clicked.emit(row)
    assert session.page.page_id == village.page_id
    column = window.page_view.columns[section]
    assert column.textCursor().selectedText() == "𠀀家庄"


def test_unanchored_highlights_are_listed_after_a_correction_cut_their_words(qtbot, window) -> None:
    session = window.annotation_session
    annotations = session.annotations
    page = session.page
    section, at, _ = locate(page, "各部门要加强协作")
    lost = annotations.create(page, section, at, at + 8, annotations.category_for_key(2).id)
    raw = page.content.raw
    window.library.add_correction(page.page_id, raw.index("会议要求"), raw.index("形成合力。") + 5, "")
    assert window.open_library_page(page.page_id)
    panel = session.panel
    qtbot.waitUntil(lambda: panel.model.ids == [lost.id])
    text = panel.model.data(panel.model.index(0, 1))
    assert "各部门要加强协作" in text and "unanchored" in text
    assert all(not p.highlights for p in session.painters)  # not painted on other words
    panel.anchoring.setCurrentIndex(panel.anchoring.findData("unanchored"))
    panel.refilter()
    assert panel.model.ids == [lost.id]
    assert not session.show_passage(panel.model.record(0))


def test_the_dark_theme_paints_the_dark_colours(qtbot, window) -> None:
    session = window.annotation_session
    page = session.page
    section, at, _ = locate(page, "高质量发展")
    h = session.annotations.create(page, section, at, at + 5, session.annotations.category_for_key(1).id)
    window.set_theme("dark", save=False)
    qtbot.waitUntil(lambda: session.painters[section].background_at(h.start) is not None)
    assert (
        session.painters[section].background_at(h.start)
        == session.annotations.category_for_key(1).dark_colour
    )


def test_tag_manager_renames_and_merges_with_counts(qtbot, window) -> None:
    session = window.annotation_session
    annotations = session.annotations
    page = session.page
    section, at, _ = locate(page, "高质量发展")
    a = annotations.create(page, section, at, at + 2, 1, tags=["发展"])
    annotations.create(page, section, at + 2, at + 5, 1, tags=["质量", "发展"])
    qtbot.wait(1)
    dialog = TagManager(annotations, window)
    qtbot.addWidget(dialog)
    assert dialog.tag_rows() == [("发展", 2), ("质量", 1)]
    dialog.select("质量")
    dialog.ask_name = lambda tag: "质量提升"
    dialog.rename()
    assert dialog.tag_rows() == [("发展", 2), ("质量提升", 1)]
    dialog.select("发展")
    dialog.ask_name = lambda tag: "质量提升"
    dialog.rename()
    assert "merge" in dialog.message.text()  # a name in use is refused with a reason
    dialog.select("质量提升")
    dialog.ask_target = lambda tag, others: next(t for t in others if t.name == "发展")
    dialog.merge()
    assert dialog.tag_rows() == [("发展", 2)]
    dialog.select("发展")
    dialog.ask_colour = lambda tag: "#22aa44"
    dialog.recolour()
    assert annotations.tag_named("发展").colour == "#22aa44"
    # Ctrl+Z in the window undoes the tag manager's work too.
    session.undo()
    session.undo()
    assert dialog.tag_rows() == [("发展", 2), ("质量提升", 1)]
    assert annotations.records([a.id])[0].tags == ("发展",)
    assert annotations.find(Filter(tag_ids=frozenset({annotations.tag_named("发展").id}))) != []


def test_marking_with_the_keyboard_alone(qtbot, window) -> None:
    """Into the article's column, down to its paragraph, Shift+Right over three characters, 2."""
    session = window.annotation_session
    page = session.page
    article = next(i for i, t in enumerate(page.texts) if "本报讯" in t)
    window.page_view.focus_column(article)  # what Alt+Right does
    column = window.page_view.columns[article]
    QTest.keyClick(column, Qt.Key.Key_Home)
    while not column.blocks[column.current_block()].text.text.startswith("本报讯"):
        QTest.keyClick(column, Qt.Key.Key_Down)
    for _ in range(3):
        QTest.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(column, Qt.Key.Key_2)
    made = session.annotations.page_highlights(page.page_id)
    assert [(h.exact, session.annotations.category(h.category_id).name) for h in made] == [("本报讯", "存疑")]
    assert page.texts[article][made[0].start : made[0].end] == "本报讯"


def test_the_panel_date_filter_and_rows_of_a_removed_issue(qtbot, window) -> None:
    from PySide6.QtCore import QDate

    session = window.annotation_session
    page = session.page
    section, at, _ = locate(page, "高质量发展")
    h = session.annotations.create(page, section, at, at + 5, 1)
    panel = session.panel
    qtbot.waitUntil(lambda: panel.model.ids == [h.id])
    made = QDate(h.created.year, h.created.month, h.created.day)
    panel.since.setDate(made.addDays(1))
    assert panel.model.ids == []
    panel.since.setDate(made)
    panel.until.setDate(made)
    assert panel.model.ids == [h.id]
    panel.until.setDate(panel.until.minimumDate())
    panel.since.setDate(panel.since.minimumDate())
    # The issue goes (with its pages and highlights) behind the annotations' back.
    panel.whole_library.setChecked(True)
    window.library.delete_issue(window.library.issues()[0].id)
    panel.model.set_ids(panel.model.ids)  # the rows are asked for again, as when scrolled to
    assert panel.model.data(panel.model.index(0, 1)) is None
    qtbot.waitUntil(lambda: panel.model.ids == [])


def test_tags_typed_in_the_details_complete_from_existing_tags(qtbot, window) -> None:
    session = window.annotation_session
    page = session.page
    section, at, _ = locate(page, "高质量发展")
    session.annotations.create(page, section, at, at + 2, 1, tags=["焦作", "会议"])
    h = session.annotations.create(page, section, at + 2, at + 5, 2)
    qtbot.waitUntil(lambda: len(session.panel.model.ids) == 2)
    session.choose(h)
    details = session.panel.details
    assert details.highlight.id == h.id
    details.tags.setFocus()
    details.tags.setText("会议，焦")
    completer = details.completer
    completer.setCompletionPrefix(completer.splitPath(details.tags.text())[0])
    assert completer.completionCount() == 1 and completer.currentIndex().data() == "焦作"
    assert completer.currentCompletion() == "会议, 焦作"  # the tags typed before are kept
    details.tags.setText(completer.currentCompletion())
    details.save_tags()
    assert session.annotations.records([h.id])[0].tags == ("会议", "焦作")


def test_categories_are_edited_and_the_page_repaints_in_the_new_colour(qtbot, window) -> None:
    from ui.annotations.highlight_categories import CategoryEditor

    session = window.annotation_session
    annotations = session.annotations
    page = session.page
    section, at, _ = locate(page, "高质量发展")
    h = annotations.create(page, section, at, at + 5, annotations.category_for_key(1).id)
    dialog = CategoryEditor(annotations, window)
    qtbot.addWidget(dialog)
    assert dialog.names() == ["错字", "存疑", "生词", "人名", "地名", "要点"]
    dialog.select("错字")
    dialog.ask_colour = lambda current: "#123456"
    dialog.recolour(dark=False)
    assert session.painters[section].background_at(h.start) == "#123456"
    dialog.ask_name = lambda current: "术语"
    dialog.add()
    dialog.move(-10)
    assert dialog.names()[0] == "术语"
    assert annotations.category_for_key(1).name == "术语"  # the keys follow the order
    dialog.select("错字")
    dialog.delete()
    assert "used by 1" in dialog.message.text()  # a category in use stays
    session.undo()  # the move
    session.undo()  # the new category
    session.undo()  # the colour
    assert dialog.names() == ["错字", "存疑", "生词", "人名", "地名", "要点"]
    assert session.painters[section].background_at(h.start) == annotations.category_for_key(1).light_colour


def test_export_and_import_from_the_annotate_menu(qtbot, window, tmp_path: Path) -> None:
    import codecs
    import json

    session = window.annotation_session
    page = session.page
    section, at, _ = locate(page, "𠀀家庄")
    h = session.annotations.create(page, section, at, at + 3, 5, tags=["村"])
    target = tmp_path / "marks.jsonld"
    session.ask_save_path = lambda: (str(target), "")
    assert session.export_annotations() == str(target)
    assert json.loads(target.read_bytes())["total"] == 1
    table = tmp_path / "marks.csv"
    session.ask_save_path = lambda: (str(table), "")
    session.export_annotations()
    assert table.read_bytes().startswith(codecs.BOM_UTF8)
    # The highlight goes; importing the file brings it back on the same words, painted.
    session.annotations.delete(h.id)
    session.annotations.library.database.execute_sql("DELETE FROM highlight WHERE id = ?", (h.id,))
    session.annotations.panel_index().reload()
    window.open_library_page(page.page_id)
    assert session.page.highlights == []
    session.ask_open_path = lambda: (str(target), "")
    report = session.import_annotations()
    assert (report.added, report.merged, report.unanchored) == (1, 0, 0)
    painted = session.painters[section]
    assert painted.background_at(at) == session.annotations.category(5).light_colour
    assert "1 added" in window.statusBar().currentMessage()


def test_a_redo_after_the_text_changed_lands_on_the_moved_words(qtbot, window) -> None:
    session = window.annotation_session
    column, position = column_with(window, "高质量发展")
    select_by_keyboard(qtbot, column, position, 5)
    QTest.keyClick(column, Qt.Key.Key_6)
    QTest.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    raw = session.page.content.raw
    at = raw.index("会议指出")
    # A colleague corrects the page in another window (the undo history is this window's own).
    from models.library.service import Library

    with Library.open(window.library.path) as other:
        other.add_correction(session.page.page_id, at, at, "（补一句。）")
    assert window.open_library_page(session.page.page_id)  # the corrected text is shown
    window.annotation_session.redo()
    page = session.page
    (h,) = session.annotations.page_highlights(page.page_id)
    index = page.section_index(h.section_id)
    assert page.texts[index][h.start : h.end] == "高质量发展"
    assert (
        session.painters[index].background_at(h.start) == session.annotations.category_for_key(6).light_colour
    )


def test_every_redo_key_of_the_platform_redoes_and_none_is_bound_twice(qtbot, window) -> None:
    # On X11 the platform's first Redo key is Ctrl+Shift+Z; binding it twice made Qt call the
    # shortcut ambiguous, and Ctrl+Shift+Z did nothing in the real window.
    from PySide6.QtGui import QKeySequence

    session = window.annotation_session
    keys = [k.toString() for k in session.redo_action.shortcuts()]
    assert len(keys) == len(set(keys))
    wanted = {k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)}
    assert wanted | {"Ctrl+Shift+Z"} <= set(keys)
    column, position = column_with(window, "高质量发展")
    for key in sorted(wanted | {"Ctrl+Shift+Z"}):
        select_by_keyboard(qtbot, column, position, 5)
        QTest.keyClick(column, Qt.Key.Key_6)
        QTest.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert session.annotations.page_highlights(session.page.page_id) == []
        combo = QKeySequence(key)[0]
        QTest.keyClick(column, combo.key(), combo.keyboardModifiers())
        assert len(session.annotations.page_highlights(session.page.page_id)) == 1, key
        QTest.keyClick(column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_the_help_menu_stays_last_in_the_menu_bar(window) -> None:
    # The Annotate menu used to be added after Help: 文件 编辑 查看 转到 词语 帮助 批注.
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    assert titles.index("&Annotate") < titles.index("&Help")


def test_the_panel_date_filters_say_what_they_are(window) -> None:
    # They showed as two blank boxes: nothing said they filter highlights by date.
    panel = window.annotation_session.panel
    since, until = panel.since.text().strip(), panel.until.text().strip()
    assert since and until and since != until
    assert panel.since.toolTip() and panel.until.toolTip()


def test_a_digit_on_a_page_opened_from_a_file_marks_it_in_the_library(qtbot, window, tmp_path) -> None:
    # On the sample page (or a file given on the command line) 1-9 did nothing: the page is
    # now shown from the library (added to it if need be) and the words are marked there.
    loose = tmp_path / "loose.txt"
    loose.write_text(ASTRAL_PAGE, encoding="utf-8")
    window.open_page_file(loose)
    assert not window.page_where.startswith("library:")
    column, position = column_with_text(window, "𠀀家庄")
    select_by_keyboard(qtbot, column, position, 3)
    QTest.keyClick(column, Qt.Key.Key_1)
    assert window.page_where.startswith("library:")
    marked = window.annotation_session.annotations.page_highlights(window.test_pages["astral.txt"])
    assert [h.exact for h in marked] == ["𠀀家庄"]


def test_a_digit_on_a_new_file_adds_the_page_to_the_library_and_marks_it(qtbot, window, tmp_path) -> None:
    fresh = tmp_path / "fresh.txt"
    fresh.write_text(ASTRAL_PAGE.replace("𠀀家庄", "𠀀新庄"), encoding="utf-8")
    window.open_page_file(fresh)
    column, position = column_with_text(window, "𠀀新庄")
    select_by_keyboard(qtbot, column, position, 3)
    QTest.keyClick(column, Qt.Key.Key_2)
    assert window.page_where.startswith("library:")
    session = window.annotation_session
    assert [h.exact for h in session.annotations.page_highlights(session.page.page_id)] == ["𠀀新庄"]


def column_with_text(win, words: str):
    """(column, document position) of words on a page shown without the library."""
    for column in win.page_view.columns:
        text = column.plain_text()
        at = text.find(words)
        if at >= 0:
            return column, len(text[:at].encode("utf-16-le")) // 2  # Qt counts UTF-16 units
    raise AssertionError(words)


def test_after_marking_the_words_show_their_colour_not_the_selection(qtbot, window) -> None:
    # The marked words stayed selected, so the new highlight's colour was hidden under the selection.
    session = window.annotation_session
    column, position = column_with(window, "高质量发展")
    select_by_keyboard(qtbot, column, position, 5)
    QTest.keyClick(column, Qt.Key.Key_6)
    h = session.annotations.page_highlights(session.page.page_id)[0]
    assert session.painters[column.number].background_at(h.start) is not None
    assert not column.textCursor().hasSelection()
    assert column.textCursor().position() == position + 5  # the keyboard goes on from the mark's end


def test_a_colleagues_conflicting_corrections_are_listed_in_a_box_and_not_brought_in_twice(
    qtbot, window, tmp_path: Path
) -> None:
    """Importing a W3C file whose correction overlaps one made here: a box (not a status-bar
    line the next message replaces) names the page, what the OCR read, yours (kept) and theirs
    with their authors, and says how to take theirs; both are in the history; a second import
    adds nothing and asks nothing."""
    from proofreading_pages import colleague_file
    from PySide6.QtWidgets import QMessageBox

    from ui.annotations.annotation_exchange import CONFLICTS_BOX

    session = window.annotation_session
    library = window.library
    page = session.page
    section, at, _ = locate(page, "狠抓")
    library.correct(page.page_id, section, at, at + 2, "很抓", author="乙编辑")
    # the same span, as a colleague corrected it
    target = colleague_file(library, tmp_path / "colleague.jsonld", "狠狠抓", "甲编辑")
    session.ask_open_path = lambda: (str(target), "")
    session.import_annotations()
    box = window.findChild(QMessageBox, CONFLICTS_BOX)
    assert box is not None and box.isVisible()
    said = box.text() + "\n" + box.informativeText()
    name = library.page_info(page.page_id).name
    for part in (name, "狠抓", "很抓", "乙编辑", "狠狠抓", "甲编辑", "Page History", "Reinstate"):
        assert part in said, (part, said)
    box.close()
    history = [(c.replacement, c.in_force) for c in library.corrections_of(page.page_id)]
    assert sorted(history) == [("很抓", True), ("狠狠抓", False)]  # both kept, yours in force
    session.import_annotations()  # again: known, no box, nothing duplicated
    assert "1 already here" in window.statusBar().currentMessage()  # before other news replaces it
    qtbot.wait(50)
    assert window.findChild(QMessageBox, CONFLICTS_BOX) is None
    assert len(library.corrections_of(page.page_id)) == 2


def test_the_window_says_what_an_import_left_out_as_the_command_line_does(
    qtbot, window, tmp_path: Path
) -> None:
    """A colleague's file with a highlight and a correction on a page this library lacks, and an
    id given twice: the CLI's summary counts them ("skipped 1 (page not in the library)", "ignored
    1 …", "skipped 1"); the window said only "0 added, 0 merged, 0 unanchored; corrections: 0
    applied, 1 already here, 0 conflicts", as if the file held nothing more. The status bar and a
    box (the status bar's line is replaced by the next message) now name each."""
    import json
    import uuid

    from PySide6.QtWidgets import QMessageBox

    from models.annotations.exchange import collect, to_annotation, w3c_bytes
    from models.proofreading.exchange import correction_annotations
    from ui.annotations.annotation_exchange import CONFLICTS_BOX

    session = window.annotation_session
    library = window.library
    page = session.page
    section, at, _ = locate(page, "𠀀家庄")
    session.annotations.create(page, section, at, at + 3, 5)
    section, at, _ = locate(page, "狠抓")
    library.correct(page.page_id, section, at, at + 2, "很抓", author="乙编辑")
    elsewhere = "0" * 64  # a page this library does not hold

    def moved(annotation: dict) -> dict:
        annotation = json.loads(json.dumps(annotation))
        annotation["id"] = f"urn:uuid:{uuid.uuid4()}"
        head, rest = annotation["target"]["source"].split(":page:")
        annotation["target"]["source"] = f"{head}:page:{elsewhere}{rest[64:]}"  # rest: sha256, then …
        return annotation

    (highlight,) = [to_annotation(item) for item in collect(session.annotations, None)]
    (correction,) = correction_annotations(library)
    away = moved(highlight)
    items = [highlight, highlight, away, correction, moved(correction)]
    target = tmp_path / "colleague.jsonld"
    data = json.loads(w3c_bytes([], "colleague", []))
    data["first"]["items"] = items
    data["total"] = len(items)
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    session.ask_open_path = lambda: (str(target), "")
    session.import_annotations()
    said = window.statusBar().currentMessage()
    assert "1 already here" in said  # the correction made here
    assert said.count("skipped") == 2 and "ignored" in said, said  # the highlight's, the correction's
    box = window.findChild(QMessageBox, CONFLICTS_BOX)
    assert box is not None and box.isVisible()
    lines = box.informativeText().splitlines()
    assert len([line for line in lines if "skipped" in line]) == 2, lines
    assert any("ignored" in line for line in lines), lines
    box.close()


def test_a_conflict_over_an_ocr_line_break_is_one_line_of_the_box(qtbot, window, tmp_path: Path) -> None:
    """What the OCR read across a line break (坚持 / 问题) was quoted with the break, so the
    conflict took two lines of the box, the second starting mid-word ("问题 → yours …"): it is
    one line, the break shown as ⏎ (as Correct Everywhere shows it)."""
    from proofreading_pages import colleague_file
    from PySide6.QtWidgets import QMessageBox

    from ui.annotations.annotation_exchange import CONFLICTS_BOX

    session = window.annotation_session
    library = window.library
    page = session.page
    section, at, end = locate(page, "坚持问题")
    library.correct(page.page_id, section, at, end, "坚守问题", author="乙编辑")
    target = colleague_file(library, tmp_path / "colleague.jsonld", "坚定问题", "甲编辑")
    session.ask_open_path = lambda: (str(target), "")
    session.import_annotations()
    box = window.findChild(QMessageBox, CONFLICTS_BOX)
    assert box is not None
    name = library.page_info(page.page_id).name
    (line,) = [line for line in box.informativeText().splitlines() if "坚守问题" in line]
    assert line.startswith(name) and "坚定问题" in line and "坚持⏎问题" in line, line
    box.close()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("notes.json", b"not json {", "not a JSON file"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested far too deeply"),
        ("folder.json", None, "is a folder, not a file"),
    ],
)
def test_a_refused_annotation_file_is_told_in_a_dialog_and_nothing_is_stored(
    qtbot, window, tmp_path: Path, name: str, content: bytes | None, words: str
) -> None:
    """Annotate ▸ Import Annotations… on a file it cannot take said so only in the status bar
    (the next message replaced it; a folder in the OS's words, "Is a directory")."""
    from PySide6.QtWidgets import QMessageBox

    session = window.annotation_session
    chosen = tmp_path / name
    if content is None:
        chosen.mkdir()
    else:
        chosen.write_bytes(content)
    before = window.library.database.execute_sql("SELECT count(*) FROM highlight").fetchone()[0]
    session.ask_open_path = lambda: (str(chosen), "")
    assert session.import_annotations() is None
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "The annotations were not imported"
    assert box.informativeText().startswith(str(chosen)) and words in box.informativeText()
    box.close()
    assert window.library.database.execute_sql("SELECT count(*) FROM highlight").fetchone()[0] == before
    assert session.page is not None  # the window goes on with its page
