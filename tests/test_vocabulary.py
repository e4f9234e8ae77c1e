"""Vocabulary entries in the library and their export files (no Qt)."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from models.errors import DubaoError
from models.library.service import Library
from models.vocabulary import add_word, delete_word, list_words, update_word, write_csv, write_tsv
from models.vocabulary.export import COLUMNS
from tests.conftest import SAMPLE_PAGE

pytestmark = pytest.mark.engines


@pytest.fixture
def page_id(library) -> int:
    report = library.import_paths([SAMPLE_PAGE])
    return report.page_ids[0]


def _raw_offset(library, page_id: int, needle: str) -> int:
    return library.page(page_id).raw.index(needle)


def test_a_saved_word_keeps_its_sentence_and_says_where_it_came_from(library, page_id):
    offset = _raw_offset(library, page_id, "掀起")
    word = add_word(
        library,
        simplified="掀起",
        pinyin="xiān qǐ",
        definition="to lift; to stir up",
        sentence="示范区掀起“近学许昌、远学扬州”活动热潮",
        page_id=page_id,
        raw_offset=offset,
    )
    assert word.traditional == ""  # same form: not repeated
    # The source names the article the word was read in.
    assert word.source.endswith("示范区掀起“近学许昌、远学扬州”活动热潮")
    again = add_word(library, simplified="掀起", page_id=page_id, raw_offset=offset)
    assert again.id == word.id and len(list_words(library)) == 1


def test_entries_are_edited_and_deleted(library, page_id):
    word = add_word(library, simplified="银行", traditional="銀行", pinyin="yín háng", page_id=page_id)
    changed = update_word(library, word.id, definition="bank (where money is kept)")
    assert changed.definition == "bank (where money is kept)"
    assert list_words(library)[0].definition == "bank (where money is kept)"
    with pytest.raises(DubaoError):
        update_word(library, word.id, simplified="  ")
    with pytest.raises(DubaoError):
        update_word(library, word.id, source="elsewhere")
    delete_word(library, word.id)
    assert list_words(library) == []


def test_entries_survive_reopening_the_library(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        add_word(library, simplified="了解", pinyin="liǎo jiě", sentence="为了了解重庆")
    with Library.open(path) as library:
        [word] = list_words(library)
    assert (word.simplified, word.pinyin, word.sentence) == ("了解", "liǎo jiě", "为了了解重庆")


def test_anki_tsv_has_the_six_columns_in_order(library, tmp_path):
    add_word(
        library,
        simplified="银行",
        traditional="銀行",
        pinyin="yín háng",
        definition="bank",
        sentence="他在\t银行\n工作",
    )
    add_word(library, simplified="重庆", pinyin="Chóng qìng", definition="Chongqing", sentence="去重庆")
    path = tmp_path / "vocab.tsv"
    write_tsv(list_words(library), path)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8").splitlines()
    headers = [line for line in lines if line.startswith("#")]
    assert "#separator:tab" in headers and "#html:false" in headers
    assert "#columns:Simplified\tTraditional\tPinyin\tDefinition\tSentence\tSource" in headers
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert rows[0] == ["银行", "銀行", "yín háng", "bank", "他在 银行 工作", ""]
    assert rows[1][:3] == ["重庆", "", "Chóng qìng"]
    assert all(len(row) == 6 for row in rows)


def test_excel_csv_starts_with_a_bom_and_round_trips(library, tmp_path):
    add_word(
        library, simplified="为了", pinyin="wèi le", definition='in order to; "for"', sentence="=为了, 了解"
    )
    path = tmp_path / "vocab.csv"
    write_csv(list_words(library), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    assert rows[1][:4] == ["为了", "", "wèi le", 'in order to; "for"']
    assert rows[1][4] == "'=为了, 了解"  # never run as a formula


def test_writing_to_a_missing_folder_is_a_one_line_error(library, tmp_path):
    with pytest.raises(DubaoError, match="cannot write"):
        write_csv([], tmp_path / "no" / "such" / "v.csv")


# engine only names the engine; each example opens a library of its own.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=1, max_size=12).filter(lambda s: s.strip()), min_size=1, max_size=4))
def test_any_words_come_back_from_the_csv_as_saved(tmp_path_factory, engine, words):
    if engine == "postgresql":  # PostgreSQL's text cannot hold U+0000: such a write fails whole, said once
        assume(all("\x00" not in w for w in words))
    folder = tmp_path_factory.mktemp("v")
    with Library.open(folder / "l.sqlite3") as library:
        for w in words:
            add_word(library, simplified=w, definition=w)
        saved = list_words(library)
    path = folder / "v.csv"
    write_csv(saved, path)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    for row, word in zip(rows[1:], saved):
        cell = row[3]
        assert cell == word.definition or (word.definition[:1] in "=+@\t\r" and cell == "'" + word.definition)
