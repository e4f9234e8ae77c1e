"""The parser's structure figures, dev and cross-validated, side by side.

dev: the shipped line model (trained on every dev page) scores the dev sets.
k-fold: the dev pages' printed sources are dealt into folds (tools/train_parser.py);
each page is scored by a model trained without any page or relaid-out article of its
fold, so no model sees the articles it is scored on. "relaid-out" is the same for pages
laid out again (tools/relayout.py) from the held-out fold's articles.

    python tools/kfold_parser.py [--paragraphs shipped|column|both]   # a few minutes: one fit per fold

The paragraph-break weights (which split each article's body) are refitted per fold too,
on the training folds' gaps: of the pages with blank lines ("column", as the shipped
weights are fitted, less the relaid-out column pages) or of those and the pages without
("both"); "shipped" keeps the shipped weights, which saw every dev page; "rules" splits
by the column-grid rules (as before the fitted model).
"""

from __future__ import annotations

import os

# One BLAS thread: the fit is many small products, which threads only slow down on a shared machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from gold_lines import label_lines  # noqa: E402
from structure_score import SHARED, figures, scorer  # noqa: E402
from train_paragraphs import fit as fit_paragraphs  # noqa: E402
from train_paragraphs import gap_examples  # noqa: E402
from train_parser import (  # noqa: E402
    FOLDS,
    Example,
    _Text,
    articles_of,
    dataset,
    fit,
    fold_of_sources,
    real_pages,
    synthetic,
)

from models.parser import article_model, layout, parse_page  # noqa: E402

#: The sets whose gaps each fold's paragraph-break weights are fitted on.
PARAGRAPH_SETS = {
    "column": ("pages-dev", "pages-dev-column"),
    "both": ("pages-dev", "pages-dev-column", "pages-dev-engine", "no-blanks", "relaid-out"),
}

#: Engine-style relaid-out pages with headlines after their article, held out.
LATE_PAGES = 60


def score(examples, ev) -> collections.Counter:
    tot: collections.Counter = collections.Counter()
    for e in examples:
        path = e.page.path.with_name(e.page.path.name.replace(".gold.json", ".txt")) if e.page.path else None
        if path is None:
            path = _Text(e.page.raw)
        m = ev.score_page(path, e.page.gold, parse_page(e.page.raw).to_json())
        for k, v in m.items():
            tot[k] += int(v)
        tot["pages"] += 1
    return tot


def page_gaps(data, sets: tuple[str, ...]) -> dict[int, list]:
    """The gaps (features, break?) of each page of these sets, as the shipped models cut its runs."""
    out = {}
    for i, e in enumerate(data):
        if e.page.set in sets:
            labels = label_lines(e.page.raw, e.page.gold)
            out[i] = [ex for ex, _, _ in gap_examples(e.page.raw, labels)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", choices=("shipped", "column", "both", "rules"), default="both")
    args = ap.parse_args()
    if args.paragraphs == "rules":
        article_model.set_paragraph_weights({})
    ev = scorer()
    pages = real_pages()
    data = dataset(pages)
    # Engine-style pages that print half their headlines after their article: scored only.
    fold_of = fold_of_sources(pages)
    for f in range(FOLDS):
        arts = articles_of([p for p in pages if fold_of[p.source] == f])
        for page, _labels in synthetic(arts, LATE_PAGES // FOLDS, 11, f, after_p=0.5, name="late-headlines"):
            data.append(Example(f, page, None, [], train=False))
    sets = ["pages-dev", "pages-dev-column", "pages-dev-engine", "no-blanks", "relaid-out", "late-headlines"]
    dev = {s: score([e for e in data if e.page.set == s], ev) for s in sets}
    seed_page = SHARED / "data" / "seed"
    from structure_score import score_pages

    dev_seed = score_pages(sorted(seed_page.glob("*.gold.json")))
    gaps = page_gaps(data, PARAGRAPH_SETS.get(args.paragraphs, ()))
    held = {s: collections.Counter() for s in sets}
    for f in range(FOLDS):
        layout.set_model(fit([e for e in data if e.fold != f]))
        if gaps:
            article_model.set_paragraph_weights(
                fit_paragraphs([ex for i, g in gaps.items() if data[i].fold != f for ex in g])
            )
        for s in sets:
            held[s] += score([e for e in data if e.fold == f and e.page.set == s], ev)
        print(f"fold {f + 1}/{FOLDS} done", file=sys.stderr)
    layout.set_model(None)
    article_model.set_paragraph_weights(None)
    print(f"{'seed':18s} dev    {figures(dev_seed)}")
    for s in sets:
        print(f"{s:18s} dev    {figures(dev[s])}")
        print(f"{'':18s} k-fold {figures(held[s])}")


if __name__ == "__main__":
    main()
