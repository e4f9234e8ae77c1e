"""Two libraries open in one process each read and write their own rows (no global binding)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from models.annotations.service import Annotations
from models.library.schema import Page
from models.library.service import Library

pytestmark = pytest.mark.engines


def _page(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_libraries_in_one_process_each_read_their_own_pages_interleaved(tmp_path: Path) -> None:
    first = Library.open(tmp_path / "first.sqlite3")
    second = Library.open(tmp_path / "second.sqlite3")  # opened last: the models' default now
    try:
        first.import_paths([_page(tmp_path / "a", "a.txt", "北京春耕开始了。\n")])
        second.import_paths([_page(tmp_path / "b", "b.txt", "上海熊猫出生了。\n")])
        second.import_paths([_page(tmp_path / "c", "c.txt", "广州下雨了。\n")])
        for _ in range(3):  # interleaved, in both orders
            assert [i.pages for i in first.issues()] == [1]
            assert [i.pages for i in second.issues()] == [1, 1]
            assert [h.match for h in first.search("春耕")] == ["春耕"]
            assert second.search("春耕") == []
            assert [h.match for h in second.search("熊猫")] == ["熊猫"]
            assert first.search("熊猫") == []
        page_a = first.pages(first.issues()[0].id)[0].id
        page_b = second.pages(second.issues()[0].id)[0].id
        assert "春耕" in first.page(page_a).raw
        assert "熊猫" in second.page(page_b).raw
        first.correct(page_a, 0, 0, 2, "南京")
        assert [h.match for h in first.search("南京")] == ["南京"]
        assert second.search("南京") == []
        assert "上海" in second.page(page_b).raw
        # Annotations built on each library write into their own.
        notes_a, notes_b = Annotations(first), Annotations(second)
        opened_a, opened_b = notes_a.open_page(page_a), notes_b.open_page(page_b)
        category_a, category_b = notes_a.categories()[0].id, notes_b.categories()[0].id
        notes_a.create(opened_a, 0, 0, 2, category_a)
        notes_b.create(opened_b, 0, 0, 2, category_b)
        notes_b.create(opened_b, 0, 2, 4, category_b)
        assert [h.exact for h in notes_a.page_highlights(page_a)] == ["南京"]
        assert [h.exact for h in notes_b.page_highlights(page_b)] == ["上海", "熊猫"]
        # Undo goes to the library the step was made in.
        notes_b.undo()
        assert [h.exact for h in notes_b.page_highlights(page_b)] == ["上海"]
        assert [h.exact for h in notes_a.page_highlights(page_a)] == ["南京"]
    finally:
        first.close()
        second.close()


def test_threads_use_the_library_whose_method_they_call(tmp_path: Path) -> None:
    first = Library.open(tmp_path / "first.sqlite3")
    second = Library.open(tmp_path / "second.sqlite3")
    try:
        first.import_paths([_page(tmp_path / "a", "a.txt", "北京春耕开始了。\n")])
        seen: dict[str, list[int]] = {}
        barrier = threading.Barrier(2)

        def count(name: str, library: Library) -> None:
            barrier.wait()
            seen[name] = [len(library.issues()) for _ in range(50)]
            library.close()

        threads = [
            threading.Thread(target=count, args=("first", first)),
            threading.Thread(target=count, args=("second", second)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert seen == {"first": [1] * 50, "second": [0] * 50}
        # Outside any method the models use the library opened last in this thread.
        assert Page.select().count() == 0
    finally:
        first.close()
        second.close()
