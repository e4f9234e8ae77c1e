"""A page's highlight records are made without the frozen dataclass's __init__ (fast); they are
the same records all the same."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=50, deadline=None)
@given(
    st.tuples(
        st.integers(), st.text(max_size=5), st.integers(), st.none() | st.integers(), st.integers(0, 99),
        st.integers(0, 99), st.text(max_size=8), st.text(max_size=8), st.text(max_size=8), st.text(max_size=4),
        st.integers(), st.datetimes(), st.datetimes(), st.booleans(), st.booleans(),
        st.lists(st.text(max_size=4), max_size=3).map(tuple), st.text(max_size=8), st.none() | st.integers(),
        st.text(max_size=4), st.none() | st.integers(),
    )
)  # fmt: skip
def test_a_highlight_record_made_fast_is_the_record(values):
    """The page's highlight records (made without the frozen __init__) equal, hash and copy alike."""
    from dataclasses import replace

    from models.annotations.records import HighlightInfo

    made = HighlightInfo.from_values(values)
    assert made == HighlightInfo(*values)
    assert hash(made) == hash(HighlightInfo(*values))
    assert replace(made, note="x") == replace(HighlightInfo(*values), note="x")
    with pytest.raises(AttributeError):
        made.start = 1  # still frozen
