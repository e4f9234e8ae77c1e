"""``python main.py import PATH... [--db FILE]``: what a script or a user at a terminal sees."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import main

PAGE = "扎实抓好春季农业生产\n\n立春时节，各地春耕备耕正有序\n开展。\n"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        env=env,
    )


def _pages(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT i.title, p.name FROM page p JOIN issue i ON i.id = p.issue_id ORDER BY p.position"
    ).fetchall()
    conn.close()
    return rows


def _file(path: Path, data: bytes) -> list[str]:
    path.write_bytes(data)
    return [str(path)]


def _folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "2020-02-12"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_import_prints_one_summary_line_and_twice_adds_nothing(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {f"p{i}.txt": f"{PAGE}这是第{i}页。\n".encode() for i in (1, 2, 3)})
    db = tmp_path / "lib.sqlite3"
    first = _run(str(folder), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert first.stderr == b""
    lines = first.stdout.decode("utf-8").splitlines()
    assert lines[0] == f"imported 3 pages into 1 issue (1 new) (library: {db})"
    added = json.loads(lines[1])
    assert len(lines) == 2 and len(added["issues"]) == 1 and len(added["pages"]) == 3
    second = _run(str(folder), "--db", str(db))
    assert second.returncode == 0
    assert second.stdout.decode("utf-8").startswith(
        "imported 0 pages into 0 issues; 3 already in the library"
    )
    assert _pages(db) == [("2020-02-12", "p1"), ("2020-02-12", "p2"), ("2020-02-12", "p3")]


def test_a_bad_file_exits_2_with_one_line_and_writes_nothing(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"a.txt": PAGE.encode(), "b.txt": b"\x00\x00\x00\x00binary"})
    db = tmp_path / "lib.sqlite3"
    result = _run(str(folder), "--db", str(db))
    assert result.returncode == 2
    assert result.stdout == b""
    message = result.stderr.decode("utf-8")
    assert message.count("\n") == 1 and "Traceback" not in message
    assert message.startswith("dubao import: ") and "b.txt" in message and "binary" in message
    assert _pages(db) == []


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (lambda d: [str(d / "nowhere.txt")], "no such file or folder"),
        (lambda d: (d / "empty").mkdir() or [str(d / "empty")], "no page files"),
        (lambda d: _file(d / "zero.txt", b""), "empty"),
        (lambda d: _file(d / "big.txt", b"a" * (6 * 1024 * 1024)), "MB limit"),
    ],
)
def test_bad_paths_exit_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup, reason: str
) -> None:
    db = tmp_path / "lib.sqlite3"
    code = main.main(["import", *setup(tmp_path), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2
    assert reason in err and err.count("\n") == 1
    assert _pages(db) == []


def test_a_database_that_is_not_a_library_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "photo.jpg"
    db.write_bytes(b"\xff\xd8\xff\xe0" + b"JFIF" * 2000)
    code = main.main(["import", str(page), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2
    assert "not a usable library file" in err and err.count("\n") == 1


def test_without_db_the_library_goes_to_the_app_data_folder(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"))
    result = _run(str(page), env=env)
    assert result.returncode == 0, result.stderr
    expected = tmp_path / "data" / "Dubao" / "library.sqlite3"
    assert expected.exists()
    assert str(expected) in result.stdout.decode("utf-8")
    assert _pages(expected) == [("page", "page")]
