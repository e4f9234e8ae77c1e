"""Every reading rule the engine applies holds issue 12's bar on the labelled data, and the arithmetic behind it."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, shared_path
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT))

from tools.rule_precision import MIN_FIRINGS, MIN_LOWER_BOUND, measure, wilson_lower  # noqa: E402


def test_a_rule_right_every_time_needs_enough_firings_to_pass() -> None:
    # 10 of 10 right is not yet evidence of 95% precision; 100 of 100 is.
    assert wilson_lower(10, 10) < 0.95 < wilson_lower(100, 100)
    assert wilson_lower(0, 0) == 0.0


@given(st.integers(min_value=1, max_value=2000), st.data())
def test_the_lower_bound_never_exceeds_the_measured_precision(n: int, data: st.DataObject) -> None:
    ok = data.draw(st.integers(min_value=0, max_value=n))
    assert 0.0 <= wilson_lower(ok, n) <= ok / n


@pytest.mark.slow
def test_every_rule_the_engine_applies_is_measured_and_above_the_bar() -> None:
    from models.language import context_rules

    shared = shared_path("data").parent / "data"
    counts = measure(shared)
    names = set(context_rules._RULE_NAMES.values())
    unmeasured = names - set(counts)
    assert not unmeasured, f"rules that never fired on the labelled data: {unmeasured}"
    under = {
        name: f"{c.right}/{c.total}, lower bound {c.lower_bound:.3f}"
        for name, c in counts.items()
        if c.total < MIN_FIRINGS or c.lower_bound < MIN_LOWER_BOUND
    }
    assert not under, f"rules under the bar: {under}"
