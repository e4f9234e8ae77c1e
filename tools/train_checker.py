"""Fit the checker's weights on synthetic OCR errors: resources/proofreading/checker-model.json.

Clean sentences (the CPP polyphone sentences: g2pM, Apache-2.0, text from Chinese
Wikipedia, CC BY-SA) get OCR-like substitutions injected: about one Han character in a
hundred is replaced, half of the time by one of its look-alikes from the rendered table
(the more alike, the likelier), half of the time by another common character (real OCR
also misreads characters whose printed glyphs differ more than the rendered fonts show).
Every candidate the checker generates on the corrupted sentences is a training example:
positive when it restores the injected character. A logistic regression over the
features of :mod:`models.proofreading.candidates` is fitted by Newton's method with a
small L2 penalty; the character-pair feature of a sentence is computed from the pair
counts of the other half of the sentences, so no sentence sees its own pairs.

The threshold is the lowest probability at which the flags on a held-out tenth of the
synthetic sentences are right at least ``--precision`` of the time.

    python tools/train_checker.py [--rate 0.01] [--precision 0.9] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.proofreading.candidates import FEATURES, line_candidates  # noqa: E402
from models.proofreading.language import Language, is_han  # noqa: E402
from tools.build_proofreading_stats import sentence_bigrams  # noqa: E402
from tools.proofreading_sources import cpp_sentences  # noqa: E402

OUT = ROOT / "resources" / "proofreading" / "checker-model.json"


def corrupt(sentence: str, language: Language, common: list[str], weights: list[float], rate: float,
            rng: random.Random) -> tuple[str, dict[int, str]]:
    """The sentence with OCR-like substitutions, and position -> the right character."""
    chars = list(sentence)
    truth: dict[int, str] = {}
    for i, ch in enumerate(chars):
        if not is_han(ch) or rng.random() >= rate:
            continue
        neighbours = language.lookalikes.get(ch)
        if neighbours and rng.random() < 0.5:
            options = list(neighbours)
            wrong = rng.choices(options, weights=[neighbours[o] ** 4 for o in options])[0]
        else:
            wrong = rng.choices(common, weights=weights)[0]
        if wrong != ch:
            chars[i] = wrong
            truth[i] = ch
    return "".join(chars), truth


def examples(sentences, language, common, weights, rate, rng):
    rows, labels, groups = [], [], []
    for k, sentence in enumerate(sentences):
        text, truth = corrupt(sentence, language, common, weights, rate, rng)
        for cand in line_candidates(language, text):
            rows.append(cand.features)
            labels.append(1.0 if truth.get(cand.position) == cand.suggestion else 0.0)
            groups.append((k, cand.position, cand.position in truth))
    return np.array(rows, dtype=np.float64), np.array(labels), groups


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Logistic regression weights (bias last) by Newton's method."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(25):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + l2 * np.r_[w[:-1], 0]
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + l2 * np.diag(np.r_[np.ones(len(w) - 1), 0])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=0.01)
    ap.add_argument("--precision", type=float, default=0.9)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    bundled = Language.bundled()
    sentences = cpp_sentences()
    rng.shuffle(sentences)
    held = sentences[: len(sentences) // 10]
    rest = sentences[len(sentences) // 10 :]
    halves = [rest[0::2], rest[1::2]]
    langs = []
    for k in (0, 1):
        pairs: Counter[str] = Counter()
        for s in halves[1 - k]:
            pairs.update(sentence_bigrams(s))
        lang = Language(bundled.words, pairs, bundled.lookalikes)
        lang._fillers = bundled.fillers()
        langs.append(lang)
    common = [ch for ch in bundled.lookalikes]
    weights = [bundled.words.get(ch, 1) ** 0.5 for ch in common]
    xs, ys, gs = [], [], []
    for k in (0, 1):
        # three times the real rate: more positives for the same clean text
        x, y, g = examples(halves[k], langs[k], common, weights, args.rate * 3, rng)
        xs.append(x)
        ys.append(y)
        gs.append(g)
    x, y = np.vstack(xs), np.concatenate(ys)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    w = fit((x - mean) / scale, y)
    print(f"{len(y)} candidates, {int(y.sum())} right")
    for name, weight in zip(FEATURES, w):
        print(f"  {name:20s} {weight:+.3f}")
    # threshold on fresh held-out sentences at the real rate
    hx, hy, hg = examples(held, langs[1], common, weights, args.rate, random.Random(args.seed + 1))
    hp = 1 / (1 + np.exp(-(np.hstack([(hx - mean) / scale, np.ones((len(hx), 1))]) @ w)))
    best: dict[tuple[int, int], tuple[float, float, bool]] = {}
    for p, label, (k, pos, err) in zip(hp, hy, hg):
        if (k, pos) not in best or p > best[(k, pos)][0]:
            best[(k, pos)] = (p, label, err)
    scored = sorted(best.values(), key=lambda t: -t[0])
    errors = sum(1 for t in best.values() if t[2])
    threshold, right, flagged = 1.0, 0, 0
    for p, _label, err in scored:
        flagged += 1
        right += err
        if right / flagged >= args.precision and flagged >= 20:
            threshold = float(p)
    for cut in (0.3, 0.5, 0.7, 0.8, 0.9, 0.95):
        sel = [t for t in scored if t[0] >= cut]
        print(f"  p>={cut}: {len(sel)} flags, precision {sum(t[2] for t in sel) / max(1, len(sel)):.3f}, "
              f"found {sum(t[2] for t in sel)} of {errors}")
    kept = [t for t in scored if t[0] >= threshold]
    found = sum(t[2] for t in kept)
    print(f"threshold {threshold:.3f}: synthetic held-out precision {found / max(1, len(kept)):.3f}, "
          f"{found} of {errors} candidate-covered errors")
    OUT.write_text(
        json.dumps(
            {
                "about": "logistic regression over models.proofreading.candidates.FEATURES, "
                "fitted by tools/train_checker.py on synthetic OCR errors in the CPP sentences",
                "features": list(FEATURES),
                "mean": mean.round(6).tolist(),
                "scale": scale.round(6).tolist(),
                "weights": w[:-1].round(6).tolist(),
                "bias": round(float(w[-1]), 6),
                "threshold": round(threshold, 4),
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
