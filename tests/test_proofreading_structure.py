"""Editors correct structure: paragraphs, roles, articles, kinds, reading order; keyed by raw offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from proofreading_pages import TWO_ARTICLES, find, library_with_pages, texts

import models.parser
from models.errors import DubaoError
from models.section import ParsedPage, Section

pytestmark = pytest.mark.engines


@pytest.fixture()
def page(tmp_path: Path):
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", TWO_ARTICLES))
    yield library, page_id
    library.close()


def blocks(library, page_id: int, section: int) -> list[str]:
    return texts(library, page_id)[section].split("\n")


def test_split_a_paragraph_at_the_cursor_and_join_it_back(page) -> None:
    library, page_id = page
    section, start, _ = find(library, page_id, "保障春耕")
    result = library.split_paragraph(page_id, section, start)
    [edit] = result.structure_edits
    assert (edit.kind, edit.value) == ("break", "yes")
    assert library.page(page_id).raw[edit.raw_start] == "保"  # keyed by the raw offset, not an ordinal
    assert blocks(library, page_id, section)[2:4] == [
        "农业农村部有关负责人表示，要确保农资供应不断档、不脱销，",
        "保障春耕生产顺利进行。",
    ]
    library.join_paragraph_with_next(page_id, section, start - 3)
    assert "不脱销，保障春耕" in blocks(library, page_id, section)[2]
    assert [e.state for e in library.structure_edits(page_id)] == ["in_force", "in_force"]


def test_a_paragraph_becomes_a_byline_and_body_again(page) -> None:
    library, page_id = page
    section, start, _ = find(library, page_id, "各地还组织")
    library.set_role(page_id, section, start, "byline")
    current = library.page(page_id).current_sections[section]
    assert current.byline is not None and current.byline.text.startswith("各地还组织")
    assert len(current.paragraphs) == 2
    # A byline is shown after the heading, before the body.
    assert blocks(library, page_id, section)[1].startswith("各地还组织")
    library.set_role(page_id, section, find(library, page_id, "各地还组织")[1], "body")
    current = library.page(page_id).current_sections[section]
    assert current.byline is None and current.paragraphs[-1].text.startswith("各地还组织")
    assert current.heading is not None and current.heading.text == "春耕时节农资足"
    with pytest.raises(DubaoError, match="role"):
        library.set_role(page_id, section, 1, "footnote")


def test_split_an_article_merge_it_back_set_its_kind_and_move_it(page) -> None:
    library, page_id = page
    section, start, _ = find(library, page_id, "各地还组织")
    library.split_section(page_id, section, start + 2)
    assert len(texts(library, page_id)) == 3
    assert texts(library, page_id)[1] == "各地还组织农技人员下乡，指导农民科学施肥用药。"
    library.set_section_kind(page_id, 1, "caption")
    assert [s.kind for s in library.page(page_id).sections] == ["article", "caption", "article"]
    library.move_section(page_id, 1, 2)
    assert texts(library, page_id)[2] == "各地还组织农技人员下乡，指导农民科学施肥用药。"
    assert library.page(page_id).sections[2].kind == "caption"
    library.move_section(page_id, 2, 0)
    assert texts(library, page_id)[0].startswith("各地还组织")
    with pytest.raises(DubaoError, match="a caption, the next section an article"):
        library.join_section_with_next(page_id, 0)  # only sections of one kind join
    library.set_section_kind(page_id, 0, "article")
    library.join_section_with_next(page_id, 0)
    # The joined section shows its heading first, then the body paragraphs in the order joined.
    assert len(texts(library, page_id)) == 2
    assert texts(library, page_id)[0].startswith(
        "春耕时节农资足\n各地还组织农技人员下乡，指导农民科学施肥用药。\n本报北京"
    )
    with pytest.raises(DubaoError, match="kind"):
        library.set_section_kind(page_id, 0, "advert")
    with pytest.raises(DubaoError, match="already starts"):
        library.split_section(page_id, 0, 0)


def test_structure_edits_undo_redo_and_revert_like_corrections(page) -> None:
    library, page_id = page
    before = texts(library, page_id)
    section, start, _ = find(library, page_id, "保障春耕")
    split = library.split_paragraph(page_id, section, start)
    after = texts(library, page_id)
    library.undo()
    assert texts(library, page_id) == before
    library.redo()
    assert texts(library, page_id) == after
    library.revert_structure_edit(split.structure_edits[0].id)
    assert texts(library, page_id) == before
    [entry] = library.page_history(page_id)
    assert (entry.what, entry.state) == ("break", "reverted")


def test_structure_edits_survive_a_reparse_by_a_newer_parser(page, monkeypatch) -> None:
    library, page_id = page
    section, start, _ = find(library, page_id, "保障春耕")
    library.split_paragraph(page_id, section, start)
    section, start, _ = find(library, page_id, "各地还组织")
    library.split_section(page_id, section, start)
    library.set_section_kind(page_id, 1, "caption")
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓")
    expected = texts(library, page_id)
    real = models.parser.parse_page

    def newer_parser(raw: str) -> ParsedPage:
        """A parser that reads the page differently: the first article's paragraphs in one, the
        order of the two articles swapped, the headings read as body text."""
        parsed = real(raw)
        first, second = parsed.sections
        from models.text import MappedText

        merged = Section(kind="article", paragraphs=[MappedText.join([*first.all_texts()])])
        other = Section(kind="other", paragraphs=second.all_texts())
        return ParsedPage(raw, [other, merged])

    monkeypatch.setattr(models.parser, "parse_page", newer_parser)
    library.reparse_page(page_id)
    now = texts(library, page_id)
    # The editors' paragraph split, article split and kind hold on the new parse.
    assert "各地还组织农技人员下乡，指导农民科学施肥用药。" in now
    assert [s.kind for s in library.page(page_id).sections].count("caption") == 1
    merged = next(t for t in now if t.startswith("春耕时节"))
    assert "不脱销，\n保障春耕生产" in merged
    assert any("紧抓工作落实" in t for t in now)  # corrections are raw offsets too
    assert now != expected  # the newer parser's reading shows where no edit overrides it


def test_an_edit_whose_words_a_newer_parser_no_longer_has_in_place_is_skipped_not_guessed(page) -> None:
    from models.proofreading.structure import StructureSpec, apply_structure

    parsed = models.parser.parse_page(TWO_ARTICLES)
    sections, skipped = apply_structure(parsed.sections, [StructureSpec("section", 999_999, 0, "no")])
    assert skipped == [0] and len(sections) == len(parsed.sections)


def test_a_reverted_structure_edit_is_reinstated_as_one_step_that_undo_takes_back(page) -> None:
    library, page_id = page
    before = texts(library, page_id)
    section, start, _ = find(library, page_id, "各地还组织")
    made = library.set_role(page_id, section, start, "byline").structure_edits[0]
    with_byline = texts(library, page_id)
    library.revert_structure_edit(made.id)
    assert texts(library, page_id) == before
    result = library.reinstate_structure_edit(made.id)
    assert result.changed and result.reverted_structure_edits == []
    assert texts(library, page_id) == with_byline
    [entry] = library.page_history(page_id)
    assert (entry.id, entry.what, entry.state) == (made.id, "role", "in_force")
    assert library.history.undo_label() == "reinstate structure edit"
    library.undo()
    assert texts(library, page_id) == before
    assert [e.state for e in library.page_history(page_id)] == ["reverted"]
    library.redo()
    assert texts(library, page_id) == with_byline
    # Reinstating an edit in force changes nothing and adds no step.
    assert not library.reinstate_structure_edit(made.id).changed
    assert library.history.undo_label() == "reinstate structure edit"
    with pytest.raises(DubaoError, match="no structure edit"):
        library.reinstate_structure_edit(10_000)


def test_reinstating_sets_aside_the_edit_in_force_that_says_otherwise_about_the_same_place(page) -> None:
    library, page_id = page
    section, start, _ = find(library, page_id, "各地还组织")
    byline = library.set_role(page_id, section, start, "byline").structure_edits[0]
    library.revert_structure_edit(byline.id)
    heading = library.set_role(page_id, section, find(library, page_id, "各地还组织")[1], "subheading")
    assert library.page(page_id).current_sections[section].subheading is not None
    result = library.reinstate_structure_edit(byline.id)
    # The newer subheading would win where both apply: it is set aside, and says so.
    assert result.reverted_structure_edits == [heading.structure_edits[0].id]
    current = library.page(page_id).current_sections[section]
    assert current.subheading is None and current.byline is not None
    assert current.byline.text.startswith("各地还组织")
    states = {e.id: e.state for e in library.page_history(page_id)}
    assert states == {byline.id: "in_force", heading.structure_edits[0].id: "reverted"}
    library.undo()
    assert library.page(page_id).current_sections[section].subheading is not None


def test_an_edit_whose_place_is_gone_stays_reverted_and_nothing_is_written(page) -> None:
    library, page_id = page
    section, start, _ = find(library, page_id, "各地还组织")
    library.split_section(page_id, section, start)
    join = library.join_section_with_next(page_id, section).structure_edits[0]
    library.revert_structure_edit(join.id)
    # Undo the split: the article the join named no longer starts there.
    split_id = next(
        e.id for e in library.page_history(page_id) if e.what == "section" and e.new.startswith("new")
    )
    library.revert_structure_edit(split_id)
    label = library.history.undo_label()
    before = texts(library, page_id)
    with pytest.raises(DubaoError, match="no longer has the place"):
        library.reinstate_structure_edit(join.id)
    assert texts(library, page_id) == before
    assert library.history.undo_label() == label
    assert {e.id: e.state for e in library.page_history(page_id)}[join.id] == "reverted"


def test_offsets_of_a_reinstated_edit_are_code_points_beyond_the_basic_plane(tmp_path: Path) -> None:
    wide = TWO_ARTICLES.replace("各地还组织", "𠀀𠀀各地还组织")
    library, [page_id] = library_with_pages(tmp_path, ("wide.txt", wide))
    try:
        section, start, _ = find(library, page_id, "各地还组织")
        made = library.split_paragraph(page_id, section, start).structure_edits[0]
        assert library.page(page_id).raw[made.raw_start] == "各"
        library.revert_structure_edit(made.id)
        library.reinstate_structure_edit(made.id)
        assert "𠀀𠀀\n各地还组织" in texts(library, page_id)[section]
    finally:
        library.close()


def test_enter_over_a_selection_deletes_it_and_splits_there_as_one_step(page) -> None:
    library, page_id = page
    before = texts(library, page_id)
    section, start, end = find(library, page_id, "，保障")
    library.split_paragraph(page_id, section, start, end=end)
    assert blocks(library, page_id, section)[2:4] == [
        "农业农村部有关负责人表示，要确保农资供应不断档、不脱销",
        "春耕生产顺利进行。",
    ]
    library.undo()  # one Ctrl+Z: the characters and the paragraph alike
    assert texts(library, page_id) == before
    library.redo()
    assert blocks(library, page_id, section)[3] == "春耕生产顺利进行。"
    library.undo()
    # From a paragraph's start there is nothing before to split from: only the deletion.
    section, start, end = find(library, page_id, "各地还")
    library.split_paragraph(page_id, section, start, end=end)
    assert blocks(library, page_id, section)[-1].startswith("组织农技人员")
    assert len(blocks(library, page_id, section)) == len(before[section].split("\n"))
    library.undo()
    # In a heading nothing is written: it is refused whole.
    section, start, end = find(library, page_id, "时节")
    with pytest.raises(DubaoError, match="one line"):
        library.split_paragraph(page_id, section, start, end=end)
    assert texts(library, page_id) == before
