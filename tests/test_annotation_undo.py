"""Every annotation operation can be undone and redone, in any sequence, exactly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from annotation_pages import ASTRAL_PAGE, library_with, mark, sample_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.annotations.service import Annotations
from models.errors import DubaoError


def dump(annotations: Annotations) -> dict[str, list[tuple]]:
    """Everything annotation tables hold, as plain rows (what the user could ever see)."""
    db = annotations.library.database
    tables = {
        "category": "SELECT id, name, light_colour, dark_colour, position FROM category ORDER BY id",
        "highlight": 'SELECT id, uuid, page_id, section_id, start, "end", exact, category_id, deleted, '
        "anchor_state, updated FROM highlight ORDER BY id",
        "tag": "SELECT id, name, colour FROM tag ORDER BY id",
        "highlight_tag": "SELECT highlight_id, tag_id FROM highlight_tag ORDER BY highlight_id, tag_id",
        "note": "SELECT highlight_id, text FROM note ORDER BY highlight_id",
    }
    return {name: db.execute_sql(sql).fetchall() for name, sql in tables.items()}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("undo")
    annotations, page_ids = library_with(folder, ("astral.txt", ASTRAL_PAGE), ("sample.txt", sample_text()))
    yield annotations, page_ids
    annotations.library.close()


def _clean(annotations: Annotations) -> None:
    db = annotations.library.database
    for table in ("highlight_tag", "note", "highlight", "tag"):
        db.execute_sql(f"DELETE FROM {table}")
    db.execute_sql("DELETE FROM category WHERE id > 6")
    annotations.history.clear()


def test_each_operation_undoes_and_redoes(workspace) -> None:
    annotations, page_ids = workspace
    _clean(annotations)
    page = annotations.open_page(page_ids[0])
    steps: list[tuple[str, Callable[[], object]]] = []
    h = mark(annotations, page, "𠀀家庄", "地名", tags=["村"], note="一")
    tags = lambda: {t.name: t.id for t in annotations.tags()}  # noqa: E731
    steps = [
        ("create", lambda: mark(annotations, page, "高质量发展", "生词", tags=["新"], note="说明")),
        ("category", lambda: annotations.set_category(h.id, annotations.category_named("存疑").id)),
        ("note", lambda: annotations.set_note(h.id, "二")),
        ("note removed", lambda: annotations.set_note(h.id, "")),
        ("add tags", lambda: annotations.add_tags(h.id, ["甲", "乙"])),
        ("remove tag", lambda: annotations.remove_tags(h.id, ["甲"])),
        ("set tags", lambda: annotations.set_tags(h.id, ["丙"])),
        ("rename tag", lambda: annotations.rename_tag(tags()["丙"], "丁")),
        ("recolour tag", lambda: annotations.recolour_tag(tags()["丁"], "#102030")),
        ("merge tags", lambda: annotations.merge_tags(tags()["丁"], tags()["村"])),
        ("delete tag", lambda: annotations.delete_tag(tags()["乙"])),
        ("delete", lambda: annotations.delete(h.id)),
        ("restore", lambda: annotations.restore(h.id)),
        ("add category", lambda: annotations.add_category("术语", "#111111", "#222222")),
        ("edit category", lambda: annotations.update_category(1, name="错别字", dark_colour="#333333")),
        ("delete category", lambda: annotations.delete_category(annotations.category_named("术语").id)),
    ]
    for label, step in steps:
        before = dump(annotations)
        step()
        after = dump(annotations)
        assert after != before, label
        assert annotations.undo() is not None
        assert dump(annotations) == before, f"undo {label}"
        assert annotations.redo() is not None
        assert dump(annotations) == after, f"redo {label}"
    assert annotations.redo() is None


def test_a_deleted_highlight_comes_back_with_its_tags_and_note(workspace) -> None:
    annotations, page_ids = workspace
    _clean(annotations)
    page = annotations.open_page(page_ids[0])
    h = mark(annotations, page, "𠀀明", "人名", tags=["记者"], note="署名")
    annotations.delete(h.id)
    assert annotations.page_highlights(page_ids[0]) == []
    annotations.undo()
    assert annotations.page_highlights(page_ids[0]) == [annotations.highlight(h.id)]
    assert annotations.highlight(h.id).tags == ("记者",) and annotations.highlight(h.id).note == "署名"


OPS = st.lists(
    st.tuples(st.integers(0, 11), st.integers(0, 10_000), st.integers(0, 10_000), st.integers(0, 10_000)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(OPS)
def test_any_sequence_undoes_back_to_the_start_and_redoes_to_the_end(workspace, ops) -> None:
    annotations, page_ids = workspace
    _clean(annotations)
    page = annotations.open_page(page_ids[1])
    states = [dump(annotations)]
    names = ["甲", "乙", "丙", "𠀀"]
    for kind, a, b, c in ops:
        highlights = [h.id for h in annotations.page_highlights(page_ids[1])] + [
            h.id for h in annotations.page_highlights(page_ids[1], deleted=True)
        ]
        tag_ids = [t.id for t in annotations.tags()]
        cats = [x.id for x in annotations.categories()]
        pick = lambda seq, n: seq[n % len(seq)] if seq else 999_999  # noqa: E731
        before, label = dump(annotations), annotations.history.undo_label()
        try:
            if kind <= 2:
                section = a % len(page.texts)
                text = page.texts[section]
                start = b % max(1, len(text))
                end = start + 1 + c % 12
                annotations.create(page, section, start, end, pick(cats, c), tags=[pick(names, a)])
            elif kind == 3:
                annotations.set_category(pick(highlights, a), pick(cats, b))
            elif kind == 4:
                annotations.set_note(pick(highlights, a), ["", "注", "另一个注"][b % 3])
            elif kind == 5:
                annotations.add_tags(pick(highlights, a), [pick(names, b)])
            elif kind == 6:
                annotations.remove_tags(pick(highlights, a), [pick(names, b)])
            elif kind == 7:
                annotations.delete(pick(highlights, a))
            elif kind == 8:
                annotations.restore(pick(highlights, a))
            elif kind == 9:
                annotations.rename_tag(pick(tag_ids, a), pick(names, b) + str(c % 2))
            elif kind == 10:
                annotations.merge_tags(pick(tag_ids, a), pick(tag_ids, b))
            else:
                annotations.recolour_tag(pick(tag_ids, a), f"#{c % 256:02x}{b % 256:02x}40")
        except DubaoError:
            # A refused operation changes nothing and leaves nothing to undo.
            assert dump(annotations) == before and annotations.history.undo_label() == label
            continue
        after = dump(annotations)
        if after != before:
            states.append(after)
    for state in reversed(states[:-1]):
        assert annotations.undo() is not None
        assert dump(annotations) == state
    assert annotations.undo() is None
    for state in states[1:]:
        assert annotations.redo() is not None
        assert dump(annotations) == state
