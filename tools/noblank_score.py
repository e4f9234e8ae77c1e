"""Score the parser on page sets with their blank lines taken out, as an OCR engine prints a page.

Run: .venv/bin/python tools/noblank_score.py [-v] [--model M.json ...] [DIR ...]   (default: the seed page)

``--model``: line models to score with, one after another (e.g. the fold models that
``tools/kfold_parser.py --save`` writes, with their ``-paragraphs.json`` beside them); the shipped one if none.

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

from structure_score import figures, page_set, score_pages  # noqa: E402

from models.parser import article_model, layout  # noqa: E402


def without_blanks(raw: str) -> str:
    """The page's lines with every blank line taken out (no other character changed)."""
    return "\n".join(line for line in raw.split("\n") if line.strip()) + "\n"


def score_dir(d: Path, verbose: bool = False) -> collections.Counter:
    return score_pages(sorted(d.glob("*.gold.json")), verbose=verbose, prepare=without_blanks)


def use_model(path: Path) -> None:
    """Parse with this line model (and the paragraph-break weights saved beside it, if any)."""
    layout.set_model(layout.LineModel.from_json(json.loads(path.read_text(encoding="utf-8"))))
    paras = path.with_name(path.stem + "-paragraphs.json")
    if paras.exists():
        article_model.set_paragraph_weights(json.loads(paras.read_text(encoding="utf-8")) or None)


def main() -> None:
    argv = sys.argv[1:]
    verbose = "-v" in argv
    models: list[Path | None] = []
    names: list[str] = []
    it = iter(a for a in argv if a != "-v")
    for a in it:
        if a == "--model":
            models.append(Path(next(it)))
        else:
            names.append(a)
    for m in models or [None]:
        if m is not None:
            use_model(m)
            print(m.name)
        for name in names or ["seed"]:
            d = page_set(name, __doc__)
            print(f"{d.name + ' no blanks':24s} {figures(score_dir(d, verbose))}")


if __name__ == "__main__":
    main()
