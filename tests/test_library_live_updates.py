"""A reader sees a colleague's new highlights and corrections (issue 13, "Several writers"):
the library's change marker moves when another connection commits, and the page read after it
is the library's, not a kept copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from proofreading_pages import TWO_ARTICLES, find, library_with_pages, texts

from models.annotations.service import Annotations
from models.library.service import Library

pytestmark = pytest.mark.engines


@pytest.fixture()
def two_readers(tmp_path: Path):
    """The reader's library and a colleague's, two connections to one library."""
    reader, [page_id] = library_with_pages(tmp_path, ("p1.txt", TWO_ARTICLES))
    colleague = Library.open(tmp_path / "library.sqlite3")
    yield reader, colleague, page_id
    colleague.close()
    reader.close()


def test_a_colleagues_highlight_moves_the_marker_and_is_read_after_it(two_readers, engine) -> None:
    reader, colleague, page_id = two_readers
    reader_notes = Annotations(reader)
    reader_notes.open_page(page_id)
    before = reader.change_marker()
    if engine == "sqlite":  # a server's marker also moves for other databases' writes
        assert reader.change_marker() == before
    notes = Annotations(colleague)
    page = notes.open_page(page_id)
    section, start, end = find(colleague, page_id, "狠抓")
    notes.create(page, section, start, end, notes.categories()[0].id)
    assert reader.change_marker() != before
    assert [h.exact for h in reader_notes.page_highlights(page_id)] == ["狠抓"]


def test_a_colleagues_correction_is_in_the_page_the_reader_reads_next(two_readers) -> None:
    reader, colleague, page_id = two_readers
    section, start, end = find(reader, page_id, "狠抓")
    assert "狠抓工作落实" in texts(reader, page_id)[section]  # read once: the reader keeps it
    before = reader.change_marker()
    colleague.correct(page_id, section, start, end, "紧抓", author="王编辑")
    assert reader.change_marker() != before
    assert "紧抓工作落实" in texts(reader, page_id)[section]


def test_the_marker_stays_for_the_readers_own_reads(two_readers, engine) -> None:
    reader, _colleague, page_id = two_readers
    before = reader.change_marker()
    for _ in range(3):
        reader.page(page_id)
        reader.issues()
        reader.search("示范区")
    if engine == "sqlite":
        assert reader.change_marker() == before


def test_announcing_changes_elsewhere_tells_the_views_showing_the_page(two_readers) -> None:
    reader, _colleague, page_id = two_readers
    heard = []
    notes = Annotations(reader)
    notes.subscribe(heard.append)
    reader.announce_changed_elsewhere([page_id])
    [changed] = heard
    assert page_id in changed.page_ids and changed.text
    assert not notes.can_undo()  # not a step of this session


def test_a_colleagues_category_or_tag_change_moves_the_labels_stamp_and_a_note_does_not(two_readers) -> None:
    reader, colleague, page_id = two_readers
    notes = Annotations(colleague)
    page = notes.open_page(page_id)
    section, start, end = find(colleague, page_id, "狠抓")
    made = notes.create(page, section, start, end, notes.categories()[0].id, tags=["口号"])
    stamps = [reader.labels_stamp()]
    notes.set_note(made.id, "新的注")  # the highlight changes (the page stamp's business), not the labels
    assert reader.labels_stamp() == stamps[-1]
    for change in (
        lambda: notes.update_category(notes.categories()[0].id, name="要紧"),
        lambda: notes.update_category(notes.categories()[0].id, light_colour="#123456"),
        lambda: notes.update_category(notes.categories()[1].id, position=99),
        lambda: notes.rename_tag(notes.tag_named("口号").id, "标语"),
        lambda: notes.recolour_tag(notes.tag_named("标语").id, "#654321"),
    ):
        change()
        stamps.append(reader.labels_stamp())
        assert stamps[-1] != stamps[-2]
    heard = []
    mine = Annotations(reader)
    mine.subscribe(heard.append)
    mine.announce_labels_changed([made.id])
    [changed] = heard
    assert changed.categories and changed.tags and changed.highlight_ids == {made.id}
    assert not mine.can_undo()  # not a step of this session
