"""Pages come back from the library exactly as the parser made them, source maps included."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_path
from hypothesis import given
from hypothesis import strategies as st

from models.library import sourcemap
from models.library.service import Library
from models.page_file import read_page_file
from models.parser import parse_page

pytestmark = pytest.mark.engines

ASTRAL_PAGE = "𠀀𠀁报 头\n\n本报讯 𠀀字在\n行首𠀀与行尾𠀀\n\niPhone 15 与 𠀂\n"


@given(st.lists(st.integers(min_value=0, max_value=10**7), max_size=300))
def test_a_stored_source_map_decodes_to_the_same_offsets(source: list[int]) -> None:
    assert sourcemap.decode(sourcemap.encode(source)) == source


def test_a_reflowed_line_stores_as_one_run_per_raw_line() -> None:
    raw = "立春时节，各地春耕备耕正有序\n开展。在做好疫情防控工作的同时，\n"
    source = [i for i, ch in enumerate(raw) if ch != "\n"]
    assert sourcemap.to_runs(source) == [[0, 14], [15, 16]]


def test_every_dev_page_round_trips_through_the_library(library: Library) -> None:
    folder = shared_path("data", "pages-dev")
    report = library.import_paths([folder])
    assert report.pages_added == 20
    [issue] = library.issues()
    pages = library.pages(issue.id)
    for info in pages:
        content = library.page(info.id)
        raw = read_page_file(info.source_path).raw
        assert content.raw == raw
        assert content.sections == parse_page(raw).sections, info.name
        for section in content.sections:
            for text in section.all_texts():
                assert all(
                    raw[o] == ch for ch, o in zip(text.text, text.source, strict=True) if not ch.isspace()
                )


def test_astral_characters_keep_their_code_point_offsets(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "astral.txt"
    path.write_text(ASTRAL_PAGE, encoding="utf-8")
    library.import_paths([path])
    [issue] = library.issues()
    [info] = library.pages(issue.id)
    content = library.page(info.id)
    assert content.raw == ASTRAL_PAGE
    assert content.sections == parse_page(ASTRAL_PAGE).sections
    texts = [t for s in content.sections for t in s.all_texts()]
    for text in texts:
        for ch, offset in zip(text.text, text.source, strict=True):
            if not ch.isspace():
                assert ASTRAL_PAGE[offset] == ch
    # The raw offsets of the astral characters are code points, not UTF-16 units.
    all_offsets = {o for t in texts for ch, o in zip(t.text, t.source, strict=True) if ch == "𠀀"}
    assert all_offsets == {i for i, ch in enumerate(ASTRAL_PAGE) if ch == "𠀀"}


def test_a_page_lists_its_corrections_and_derives_its_current_text(library: Library, tmp_path: Path) -> None:
    raw = "他己\n经来了，𠀀在\n这里。\n"
    path = tmp_path / "page.txt"
    path.write_text(raw, encoding="utf-8")
    report = library.import_paths([path])
    page_id = report.page_ids[0]
    original = library.page(page_id).sections
    library.add_correction(page_id, raw.index("己"), raw.index("己") + 1, "已", author="编辑")
    content = library.page(page_id)
    assert content.raw == raw
    assert content.sections == original
    [correction] = content.corrections
    assert (correction.replacement, correction.author) == ("已", "编辑")
    current_text = "".join(p.text for s in content.current_sections for p in s.paragraphs)
    assert "他已经来了" in current_text
    assert "他己经" not in current_text
    library.close()
    reopened = Library.open(library.path)
    try:
        again = reopened.page(page_id)
        assert again.current_sections == content.current_sections
    finally:
        reopened.close()


def test_a_page_parsed_by_an_older_parser_can_be_parsed_again(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.parser
    from models.library.schema import Category, Highlight
    from models.section import ParsedPage, Section
    from models.text import MappedText

    raw = "扎实抓好春季农业生产\n\n立春时节，各地春耕备耕正有序\n开展。确保粮食\n等重要农产品稳产保供。\n"
    path = tmp_path / "page.txt"
    path.write_text(raw, encoding="utf-8")

    def old_parser(text: str) -> ParsedPage:  # everything one paragraph, line breaks kept
        return ParsedPage(raw=text, sections=[Section(paragraphs=[MappedText.from_raw(text, 0, len(text))])])

    with monkeypatch.context() as patch:
        patch.setattr(models.parser, "parse_page", old_parser)
        patch.setattr(models.parser, "PARSER_VERSION", "old", raising=False)
        page_id = library.import_paths([path]).page_ids[0]
    old = library.page(page_id)
    category = Category.create(name="要点", light_colour="#ff0", dark_colour="#660")
    Highlight.create(
        uuid="h-1", page=page_id, section=old.section_ids[0], start=0, end=2, exact="扎实", category=category
    )
    assert library.search("有序开展") == []  # the old paragraph kept its line break

    assert library.stale_pages() == [page_id]
    fresh = library.reparse_page(page_id)
    assert fresh.raw == raw
    assert fresh.sections == parse_page(raw).sections
    assert library.stale_pages() == []
    assert [h.match for h in library.search("有序开展")] == ["有序开展"]
    highlight = Highlight.get(Highlight.uuid == "h-1")
    # The re-parse placed the highlight on its words in the new sections (issue 9).
    from models.annotations.texts import section_text

    section = fresh.section_ids.index(highlight.section_id)
    assert section_text(fresh.current_sections[section])[highlight.start : highlight.end] == "扎实"
    assert (highlight.exact, highlight.anchor_state) == ("扎实", "anchored")
