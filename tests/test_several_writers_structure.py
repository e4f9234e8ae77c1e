"""Structure edits by several writers (issue 13): a split, join, role, article or reading-order
edit is made on the page as its editor saw it, and refused, like a correction, when a colleague
changed its place since. Two Library objects on one library, on a file and on the server.
"""

from __future__ import annotations

import pytest
from proofreading_pages import find, texts

from models.errors import EditConflict
from models.library.service import Library

pytestmark = pytest.mark.engines


def paragraphs(library: Library, page_id: int, section: int) -> list[str]:
    return texts(library, page_id)[section].split("\n")


def test_a_split_on_an_old_view_lands_where_its_editor_pointed_after_a_colleagues_edit_before_it(
    two_editors,
) -> None:
    wang, li, page_id = two_editors
    section, start, _ = find(wang, page_id, "狠抓")  # 王 reads the page, caret before 狠抓
    at = find(li, page_id, "示范区召开")
    li.correct(page_id, at[0], at[1], at[1], "焦作")  # 李 lengthens the article before that place
    wang.split_paragraph(page_id, section, start)
    now = paragraphs(li, page_id, section)
    assert any(p.startswith("狠抓工作落实") for p in now)
    assert any("焦作示范区召开" in p and p.endswith("问题导向，") for p in now)


def test_a_split_where_a_colleague_corrected_since_is_refused_and_kept_reverted(two_editors) -> None:
    wang, li, page_id = two_editors
    section, start, _ = find(wang, page_id, "狠抓")
    li.correct(page_id, *find(li, page_id, "狠抓"), "紧抓")
    with pytest.raises(EditConflict) as raised:
        wang.split_paragraph(page_id, section, start + 1)  # between 狠 and 抓, as 王 saw it
    assert raised.value.author == "李编辑" and "紧抓" in str(raised.value)
    assert any("导向，紧抓工作落实" in p for p in paragraphs(wang, page_id, section))  # not split
    [kept] = raised.value.kept
    entry = next(e for e in wang.page_history(page_id) if e.id == kept and e.what == "break")
    assert (entry.author, entry.state) == ("王编辑", "reverted")
    assert wang.undo() is None  # the refused edit is no step of 王's session
    wang.reinstate_structure_edit(kept)  # a decision, taken on the page as it is now
    # The break stands before 抓 of the OCR's text, which 李's 紧抓 replaced whole: it follows it.
    assert any(p.startswith("工作落实") for p in paragraphs(li, page_id, section))


def test_making_a_paragraph_a_heading_a_colleague_made_a_byline_since_is_refused(two_editors) -> None:
    wang, li, page_id = two_editors
    section, start, _ = find(wang, page_id, "与会人员")
    li.set_role(page_id, *find(li, page_id, "与会人员")[:2], "byline")
    with pytest.raises(EditConflict):
        wang.set_role(page_id, section, start, "subheading")
    roles = {(e.new, e.author, e.state) for e in li.page_history(page_id) if e.what == "role"}
    assert any(a == "李编辑" and s == "in_force" for _, a, s in roles)
    assert any(a == "王编辑" and s == "reverted" for _, a, s in roles)


def test_a_colleagues_typo_fix_inside_a_paragraph_does_not_stop_its_role_change(two_editors) -> None:
    wang, li, page_id = two_editors
    section, start, _ = find(wang, page_id, "与会人员")
    li.correct(page_id, *find(li, page_id, "先进经验"), "先进做法")
    wang.set_role(page_id, section, start, "subheading")
    content = li.page(page_id)
    assert content.current_sections[section].subheading.text.startswith("与会人员")
    assert "先进做法" in content.current_sections[section].subheading.text


def test_naming_an_article_a_colleague_named_otherwise_since_is_refused(two_editors) -> None:
    wang, li, page_id = two_editors
    texts(wang, page_id)  # 王 reads the page
    li.set_section_kind(page_id, 1, "other")
    with pytest.raises(EditConflict):
        wang.set_section_kind(page_id, 1, "caption")
    assert li.page(page_id).current_sections[1].kind == "other"


def test_an_editors_own_structure_steps_never_conflict(two_editors) -> None:
    wang, li, page_id = two_editors
    section, start, _ = find(wang, page_id, "狠抓")
    wang.split_paragraph(page_id, section, start)
    section, start, _ = find(wang, page_id, "狠抓")
    wang.join_paragraph_with_next(page_id, section, start - 1)
    section, start, _ = find(wang, page_id, "与会人员")
    wang.set_role(page_id, section, start, "subheading")
    section, start, _ = find(wang, page_id, "与会人员")
    wang.set_role(page_id, section, start, "body")
    assert any("导向，狠抓" in p for p in paragraphs(li, page_id, section))
    assert {e.author for e in li.page_history(page_id)} == {"王编辑"}
    assert {e.state for e in li.page_history(page_id) if e.what == "break"} == {"in_force"}
