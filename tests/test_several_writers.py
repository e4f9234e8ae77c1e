"""Two people writing one library at once (issue 13): nothing is overwritten silently.

Each test opens the same library twice (two Library objects, two connections) and interleaves
their writes, on a file and on the server.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from proofreading_pages import TWO_ARTICLES, find, library_with_pages, texts
from several_writers import highlight

from models.annotations.service import Annotations
from models.errors import EditConflict
from models.library.service import Library

pytestmark = pytest.mark.engines


def test_the_second_correction_of_a_span_is_refused_naming_who_changed_it_and_both_are_kept(
    two_editors,
) -> None:
    wang, li, page_id = two_editors
    at_wang, at_li = find(wang, page_id, "狠抓"), find(li, page_id, "狠抓")  # both read the page
    wang.correct(page_id, *at_wang, "紧抓")
    with pytest.raises(EditConflict) as raised:
        li.correct(page_id, *at_li, "严抓")
    message = str(raised.value)
    assert "王编辑" in message and "狠抓" in message and "严抓" in message and "UTC" in message
    assert raised.value.author == "王编辑" and raised.value.when is not None
    # 王's correction stays in force for both; 李's is in the history, reverted, not lost.
    assert "紧抓工作落实" in texts(wang, page_id)[at_wang[0]]
    assert "紧抓工作落实" in texts(li, page_id)[at_li[0]]
    history = {(e.new, e.author, e.state) for e in li.page_history(page_id)}
    assert ("紧抓", "王编辑", "in_force") in history
    assert ("严抓", "李编辑", "reverted") in history
    # The refused step is no undo step of 李's session.
    assert li.undo() is None
    # 李, having read the page again, may put theirs in force: that is a decision, not an accident.
    [kept] = raised.value.kept
    li.reinstate_correction(kept)
    assert "严抓工作落实" in texts(wang, page_id)[at_wang[0]]


def test_corrections_of_different_spans_made_on_the_same_old_view_both_land_on_their_words(
    two_editors,
) -> None:
    wang, li, page_id = two_editors
    early, late = find(wang, page_id, "农资供应"), find(li, page_id, "狠抓")
    assert early[0] < late[0] or early[1] < late[1]
    # 王 lengthens text before the span 李 will correct, in 李's old view's offsets.
    wang.correct(page_id, early[0], early[1], early[1], "优质充足的")
    li.correct(page_id, *late, "紧抓")
    now = texts(wang, page_id)
    assert "优质充足的农资供应" in now[early[0]]
    assert "紧抓工作落实" in now[late[0]]
    assert {e.state for e in wang.page_history(page_id)} == {"in_force"}


def test_a_correction_next_to_a_colleagues_fresh_one_is_checked_and_an_editor_never_conflicts_with_themself(
    two_editors,
) -> None:
    wang, li, page_id = two_editors
    section, start, end = find(wang, page_id, "狠抓")
    find(li, page_id, "狠抓")
    wang.correct(page_id, section, start, end, "紧抓")
    # 王 goes on at the same place: their own change is what they saw.
    wang.correct(page_id, section, start, start + 1, "严")
    with pytest.raises(EditConflict):
        li.correct(page_id, section, end, end, "，")  # touches 王's span: checked
    # Having read the page again, 李 writes there.
    section, start, end = find(li, page_id, "严抓")
    li.correct(page_id, section, end, end, "好")
    assert "严抓好工作落实" in texts(wang, page_id)[section]


@pytest.mark.parametrize("second", ["note", "category", "tags", "delete"])
def test_two_people_editing_one_highlight_the_second_is_refused_and_kept(two_annotators, second) -> None:
    wang, li, page_id = two_annotators
    mine = highlight(wang, page_id)
    assert li.highlight(mine.id).version == 1  # 李 reads it
    wang.set_note(mine.id, "王的注")
    other = li.categories()[1].id
    change = {
        "note": lambda: li.set_note(mine.id, "李的注"),
        "category": lambda: li.set_category(mine.id, other),
        "tags": lambda: li.set_tags(mine.id, ["李的标签"]),
        "delete": lambda: li.delete(mine.id),
    }[second]
    with pytest.raises(EditConflict) as raised:
        change()
    assert "王" in str(raised.value) and raised.value.author == "王"
    now = wang.highlight(mine.id)
    assert (now.note, now.deleted, now.tags, now.category_id) == ("王的注", False, (), mine.category_id)
    assert (now.version, now.author) == (2, "王")
    kept = li.revisions(mine.id)
    assert [(r["state"], r["author"]) for r in kept] == [("saved", "王"), ("saved", "王"), ("conflict", "李")]
    assert kept[1]["note"] == "王的注"
    attempted = kept[2]
    assert {
        "note": attempted["note"] == "李的注",
        "category": attempted["category"] == li.categories()[1].name,
        "tags": attempted["tags"] == ("李的标签",),
        "delete": attempted["deleted"],
    }[second]
    # Read again, 李's change goes through, signed by 李.
    assert li.highlight(mine.id).version == 2
    change()
    assert li.highlight(mine.id).author == "李"


def test_undo_makes_a_new_version_that_a_colleague_who_read_before_cannot_overwrite(two_annotators) -> None:
    wang, li, page_id = two_annotators
    mine = highlight(wang, page_id)
    wang.set_note(mine.id, "王的注")
    li.highlight(mine.id)
    wang.undo()  # the note is "原注" again, a new version
    with pytest.raises(EditConflict):
        li.set_note(mine.id, "李的注")
    assert wang.highlight(mine.id).note == "原注"
    wang.set_note(mine.id, "王又改")  # 王's own undo did not make 王 stale
    assert wang.highlight(mine.id).note == "王又改"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["wang", "li"]), st.sampled_from(["read", "note", "category"])),
        min_size=1,
        max_size=10,
    )
)
def test_interleaved_writers_never_lose_a_change_silently(two_annotators, steps) -> None:
    """Whatever the order of reads and writes: every write either is the highlight's newest
    saved state or raised a conflict and is kept; a write succeeds exactly when its writer
    read the highlight's current version."""
    wang, li, page_id = two_annotators
    mine = highlight(wang, page_id, "城乡")
    people = {"wang": wang, "li": li}
    read = {"wang": wang.highlight(mine.id).version, "li": li.highlight(mine.id).version}
    for n, (who, what) in enumerate(steps):
        me = people[who]
        if what == "read":
            read[who] = me.highlight(mine.id).version
            continue
        current = _version(wang, mine.id)
        before = len(me.revisions(mine.id))
        try:
            if what == "note":
                me.set_note(mine.id, f"{who}{n}")
            else:
                me.set_category(mine.id, me.categories()[n % 3].id)
        except EditConflict:
            assert read[who] != current
            kept = me.revisions(mine.id)
            assert len(kept) == before + 1 and kept[-1]["state"] == "conflict"
            continue
        assert read[who] == current
        now = me.highlight(mine.id)
        assert now.note == f"{who}{n}" if what == "note" else now.category_id == me.categories()[n % 3].id
        read[who] = now.version
    # Every saved version is in the history, in order, none twice.
    saved = [r["version"] for r in wang.revisions(mine.id) if r["state"] == "saved"]
    assert saved == sorted(set(saved)) and saved[-1] == wang.highlight(mine.id).version


def _version(annotations: Annotations, highlight_id: int) -> int:
    """The stored version, read without telling the service (which would count it as read)."""
    sql = "SELECT version FROM highlight WHERE id = ?"
    return int(annotations.library.database.execute_sql(sql, (highlight_id,)).fetchone()[0])


def test_pages_and_issues_are_assigned_to_editors_with_who_assigned_them_and_when(tmp_path) -> None:
    from models.errors import DubaoError

    chief, [first, second] = library_with_pages(
        tmp_path, ("p1.txt", TWO_ARTICLES), ("p2.txt", "第二版\n\n    本报讯 价格平稳。\n")
    )
    editor = Library.open(chief.path)
    try:
        chief.preferred_author = "主编"
        issue_id = chief.issues()[0].id
        chief.assign_issue(issue_id, "李编辑")
        chief.assign([second], "  王  编辑 ")
        seen = editor.assignments()  # another connection sees both, with who assigned them and when
        assert {p: a.editor for p, a in seen.items()} == {first: "李编辑", second: "王 编辑"}
        assert {a.author for a in seen.values()} == {"主编"} and all(
            a.issue_id == issue_id for a in seen.values()
        )
        assert seen[second].created >= seen[first].created
        editor.assign([first], "", author="李编辑")  # given back
        assert list(chief.assignments(issue_id)) == [second]
        with pytest.raises(DubaoError, match="no page"):
            chief.assign([second, 10_000], "张")
        assert chief.assignments()[second].editor == "王 编辑"  # nothing half-written
        with pytest.raises(DubaoError):
            chief.assign([second], "名" * 101)
    finally:
        editor.close()
        chief.close()


def test_library_assign_on_the_command_line(tmp_path) -> None:
    import json
    import subprocess
    import sys

    from conftest import db_arg

    root = Path(__file__).resolve().parents[1]
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", TWO_ARTICLES))
    where = db_arg(library.path)
    library.close()

    def dubao(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, str(root / "main.py"), *args], capture_output=True, cwd=root, timeout=120
        )

    done = dubao("library", "assign", "李编辑", "--page", str(page_id), "--db", where, "--author", "主编")
    assert done.returncode == 0, done.stderr
    [line] = [json.loads(x) for x in done.stdout.decode().splitlines()]
    assert (line["page"], line["editor"], line["assigned_by"]) == (page_id, "李编辑", "主编")
    listed = dubao("library", "assignments", "--db", where)
    assert [json.loads(x)["editor"] for x in listed.stdout.decode().splitlines()] == ["李编辑"]
    for bad in (["--page", "99999", "张"], ["--page", str(page_id)], ["张"]):
        refused = dubao("library", "assign", *bad, "--db", where)
        assert refused.returncode == 2 and len(refused.stderr.decode().strip().splitlines()) == 1, (
            refused.stderr
        )
    dubao("library", "assign", "--nobody", "--page", str(page_id), "--db", where)
    assert dubao("library", "assignments", "--db", where).stdout == b""


SERIES = (("农资", "农业物资"), ("春耕", "春季耕作"))


def _series_texts(library: Library, page_id: int) -> str:
    return "\n".join(texts(library, page_id))


def test_two_series_corrections_at_once_on_one_page_are_both_kept_in_their_places(
    two_editors, monkeypatch
) -> None:
    """李 searches for a series; before 李's step writes, 王's series (lengthening words
    earlier in the same paragraphs) commits: both are kept, every word corrected once."""
    wang, li, page_id = two_editors
    (old_a, new_a), (old_b, new_b) = SERIES
    before = _series_texts(wang, page_id)
    found = type(li)._find

    def meanwhile(self, old, issue_id):
        out = found(self, old, issue_id)
        if self is li:
            wang.correct_all(old_a, new_a)
        return out

    monkeypatch.setattr(type(li), "_find", meanwhile)
    result = li.correct_all(old_b, new_b)
    assert result.occurrences == before.count(old_b)
    after = _series_texts(wang, page_id)
    assert after == before.replace(old_a, new_a).replace(old_b, new_b)
    authors = {(e.new, e.author, e.state) for e in wang.page_history(page_id)}
    assert authors == {(new_a, "王编辑", "in_force"), (new_b, "李编辑", "in_force")}


def test_two_correct_processes_at_once_are_both_kept(tmp_path) -> None:
    """The figure of issue 13, as a test: two ``main.py correct`` processes started together."""
    import subprocess
    import sys

    from conftest import db_arg

    root = Path(__file__).resolve().parents[1]
    pages = [(f"p{n}.txt", TWO_ARTICLES + f"\n第{n}版。\n") for n in range(1, 4)]
    library, page_ids = library_with_pages(tmp_path, *pages)
    before = {p: _series_texts(library, p) for p in page_ids}
    where = db_arg(library.path)
    library.close()
    runs = [
        subprocess.Popen(
            [sys.executable, str(root / "main.py"), "correct", old, new, "--db", where, "--author", who],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for (old, new), who in zip(SERIES, ("王", "李"), strict=True)
    ]
    outs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outs
    with Library.open(library.path) as again:
        for page_id in page_ids:
            want = before[page_id]
            for old, new in SERIES:
                want = want.replace(old, new)
            assert _series_texts(again, page_id) == want
