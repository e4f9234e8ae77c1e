"""Names, places and transliterations: where the dictionaries print a common reading.

Expected readings are the standard ones (现代汉语词典 and the places' own usage); the
sentences are written for these tests, not taken from the dev sets.
"""

from __future__ import annotations

import pytest

from models.language import readings_for

CASES = [
    # Transliterations the dictionaries read with a character's common reading.
    ("两国外长在塞尔维亚首都会谈。", "塞", 0, "sài"),
    ("这瓶葡萄酒产自法国勃艮第。", "艮", 0, "gèn"),
    # Chinese places whose minority reading the tables get right: the model must not undo them.
    ("于都县的红色旅游很兴旺。", "都", 0, "dū"),
    ("安徽六安的茶叶远近闻名。", "六", 0, "lù"),
    ("重庆的火锅店重新开业。", "重", 0, "chóng"),
    ("他从成都出发。", "都", 0, "dū"),
    ("台风登陆厦门。", "厦", 0, "xià"),
]


@pytest.mark.parametrize(("sentence", "char", "nth", "expected"), CASES)
def test_names_and_places_read_as_they_are_called(sentence: str, char: str, nth: int, expected: str) -> None:
    idx = -1
    for _ in range(nth + 1):
        idx = sentence.index(char, idx + 1)
    assert readings_for(sentence)[idx] == expected


def test_common_words_keep_the_dictionary_reading_even_where_the_model_disagrees() -> None:
    # The model trained on Wikipedia reads 似的 as sì de; the dictionaries' shì de stands.
    text = "感觉天塌了似的。"
    assert readings_for(text)[text.index("似")] == "shì"


def test_zeng_is_ceng_before_what_happened() -> None:
    text = "在展览上，我曾看到两幅相似的画。"
    assert readings_for(text)[text.index("曾")] == "céng"


def test_zeng_is_zeng_as_a_relatives_surname() -> None:
    text = "老李的二嫂曾桂英瞅准时机开了一家店。"
    assert readings_for(text)[text.index("曾")] == "zēng"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("仇英", ["qiú", "yīng"]),
        ("仇英是明代画家。", ["qiú", "yīng"]),
        ("解缙", ["xiè", "jìn"]),
    ],
)
def test_a_two_character_name_takes_its_surname_reading(text: str, expected: list[str]) -> None:
    assert readings_for(text)[:2] == expected


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("解缙是明代的学者。", "解", "xiè"),
        ("明代学者解缙是才子。", "解", "xiè"),
        ("覃小红是一名教师。", "覃", "qín"),
        ("区小华来到北京。", "区", "ōu"),
    ],
)
def test_a_surname_reads_as_one_at_a_clauses_start_as_in_its_middle(
    sentence: str, char: str, expected: str
) -> None:
    # At a clause's start the model used to read 解 as the verb jiě (解决, 解开 open clauses).
    assert readings_for(sentence)[sentence.index(char)] == expected


SURNAMES = [
    ("单田芳说了一段评书。", "单", "shàn"),
    ("查良镛的小说流传很广。", "查", "zhā"),
    ("盖叫天演过武松。", "盖", "gě"),
    ("曾国藩是湖南人。", "曾", "zēng"),
    ("朴槿惠访问了北京。", "朴", "piáo"),
]


@pytest.mark.parametrize(("sentence", "char", "expected"), SURNAMES)
def test_a_surname_before_a_given_name_takes_its_surname_reading(
    sentence: str, char: str, expected: str
) -> None:
    assert readings_for(sentence)[sentence.index(char)] == expected


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [("朗缪尔方程很有名。", "缪", "miù"), ("两方却仇深似海。", "仇", "chóu")],
)
def test_a_transliteration_or_phrase_is_not_read_as_a_surname(
    sentence: str, char: str, expected: str
) -> None:
    assert readings_for(sentence)[sentence.index(char)] == expected


@pytest.mark.parametrize(
    ("sentence", "name", "syllables"),
    [
        ("邱小军来到北京。", "邱小军", ("qiū", "xiǎo", "jūn")),
        ("记者单晓明报道。", "单晓明", ("shàn", "xiǎo", "míng")),
    ],
)
def test_a_name_jieba_splits_pops_up_as_one_word(
    sentence: str, name: str, syllables: tuple[str, ...]
) -> None:
    # Hovering 小 in 邱小军 shows the name, not 小 "small".
    from models.language import word_at, words_with_readings

    words = words_with_readings(sentence)
    found = word_at(words, sentence.index(name) + 1)
    assert found is not None and found.word == name
    assert found.syllables == syllables
    assert "".join(w.word for w in words) == sentence


def test_every_proper_noun_of_the_shipped_list_is_known_once_loaded() -> None:
    """The names are held by the word table's own strings where it has them (memory); none is lost
    or added on the way, whether or not the table holds it."""
    from models.language.phrase_table import NAMES_FILE, proper_nouns

    with NAMES_FILE.open(encoding="utf-8") as f:
        listed = {line.rstrip("\n") for line in f if not line.startswith("#")}
    assert proper_nouns() == listed
