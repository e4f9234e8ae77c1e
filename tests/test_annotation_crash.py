"""A highlight reported as saved survives the app being killed at any moment (SIGKILL)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE, library_with

WRITER = Path(__file__).with_name("annotation_writer.py")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_reported_highlight_survives_sigkill(tmp_path: Path) -> None:
    annotations, page_ids = library_with(tmp_path, ("astral.txt", ASTRAL_PAGE))
    annotations.library.close()
    db = tmp_path / "library.sqlite3"
    rng = random.Random(5)
    reported: list[int] = []
    for _ in range(4):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), str(page_ids[0])], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        # Only whole lines count: an id is reported when its line ended.
        tail = proc.stdout.read()
        proc.wait()
        lines = tail.split("\n")
        reported.extend(int(line) for line in lines[:-1] if line.strip())
        assert proc.returncode == -signal.SIGKILL
    assert len(reported) >= 4, "the writer committed too little to test anything"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {row[0] for row in conn.execute("SELECT id FROM highlight WHERE deleted = 0")}
        notes = {row[0] for row in conn.execute("SELECT highlight_id FROM note")}
    finally:
        conn.close()
    missing = [i for i in reported if i not in stored]
    assert missing == []
    assert set(reported) <= notes  # the note went in with its highlight, in the same transaction
