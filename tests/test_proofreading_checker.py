"""The proofreading checker on constructed lines whose right answer is known."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import DubaoError
from models.library.proofreading import proofreading_knowledge
from models.proofreading.checker import KINDS, MAX_SPAN, Checker
from models.proofreading.checker_knowledge import LibraryKnowledge
from models.proofreading.language import Language


@pytest.fixture(scope="module")
def language() -> Language:
    return Language.bundled()


@pytest.fixture(scope="module")
def checker(language: Language) -> Checker:
    return Checker(language)


def flags_of(checker: Checker, line: str) -> dict[int, tuple[int, str | None, str]]:
    return {f.start: (f.end, f.suggestion, f.kind) for f in checker.check(line)}


# Clean sentences written for these tests, and one OCR-like misreading in each:
# (clean, position, wrong character).
MISREAD = [
    ("这是一个重要的任务，我们要认真对待。", 5, "耍"),  # 要/耍 look alike
    ("他已经进入了会场。", 4, "人"),  # 入/人
]


@pytest.mark.parametrize(("clean", "at", "wrong"), MISREAD)
def test_a_lookalike_misreading_is_flagged_with_the_right_character(checker, clean, at, wrong) -> None:
    assert flags_of(checker, clean) == {}
    misread = clean[:at] + wrong + clean[at + 1 :]
    assert flags_of(checker, misread).get(at) == (at + 1, clean[at], "lookalike")


def test_a_character_that_breaks_a_word_but_looks_nothing_alike_is_unknown(checker) -> None:
    clean = "公寓的服务员都是女的。"
    assert flags_of(checker, clean) == {}
    misread = clean.replace("务", "路")
    end, suggestion, kind = flags_of(checker, misread)[4]
    assert (end, kind) == (5, "unknown")
    assert suggestion in (None, "务")


def test_half_width_punctuation_in_chinese_text_but_not_in_numbers(checker) -> None:
    line = "他说,我们明天(周一)见.价格是1,000元,涨了3.5%"
    flags = flags_of(checker, line)
    for mark, full in ((",", "，"), ("(", "（"), (")", "）"), (".", "。")):
        at = line.index(mark)
        assert flags[at] == (at + 1, full, "punctuation")
    assert line.index("1,000") + 1 not in flags
    assert line.index("3.5") + 1 not in flags
    assert line.rindex(",") in flags  # 元,涨


def test_straight_quotes_open_and_close(checker) -> None:
    line = '他说:"我们走吧"。'
    flags = flags_of(checker, line)
    assert flags[line.index('"')][1] == "“"
    assert flags[line.rindex('"')][1] == "”"
    assert flags[2][1] == "："


def test_an_ocr_space_inside_a_word_but_not_between_words(checker) -> None:
    inside = "我们的经 济发展很快"
    assert flags_of(checker, inside) == {4: (5, "", "space")}
    assert flags_of(checker, "第五条  国家支持社区矫正") == {}


def test_library_words_are_known(language) -> None:
    clean = "公寓的服路员都是女的。"  # as if 服路员 were a trade's own word
    assert 4 in flags_of(Checker(language), clean)
    taught = Checker(language, knowledge=LibraryKnowledge(words=frozenset({"服路员"})))
    assert 4 not in flags_of(taught, clean)


def test_corrections_weigh_more_and_dismissals_less(language, checker) -> None:
    line = "这是一个重耍的任务，我们要认真对待。"
    dismissed = Checker(language, knowledge=LibraryKnowledge(dismissed={("耍", "要"): 3, ("耍", None): 3}))
    assert 5 in flags_of(checker, line)
    assert 5 not in flags_of(dismissed, line)
    plain = {c.suggestion: s for c, s in checker.scored_candidates(line) if c.position == 5}
    taught = Checker(language, knowledge=LibraryKnowledge(corrected={("耍", "要"): 4}))
    boosted = {c.suggestion: s for c, s in taught.scored_candidates(line) if c.position == 5}
    assert boosted["要"] > plain["要"]


def test_knowledge_read_from_a_library_file(tmp_path) -> None:
    from models.library.service import Library

    db = tmp_path / "library.sqlite3"
    page = tmp_path / "page.txt"
    page.write_text("他已经进人了会场。重耍的事\n", encoding="utf-8")
    with Library.open(db) as library:
        library.import_paths([page])
        [issue] = library.issues()
        [info] = library.pages(issue.id)
        library.add_correction(info.id, 4, 5, "入")
        library.add_correction(info.id, 9, 11, "重要")
        library.add_word("焦作")
        library.dismiss_flag(info.id, 12, 13, "lookalike", "事")
    knowledge = proofreading_knowledge(db)
    assert knowledge.corrected == {("人", "入"): 1, ("耍", "要"): 1}
    assert knowledge.words == frozenset({"焦作"})
    assert knowledge.dismissed == {("事", None): 1}
    # What it taught moves the checker: a dismissed text weighs less, a corrected pair more.
    assert knowledge.adjustment("事", "是") < 0 < knowledge.adjustment("人", "入")


def test_a_file_that_is_no_library_is_refused(tmp_path) -> None:
    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE issue (id INTEGER PRIMARY KEY)")
    with pytest.raises(DubaoError):
        proofreading_knowledge(db)
    with pytest.raises(DubaoError):
        proofreading_knowledge(tmp_path / "missing.sqlite3")


ALPHABET = st.sampled_from(
    list(
        '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严,.:;?!()" 　0123456789abcXYZ𠀀'
    )
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_flags_stay_in_the_line_sorted_short_and_applicable(checker, line) -> None:
    flags = checker.check(line)
    last_end = 0
    for flag in flags:
        assert 0 <= flag.start < flag.end <= len(line)
        assert flag.end - flag.start <= MAX_SPAN
        assert flag.start >= last_end  # sorted, no overlaps
        last_end = flag.end
        assert flag.kind in KINDS
        if flag.suggestion is not None:
            assert flag.suggestion != line[flag.start : flag.end]
            fixed = line[: flag.start] + flag.suggestion + line[flag.end :]
            assert len(fixed) == len(line) - (flag.end - flag.start) + len(flag.suggestion)
        data = flag.as_json()
        assert set(data) == {"start", "end", "suggestion", "kind"}


def test_knowledge_from_a_real_library_with_a_correction(tmp_path) -> None:
    from models.library.database import open_database
    from models.library.schema import Correction, Issue, Page

    path = tmp_path / "library.sqlite3"
    db = open_database(path)
    issue = Issue.create(title="test")
    page = Page.create(issue=issue, raw_text="他已经进人了会场。", sha256="x")
    Correction.create(page=page, raw_start=4, raw_end=5, replacement="入")
    db.close()
    assert proofreading_knowledge(path).corrected == {("人", "入"): 1}


def test_the_tables_are_read_from_their_quick_copy_the_second_time(tmp_path) -> None:
    folder = tmp_path / "cache"
    first = Language.bundled(cache_folder=folder)
    [copy] = folder.glob("tables-*.marshal")
    second = Language.bundled(cache_folder=folder)
    assert second.words == first.words and second.pairs == first.pairs
    assert second.lookalikes == first.lookalikes
    line = "这是一个重耍的任务，我们要认真对待。"
    assert flags_of(Checker(second), line) == flags_of(Checker(first), line)
    # a damaged copy is made again, never trusted
    copy.write_bytes(b"\x00garbage")
    third = Language.bundled(cache_folder=folder)
    assert third.words == first.words
    assert copy.read_bytes() != b"\x00garbage"


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    language = Language.bundled(cache_folder=blocked / "cache")
    assert language.words.get("重要", 0) > 0
