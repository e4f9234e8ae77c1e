"""``library copy``: a whole library from a file to a server and back, ids, authors and history kept;
and search answering the same on both engines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE, ROOT, library_with, locate, mark, sample_text
from conftest import fresh_server_url

from models.annotations.service import Annotations
from models.library.service import Library
from models.vocabulary.words import add_word, list_words


def dubao(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def _worked_library(folder: Path) -> Path:
    """A library file two editors worked on: corrections (one reverted), a structure edit,
    highlights with tags and notes, a vocabulary word."""
    annotations, (sample, astral) = library_with(
        folder, ("sample.txt", sample_text()), ("astral.txt", ASTRAL_PAGE)
    )
    library = annotations.library
    first = library.correct(astral, 0, 0, 1, "石", author="王编辑")
    library.correct(sample, 1, 0, 2, "焦作", author="李编辑")
    library.revert_correction(first.corrections[0].id, author="李编辑")
    section, start, _ = locate(annotations.open_page(astral), "狠抓工作")
    library.split_paragraph(astral, section, start + 2, author="王编辑")
    library.set_page_status(astral, "done")
    opened = annotations.open_page(sample)
    mark(annotations, opened, "金融办", "生词", tags=["机构", "口号"], note="第一行\n第二行")
    mark(annotations, annotations.open_page(astral), "高质量发展", "要点")
    add_word(library, simplified="示范区", definition="demonstration zone")
    library.close()
    return folder / "library.sqlite3"


def _picture(where: str | Path) -> dict[str, object]:
    """What a user sees of a library: issues, pages, texts, history, highlights, words, search hits."""
    library = Library.open(where, read_only=True)
    try:
        annotations = Annotations(library)
        issues = library.issues()
        pages = [p for i in issues for p in library.pages(i.id)]
        return {
            "issues": [(i.id, i.paper, i.date, i.title, i.pages) for i in issues],
            "pages": [(p.id, p.name, p.status, p.sha256) for p in pages],
            "texts": {p.id: library.texts_at(p.id) for p in pages},
            "history": {
                p.id: [
                    (h.id, h.what, h.author, h.old, h.new, h.state, h.batch_id, str(h.created))
                    for h in library.page_history(p.id)
                ]
                for p in pages
            },
            "highlights": {
                p.id: [
                    (h.id, h.uuid, h.exact, h.category_id, tuple(h.tags), h.note)
                    for h in annotations.page_highlights(p.id)
                ]
                for p in pages
            },
            "words": [(w.simplified, w.definition) for w in list_words(library)],
            "search": {
                q: [(h.page_id, h.section, h.start, h.context) for h in library.search(q)]
                for q in ("焦作", "发", "石")
            },
        }
    finally:
        library.close()


def test_a_library_goes_to_a_server_and_back_with_ids_authors_and_history(tmp_path: Path) -> None:
    source = _worked_library(tmp_path)
    server = fresh_server_url("copy")
    done = dubao("library", "copy", str(source), server)
    assert done.returncode == 0, done.stderr
    assert '"correction": 2' in done.stdout
    before = _picture(source)
    assert before["history"] and any(before["highlights"].values())
    assert _picture(server) == before

    back = tmp_path / "back" / "library.sqlite3"
    done = dubao("library", "copy", server, str(back))
    assert done.returncode == 0, done.stderr
    assert _picture(back) == before

    # The copy goes on working: new rows get new ids, never a copied one's.
    with Library.open(server) as library:
        page = before["pages"][0][0]
        result = library.correct(page, 0, 0, 1, "新", author="张编辑")
        copied = {c.id for p in before["pages"] for c in library.page(p[0]).corrections} - {
            c.id for c in result.corrections
        }
        assert all(c.id not in copied for c in result.corrections)


def test_a_target_that_already_holds_a_library_is_refused_in_one_line(tmp_path: Path) -> None:
    source = _worked_library(tmp_path)
    server = fresh_server_url("copy")
    assert dubao("library", "copy", str(source), server).returncode == 0
    for target in (server, str(source)):
        again = dubao("library", "copy", str(tmp_path / "library.sqlite3"), target)
        assert again.returncode == 2
        assert len(again.stderr.strip().splitlines()) == 1, again.stderr
        assert "Traceback" not in again.stderr
    other = tmp_path / "other.sqlite3"
    assert dubao("library", "copy", server, str(other)).returncode == 0
    refused = dubao("library", "copy", str(source), str(other))
    assert refused.returncode == 2 and "already exists" in refused.stderr
    # Nothing was added to the server by the refused copies.
    assert _picture(server) == _picture(source)


def test_a_password_in_the_url_is_never_printed(tmp_path: Path) -> None:
    source = _worked_library(tmp_path)
    done = dubao("library", "copy", str(source), "postgresql://editor:s3cret@127.0.0.1:1/none")
    assert done.returncode == 2
    assert "s3cret" not in done.stderr and "***" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


@pytest.mark.parametrize("url", ["postgresql://me@127.0.0.1:1/archive", "postgres://127.0.0.1:1/archive"])
def test_a_server_url_is_never_taken_for_a_file_name(tmp_path: Path, url: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "import",
            str(ROOT / "resources" / "sample-page.txt"),
            "--db",
            url,
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 2
    assert "cannot open the library on the server" in done.stderr
    assert not any(tmp_path.iterdir())  # no "postgresql:" folder, no file


@pytest.mark.parametrize("made_empty_first", [False, True], ids=["new file", "empty file"])
def test_a_copy_that_does_not_finish_leaves_no_library_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_empty_first: bool
) -> None:
    """Ctrl+C in the middle of `library copy` left an empty library in the target file, and the
    next copy into it was refused ("already exists"); now the target is as it was before."""
    from models.library import copying

    source = _worked_library(tmp_path)
    target = tmp_path / "copy.sqlite3"
    if made_empty_first:
        target.write_bytes(b"")
    real, calls = copying._copy_table, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:  # some tables copied, then Ctrl+C
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(copying, "_copy_table", interrupted)
    with pytest.raises(KeyboardInterrupt):
        copying.copy_library(source, target)
    assert len(calls) == 3
    leftovers = sorted(p.name for p in tmp_path.glob("copy.sqlite3*"))
    assert leftovers == (["copy.sqlite3"] if made_empty_first else []), leftovers
    assert not made_empty_first or target.stat().st_size == 0
    monkeypatch.setattr(copying, "_copy_table", real)
    copying.copy_library(source, target)  # the copy can be made again
    assert _picture(target) == _picture(source)
