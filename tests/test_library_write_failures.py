"""A write the library cannot store — another program holding the lock, a full disk, a read-only
folder — fails as one LibraryWriteError that says which, stores nothing, records no undo step, and
leaves the library usable once the cause is gone. Exporting and backing up still work read-only."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotation_pages import library_with, mark, sample_text
from conftest import ROOT

from models.errors import DiskFullError, LibraryBusyError, LibraryWriteError

HOLD_LOCK = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
    "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.read()"
)


@pytest.fixture
def marked(tmp_path: Path):
    annotations, [page_id] = library_with(tmp_path, ("sample.txt", sample_text()))
    page = annotations.open_page(page_id)
    mark(annotations, page, "金融办", "生词", note="第一条")
    yield annotations, page
    annotations.library.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_a_highlight_while_another_process_holds_the_lock_fails_clearly_and_can_be_retried(marked) -> None:
    annotations, page = marked
    db = annotations.library.database
    db.close()
    db.timeout = 0.3
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(annotations.library.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        undo_before = annotations.history.undo_label()
        with pytest.raises(LibraryBusyError, match=r"busy for more than 0.3 s; nothing was saved") as caught:
            mark(annotations, page, "动员大会", "要点", tags=["会议"], note="未保存")
        assert caught.value.retry_may_help
        assert [h.exact for h in page.highlights] == ["金融办"]  # never shown as saved
        assert annotations.history.undo_label() == undo_before
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert [h.exact for h in annotations.page_highlights(page.page_id)] == ["金融办"]
    again = mark(annotations, page, "动员大会", "要点", tags=["会议"], note="重试")  # the retry works
    assert again.note == "重试" and annotations.can_undo()


def test_a_full_disk_mid_transaction_fails_clearly_and_leaves_the_library_usable(marked) -> None:
    annotations, page = marked
    conn = annotations.library.database.connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite reports SQLITE_FULL as on a full disk
    with pytest.raises(DiskFullError, match="the disk is full; nothing was saved") as caught:
        mark(annotations, page, "动员大会", "要点", note="长" * 200_000)
    assert "rollback" not in str(caught.value)
    assert not conn.in_transaction
    assert [h.exact for h in annotations.page_highlights(page.page_id)] == ["金融办"]
    conn.execute("PRAGMA max_page_count = 1073741823")
    mark(annotations, page, "动员大会", "要点", note="长" * 200_000)
    assert len(annotations.page_highlights(page.page_id)) == 2
    assert _integrity(annotations.library.path) == "ok"


def _main(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A small RAM file system at ``folder`` (root only); skips the test where it cannot be made."""
    folder.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_really_full_disk_is_told_as_such_and_the_library_works_once_space_is_freed(tmp_path: Path) -> None:
    page2 = tmp_path / "page2.txt"
    page2.write_text(sample_text().replace("焦作", "郑州"), encoding="utf-8")
    with _tmpfs(tmp_path / "disk", "4m") as disk:
        library = disk / "library.sqlite3"
        assert (
            _main(
                "import", str(ROOT / "resources" / "sample-page.txt"), "--db", str(library), cwd=tmp_path
            ).returncode
            == 0
        )
        previous = disk / "annotations.csv"
        previous.write_text("yesterday's export\n", encoding="utf-8")
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 65536)
        os.close(fd)
        full = _main("import", str(page2), "--db", str(library), cwd=tmp_path)
        assert full.returncode == 2
        assert full.stderr.count("\n") == 1 and "the disk is full" in full.stderr, full.stderr
        exported = _main("export", "--format", "csv", "--db", str(library), cwd=tmp_path)
        assert exported.returncode == 0, exported.stderr  # reading still works on a full disk
        over = _main("export", "--format", "md", "--db", str(library), "-o", str(previous), cwd=tmp_path)
        assert over.returncode == 2 and over.stderr.count("\n") == 1, over.stderr
        assert "nothing was changed" in over.stderr
        assert previous.read_text(encoding="utf-8") == "yesterday's export\n"  # not truncated
        assert not [p for p in disk.iterdir() if p.name.endswith(".tmp")]
        filler.unlink()
        later = _main("import", str(page2), "--db", str(library), cwd=tmp_path)
        assert later.returncode == 0, later.stderr
        assert later.stdout.startswith("imported 1 page")
        assert _integrity(library) == "ok"


@pytest.fixture
def read_only_library(tmp_path: Path) -> Iterator[Path]:
    """A library with a highlight in a folder nobody may write (a read-only mount when root)."""

    def fill(folder: Path) -> Path:
        annotations, [page_id] = library_with(folder, ("sample.txt", sample_text()))
        mark(annotations, annotations.open_page(page_id), "金融办", "生词", note="只读")
        path = annotations.library.path
        annotations.library.close()  # each open is a database object of its own: nothing cached
        return path

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        with _tmpfs(tmp_path / "ro", "8m") as disk:
            path = fill(disk)
            remount = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
            if remount.returncode != 0:
                pytest.skip("cannot remount read-only here")
            yield path
    else:
        folder = tmp_path / "ro"
        path = fill(folder)
        for p in (path, *folder.rglob("*")):
            p.chmod(0o444 if p.is_file() else 0o555)
        folder.chmod(0o555)
        try:
            yield path
        finally:
            for p in (folder, *folder.rglob("*")):
                p.chmod(0o755 if p.is_dir() else 0o644)


def test_a_library_in_a_read_only_folder_exports_and_backs_up_but_refuses_changes(
    read_only_library: Path, tmp_path: Path
) -> None:
    before = sorted(p.name for p in read_only_library.parent.iterdir())
    out = tmp_path / "out.csv"
    exported = _main(
        "export", "--format", "csv", "--db", str(read_only_library), "-o", str(out), cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    assert "金融办" in out.read_text(encoding="utf-8-sig") and "只读" in out.read_text(encoding="utf-8-sig")
    backup = tmp_path / "backup.sqlite3"
    saved = _main("library", "backup", str(backup), "--db", str(read_only_library), cwd=tmp_path)
    assert saved.returncode == 0, saved.stderr
    assert _integrity(backup) == "ok"
    page = tmp_path / "page2.txt"
    page.write_text("另一页。\n", encoding="utf-8")
    refused = _main("import", str(page), "--db", str(read_only_library), cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "read-only" in refused.stderr, refused.stderr
    assert sorted(p.name for p in read_only_library.parent.iterdir()) == before


def test_write_errors_are_dubao_errors_with_a_reason() -> None:
    from models.library.writing import write_error

    cases = {
        "database is locked": ("busy", True),
        "database or disk is full": ("full", True),
        "attempt to write a readonly database": ("read-only", False),
        "disk I/O error": ("io", False),
    }
    for message, (reason, retry) in cases.items():
        error = write_error(sqlite3.OperationalError(message), "library.sqlite3")
        assert isinstance(error, LibraryWriteError)
        assert (error.reason, error.retry_may_help) == (reason, retry)
        assert "\n" not in str(error) and str(error).startswith("library.sqlite3: ")
