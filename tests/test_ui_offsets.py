"""Code points (core) <-> UTF-16 (Qt): the converter the reader uses at every boundary."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.common.offsets import Utf16Map, utf16_length

# BMP CJK, ASCII, and astral CJK Extension B / emoji, mixed.
chars = st.one_of(
    st.sampled_from("中文报纸，。a1 \n"),
    st.sampled_from("𠀀𠀁𪚥😀"),
    st.characters(min_codepoint=0x20, max_codepoint=0x2FFFF, exclude_categories=("Cs",)),
)
texts = st.text(alphabet=chars, max_size=60)


def qt_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(texts)
def test_to_utf16_counts_what_qt_counts(text):
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        assert m.to_utf16(i) == qt_units(text[:i])
    assert utf16_length(text) == qt_units(text)


@given(texts)
def test_round_trip_and_positions_inside_a_pair(text):
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        assert m.to_code_point(m.to_utf16(i)) == i
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:  # the low surrogate's position still means this character
            assert m.to_code_point(m.to_utf16(i) + 1) == i


def test_astral_cjk_shifts_later_positions_by_one_unit_each():
    text = "𠀀报𠀀纸"
    m = Utf16Map(text)
    assert [m.to_utf16(i) for i in range(5)] == [0, 2, 3, 5, 6]
    assert m.span_to_utf16(3, 4) == (5, 6)
