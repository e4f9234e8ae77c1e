"""The library hands out a page once read until the page changes: never a stale page.

A proofreading step reads the page it edits and the window reads it again to show it; the
library keeps the last reading (and its layout) while nothing was written. These tests make
the writes a user could make behind that cache: another program (a second connection), a
write that fails half-way, an undo, a search right after a keystroke.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.library.service import Library
from tests.proofreading_pages import TWO_ARTICLES, find, library_with_pages, texts

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def page(tmp_path):
    library, (page_id,) = library_with_pages(tmp_path, ("page.txt", TWO_ARTICLES))
    yield library, page_id, tmp_path
    library.close()


def test_a_correction_made_by_another_program_is_seen_at_the_next_read(page) -> None:
    library, page_id, folder = page
    before = texts(library, page_id)
    assert library.page(page_id) is library.page(page_id)  # nothing written: the same reading
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "correct", "价格总体", "价格整体", "--db",
         str(folder / "library.sqlite3"), "--author", "colleague"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )  # fmt: skip
    assert json.loads(done.stdout) == {"corrected": 1, "pages": 1}
    now = texts(library, page_id)
    assert now != before
    assert any("价格整体平稳" in text for text in now)
    assert [c.author for c in library.page(page_id).corrections] == ["colleague"]


def test_a_correction_made_in_another_thread_is_seen_at_the_next_read(page) -> None:
    library, page_id, _ = page
    section, start, end = find(library, page_id, "平稳")
    texts(library, page_id)  # read (and kept) before the other connection writes
    worker = threading.Thread(target=lambda: library.correct(page_id, section, start, end, "稳定"))
    worker.start()
    worker.join()
    assert "价格总体稳定" in texts(library, page_id)[section]


def test_a_step_that_fails_half_way_leaves_the_page_as_it_was(page, monkeypatch) -> None:
    library, page_id, _ = page
    before = texts(library, page_id)
    section, start, end = find(library, page_id, "春耕")

    def broken(*_args, **_kwargs) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(library, "_page_changed", broken)  # fails after the correction row is written
    with pytest.raises(RuntimeError):
        library.correct(page_id, section, start, end, "夏耘")
    monkeypatch.undo()
    assert texts(library, page_id) == before
    assert library.page(page_id).corrections == []
    assert not library.can_undo()


def test_the_page_read_after_a_keystroke_undo_and_redo_is_the_library_s(page) -> None:
    library, page_id, folder = page
    section, start, end = find(library, page_id, "平稳")
    library.correct(page_id, section, start, end, "稳定")
    library.split_paragraph(page_id, section, start)
    after_edits = texts(library, page_id)
    library.undo()
    library.undo()
    assert "平稳" in texts(library, page_id)[section]
    library.redo()
    library.redo()
    assert texts(library, page_id) == after_edits
    fresh = Library.open(folder / "library.sqlite3")
    try:
        assert texts(fresh, page_id) == after_edits
        assert fresh.layout(page_id).texts() == after_edits
    finally:
        fresh.close()


def test_search_after_each_keystroke_finds_the_new_word_and_not_the_old(page) -> None:
    library, page_id, _ = page
    elsewhere = sorted((h.section, h.start) for h in library.search("示范区"))
    assert elsewhere
    section, start, _ = find(library, page_id, "农民群众")
    library.correct(page_id, section, start + 1, start + 2, "人")  # 农民群众 -> 农人群众
    library.correct(page_id, section, start + 2, start + 2, "们")  # -> 农人们群众
    hits = library.search("农人们群众")
    assert [(h.section, h.start, h.end) for h in hits] == [(section, start, start + 5)]
    assert library.search("农民群众") == []
    assert sorted((h.section, h.start) for h in library.search("示范区")) == elsewhere  # untouched sections


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 3), st.sampled_from(["", "农", "𠀀", "ab"])),
        min_size=1,
        max_size=6,
    )
)
def test_the_kept_reading_always_equals_a_fresh_read(tmp_path_factory, steps) -> None:
    """Whatever the edits and undos, the page the library hands out reads as one read from the file."""
    folder = tmp_path_factory.mktemp("cache")
    library, (page_id,) = library_with_pages(folder, ("page.txt", TWO_ARTICLES))
    try:
        for at, length, typed in steps:
            section_texts = texts(library, page_id)
            section = at % len(section_texts)
            start = min(at, len(section_texts[section]))
            end = min(start + length, len(section_texts[section]))
            if "\n" in section_texts[section][start:end]:
                continue
            library.correct(page_id, section, start, end, typed)
            if at % 3 == 0 and library.can_undo():
                library.undo()
        fresh = Library.open(folder / "library.sqlite3")
        try:
            assert texts(library, page_id) == texts(fresh, page_id)
            assert library.layout(page_id).texts() == texts(fresh, page_id)
            for word in ("农", "ab", "𠀀"):
                assert [(h.section, h.start) for h in library.search(word)] == [
                    (h.section, h.start) for h in fresh.search(word)
                ]
        finally:
            fresh.close()
    finally:
        library.close()


def test_a_long_reading_session_keeps_only_the_pages_read_last(tmp_path) -> None:
    """Going through many pages does not keep them all (each holds its text and source maps):
    the last few read come back without a read, an older one is read again, the same."""
    from models.library import service

    files = [
        (f"page-{n:02d}.txt", TWO_ARTICLES.replace("价格", f"价格{n}")) for n in range(service.KEPT_PAGES + 4)
    ]
    library, ids = library_with_pages(tmp_path, *files)
    try:
        first = library.page(ids[0])
        for page_id in ids[1:]:
            library.page(page_id)
        recent = ids[-service.KEPT_PAGES :]
        assert all(library.page(i) is library.page(i) for i in recent)
        assert len(library._kept_pages()) == service.KEPT_PAGES
        again = library.page(ids[0])  # read again: the oldest went
        assert again is not first
        from models.annotations.texts import section_text

        assert texts(library, ids[0]) == [section_text(s) for s in first.current_sections]
        assert again.raw == first.raw and again.section_ids == first.section_ids
    finally:
        library.close()
