"""A version-2 library (corrections without batches) upgrades to version 3 losing nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.library import migrations
from models.library.service import Library
from models.library.sourcemap import encode
from models.parser import parse_page

PAGE = "读报𠀀测试。\n\n第二段𠀀落有\n两行文字。\n"  # body text only, as the v2 tables below hold


def shape(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    ]
    out = {name: list(conn.execute(f'PRAGMA table_info("{name}")')) for name in names}
    out["indexes"] = list(
        conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' ORDER BY name")
    )
    conn.close()
    return out


def build_v2(path: Path) -> None:
    """A real version-2 library, written with plain sqlite3 as Dubao v2 would."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrations.upgrade(conn, target=2)
    conn.execute(
        "INSERT INTO issue (id, paper, date, page_count, title, source_path, created) "
        "VALUES (1, '人民日报', '2020-02-12', 20, '人民日报 2020-02-12', NULL, '2020-02-12 08:00:00')"
    )
    conn.execute(
        "INSERT INTO page (id, issue_id, number, name, position, source_path, raw_text, sha256, encoding,"
        " parser_version, created) VALUES (1, 1, 3, '要闻', 0, NULL, ?, 'abc', 'utf-8', '', '2020-02-12 08:00:00')",
        (PAGE,),
    )
    for s_ordinal, section in enumerate(parse_page(PAGE).sections):
        cur = conn.execute(
            "INSERT INTO section (page_id, ordinal, kind) VALUES (1, ?, ?)", (s_ordinal, section.kind)
        )
        for p_ordinal, paragraph in enumerate(section.paragraphs):
            start, end = paragraph.raw_span() or (0, 0)
            conn.execute(
                "INSERT INTO paragraph (section_id, ordinal, text, source_map, raw_start, raw_end)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (cur.lastrowid, p_ordinal, paragraph.text, encode(paragraph.source), start, end),
            )
    conn.execute(
        "INSERT INTO correction (page_id, raw_start, raw_end, replacement, author, created)"
        " VALUES (1, 0, 2, '读書', '老编辑', '2020-02-13 09:00:00')"
    )
    conn.close()


def test_a_v2_library_upgrades_to_v3_keeping_its_corrections_in_force(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    build_v2(path)
    with Library.open(path) as library:
        assert library.database.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
        [correction] = library.page(1).corrections
        assert (correction.replacement, correction.author, correction.state) == ("读書", "老编辑", "in_force")
        assert correction.batch_id is not None and len(correction.uuid) == 36
        assert correction.created.year == 2020
        assert library.page(1).current_sections[0].paragraphs[0].text.startswith("读書𠀀")
        assert library.page_status(1) == "unchecked"
        [entry] = library.page_history(1)
        assert (entry.old, entry.new, entry.state) == ("读报", "读書", "in_force")
        # The upgraded library takes the new kinds of edit, and undoes them.
        library.revert_correction(correction.id)
        assert library.page(1).current_sections[0].paragraphs[0].text.startswith("读报𠀀")
        library.undo()
        assert library.page(1).current_sections[0].paragraphs[0].text.startswith("读書𠀀")
        library.add_word("𠀀城")
        assert library.checker_knowledge().words == ["𠀀城"]
    assert (tmp_path / "library.sqlite3.v2.bak").exists()
    fresh = tmp_path / "fresh.sqlite3"
    Library.open(fresh).close()
    assert shape(path) == shape(fresh)
