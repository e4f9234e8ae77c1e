"""``library backup DST --db postgresql://…``: a team library copied, at one moment while
colleagues go on writing, to a library file that Dubao opens as it is (issue 13, backups)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fresh_server_url
from test_library_copy import _picture, _worked_library, dubao

from models.library.service import Library


@pytest.fixture
def server(tmp_path: Path) -> str:
    """A server library two editors worked on (copied there from a file)."""
    url = fresh_server_url("backup")
    source = _worked_library(tmp_path / "made")
    assert dubao("library", "copy", str(source), url).returncode == 0
    return url


def test_a_server_library_is_backed_up_to_a_file_that_opens_as_the_same_library(tmp_path, server) -> None:
    backup = tmp_path / "team.sqlite3"
    done = dubao("library", "backup", str(backup), "--db", server)
    assert done.returncode == 0, done.stderr
    assert "verified" in done.stdout and str(backup) in done.stdout
    # The file is a library as it is: ids, texts, history, highlights and words as on the server.
    assert _picture(backup) == _picture(server)
    assert not Path(f"{backup}-wal").exists()  # one self-contained file
    # A folder gets a dated copy named after the database.
    folder = tmp_path / "backups"
    folder.mkdir()
    assert dubao("library", "backup", str(folder), "--db", server).returncode == 0
    [dated] = folder.iterdir()
    assert dated.name.startswith("dubao_test-backup-") and dated.suffix == ".sqlite3"


def test_a_backup_never_writes_over_a_file_that_exists(tmp_path, server) -> None:
    backup = tmp_path / "team.sqlite3"
    backup.write_bytes(b"an older backup")
    refused = dubao("library", "backup", str(backup), "--db", server)
    assert refused.returncode == 2 and "already exists" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert backup.read_bytes() == b"an older backup"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("team")) == ["team.sqlite3"]
    missing = dubao("library", "backup", str(tmp_path / "no" / "such" / "b.sqlite3"), "--db", server)
    assert missing.returncode == 2 and "no such folder" in missing.stderr


def test_the_backup_is_the_library_at_one_moment_while_a_colleague_writes(tmp_path, server) -> None:
    """A colleague's highlight, correction and new issue committed while the copy runs (between
    its first tables and its last) are in none of the backup's tables: one snapshot."""
    before = _picture(server)
    library = Library.open(server)
    colleague = Library.open(server)
    colleague.preferred_author = "李编辑"
    folder = tmp_path / "later"
    folder.mkdir()
    (folder / "p.txt").write_text("晚报\n\n新闻 春耕开始了。\n", encoding="utf-8")
    page_id = next(p.id for i in colleague.issues() for p in colleague.pages(i.id))
    wrote: list[int] = []

    def meanwhile(done: int, _total: int) -> None:
        if not wrote and done > 0:  # the first rows are copied: the colleague writes now
            colleague.import_paths([folder])
            colleague.correct(page_id, 0, 0, 1, "报")
            wrote.append(done)

    try:
        library.backup(tmp_path / "team.sqlite3", progress=meanwhile)
    finally:
        library.close()
    assert wrote
    assert len(colleague.issues()) == len(before["issues"]) + 1  # the colleague's writes are on the server
    colleague.close()
    assert _picture(tmp_path / "team.sqlite3") == before  # ... and in no table of the backup


def test_a_failed_server_backup_leaves_no_file(tmp_path) -> None:
    url = "postgresql://editor:s3cret@127.0.0.1:1/none"
    done = dubao("library", "backup", str(tmp_path / "b.sqlite3"), "--db", url)
    assert done.returncode == 2 and "s3cret" not in done.stderr and "***" in done.stderr
    assert list(tmp_path.iterdir()) == []
