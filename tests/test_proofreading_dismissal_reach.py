"""How far a dismissed punctuation flag reaches: only where the same kinds of character stand
around the mark (tools/dismissal_reach.py measured a "." dismissed on list numbers silencing
every "." of the library: sentence ends, 马克.洛科克)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import db_arg
from proofreading_pages import find, library_with_pages, texts

from models.library import migrations
from models.library.database import schema_version
from models.library.proofreading import proofreading_knowledge
from models.library.service import Library
from models.proofreading.checker import Checker
from models.proofreading.checker_knowledge import LibraryKnowledge, surroundings
from models.proofreading.language import Language
from models.section import HEAD_FIELDS

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


def learnt_after_dismissing(tmp_path: Path, page: str, words: str, at: int) -> LibraryKnowledge:
    """What a new library holding ``page`` learns once the flag on ``words[at]`` is dismissed."""
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", page))
    try:
        dismiss(library, page_id, words, at)
        return library.learnt_knowledge()
    finally:
        library.close()


def test_a_dismissed_list_number_dot_leaves_a_sentence_end_dot_flagged(tmp_path: Path, language) -> None:
    learnt = learnt_after_dismissing(tmp_path, PAGE, "4.大学", 1)
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
    learnt = learnt_after_dismissing(tmp_path, PAGE, "取得进展.", 4)
    assert learnt.dismissed_around == {(".", "han", "edge"): 1} and learnt.dismissed == {}
    taught = Checker(language, knowledge=learnt)
    assert dots(taught, "各项工作有序开展.") == []
    assert dots(taught, "今年产量将进一步增加.明年还要增加。") == [10]


HEADING_PAGE = (
    "招聘启事\n\n    本单位招聘工作人员若干名。\n\n"
    "李克强主持召开中央应对.\n新冠肺炎疫情工作领导小组会议\n"
    "进一步部署降低病亡率和保障生活必需品供应要求细化重点人群疫情防控措施 加强防控国际合作\n\n"
    "新华社北京2月27日电 2月27\n日，李克强主持召开领导小组会议，部署进一步做\n"
    "好防控工作。各项工作取得进展，全国各地抓好春\n .季农业生产的工作。\n"
)


def window_classes(library, page_id: int, raw_start: int, raw_end: int) -> tuple[str, str]:
    """The classes around a raw span in the block the window shows it in (its text and map)."""
    for section in library.page(page_id).current_sections:
        blocks = [getattr(section, name) for name in HEAD_FIELDS] + list(section.paragraphs)
        for block in blocks:
            if block is not None and raw_start in block.source:
                at = list(block.source).index(raw_start)
                return surroundings(block.text, at, at + 1)
    raise AssertionError("no block holds the span")


def test_a_dot_dismissed_at_a_heading_lines_end_leaves_sentence_ends_flagged(
    tmp_path: Path, language
) -> None:
    """A heading printed on two lines is one block whose lines join with nothing between them:
    a '.' dismissed at its first line's end stood between two Han characters in the window,
    and so reaches only a '.' between two Han characters, never a sentence's end (check --db)."""
    learnt = learnt_after_dismissing(tmp_path, HEADING_PAGE, "中央应对.新冠", 4)
    taught = Checker(language, knowledge=proofreading_knowledge(db_arg(tmp_path / "library.sqlite3")))
    assert dots(taught, "今年产量将进一步增加.") == [10]
    assert dots(taught, "领导小组会议.部署进一步") == []
    assert learnt.dismissed_around == {(".", "han", "han"): 1}


def test_a_dismissal_beside_spaces_the_text_drops_gets_the_windows_classes(tmp_path: Path, language) -> None:
    """A continuation line's indentation is not in the paragraph's text: the '.' at its start
    stands after the Han character ending the line before, as the window shows it."""
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", HEADING_PAGE))
    try:
        section, start, _end = find(library, page_id, "抓好春.季")
        raw_start, raw_end = library.raw_span(page_id, section, start + 3, start + 4)
        assert HEADING_PAGE[raw_start - 1] == " "  # the raw text has the indentation before it
        library.dismiss_flag(page_id, raw_start, raw_end, "punctuation", ".")
        shown = window_classes(library, page_id, raw_start, raw_end)
        learnt = library.learnt_knowledge()
    finally:
        library.close()
    assert shown == ("han", "han")
    assert learnt.dismissed_around == {(".", *shown): 1}


def test_a_structure_edit_after_a_dismissal_does_not_change_what_it_meant(tmp_path: Path, language) -> None:
    """The classes are taken when the flag is dismissed and kept with it: the paragraph split
    before the dismissed '.' later (it then starts a paragraph) leaves the dismissal's reach."""
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", HEADING_PAGE))
    try:
        dismiss(library, page_id, "抓好春.季", 3)
        before = library.learnt_knowledge()
        section, start, _end = find(library, page_id, "抓好春.季")
        library.split_paragraph(page_id, section, start + 3)
        assert any(t.startswith(".季") for t in texts_of_blocks(library, page_id))
        after = library.learnt_knowledge()
    finally:
        library.close()
    assert before.dismissed_around == {(".", "han", "han"): 1}
    assert after == before


def texts_of_blocks(library, page_id: int) -> list[str]:
    return [p.text for s in library.page(page_id).current_sections for p in s.paragraphs]


def v8_columns_dropped(library: Library, engine: str) -> None:
    """Take the library back to version 7's tables: drop what v8 added (models.library.migrations
    ``_V8_COLUMNS``: ``flag_dismissal.class_before``/``class_after``) and mark it version 7."""
    db = library.database
    for column in ("class_before", "class_after"):
        db.execute_sql(f'ALTER TABLE "flag_dismissal" DROP COLUMN "{column}"')
    if engine == "postgresql":
        db.execute_sql('UPDATE "dubao_schema" SET "version" = 7')
    else:
        db.execute_sql("PRAGMA user_version = 7")


def server_tables(db) -> dict[str, set[tuple[str, str, str]]]:
    """Each table of the server library's schema: its columns (name, type, nullable)."""
    tables: dict[str, set[tuple[str, str, str]]] = {}
    for table, column, kind, nullable in db.execute_sql(
        "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns"
        " WHERE table_schema = current_schema()"
    ):
        tables.setdefault(table, set()).add((column, kind, nullable))
    return tables


def assert_tables_as_version_7_made_them(library: Library) -> None:
    """The server library taken back by :func:`v8_columns_dropped` has the tables a server
    library made by version 7's steps has (server_migrations up to 7), column for column."""
    from conftest import fresh_server_url

    from models.library import server_migrations
    from models.library.server import ServerLibraryDatabase

    made = ServerLibraryDatabase(fresh_server_url("v7"))
    made.connect()
    try:
        server_migrations.upgrade(made, target=7)
        assert server_migrations.schema_version(made) == 7
        assert server_tables(library.database) == server_tables(made)
    finally:
        made.close()


def test_a_version_7_librarys_dismissals_upgrade_and_keep_their_old_reach(
    tmp_path: Path, language, engine
) -> None:
    """A library written by version 7 (no classes kept with a dismissal) opens as version 8, on
    a file and on a server: its rows have none and weigh less wherever their text stands, as
    they did before; what else it held reads as before; a dismissal made after the upgrade keeps
    its classes."""
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", PAGE))
    try:
        section, start, _end = find(library, page_id, "本单位")
        library.correct(page_id, section, start, start + 1, "我", author="王编辑")
        before = texts(library, page_id)
        v8_columns_dropped(library, engine)
        if engine == "postgresql":
            assert_tables_as_version_7_made_them(library)
        at = PAGE.index("4.") + 1  # the page's raw text is the file's
        # The rows version 7 wrote: no classes (the columns did not exist).
        library.database.execute_sql(
            "INSERT INTO flag_dismissal (page_id, raw_start, raw_end, kind, text, created)"
            " VALUES (?, ?, ?, 'punctuation', '.', '2026-11-01 08:00:00'),"
            " (?, 0, 2, 'unknown', '招聘', '2026-11-01 08:00:00')",
            (page_id, at, at + 1, page_id),
        )
    finally:
        library.close()
    library = Library.open(tmp_path / "library.sqlite3")
    try:
        assert schema_version(library.database) == migrations.SCHEMA_VERSION == 8
        assert sorted(
            library.database.execute_sql(
                "SELECT text, class_before, class_after FROM flag_dismissal"
            ).fetchall()
        ) == [(".", None, None), ("招聘", None, None)]
        # What the editor had done reads as before: the correction in force, the same text.
        assert texts(library, page_id) == before and "我单位招聘工作人员" in "".join(before)
        learnt = library.learnt_knowledge()
        assert learnt.dismissed == {(".", None): 1, ("招聘", None): 1} and learnt.dismissed_around == {}
        assert proofreading_knowledge(db_arg(tmp_path / "library.sqlite3")) == learnt
        taught = Checker(language, knowledge=learnt)
        assert dots(taught, "今年产量将进一步增加.") == []  # the old reach: every '.'
        dismiss(library, page_id, "取得进展.", 4)
        assert library.learnt_knowledge().dismissed_around == {(".", "han", "edge"): 1}
        assert proofreading_knowledge(db_arg(tmp_path / "library.sqlite3")).dismissed_around == {
            (".", "han", "edge"): 1
        }
    finally:
        library.close()
    assert LibraryKnowledge(dismissed={(";", None): 1}).adjustment(";", "；") < -1.0
