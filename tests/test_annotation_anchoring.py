"""Highlights stay on the right words after corrections and re-parses, or become unanchored."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE, library_with, locate, mark, sample_text

from models.annotations.finder import Filter
from models.library.schema import Correction

pytestmark = pytest.mark.engines


@pytest.fixture()
def annotated(tmp_path: Path):
    annotations, page_ids = library_with(tmp_path, ("sample.txt", sample_text()), ("astral.txt", ASTRAL_PAGE))
    yield annotations, page_ids
    annotations.library.close()


def words_at(annotations, page_id: int, highlight_id: int) -> str:
    """The words a highlight covers in the page's current text."""
    page = annotations.open_page(page_id)
    h = next(h for h in page.highlights if h.id == highlight_id)
    assert h.anchored
    return page.texts[page.section_index(h.section_id)][h.start : h.end]


def test_an_unchanged_page_opens_without_touching_its_highlights(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[0])
    h = mark(annotations, page, "金融办")
    again = annotations.open_page(page_ids[0])
    assert again.highlights == [h]
    assert not (again.placing.moved or again.placing.unanchored)


def test_text_added_before_a_highlight_moves_it_with_its_words(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[1])
    h = mark(annotations, page, "𠀀家庄", "地名")
    raw = page.content.raw
    at = raw.index("会议指出")
    annotations.library.add_correction(page_ids[1], at, at, "（新增的一句话。）")
    # The correction moved it in its own transaction: opening the page finds it in place.
    assert annotations.highlight(h.id).start == h.start + len("（新增的一句话。）")
    after = annotations.open_page(page_ids[1])
    assert after.placing.moved == []
    moved = after.highlights[0]
    assert moved.start == h.start + len("（新增的一句话。）")
    assert words_at(annotations, page_ids[1], h.id) == "𠀀家庄"


def test_a_correction_inside_the_quote_keeps_the_highlight_on_the_corrected_words(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[1])
    h = mark(annotations, page, "狠抓工作落实", "错字")
    raw = page.content.raw
    at = raw.index("狠抓") + 1
    annotations.library.add_correction(page_ids[1], at, at + 1, "拿")  # the editor's fix
    assert words_at(annotations, page_ids[1], h.id) == "狠拿工作落实"
    assert annotations.highlight(h.id).exact == "狠拿工作落实"


def test_a_repeated_phrase_keeps_the_occurrence_that_was_marked(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[1])
    # 示范区 is in the heading and twice in the body; the last one (推动示范区) is marked.
    section, start, end = locate(page, "示范区", nth=2)
    assert page.texts[section][start - 2 : end] == "推动示范区"
    h = annotations.create(page, section, start, end, annotations.categories()[5].id)
    earlier = page.content.raw.index("示范区召开城乡")
    annotations.library.add_correction(page_ids[1], earlier, earlier, "示范区示范区")
    after = annotations.open_page(page_ids[1])
    moved = after.highlights[0]
    assert (moved.id, moved.start, moved.end) == (h.id, start + 6, end + 6)
    assert after.texts[section][moved.start - 2 : moved.end] == "推动示范区"


def test_a_passage_cut_away_becomes_unanchored_listed_and_kept(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[1])
    kept = mark(annotations, page, "高质量发展")
    lost = mark(annotations, page, "各部门要加强协作", tags=["协作"], note="看这里")
    raw = page.content.raw
    cut_start = raw.index("会议要求")
    cut_end = raw.index("形成合力。") + len("形成合力。")
    correction = annotations.library.add_correction(page_ids[1], cut_start, cut_end, "")
    after = annotations.open_page(page_ids[1])
    assert after.placing.unanchored == [lost.id]
    assert [h.id for h in after.unanchored()] == [lost.id]
    gone = after.unanchored()[0]
    assert gone.exact == "各部门要加强协作" and gone.tags == ("协作",) and gone.note == "看这里"
    assert lost.id not in [h.id for i in range(len(after.texts)) for h in after.in_section(i)]
    assert annotations.find(Filter(anchoring="unanchored")) == [lost.id]
    assert words_at(annotations, page_ids[1], kept.id) == "高质量发展"
    # The passage comes back (the correction withdrawn): so does the highlight, on its words.
    Correction.delete().where(Correction.id == correction.id).execute()
    back = annotations.open_page(page_ids[1])
    assert back.placing.recovered == [lost.id]
    assert words_at(annotations, page_ids[1], lost.id) == "各部门要加强协作"


def test_a_reparse_replaces_sections_and_the_highlights_find_their_words(annotated) -> None:
    annotations, page_ids = annotated
    page = annotations.open_page(page_ids[0])
    marks = [mark(annotations, page, w) for w in ("金融办", "动员大会精", "远学扬州")]
    annotations.library.reparse_page(page_ids[0])
    # The old section rows are gone; the re-parse put each highlight on its words in the new ones.
    after = annotations.open_page(page_ids[0])
    assert all(h.section_id in after.section_ids for h in annotations.page_highlights(page_ids[0]))
    assert not (after.placing.moved or after.placing.unanchored)  # nothing left to place on opening
    for h in marks:
        assert words_at(annotations, page_ids[0], h.id) == h.exact
