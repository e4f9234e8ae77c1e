"""Editors correct a page's text from its columns: corrections over raw offsets, batches, reverts."""

from __future__ import annotations

from pathlib import Path

import pytest
from proofreading_pages import TWO_ARTICLES, find, library_with_pages, texts

from models.errors import DubaoError
from models.library.schema import Page

pytestmark = pytest.mark.engines


@pytest.fixture()
def page(tmp_path: Path):
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", TWO_ARTICLES))
    yield library, page_id
    library.close()


def test_a_correction_changes_the_current_text_and_never_the_raw_text(page) -> None:
    library, page_id = page
    section, start, end = find(library, page_id, "狠抓")
    result = library.correct(page_id, section, start, end, "紧抓", author="王编辑")
    assert "紧抓工作落实" in texts(library, page_id)[section]
    [correction] = result.corrections
    raw = library.page(page_id).raw
    assert raw == TWO_ARTICLES
    assert raw[correction.raw_start : correction.raw_end] == "狠抓"
    assert (correction.replacement, correction.author, correction.state) == ("紧抓", "王编辑", "in_force")
    assert correction.batch_id == result.batch_id is not None
    [entry] = library.page_history(page_id)
    assert (entry.old, entry.new, entry.author, entry.state) == ("狠抓", "紧抓", "王编辑", "in_force")


def test_a_word_the_ocr_split_across_a_line_break_is_one_correction(page) -> None:
    library, page_id = page
    section, start, end = find(library, page_id, "坚持")
    [correction] = library.correct(page_id, section, start, end, "坚守").corrections
    raw = library.page(page_id).raw
    assert raw[correction.raw_start : correction.raw_end] == "坚\n持"
    assert "要坚守问题导向" in texts(library, page_id)[section]


def test_insertions_and_deletions_land_where_the_editor_typed(page) -> None:
    library, page_id = page
    section, start, _ = find(library, page_id, "农资供应")
    library.correct(page_id, section, start, start, "优质")
    assert "抓好春季农业生产，优质农资供应" in texts(library, page_id)[section]
    section, start, end = find(library, page_id, "总体")
    library.correct(page_id, section, start, end, "")
    assert "价格平稳" in texts(library, page_id)[section]
    # Typing at the very end of a paragraph stays in that paragraph.
    text = texts(library, page_id)[section]
    end_of_first = text.index("\n", text.index("积极备耕"))
    library.correct(page_id, section, end_of_first, end_of_first, "！")
    assert "积极备耕。！\n农业农村部" in texts(library, page_id)[section]


def test_correcting_part_of_a_correction_replaces_it_whole(page) -> None:
    library, page_id = page
    section, start, end = find(library, page_id, "狠抓")
    first = library.correct(page_id, section, start, end, "紧紧抓住").corrections[0]
    section, start, end = find(library, page_id, "抓住")
    second = library.correct(page_id, section, start, end, "抓牢").corrections[0]
    assert "紧紧抓牢工作落实" in texts(library, page_id)[section]
    assert (second.raw_start, second.raw_end) == (first.raw_start, first.raw_end)
    states = {e.id: e.state for e in library.page_history(page_id)}
    assert states == {first.id: "superseded", second.id: "in_force"}


def test_a_span_across_a_paragraph_break_corrects_both_and_joins_them(page) -> None:
    library, page_id = page
    section, start, _ = find(library, page_id, "备耕。")
    _, _, end = find(library, page_id, "农业农村部")
    result = library.correct(page_id, section, start + 2, end, "，农业部")
    assert "积极备耕，农业部有关负责人" in texts(library, page_id)[section]
    assert [(e.kind, e.value) for e in result.structure_edits] == [("break", "no")]
    assert len(result.corrections) == 2
    library.undo()
    assert texts(library, page_id)[section].count("\n") == 3


def test_a_line_break_or_a_span_outside_the_text_is_refused(page) -> None:
    library, page_id = page
    with pytest.raises(DubaoError, match="line break"):
        library.correct(page_id, 0, 0, 1, "春\n")
    with pytest.raises(DubaoError, match="outside"):
        library.correct(page_id, 0, 0, 10_000, "x")
    with pytest.raises(DubaoError, match="no section"):
        library.correct(page_id, 9, 0, 1, "x")
    assert library.page_history(page_id) == []


def test_typing_what_is_already_there_writes_nothing(page) -> None:
    library, page_id = page
    section, start, end = find(library, page_id, "狠抓")
    result = library.correct(page_id, section, start, end, "狠抓")
    assert not result.changed and library.page_history(page_id) == []
    assert not library.can_undo()


def test_revert_one_correction_or_a_whole_batch_keeps_them_in_the_history(page) -> None:
    library, page_id = page
    before = texts(library, page_id)
    one = library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓").corrections[0]
    batch = library.correct_all("农资", "农用物资")
    assert texts(library, page_id)[0].count("农用物资") == 3
    library.revert_correction(one.id)
    assert "狠抓" in texts(library, page_id)[1]
    library.revert_batch(batch.batch_id)
    assert texts(library, page_id) == before
    history = library.page_history(page_id)
    assert len(history) == 4 and {e.state for e in history} == {"reverted"}
    assert all(e.reverted is not None for e in history)
    # Undoing the revert brings the batch back.
    library.undo()
    assert texts(library, page_id)[0].count("农用物资") == 3
    # Reinstating says what it set aside: not the correction it put back.
    again = library.reinstate_correction(one.id)
    assert again.changed and again.reverted_corrections == []
    assert "紧抓" in texts(library, page_id)[1]


def test_reverting_a_batch_already_reverted_says_it_wrote_nothing_about_any_page(page) -> None:
    """A revert names no batch (it makes none); one with nothing left to set aside named the
    batch it was asked about and its pages, as if it had written there."""
    library, page_id = page
    batch = library.correct_all("农资", "农用物资")
    first = library.revert_batch(batch.batch_id)
    assert first.changed and first.batch_id is None and first.page_ids == [page_id]
    steps = library.page_history(page_id)
    again = library.revert_batch(batch.batch_id)
    assert (again.changed, again.batch_id, again.page_ids) == (False, None, [])
    assert library.page_history(page_id) == steps


def test_typing_back_what_the_ocr_read_sets_the_correction_aside_instead_of_adding_one(page) -> None:
    library, page_id = page
    first = library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓").corrections[0]
    back = library.correct(page_id, *find(library, page_id, "紧抓"), "狠抓")
    assert back.changed and back.corrections == [] and back.reverted_corrections == [first.id]
    assert library.corrected_marks(page_id) == []  # nothing underlined as corrected
    assert [(e.old, e.new, e.state) for e in library.page_history(page_id)] == [("狠抓", "紧抓", "reverted")]
    library.undo()
    assert "紧抓" in texts(library, page_id)[1]
    # One character typed back inside a longer correction keeps the rest of it.
    library.correct(page_id, *find(library, page_id, "紧"), "狠")
    assert "狠抓" in texts(library, page_id)[1] and library.corrected_marks(page_id) == []
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧握")
    library.correct(page_id, *find(library, page_id, "紧"), "狠")
    assert "狠握" in texts(library, page_id)[1]
    assert [(m.original, m.replacement) for m in library.corrected_marks(page_id)] == [("狠抓", "狠握")]


def test_undo_and_redo_restore_the_text_exactly(page) -> None:
    library, page_id = page
    states = [texts(library, page_id)]
    for words, new in (("狠抓", "紧抓"), ("示范区", "示范园区"), ("春耕时节", "春耕季节")):
        library.correct(page_id, *find(library, page_id, words), new)
        states.append(texts(library, page_id))
    for expected in reversed(states[:-1]):
        library.undo()
        assert texts(library, page_id) == expected
    for expected in states[1:]:
        library.redo()
        assert texts(library, page_id) == expected


def test_the_first_edit_puts_an_unchecked_page_in_progress_and_undo_takes_it_back(page) -> None:
    library, page_id = page
    issue_id = library.page_info(page_id).issue_id
    assert library.page_status(page_id) == "unchecked"
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓")
    assert library.page_status(page_id) == "in_progress"
    progress = library.issue_progress(issue_id)
    assert (progress.unchecked, progress.in_progress, progress.done, progress.total) == (0, 1, 0, 1)
    library.undo()
    assert library.page_status(page_id) == "unchecked"
    library.set_page_status(page_id, "done")
    assert library.page_info(page_id).status == "done"
    # An edit on a page marked done puts it back in progress; undoing the edit marks it done again.
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓")
    assert library.page_status(page_id) == "in_progress"
    library.undo()
    assert library.page_status(page_id) == "done"
    assert not any("紧抓" in t for t in texts(library, page_id))
    with pytest.raises(DubaoError):
        library.set_page_status(page_id, "finished")


def test_marking_a_page_done_is_a_step_of_the_history_undo_and_redo_take(page) -> None:
    library, page_id = page
    heard = []
    library.subscribe(lambda command: heard.append(command.status_page_ids()))
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓")
    assert library.set_page_status(page_id, "done")
    assert library.history.undo_label() == "mark page done"
    assert heard[-1] == {page_id}
    assert not library.set_page_status(page_id, "done")  # already done: no second step
    library.undo()
    assert library.page_status(page_id) == "in_progress"
    assert any("紧抓" in t for t in texts(library, page_id))  # only the status went back
    assert heard[-1] == {page_id}
    library.redo()
    assert library.page_status(page_id) == "done"
    library.undo()
    library.undo()  # then the correction, and the page is unchecked again
    assert library.page_status(page_id) == "unchecked"
    assert not any("紧抓" in t for t in texts(library, page_id))


def test_the_author_is_the_given_name_else_the_preference_else_the_system_user(page, monkeypatch) -> None:
    from models.proofreading.desk import resolve_author

    library, page_id = page
    monkeypatch.setattr("getpass.getuser", lambda: "系统用户")
    assert resolve_author() == "系统用户"
    assert resolve_author(None, "首选项名", None) == "首选项名"
    assert resolve_author(None, None, "db_role") == "db_role"
    assert resolve_author("  ", "首选项名") == "首选项名"
    library.preferred_author = "李编辑"
    assert library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓").corrections[0].author == "李编辑"
    assert (
        library.correct(page_id, *find(library, page_id, "示范区"), "示范园", author="赵")
        .corrections[0]
        .author
        == "赵"
    )


def test_a_series_correction_skips_what_an_editor_corrected_by_hand(page) -> None:
    library, page_id = page
    section, start, end = find(library, page_id, "农资供应")
    library.correct(page_id, section, start, start + 2, "农资")  # typed over, unchanged: nothing
    library.correct(page_id, section, start, end, "农资供给")  # by hand
    occurrences = library.find_occurrences("农资")
    assert len(occurrences) == 2  # the heading's and 确保农资供应; the hand-corrected one is skipped
    assert [o.context for o in occurrences][0].startswith("春耕时节农资足")
    result = library.correct_all("农资", "农用物资")
    assert len(result.corrections) == 2 and result.page_ids == [page_id]
    assert "农资供给" in texts(library, page_id)[section]


@pytest.mark.parametrize("new", ["农用\n物资", "农\r物资"])
def test_a_series_correction_with_a_line_break_is_refused_and_nothing_changes(page, new: str) -> None:
    """Correct Everywhere and ``correct`` once wrote the line break into each correction: every
    paragraph holding the word read as two, with no structure edit to undo it by."""
    library, page_id = page
    before = texts(library, page_id)
    with pytest.raises(DubaoError, match="line break"):
        library.correct_all("农资", new)
    occurrences = library.find_occurrences("农资")
    with pytest.raises(DubaoError, match="line break"):
        library.correct_all("农资", new, only=occurrences)
    assert texts(library, page_id) == before
    assert library.page_history(page_id) == [] and not library.can_undo()


def test_raw_text_is_byte_identical_after_everything(page) -> None:
    library, page_id = page
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓")
    library.correct_all("农资", "")
    library.split_paragraph(page_id, *find(library, page_id, "有关负责人")[:2])
    library.undo()
    stored = Page.select(Page.raw_text, Page.sha256).where(Page.id == page_id).tuples().get()
    import hashlib

    assert stored[0] == TWO_ARTICLES
    assert hashlib.sha256(stored[0].encode("utf-8")).hexdigest() == stored[1]


def test_corrected_characters_are_listed_with_the_ocr_original_author_and_time(page) -> None:
    library, page_id = page
    section, start, end = find(library, page_id, "狠抓")
    library.correct(page_id, section, start, end, "紧紧抓", author="王编辑")
    s2, d_start, d_end = find(library, page_id, "总体")
    library.correct(page_id, s2, d_start, d_end, "", author="李编辑")
    marks = {(m.section, m.start, m.end): m for m in library.corrected_marks(page_id)}
    text = texts(library, page_id)[section]
    mark = marks[(section, start, start + 3)]
    assert text[mark.start : mark.end] == "紧紧抓"
    assert (mark.original, mark.author) == ("狠抓", "王编辑") and mark.created is not None
    deletion = marks[(s2, d_start, d_start)]
    assert (deletion.original, deletion.replacement, deletion.author) == ("总体", "", "李编辑")
    raw = library.page(page_id).raw
    raw_start, raw_end = library.raw_span(page_id, *find(library, page_id, "坚持"))
    assert raw[raw_start:raw_end] == "坚\n持"
