"""List the reading engine's errors on CPP dev (by K-fold) and news dev, by the layer that decided them.

    .venv/bin/python tools/pinyin_errors.py [--folds 5] [--show N]

Layers: ``table`` (a word of the word table read the character), ``rule`` (``context_rules``),
``name`` (a polyphone inside a proper noun of the table, or the surname of a person's name the
segmenter found), ``model`` (g2pM and the classifier). CPP dev is read fold by fold by a
classifier trained without the fold (``tools/train_polyphones.py``'s data and training); news dev
by the classifier trained on everything (no model trains on news dev).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.language import context_rules, segmenter  # noqa: E402
from models.language import readings as engine  # noqa: E402
from models.language.rules.context import Context  # noqa: E402
from models.language.syllables import numbered  # noqa: E402
from tools import train_polyphones as tp  # noqa: E402
from tools.rule_precision import _clause_at, wilson_interval  # noqa: E402


def layer(sentence: str, index: int) -> str:
    """Which layer of the engine decides the character at ``index``."""
    text, pos = _clause_at(sentence, index)
    clause = engine._read_words(text)
    if pos not in clause.open and pos not in clause.options and pos not in clause.names:
        return "table"
    if pos in clause.names:
        return "name"
    reading, _ = context_rules.decide(Context(text, clause.words), pos)
    if reading is not None:
        return "rule"
    if any(start == pos for start, _ in segmenter.names(text)):
        return "name"
    return "model"


def errors(items: list) -> list[tuple[str, int, str, str | None, str]]:
    got = engine.readings_for_lines([s for s, _, _ in items])
    out = []
    for (sentence, index, gold), readings in zip(items, got):
        reading = readings[index]
        if reading is None or numbered(reading) != gold:
            out.append((sentence, index, gold, reading, layer(sentence, index)))
    return out


def show(title: str, n: int, errs: list, limit: int) -> None:
    ok = n - len(errs)
    lo, hi = wilson_interval(ok, n)
    kinds = Counter(e[4] for e in errs)
    print(
        f"{title}: {ok}/{n} = {ok / n:.4f} [95% {lo:.3f}, {hi:.3f}]; errors by layer {dict(kinds.most_common())}"
    )
    chars = Counter((e[4], e[0][e[1]]) for e in errs)
    print("  most missed (layer, char):", ", ".join(f"{k[0]} {k[1]} {v}" for k, v in chars.most_common(25)))
    for sentence, index, gold, reading, kind in errs[:limit]:
        a = max(0, index - 15)
        print(
            f"  [{kind}] {sentence[a:index]}【{sentence[index]}】{sentence[index + 1 : index + 12]}  {gold} not {reading}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show", type=int, default=60)
    args = parser.parse_args()
    cpp = tp.cpp_items(tp.SHARED / "cpp-dev" / "dev")
    news = tp.news_items()
    ex = tp.collect(cpp, tp.news_paragraphs(s for s, _, _ in news), [], True)
    errs: list = []
    if args.folds:
        order = list(range(len(cpp)))
        random.Random(12).shuffle(order)
        for fold in range(args.folds):
            held = set(order[fold :: args.folds])
            tp.use(tp.train(ex, held))
            errs += errors([cpp[i] for i in sorted(held)])
            print(f"fold {fold + 1}/{args.folds}: {len(errs)} errors so far", flush=True)
        show(f"CPP dev, {args.folds}-fold", len(cpp), errs, args.show)
    tp.use(tp.train(ex, set()))
    show("news dev", len(news), errors(news), args.show)


if __name__ == "__main__":
    main()
