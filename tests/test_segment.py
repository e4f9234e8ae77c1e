"""Words cut by jieba: lazily loaded, and never losing or changing a character."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from models.language import segmenter


def test_importing_the_language_package_does_not_load_jieba() -> None:
    code = "import sys, models.language; print(any(m.startswith('jieba') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_warm_up_loads_the_dictionary() -> None:
    segmenter.warm_up()
    assert segmenter.is_loaded()
    assert segmenter.cut("他在银行工作") == ["他", "在", "银行", "工作"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("银行长地了得着为重的一不说江河abc 12，。\n\t𠀀"), max_size=50))
def test_words_join_back_into_the_text(text: str) -> None:
    assert "".join(segmenter.cut(text)) == text


def test_a_particle_is_not_swallowed_by_a_rare_word() -> None:
    # jieba alone cuts 该项|目的 and 矗立|着数; a particle after a noun or a verb stands alone.
    assert segmenter.cut("这是他在该项目的最好成绩") == [
        "这",
        "是",
        "他",
        "在",
        "该",
        "项目",
        "的",
        "最好",
        "成绩",
    ]
    assert segmenter.cut("门前矗立着数棵松树")[2:5] == ["着", "数", "棵"]


def test_words_that_open_with_a_particle_character_stay_whole_where_they_are_common() -> None:
    assert "着手" in segmenter.cut("他们开始着手准备")
    assert "了解" in segmenter.cut("我们需要了解情况")
    assert "目的" in segmenter.cut("这个项目的目的")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [("邱小军说，明天开会。", "邱小军"), ("记者采访了区小红。", "区小红"), ("单田芳说评书", "单田芳")],
)
def test_a_name_the_dictionary_splits_is_one_word(sentence: str, name: str) -> None:
    words = segmenter.cut(sentence)
    assert name in words
    assert "".join(words) == sentence


def test_words_that_are_no_names_are_not_joined() -> None:
    # 他曾任局长: 曾 "once" before a verb, no surname; the words stay as jieba cuts them.
    assert segmenter.cut("他曾任局长") == ["他", "曾", "任", "局长"]
    assert segmenter.names("他在银行工作") == []


def test_the_kept_reading_of_jiebas_dictionary_gives_what_reading_it_again_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Start-up reads tags and person names from a file kept in the temporary folder; a later
    # process must see exactly what reading jieba's dictionary gives, and a broken file is read past.
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    tokenizer = segmenter._load()
    fresh = segmenter._read_dictionary_file(tokenizer)
    assert segmenter._read_dictionary(tokenizer) == fresh  # reads the dictionary, keeps the file
    kept = list(tmp_path.glob("dubao-jieba-tags-*"))
    assert len(kept) == 1
    assert segmenter._read_dictionary(tokenizer) == fresh  # from the kept file
    assert fresh[0]["的"].startswith("u") and "单田芳" in fresh[1]
    kept[0].write_bytes(b"\x00broken")
    assert segmenter._read_dictionary(tokenizer) == fresh


def test_the_tables_keyed_by_jiebas_strings_hold_the_same_words_and_readings():
    """The word table, tags and name lists share jieba's word strings (memory): same content."""
    from models.language import phrase_table, segmenter

    segmenter.warm_up()  # as the app loads them: jieba first, then the word table
    with phrase_table.WORDS_FILE.open(encoding="utf-8") as f:
        expected = dict(line.rstrip("\n").split("\t", 1) for line in f if not line.startswith("#"))
    assert phrase_table.word_table() == expected
    freq = segmenter._load().FREQ
    shared = segmenter.share_keys({"银行": "yín háng", "不在词典里的词语": "x"})
    assert shared == {"银行": "yín háng", "不在词典里的词语": "x"}
    assert segmenter.share_keys({"银行", "不在词典里的词语"}) == {"银行", "不在词典里的词语"}
    assert segmenter.tag_of("银行") == "n" and freq["银行"] > 0
