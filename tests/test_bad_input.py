"""The bad-input battery: each case exits with code 2 and exactly one line on stderr (no traceback),
writes nothing, and leaves the library as it was (same rows, integrity_check ok)."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from annotation_pages import library_with, mark, sample_text
from conftest import ROOT, SAMPLE_PAGE
from hypothesis import given, settings
from hypothesis import strategies as st

BIG = 200 * 1024 * 1024  # sparse: no disk used


def _run(*args: str, cwd: Path, timeout: float = 60, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(cwd), XDG_DATA_HOME=str(cwd / "data"))
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def fingerprint(db: Path) -> str:
    """Every row of every table, and integrity_check: equal fingerprints mean an untouched library."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Every stored table, FTS5's shadow tables included (a contentless FTS5 table itself
        # cannot be scanned, so iterdump() is no use).
        tables = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        ).fetchall()
        rows = [(name, conn.execute(f'SELECT * FROM "{name}"').fetchall()) for (name,) in tables]
        return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()
    finally:
        conn.close()


def files(folder: Path) -> set[str]:
    """The folder's files, less SQLite's -wal/-shm companions (they come and go with connections)."""
    return {
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if not p.name.endswith(("-wal", "-shm")) and "data" not in p.parts
    }


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a library (one page, one highlight) and the bad inputs beside it."""
    base = tmp_path_factory.mktemp("bad")
    annotations, [page_id] = library_with(base, ("sample.txt", sample_text()))
    mark(annotations, annotations.open_page(page_id), "金融办", "生词", tags=["机构"], note="查")
    annotations.library.close()
    (base / "other.sqlite3").write_bytes(sqlite3_file(base / "x.sqlite3"))
    (base / "notes.txt").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a library by its header
    (base / "existing.csv").write_text("keep me\n", encoding="utf-8")
    os.mkfifo(base / "fifo")
    os.symlink(base / "loop", base / "loop")
    os.symlink(base / "gone.txt", base / "dangling.txt")
    (base / "binary.txt").write_bytes(bytes(range(256)) * 8)
    with open(base / "huge.txt", "wb") as f:
        f.truncate(BIG)
    with open(base / "huge.json", "wb") as f:
        f.truncate(BIG)
    (base / "not.json").write_text("not json {", encoding="utf-8")
    (base / "deep.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    template = {
        "type": "Annotation",
        "id": "urn:uuid:0b0d6c1e-7a54-4c3e-9a55-0a7c3f1d2e10",
        "body": [{"type": "TextualBody", "purpose": "commenting", "value": "ok"}],
        "target": {
            "source": "urn:dubao:issue:x:page:" + "a" * 64 + ":section:1",
            "selector": [{"type": "TextQuoteSelector", "exact": "金融办"}],
        },
    }
    (base / "surrogate.json").write_text(json.dumps(template).replace('"ok"', '"\\udc80"'), encoding="utf-8")
    far = json.loads(json.dumps(template))
    far["target"]["selector"].append({"type": "TextPositionSelector", "start": 10**30, "end": 10**30 + 1})
    (base / "far.json").write_text(json.dumps(far), encoding="utf-8")
    foreign = json.loads(json.dumps(template))
    foreign["target"]["source"] = "https://example.org/page"
    (base / "foreign.json").write_text(json.dumps(foreign), encoding="utf-8")
    (base / "folder").mkdir()
    return base


def sqlite3_file(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    data = path.read_bytes()
    path.unlink()
    return data


LIB = "library.sqlite3"
# (case id, arguments; {w} is the workspace, expected words of the one stderr line)
CASES: list[tuple[str, list[str], str]] = [
    ("export over the library", ["export", "--format", "csv", "--db", LIB, "-o", LIB], "is the open library"),
    (
        "export over the library by another name",
        ["export", "--format", "md", "--db", LIB, "-o", "./" + LIB],
        "open library",
    ),
    (
        "export over another SQLite file",
        ["export", "--format", "w3c", "--db", LIB, "-o", "other.sqlite3"],
        "is an SQLite database",
    ),
    (
        "export over a file with SQLite's header",
        ["export", "--format", "csv", "--db", LIB, "-o", "notes.txt"],
        "is an SQLite database",
    ),
    ("export into a folder", ["export", "--format", "csv", "--db", LIB, "-o", "folder"], "is a folder"),
    (
        "export into a missing folder",
        ["export", "--format", "csv", "--db", LIB, "-o", "nowhere/out.csv"],
        "no such folder",
    ),
    (
        "export from a missing library",
        ["export", "--format", "csv", "--db", "missing.sqlite3", "-o", "out.csv"],
        "no such library file",
    ),
    ("export from a FIFO", ["export", "--format", "csv", "--db", "fifo", "-o", "out.csv"], "named pipe"),
    ("parse a FIFO", ["parse", "fifo"], "named pipe (FIFO)"),
    ("import a FIFO", ["import", "fifo", "--db", LIB], "named pipe (FIFO)"),
    ("import-annotations from a FIFO", ["import-annotations", "fifo", "--db", LIB], "named pipe (FIFO)"),
    ("parse a symlink loop", ["parse", "loop"], "symbolic link loop"),
    ("import a symlink loop", ["import", "loop", "--db", LIB], "symbolic link loop"),
    (
        "import-annotations from a symlink loop",
        ["import-annotations", "loop", "--db", LIB],
        "symbolic link loop",
    ),
    ("parse a dangling symlink", ["parse", "dangling.txt"], "symbolic link to a missing file"),
    ("parse binary data", ["parse", "binary.txt"], "binary data"),
    ("parse a 200 MB file", ["parse", "huge.txt"], "over the 5 MB limit"),
    ("import a 200 MB file", ["import", "huge.txt", "--db", LIB], "over the 5 MB limit"),
    (
        "import-annotations of a 200 MB file",
        ["import-annotations", "huge.json", "--db", LIB],
        "over the 128 MB limit",
    ),
    ("import-annotations of no JSON", ["import-annotations", "not.json", "--db", LIB], "not a JSON file"),
    (
        "import-annotations of deep nesting",
        ["import-annotations", "deep.json", "--db", LIB],
        "nested far too deeply",
    ),
    (
        "import-annotations with a lone surrogate",
        ["import-annotations", "surrogate.json", "--db", LIB],
        "lone surrogate",
    ),
    (
        "import-annotations with a huge offset",
        ["import-annotations", "far.json", "--db", LIB],
        "beyond any text",
    ),
    (
        "import-annotations of another tool's target",
        ["import-annotations", "foreign.json", "--db", LIB],
        "not a Dubao page",
    ),
    (
        "back up over the library",
        ["library", "backup", LIB, "--db", LIB, "--overwrite"],
        "is the open library",
    ),
    ("back up over an existing file", ["library", "backup", "existing.csv", "--db", LIB], "already exists"),
    (
        "back up a missing library",
        ["library", "backup", "b.sqlite3", "--db", "missing.sqlite3"],
        "no such library file",
    ),
    # Text arguments the terminal sent in another encoding (bytes kept as lone surrogates):
    # correct and library assign stopped with a traceback, search found nothing and said nothing.
    ("correct an OLD that is not UTF-8", ["correct", "\udcff", "x", "--db", LIB], "OLD is not UTF-8 text"),
    ("search a QUERY that is not UTF-8", ["search", "a\udcffb", "--db", LIB], "QUERY is not UTF-8 text"),
    (
        "correct by an --author that is not UTF-8",
        ["correct", "春", "夏", "--author", "\udcfe", "--db", LIB],
        "--author is not UTF-8 text",
    ),
    (
        "assign to an EDITOR that is not UTF-8",
        ["library", "assign", "\udcff", "--issue", "1", "--db", LIB],
        "EDITOR is not UTF-8 text",
    ),
    # search in an issue the library lacks printed nothing, as if there were no hits
    ("search in a missing issue", ["search", "春", "--issue", "999", "--db", LIB], "no issue 999"),
    # argparse's own errors came after a usage block (two or three lines)
    (
        "search with a --limit that is no number",
        ["search", "春", "--limit", "abc", "--db", LIB],
        "invalid int",
    ),
    ("correct without NEW", ["correct", "春", "--db", LIB], "required: NEW"),
    ("export in an unknown format", ["export", "--format", "bogus", "--db", LIB], "invalid choice"),
    ("correct with a line break in NEW", ["correct", "春", "a\nb", "--db", LIB], "line break"),
    # An ID past SQLite's 64-bit integers stopped search, export, correct, reparse and assign
    # with an OverflowError traceback (exit 1)
    ("search in an issue past any id", ["search", "春", "--issue", "9" * 20, "--db", LIB], "invalid ID"),
    (
        "export an issue past any id",
        ["export", "--format", "w3c", "--issue", "9" * 20, "--db", LIB],
        "invalid ID",
    ),
    (
        "correct in an issue past any id",
        ["correct", "春", "夏", "--issue", "9" * 20, "--db", LIB],
        "invalid ID",
    ),
    ("re-parse a page past any id", ["library", "reparse", "--page", "9" * 20, "--db", LIB], "invalid ID"),
    ("assign a page past any id", ["library", "assign", "bo", "--page", "9" * 20, "--db", LIB], "invalid ID"),
    ("open the window on a missing file", ["missing-page.txt"], "no such file or folder"),
    ("open the window on a symlink loop", ["loop"], "symbolic link loop"),
    ("open the window on a FIFO", ["fifo"], "named pipe"),
]


@pytest.mark.parametrize(("args", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gets_one_line_exit_2_and_changes_nothing(
    workspace: Path, args: list[str], words: str
) -> None:
    library = workspace / LIB
    before, listing = fingerprint(library), files(workspace)
    existing = (workspace / "existing.csv").read_bytes()
    done = _run(*args, cwd=workspace, timeout=60)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert words in lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert files(workspace) == listing  # nothing written: no export, no temporary file left
    assert fingerprint(library) == before
    assert (workspace / "existing.csv").read_bytes() == existing


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_read_as_the_same_page(tmp_path: Path, encoding: str) -> None:
    from models.page_file import read_page_file

    text = SAMPLE_PAGE.read_text(encoding="utf-8")
    page = tmp_path / f"{encoding}.txt"
    page.write_bytes(text.encode(encoding))
    assert not page.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    read = read_page_file(page)
    assert read.raw == text and read.encoding == encoding


def test_parse_into_a_closed_pipe_stops_without_a_traceback(tmp_path: Path) -> None:
    big = tmp_path / "page.txt"
    big.write_text(sample_text() * 20, encoding="utf-8")
    shell = f'"{sys.executable}" "{ROOT / "main.py"}" parse "{big}" | head -c 10 > /dev/null'
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {shell}"], capture_output=True, text=True, timeout=60
    )
    assert done.stderr == ""
    assert done.returncode in (0, 141)


def test_a_window_on_a_missing_file_never_starts_qt(tmp_path: Path) -> None:
    probe = "import sys, main; code = main.main(['nowhere.txt']); print('PySide6' in sys.modules, code)"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "2"]
    assert done.stderr.strip() == "dubao: nowhere.txt: no such file or folder"


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(
        st.text(
            alphabet=st.one_of(
                st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                st.sampled_from("，。、：；“”（）《》0123456789 abcXYZ"),
                st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
            ),
            min_size=1,
            max_size=30,
        ),
        min_size=2,
        max_size=12,
    ),
    encoding=st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
)
def test_any_page_in_utf16_or_utf32_without_a_bom_decodes_to_itself(lines: list[str], encoding: str) -> None:
    from models.page_file import decode_page_bytes

    text = "\n".join(lines) + "\n"
    if not text.strip():
        return
    assert decode_page_bytes(text.encode(encoding)) == (text, encoding)


# Every command but import reads a library that exists; given an empty file as --db (a `touch`ed
# name, a download that never arrived) SQLite took it for an empty database and each of these
# wrote a fresh ~300 KB library into it, then listed, searched or exported nothing (exit 0).
ON_AN_EMPTY_FILE = [
    ["library", "list"],
    ["library", "assignments"],
    ["library", "assign", "bo", "--issue", "1"],
    ["library", "reparse"],
    ["library", "backup", "backup.sqlite3"],
    ["search", "春"],
    ["correct", "春", "夏"],
    ["export", "--format", "w3c"],
    ["export", "--format", "text", "-o", "out.txt"],
    ["import-annotations", "annotations.json"],
]


@pytest.mark.parametrize("args", ON_AN_EMPTY_FILE, ids=[" ".join(a[:2]) for a in ON_AN_EMPTY_FILE])
def test_an_empty_file_is_no_library_and_stays_empty(tmp_path: Path, args: list[str]) -> None:
    empty = tmp_path / "blank.sqlite3"
    empty.write_bytes(b"")
    (tmp_path / "annotations.json").write_text(
        '{"type": "AnnotationCollection", "items": []}', encoding="utf-8"
    )
    done = _run(*args, "--db", empty.name, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [done.stderr.strip()] and "an empty file, not a library" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert empty.stat().st_size == 0
    assert not (tmp_path / "backup.sqlite3").exists() and not (tmp_path / "out.txt").exists()


def test_check_with_an_empty_file_as_its_library_checks_with_what_ships_and_writes_nothing(
    tmp_path: Path,
) -> None:
    """Issue 8's contract: ``check [--db FILE]``; a harness's fresh temporary file is empty. An
    empty library taught nothing, so the lines are checked as without --db (the review found
    them refused, exit 2 and no flags), and the file stays empty (main wrote a library into it)."""
    empty = tmp_path / "blank.sqlite3"
    empty.write_bytes(b"")
    text = "人民日報,今天\n\n"
    with_empty = _run("check", "--db", empty.name, cwd=tmp_path, stdin=text)
    without = _run("check", cwd=tmp_path, stdin=text)
    assert with_empty.returncode == 0 and with_empty.stderr == ""
    assert with_empty.stdout == without.stdout and '"punctuation"' in with_empty.stdout
    assert empty.stat().st_size == 0


def test_memory_is_no_library_file_to_list(tmp_path: Path) -> None:
    """``:memory:`` names no file: listing or copying it made and reported an empty library."""
    for args in (["library", "list", "--db", ":memory:"], ["library", "copy", ":memory:", "copy.sqlite3"]):
        done = _run(*args, cwd=tmp_path)
        assert done.returncode == 2 and done.stderr.count("\n") == 1 and done.stdout == "", done.stderr
    assert not (tmp_path / "copy.sqlite3").exists()


def test_an_id_with_a_line_break_is_told_in_one_line(tmp_path: Path) -> None:
    done = _run("search", "春", "--issue", "\n0", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr


def test_copying_an_empty_file_makes_no_library(tmp_path: Path) -> None:
    (tmp_path / "blank.sqlite3").write_bytes(b"")
    done = _run("library", "copy", "blank.sqlite3", "copy.sqlite3", cwd=tmp_path)
    assert done.returncode == 2 and "an empty file, not a library" in done.stderr
    assert (tmp_path / "blank.sqlite3").stat().st_size == 0 and not (tmp_path / "copy.sqlite3").exists()


def test_a_library_actions_message_names_the_action(tmp_path: Path) -> None:
    """One line names the command as typed (it said "dubao library:" for every action)."""
    done = _run("library", "reparse", "--db", "missing.sqlite3", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("dubao library reparse: missing.sqlite3: no such library file")
