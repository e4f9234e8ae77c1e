"""Marking passages: categories, highlights with code-point offsets, tags, notes, soft delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE, library_with, locate, mark, sample_text

from models.anchoring import CONTEXT_LENGTH, resolve
from models.annotations.categories import DEFAULT_CATEGORIES
from models.annotations.finder import Filter
from models.annotations.service import Annotations
from models.errors import DubaoError

pytestmark = pytest.mark.engines


@pytest.fixture()
def annotated(tmp_path: Path):
    annotations, page_ids = library_with(tmp_path, ("sample.txt", sample_text()), ("astral.txt", ASTRAL_PAGE))
    yield annotations, page_ids
    annotations.library.close()


def test_a_new_library_has_the_default_categories_on_keys_1_to_6(annotated) -> None:
    annotations, _ = annotated
    names = [c.name for c in annotations.categories()]
    assert names == ["错字", "存疑", "生词", "人名", "地名", "要点"]
    assert annotations.category_for_key(1).name == "错字"
    assert annotations.category_for_key(6).name == "要点"
    assert annotations.category_for_key(7) is None
    for category in annotations.categories():
        assert category.light_colour != category.dark_colour
        assert category.colour(dark=True) == category.dark_colour
    assert len({c.light_colour for c in DEFAULT_CATEGORIES}) == len(DEFAULT_CATEGORIES)


def test_categories_are_editable_and_bad_colours_refused(annotated) -> None:
    annotations, _ = annotated
    first = annotations.categories()[0]
    annotations.update_category(first.id, name="OCR错", light_colour="#FFEEDD")
    assert annotations.category(first.id).name == "OCR错"
    assert annotations.category(first.id).light_colour == "#ffeedd"
    with pytest.raises(DubaoError):
        annotations.update_category(first.id, dark_colour="red")
    with pytest.raises(DubaoError):
        annotations.add_category("存疑", "#111111", "#222222")
    added = annotations.add_category("术语", "#123456", "#654321")
    assert annotations.categories()[-1] == added
    moved = annotations.move_category(added.id, -6)  # to the top: key 1
    assert annotations.category_for_key(1).name == "术语" and [c.name for c in moved][1] == "OCR错"
    annotations.undo()
    assert annotations.category_for_key(1).name == "OCR错"


def test_a_highlight_on_astral_text_counts_code_points(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[1])
    section, start, end = locate(page, "𠀀家庄")
    text = page.texts[section]
    assert text[start:end] == "𠀀家庄"
    h = annotations.create(page, section, start, end, annotations.categories()[4].id)
    assert (h.start, h.end) == (start, end)
    assert h.exact == "𠀀家庄" and h.end - h.start == 3
    assert h.prefix == text[max(0, start - CONTEXT_LENGTH) : start]
    assert h.suffix == text[end : end + CONTEXT_LENGTH]
    assert len(h.prefix) == CONTEXT_LENGTH and len(h.suffix) == CONTEXT_LENGTH
    # What is stored is enough for the anchoring core to find the words again.
    selectors = [
        {"type": "TextQuoteSelector", "exact": h.exact, "prefix": h.prefix, "suffix": h.suffix},
        {"type": "TextPositionSelector", "start": h.start, "end": h.end},
    ]
    assert resolve(text, selectors) == (start, end)
    assert annotations.open_page(page_ids[1]).highlights == [h]


def test_bad_spans_are_refused_with_a_reason(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[0])
    cat = annotations.categories()[0].id
    with pytest.raises(DubaoError):
        annotations.create(page, 0, 5, 5, cat)
    with pytest.raises(DubaoError):
        annotations.create(page, 0, 0, len(page.texts[0]) + 1, cat)
    with pytest.raises(DubaoError):
        annotations.create(page, len(page.texts), 0, 1, cat)
    with pytest.raises(DubaoError):
        annotations.create(page, 0, 0, 1, 9999)
    assert annotations.page_highlights(page_ids[0]) == []


def test_overlapping_and_nested_highlights_are_all_kept(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[0])
    outer = mark(annotations, page, "近学许昌、远学扬州", "要点")
    inner = mark(annotations, page, "许昌", "地名")
    again = annotations.open_page(page_ids[0])
    assert {h.id for h in again.highlights} == {outer.id, inner.id}
    section = again.section_index(outer.section_id)
    assert {h.id for h in again.in_section(section)} == {outer.id, inner.id}


def test_tags_and_notes(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[0])
    h = mark(annotations, page, "示范区", tags=["焦作", "会议", "焦作"], note="第一句")
    assert annotations.highlight(h.id).tags == ("会议", "焦作")
    assert annotations.highlight(h.id).note == "第一句"
    annotations.add_tags(h.id, ["河南"])
    annotations.remove_tags(h.id, ["会议"])
    annotations.set_note(h.id, "改过的说明\n第二行")
    got = annotations.highlight(h.id)
    assert got.tags == ("河南", "焦作") and got.note == "改过的说明\n第二行"
    annotations.set_note(h.id, "  ")
    assert annotations.highlight(h.id).note == ""
    assert annotations.tag_names("焦") == ["焦作"]
    assert {t.name: t.count for t in annotations.tags()} == {"会议": 0, "河南": 1, "焦作": 1}


def test_deleting_is_soft_and_restorable(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[0])
    h = mark(annotations, page, "示范区", tags=["焦作"])
    annotations.delete(h.id)
    assert annotations.page_highlights(page_ids[0]) == []
    assert [d.id for d in annotations.page_highlights(page_ids[0], deleted=True)] == [h.id]
    assert {t.name: t.count for t in annotations.tags()} == {"焦作": 0}
    annotations.restore(h.id)
    assert [x.id for x in annotations.page_highlights(page_ids[0])] == [h.id]


def test_tag_manager_renames_merges_and_recolours(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[0])
    a = mark(annotations, page, "示范区", tags=["会议"])
    b = mark(annotations, page, "许昌", tags=["会 议", "地方"])
    tags = {t.name: t for t in annotations.tags()}
    renamed = annotations.rename_tag(tags["会 议"].id, "会议记录")
    assert renamed.name == "会议记录" and renamed.count == 1
    with pytest.raises(DubaoError, match="merge"):
        annotations.rename_tag(tags["地方"].id, "会议")
    merged = annotations.merge_tags(renamed.id, tags["会议"].id)
    assert merged.count == 2
    assert [t.name for t in annotations.tags()] == ["会议", "地方"]
    assert annotations.highlight(a.id).tags == ("会议",)
    assert annotations.highlight(b.id).tags == ("会议", "地方")
    annotations.recolour_tag(tags["地方"].id, "#00AA00")
    assert annotations.tag_named("地方").colour == "#00aa00"
    with pytest.raises(DubaoError):
        annotations.recolour_tag(tags["地方"].id, "green")


def test_the_panel_filters_by_page_category_tag_text_and_date(annotated) -> None:
    annotations, page_ids = annotated
    sample = annotations.open_page(page_ids[0])
    astral = annotations.open_page(page_ids[1])
    a = mark(annotations, sample, "示范区", "要点", tags=["会议"])
    b = mark(annotations, sample, "许昌", "地名", note="河南省的城市")
    c = mark(annotations, astral, "𠀀家庄", "地名", tags=["会议"])
    d = mark(annotations, astral, "高质量发展", "生词")
    place = annotations.category_named("地名").id
    meeting = annotations.tag_named("会议").id

    assert set(annotations.find(Filter())) == {a.id, b.id, c.id, d.id}
    assert annotations.find(Filter(page_id=page_ids[0])) == [a.id, b.id]
    assert set(annotations.find(Filter(category_ids=frozenset({place})))) == {b.id, c.id}
    assert set(annotations.find(Filter(tag_ids=frozenset({meeting})))) == {a.id, c.id}
    assert annotations.find(Filter(text="河南")) == [b.id]  # in the note
    assert annotations.find(Filter(text="家庄")) == [c.id]  # in the quote
    assert annotations.find(Filter(text="100%")) == []  # % is a character, not a wildcard
    day = a.created.date()
    assert len(annotations.find(Filter(since=day, until=day))) == 4
    from datetime import timedelta

    assert annotations.find(Filter(since=day + timedelta(days=1))) == []
    annotations.delete(d.id)
    assert d.id not in annotations.find(Filter())
    assert annotations.find(Filter(deleted=True)) == [d.id]


def test_sorting_by_reading_order_and_by_time(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[0])
    later_words = mark(annotations, page, "金融办")
    earlier_words = mark(annotations, page, "近学许昌、远学扬州")
    ids = annotations.find(Filter(page_id=page_ids[0]))
    assert ids == [earlier_words.id, later_words.id]
    assert annotations.find(Filter(page_id=page_ids[0], sort="created")) == [later_words.id, earlier_words.id]
    newest_first = annotations.find(Filter(page_id=page_ids[0], sort="created", descending=True))
    assert newest_first == [earlier_words.id, later_words.id]
    records = annotations.records(ids)
    assert [r.exact for r in records] == ["近学许昌、远学扬州", "金融办"]
    assert records[0].page_label


def test_listeners_hear_what_changed_after_commit(annotated) -> None:
    annotations, page_ids = annotated
    heard = []
    annotations.subscribe(heard.append)
    page = annotations.open_page(page_ids[0])
    h = mark(annotations, page, "示范区", tags=["x"])
    assert heard[-1].highlight_ids == {h.id} and heard[-1].page_ids == {page_ids[0]} and heard[-1].tags
    annotations.undo()
    assert heard[-1].page_ids == {page_ids[0]}
    assert annotations.page_highlights(page_ids[0]) == []


def test_a_library_reopened_keeps_every_annotation(tmp_path: Path) -> None:
    annotations, page_ids = library_with(tmp_path, ("astral.txt", ASTRAL_PAGE))
    page = annotations.open_page(page_ids[0])
    h = mark(annotations, page, "𠀀明", "人名", tags=["记者"], note="署名")
    annotations.library.close()
    again = Annotations.open(tmp_path / "library.sqlite3")
    assert again.open_page(page_ids[0]).highlights == [h]
    assert [c.name for c in again.categories()].count("人名") == 1
    again.library.close()
