"""Fit the checker's weights on synthetic OCR errors: resources/proofreading/checker-model.json.

Clean sentences (the CPP polyphone sentences: g2pM, Apache-2.0, text from Chinese
Wikipedia, CC BY-SA) get OCR-like substitutions injected: about one Han character in a
hundred is replaced, half of the time by one of its look-alikes from the rendered table
(the more alike, the likelier), half of the time by another common character (real OCR
also misreads characters whose printed glyphs differ more than the rendered fonts show).
Every candidate the checker generates on the corrupted sentences is a training example:
positive when it restores the injected character. A logistic regression over the
features of :mod:`models.proofreading.candidates` is fitted by Newton's method with a
small L2 penalty; the character-pair features of a sentence are computed from the
shipped pair counts less the pairs of its own half of the sentences, so no sentence sees
its own pairs (with CPP-only counts that is the other half's pairs, as before).

The threshold is the lowest probability at which the flags on a held-out tenth of the
synthetic sentences are right at least ``--precision`` of the time.

    python tools/train_checker.py [--rate 0.01] [--precision 0.9] [--seed 7] [--out MODEL.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.proofreading.candidates import FEATURES, line_candidates  # noqa: E402
from models.proofreading.language import Language, is_han  # noqa: E402
from models.proofreading.positions import POSITION_FEATURES, position_features  # noqa: E402
from models.proofreading.regression import Regression, fit  # noqa: E402
from tools.build_proofreading_stats import sentence_bigrams  # noqa: E402
from tools.proofreading_sources import cpp_sentences  # noqa: E402

OUT = ROOT / "resources" / "proofreading" / "checker-model.json"


def corrupt(
    sentence: str,
    language: Language,
    common: list[str],
    weights: list[float],
    rate: float,
    rng: random.Random,
    lookalike_share: float = 0.5,
) -> tuple[str, dict[int, str]]:
    """The sentence with OCR-like substitutions, and position -> the right character."""
    chars = list(sentence)
    truth: dict[int, str] = {}
    for i, ch in enumerate(chars):
        if not is_han(ch) or rng.random() >= rate:
            continue
        neighbours = language.lookalikes.get(ch)
        if neighbours and rng.random() < lookalike_share:
            options = list(neighbours)
            wrong = rng.choices(options, weights=[neighbours[o] ** 4 for o in options])[0]
        else:
            wrong = rng.choices(common, weights=weights)[0]
        if wrong != ch:
            chars[i] = wrong
            truth[i] = ch
    return "".join(chars), truth


@dataclass
class Corrupted:
    text: str
    truth: dict[int, str]
    covered: list[float]
    candidates: list


def corrupted_sentences(sentences, language, common, weights, rate, rng, share=0.5) -> list[Corrupted]:
    out = []
    for sentence in sentences:
        text, truth = corrupt(sentence, language, common, weights, rate, rng, share)
        covered = language.covering_words(text)
        out.append(Corrupted(text, truth, covered, line_candidates(language, text, covered=covered)))
    return out


def substitution_examples(data: list[Corrupted]) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for item in data:
        for cand in item.candidates:
            rows.append(cand.features)
            labels.append(1.0 if item.truth.get(cand.position) == cand.suggestion else 0.0)
    return np.array(rows, dtype=np.float64), np.array(labels)


def position_examples(data: list[Corrupted], language: Language, substitution: Regression):
    rows, labels = [], []
    for item in data:
        best: dict[int, float] = {}
        scores = substitution.log_odds_many([c.features for c in item.candidates]).tolist()
        for cand, score in zip(item.candidates, scores):
            best[cand.position] = max(best.get(cand.position, -1e9), score)
        for i, ch in enumerate(item.text):
            if is_han(ch):
                rows.append(position_features(language, item.text, item.covered, i, best.get(i)))
                labels.append(1.0 if i in item.truth else 0.0)
    return np.array(rows, dtype=np.float64), np.array(labels)


def show(title: str, names, regression: Regression) -> None:
    print(title)
    for name, weight in zip(names, regression.weights[: len(names)]):
        print(f"  {name:20s} {weight:+.3f}")
    print(f"  {'bias':20s} {regression.bias:+.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=0.01)
    ap.add_argument("--precision", type=float, default=0.9)
    ap.add_argument(
        "--substitution-threshold",
        type=float,
        default=0.5,
        help="probability from which a candidate substitution is flagged (shipped: decided on half "
        "of news-dev by bench/check_bench.py --choose)",
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--lookalike-share",
        type=float,
        default=0.5,
        help="share of injected errors drawn from the rendered look-alike table (the rest: common characters)",
    )
    ap.add_argument("--linear", dest="products", action="store_false", help="no pairwise products")
    ap.add_argument("--out", type=Path, default=OUT, help=f"where the model is written (default {OUT.name})")
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
        own: Counter[str] = Counter()
        for s in halves[k]:
            own.update(sentence_bigrams(s))
        pairs = {p: c - own[p] for p, c in bundled.pairs.items() if c - own[p] > 0}
        lang = Language(bundled.words, pairs, bundled.lookalikes)
        lang._fillers = bundled.fillers()
        langs.append(lang)
    common = list(bundled.lookalikes)
    weights = [bundled.words.get(ch, 1) ** 0.5 for ch in common]
    # three times the real rate for the substitutions: more positives from the same text
    share = args.lookalike_share
    sub_data = [
        corrupted_sentences(halves[k], langs[k], common, weights, args.rate * 3, rng, share) for k in (0, 1)
    ]
    x = np.vstack([substitution_examples(d)[0] for d in sub_data])
    y = np.concatenate([substitution_examples(d)[1] for d in sub_data])
    substitution = fit(x, y, products=args.products)
    print(f"substitutions: {len(y)} candidates, {int(y.sum())} right")
    show("substitution weights", FEATURES, substitution)
    pos_data = [
        corrupted_sentences(halves[k], langs[k], common, weights, args.rate, rng, share) for k in (0, 1)
    ]
    px = np.vstack([position_examples(pos_data[k], langs[k], substitution)[0] for k in (0, 1)])
    py = np.concatenate([position_examples(pos_data[k], langs[k], substitution)[1] for k in (0, 1)])
    position = fit(px, py)
    print(f"positions: {len(py)} Han characters, {int(py.sum())} misread")
    show("position weights", POSITION_FEATURES, position)
    # the flag threshold: on held-out sentences, at the real rate
    held_data = corrupted_sentences(
        held, langs[1], common, weights, args.rate, random.Random(args.seed + 1), share
    )
    hx, hy = position_examples(held_data, langs[1], substitution)
    hp = 1 / (1 + np.exp(-position.log_odds_many(hx)))
    order = np.argsort(-hp)
    right = np.cumsum(hy[order])
    flagged = np.arange(1, len(order) + 1)
    ok = (right / flagged >= args.precision) & (flagged >= 20)
    threshold = float(hp[order][np.nonzero(ok)[0].max()]) if ok.any() else 0.99
    for cut in (0.3, 0.5, 0.7, 0.8, 0.9):
        sel = hp >= cut
        print(
            f"  p>={cut}: {int(sel.sum())} flags, precision {hy[sel].mean() if sel.any() else 0:.3f}, "
            f"found {int(hy[sel].sum())} of {int(hy.sum())}"
        )
    print(f"flag threshold {threshold:.3f} (held-out synthetic precision {args.precision})")
    model = {
        "about": "two logistic regressions (models.proofreading.checker.Model), fitted by "
        "tools/train_checker.py on synthetic OCR errors in the CPP sentences",
        "substitution": substitution.as_json(FEATURES),
        "position": position.as_json(POSITION_FEATURES),
        "flag_threshold": round(threshold, 4),
        "substitution_threshold": args.substitution_threshold,
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
