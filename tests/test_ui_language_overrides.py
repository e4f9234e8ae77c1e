"""Reading overrides and vocabulary from the reading view: kept in the library, there after a restart."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.library.service import Library
from models.reading_overrides import all_overrides, export_csv
from models.vocabulary import list_words
from tests.language_window import TRAP_PAGE, find_word, open_window


@pytest.fixture
def page(tmp_path, data_home, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    path = tmp_path / "traps.txt"
    path.write_text(TRAP_PAGE, encoding="utf-8")
    return path


def test_an_override_is_used_from_then_on_and_after_a_restart(qtbot, tmp_path, page):
    db = tmp_path / "library.sqlite3"
    window = open_window(qtbot, tmp_path, page, db)
    language = window.language
    place = find_word(window, "重庆")
    assert language.card(place).pinyin == "chóng qìng"
    # A refused reading changes nothing.
    assert not language.set_reading(place, "zhong4")
    window._error_box.close()
    assert language.set_reading(place, "Zhòng qing4")
    assert language.card(place).pinyin == "zhòng qìng"
    assert language.card(place).overridden
    # Only this occurrence: 银行 elsewhere keeps its own reading.
    assert language.card(find_word(window, "银行", "他在")).pinyin == "yín háng"
    window.close()
    window.library.close()

    restarted = tmp_path / "restarted"  # a new window, new settings, the same library file
    restarted.mkdir()
    again = open_window(qtbot, restarted, page, db)
    card = again.language.card(find_word(again, "重庆"))
    assert card.pinyin == "zhòng qìng" and card.overridden
    again.language.set_ruby(True)
    place = find_word(again, "重庆")
    painted = dict(again.language.overlays[place[0]].ruby_readings(place[1]))
    assert [painted[p] for p in again.language.word(place)[1].positions] == ["zhòng", "qìng"]
    # The same page opened from the library (where the override was filed) reads the same.
    again.open_library_page(again.language.page_id)
    qtbot.waitUntil(lambda: again.language.ready, timeout=30000)
    place = find_word(again, "重庆")
    assert again.page_where.startswith("library:")
    assert again.language.card(place).pinyin == "zhòng qìng"
    again.language.clear_reading(place)
    assert again.language.card(place).pinyin == "chóng qìng"
    assert all_overrides(again.library) == []


def test_overrides_export_as_csv_with_their_context(qtbot, tmp_path, page):
    db = tmp_path / "library.sqlite3"
    window = open_window(qtbot, tmp_path, page, db)
    assert window.language.set_reading(find_word(window, "了解", "为了"), "le5 jie3")
    out = tmp_path / "overrides.csv"
    assert export_csv(window.library, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["character"], r["pinyin"]) for r in rows] == [("了", "le"), ("解", "jiě")]
    assert "为了了解重庆" in rows[0]["context"]
    assert TRAP_PAGE[int(rows[0]["offset"])] == "了"


def test_key_r_saves_the_word_under_the_word_cursor(qtbot, tmp_path, page):
    db = tmp_path / "library.sqlite3"
    window = open_window(qtbot, tmp_path, page, db)
    window.page_view.focus_column(1)
    column = window.page_view.columns[1]
    qtbot.waitUntil(column.hasFocus)
    for _ in range(3):  # 他, 在, 银行
        qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(column, Qt.Key.Key_R)
    [word] = list_words(window.library)
    assert (word.simplified, word.traditional, word.pinyin) == ("银行", "銀行", "yín háng")
    assert "bank" in word.definition
    assert word.sentence == "他在银行工作，每天行走很远。"
    assert word.page_id is not None and TRAP_PAGE[word.raw_offset : word.raw_offset + 2] == "银行"

    window.language.show_vocabulary()
    table = window.language.vocabulary_window
    assert table.table.rowCount() == 1 and table.table.item(0, 0).text() == "银行"
    table.table.item(0, 3).setText("bank; banking")  # an edit in the table is saved
    with Library.open(db) as library:
        assert list_words(library)[0].definition == "bank; banking"
    tsv = tmp_path / "v.tsv"
    assert table.export("tsv", str(tsv))
    assert tsv.read_text(encoding="utf-8").splitlines()[-1].split("\t")[:4] == [
        "银行",
        "銀行",
        "yín háng",
        "bank; banking",
    ]
    # A double click on the source shows the word where it was read, under the word cursor.
    window.language.set_cursor(None)
    table.table.itemDoubleClicked.emit(table.table.item(0, 5))
    qtbot.waitUntil(lambda: window.language.cursor is not None, timeout=30000)
    assert window.page_where == f"library:{word.page_id}"
    assert window.language.word(window.language.cursor)[1].word == "银行"
    table.table.selectRow(0)
    table.delete_selected()
    assert list_words(window.library) == [] and all_overrides(window.library) == []
