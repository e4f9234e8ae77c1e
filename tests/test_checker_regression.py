"""The checker's logistic regression survives a feature that never varies in its training data."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from models.proofreading.regression import Regression, fit


@settings(max_examples=25, deadline=None)
@given(constant=st.floats(-5, 5), probe=st.floats(-50, 50), seed=st.integers(0, 1000))
def test_a_feature_constant_in_training_scores_finite_after_a_save_and_load(constant, probe, seed):
    rng = np.random.default_rng(seed)
    x = np.column_stack([rng.normal(size=60), np.full(60, constant)])
    y = (x[:, 0] + rng.normal(scale=0.5, size=60) > 0).astype(float)
    names = ["varies", "constant"]
    model = Regression.from_json(fit(x, y, products=True).as_json(names), names)
    scores = model.log_odds_many([[0.3, probe], [-1.0, constant]])
    assert np.isfinite(scores).all()
    # the varying feature still orders the scores as it was fitted to
    assert model.log_odds([2.0, constant]) > model.log_odds([-2.0, constant])
