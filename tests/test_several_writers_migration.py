"""A version-6 library, on a file and on a server, upgrades to version 7 (version columns,
highlight revisions, page assignments) losing nothing, and then checks several writers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import fresh_server_url

from models.errors import EditConflict
from models.library import migrations, server_migrations
from models.library.service import Library
from models.library.sourcemap import encode
from models.parser import parse_page

pytestmark = pytest.mark.engines

PAGE = "读报测试，春耕时节农资充足。\n\n第二段落有\n两行文字。\n"


def fill_v6(execute: Callable[[str, tuple[Any, ...]], Any]) -> None:
    """An issue, a page with its sections, a correction and a highlight, as Dubao v6 wrote them."""
    when = "2026-01-02 08:00:00"
    execute(
        "INSERT INTO issue (paper, date, page_count, title, source_path, created) VALUES (?, ?, ?, ?, ?, ?)",
        ("人民日报", "2026-01-02", 4, "人民日报 2026-01-02", None, when),
    )
    execute(
        "INSERT INTO page (issue_id, number, name, position, source_path, raw_text, sha256, encoding,"
        " parser_version, created, status) VALUES (1, 1, '要闻', 0, NULL, ?, 'abc', 'utf-8', '', ?, 'in_progress')",
        (PAGE, when),
    )
    for s_ordinal, section in enumerate(parse_page(PAGE).sections):
        execute("INSERT INTO section (page_id, ordinal, kind) VALUES (1, ?, ?)", (s_ordinal, section.kind))
        for p_ordinal, paragraph in enumerate(section.paragraphs):
            start, end = paragraph.raw_span() or (0, 0)
            execute(
                "INSERT INTO paragraph (section_id, ordinal, text, source_map, raw_start, raw_end)"
                " VALUES ((SELECT max(id) FROM section), ?, ?, ?, ?, ?)",
                (p_ordinal, paragraph.text, encode(paragraph.source), start, end),
            )
    execute("INSERT INTO edit_batch (label, author, created) VALUES ('correction', '老编辑', ?)", (when,))
    execute(
        "INSERT INTO correction (page_id, raw_start, raw_end, replacement, author, created, batch_id, state,"
        " uuid) VALUES (1, 0, 2, '讀報', '老编辑', ?, 1, 'in_force', 'u-1')",
        (when,),
    )
    execute(
        "INSERT INTO category (name, light_colour, dark_colour, position) VALUES ('要点', '#ffee88', '#665500', 0)",
        (),
    )
    execute(
        'INSERT INTO highlight (uuid, page_id, section_id, start, "end", exact, prefix, suffix, text_hash,'
        " category_id, created, updated, deleted, anchor_state)"
        " VALUES ('h-1', 1, NULL, 4, 8, '春耕时节', '', '', '', 1, ?, ?, 0, 'anchored')",
        (when, when),
    )
    execute("INSERT INTO note (highlight_id, text, created, updated) VALUES (1, '旧注', ?, ?)", (when, when))


def v6_library(engine: str, tmp_path: Path) -> str:
    if engine == "sqlite":
        path = tmp_path / "library.sqlite3"
        conn = sqlite3.connect(path, isolation_level=None)
        migrations.upgrade(conn, target=6)
        fill_v6(conn.execute)
        conn.close()
        return str(path)
    from models.library.server import ServerLibraryDatabase, driver_missing

    url = fresh_server_url("v6")
    assert not driver_missing()
    db = ServerLibraryDatabase(url)
    db.connect()
    server_migrations.upgrade(db, target=6)
    with db.atomic():
        fill_v6(db.execute_sql)
    db.close()
    return url


def test_a_v6_library_upgrades_to_v7_and_its_old_rows_take_part_in_the_checks(engine, tmp_path) -> None:
    from models.annotations.service import Annotations

    where = v6_library(engine, tmp_path)
    with Library.open(where) as wang, Library.open(where) as li:
        version = wang.database.execute_sql(
            "PRAGMA user_version" if engine == "sqlite" else 'SELECT "version" FROM "dubao_schema"'
        ).fetchone()[0]
        assert version == migrations.SCHEMA_VERSION == 8
        content = wang.page(1)
        assert content.info.version == 0 and content.info.status == "in_progress"
        [old] = content.corrections
        assert (old.replacement, old.author, old.state) == ("讀報", "老编辑", "in_force")
        notes = Annotations(wang)
        [mark] = notes.page_highlights(1)
        assert (mark.version, mark.author, mark.note, mark.exact) == (1, "", "旧注", "春耕时节")
        assert notes.revisions(mark.id) == []
        assert wang.assignments() == {}
        # Two editors on the upgraded library: the second on the same span is refused.
        wang.preferred_author, li.preferred_author = "王", "李"
        li.page(1)
        text = wang.page(1).current_sections[0]
        section = 0
        at = "".join(p.text for p in text.paragraphs).find("测试")
        wang.correct(1, section, at, at + 2, "试验")
        with pytest.raises(EditConflict, match="王"):
            li.correct(1, section, at, at + 2, "检测")
        assert {(e.new, e.state) for e in li.page_history(1)} >= {("试验", "in_force"), ("检测", "reverted")}
        # And the old highlight is versioned from here on.
        others = Annotations(li)
        others.highlight(mark.id)
        notes.set_note(mark.id, "新注")
        with pytest.raises(EditConflict):
            others.set_note(mark.id, "李注")
        assert notes.highlight(mark.id).version == 2
