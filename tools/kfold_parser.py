"""The parser's structure figures, dev and cross-validated, side by side.

dev: the shipped line model (trained on every dev page) scores the dev sets.
k-fold: the dev pages' printed sources are dealt into folds (tools/train_parser.py);
each page is scored by a model trained without any page or relaid-out article of its
fold, so no model sees the articles it is scored on. "relaid-out" is the same for pages
laid out again (tools/relayout.py) from the held-out fold's articles.

    python tools/kfold_parser.py [--paragraphs shipped|column|both]   # a few minutes: one fit per fold
    python tools/kfold_parser.py --fold 3 > f3.json   # one fold (run the five side by side), then
    python tools/kfold_parser.py --merge f1.json ... f5.json   # their figures beside dev
    python tools/kfold_parser.py --fold 3 --save DIR  # also keep the fold's models and page list

Both print what is left on pages-dev-engine by kind (tools/engine_errors.py; --errors SET...
for other sets), dev beside k-fold.

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
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from engine_errors import page_errors  # noqa: E402
from gold_lines import label_lines  # noqa: E402
from ocr_noise import kinds_of, noisy_page, page_seed, training_gaps  # noqa: E402
from structure_score import SHARED, figures, score_pages, scorer  # noqa: E402
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

from models.parser import article_model, layout, parse_page, roundup  # noqa: E402

#: The sets whose gaps each fold's paragraph-break weights are fitted on.
PARAGRAPH_SETS = {
    "column": ("pages-dev", "pages-dev-column"),
    "both": ("pages-dev", "pages-dev-column", "pages-dev-engine", "no-blanks", "relaid-out"),
}

#: Engine-style relaid-out pages with headlines after their article, held out.
LATE_PAGES = 60


def score(examples, ev, noise: tuple[str, ...] = ()) -> collections.Counter:
    """The scorer's counts over these pages, with each gold headline's article and each
    made-up headline counted by kind (``engine_errors``) under "error: KIND"; ``noise``:
    each page read with these kinds of OCR noise first (tools/ocr_noise.py)."""
    tot: collections.Counter = collections.Counter()
    for e in examples:
        path = e.page.path.with_name(e.page.path.name.replace(".gold.json", ".txt")) if e.page.path else None
        raw, gold = e.page.raw, e.page.gold
        if noise and path is not None:
            raw, gold = noisy_page(raw, gold, noise, page_seed(e.page.set, e.page.path.name))
            path = None
        if path is None:
            path = _Text(raw)
        out = parse_page(raw).to_json()
        m = ev.score_page(path, gold, out)
        for k, v in m.items():
            tot[k] += int(v)
        for kind, _head in page_errors(gold, out, ev):
            tot["error: " + kind] += 1
        tot["pages"] += 1
    return tot


def page_gaps(data, sets: tuple[str, ...]) -> dict[int, list]:
    """The gaps (features, break?) of each page of these sets, as the shipped models cut its runs."""
    out = {}
    for i, e in enumerate(data):
        if e.page.set in sets:
            labels = label_lines(e.page.raw, e.page.gold)
            out[i] = [ex for ex, _, _ in gap_examples(e.page.raw, labels)]
            if TRAIN_NOISE and e.page.path is not None:
                # ART_NOISE (as tools/train_articles.py reads it): the page's gaps read with OCR noise too.
                out[i] += training_gaps(e.page.set, e.page.path.name, e.page.raw, e.page.gold, TRAIN_NOISE)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", choices=("shipped", "column", "both", "rules"), default="both")
    ap.add_argument("--fold", type=int, help="only this fold (1-5): its held-out counts as JSON on stdout")
    ap.add_argument(
        "--merge", nargs="+", metavar="JSON", help="the folds' counts (--fold's output), with dev"
    )
    ap.add_argument(
        "--save", metavar="DIR", help="with --fold: write the fold's line model to DIR/fold-N.json"
    )
    ap.add_argument(
        "--errors",
        nargs="*",
        default=["pages-dev-engine"],
        metavar="SET",
        help="print what is left on these sets by kind (tools/engine_errors.py), dev and k-fold",
    )
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
    held = {s: collections.Counter() for s in SETS + NOISY}
    if args.merge:
        for path in args.merge:
            for s, counts in json.loads(Path(path).read_text(encoding="utf-8")).items():
                held[s] += collections.Counter(counts)
    else:
        # The round-up re-ranker shipped was fitted on every page: off while folds are read (its own
        # held-out figures: tools/train_roundup.py --kfold with the models --save writes).
        roundup.set_model(None)
        gaps = page_gaps(data, PARAGRAPH_SETS.get(args.paragraphs, ()))
        for f in [args.fold - 1] if args.fold else range(FOLDS):
            fold_counts = held_out(data, f, gaps, ev, args.save)
            for s in SETS + NOISY:
                held[s] += fold_counts[s]
        if args.fold:
            print(json.dumps({s: dict(c) for s, c in held.items()}))
            return
    layout.set_model(None)
    roundup.set_model(False)
    article_model.set_paragraph_weights(None if args.paragraphs != "rules" else {})
    # The shipped models last (read when first asked for, after the folds' fits).
    dev = {s: score_set(data, s, ev) for s in SETS + NOISY}
    dev_seed = score_pages(sorted((SHARED / "data" / "seed").glob("*.gold.json")))
    print(f"{'seed':18s} dev    {figures(dev_seed)}")
    for s in SETS + NOISY:
        print(f"{s:18s} dev    {figures(dev[s])}")
        print(f"{'':18s} k-fold {figures(held[s])}")
    if args.errors:
        for s in args.errors:
            print(f"{s}: what is left, by kind (dev / k-fold)")
            kinds = sorted({k for c in (dev[s], held[s]) for k in c if k.startswith("error: ")})
            for k in sorted(kinds, key=lambda k: -held[s][k]):
                print(f"  {dev[s][k]:5d} {held[s][k]:5d}  {k[7:]}")


SETS = ("pages-dev", "pages-dev-column", "pages-dev-engine", "no-blanks", "relaid-out", "late-headlines")
#: OCR_NOISE=all (or kinds apart by commas): the three dev sets scored again read with that
#: OCR noise (tools/ocr_noise.py), as "SET +noise".
NOISE = kinds_of(os.environ["OCR_NOISE"]) if os.environ.get("OCR_NOISE") else ()
NOISY = tuple(f"{s} +noise" for s in SETS[:3]) if NOISE else ()
#: ART_NOISE (kinds, as tools/train_articles.py reads it): the paragraph-break weights of each fold
#: fitted on the pages' gaps read with that OCR noise too.
TRAIN_NOISE = kinds_of(os.environ["ART_NOISE"]) if os.environ.get("ART_NOISE") else ()


def score_set(data, s: str, ev) -> collections.Counter:
    """The counts of set ``s`` (or of a "SET +noise") over these examples."""
    name, noisy = s.removesuffix(" +noise"), s.endswith(" +noise")
    return score([e for e in data if e.page.set == name], ev, NOISE if noisy else ())


def held_out(
    data: list[Example], f: int, gaps: dict[int, list], ev, save: str | None = None
) -> dict[str, collections.Counter]:
    """Fold ``f``'s pages scored by models fitted without it (the line model written to
    ``save``/fold-N.json, the paragraph-break weights beside it, when given)."""
    # The fold's paragraph-break weights first: the line model's decoder weights are
    # chosen by whole articles, which the paragraph breaks decide too.
    if gaps:
        article_model.set_paragraph_weights(
            fit_paragraphs([ex for i, g in gaps.items() if data[i].fold != f for ex in g])
        )
    m = fit([e for e in data if e.fold != f])
    layout.set_model(m)
    if save:
        folder = Path(save)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"fold-{f + 1}.json").write_text(
            json.dumps(m.to_json(), ensure_ascii=False), encoding="utf-8"
        )
        (folder / f"fold-{f + 1}-paragraphs.json").write_text(
            json.dumps(article_model.paragraph_weights() or {}), encoding="utf-8"
        )
        (folder / f"fold-{f + 1}-pages.txt").write_text(
            "".join(f"{e.page.path}\n" for e in data if e.fold == f and e.page.set == "pages-dev-engine"),
            encoding="utf-8",
        )
    print(f"fold {f + 1}: decoder prior {m.prior_weight} transitions {m.transition_weight}", file=sys.stderr)
    out = {s: score_set([e for e in data if e.fold == f], s, ev) for s in SETS + NOISY}
    print(f"fold {f + 1}/{FOLDS} done", file=sys.stderr)
    return out


if __name__ == "__main__":
    main()
