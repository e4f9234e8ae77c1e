"""Score the parser on page sets with their blank lines taken out, as an OCR engine prints a page.

Run: .venv/bin/python tools/noblank_score.py [-v] [--model M.json ...] [--folds DIR] [DIR ...]   (default: the seed page)

``--model``: line models to score with, one after another (e.g. the fold models that
``tools/kfold_parser.py --save`` writes, with their ``-paragraphs.json`` beside them); the shipped one if none.
``--folds DIR``: held out: each page scored by the fold model of DIR (``kfold_parser.py --fold N
--save DIR``'s fold-N.json) whose fold holds the page's printed source (its gold's ``source``, dealt
into folds as tools/train_parser.py deals the dev pages: a page Tesseract read of a dev page is
scored by the model that never saw that page); a page of no dev source (the seed page) by the
shipped model, which never saw it either.

The seed page (../shared/data/seed, the one real OCR'd page) without blank lines is the
held-out check of the line model on a real page whose titles sit at the top of each
piece: it is never a training page (tools/train_parser.py does not read it). Counts as
../shared/eval/structure_eval.py does. Measuring only: the app never reads ../shared.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from engine_print import without_blanks  # noqa: E402
from structure_score import figures, page_set, score_pages  # noqa: E402

from models.parser import article_model, layout  # noqa: E402


def score_dir(d: Path, verbose: bool = False) -> collections.Counter:
    return score_pages(sorted(d.glob("*.gold.json")), verbose=verbose, prepare=without_blanks)


def use_model(path: Path) -> None:
    """Parse with this line model (and the paragraph-break weights saved beside it, if any)."""
    layout.set_model(layout.LineModel.from_json(json.loads(path.read_text(encoding="utf-8"))))
    paras = path.with_name(path.stem + "-paragraphs.json")
    if paras.exists():
        article_model.set_paragraph_weights(json.loads(paras.read_text(encoding="utf-8")) or None)


def score_held_out(d: Path, folds: Path, verbose: bool = False) -> collections.Counter:
    """The set's pages, each scored by the fold model that never saw its printed source
    (module docstring); the shipped models are in use again after."""
    from train_parser import fold_of_sources, real_pages

    fold_of = fold_of_sources(real_pages())
    by_fold: dict[int | None, list[Path]] = collections.defaultdict(list)
    for gp in sorted(d.glob("*.gold.json")):
        source = json.loads(gp.read_text(encoding="utf-8")).get("source")
        by_fold[fold_of.get(source)].append(gp)
    tot: collections.Counter = collections.Counter()
    try:
        for f, pages in sorted(by_fold.items(), key=lambda x: -1 if x[0] is None else x[0]):
            if f is not None:
                use_model(folds / f"fold-{f + 1}.json")
            else:
                layout.set_model(None)
                article_model.set_paragraph_weights(None)
            tot += score_pages(pages, verbose=verbose, prepare=without_blanks)
    finally:
        layout.set_model(None)
        article_model.set_paragraph_weights(None)
    return tot


def main() -> None:
    argv = sys.argv[1:]
    verbose = "-v" in argv
    models: list[Path | None] = []
    names: list[str] = []
    folds: Path | None = None
    it = iter(a for a in argv if a != "-v")
    for a in it:
        if a == "--model":
            models.append(Path(next(it)))
        elif a == "--folds":
            folds = Path(next(it))
        else:
            names.append(a)
    if folds is not None:
        for name in names or ["seed"]:
            d = page_set(name, __doc__)
            print(
                f"{d.parent.name + '/' + d.name + ' held out':40s} {figures(score_held_out(d, folds, verbose))}"
            )
        return
    for m in models or [None]:
        if m is not None:
            use_model(m)
            print(m.name)
        for name in names or ["seed"]:
            d = page_set(name, __doc__)
            print(f"{d.name + ' no blanks':24s} {figures(score_dir(d, verbose))}")


if __name__ == "__main__":
    main()
