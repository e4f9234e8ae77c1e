"""The CC-CEDICT index behind the word popup, on a small dictionary file made here."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import DubaoError
from models.language.dictionary import Dictionary, tone_marked

FIXTURE = """\
# CC-CEDICT-format sample for tests
#! version=1
銀行 银行 [yin2 hang2] /bank/CL:家[jia1]/
行長 行长 [hang2 zhang3] /head of a bank/
行 行 [xing2] /to walk/to go/capable/
行 行 [hang2] /row/line/profession/
大夫 大夫 [da4 fu1] /senior official (in imperial China)/
大夫 大夫 [dai4 fu5] /doctor/physician/
會議 会议 [hui4 yi4] /meeting/conference/
綠 绿 [lu:4] /green/
北京 北京 [Bei3 jing1] /Beijing/
3C 3C [san1 C] /computers, communications, and consumer electronics/
this line is not an entry
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "cedict.txt"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


@pytest.fixture
def dictionary(tmp_path: Path, source: Path) -> Dictionary:
    d = Dictionary(tmp_path / "appdata", source)
    d.ensure_built()
    yield d
    d.close()


def test_the_index_is_built_in_the_app_data_folder(tmp_path: Path, source: Path) -> None:
    d = Dictionary(tmp_path / "appdata", source)
    assert not d.is_ready()
    d.ensure_built()
    assert d.is_ready()
    assert d.path.parent == tmp_path / "appdata"
    assert [p.name for p in d.path.parent.iterdir()] == [d.path.name]  # no temporary file left


def test_a_second_start_reuses_the_index(tmp_path: Path, source: Path, dictionary: Dictionary) -> None:
    built = dictionary.path.stat().st_mtime_ns
    again = Dictionary(tmp_path / "appdata", source)
    again.ensure_built()
    assert again.path.stat().st_mtime_ns == built
    assert again.lookup("银行")[0].pinyin == "yín háng"
    again.close()


def test_a_changed_source_is_indexed_again(tmp_path: Path, source: Path, dictionary: Dictionary) -> None:
    source.write_text(FIXTURE + "書 书 [shu1] /book/letter/\n", encoding="utf-8")
    fresh = Dictionary(tmp_path / "appdata", source)
    assert not fresh.is_ready()
    fresh.ensure_built()
    assert fresh.lookup("书")[0].senses == ("book", "letter")
    fresh.close()


def test_lookup_by_simplified_or_traditional_gives_both_forms_and_every_sense(dictionary: Dictionary) -> None:
    for headword in ("银行", "銀行"):
        (entry,) = dictionary.lookup(headword)
        assert (entry.simplified, entry.traditional) == ("银行", "銀行")
        assert entry.traditional_differs
        assert entry.syllables == ("yín", "háng")
        assert entry.senses == ("bank", "CL:家[jia1]")


def test_every_entry_of_a_headword_is_found(dictionary: Dictionary) -> None:
    entries = dictionary.lookup("大夫")
    assert [e.pinyin for e in entries] == ["dà fū", "dài fu"]
    assert entries[1].senses == ("doctor", "physician")
    assert not entries[0].traditional_differs
    assert dictionary.readings("行") == ["xíng", "háng"]


def test_pinyin_is_tone_marked_with_u_umlaut_and_capitals_kept(dictionary: Dictionary) -> None:
    assert dictionary.lookup("绿")[0].pinyin == "lǜ"
    assert dictionary.lookup("北京")[0].pinyin == "Běi jīng"
    assert dictionary.lookup("3C")[0].syllables == ("sān", "C")


def test_an_unknown_word_has_no_entry_and_is_cut_into_dictionary_words(dictionary: Dictionary) -> None:
    assert dictionary.lookup("银行行长会议") == []
    assert dictionary.sub_words("银行行长会议") == ["银行", "行长", "会议"]
    assert dictionary.sub_words("银行家") == ["银行", "家"]


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from("银行长会议大夫绿北京𠀀x"), max_size=12))
def test_sub_words_always_rebuild_the_word(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.getbasetemp() / "subwords"
    source = folder / "cedict.txt"
    if not source.exists():
        folder.mkdir(exist_ok=True)
        source.write_text(FIXTURE, encoding="utf-8")
    d = Dictionary(folder, source)
    d.ensure_built()
    pieces = d.sub_words(text)
    assert "".join(pieces) == text
    assert all(len(p) == 1 or d.has(p) for p in pieces)
    d.close()


def test_a_gzipped_source_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "cedict.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(FIXTURE)
    d = Dictionary(tmp_path / "appdata", path)
    assert d.lookup("会议")[0].senses == ("meeting", "conference")
    d.close()


def test_a_missing_or_empty_source_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(DubaoError, match="does not exist"):
        Dictionary(tmp_path / "a", tmp_path / "missing.txt").ensure_built()
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(DubaoError, match="no CC-CEDICT entries"):
        Dictionary(tmp_path / "b", empty).ensure_built()
    assert not (tmp_path / "b" / "cc-cedict.sqlite3").exists()


def test_tone_marks_from_numbered_pinyin() -> None:
    assert tone_marked("yin2 hang2") == ("yín", "háng")
    assert tone_marked("nu:3 er2") == ("nǚ", "ér")
    assert tone_marked("dai4 fu5") == ("dài", "fu")
