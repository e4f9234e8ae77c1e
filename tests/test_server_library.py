"""A library on a PostgreSQL server: same tables and schema version as a file, clear refusals,
passwords never shown."""

from __future__ import annotations

import pytest
from conftest import fresh_server_url

from models.library import migrations, server_migrations
from models.library.database import LibraryError, open_database, schema_version
from models.library.schema import MODELS
from models.library.server import ServerLibraryError, masked, to_postgres
from models.library.service import Library


def test_the_models_match_the_tables_the_server_migrations_build() -> None:
    url = fresh_server_url("schema")
    with Library.open(url) as library:
        db = library.database
        assert schema_version(db) == migrations.SCHEMA_VERSION
        for model in MODELS:
            columns = {
                row[0]
                for row in db.execute_sql(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = ?",
                    (model._meta.table_name,),
                )
            }
            assert columns == {f.column_name for f in model._meta.sorted_fields}, model.__name__


def test_a_server_library_opens_again_without_upgrading_and_refuses_foreign_or_newer_databases() -> None:
    url = fresh_server_url("open")
    with Library.open(url) as library:
        library.database.execute_sql('CREATE TABLE "mine" ("x" INTEGER)')
    with Library.open(url) as again:  # a second open finds the schema made
        assert schema_version(again.database) == migrations.SCHEMA_VERSION
        again.database.execute_sql('UPDATE "dubao_schema" SET "version" = 99')
    with pytest.raises(ServerLibraryError, match="made by a newer Dubao"):
        open_database(url)
    foreign = fresh_server_url("foreign")
    with Library.open(foreign) as library:
        library.database.execute_sql('DROP TABLE "dubao_schema"')
    with pytest.raises(ServerLibraryError, match="not a Dubao library"):
        open_database(foreign)
    assert len(server_migrations.MIGRATIONS) == len(migrations.MIGRATIONS)


def test_an_unreachable_server_is_one_line_with_the_password_masked() -> None:
    with pytest.raises(ServerLibraryError) as caught:
        Library.open("postgresql://editor:s3cret@127.0.0.1:1/archive")
    message = str(caught.value)
    assert "s3cret" not in message and "editor:***@127.0.0.1:1/archive" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ed:pa%40ss@db.example:5433/lib", "postgresql://ed:***@db.example:5433/lib"),
        ("postgresql://ed@db.example/lib", "postgresql://ed@db.example/lib"),
        ("postgres://ed:x@[::1]/lib?sslmode=require", "postgres://ed:***@[::1]/lib?sslmode=require"),
    ],
)
def test_urls_are_shown_with_their_password_masked(url: str, shown: str) -> None:
    assert masked(url) == shown


def test_names_that_look_like_another_url_are_refused_not_made_into_folders(tmp_path) -> None:
    with pytest.raises(LibraryError, match="only server Dubao opens is postgresql://"):
        open_database("mysql://me@host/db")
    with pytest.raises(ServerLibraryError, match="no database named"):
        open_database("postgresql://me@host")


def test_sqlite_dialect_statements_become_postgresql_ones() -> None:
    assert to_postgres("SELECT a FROM t WHERE b = ? AND c LIKE '50%?'") == (
        "SELECT a FROM t WHERE b = %s AND c LIKE '50%%?'"
    )
    assert to_postgres('INSERT OR IGNORE INTO "x" (a) VALUES (?)') == (
        'INSERT INTO "x" (a) VALUES (%s) ON CONFLICT DO NOTHING'
    )
    assert to_postgres("SELECT 5 % 2, '?'") == "SELECT 5 %% 2, '?'"
    with Library.open(fresh_server_url("dialect")) as library:
        row = library.database.execute_sql("SELECT 5 % 2, '50%?', ?", ("x",)).fetchone()
        assert row == (1, "50%?", "x")


def test_an_edit_on_a_server_without_a_name_is_signed_with_the_connections_role(tmp_path) -> None:
    import getpass

    page = tmp_path / "issue" / "page.txt"
    page.parent.mkdir()
    page.write_text("北京春耕开始了。\n", encoding="utf-8")
    url = fresh_server_url("author")
    with Library.open(url) as library:
        page_id = library.import_paths([page.parent]).page_ids[0]
        role = library.database_role
        assert role and role != getpass.getuser()  # the test server's role is not the system user
        library.correct(page_id, 0, 0, 2, "南京")
        library.preferred_author = "王编辑"  # Preferences win over the role; --author over both
        library.correct(page_id, 0, 2, 4, "夏耕")
        library.correct(page_id, 0, 4, 6, "结束", author="李编辑")
        authors = [entry.author for entry in reversed(library.page_history(page_id))]
    assert authors == [role, "王编辑", "李编辑"]
    import psycopg

    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == role


def test_a_write_after_the_server_dropped_the_connection_fails_once_then_works(tmp_path) -> None:
    import psycopg

    from models.errors import LibraryWriteError

    page = tmp_path / "issue" / "page.txt"
    page.parent.mkdir()
    page.write_text("北京春耕开始了。\n", encoding="utf-8")
    url = fresh_server_url("lost")
    with Library.open(url) as library:
        page_id = library.import_paths([page.parent]).page_ids[0]
        backend = library.database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (backend,))
        with pytest.raises(LibraryWriteError, match="nothing was saved"):
            library.correct(page_id, 0, 0, 2, "南京", author="王")
        library.correct(page_id, 0, 0, 2, "南京", author="王")  # connects again
        assert library.page(page_id).current_sections[0].paragraphs[0].text.startswith("南京")
        # A read after the server dropped the connection connects again by itself.
        backend = library.database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (backend,))
        assert [i.pages for i in library.issues()] == [1]


def test_an_issue_imported_onto_a_server_lists_its_pages_in_file_name_order(tmp_path) -> None:
    # The importer numbers an issue's pages in one statement written for SQLite (`?` markers);
    # the server's connection must carry it out the same way. p1 comes in a second import, so it
    # is stored last and must be moved first.
    folder = tmp_path / "issue"
    folder.mkdir()

    def page(name: str) -> None:
        (folder / f"{name}.txt").write_text(f"北京春耕开始了，第{name}版。\n", encoding="utf-8")

    page("p10")
    page("p2")
    with Library.open(fresh_server_url("order")) as library:
        issue_id = library.import_paths([folder]).issue_ids[0]
        page("p1")
        library.import_paths([folder])
        assert [p.name for p in library.pages(issue_id)] == ["p1", "p2", "p10"]
