"""Undo and redo over a colleague's change (issue 13, several writers): Ctrl+Z never writes an
editor's old state over what a colleague changed since; it is refused like a normal edit, and
what it would have written is kept in the history.

Two Library objects (two connections) on one library, on a file and on the server.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from proofreading_pages import TWO_ARTICLES, find, library_with_pages, texts
from several_writers import highlight

from models.errors import EditConflict
from models.library.service import Library

pytestmark = pytest.mark.engines


def shown(library: Library, page_id: int) -> str:
    return "\n".join(texts(library, page_id))


def history(library: Library, page_id: int) -> set[tuple[str, str, str, str]]:
    return {(e.old, e.new, e.author, e.state) for e in library.page_history(page_id)}


def test_undo_over_a_colleagues_correction_of_the_same_words_is_refused_and_kept(two_editors) -> None:
    wang, li, page_id = two_editors
    wang.correct(page_id, *find(wang, page_id, "狠抓"), "紧抓")
    li.correct(page_id, *find(li, page_id, "紧抓"), "严抓")  # 李 read 王's correction and changed it
    with pytest.raises(EditConflict) as raised:
        wang.undo()
    assert raised.value.author == "李编辑" and "严抓" in str(raised.value) and "undo" in str(raised.value)
    # 李's correction stays in force for both; the OCR's 狠抓 is not written back over it.
    assert "严抓工作落实" in shown(wang, page_id) and "严抓工作落实" in shown(li, page_id)
    # What 王's undo would have written (the OCR's reading) is kept, reverted, under 王's name.
    [kept] = raised.value.kept
    assert ("狠抓", "狠抓", "王编辑", "reverted") in history(wang, page_id)
    assert ("狠抓", "严抓", "李编辑", "in_force") in history(wang, page_id)
    # The step left 王's undo stack; Reinstate is the deliberate way to use it.
    assert wang.undo() is None
    wang.reinstate_correction(kept)
    assert "狠抓工作落实" in shown(li, page_id)


def test_redo_over_a_colleagues_correction_is_refused_and_the_redo_kept(two_editors) -> None:
    wang, li, page_id = two_editors
    wang.correct(page_id, *find(wang, page_id, "狠抓"), "紧抓")
    wang.undo()
    li.correct(page_id, *find(li, page_id, "狠抓"), "严抓")
    with pytest.raises(EditConflict) as raised:
        wang.redo()
    assert raised.value.author == "李编辑"
    assert "严抓工作落实" in shown(wang, page_id)
    assert ("狠抓", "紧抓", "王编辑", "reverted") in history(li, page_id)
    assert wang.redo() is None


def test_undo_is_not_stopped_by_a_colleagues_correction_elsewhere_on_the_page(two_editors) -> None:
    wang, li, page_id = two_editors
    wang.correct(page_id, *find(wang, page_id, "狠抓"), "紧抓")
    li.correct(page_id, *find(li, page_id, "农资供应"), "化肥供应")
    wang.undo()
    now = shown(li, page_id)
    assert "狠抓工作落实" in now and "化肥供应" in now
    wang.redo()
    now = shown(li, page_id)
    assert "紧抓工作落实" in now and "化肥供应" in now


def test_an_editor_never_conflicts_with_their_own_steps_undone_and_redone(two_editors) -> None:
    wang, _li, page_id = two_editors
    wang.correct(page_id, *find(wang, page_id, "狠抓"), "紧抓")
    wang.correct(page_id, *find(wang, page_id, "紧抓"), "严抓")  # over the first: it is superseded
    wang.split_paragraph(page_id, *find(wang, page_id, "严抓")[:2])
    for _ in range(3):
        wang.undo()
    assert "狠抓工作落实" in shown(wang, page_id)
    for _ in range(3):
        wang.redo()
    assert "\n严抓工作落实" in shown(wang, page_id)
    wang.undo()
    wang.undo()
    assert "紧抓工作落实" in shown(wang, page_id)


def test_undo_of_a_paragraph_split_a_colleague_joined_again_is_refused_and_kept(two_editors) -> None:
    wang, li, page_id = two_editors
    section, start, _ = find(wang, page_id, "狠抓")
    wang.split_paragraph(page_id, section, start)
    section, start, _ = find(li, page_id, "狠抓")
    li.join_paragraph_with_next(page_id, section, start - 1)  # 李 joins the two again
    with pytest.raises(EditConflict) as raised:
        wang.undo()
    assert "导向，狠抓" in shown(wang, page_id)  # 李's join is in force
    # What 王's undo meant there (no break before 狠抓) is kept, reverted, under 王's name.
    [kept] = raised.value.kept
    entries = {(e.id, e.author, e.state, e.value) for e in wang.page_history(page_id) if e.what == "break"}
    assert (kept, "王编辑", "reverted", "no") in entries
    assert any(a == "李编辑" and s == "in_force" for _, a, s, _ in entries)
    assert "kept in the page's history" in str(raised.value)


def test_undo_of_a_heading_over_a_colleagues_later_role_is_kept_and_reinstate_gives_the_old_role(
    two_editors,
) -> None:
    wang, li, page_id = two_editors
    section, start, _ = find(wang, page_id, "与会人员")
    wang.set_role(page_id, section, start, "subheading")
    li.set_role(page_id, *find(li, page_id, "与会人员")[:2], "byline")  # 李 makes it a byline since
    with pytest.raises(EditConflict) as raised:
        wang.undo()
    roles = {(e.id, e.author, e.state, e.value) for e in li.page_history(page_id) if e.what == "role"}
    assert any(a == "李编辑" and s == "in_force" and v == "byline" for _, a, s, v in roles)
    [kept] = raised.value.kept
    assert (kept, "王编辑", "reverted", "body") in roles  # the paragraph's role before 王's step
    li.reinstate_structure_edit(kept)  # a deliberate choice, by either of them: the undo's meaning
    section, start, _ = find(li, page_id, "与会人员")
    assert li.layout(page_id).blocks[section][0].role != "byline"
    assert any(p.startswith("与会人员") for p in texts(li, page_id)[section].split("\n")[1:])


def test_undo_of_an_article_split_a_colleague_named_since_keeps_the_join_and_reinstate_joins(
    two_editors,
) -> None:
    wang, li, page_id = two_editors
    before = len(texts(wang, page_id))
    section, start, _ = find(wang, page_id, "与会人员")
    wang.split_section(page_id, section, start)
    assert len(texts(li, page_id)) == before + 1
    li.set_section_kind(page_id, find(li, page_id, "与会人员")[0], "caption")  # 李 names the new one since
    with pytest.raises(EditConflict) as raised:
        wang.undo()
    assert len(texts(wang, page_id)) == before + 1  # nothing of theirs is taken away
    [kept] = raised.value.kept
    entry = next(e for e in wang.page_history(page_id) if e.id == kept)
    assert (entry.what, entry.value, entry.author, entry.state) == ("section", "no", "王编辑", "reverted")
    wang.reinstate_structure_edit(kept)
    assert len(texts(li, page_id)) == before  # one article again, as the undo meant
    assert "与会人员" in texts(li, page_id)[section]


def test_undo_of_a_note_a_colleague_changed_since_is_refused_and_kept(two_annotators) -> None:
    wang, li, page_id = two_annotators
    mine = highlight(wang, page_id)
    wang.set_note(mine.id, "王的注")
    li.highlight(mine.id)
    li.set_note(mine.id, "李的注")
    with pytest.raises(EditConflict) as raised:
        wang.undo()
    assert raised.value.author == "李"
    assert wang.highlight(mine.id).note == "李的注"
    conflict = [r for r in wang.revisions(mine.id) if r["state"] == "conflict"]
    assert [(r["note"], r["author"]) for r in conflict] == [("原注", "王")]
    # The next step back (the highlight's making) would delete 李's note too: refused as well.
    with pytest.raises(EditConflict):
        wang.undo()
    assert not li.highlight(mine.id).deleted and li.highlight(mine.id).note == "李的注"
    assert not wang.can_undo()


def test_redo_of_a_note_a_colleague_changed_since_is_refused(two_annotators) -> None:
    wang, li, page_id = two_annotators
    mine = highlight(wang, page_id)
    wang.set_note(mine.id, "王的注")
    wang.undo()
    li.highlight(mine.id)
    li.set_category(mine.id, li.categories()[1].id)
    with pytest.raises(EditConflict):
        wang.redo()
    now = li.highlight(mine.id)
    assert now.note == "原注" and now.category_id == li.categories()[1].id
    assert [r["note"] for r in wang.revisions(mine.id) if r["state"] == "conflict"] == ["王的注"]


def test_own_highlight_steps_undo_and_redo_freely_and_a_colleagues_other_highlight_does_not_stop_them(
    two_annotators,
) -> None:
    wang, li, page_id = two_annotators
    mine = highlight(wang, page_id)
    wang.set_note(mine.id, "一")
    wang.set_note(mine.id, "二")
    highlight(li, page_id, "城乡")  # a colleague's own highlight, elsewhere
    wang.undo()
    wang.undo()
    assert wang.highlight(mine.id).note == "原注"
    wang.redo()
    wang.redo()
    assert li.highlight(mine.id).note == "二"
    for _ in range(3):
        wang.undo()
    assert mine.id not in {h.id for h in li.page_highlights(page_id)}  # its making undone
    assert len(li.page_highlights(page_id)) == 1  # 李's stays


def _effective(library: Library, page_id: int) -> set[int]:
    from models.proofreading.layout import layout_of

    return {i for i in layout_of(library.page(page_id)).effective_ids if i is not None}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["wang", "li"]),
            st.sampled_from(
                [
                    "correct 狠抓",
                    "correct 农资供应",
                    "undo",
                    "redo",
                    "revert theirs",
                    "revert own",
                    "reinstate",
                ]
            ),
        ),
        min_size=1,
        max_size=8,
    )
)
# 王 sets 李's correction aside and takes that back; 李 sets it aside and puts it back: 王's redo
# would set it aside again over 李's decision.
@example(
    steps=[
        ("li", "correct 狠抓"),
        ("wang", "revert theirs"),
        ("wang", "undo"),
        ("li", "revert own"),
        ("li", "reinstate"),
        ("wang", "redo"),
    ]
)
def test_an_undo_or_redo_never_takes_a_colleagues_correction_out_of_force(tmp_path, steps) -> None:
    """Whatever two editors interleave (corrections of the same or other words, undo, redo,
    setting a correction aside, reinstating their own): an undo or redo that goes
    through leaves in effect every correction the other editor wrote (made, set aside or put
    back) since the step was last applied; a refused one changes nothing in effect."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # a fresh library (and history) per example
    wang, [page_id] = library_with_pages(folder, ("p1.txt", TWO_ARTICLES))
    li = Library.open(wang.path)
    wang.preferred_author, li.preferred_author = "王编辑", "李编辑"
    try:
        _interleave(wang, li, page_id, steps)
    finally:
        li.close()
        wang.close()


def _interleave(wang: Library, li: Library, page_id: int, steps: list[tuple[str, str]]) -> None:
    people = {"wang": wang, "li": li}
    names = {"wang": "王编辑", "li": "李编辑"}
    raw = wang.page(page_id).raw
    for n, (who, what) in enumerate(steps):
        me = people[who]
        other = names["li" if who == "wang" else "wang"]
        if what.startswith("correct"):
            start = raw.index(what.split()[1])
            me.add_correction(page_id, start, start + 2, f"{'王李'[who == 'li']}{n}")
            continue
        if what in ("revert theirs", "revert own", "reinstate"):
            author = other if what == "revert theirs" else names[who]
            state = "reverted" if what == "reinstate" else "in_force"
            rows = [c for c in me.corrections_of(page_id) if c.author == author and c.state == state]
            if rows:
                (me.revert_correction if state == "in_force" else me.reinstate_correction)(rows[-1].id)
            continue
        step = me.history.take_undo() if what == "undo" else me.history.take_redo()
        if step is None:
            continue
        since = step.versions.get(("page", page_id), 0)
        before = _effective(me, page_id)
        sql = "SELECT id FROM correction WHERE page_id = ? AND author = ? AND page_version > ?"
        theirs = {i for (i,) in me.database.execute_sql(sql, (page_id, other, since)).fetchall()} & before
        try:
            (me.undo if what == "undo" else me.redo)()
        except EditConflict:
            assert _effective(me, page_id) == before
            continue
        assert theirs <= _effective(me, page_id)
