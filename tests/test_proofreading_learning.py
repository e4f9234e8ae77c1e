"""The window's checker reads again only the lines its new knowledge can change: checked
against the checker itself, with and without what the library taught."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.proofreading.checker import Checker
from models.proofreading.checker_knowledge import LibraryKnowledge
from models.proofreading.language import Language
from models.proofreading.learning import affected_texts, reads_differently

#: Sentences of a news page with misreadings in them (工做 for 工作, 台力 for 合力, 己经 for 已经).
LINES = [
    "本报讯 记者王明报道 11月20日，示范区召开城乡一体化工做推进大会。",
    "会议要求，各部门要加强协作，形成台力。",
    "与会人员还参观了石家庄的新农村建设成果，大家己经表示要学习先进经验。",
    "会议指出，要坚持问题导向，狠抓工作落实，确保各项任务按时完成。",
]
CHARS = sorted({ch for line in LINES for ch in line if "\u4e00" <= ch <= "\u9fff"} | set("作合已人入士土"))


@pytest.fixture(scope="module")
def language() -> Language:
    return Language.bundled()


_CHECKERS: dict[tuple, Checker] = {}


def checker(language: Language, knowledge: LibraryKnowledge) -> Checker:
    key = (frozenset(knowledge.corrected.items()), frozenset(knowledge.dismissed.items()))
    if key not in _CHECKERS:
        _CHECKERS[key] = Checker(language, knowledge=knowledge)
    return _CHECKERS[key]


counts = st.integers(min_value=0, max_value=6)
pairs = st.dictionaries(st.tuples(st.sampled_from(CHARS), st.sampled_from(CHARS)), counts, max_size=3)
dismissals = st.dictionaries(st.tuples(st.sampled_from(CHARS), st.none()), counts, max_size=2)


def knowledge(corrected: dict, dismissed: dict) -> LibraryKnowledge:
    return LibraryKnowledge(
        corrected={k: v for k, v in corrected.items() if v},
        dismissed={k: v for k, v in dismissed.items() if v},
    )


@settings(max_examples=40, deadline=None)
@given(before_pairs=pairs, after_pairs=pairs, before_dismissed=dismissals, after_dismissed=dismissals)
@example(before_pairs={}, after_pairs={("做", "作"): 3}, before_dismissed={}, after_dismissed={})
@example(
    before_pairs={("台", "合"): 1}, after_pairs={("台", "合"): 4}, before_dismissed={}, after_dismissed={}
)
def test_a_line_without_the_changed_texts_gets_the_same_flags(
    language, before_pairs, after_pairs, before_dismissed, after_dismissed
) -> None:
    before = knowledge(before_pairs, before_dismissed)
    after = knowledge(after_pairs, after_dismissed)
    texts = affected_texts(before, after)
    for line in LINES:
        if not reads_differently(line, texts):
            assert checker(language, before).check(line) == checker(language, after).check(line), line


def test_the_lines_a_learnt_pair_changes_are_read_again(language) -> None:
    """Three corrections of 做 -> 作 make the checker flag 工做; that line is one to read again,
    and the lines without 做 are not."""
    before, after = LibraryKnowledge(), LibraryKnowledge(corrected={("做", "作"): 3})
    texts = affected_texts(before, after)
    assert texts == frozenset({"做"})
    line = LINES[0]
    flags = [(f.start, f.suggestion) for f in checker(language, after).check(line)]
    assert (line.index("工做") + 1, "作") in flags
    assert (line.index("工做") + 1, "作") not in [
        (f.start, f.suggestion) for f in checker(language, before).check(line)
    ]
    assert [reads_differently(line, texts) for line in LINES] == [True, False, False, False]


def test_a_new_dictionary_word_reads_every_line_again_and_an_insertion_none() -> None:
    words = LibraryKnowledge(words=frozenset({"王明"}))
    assert affected_texts(LibraryKnowledge(), words) is None
    assert all(reads_differently(line, None) for line in LINES)
    inserted = LibraryKnowledge(corrected={("", "的"): 1, ("做", "作"): 1})
    assert affected_texts(LibraryKnowledge(corrected={("做", "作"): 1}), inserted) == frozenset()
    dismissed = LibraryKnowledge(dismissed={("狠抓", None): 1})
    assert affected_texts(None, dismissed) == frozenset({"狠抓"})


def test_a_punctuation_dismissal_keyed_by_its_surroundings_reads_its_lines_again(language) -> None:
    """A "." dismissed after a list's number changes the checker's answer on lines holding a
    "." so (the window forgets those lines), and no other line."""
    dismissed = LibraryKnowledge(dismissed_around={(".", "digit", "han"): 1})
    texts = affected_texts(LibraryKnowledge(), dismissed)
    assert texts == frozenset({"."})
    line = "5.研究生以上学历"
    assert reads_differently(line, texts) and not reads_differently("研究生以上学历", texts)
    assert [f.start for f in Checker(language).check(line)] == [1]
    assert [f.start for f in Checker(language, knowledge=dismissed).check(line)] == []
