"""Structure edits in the window, as an editor makes them: paragraph roles, articles split and
joined, sections moved and their kind changed, from the keyboard and the menus; each one step
that Ctrl+Z takes back and Ctrl+Shift+Z makes again, and still there after a re-parse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_proofreading import caret_before, proofread, shown, texts

from ui.annotations.highlight_positions import SectionPositions

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(library_window, tmp_path):
    from annotation_pages import open_test_issue

    open_test_issue(library_window, tmp_path)
    return library_window


def parts(window, words: str) -> list[str]:
    """What the column holding ``words`` shows, block by block: "part:first characters"."""
    for column in window.page_view.columns:
        if any(words in ref.text.text for ref in column.blocks):
            return [f"{ref.part}:{ref.text.text[:4]}" for ref in column.blocks]
    raise AssertionError(words)


def undo_label(window) -> str:
    return window.annotation_session.undo_action.text().replace("&", "")


def key(window, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.page_view.active_column(), key, modifiers)


def own_paragraph(qtbot, window, words: str = "会议要求") -> None:
    """Proofreading, with ``words`` starting a paragraph of its own and the caret on it."""
    proofread(qtbot, window)
    caret_before(qtbot, window, words)
    key(window, Qt.Key.Key_Return)
    caret_before(qtbot, window, words, after=1)


@pytest.mark.parametrize(
    ("letter", "role"), [(Qt.Key.Key_K, "kicker"), (Qt.Key.Key_S, "subheading"), (Qt.Key.Key_B, "byline")]
)
def test_a_paragraph_takes_a_role_from_the_keyboard_and_gives_it_back(qtbot, window, letter, role) -> None:
    own_paragraph(qtbot, window)
    before = parts(window, "会议要求")
    assert "paragraph:会议要求" in before
    key(window, letter, CTRL | ALT)
    now = parts(window, "会议要求")
    assert f"{role}:会议要求" in now and "paragraph:会议要求" not in now
    # heads stand in printed order: kicker, heading, subheading, byline, then the body
    order = [p.split(":")[0] for p in now]
    ranks = ["kicker", "heading", "subheading", "byline", "paragraph"]
    assert order == sorted(order, key=ranks.index)
    assert undo_label(window) == f"Undo make {role}"
    # the caret stays in the paragraph that moved, so the next key acts on it: body text again
    key(window, Qt.Key.Key_P, CTRL | ALT)
    assert parts(window, "会议要求") == before
    assert undo_label(window) == "Undo make body text"
    key(window, Qt.Key.Key_Z, CTRL)  # the page is shown again once the step is undone
    qtbot.waitUntil(lambda: parts(window, "会议要求") == now)
    key(window, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: parts(window, "会议要求") == before)


def test_a_second_heading_joins_the_first_and_the_window_says_so(qtbot, window) -> None:
    """An article has one heading: a paragraph made its heading joins the one it has (a heading
    printed on two lines); the editor is told, and one Ctrl+Z takes it back."""
    own_paragraph(qtbot, window)
    before = parts(window, "会议要求")
    assert before[0] == "heading:𠀀城新闻"
    key(window, Qt.Key.Key_H, CTRL | ALT)
    heading = window.library.page(window.library_page_id).current_sections[1].heading
    assert heading.text.startswith("𠀀城新闻") and heading.text.endswith(
        "会议要求，各部门要加强协作，形成合力。与会人员还参观了𠀀家庄的新农村建设成果，大家纷纷表示，要学习先进经验，推动示范区高质量发展。"
    )
    assert "paragraph:会议要求" not in parts(window, "会议要求")
    column = window.page_view.active_column()  # the caret went with the words, not to the heading's start
    at = SectionPositions(column).to_section(column.textCursor().position())
    assert shown(window)[column.number][at:].startswith("议要求")
    assert window.statusBar().currentMessage() == (
        "The article had a heading already: the paragraph joins it (Ctrl+Z takes it back)."
    )
    key(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: parts(window, "会议要求") == before)
    # A kicker where there is none says nothing of the kind.
    caret_before(qtbot, window, "会议要求", after=1)
    key(window, Qt.Key.Key_K, CTRL | ALT)
    assert "already" not in window.statusBar().currentMessage()


def test_an_article_split_moved_past_its_neighbour_but_never_past_the_masthead(qtbot, window) -> None:
    """The masthead stands in the band on top whatever its place in the reading order: moving an
    article before it changed nothing the editor saw, and the next Ctrl+Z seemed to do nothing."""
    own_paragraph(qtbot, window)
    key(window, Qt.Key.Key_Return, CTRL | ALT)  # split the article here
    assert undo_label(window) == "Undo split article"
    assert [t[:4] for t in shown(window)] == ["𠀀城日报", "𠀀城新闻", "会议要求"]
    assert window.page_view.active_column().number == 2
    key(window, Qt.Key.Key_PageUp, CTRL | SHIFT)
    assert [t[:4] for t in shown(window)] == ["𠀀城日报", "会议要求", "𠀀城新闻"]
    assert window.page_view.active_column().number == 1  # the caret went with it
    steps = undo_label(window)
    key(window, Qt.Key.Key_PageUp, CTRL | SHIFT)  # only the masthead is before it
    assert window.statusBar().currentMessage() == "The section is already first or last in reading order."
    assert [t[:4] for t in shown(window)] == ["𠀀城日报", "会议要求", "𠀀城新闻"]
    assert [s.kind for s in window.library.page(window.library_page_id).current_sections][0] == "masthead"
    assert undo_label(window) == steps == "Undo move section"  # no step the editor cannot see
    key(window, Qt.Key.Key_PageDown, CTRL | SHIFT)
    assert [t[:4] for t in shown(window)] == ["𠀀城日报", "𠀀城新闻", "会议要求"]
    key(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: [t[:4] for t in shown(window)] == ["𠀀城日报", "会议要求", "𠀀城新闻"])
    # Join the two articles again from the keyboard: the first one takes the second's text.
    caret_before(qtbot, window, "会议要求")
    key(window, Qt.Key.Key_J, CTRL | ALT)
    assert undo_label(window) == "Undo join articles"
    assert len(window.page_view.columns) == 2
    # one article: the second's heading on top, the paragraphs in reading order below it
    assert parts(window, "会议要求") == ["heading:𠀀城新闻", "paragraph:会议要求", "paragraph:本报讯记"]


def test_joining_an_article_cut_in_two_keeps_one_heading_and_says_what_became_of_the_other(
    qtbot, window
) -> None:
    """The parser cut an article in two at an in-article subhead read as a headline: Join
    Article with Next keeps the article's heading, the subhead is a paragraph where it was
    printed, the status bar says so, and one Ctrl+Z gives both articles back as they were."""
    own_paragraph(qtbot, window)
    caret_before(qtbot, window, "与会人员")
    key(window, Qt.Key.Key_Return)
    caret_before(qtbot, window, "会议要求", after=1)
    key(window, Qt.Key.Key_Return, CTRL | ALT)  # the article split at 会议要求 …
    caret_before(qtbot, window, "会议要求", after=1)
    key(window, Qt.Key.Key_H, CTRL | ALT)  # … whose first line reads as its headline
    first, second = parts(window, "本报讯"), parts(window, "与会人员")
    assert [first[0], second[0]] == ["heading:𠀀城新闻", "heading:会议要求"]
    headline = window.library.page(window.library_page_id).current_sections[2].heading.text
    split = shown(window)
    caret_before(qtbot, window, "本报讯", after=2)
    key(window, Qt.Key.Key_J, CTRL | ALT)
    assert undo_label(window) == "Undo join articles"
    assert len(window.page_view.columns) == 2
    joined = parts(window, "本报讯")
    assert joined == [*first, "paragraph:会议要求", *second[1:]]  # one heading; the subhead in place
    assert shown(window)[1].split("\n")[len(first)] == headline  # its text whole, a paragraph of its own
    message = window.statusBar().currentMessage()
    assert headline[:8] in message and "Ctrl+Z" in message
    key(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: shown(window) == split)
    assert [parts(window, "本报讯"), parts(window, "与会人员")] == [first, second]
    key(window, Qt.Key.Key_Z, CTRL | SHIFT)  # the keyboard is still in the column: redo
    qtbot.waitUntil(lambda: len(window.page_view.columns) == 2)
    assert parts(window, "本报讯") == joined


def test_join_article_with_next_leaves_a_caption_or_the_masthead_apart_and_says_why(qtbot, window) -> None:
    """Ctrl+Alt+J in the sample page's last article, the photo caption printed after it: the
    caption stayed a paragraph of the article (one Ctrl+Z undid it). Now refused in the status
    bar, the page as it was, no step to undo; the same on the masthead above the first article."""
    assert window.open_library_page(window.test_pages["sample.txt"])
    proofread(qtbot, window)
    before = shown(window)
    steps = undo_label(window)
    caret_before(qtbot, window, "在深秋的暖阳下")
    key(window, Qt.Key.Key_J, CTRL | ALT)
    message = window.statusBar().currentMessage()
    assert "this is an article, the next section a caption" in message and "Section Kind" in message
    assert shown(window) == before and undo_label(window) == steps
    caret_before(qtbot, window, "焦作市城乡一体化示范区")
    key(window, Qt.Key.Key_J, CTRL | ALT)
    assert "this is the masthead, the next section an article" in window.statusBar().currentMessage()
    assert shown(window) == before and undo_label(window) == steps


def test_section_kind_from_the_menus_keyboard_then_undone_and_redone(qtbot, window) -> None:
    proofread(qtbot, window)
    caret_before(qtbot, window, "本报讯")
    structure = window.proofreading.structure_menu
    assert (
        structure.title().replace("&", "") == "Structure"
        and structure.menuAction() in window.edit_menu.actions()
    )
    kinds = next(a.menu() for a in structure.actions() if a.menu() is not None)
    assert kinds.title() == "Section &Kind"  # Alt+E, T, K
    assert [a.text() for a in kinds.actions()] == ["&Article", "&Caption", "&Masthead", "&Other"]
    next(a for a in kinds.actions() if a.text() == "&Caption").trigger()
    assert undo_label(window) == "Undo make caption"
    column = window.page_view.active_column()
    assert [ref.part for ref in column.blocks] == ["heading", "caption"]  # set as a caption now
    key(window, Qt.Key.Key_Z, CTRL)

    def shown_as(expected: list[str]) -> bool:
        return any([ref.part for ref in c.blocks] == expected for c in window.page_view.columns)

    qtbot.waitUntil(lambda: shown_as(["heading", "paragraph"]) and not shown_as(["heading", "caption"]))
    key(window, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: shown_as(["heading", "caption"]))


def test_the_help_key_map_names_every_structure_key(qtbot, window) -> None:
    window.proofreading.keys_action.trigger()
    dialog = window.proofreading.keys_dialog
    keys = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    dialog.close()
    structure = [a.shortcut().toString() for a in window.proofreading.structure.actions]
    for shortcut in structure:  # each action's key, or its group (Ctrl+Alt+H / K / S / B)
        stem, _, last = shortcut.rpartition("+")
        assert any(shortcut in k or (stem in k and last in k) for k in keys), shortcut
    assert "Alt+E, T, K" in keys


def test_structure_edits_stay_after_re_parsing_the_page_from_the_library_menu(qtbot, window) -> None:
    own_paragraph(qtbot, window)
    key(window, Qt.Key.Key_Return, CTRL | ALT)  # split the article
    key(window, Qt.Key.Key_B, CTRL | ALT)  # its first paragraph is the byline
    before = shown(window)
    window.library_reparse.page_action.trigger()  # Library ▸ Re-parse Page
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().endswith("re-parsed"), timeout=30000)
    assert shown(window) == before
    assert texts(window) == before


def test_each_structure_edit_says_in_the_status_bar_what_it_did(qtbot, window) -> None:
    """Split a paragraph, make it a kicker and body text again, join it back: the status bar kept the
    page's summary ("3 sections, 24 paragraphs, …", seen on Xvfb) whatever was done, where a
    style changed or a section went out of view. It names the step as Edit ▸ Undo does."""
    own_paragraph(qtbot, window)  # Enter: a paragraph break

    def said() -> str:
        message = window.statusBar().currentMessage()
        assert message == f"Done: {undo_label(window).removeprefix('Undo ')} (Ctrl+Z takes it back).", message
        return message

    assert "split paragraph" in said()
    key(window, Qt.Key.Key_K, CTRL | ALT)
    assert "kicker" in said()
    key(window, Qt.Key.Key_P, CTRL | ALT)
    assert "body text" in said()
    caret_before(qtbot, window, "本报讯")
    key(window, Qt.Key.Key_J, CTRL)  # join the paragraph with the next
    assert "join" in said()


def test_a_refused_join_or_split_is_told_in_the_chinese_window(qtbot, window) -> None:
    """The Chinese window said a refused structure edit in the core's English ("this is the last
    paragraph of its section"): it says it in Chinese, and the page is left as it was."""
    import re

    from PySide6.QtWidgets import QApplication

    from ui.common.i18n import install_translators

    app = QApplication.instance()
    installed = install_translators(app, "zh_CN")
    try:
        proofread(qtbot, window)
        before = texts(window)
        last = window.page_view.columns[-1]
        window.page_view.focus_column(last.number)
        last.setFocus()
        told = []
        for place, keys in [
            (last.document().characterCount() - 1, (Qt.Key.Key_J, CTRL)),  # the article's last paragraph
            (last.document().characterCount() - 1, (Qt.Key.Key_J, CTRL | ALT)),  # the page's last article
            (0, (Qt.Key.Key_Return, CTRL)),  # the paragraph's first character: nothing to split
        ]:
            window.statusBar().clearMessage()
            cursor = last.textCursor()
            cursor.setPosition(place)
            last.setTextCursor(cursor)
            key(window, *keys)
            told.append(window.statusBar().currentMessage())
        assert len(set(told)) == 3, told  # three refusals, each in its own words
        for message in told:
            assert re.search("[\u4e00-\u9fff]", message) and not re.search("[A-Za-z]", message), message
        assert texts(window) == before
    finally:
        for translator in installed:
            app.removeTranslator(translator)
