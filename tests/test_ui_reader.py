"""The reading view: columns per section, keyboard, raw-view link, find, zoom, themes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QTextFormat
from PySide6.QtWidgets import QApplication

from models.page_file import read_page_file
from models.parser import parse_page
from models.section import ParsedPage, Section
from tests.conftest import SAMPLE_PAGE
from tests.test_ui_pages import RAW_THREE, Locator, raw_lines_of, three_section_page
from tests.test_ui_tooltips import shown_tooltip
from ui.common.settings import Settings
from ui.shell.main_window import MainWindow


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    with qtbot.waitSignal(win.firstPainted):  # input comes once the first paint is handled, as in the app
        win.show()
    qtbot.waitExposed(win)
    return win


def column_texts(win: MainWindow) -> list[str]:
    return [c.plain_text().replace("\u2028", "\n") for c in win.page_view.columns]


def test_sample_opens_with_one_column_per_parsed_section(window):
    window.open_page_file(SAMPLE_PAGE)
    parsed = parse_page(read_page_file(SAMPLE_PAGE).raw)
    columns = window.page_view.columns
    assert len(columns) == len(parsed.sections) > 0
    for column, section in zip(columns, parsed.sections):
        text = column.plain_text()
        for part in section.all_texts():
            assert part.text.replace("\n", "\u2028") in text
    body = [c for c in columns if not c.is_masthead]
    xs = [c.mapTo(window.page_view.strip, c.rect().topLeft()).x() for c in body]
    assert xs == sorted(xs) and len(set(xs)) == len(xs), "columns stand side by side in reading order"
    assert window.outline.count() == len(parsed.sections)


def test_masthead_spans_the_top_and_parts_have_their_own_style(qtbot, window):
    window.show_page(three_section_page(), title="rmrb-2020-02-12-01.txt")
    view = window.page_view
    masthead, first, second, caption = view.columns
    assert masthead.is_masthead and masthead.parent() is view.masthead
    assert masthead.mapTo(view, masthead.rect().topLeft()).y() < first.mapTo(view, first.rect().topLeft()).y()
    assert masthead.width() > first.width() + second.width()
    heading_font = first.document().findBlockByNumber(0).charFormat().font()
    body_block = first.document().findBlockByNumber(1)
    assert heading_font.pointSizeF() > body_block.charFormat().font().pointSizeF()
    assert heading_font.bold()
    # The two-character first-line indent of a paragraph, none on the heading.
    body_em = body_block.charFormat().font().pointSizeF()
    assert body_block.blockFormat().textIndent() > 1.5 * body_em
    assert first.document().findBlockByNumber(0).blockFormat().textIndent() == 0
    caption_colour = caption.document().findBlockByNumber(0).charFormat().foreground().color()
    paragraph_colour = body_block.charFormat().foreground().color()
    assert caption_colour != paragraph_colour
    assert "2020-02-12" in view.details.text()


def test_keyboard_moves_between_and_within_columns(qtbot, window):
    window.show_page(three_section_page())
    view = window.page_view
    view.focus_column(1)
    first = view.columns[1]
    assert view.active == 1 and first.current_block() == 0
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert first.current_block() == 1
    qtbot.keyClick(first, Qt.Key.Key_End)
    assert first.current_block() == 2
    qtbot.keyClick(first, Qt.Key.Key_Down)  # past the last paragraph: on to the next column
    assert view.active == 2 and view.columns[2].current_block() == 0
    qtbot.keyClick(view.columns[2], Qt.Key.Key_Up)  # before its first block: back to the end of the previous
    assert view.active == 1 and first.current_block() == 2
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert view.active == 2
    qtbot.keyClick(view.columns[2], Qt.Key.Key_Right)
    assert view.active == 3
    qtbot.keyClick(view.columns[3], Qt.Key.Key_Right)  # the last column stays the last
    assert view.active == 3
    qtbot.keyClick(view.columns[3], Qt.Key.Key_Left)
    assert view.active == 2
    assert window.outline.currentRow() == 2
    window.outline.setFocus()
    window.outline.setCurrentRow(1)
    assert view.active == 1
    qtbot.keyClick(window.outline, Qt.Key.Key_Down)  # the outline keeps the keyboard while browsing
    assert view.active == 2 and window.outline.currentRow() == 2
    qtbot.keyClick(window.outline, Qt.Key.Key_Return)
    assert view.columns[2].hasFocus() or QApplication.focusWidget() is view.columns[2]


def test_raw_view_highlights_the_lines_of_the_current_paragraph_and_back(qtbot, window):
    page = three_section_page()
    window.show_page(page)
    window.toggle_raw_action.trigger()
    assert window.raw_view.isVisible()
    assert window.raw_view.toPlainText() == RAW_THREE
    view = window.page_view
    view.focus_column(1)
    view.columns[1].set_current_block(1)  # the first paragraph of the first article
    paragraph = page.sections[1].paragraphs[0]
    assert window.raw_view.highlighted_lines() == raw_lines_of(RAW_THREE, paragraph) == [3, 4, 5]
    # The reverse: a click on a raw line marks the paragraph it belongs to.
    cursor = window.raw_view.textCursor()
    cursor.setPosition(RAW_THREE.index("系统，复工率"))
    window.raw_view.setTextCursor(cursor)
    assert view.linked_block() == (2, 1)
    assert 1 in view.columns[2].marked_blocks()
    # A blank spot on a line (the space in the caption line) still finds its paragraph.
    cursor.setPosition(RAW_THREE.index(" 新华社"))
    window.raw_view.setTextCursor(cursor)
    assert view.linked_block() == (3, 0)


def test_hovering_a_paragraph_highlights_its_raw_lines(qtbot, window):
    page = three_section_page()
    window.show_page(page)
    window.set_raw_view_shown(True)
    column = window.page_view.columns[2]
    column.hoveredBlock.emit(1)  # what mouseMoveEvent reports for the pointer over that block
    assert window.raw_view.highlighted_lines() == raw_lines_of(RAW_THREE, page.sections[2].paragraphs[0])
    point = column.cursorRect(column.textCursor()).center()
    block_point = column.document().documentLayout().blockBoundingRect(column.document().findBlockByNumber(1))
    point.setY(int(block_point.center().y()))
    point.setX(40)
    qtbot.mouseMove(column.viewport(), point)
    assert column._block_under(point) == 1


def test_find_in_page_marks_every_hit_and_steps_through_them(qtbot, window):
    window.show_page(three_section_page())
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    window.find_bar.field.insert("春耕")  # QtTest can only type ASCII keys
    view = window.page_view
    assert len(view.hits) == 3  # heading, first paragraph, second paragraph; none elsewhere
    marked = view.columns[1].hits()
    assert len(marked) == 3 and all(view.columns[n].hits() == [] for n in (0, 2, 3))
    texts = []
    for start, end in marked:
        cursor = view.columns[1].textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        texts.append(cursor.selectedText())
    assert texts == ["春耕", "春耕", "春耕"]
    assert "1 of 3" in window.find_bar.count.text()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert view.current_hit == 1
    window.find_previous_action.trigger()
    window.find_previous_action.trigger()
    assert view.current_hit == 2  # wraps around
    window.find_bar.field.setText("复工")
    assert [h.column for h in view.hits] == [2, 2]
    window.find_bar.field.setText("没有的词")
    assert view.hits == [] and "No hits" in window.find_bar.count.text()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert all(c.hits() == [] for c in view.columns)


MALICIOUS = '<img src="x">\n\n<a href="y">链接</a> 和 <b>粗体</b>\n'


def _malicious_page() -> ParsedPage:
    at = Locator(MALICIOUS)
    return ParsedPage(
        raw=MALICIOUS,
        sections=[
            Section(kind="masthead", heading=at.text('<img src="x">')),
            Section(heading=at.text('<a href="y">链接</a>'), paragraphs=[at.text(" 和 <b>粗体</b>")]),
        ],
    )


def test_a_page_that_looks_like_html_shows_its_characters_literally(qtbot, window):
    window.show_page(_malicious_page(), title="<b>page</b>.txt")
    view = window.page_view
    assert '<img src="x">' in view.columns[0].plain_text()
    assert '<a href="y">链接</a>' in view.columns[1].plain_text()
    assert "<b>粗体</b>" in view.columns[1].plain_text()
    for column in view.columns:
        block = column.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                assert not fmt.isImageFormat() and not fmt.isAnchor()
                assert not fmt.font().bold() or block.blockNumber() == 0  # only headings are bold
                it += 1
            block = block.next()
    assert window.outline.item(0).text() == '<img src="x">'
    assert shown_tooltip(window.outline.item(0).toolTip()) == '<img src="x">'  # shown as written
    window.set_raw_view_shown(True)
    assert window.raw_view.toPlainText() == MALICIOUS
    assert window.windowTitle().startswith("<b>page</b>.txt")
    window.find_bar.open()
    window.find_bar.field.setText("<b>")
    assert len(view.hits) == 1


def test_a_malicious_file_through_the_parser_shows_literally(qtbot, window, tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text(MALICIOUS, encoding="utf-8")
    window.open_page_file(path)
    shown = "".join("".join(c.plain_text().split()) for c in window.page_view.columns)
    for needle in ('<imgsrc="x">', '<ahref="y">', "<b>粗体</b>"):
        assert needle in shown


ASTRAL_RAW = "𠀀𠀁测试页\n\n生僻字𠀀在前面，\n后面的词语不能移位。\n\n第二篇𠀀文章的词语。\n"


def _astral_page() -> ParsedPage:
    at = Locator(ASTRAL_RAW)
    return ParsedPage(
        raw=ASTRAL_RAW,
        sections=[
            Section(kind="masthead", heading=at.text("𠀀𠀁测试页")),
            Section(paragraphs=[at.text("生僻字𠀀在前面，", "后面的词语不能移位。")]),
            Section(paragraphs=[at.text("第二篇𠀀文章的词语。")]),
        ],
    )


def test_an_astral_character_shifts_nothing(qtbot, window):
    page = _astral_page()
    window.show_page(page)
    view = window.page_view
    window.find_bar.open()
    window.find_bar.field.setText("词语")
    assert [(h.column, h.block) for h in view.hits] == [(1, 0), (2, 0)]
    for column in (view.columns[1], view.columns[2]):
        ((start, end),) = column.hits()
        cursor = column.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == "词语"
    # Raw view: the click on a character after 𠀀 maps to that very character's offset.
    window.set_raw_view_shown(True)
    raw_view = window.raw_view
    target = ASTRAL_RAW.index("文章")
    cursor = raw_view.textCursor()
    cursor.setPosition(len(ASTRAL_RAW[:target].encode("utf-16-le")) // 2)
    raw_view.setTextCursor(cursor)
    assert raw_view.offset_at(cursor.position()) == target
    assert view.linked_block() == (2, 0)
    # Column -> raw: the character under a position after 𠀀 is the right raw character.
    column = view.columns[1]
    shown = column.plain_text()
    after = len(shown[: shown.index("不能")].encode("utf-16-le")) // 2  # Qt counts UTF-16 units
    assert ASTRAL_RAW[column.raw_offset_at(after)] == "不"
    view.focus_column(1)
    column.set_current_block(0)
    assert raw_view.highlighted_lines() == [2, 3]
    # The tinted raw blocks are exactly those lines, and the find marks sit on the words.
    doc = raw_view.document()
    tinted = [
        doc.findBlockByNumber(n).text()
        for n in range(doc.blockCount())
        if doc.findBlockByNumber(n).blockFormat().hasProperty(QTextFormat.Property.BackgroundBrush)
    ]
    assert tinted == ["生僻字𠀀在前面，", "后面的词语不能移位。"]
    assert raw_view.hit_texts() == ["词语", "词语"]


def test_zoom_changes_type_size_and_is_remembered(qtbot, window, settings):
    window.show_page(three_section_page())
    column = window.page_view.columns[1]
    before = column.document().findBlockByNumber(1).charFormat().font().pointSizeF()
    width_before = column.width()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    column = window.page_view.columns[1]
    after = column.document().findBlockByNumber(1).charFormat().font().pointSizeF()
    assert after > before and column.width() > width_before
    assert settings.layout().font_size == after
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.layout().font_size == before - 1


def test_column_width_font_and_spacing_are_adjustable_and_remembered(qtbot, window, settings):
    window.show_page(three_section_page())
    layout = settings.layout()
    narrow = window.page_view.columns[1].width()
    layout.column_chars = layout.column_chars * 2
    layout.line_spacing = 2.0
    window.set_layout(layout)
    column = window.page_view.columns[1]
    assert column.width() > 1.7 * narrow
    assert column.document().findBlockByNumber(1).blockFormat().lineHeight() == pytest.approx(200)
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.layout_.column_chars == layout.column_chars and again.layout_.line_spacing == 2.0


def test_dark_theme_darkens_the_page_and_is_remembered(qtbot, window, settings):
    window.show_page(three_section_page())
    window.set_theme("dark")
    column = window.page_view.columns[1]
    paper = column.palette().color(column.viewport().backgroundRole())
    assert QColor(paper).lightness() < 80
    ink = column.document().findBlockByNumber(1).charFormat().foreground().color()
    assert ink.lightness() > 150
    assert settings.theme() == "dark"
    window.set_theme("light")
    column = window.page_view.columns[1]
    assert column.palette().color(column.viewport().backgroundRole()).lightness() > 200


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_disabled_menu_item_is_drawn_greyed_in_either_theme(qtbot, window, theme):
    """Edit ▸ Undo with nothing to undo, Mark Done on a page that is done, Revert on a reverted
    correction: in the light theme they looked as enabled as the items beside them."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QMenu

    window.set_theme(theme)
    menu = QMenu(window)
    qtbot.addWidget(menu)
    menu.addAction("enabled")
    menu.addAction("disabled").setEnabled(False)
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    image = menu.grab().toImage()

    def darkest(action) -> int:  # the text's strongest ink against the menu's background
        rect = menu.actionGeometry(action)
        back = QApplication.palette().color(QPalette.ColorRole.Window).lightness()
        return max(
            abs(QColor(image.pixel(x, y)).lightness() - back)
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
        )

    enabled, disabled = menu.actions()
    menu.close()
    assert darkest(disabled) < 0.8 * darkest(enabled)


def test_a_broken_file_shows_the_reason_and_the_page_stays(qtbot, window, tmp_path):
    window.show_page(three_section_page(), title="good")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert window.open_path(empty) is False
    box = window.findChild(type(window._error_box), "errorBox")
    assert box is not None and box.isVisible()
    assert "empty" in box.informativeText()
    box.close()
    assert window.page_title == "good" and len(window.page_view.columns) == 4


def test_last_page_and_recent_files_are_remembered(qtbot, window, settings, tmp_path):
    from ui.shell.app import _load_start_page

    path = tmp_path / "page-004.txt"
    path.write_text(RAW_THREE, encoding="utf-8")
    window.open_page_file(path)
    assert settings.recent_files()[0] == str(path.resolve())
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    _load_start_page(again, None, settings)
    assert again.page_title == "page-004.txt"
    assert again.details.page_number == "4"


def test_a_long_reading_session_does_not_wear_out_the_interpreter(qtbot, window):
    """PySide6 6.12.0 dropped a reference to None on each void call; 5,000 hovers then aborted Python."""
    import gc
    import sys

    window.show_page(three_section_page())
    window.set_raw_view_shown(True)
    column = window.page_view.columns[1]
    # The collector freeing earlier tests' garbage in the loop would lower the count too (a
    # CI run saw -606): collect first, and not during the loop.
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(300):
            column.hoveredBlock.emit(i % 3)
            window._raw_offset(i % len(RAW_THREE), activated=True)
        after = sys.getrefcount(None)
    finally:
        if enabled:
            gc.enable()
    # Immortal None (Python 3.12+) reports a constant; on 3.10/3.11 the count must not sink.
    assert after >= before - 50


def test_without_a_chinese_font_the_reader_says_so_once_with_the_fix(qtbot, window, settings):
    window.cjk_family = None  # as on a machine with no CJK font installed
    window.warn_missing_cjk_font()
    box = window._error_box
    assert box.isVisible() and "fonts-noto-cjk" in box.informativeText()
    box.close()
    window.warn_missing_cjk_font()
    assert window._error_box is box and not box.isVisible()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.cjk_family = None
    again.warn_missing_cjk_font()
    assert not hasattr(again, "_error_box")


def test_the_installed_cjk_font_is_picked_when_there_is_one(window):
    from ui.common.fonts import cjk_families

    if not cjk_families():
        pytest.skip("no CJK font on this machine")
    window.show_page(three_section_page())
    family = window.page_view.columns[1].document().findBlockByNumber(1).charFormat().font().family()
    assert family in cjk_families()


def test_page_down_scrolls_the_column_and_does_not_turn_the_page(qtbot, window):
    """Only Ctrl+PgDown turns the page; plain PgDown belongs to the column."""
    assert all("Ctrl" in s.toString() for s in window.next_page_action.shortcuts())
    assert all("Ctrl" in s.toString() for s in window.previous_page_action.shortcuts())


def test_preferences_change_the_page_live_and_are_remembered(qtbot, window, settings):
    from ui.shell.preferences import PreferencesDialog

    window.show_page(three_section_page())
    before = window.page_view.columns[1].width()
    dialog = PreferencesDialog(window.layout_, settings.theme(), settings.language(), window)
    qtbot.addWidget(dialog)
    dialog.layoutChanged.connect(window.set_layout)
    dialog.themeChanged.connect(window.set_theme)
    dialog.column.setValue(dialog.column.value() + 10)
    assert window.page_view.columns[1].width() > before
    assert settings.layout().column_chars == dialog.column.value()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert settings.theme() == "dark"


def test_the_window_restores_its_geometry(qtbot, window, settings):
    window.resize(641, 477)  # within the offscreen screen, which clamps restored geometry
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (641, 477)


def test_selecting_text_across_paragraphs_tints_all_its_raw_lines(qtbot, window):
    page = three_section_page()
    window.show_page(page)
    window.set_raw_view_shown(True)
    column = window.page_view.columns[1]
    cursor = column.textCursor()
    text = column.plain_text()
    # From the middle of the first paragraph into the second.
    cursor.setPosition(text.index("各地"))
    cursor.setPosition(text.index("检修"), cursor.MoveMode.KeepAnchor)
    column.setTextCursor(cursor)
    assert window.raw_view.highlighted_lines() == [4, 5, 7]
    assert [RAW_THREE.splitlines()[n] for n in (4, 5, 7)] == [
        "王浩报道 各地抓紧春耕",
        "备耕，农资供应充足。",
        "第二段农机检修正在进",
    ]


def test_the_column_moved_to_is_scrolled_wholly_into_view(qtbot, window):
    window.open_page_file(SAMPLE_PAGE)
    view = window.page_view
    body = [n for n, c in enumerate(view.columns) if not c.is_masthead]
    assert len(body) > 4, "the sample is wider than the window"
    viewport = view.scroll.viewport()
    for number in body[1:] + body[::-1]:
        view.focus_column(number)
        column = view.columns[number]
        left = column.mapTo(viewport, column.rect().topLeft()).x()
        assert 0 <= left and left + column.width() <= viewport.width(), number


def test_find_marks_the_hits_in_the_raw_text_too_across_its_line_breaks(qtbot, window):
    window.show_page(three_section_page())
    window.set_raw_view_shown(True)
    window.find_bar.open()
    window.find_bar.field.setText("远程办公系统")  # printed as "远程办公" + line break + "系统"
    assert len(window.page_view.hits) == 1
    assert window.raw_view.hit_texts() == ["远程办公", "系统"]
    window.find_bar.dismiss()
    assert window.raw_view.hit_texts() == []


def test_ctrl_wheel_zooms_the_whole_page_not_one_column(qtbot, window, settings):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    window.show_page(three_section_page())
    before = settings.layout().font_size
    column = window.page_view.columns[1]
    event = QWheelEvent(
        QPointF(30, 30),
        QPointF(column.viewport().mapToGlobal(QPoint(30, 30))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(column.viewport(), event)
    assert settings.layout().font_size == before + 1
    sizes = {
        c.document()
        .findBlockByNumber(c.blocks.index(next(b for b in c.blocks if b.part != "heading")))
        .charFormat()
        .font()
        .pointSizeF()
        for c in window.page_view.columns[1:3]
    }
    assert sizes == {before + 1}


def test_a_page_without_sections_says_so_and_nothing_breaks(qtbot, window):
    window.show_page(ParsedPage(raw="   \n", sections=[]), title="blank.txt")
    assert window.page_view.placeholder.isVisible()
    assert "No text" in window.page_view.placeholder.text()
    window.find_bar.open()
    window.find_bar.field.setText("报")
    window.find_next_action.trigger()
    window.next_column_action.trigger()
    window.set_raw_view_shown(True)
    assert window.page_view.hits == [] and window.raw_view.toPlainText() == "   \n"
    window.show_page(three_section_page())
    assert not window.page_view.placeholder.isVisible() and len(window.page_view.columns) == 4


def test_the_system_theme_follows_the_desktop_scheme_unless_one_is_chosen(qtbot, window, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    import ui.common.theme

    hints = QGuiApplication.styleHints()
    window.show_page(three_section_page())
    window.set_theme("system")
    assert not window.colours.dark
    # The offscreen platform cannot switch schemes: report dark and send the change signal.
    monkeypatch.setattr(ui.common.theme, "system_is_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.colours.dark
    column = window.page_view.columns[1]
    assert column.palette().color(column.viewport().backgroundRole()).lightness() < 80
    window.set_theme("light")  # chosen: the desktop's scheme no longer applies
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not window.colours.dark


def test_the_raw_view_comes_back_as_it_was_left(qtbot, window, settings):
    window.set_raw_view_shown(True)
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert again.raw_view.isVisible() and again.toggle_raw_action.isChecked()
    again.toggle_raw_action.trigger()
    assert not again.raw_view.isVisible() and settings.raw_view_shown() is False


def test_f3_and_shift_f3_move_the_hit_counter_with_the_hit(qtbot, window):
    # F3 moved to the next hit but the find bar went on saying "1 of 3".
    window.show_page(three_section_page())
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.field.insert("春耕")
    assert window.find_bar.count.text() == "1 of 3"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3)
    assert window.page_view.current_hit == 1
    assert window.find_bar.count.text() == "2 of 3"
    qtbot.keyClick(window.page_view.columns[0], Qt.Key.Key_F3)
    assert window.find_bar.count.text() == "3 of 3"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count.text() == "2 of 3"


def test_changing_only_the_size_in_preferences_keeps_the_typeface(qtbot, window, settings):
    # The dialog showed the first Chinese font in its list (Droid Sans Fallback) instead of the one
    # in use, and a change of size alone switched the page to it.
    from PySide6.QtGui import QFont, QFontDatabase

    from ui.shell.preferences import PreferencesDialog

    window.show_page(three_section_page())
    in_use = window._style().family
    others = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese) if f != in_use]
    if not in_use or not others:
        pytest.skip("needs two installed Chinese fonts")
    dialog = PreferencesDialog(window.layout_, settings.theme(), settings.language(), window)
    qtbot.addWidget(dialog)
    dialog.layoutChanged.connect(window.set_layout)
    assert dialog.family.currentFont().family() == in_use
    dialog.size.setValue(dialog.size.value() + 1)
    assert window._style().family == in_use
    dialog.family.setCurrentFont(QFont(others[0]))  # a face the user picks is used
    assert window._style().family == dialog.family.currentFont().family() != in_use


_LIBRARIES = [f"/data/报库 {n}.sqlite3" for n in range(30)] + ["postgresql://ed@host/𠀀报"]


@given(
    reads=st.lists(
        st.tuples(st.sampled_from(_LIBRARIES), st.integers(1, 10**6), st.booleans()), min_size=1, max_size=60
    )
)
@hypothesis_settings(max_examples=40, deadline=None)
def test_each_librarys_own_last_page_is_kept_for_the_twenty_read_last(tmp_path_factory, reads) -> None:
    """Only the last library's last page was kept: a session on B, then a start on A, showed the
    sample page. Each of the 20 libraries read last keeps its own; a file read does not forget them."""
    from ui.common.settings import MAX_LIBRARY_PAGES

    folder = tmp_path_factory.mktemp("settings")
    kept = Settings(QSettings(str(folder / "dubao.ini"), QSettings.Format.IniFormat))
    expected: dict[str, str] = {}
    order: list[str] = []
    for library, page, a_file_after in reads:
        kept.set_last_page(f"library:{page}", library)
        expected[library] = f"library:{page}"
        order = [library, *(o for o in order if o != library)]
        if a_file_after:
            kept.set_last_page("file:/tmp/page.txt")
    again = Settings(QSettings(str(folder / "dubao.ini"), QSettings.Format.IniFormat))  # the next start
    for library in _LIBRARIES:
        wanted = expected[library] if library in order[:MAX_LIBRARY_PAGES] else ""
        assert again.library_last_page(library) == wanted, library


def test_a_last_page_kept_by_an_earlier_version_is_still_its_librarys(settings) -> None:
    settings.store.setValue("session/last_page", "library:7")  # as 0.x kept it: one value, no list
    settings.store.setValue("session/last_library", "/data/a.sqlite3")
    assert settings.library_last_page("/data/a.sqlite3") == "library:7"
    assert settings.library_last_page("/data/b.sqlite3") == ""
    settings.set_last_page("library:3", "/data/b.sqlite3")  # a session on b: a's page is still a's
    assert settings.library_last_page("/data/b.sqlite3") == "library:3"
    assert settings.library_last_page("/data/a.sqlite3") == "library:7"


def test_each_library_keeps_its_own_proofreading_place(settings) -> None:
    """A session out of the mode in one library took away the place another library's session
    had kept: the place was one value for every library."""
    server = "postgresql://ed@host:5432/𠀀报"  # a library name with colons
    a_place, server_place = "library:3:10:0:/data/a.sqlite3", f"library:7:2:1:{server}"
    settings.store.setValue("proofreading/resume", a_place)  # as an earlier version kept it
    settings.set_proofreading_place(server_place, server)
    settings.set_proofreading_place("", "/data/b.sqlite3")  # a session in b, out of the mode
    assert settings.proofreading_place("/data/a.sqlite3") == a_place
    assert settings.proofreading_place(server) == server_place
    assert settings.proofreading_place("/data/b.sqlite3") == ""
    assert settings.proofreading_place() == ""  # the last session's, as before
    settings.set_proofreading_place("", server)  # the mode left there: nothing to resume
    assert settings.proofreading_place(server) == ""
    assert settings.proofreading_place("/data/a.sqlite3") == a_place
