"""A logistic regression over standardised features, optionally with their pairwise products.

The products let a linear model say "a high glyph similarity matters more when the
substitution also makes a word", which neither feature says alone. Fitted by
``tools/train_checker.py``; stored in ``resources/proofreading/checker-model.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.errors import DubaoError


def expand(z: np.ndarray, products: bool) -> np.ndarray:
    """Standardised features, followed by every product z_i * z_j (i <= j) when ``products``."""
    if not products:
        return z
    i, j = np.triu_indices(z.shape[1])
    return np.hstack([z, z[:, i] * z[:, j]])


@dataclass(frozen=True)
class Regression:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    products: bool = False

    @classmethod
    def from_json(cls, data: dict, features: Sequence[str]) -> Regression:
        if tuple(data["features"]) != tuple(features):
            raise DubaoError("the checker's model was fitted on other features: run tools/train_checker.py")
        return cls(
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            np.asarray(data["weights"], dtype=np.float64),
            float(data["bias"]),
            bool(data.get("products", False)),
        )

    def as_json(self, features: Sequence[str]) -> dict:
        return {
            "features": list(features),
            "products": self.products,
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "weights": [round(float(v), 6) for v in self.weights],
            "bias": round(self.bias, 6),
        }

    def log_odds_many(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        if not len(rows):
            return np.zeros(0)
        z = (np.asarray(rows, dtype=np.float64) - self.mean) / self.scale
        return expand(z, self.products) @ self.weights + self.bias

    def log_odds(self, row: Sequence[float]) -> float:
        return float(self.log_odds_many([row])[0])


def fit(x: np.ndarray, y: np.ndarray, products: bool = False, l2: float = 1.0) -> Regression:
    """Weights by Newton's method with an L2 penalty (not on the bias)."""
    mean, spread = x.mean(axis=0), x.std(axis=0)
    # A feature constant in training keeps scale 1: a scale of 1e-9 is stored rounded to 0, and the
    # loaded model then divides by zero (NaN scores, every position flagged; checker15 met it).
    scale = np.where(spread > 1e-6, spread, 1.0)
    xb = expand((x - mean) / scale, products)
    xb = np.hstack([xb, np.ones((len(xb), 1))])
    w = np.zeros(xb.shape[1])
    penalty = l2 * np.diag(np.r_[np.ones(len(w) - 1), 0])
    for _ in range(40):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -35, 35)))
        grad = xb.T @ (p - y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return Regression(mean, scale, w[:-1], float(w[-1]), products)
