"""Choose how sure the polyphone classifier must be to overrule g2pM, on data it never trained on.

    .venv/bin/python tools/sweep_switch.py [--folds 5] [--switches 0.5,0.6,...]

For each threshold (``polyphone_classifier.SWITCH``): CPP dev by K-fold (each fold read by a
classifier trained without its sentences, ``tools/train_polyphones.py``'s data and training), and
the news dev set split in two fixed halves: half A may be used to choose, half B is reported only.
No model trains on news dev. Prints one row per threshold: CPP k-fold, news A, news B, news all.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.language import polyphone_classifier  # noqa: E402
from tools import train_polyphones as tp  # noqa: E402


def news_halves(news: list) -> tuple[list, list]:
    """The news dev items in two halves by a fixed shuffle (seed 7): A to choose on, B to report."""
    order = list(range(len(news)))
    random.Random(7).shuffle(order)
    half = set(order[: len(news) // 2])
    return [x for i, x in enumerate(news) if i in half], [x for i, x in enumerate(news) if i not in half]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--switches", default="0.5,0.6,0.7,0.8,0.9,0.95,1.01")
    parser.add_argument(
        "--no-g2p", action="store_true", help="train without g2pM's answer among the features"
    )
    parser.add_argument("--surer", action="store_true", help="overrule only where surer than g2pM too")
    parser.add_argument("--asked-only", action="store_true", help="as tools/train_polyphones.py")
    parser.add_argument("--no-augment", action="store_true", help="as tools/train_polyphones.py")
    parser.add_argument("--min-asked", type=int, default=tp.MIN_ASKED, help="as tools/train_polyphones.py")
    args = parser.parse_args()
    tp.ASKED_ONLY = args.asked_only
    tp.AUGMENT = not args.no_augment
    tp.MIN_ASKED = args.min_asked
    polyphone_classifier.SURER = args.surer
    switches = [float(s) for s in args.switches.split(",")]
    cpp = tp.cpp_items(tp.SHARED / "cpp-dev" / "dev")
    news = tp.news_items()
    ex = tp.collect(cpp, tp.news_paragraphs(s for s, _, _ in news), [], not args.no_g2p)
    cpp_ok = dict.fromkeys(switches, 0)
    order = list(range(len(cpp)))
    random.Random(12).shuffle(order)
    for fold in range(args.folds):
        held = set(order[fold :: args.folds])
        items = [cpp[i] for i in sorted(held)]
        tp.use(tp.train(ex, held))
        for s in switches:
            polyphone_classifier.SWITCH = s
            cpp_ok[s] += tp.score(items)[0]
        print(f"fold {fold + 1}/{args.folds} done", flush=True)
    tp.use(tp.train(ex, set()))
    half_a, half_b = news_halves(news)
    print(f"{'switch':>7} {'CPP k-fold':>18} {'news A':>14} {'news B':>14} {'news all':>14}")
    for s in switches:
        polyphone_classifier.SWITCH = s
        a, na, _ = tp.score(half_a)
        b, nb, _ = tp.score(half_b)
        print(
            f"{s:7.2f} {cpp_ok[s] / len(cpp):.4f} ({cpp_ok[s]:5d}) {a / na:.4f} ({a:3d}/{na}) "
            f"{b / nb:.4f} ({b:3d}/{nb}) {(a + b) / (na + nb):.4f} ({a + b}/{na + nb})",
            flush=True,
        )


if __name__ == "__main__":
    main()
