"""The correction layer: a section's current text is its raw text plus the editors' corrections."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.errors import DubaoError
from models.library.corrections import Edit, check_edit, correct_sections, correct_texts, corrected_raw
from models.section import Section
from models.text import MappedText

ALPHABET = "报纸己已经𠀀ab \n"


@st.composite
def page_and_edits(draw: st.DrawFn, blank_free: bool = False) -> tuple[str, list[Edit]]:
    raw = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=40))
    edits = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(raw)))
        end = draw(st.integers(start, len(raw)))
        alphabet = ALPHABET.replace(" ", "").replace("\n", "") if blank_free else ALPHABET
        replacement = draw(st.text(alphabet=alphabet, min_size=0 if end > start else 1, max_size=4))
        edits.append(Edit(start, end, replacement))
    return raw, edits


@given(page_and_edits())
def test_through_an_identity_map_corrections_equal_editing_the_raw_text(case: tuple[str, list[Edit]]) -> None:
    raw, edits = case
    [text] = correct_texts([MappedText.from_raw(raw, 0, len(raw))], edits, len(raw))
    assert text.text == corrected_raw(raw, edits)
    assert all(0 <= offset < len(raw) for offset in text.source)


@given(page_and_edits(blank_free=True))
def test_through_a_reflowed_text_corrections_land_where_the_raw_edit_would(
    case: tuple[str, list[Edit]],
) -> None:
    """A reflowed paragraph drops line breaks and spaces; corrections still land in place."""
    raw, edits = case
    kept = [i for i, ch in enumerate(raw) if not ch.isspace()]
    reflowed = MappedText("".join(raw[i] for i in kept), kept)
    [text] = correct_texts([reflowed], edits, len(raw))
    assert text.text == "".join(corrected_raw(raw, edits).split())
    assert all(0 <= offset < len(raw) for offset in text.source)


@given(page_and_edits(blank_free=True), st.integers(1, 39))
def test_corrections_over_a_page_split_in_two_texts_lose_and_duplicate_nothing(
    case: tuple[str, list[Edit]], cut: int
) -> None:
    raw, edits = case
    kept = [i for i, ch in enumerate(raw) if not ch.isspace()]
    cut = min(cut, len(kept))
    first = MappedText("".join(raw[i] for i in kept[:cut]), kept[:cut])
    second = MappedText("".join(raw[i] for i in kept[cut:]), kept[cut:])
    corrected = correct_texts([first, second], edits, len(raw))
    if kept:
        assert "".join(t.text for t in corrected) == "".join(corrected_raw(raw, edits).split())


def test_an_ocr_error_across_a_line_break_is_fixed_in_the_reflowed_paragraph() -> None:
    raw = "本报讯 他己\n经来了。\n"
    paragraph = MappedText(
        "".join(ch for ch in raw if not ch.isspace()), [i for i, ch in enumerate(raw) if not ch.isspace()]
    )
    fix = Edit(raw.index("己"), raw.index("己") + 1, "已")
    [text] = correct_texts([paragraph], [fix], len(raw))
    assert text.text == "本报讯他已经来了。"
    assert text.source[text.text.index("已")] == raw.index("己")
    assert raw == "本报讯 他己\n经来了。\n"  # the raw text is never modified


def test_a_newer_overlapping_correction_replaces_the_older_one() -> None:
    raw = "发挥产业优势"
    edits = [Edit(2, 4, "产品"), Edit(3, 5, "业务")]
    assert corrected_raw(raw, edits) == "发挥产业务势"
    [text] = correct_texts([MappedText.from_raw(raw, 0, len(raw))], edits, len(raw))
    assert text.text == "发挥产业务势"


def test_an_insertion_between_paragraphs_opens_the_next_one() -> None:
    raw = "第一段。\n\n第二段。"
    first, second = MappedText.from_raw(raw, 0, 4), MappedText.from_raw(raw, 6, 10)
    one, two = correct_texts([first, second], [Edit(6, 6, "（续）")], len(raw))
    assert (one.text, two.text) == ("第一段。", "（续）第二段。")


def test_corrections_reach_every_field_of_every_section() -> None:
    raw = "引题己\n标题\n正文己经\n"
    sections = [
        Section(
            kicker=MappedText.from_raw(raw, 0, 3),
            heading=MappedText.from_raw(raw, 4, 6),
            paragraphs=[MappedText.from_raw(raw, 7, 11)],
        )
    ]
    edits = [Edit(2, 3, "已"), Edit(9, 10, "已")]
    [section] = correct_sections(sections, edits, len(raw))
    assert section.field_text("kicker") == "引题已"
    assert section.field_text("heading") == "标题"
    assert [p.text for p in section.paragraphs] == ["正文已经"]
    assert sections[0].field_text("kicker") == "引题己"


def test_a_correction_outside_the_page_is_refused() -> None:
    with pytest.raises(DubaoError, match="outside the page"):
        check_edit("报纸", Edit(1, 5, "x"))
    with pytest.raises(DubaoError, match="replace some text or insert"):
        check_edit("报纸", Edit(1, 1, ""))
