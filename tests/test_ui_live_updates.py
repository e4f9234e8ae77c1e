"""A colleague's highlight or correction appears in the reader's window by itself, within a
poll (issue 13, "Several writers"), where the reader was, and never under the editor's fingers."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import locate, open_test_issue
from test_ui_proofreading import caret_before, proofread, shown

from models.annotations.service import Annotations
from models.annotations.texts import section_text
from models.library.service import Library
from ui.annotations.highlight_positions import SectionPositions


@pytest.fixture
def window(library_window, tmp_path: Path, qtbot):
    win = library_window
    open_test_issue(win, tmp_path)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    win.live_updates.timer.setInterval(50)  # a poll every 50 ms instead of 3 s
    return win


@pytest.fixture
def colleague(window):
    """Another connection to the window's library: a colleague at another desk."""
    library = Library.open(window.library.path)
    yield library
    library.close()


def painted(win) -> list[str]:
    """The words painted as highlights on the page shown."""
    session = win.annotation_session
    return [h.exact for painter in session.painters for h in painter.highlights]


def colleague_marks(colleague: Library, page_id: int, words: str) -> None:
    notes = Annotations(colleague)
    page = notes.open_page(page_id)
    section, start, end = locate(page, words)
    notes.create(page, section, start, end, notes.categories()[0].id)


def test_a_colleagues_highlight_is_painted_within_a_poll(qtbot, window, colleague) -> None:
    page_id = window.library_page_id
    assert painted(window) == []
    colleague_marks(colleague, page_id, "示范区召开")
    qtbot.waitUntil(lambda: painted(window) == ["示范区召开"], timeout=3000)
    assert window.live_updates.refreshes == 1
    qtbot.wait(200)  # nothing written since: no more refreshes
    assert window.live_updates.refreshes == 1


def test_a_colleagues_correction_is_shown_keeping_the_readers_place(qtbot, window, colleague) -> None:
    page_id = window.library_page_id
    column = caret_before(qtbot, window, "问题导向")
    cursor = column.textCursor()
    anchor = cursor.position()
    cursor.setPosition(anchor + 4, cursor.MoveMode.KeepAnchor)  # the reader selected 问题导向
    column.setTextCursor(cursor)
    scrolls = [c.verticalScrollBar().value() for c in window.page_view.columns]
    content = colleague.page(page_id)
    section = next(i for i, s in enumerate(content.current_sections) if "狠抓" in section_text(s))
    start = section_text(content.current_sections[section]).index("狠抓")
    colleague.correct(page_id, section, start, start + 2, "紧抓", author="王编辑")
    qtbot.waitUntil(lambda: any("紧抓工作落实" in t for t in shown(window)), timeout=3000)
    assert [c.verticalScrollBar().value() for c in window.page_view.columns] == scrolls
    column = window.page_view.active_column()
    assert column.textCursor().selectedText() == "问题导向"


def test_nothing_is_read_again_while_the_editor_types(qtbot, window, colleague) -> None:
    live = window.live_updates
    live.timer.stop()  # polled by hand below
    page_id = window.library_page_id
    proofread(qtbot, window)
    column = caret_before(qtbot, window, "狠抓")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(column, Qt.Key.Key_Delete)  # a step: typing goes on for a pause
    colleague_marks(colleague, page_id, "示范区召开")
    assert window.proofreading.typing()
    assert not live.poll()
    assert painted(window) == []
    qtbot.waitUntil(lambda: not window.proofreading.typing(), timeout=3000)
    assert live.poll()
    qtbot.waitUntil(lambda: painted(window) == ["示范区召开"], timeout=3000)
    assert any("抓工作落实" in t and "狠抓" not in t for t in shown(window))  # the editor's step stays


def test_the_library_panel_shows_a_colleagues_new_issue(qtbot, window, colleague, tmp_path) -> None:
    folder = tmp_path / "later"
    folder.mkdir()
    (folder / "p.txt").write_text("晚报\n\n新闻 春耕开始了。\n", encoding="utf-8")
    window.refresh_library()
    assert window.library_panel.tree.topLevelItemCount() == 1
    colleague.import_paths([folder])
    qtbot.waitUntil(lambda: window.library_panel.tree.topLevelItemCount() == 2, timeout=3000)
    from ui.library.library_panel import PAGE_ROLE

    current = window.library_panel.tree.currentItem()  # the page read is still the current one
    assert current is not None and current.data(0, PAGE_ROLE) == window.library_page_id


def test_the_editors_own_steps_and_background_commits_never_read_the_page_again(
    qtbot, window, colleague, monkeypatch
) -> None:
    """The poll fires on any other connection's commit (a background task's too): the page is
    read again only when what it shows changed, so nothing loops and the caret stays put."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    live = window.live_updates
    live.timer.stop()  # polled by hand below
    proofread(qtbot, window)
    column = caret_before(qtbot, window, "狠抓")
    QTest.keyClick(column, Qt.Key.Key_Delete)  # the editor's own step
    qtbot.waitUntil(lambda: not window.proofreading.typing(), timeout=3000)
    opened: list[int] = []
    open_page = window.open_library_page
    monkeypatch.setattr(window, "open_library_page", lambda *a, **k: opened.append(1) or open_page(*a, **k))
    other = next(p for p in window.test_pages.values() if p != window.library_page_id)
    colleague_marks(colleague, other, "示范区")  # a commit elsewhere: another page
    colleague.set_page_status(other, "done")
    for _ in range(3):
        live.poll()
    assert live.refreshes >= 1  # the marker moved (the panel is filled again) ...
    assert live.page_reloads == 0 and not opened  # ... but the page shown did not change: not read again
    assert any("抓工作落实" in t and "狠抓" not in t for t in shown(window))
    colleague_marks(colleague, window.library_page_id, "示范区召开")
    assert live.poll()
    qtbot.waitUntil(lambda: painted(window) == ["示范区召开"], timeout=3000)
    assert live.page_reloads == 1 and len(opened) == 1
    for _ in range(3):
        live.poll()
    assert live.page_reloads == 1 and len(opened) == 1  # shown as it is: no loop


def painted_colours(win) -> set[str]:
    """The background colours the page's highlights are painted in now."""
    return {colour for painter in win.annotation_session.painters for colour, _ in painter._painted.values()}


def test_a_colleagues_renamed_category_and_tag_repaint_the_page_without_reading_it_again(
    qtbot, window, colleague
) -> None:
    page_id = window.library_page_id
    notes = Annotations(colleague)
    page = notes.open_page(page_id)
    section, start, end = locate(page, "示范区召开")
    category = notes.categories()[0]
    notes.create(page, section, start, end, category.id, tags=["机构"])
    qtbot.waitUntil(lambda: painted(window) == ["示范区召开"], timeout=3000)
    session = window.annotation_session
    live = window.live_updates
    reloads, old_colours = live.page_reloads, painted_colours(window)
    column = caret_before(qtbot, window, "问题导向")
    caret = column.textCursor().position()
    # The colleague renames and recolours the category and renames the tag: nothing else changes.
    notes.update_category(category.id, name="要紧", light_colour="#33cc66", dark_colour="#115522")
    notes.rename_tag(notes.tag_named("机构").id, "组织")
    qtbot.waitUntil(lambda: "#33cc66" in {c.lower() for c in painted_colours(window)}, timeout=3000)
    assert not {c.lower() for c in painted_colours(window)} & {c.lower() for c in old_colours}
    assert session._categories()[category.id].name == "要紧"
    [shown_highlight] = session.page.highlights
    assert shown_highlight.tags == ("组织",)
    qtbot.waitUntil(
        lambda: "要紧" in window.annotation_session.panel.details.category.itemText(0), timeout=3000
    )
    assert live.label_repaints >= 1 and live.page_reloads == reloads  # painted, not read again
    assert window.page_view.active_column().textCursor().position() == caret


def _colleague_inserts_before(colleague: Library, page_id: int, words: str, text: str) -> None:
    content = colleague.page(page_id)
    section = next(i for i, s in enumerate(content.current_sections) if words in section_text(s))
    start = section_text(content.current_sections[section]).index(words)
    colleague.correct(page_id, section, start, start, text, author="王编辑")


def test_text_a_colleague_inserts_before_the_caret_does_not_move_it_onto_other_words(
    qtbot, window, colleague
) -> None:
    page_id = window.library_page_id
    column = caret_before(qtbot, window, "问题导向")
    cursor = column.textCursor()
    cursor.setPosition(cursor.position() + 4, cursor.MoveMode.KeepAnchor)  # 问题导向 selected
    column.setTextCursor(cursor)
    _colleague_inserts_before(colleague, page_id, "示范区召开", "焦作市城乡一体化")
    qtbot.waitUntil(lambda: any("焦作市城乡一体化示范区召开" in t for t in shown(window)), timeout=3000)
    column = window.page_view.active_column()
    assert column.textCursor().selectedText() == "问题导向"  # not the eight characters before it
    # The caret alone, before 狠抓; the colleague inserts before it again.
    column = caret_before(qtbot, window, "狠抓")
    _colleague_inserts_before(colleague, page_id, "问题导向", "坚持")
    qtbot.waitUntil(lambda: any("坚持问题导向" in t for t in shown(window)), timeout=3000)
    column = window.page_view.active_column()
    cursor = column.textCursor()
    cursor.setPosition(cursor.position() + 2, cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "狠抓"


def test_the_words_in_view_stay_in_view_when_a_colleague_splits_paragraphs_above_them(
    qtbot, window, colleague
) -> None:
    from PySide6.QtCore import QPoint

    page_id = window.test_pages["sample.txt"]
    assert window.open_library_page(page_id)
    window.resize(900, 420)  # short columns: the long articles scroll
    qtbot.wait(50)
    index, column = max(enumerate(window.page_view.columns), key=lambda c: c[1].verticalScrollBar().maximum())
    bar = column.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    top = column.cursorForPosition(QPoint(0, 0))
    at = SectionPositions(column).to_section(top.position())
    top_y = column.cursorRect(top).top()
    text = shown(window)[index]
    words = text[at : at + 6]
    assert "\n" not in words and text.count(words) == 1
    # The colleague splits a paragraph above the words in view twice (two lines more above them).
    block = next(
        b for b in colleague.layout(page_id).blocks[index] if b.role == "body" and len(b.text.text) > 6
    )
    assert block.start + 5 < at  # both splits stand above the words in view
    colleague.split_paragraph(page_id, index, block.start + 2)
    colleague.split_paragraph(page_id, index, block.start + 5)
    old_value = bar.value()
    qtbot.waitUntil(lambda: shown(window)[index].count("\n") == text.count("\n") + 2, timeout=3000)
    column = window.page_view.columns[index]
    cursor = column.textCursor()
    cursor.setPosition(SectionPositions(column).to_document(shown(window)[index].index(words)))
    # The same words at the top of the column (the split paragraph's lines may wrap otherwise).
    assert abs(column.cursorRect(cursor).top() - top_y) <= column.fontMetrics().lineSpacing() * 1.5
    assert column.verticalScrollBar().value() > old_value  # scrolled on by the lines added above


def test_the_words_in_view_follow_into_the_column_a_colleague_splits_off(qtbot, window, colleague) -> None:
    """A colleague starts a new article above the words the reader has scrolled to: they move to
    a column of their own, which shows them where they stood; the columns after keep theirs."""
    from PySide6.QtCore import QPoint

    page_id = window.test_pages["sample.txt"]
    assert window.open_library_page(page_id)
    window.resize(1400, 420)  # short columns: the long articles scroll
    qtbot.wait(50)
    view = window.page_view
    layout = colleague.layout(page_id)

    def split_at(number: int):  # where a new article can start: the second paragraph on
        return next((b for b in layout.blocks[number][1:] if b.role == "body"), None)

    def left_after(number: int) -> int:
        split = split_at(number)
        return len(shown(window)[number]) - split.start if split is not None else 0

    # The column with the most text after its second paragraph, and a column after it.
    index = max(range(len(view.columns) - 1), key=left_after)
    column, split = view.columns[index], split_at(index)
    assert left_after(index) > 400
    view.focus_column(index)  # in view (columns out of view are laid out once scrolled to)
    qtbot.wait(50)
    bar = column.verticalScrollBar()
    cursor = column.textCursor()
    cursor.setPosition(SectionPositions(column).to_document(split.start + 80))
    bar.setValue(bar.value() + column.cursorRect(cursor).top() - 20)
    assert bar.value() > 0
    top = column.cursorForPosition(QPoint(0, 0))
    at = SectionPositions(column).to_section(top.position())
    top_y = column.cursorRect(top).top()
    assert at > split.start + 40  # the words in view are well inside the part split off
    text = shown(window)[index]
    words = text[at : at + 6]
    assert "\n" not in words and text.count(words) == 1
    after = shown(window)[index + 1]
    count = len(view.columns)
    colleague.split_section(page_id, index, split.start)
    qtbot.waitUntil(lambda: len(window.page_view.columns) == count + 1, timeout=3000)
    columns = window.page_view.columns
    assert words in shown(window)[index + 1] and words not in shown(window)[index]
    moved = columns[index + 1]
    cursor = moved.textCursor()
    cursor.setPosition(SectionPositions(moved).to_document(shown(window)[index + 1].index(words)))
    assert abs(moved.cursorRect(cursor).top() - top_y) <= moved.fontMetrics().lineSpacing() * 1.5
    # The column that followed is now one further on and still shows its opening words.
    assert shown(window)[index + 2] == after
    assert columns[index + 2].verticalScrollBar().value() == 0
