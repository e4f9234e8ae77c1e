"""Recording a highlight as W3C selectors: quote with 32-code-point context, position, hash."""

from __future__ import annotations

import pytest

from models.anchoring import CONTEXT_LENGTH, make_anchor, read_selectors, text_hash
from models.errors import DubaoError

# 45 characters, two of them astral (CJK Extension B): two UTF-16 units each, one code point.
TEXT = "本报讯 𠀀示范区召开“近学许昌、远学扬州”动员大会，会议强调要毫不放松抓好各项工作𠀀落实。"


def test_context_is_32_code_points_in_the_middle_of_a_long_text() -> None:
    text = "甲" * 40 + "要点" + "乙" * 40
    anchor = make_anchor(text, 40, 42)
    assert anchor.exact == "要点"
    assert anchor.prefix == "甲" * CONTEXT_LENGTH
    assert anchor.suffix == "乙" * CONTEXT_LENGTH
    assert (anchor.start, anchor.end) == (40, 42)


def test_context_stops_at_the_edges_of_the_text() -> None:
    at_start = make_anchor(TEXT, 0, 3)
    assert at_start.prefix == ""
    assert at_start.suffix == TEXT[3:35]
    near_start = make_anchor(TEXT, 5, 8)
    assert near_start.prefix == TEXT[:5]
    at_end = make_anchor(TEXT, len(TEXT) - 3, len(TEXT))
    assert at_end.suffix == ""
    assert at_end.prefix == TEXT[len(TEXT) - 35 : len(TEXT) - 3]


def test_an_astral_character_counts_as_one_code_point() -> None:
    start = TEXT.index("示范区")
    assert start == 5  # 本报讯, space, 𠀀: the astral character is one offset
    anchor = make_anchor(TEXT, start - 1, start + 3)
    assert anchor.exact == "𠀀示范区"
    assert len(anchor.prefix) == 4 and anchor.prefix.endswith(" ")
    # 32 code points of suffix, although one of them takes two UTF-16 units.
    end = TEXT.index("落实") - 10
    wide = make_anchor(TEXT, 4, end)
    assert wide.suffix == TEXT[end : end + 32]
    assert len(wide.suffix) == min(32, len(TEXT) - end)
    assert "𠀀" in wide.suffix


def test_w3c_selectors_carry_quote_and_position() -> None:
    anchor = make_anchor(TEXT, 5, 8)
    quote, position = anchor.to_w3c()
    assert quote == {"type": "TextQuoteSelector", "exact": "示范区", "prefix": TEXT[:5], "suffix": TEXT[8:40]}
    assert position == {"type": "TextPositionSelector", "start": 5, "end": 8}
    read = read_selectors(anchor.to_w3c())
    assert (read.exact, read.prefix, read.suffix, read.start, read.end) == (
        "示范区",
        TEXT[:5],
        TEXT[8:40],
        5,
        8,
    )


def test_the_hash_identifies_the_text_it_was_made_on() -> None:
    anchor = make_anchor(TEXT, 5, 8)
    assert anchor.text_hash == text_hash(TEXT)
    assert anchor.text_hash != text_hash(TEXT.replace("己", "已").replace("许昌", "许 昌"))


@pytest.mark.parametrize(("start", "end"), [(3, 3), (5, 2), (-1, 2), (0, len(TEXT) + 1)])
def test_an_empty_or_impossible_span_is_refused(start: int, end: int) -> None:
    with pytest.raises(DubaoError, match="span"):
        make_anchor(TEXT, start, end)


@pytest.mark.parametrize(
    ("selectors", "reason"),
    [
        ("示范区", "must be a list"),
        ([{"type": "TextQuoteSelector"}], "no 'exact'"),
        ([{"type": "TextQuoteSelector", "exact": ""}], "empty"),
        ([{"type": "TextQuoteSelector", "exact": 3}], "must be a string"),
        ([{"type": "TextPositionSelector", "start": 5, "end": 2}], "before it starts"),
        ([{"type": "TextPositionSelector", "start": -1, "end": 2}], "non-negative"),
        ([{"type": "CssSelector", "value": "p"}], "no TextQuoteSelector"),
        ([7], "must be an object"),
    ],
)
def test_unreadable_selectors_give_a_one_line_reason(selectors: object, reason: str) -> None:
    with pytest.raises(DubaoError, match=reason) as caught:
        read_selectors(selectors)
    assert "\n" not in str(caught.value)


def test_a_single_selector_object_and_unknown_types_are_accepted() -> None:
    read = read_selectors({"type": "TextQuoteSelector", "exact": "示范区"})
    assert (read.exact, read.prefix, read.suffix, read.start) == ("示范区", "", "", None)
    mixed = [{"type": "CssSelector", "value": "p"}, {"type": "TextPositionSelector", "start": 1, "end": 4}]
    assert (read_selectors(mixed).start, read_selectors(mixed).end) == (1, 4)
