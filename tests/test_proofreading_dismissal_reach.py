"""How far a dismissed punctuation flag reaches: only where the same kinds of character stand
around the mark (tools/dismissal_reach.py measured a "." dismissed on list numbers silencing
every "." of the library: sentence ends, 马克.洛科克)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import db_arg
from proofreading_pages import find, library_with_pages

from models.library.proofreading import proofreading_knowledge
from models.proofreading.checker import Checker
from models.proofreading.checker_knowledge import LibraryKnowledge
from models.proofreading.language import Language

pytestmark = pytest.mark.engines

PAGE = (
    "招聘启事\n\n"
    "    本单位招聘工作人员若干名，条件如下：\n"
    "    4.大学本科以上学历，具有相关工作经\n验。\n"
    "    今年粮食产量稳中有升，工作取得进展.\n"
    "    𠀀城日报讯 明年产量还要增加。\n"
)


@pytest.fixture(scope="module")
def language() -> Language:
    return Language.bundled()


def dots(checker: Checker, line: str) -> list[int]:
    """Where the checker flags a "." in ``line``."""
    return [f.start for f in checker.check(line) if line[f.start : f.end] == "."]


def dismiss(library, page_id: int, words: str, at: int) -> None:
    """Dismiss the punctuation flag on ``words[at]`` of the page, as the window does."""
    section, start, _end = find(library, page_id, words)
    raw_start, raw_end = library.raw_span(page_id, section, start + at, start + at + 1)
    library.dismiss_flag(page_id, raw_start, raw_end, "punctuation", words[at])


def test_a_dismissed_list_number_dot_leaves_a_sentence_end_dot_flagged(tmp_path: Path, language) -> None:
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", PAGE))
    try:
        dismiss(library, page_id, "4.大学", 1)
        learnt = library.learnt_knowledge()
    finally:
        library.close()
    plain, taught = Checker(language), Checker(language, knowledge=learnt)
    sentence_end, list_number, name = (
        "今年产量将进一步增加.",
        "5.研究生以上学历",
        "联合国副秘书长马克.洛科克说",
    )
    assert dots(plain, sentence_end) == [10] and dots(plain, list_number) == [1] and dots(plain, name) == [9]
    # The '。' written '.' after a Han character is still flagged, here and in a name ...
    assert dots(taught, sentence_end) == [10]
    assert dots(taught, name) == [9]
    # ... while another list number's '.' (a digit before, a Han character after) is not.
    assert dots(taught, list_number) == []
    # check --db reads the same knowledge as the window.
    assert proofreading_knowledge(db_arg(tmp_path / "library.sqlite3")) == learnt


def test_a_dot_dismissed_at_a_paragraphs_end_reaches_paragraph_ends_only(tmp_path: Path, language) -> None:
    """The raw text's line breaks inside a paragraph are skipped (the checker reads the joined
    paragraph), its end is an edge even when the next paragraph follows on the next line."""
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", PAGE))
    try:
        dismiss(library, page_id, "取得进展.", 4)
        learnt = library.learnt_knowledge()
    finally:
        library.close()
    assert learnt.dismissed_around == {(".", "han", "edge"): 1} and learnt.dismissed == {}
    taught = Checker(language, knowledge=learnt)
    assert dots(taught, "各项工作有序开展.") == []
    assert dots(taught, "今年产量将进一步增加.明年还要增加。") == [10]


def test_dismissals_stored_by_an_earlier_version_still_read(tmp_path: Path, language) -> None:
    """Rows an earlier version wrote (the same columns, no context stored) are keyed by what
    stands around them on their page; one whose page does not hold its span any more weighs
    less wherever its text stands, as every dismissal did before."""
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", PAGE))
    library.close()
    at = PAGE.index("4.") + 1  # the page's raw text is the file's
    conn = sqlite3.connect(tmp_path / "library.sqlite3", isolation_level=None)
    conn.execute(
        "INSERT INTO flag_dismissal (page_id, raw_start, raw_end, kind, text, created)"
        " VALUES (?, ?, ?, 'punctuation', '.', '2026-11-01 08:00:00'),"
        " (?, 100000, 100001, 'punctuation', ';', '2026-11-01 08:00:00'),"
        " (?, 0, 2, 'unknown', '招聘', '2026-11-01 08:00:00')",
        (page_id, at, at + 1, page_id, page_id),
    )
    conn.close()
    learnt = proofreading_knowledge(db_arg(tmp_path / "library.sqlite3"))
    assert learnt.dismissed_around == {(".", "digit", "han"): 1}
    assert learnt.dismissed == {(";", None): 1, ("招聘", None): 1}
    taught = Checker(language, knowledge=learnt)
    assert dots(taught, "5.研究生以上学历") == [] and dots(taught, "今年产量将进一步增加.") == [10]
    assert LibraryKnowledge(dismissed={(";", None): 1}).adjustment(";", "；") < -1.0
