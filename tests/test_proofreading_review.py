"""Reviewing proofreading: diffs (raw vs current, then vs now) and what the checker learns."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from proofreading_pages import TWO_ARTICLES, find, library_with_pages, texts

from models.errors import DubaoError
from models.library.schema import utc_now
from models.proofreading.knowledge import corrected_pieces

pytestmark = pytest.mark.engines


@pytest.fixture()
def page(tmp_path: Path):
    library, [page_id] = library_with_pages(tmp_path, ("p1.txt", TWO_ARTICLES))
    yield library, page_id
    library.close()


def test_the_diff_of_raw_against_current_text_shows_each_correction_per_section(page) -> None:
    library, page_id = page
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓")
    library.correct(page_id, *find(library, page_id, "总体"), "")
    diff = library.diff_raw(page_id)
    assert [d.changed for d in diff] == [True, True]
    changes = [(op.op, op.old, op.new) for d in diff for op in d.ops if op.op != "equal"]
    assert sorted(changes) == [("delete", "总体", ""), ("replace", "狠", "紧")]
    # Applying the ops to the old text gives the current text.
    for d, now in zip(diff, texts(library, page_id), strict=True):
        assert "".join(op.new for op in d.ops) == now


def test_the_diff_of_the_ocr_text_against_now_shows_structure_edits_too(page) -> None:
    """A split paragraph and a paragraph made a subheading change what the page reads; the diff
    from the OCR text said "reads as the OCR read it" because it compared after structure edits."""
    library, page_id = page
    section, start, _ = find(library, page_id, "保障春耕")
    library.split_paragraph(page_id, section, start)
    library.set_role(page_id, section, find(library, page_id, "各地还组织")[1], "subheading")
    diff = library.diff_raw(page_id)
    assert any(d.changed for d in diff)
    changes = [(op.old, op.new) for d in diff for op in d.ops if op.op != "equal"]
    assert ("", "\n") in changes  # the break put in
    moved = "各地还组织农技人员下乡，指导农民科学施肥用药。"
    assert any(moved in new for _, new in changes) and any(moved in old for old, _ in changes)
    for d, now in zip(diff, texts(library, page_id), strict=True):
        assert "".join(op.new for op in d.ops) == now


def test_the_diff_between_two_moments_shows_only_what_changed_in_between(page) -> None:
    library, page_id = page
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓")
    time.sleep(0.01)
    moment = utc_now()
    time.sleep(0.01)
    library.correct(page_id, *find(library, page_id, "示范区"), "示范园区")
    section, start, _ = find(library, page_id, "保障春耕")
    library.split_paragraph(page_id, section, start)
    then = library.texts_at(page_id, moment)
    assert "紧抓" in then[1] and "示范园区" not in then[1] and "\n保障春耕" not in then[0]
    assert library.texts_at(page_id) == texts(library, page_id)
    diff = library.diff_between(page_id, moment)
    changes = [(op.op, op.old, op.new) for d in diff for op in d.ops if op.op != "equal"]
    assert sorted(changes) == [("insert", "", "\n"), ("insert", "", "园")]
    # A revert after the moment shows as the correction going away.
    first = library.page_history(page_id)[-1]
    library.revert_correction(first.id)
    assert ("replace", "紧", "狠") in [
        (op.op, op.old, op.new) for d in library.diff_between(page_id, moment) for op in d.ops
    ]


def test_corrected_pairs_word_list_and_dismissals_are_what_the_checker_reads(page) -> None:
    library, page_id = page
    library.correct_all("农资", "农姿")
    library.correct(page_id, *find(library, page_id, "狠抓"), "紧抓")
    reverted = library.correct(page_id, *find(library, page_id, "坚持"), "坚守")
    library.revert_batch(reverted.batch_id)
    library.add_word("王小明")
    library.add_word("王小明")
    library.dismiss_flag(page_id, 10, 12, "unknown", "李华")
    library.dismiss_flag(page_id, 10, 12, "unknown", "李华")
    knowledge = library.checker_knowledge()
    assert knowledge.words == ["王小明"]
    assert knowledge.corrected_pairs == {("资", "姿"): 3, ("狠", "紧"): 1}
    assert knowledge.dismissed == {("李华", "unknown"): 1}
    assert library.dismissed_flags(page_id) == [(10, 12, "unknown", "李华")]
    library.undismiss_flag(page_id, 10, 12, "unknown")
    library.remove_word("王小明")
    assert library.checker_knowledge().words == [] and library.checker_knowledge().dismissed == {}
    with pytest.raises(DubaoError):
        library.add_word("两 个")


def test_check_db_and_the_window_learn_the_same_pairs_across_line_breaks_and_astral_characters(
    tmp_path: Path,
) -> None:
    """The pairs are read from the characters each correction covers (code points, as stored),
    not from the page's whole text: across an OCR line break, after a character outside the BMP."""
    from conftest import db_arg

    from models.library.proofreading import proofreading_knowledge

    library, [first, astral] = library_with_pages(
        tmp_path, ("p1.txt", TWO_ARTICLES), ("p2.txt", "𠀀城日报\n\n    本报讯 𠀀城新闻𠀀城新闻。\n")
    )
    try:
        library.correct(first, *find(library, first, "春耕生产"), "春耕𠀀产")  # raw 生\n产
        section, start, end = find(library, astral, "城新闻")
        library.correct(astral, section, start, start + 1, "成")
        library.correct(astral, section, end, end, "报")  # an insertion: nothing was read
        learnt = library.learnt_knowledge()
        assert learnt.corrected == {("生", "𠀀"): 1, ("城", "成"): 1, ("", "报"): 1}
    finally:
        library.close()
    assert proofreading_knowledge(db_arg(tmp_path / "library.sqlite3")) == learnt


def test_corrected_pieces_pair_characters_where_lengths_agree() -> None:
    assert corrected_pieces("己经", "已经") == [("己", "已")]
    assert corrected_pieces("人民日报", "人民日报") == []
    assert corrected_pieces("入民曰报", "人民日报") == [("入", "人"), ("曰", "日")]
    assert corrected_pieces("(记者", "（记者") == [("(", "（")]
    assert corrected_pieces("发 展", "发展") == [(" ", "")]


def test_dismissing_a_flag_is_a_step_that_undo_takes_back_and_redo_makes_again(page) -> None:
    library, page_id = page
    heard = []
    library.subscribe(heard.append)
    library.dismiss_flag(page_id, 10, 12, "unknown", "农资")
    assert library.dismissed_flags(page_id) == [(10, 12, "unknown", "农资")]
    assert library.history.undo_label() == "dismiss flag"
    assert heard and heard[-1].page_ids() == {page_id} and not heard[-1].text_page_ids()
    library.dismiss_flag(page_id, 10, 12, "unknown", "农资")  # again: no second step
    library.undo()
    assert library.dismissed_flags(page_id) == []
    assert not library.can_undo()
    assert heard[-1].page_ids() == {page_id}
    library.redo()
    assert library.dismissed_flags(page_id) == [(10, 12, "unknown", "农资")]
    library.undo()
    assert library.checker_knowledge().dismissed == {}  # the checker no longer weighs it less


def test_add_to_dictionary_is_a_step_undo_takes_out_and_the_window_checker_learns_it(page) -> None:
    library, page_id = page
    heard = []
    library.subscribe(lambda command: heard.append(command.kinds()))
    assert library.add_dictionary_word(" 邱小军 ")
    assert library.words() == ["邱小军"] and heard[-1] == {"library_word"}
    assert library.history.undo_label() == "add to dictionary"
    assert not library.add_dictionary_word("邱小军")  # there already: no second step
    assert "邱小军" in library.learnt_knowledge().words
    library.undo()
    assert library.words() == [] and "邱小军" not in library.learnt_knowledge().words
    library.redo()
    assert library.words() == ["邱小军"]
    with pytest.raises(DubaoError):
        library.add_dictionary_word("邱 小军")
    with pytest.raises(DubaoError):
        library.add_dictionary_word("   ")
    # What editors dismissed weighs against the same text later, in the window as in check --db.
    section, start, end = find(library, page_id, "狠抓")
    raw_start, raw_end = library.raw_span(page_id, section, start, end)
    library.dismiss_flag(page_id, raw_start, raw_end, "unknown", "狠抓")
    assert library.learnt_knowledge().dismissed == {("狠抓", None): 1}


def test_a_role_in_the_history_quotes_its_own_paragraph_only(tmp_path: Path) -> None:
    """Page History listed a byline made of 本报记者 韩俊杰 as 「本报记者韩俊杰初」: the quote ran
    on into the paragraph after it (初春时节…)."""
    page = "春耕时节农资足\n\n本报记者 韩俊杰\n初春时节，地处皖北地区的涡阳县，绿油油的田野里充满\n希望。\n"
    library, [page_id] = library_with_pages(tmp_path, ("p.txt", page))
    try:
        section, start, _ = find(library, page_id, "本报记者")
        library.set_role(page_id, section, start, "byline")
        [entry] = library.page_history(page_id)
        assert entry.where == "本报记者韩俊杰" and "初" not in entry.new
        assert "本报记者韩俊杰" in entry.new
    finally:
        library.close()
