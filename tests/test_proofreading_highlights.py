"""Highlights follow corrected words; corrections and highlights share one undo history."""

from __future__ import annotations

from pathlib import Path

import pytest
from proofreading_pages import TWO_ARTICLES, find, library_with_pages

from models.annotations.service import Annotations

pytestmark = pytest.mark.engines


@pytest.fixture()
def desk(tmp_path: Path):
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", TWO_ARTICLES))
    annotations = Annotations(library)
    yield library, annotations, page_id
    library.close()


def mark(annotations: Annotations, page_id: int, words: str):
    page = annotations.open_page(page_id)
    section, start, end = next(
        (i, t.index(words), t.index(words) + len(words)) for i, t in enumerate(page.texts) if words in t
    )
    return annotations.create(page, section, start, end, annotations.categories()[0].id)


def words_of(annotations: Annotations, page_id: int, highlight_id: int) -> str | None:
    """The words a highlight is painted on now (None: unanchored)."""
    page = annotations.open_page(page_id)
    h = next(h for h in page.highlights if h.id == highlight_id)
    if not h.anchored:
        return None
    return page.texts[page.section_index(h.section_id)][h.start : h.end]


def test_a_highlight_inside_a_corrected_word_stays_on_it_and_one_after_keeps_its_words(desk) -> None:
    library, annotations, page_id = desk
    inside = mark(annotations, page_id, "狠抓工作")
    after = mark(annotations, page_id, "新农村建设")
    result = library.correct(page_id, *find(library, page_id, "狠抓"), "切实抓好")
    assert set(result.moved) == {inside.id, after.id}
    assert words_of(annotations, page_id, inside.id) == "切实抓好工作"
    assert words_of(annotations, page_id, after.id) == "新农村建设"
    stored = annotations.highlight(after.id)
    assert stored.start == after.start + 2 and stored.exact == "新农村建设"


def test_a_highlight_whose_words_are_deleted_is_kept_unanchored_and_comes_back_on_undo(desk) -> None:
    library, annotations, page_id = desk
    doomed = mark(annotations, page_id, "狠抓工作落实")
    section, start, end = find(library, page_id, "狠抓工作落实")
    result = library.correct(page_id, section, start, end, "")
    assert result.unanchored == [doomed.id]
    assert words_of(annotations, page_id, doomed.id) is None
    page = annotations.open_page(page_id)
    assert [h.exact for h in page.unanchored()] == ["狠抓工作落实"]  # listed, never dropped
    library.undo()
    assert words_of(annotations, page_id, doomed.id) == "狠抓工作落实"


def test_highlights_go_with_their_paragraph_when_an_article_is_split_or_moved(desk) -> None:
    library, annotations, page_id = desk
    h = mark(annotations, page_id, "科学施肥")
    section, start, _ = find(library, page_id, "各地还组织")
    library.split_section(page_id, section, start)
    library.move_section(page_id, 1, 2)
    assert words_of(annotations, page_id, h.id) == "科学施肥"
    page = annotations.open_page(page_id)
    assert page.section_index(annotations.highlight(h.id).section_id) == 2
    library.undo()
    library.undo()
    assert words_of(annotations, page_id, h.id) == "科学施肥"


def test_one_history_undoes_highlights_and_corrections_in_the_order_they_were_made(desk) -> None:
    library, annotations, page_id = desk
    heard = []
    annotations.subscribe(heard.append)
    h = mark(annotations, page_id, "示范区")
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓")
    annotations.set_note(h.id, "地名")
    assert annotations.history is library.history
    assert annotations.history.undo_label() == "edit note"
    annotations.undo()  # the note
    assert annotations.highlight(h.id).note == ""
    changed = annotations.undo()  # the correction
    assert changed is not None and changed.text and changed.page_ids == frozenset({page_id})
    assert "狠抓" in annotations.open_page(page_id).texts[1]
    annotations.undo()  # the highlight
    assert annotations.page_highlights(page_id) == []
    assert not annotations.can_undo()
    annotations.redo()
    annotations.redo()
    assert "紧抓" in annotations.open_page(page_id).texts[1]
    assert words_of(annotations, page_id, h.id) == "示范区"
    # Listeners heard every step once, the correction's undo and redo among them.
    labels = [c.label for c in heard]
    assert labels.count("correct text") == 3 and labels.count("highlight") == 3


def test_redoing_a_highlight_after_its_article_was_rebuilt_puts_it_back_on_its_words(tmp_path: Path) -> None:
    # Two pages: the first page's rebuilt sections get new row ids (not the freed ones).
    library, [page_id, _] = library_with_pages(
        tmp_path, ("p1.txt", TWO_ARTICLES), ("p2.txt", TWO_ARTICLES + "。")
    )
    annotations = Annotations(library)
    h = mark(annotations, page_id, "科学施肥")
    section, start, _ = find(library, page_id, "各地还组织")
    library.split_section(page_id, section, start)  # the page's sections are rebuilt
    library.undo()  # the split
    annotations.undo()  # the highlight
    annotations.redo()  # the highlight again: its old section row is gone
    assert words_of(annotations, page_id, h.id) == "科学施肥"
    annotations.redo()  # the split again
    assert words_of(annotations, page_id, h.id) == "科学施肥"
    library.close()


def test_undo_of_a_deletion_over_part_of_a_highlight_gives_it_back_whole(desk) -> None:
    library, annotations, page_id = desk
    h = mark(annotations, page_id, "新农村建设")
    section, start, _ = find(library, page_id, "参观了新农村")
    library.correct(page_id, section, start, start + 6, "")  # 参观了新农村 gone: 建设 is left
    assert words_of(annotations, page_id, h.id) == "建设"
    library.undo()
    assert words_of(annotations, page_id, h.id) == "新农村建设"
    library.redo()
    assert words_of(annotations, page_id, h.id) == "建设"
    library.undo()
    assert words_of(annotations, page_id, h.id) == "新农村建设"
