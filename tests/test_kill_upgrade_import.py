"""Killed at any moment (SIGKILL), an upgrade and an import leave the library whole.

The upgrade: the ``.v1.bak`` copy is either absent (or the stale file an older run left) or a
whole, verified copy; the library is never upgraded without one; a rerun finishes the job and
replaces a stale 0-byte backup. The import: all of its pages or none of them, never a part.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from annotation_pages import sample_text
from conftest import ROOT

from models.library import migrations
from models.library.sourcemap import encode
from models.library.upgrade_backup import check_copy

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

OPEN = (
    "import sys; from models.library.service import Library; Library.open(sys.argv[1]).close(); print('done')"
)
PAGES = 60
PAGES_IMPORTED = 16


def _build_big_v1(path: Path) -> None:
    """A version-1 library of ~20 MB (pages, paragraphs, highlights, notes), as Dubao v1 wrote it."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.upgrade(conn, target=1)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO issue VALUES (1, '人民日报', '2020-02-12', NULL, 't', NULL, '2020-02-12')")
    conn.execute("INSERT INTO category VALUES (1, '错字', '#f88', '#a33', 0)")
    text = sample_text()
    for n in range(1, PAGES + 1):
        raw = f"第{n}页\n" + text * 6
        conn.execute(
            "INSERT INTO page VALUES (?, 1, ?, ?, ?, NULL, ?, ?, 'utf-8', '', '2020-02-12')",
            (n, n, f"p{n}", n, raw, hashlib.sha256(raw.encode()).hexdigest()),
        )
        conn.execute("INSERT INTO section (id, page_id, ordinal, kind) VALUES (?, ?, 0, 'article')", (n, n))
        for k, paragraph in enumerate(raw.split("\n\n")):
            conn.execute(
                "INSERT INTO paragraph (section_id, ordinal, text, source_map) VALUES (?, ?, ?, ?)",
                (n, k, paragraph, encode(range(len(paragraph)))),
            )
        conn.execute(
            "INSERT INTO highlight (uuid, page_id, section_id, start, end, exact, prefix, suffix, text_hash,"
            " category_id, created, updated, deleted, anchor_state)"
            " VALUES (?, ?, ?, 0, 2, '第', '', '', 'h', 1, 'x', 'x', 0, 'anchored')",
            (f"u-{n}", n, n),
        )
        conn.execute(
            "INSERT INTO note (highlight_id, text, created, updated) VALUES (?, ?, 'x', 'x')", (n, f"注{n}")
        )
    conn.execute("COMMIT")
    conn.close()


def _content(path: Path) -> str:
    """The user's data (pages, highlights, notes): the same in a v1 file, its backup and its upgrade."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [
            conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("page", "highlight", "note")
        ]
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()


def _state(path: Path) -> tuple[int, str]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("PRAGMA user_version").fetchone()[0], _content(path)
    finally:
        conn.close()


def _kill(args: list[str], when: Callable[[], bool], deadline: float) -> bool:
    """Start ``args``, SIGKILL it as soon as ``when()`` holds (or at ``deadline`` s); True if it was killed."""
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    while proc.poll() is None and not when() and time.monotonic() - start < deadline:
        time.sleep(0.001)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return killed


def test_an_upgrade_killed_at_any_moment_keeps_a_whole_backup_or_none(tmp_path: Path) -> None:
    pristine = tmp_path / "v1.sqlite3"
    _build_big_v1(pristine)
    want = _content(pristine)
    library = tmp_path / "library.sqlite3"
    library.write_bytes(pristine.read_bytes())
    backup = Path(f"{library}.v1.bak")
    partial = Path(f"{backup}.tmp")
    backup.write_bytes(b"")  # the stale 0-byte backup an older Dubao left when it was killed
    rng = random.Random(10)
    mid_backup = 0
    for attempt in range(5):
        if attempt % 2 == 0:  # right while the copy is being written
            when = lambda: partial.exists() and partial.stat().st_size > 0  # noqa: E731
        else:  # anywhere: during the copy, its check, the rename or the migration
            at = time.monotonic() + rng.uniform(0.05, 1.5)
            when = lambda at=at: time.monotonic() > at  # noqa: E731
        killed = _kill([sys.executable, "-c", OPEN, str(library)], when, deadline=60)
        mid_backup += killed and attempt % 2 == 0
        version, content = _state(library)
        assert content == want
        assert version in (1, migrations.SCHEMA_VERSION)
        sound = check_copy(backup, 1) is None
        if sound:
            assert _content(backup) == want
        else:
            assert backup.read_bytes() == b""  # still the stale file: never a half-written one
        if version == migrations.SCHEMA_VERSION:
            assert sound, "the library was upgraded without a verified backup"
        if not killed:
            break
    assert mid_backup >= 1, "no kill landed while the backup was being written"
    done = subprocess.run(
        [sys.executable, "-c", OPEN, str(library)], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert _state(library) == (migrations.SCHEMA_VERSION, want)
    assert check_copy(backup, 1) is None and _content(backup) == want
    assert not partial.exists()


def test_an_import_killed_at_any_moment_adds_all_its_pages_or_none(tmp_path: Path) -> None:
    folder = tmp_path / "2020-02-12"
    folder.mkdir()
    text = sample_text()
    for n in range(1, PAGES_IMPORTED + 1):
        (folder / f"p{n}.txt").write_text(f"第{n}版\n\n{text}\n本版共{n}条。\n", encoding="utf-8")
    library = tmp_path / "library.sqlite3"
    subprocess.run([sys.executable, "-c", OPEN, str(library)], cwd=ROOT, check=True, capture_output=True)
    wal = Path(f"{library}-wal")
    command = [sys.executable, str(ROOT / "main.py"), "import", str(folder), "--db", str(library)]
    rng = random.Random(3)
    counts = []
    mid_write = 0
    for attempt in range(4):
        if attempt % 2 == 0:  # while the transaction is being written (the WAL grows before COMMIT)
            when = lambda: wal.exists() and wal.stat().st_size > 128 * 1024  # noqa: E731
        else:
            at = time.monotonic() + rng.uniform(0.2, 1.5)
            when = lambda at=at: time.monotonic() > at  # noqa: E731
        killed = _kill(command, when, deadline=60)
        mid_write += killed and attempt % 2 == 0
        conn = sqlite3.connect(library)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            pages = conn.execute("SELECT count(*) FROM page").fetchone()[0]
            paragraphs = conn.execute("SELECT count(*) FROM paragraph").fetchone()[0]
        finally:
            conn.close()
        assert pages in (0, PAGES_IMPORTED)
        assert (pages == 0) == (paragraphs == 0)
        counts.append(pages)
        if pages:
            break
    assert mid_write >= 1, "no kill landed while the import's transaction was being written"
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(library)
    assert conn.execute("SELECT count(*) FROM page").fetchone()[0] == PAGES_IMPORTED
    conn.close()
