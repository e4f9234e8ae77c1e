"""The rule table's arithmetic: the Wilson lower bound that decides whether a rule stays."""

from __future__ import annotations

import sys

from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT))

from tools.rule_precision import wilson_lower  # noqa: E402


def test_a_rule_right_every_time_needs_enough_firings_to_pass() -> None:
    # 10 of 10 right is not yet evidence of 95% precision; 100 of 100 is.
    assert wilson_lower(10, 10) < 0.95 < wilson_lower(100, 100)
    assert wilson_lower(0, 0) == 0.0


@given(st.integers(min_value=1, max_value=2000), st.data())
def test_the_lower_bound_never_exceeds_the_measured_precision(n: int, data: st.DataObject) -> None:
    ok = data.draw(st.integers(min_value=0, max_value=n))
    assert 0.0 <= wilson_lower(ok, n) <= ok / n
