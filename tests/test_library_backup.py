"""``library backup``: a consistent, verified copy of a library, even while another program writes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE, library_with, mark, sample_text
from conftest import ROOT

from models.errors import DubaoError
from models.library import backup as backup_module
from models.library.service import Library

WRITER = Path(__file__).with_name("annotation_writer.py")


@pytest.fixture
def marked(tmp_path: Path):
    annotations, page_ids = library_with(tmp_path, ("sample.txt", sample_text()), ("astral.txt", ASTRAL_PAGE))
    mark(annotations, annotations.open_page(page_ids[0]), "金融办", "生词", tags=["机构"], note="查")
    yield annotations, page_ids
    annotations.library.close()


def _rows(path: Path) -> tuple[int, int, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        highlights = conn.execute("SELECT count(*) FROM highlight").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM highlight h LEFT JOIN note n ON n.highlight_id = h.id WHERE n.id IS NULL"
        ).fetchone()[0]
        return highlights, orphans, conn.execute("SELECT exact FROM highlight ORDER BY id LIMIT 1").fetchall()
    finally:
        conn.close()


def test_a_backup_taken_while_another_process_writes_is_whole_and_consistent(marked, tmp_path: Path) -> None:
    annotations, page_ids = marked
    library = annotations.library
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(library.path), str(page_ids[1])], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        counts = []
        for n in range(3):
            report = library.backup(tmp_path / f"copy{n}.sqlite3")
            highlights, orphans, first = _rows(report.path)
            # Every highlight the writer committed came with its note in the same transaction.
            assert orphans == 0 and first == [("金融办",)]
            assert report.highlights == highlights
            counts.append(highlights)
    finally:
        writer.kill()
        writer.wait()
    assert counts == sorted(counts) and counts[-1] > 1  # the copies saw the writer's highlights
    with Library.open(tmp_path / "copy2.sqlite3") as copy:  # a backup opens as a library
        assert [i.paper for i in copy.issues()] == [i.paper for i in library.issues()]


def test_progress_is_reported_and_cancelling_leaves_no_file(marked, tmp_path: Path, monkeypatch) -> None:
    annotations, _ = marked
    monkeypatch.setattr(backup_module, "STEP_PAGES", 8)
    seen: list[tuple[int, int]] = []
    report = annotations.library.backup(
        tmp_path / "b.sqlite3", progress=lambda done, total: seen.append((done, total))
    )
    assert len(seen) > 2 and seen[-1][0] == seen[-1][1] == report.pages
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(DubaoError, match="cancelled; no file was written"):
        annotations.library.backup(tmp_path / "c.sqlite3", progress=lambda done, total: done < 16)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".c", "c"))) == []


def test_a_backup_never_overwrites_the_library_and_asks_before_other_files(marked, tmp_path: Path) -> None:
    annotations, _ = marked
    library = annotations.library
    before = _rows(library.path)
    for target in (library.path, Path(f"{library.path}-wal"), tmp_path / "." / library.path.name):
        with pytest.raises(DubaoError, match="is the open library"):
            library.backup(target, overwrite=True)
    assert _rows(library.path) == before
    old = tmp_path / "old.sqlite3"
    old.write_text("an older backup", encoding="utf-8")
    with pytest.raises(DubaoError, match="already exists"):
        library.backup(old)
    assert old.read_text(encoding="utf-8") == "an older backup"
    library.backup(old, overwrite=True)
    assert _rows(old)[0] == before[0]
    folder = tmp_path / "backups"
    folder.mkdir()
    dated = library.backup(folder).path
    assert dated.parent == folder and dated.name.startswith("library-backup-") and dated.suffix == ".sqlite3"


def test_the_cli_backs_up_in_one_line(marked, tmp_path: Path) -> None:
    annotations, _ = marked
    dest = tmp_path / "copy.sqlite3"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "library",
            "backup",
            str(dest),
            "--db",
            str(annotations.library.path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [done.stdout.strip()] and "verified" in done.stdout
    assert _rows(dest)[0] == 1
