"""Context-correct pinyin: the readings a learner sees above each character."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pinyin_misses import with_misses

from models.language import dictionary_syllables, readings_for, word_at, words_with_readings

#: Sentences the removed hand rules read and the model step does not yet (issue 12: rules under the
#: bar were removed; g2pM, trained on Wikipedia, reads a lone 得 dé, 地 dì, 都 dū, and the classifier
#: does not overrule it often enough). Strict: one that starts to pass must leave this list.
MODEL_MISSES = {
    ("我们得抓紧时间。", "得", 0),
    ("中国为抗击疫情采取了有力措施。", "为", 0),
    ("这套设备能为他节省一大笔钱。", "为", 0),
    ("他们为社区居民送来了蔬菜。", "为", 0),
    ("日子过得真快。", "得", 0),
    ("护士细心地告诉病人注意事项。", "地", 0),
    ("她有规律地工作。", "地", 0),
    ("他按时还款。", "还", 0),
    ("相关部门应加快工作。", "应", 0),
    ("村支书曾建华说，", "曾", 0),
}

#: g2pM reads it right; the classifier overrules it wrongly since it overrules at 0.7 sure (着 as in 着急).
CLASSIFIER_MISSES = {("窗外下着雨。", "着", 0)}


def _cases(cases: list[tuple[str, str, int, str]]) -> list:
    return with_misses(cases, MODEL_MISSES, CLASSIFIER_MISSES)


def reading_of(sentence: str, char_index_of: str, nth: int = 0) -> str | None:
    """The reading at the nth occurrence of a character in a sentence."""
    idx = -1
    for _ in range(nth + 1):
        idx = sentence.index(char_index_of, idx + 1)
    return readings_for(sentence)[idx]


@pytest.mark.parametrize(
    ("sentence", "char", "nth", "expected"),
    _cases(
        [
            ("他在银行工作。", "行", 0, "háng"),
            ("我们沿着河边行走。", "行", 0, "xíng"),
            ("长江是中国最长的河。", "长", 0, "cháng"),
            ("孩子们在快乐中成长。", "长", 0, "zhǎng"),
            ("为了明天，我们努力。", "为", 0, "wèi"),
            ("他成为了一名医生。", "为", 0, "wéi"),
            ("这个地方很美。", "地", 0, "dì"),
            ("大家积极地参加活动。", "地", 0, "de"),
            ("他明天去重庆开会。", "重", 0, "chóng"),
            ("我们需要了解情况。", "了", 0, "liǎo"),
            ("他吃了饭就走了。", "了", 0, "le"),
            ("银行行长来了。", "行", 1, "háng"),
            ("他跑得很快。", "得", 0, "de"),
            ("窗外下着雨。", "着", 0, "zhe"),
            ("他晚上睡不着。", "着", 0, "zháo"),
            ("农场里有五只羊。", "只", 0, "zhī"),
            ("我们得抓紧时间。", "得", 0, "děi"),
            ("坚持以人民为中心，为人民服务。", "为", 0, "wéi"),
            ("坚持以人民为中心，为人民服务。", "为", 1, "wèi"),
            ("中国为抗击疫情采取了有力措施。", "为", 0, "wèi"),
            ("这套设备能为他节省一大笔钱。", "为", 0, "wèi"),
            ("他们为社区居民送来了蔬菜。", "为", 0, "wèi"),
            ("制度优势转化为治理效能。", "为", 0, "wéi"),
            ("治愈率为51%。", "为", 0, "wéi"),
            ("图为工人在检修设备。", "为", 0, "wéi"),
            ("全力抗击新冠肺炎疫情。", "冠", 0, "guān"),
            ("他每天都会来。", "都", 0, "dōu"),
            ("日子过得真快。", "得", 0, "de"),
            ("护士细心地告诉病人注意事项。", "地", 0, "de"),
            ("她有规律地工作。", "地", 0, "de"),
            ("山东、江苏等地陆续开展检查。", "地", 0, "dì"),
            ("旅客在宾馆就地隔离。", "地", 0, "dì"),
            ("他按时还款。", "还", 0, "huán"),
            ("他理了头发。", "发", 0, "fà"),
            ("这件衣服很便宜。", "便", 0, "pián"),
            ("他是实验小学校长。", "长", 0, "zhǎng"),
            ("患者病情较重。", "重", 0, "zhòng"),
            ("双方重视发展中蒙关系。", "蒙", 0, "měng"),
            ("如何更好地解决问题？", "好", 0, "hǎo"),
            ("以前出行难。", "难", 0, "nán"),
            ("相关部门应加快工作。", "应", 0, "yīng"),
            ("村支书曾建华说，", "曾", 0, "zēng"),
            ("副局长单晓明表示，", "单", 0, "shàn"),
            ("他曾在这里工作。", "曾", 0, "céng"),
            ("护士每天给病人量体温。", "量", 0, "liáng"),
            ("学校的出勤率很高。", "率", 0, "lǜ"),
        ]
    ),
)
def test_polyphones_are_read_as_the_context_demands(
    sentence: str, char: str, nth: int, expected: str
) -> None:
    assert reading_of(sentence, char, nth) == expected


def test_a_compound_missing_from_the_word_table_is_read_through_its_parts() -> None:
    # jieba keeps 银行行长 as one word; reading it character by character would give xíng.
    assert readings_for("银行行长")[:4] == ["yín", "háng", "háng", "zhǎng"]


def test_citation_tones_keep_yi_and_bu_and_leave_the_neutral_tone_unmarked() -> None:
    readings = readings_for("一样不对的绿叶")
    assert readings[0] == "yī"  # not the spoken yí
    assert readings[2] == "bù"  # not bú before a fourth tone
    assert readings[4] == "de"
    assert readings[5] == "lǜ"


def test_third_tones_are_not_changed_by_sandhi() -> None:
    assert readings_for("你好")[0] == "nǐ"


def test_only_han_characters_get_a_reading() -> None:
    text = "GDP增长5%，ＡＢ１２ok。"
    readings = readings_for(text)
    assert len(readings) == len(text)
    for ch, reading in zip(text, readings):
        is_han = "\u4e00" <= ch <= "\u9fff"
        assert (reading is not None) == is_han, ch


def test_astral_characters_count_as_one_code_point() -> None:
    text = "𠀀字𠀀"
    readings = readings_for(text)
    assert len(readings) == 3
    assert readings[1] == "zì"


def test_empty_text_has_no_readings() -> None:
    assert readings_for("") == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("银行长地了得着为重的一不abc 12，。\n𠀀"), max_size=40))
def test_one_entry_per_code_point_whatever_the_text(text: str) -> None:
    readings = readings_for(text)
    assert len(readings) == len(text)
    for ch, reading in zip(text, readings):
        if not ("\u4e00" <= ch <= "\u9fff" or ch == "𠀀"):
            assert reading is None


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("银行长地了得着为重的一不说江河abc 12，。\n"), max_size=40))
def test_words_cover_the_text_and_agree_with_the_readings(text: str) -> None:
    words = words_with_readings(text)
    readings = readings_for(text)
    covered = []
    for word in words:
        # A word may span OCR's spaces or a line wrap, and then leaves them out.
        assert "".join(text[word.start : word.end].split()) == "".join(word.word.split())
        positions = [
            i for i in range(word.start, word.end) if not (text[i].isspace() and not word.word.isspace())
        ]
        assert [readings[i] for i in positions] == list(word.syllables)
        covered.extend(positions)
    assert covered == sorted(covered)
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= set(covered)


def test_ocr_letter_spacing_and_line_wraps_do_not_split_words() -> None:
    # 银 行 letter-spaced, 银行 wrapped across two lines: still háng, and spaces stay null.
    assert readings_for("银 行") == ["yín", None, "háng"]
    assert readings_for("在银\n行工作") == ["zài", "yín", None, "háng", "gōng", "zuò"]
    word = word_at(words_with_readings("在银\n行工作"), 3)
    assert word is not None and word.word == "银行" and (word.start, word.end) == (1, 4)


def test_a_blank_line_still_parts_two_paragraphs() -> None:
    # Joined, 长江 would be read together; across a paragraph break 长 stands alone.
    readings = readings_for("成\n\n长江")
    assert readings[0] == "chéng" and readings[3] == "cháng"


def test_the_popup_finds_the_word_under_an_offset() -> None:
    words = words_with_readings("他在银行工作")
    word = word_at(words, 3)
    assert word is not None and word.word == "银行" and word.pinyin == "yín háng"
    assert word_at(words, 6) is None


def test_a_word_on_its_own_is_read_as_the_dictionary_prints_it() -> None:
    assert dictionary_syllables("银行") == ["yín", "háng"]
    assert dictionary_syllables("一样") == ["yī", "yàng"]
    assert dictionary_syllables("不存在的词语组合") is None


def test_an_editors_override_changes_that_occurrence_only() -> None:
    text = "银行行长"
    readings = readings_for(text, {1: "xíng"})
    assert readings[1] == "xíng" and readings[2] == "háng"
    assert readings_for(text)[1] == "háng"  # the engine's reading is not changed for later calls
    word = word_at(words_with_readings(text, {1: "xíng"}), 1)
    assert word is not None and word.syllables[1] == "xíng"


def test_an_override_on_a_character_without_reading_is_ignored() -> None:
    assert readings_for("银行。", {2: "jù"})[2] is None


#: Every character a grammar rule looks at, with quotes and breaks around them.
_RULE_CHARACTERS = (
    "的了着地得只为率量数种钻担铺钉卷扇好都更给难没还长干少重应蒙差处塞载中卡曾个余趟我在“”，。 a1"
)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_RULE_CHARACTERS), max_size=12))
def test_the_grammar_rules_read_any_arrangement_of_their_characters(text: str) -> None:
    # Rules look at the characters before and after: at a clause's edges there are none.
    readings = readings_for(text)
    assert len(readings) == len(text)
    assert all((reading is None) == (not "\u4e00" <= ch <= "\u9fff") for ch, reading in zip(text, readings))
