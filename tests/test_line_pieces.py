"""A long line is checked in pieces cut at sentence ends: the flags must be those of the
whole line, so that a page whose line ends were lost is checked as its lines would be."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from models.proofreading.checker import Checker
from models.proofreading.line_pieces import CONTEXT, PIECE_CHARS, SENTENCE_ENDS, piece_bounds
from models.proofreading.punctuation import quote_opened

# Common characters, OCR look-alikes (千/干, 己/已, 末/未), half-width marks the checker flags in
# Chinese text, a space inside a word, digits and Latin letters.
_TEXT = "我们今天天气很好的是在有人这中国经济发展若千干己已末未日曰人入服务员路,，(: 0123abc"
_ENDS = "。！？；\r\u2028"
_QUOTES = ("",) * 30 + ('"', "“", "”", "”“")  # quotes now and then (a cut keeps clear of them)


def _sentence() -> st.SearchStrategy[str]:
    """A sentence of at most 15 characters, its quotes (straight or curly) anywhere in it."""
    part = st.text(alphabet=_TEXT, max_size=3)
    return st.builds(
        lambda a, q1, b, q2, c, end, closer: a + q1 + b + q2 + c + end + closer,
        part,
        st.sampled_from(_QUOTES),
        part,
        st.sampled_from(_QUOTES),
        part,
        st.sampled_from(_ENDS),
        st.sampled_from(("",) * 8 + ("”", "）")),
    )


def _at_sentence_end(text: str, cut: int) -> bool:
    """A sentence ends before ``cut`` (closing marks after it), no quote open there nor within
    CONTEXT characters before it: a cut the cutter prefers, not its comma or hard fallback."""
    i = cut
    while i > 0 and text[i - 1] in "”）":
        i -= 1
    opened = 0
    for ch in text[:cut]:
        opened = quote_opened(opened, ch)
    quotes = set('"“”')
    return (
        i > 0 and text[i - 1] in SENTENCE_ENDS and not opened and not quotes & set(text[max(0, cut - CONTEXT) : cut])
    )


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(sentences=st.lists(_sentence(), min_size=10, max_size=30), parts=st.integers(min_value=2, max_value=5))
def test_flags_of_pieces_cut_at_sentence_ends_are_those_of_the_whole_line(
    checker: Checker, sentences: list[str], parts: int
) -> None:
    text = "".join(sentences)
    size = max(40, len(text) // parts)
    bounds = piece_bounds(text, size)
    # the property holds where every cut falls at a sentence end (outside quotes, as the cutter
    # looks for); a comma or hard cut is the fallback when there is none
    assume(all(_at_sentence_end(text, start) for start, _end in bounds[1:]))
    assume(len(bounds) > 1)
    assert len(text) < PIECE_CHARS  # checked whole by check()
    # what check prints (the probabilities may differ in the last bits: summed in other batches)
    assert [f.as_json() for f in checker.check_in_pieces(text, size)] == [
        f.as_json() for f in checker.check(text)
    ]


@given(line=st.text(alphabet='中文，。！x“”"', max_size=300), size=st.integers(min_value=2, max_value=40))
def test_pieces_give_the_line_back_and_are_never_longer_than_asked(line: str, size: int) -> None:
    bounds = piece_bounds(line, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(line)
    assert all(end == next_start for (_s, end), (next_start, _e) in zip(bounds, bounds[1:]))
    assert all(0 < end - start <= size for start, end in bounds) or line == ""
