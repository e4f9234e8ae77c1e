"""The import's shortcuts (issue 11) decide as the plain way does: a file said to hold no
correction without parsing it again holds none; a snapshot read with SQL written by hand is
the one peewee reads."""

from __future__ import annotations

import json
from pathlib import Path

from annotation_pages import ASTRAL_PAGE, library_with, mark
from hypothesis import given
from hypothesis import strategies as st

from models.proofreading.exchange import _surely_none, correction_items

words = st.sampled_from(["editing", "highlighting", "commenting", "edit", "编辑", "\u0000", "é"])
annotations = st.fixed_dictionaries(
    {"type": st.just("Annotation"), "motivation": words | st.lists(words, max_size=2)},
    optional={"body": st.text(max_size=8) | words},
)


@given(
    items=st.lists(annotations, max_size=4),
    ascii_only=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", None]),
    wrapped=st.booleans(),
)
def test_a_file_said_to_hold_no_correction_holds_none(items, ascii_only, encoding, wrapped) -> None:
    doc = (
        {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": items}}
        if wrapped
        else items
    )
    text = json.dumps(doc, ensure_ascii=ascii_only)
    data: bytes | str = text if encoding is None else text.encode(encoding)
    if _surely_none(data):
        assert correction_items(data) == []
    if any(i["motivation"] == "editing" or "editing" in i["motivation"] for i in items):
        assert not _surely_none(data)


def test_snapshots_read_by_hand_are_what_peewee_reads(tmp_path: Path) -> None:
    from models.annotations.history import snapshot_highlights
    from models.library.schema import Highlight, HighlightTag, Note

    annotations, page_ids = library_with(tmp_path, ("astral.txt", ASTRAL_PAGE))
    try:
        page = annotations.open_page(page_ids[0])
        ids = [
            mark(annotations, page, "𠀀家庄", "地名", tags=["村", "庄"], note="第一\n\n第二").id,
            mark(annotations, page, "示范区", "要点").id,
        ]
        annotations.delete(ids[1])
        with annotations.library.database.atomic():
            states = snapshot_highlights([*ids, 999])
            assert states[999] is None
            for hid in ids:
                state = states[hid]
                assert state["row"] == Highlight.select().where(Highlight.id == hid).dicts().get()
                assert state["tags"] == {
                    t
                    for (t,) in HighlightTag.select(HighlightTag.tag)
                    .where(HighlightTag.highlight == hid)
                    .tuples()
                }
                note = list(Note.select().where(Note.highlight == hid).dicts())
                assert state["note"] == (note[0] if note else None)
        assert states[ids[0]]["note"]["text"] == "第一\n\n第二"
        assert states[ids[1]]["row"]["deleted"] is True
    finally:
        annotations.library.close()
