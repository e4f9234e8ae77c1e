"""The library file: pragmas, schema version, refusing foreign files, upgrading a v1 library."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from peewee import IntegrityError, fn

from models.library import location, migrations
from models.library.database import LibraryError, open_database
from models.library.schema import MODELS, Issue, Page
from models.library.service import Library
from models.library.sourcemap import encode
from models.parser import parse_page

ASTRAL_PAGE = "读报𠀀测试\n\n第二段𠀀落有\n两行文字\n"


def test_a_new_library_runs_in_wal_mode_with_foreign_keys_enforced(library: Library) -> None:
    db = library.database
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
    with pytest.raises(IntegrityError):
        with db.atomic():
            Page.create(issue=9999, raw_text="x", sha256="0" * 64)
    assert Page.select().count() == 0


def test_every_connection_gets_the_pragmas(library: Library) -> None:
    """The UI reads from one thread while an import writes from another: both enforce keys."""
    import threading

    seen: list[tuple[str, int]] = []

    def probe() -> None:
        db = library.database
        seen.append(
            (
                db.execute_sql("PRAGMA journal_mode").fetchone()[0],
                db.execute_sql("PRAGMA foreign_keys").fetchone()[0],
            )
        )
        db.close()

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    assert seen == [("wal", 1)]


def test_schema_version_is_stored_in_user_version(library: Library) -> None:
    assert library.database.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION == 8


def test_the_models_match_the_tables_the_migrations_build(library: Library) -> None:
    db = library.database
    for model in MODELS:
        columns = {row[1] for row in db.execute_sql(f'PRAGMA table_info("{model._meta.table_name}")')}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, model.__name__


def test_a_file_that_is_not_a_library_is_refused_with_a_reason(tmp_path: Path) -> None:
    garbage = tmp_path / "notes.sqlite3"
    garbage.write_bytes(b"this is not a database at all, just some text " * 100)
    with pytest.raises(LibraryError, match="not a usable library file"):
        open_database(garbage)
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a Dubao library"):
        open_database(other)
    with pytest.raises(LibraryError, match="is a folder"):
        open_database(tmp_path)


def test_a_library_from_a_newer_dubao_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE issue (id INTEGER)")
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="newer Dubao"):
        open_database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION + 1
    conn.close()


def _schema_shape(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    ]
    shape = {name: list(conn.execute(f'PRAGMA table_info("{name}")')) for name in names}
    conn.close()
    return shape


def _build_v1_library(path: Path) -> dict[str, object]:
    """A real version-1 library file, written with plain sqlite3 as Dubao v1 would."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrations.upgrade(conn, target=1)
    parsed = parse_page(ASTRAL_PAGE)
    conn.execute(
        "INSERT INTO issue (id, paper, date, page_count, title, source_path, created) "
        "VALUES (1, '人民日报', '2020-02-12', 20, '人民日报 2020-02-12', NULL, '2020-02-12 08:00:00')"
    )
    conn.execute(
        "INSERT INTO page (id, issue_id, number, name, position, source_path, raw_text, sha256, encoding,"
        " parser_version, created) VALUES (1, 1, 3, '要闻', 0, NULL, ?, 'abc', 'utf-8', '', '2020-02-12 08:00:00')",
        (ASTRAL_PAGE,),
    )
    for s_ordinal, section in enumerate(parsed.sections):
        cur = conn.execute(
            "INSERT INTO section (page_id, ordinal, kind, heading, heading_map) VALUES (1, ?, ?, ?, ?)",
            (
                s_ordinal,
                section.kind,
                section.field_text("heading"),
                None if section.heading is None else encode(section.heading.source),
            ),
        )
        for p_ordinal, paragraph in enumerate(section.paragraphs):
            conn.execute(
                "INSERT INTO paragraph (section_id, ordinal, text, source_map) VALUES (?, ?, ?, ?)",
                (cur.lastrowid, p_ordinal, paragraph.text, encode(paragraph.source)),
            )
    conn.execute(
        "INSERT INTO section (page_id, ordinal, kind, heading, heading_map) VALUES (1, ?, 'article', '旧版标题', ?)",
        (len(parsed.sections), encode([0, 1, 2, 3])),
    )
    conn.execute(
        "INSERT INTO category (id, name, light_colour, dark_colour, position) VALUES (1, '错字', '#f88', '#a33', 0)"
    )
    conn.execute(
        "INSERT INTO highlight (uuid, page_id, section_id, start, end, exact, prefix, suffix, text_hash, category_id,"
        " created, updated, deleted, anchor_state) VALUES ('u-1', 1, 1, 2, 3, '𠀀', '读报', '测试', 'h', 1,"
        " '2020-02-12 08:00:00', '2020-02-12 08:00:00', 0, 'anchored')"
    )
    conn.execute(
        "INSERT INTO tag (id, name, colour, created) VALUES (1, '人名', NULL, '2020-02-12 08:00:00')"
    )
    conn.execute("INSERT INTO highlight_tag (highlight_id, tag_id) VALUES (1, 1)")
    conn.execute("INSERT INTO note (highlight_id, text, created, updated) VALUES (1, '查字典', 'x', 'x')")
    conn.close()
    return {"parsed": parsed}


def test_a_v1_library_upgrades_to_the_current_version_without_losing_anything(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    built = _build_v1_library(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name IN ('correction', 'paragraph_fts', 'section_fts')"
    ).fetchall()
    conn.close()

    with Library.open(path) as library:
        assert library.database.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
        [issue] = library.issues()
        assert (issue.paper, issue.date, issue.page_count, issue.pages) == ("人民日报", "2020-02-12", 20, 1)
        content = library.page(1)
        assert content.raw == ASTRAL_PAGE
        assert content.sections[:-1] == built["parsed"].sections  # type: ignore[attr-defined]
        assert content.sections[-1].field_text("heading") == "旧版标题"
        # New in v2: paragraph raw spans filled from the old source maps ...
        spans = library.database.execute_sql(
            "SELECT raw_start, raw_end FROM paragraph ORDER BY id"
        ).fetchall()
        expected = [p.raw_span() for s in content.sections for p in s.paragraphs]
        assert [tuple(s) for s in spans] == expected
        # ... the search index covers the sections written before it existed ...
        hits = library.search("段𠀀落")
        assert [(h.page_id, h.match) for h in hits] == [(1, "段𠀀落")]
        last = len(content.sections) - 1
        assert [(h.section, h.start, h.match) for h in library.search("旧版标")] == [(last, 0, "旧版标")]
        assert [h.match for h in library.search("𠀀", raw=True)] == ["𠀀"] * ASTRAL_PAGE.count("𠀀")
        # ... and corrections can be recorded, and are searched.
        library.add_correction(1, 0, 1, "讀")
        assert library.page(1).corrections[0].replacement == "讀"
        assert [h.corrected for h in library.search("讀")] == [True]
        annotations = library.database.execute_sql(
            "SELECT h.exact, t.name, n.text FROM highlight h JOIN highlight_tag ht ON ht.highlight_id = h.id"
            " JOIN tag t ON t.id = ht.tag_id JOIN note n ON n.highlight_id = h.id"
        ).fetchall()
        assert annotations == [("𠀀", "人名", "查字典")]
    assert (tmp_path / "library.sqlite3.v1.bak").exists()

    fresh = tmp_path / "fresh.sqlite3"
    Library.open(fresh).close()
    assert _schema_shape(path) == _schema_shape(fresh)


def test_a_failed_upgrade_leaves_the_v1_library_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    _build_v1_library(path)

    def broken_step(conn: sqlite3.Connection) -> None:
        migrations.v1_to_v2(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.v0_to_v1, broken_step))
    with pytest.raises(LibraryError, match="disk I/O error"):
        open_database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'correction'").fetchall()
    assert conn.execute("SELECT count(*) FROM paragraph").fetchone()[0] > 0
    conn.close()


def test_deleting_an_issue_removes_its_pages_sections_and_search_hits(
    library: Library, tmp_path: Path
) -> None:
    page = tmp_path / "p1.txt"
    page.write_text(ASTRAL_PAGE, encoding="utf-8")
    report = library.import_paths([page])
    assert library.search("第二段")
    library.delete_issue(report.issue_ids[0])
    assert library.search("第二段") == []
    assert library.search("二段") == []
    counts = [
        library.database.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("page", "section", "paragraph")
    ]
    assert counts == [0, 0, 0]
    assert Issue.select().count() == 0


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"XDG_DATA_HOME": "/data/xdg"}, "/data/xdg/Dubao/library.sqlite3"),
        ("linux", {}, "HOME/.local/share/Dubao/library.sqlite3"),
        ("linux", {"XDG_DATA_HOME": "relative/dir"}, "HOME/.local/share/Dubao/library.sqlite3"),
        ("darwin", {}, "HOME/Library/Application Support/Dubao/library.sqlite3"),
        (
            "win32",
            {"APPDATA": "/users/me/AppData/Roaming"},
            "/users/me/AppData/Roaming/Dubao/library.sqlite3",
        ),
    ],
)
def test_the_default_library_lives_in_the_platforms_app_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, env: dict[str, str], expected: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    for name in ("XDG_DATA_HOME", "APPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert location.default_library_path() == Path(expected.replace("HOME", str(tmp_path)))


def test_listing_the_library_reads_no_page_text(library: Library) -> None:
    """The panel's issues with their progress and the pages' order come from indexes (issue 11)."""

    progress = Page.select(Page.issue, Page.status, fn.COUNT(Page.id)).group_by(Page.issue, Page.status)
    order = (
        Page.select(Page.id)
        .join(Issue)
        .order_by(Issue.date.is_null(), Issue.date, Issue.paper, Issue.id, Page.position, Page.id)
    )
    for query in (progress, order):
        sql, params = query.sql()
        plan = " ".join(row[3] for row in library.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
        assert "COVERING INDEX" in plan and "SCAN page USING INDEX" not in plan, plan
