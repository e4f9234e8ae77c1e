"""Fit the parser's line model and write resources/parser/line_model.json.

Training pages: the dev pages (../shared/data/pages-dev*, every line labelled from its
gold by tools/gold_lines.py) and the same gold articles laid out again in many styles
(tools/relayout.py). Deterministic: fixed seeds throughout.

    python tools/train_parser.py            # train on every dev page, write the shipped model
    python tools/kfold_parser.py            # the honest figures: each page scored by a model that never saw it

Measuring and training only: the app never reads ../shared.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from gold_lines import label_lines  # noqa: E402
from relayout import DEV_SETS, lay_out_page  # noqa: E402

from models.parser.layout import (  # noqa: E402
    FEATURES,
    LABELS,
    LineModel,
    page_features,
    softmax_fit,
    stacked,
    transition_logs,
)
from models.parser.lines import split_lines  # noqa: E402
from models.resources import resource_path  # noqa: E402

SYNTH_PAGES = 240  # relaid-out pages in all
FOLDS = 5
SEED = 7


@dataclass
class Page:
    set: str
    path: Path | None
    source: str
    raw: str
    gold: dict


@dataclass
class Example:
    """One page's features and line labels, with the fold its articles belong to."""

    fold: int
    page: Page
    x: np.ndarray
    y: list[int]


def real_pages(sets: tuple[str, ...] = DEV_SETS) -> list[Page]:
    out = []
    for name in sets:
        for gp in sorted((SHARED / "data" / name).glob("*.gold.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            raw = gp.with_name(gp.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
            out.append(Page(name, gp, gold.get("source", gp.name), raw, gold))
    return out


def articles_of(pages: list[Page]) -> list[dict]:
    """The pages' gold articles, each once."""
    seen: set[str] = set()
    out = []
    for page in pages:
        for sec in page.gold["sections"]:
            if not sec.get("heading") or not sec.get("paragraphs"):
                continue
            key = sec["heading"] + "".join(sec["paragraphs"])[:50]
            if key not in seen:
                seen.add(key)
                out.append(sec)
    return out


def fold_of_sources(pages: list[Page], k: int = FOLDS, seed: int = SEED) -> dict[str, int]:
    """Sources (printed pages) dealt into k folds: one printed page never spans two folds,
    so an article printed on several dev pages sits in one fold."""
    sources = sorted({p.source for p in pages})
    random.Random(seed).shuffle(sources)
    return {src: i % k for i, src in enumerate(sources)}


def synthetic(articles: list[dict], n_pages: int, seed: int, fold: int) -> list[tuple[Page, list[str]]]:
    """Relaid-out pages of these articles, with every raw line's label."""
    rng = random.Random(seed * 1000 + fold)
    out = []
    keys = ("kicker", "heading", "subheading", "paragraphs")
    for i in range(n_pages):
        chosen = rng.sample(articles, min(len(articles), rng.randint(2, 8)))
        layout = lay_out_page(chosen, rng)
        gold = {"sections": [{k: a.get(k) for k in keys} for a in chosen]}
        page = Page("relaid-out", None, f"fold{fold}-{i}", layout.raw, gold)
        out.append((page, [lab[0] if lab else "" for lab in layout.labels] + [""]))
    return out


def examples(raw: str, labels: list[str]) -> tuple[np.ndarray, list[int]]:
    lines = split_lines(raw)
    x = page_features(lines)
    ys = [
        LABELS.index(lab) if lab in LABELS else LABELS.index("C")
        for ln, lab in zip(lines, labels)
        if not ln.blank
    ]
    return x, ys


def dataset(pages: list[Page], k: int = FOLDS, seed: int = SEED, n_synth: int = SYNTH_PAGES) -> list[Example]:
    """Every dev page (lines labelled from its gold) and relaid-out pages of each fold's articles."""
    fold_of = fold_of_sources(pages, k, seed)
    out = []
    for page in pages:
        labels = [lab[0] if lab else "" for lab in label_lines(page.raw, page.gold)]
        out.append(Example(fold_of[page.source], page, *examples(page.raw, labels)))
    for f in range(k):
        arts = articles_of([p for p in pages if fold_of[p.source] == f])
        for page, labels in synthetic(arts, n_synth // k, seed, f):
            out.append(Example(f, page, *examples(page.raw, labels)))
    return out


def fit(data: list[Example], seed: int = SEED) -> LineModel:
    xs = [e.x for e in data if e.y]
    y = np.asarray([v for e in data for v in e.y])
    x = np.vstack(xs)
    # Lines that carry a paragraph on are most of a page and the easiest to tell: a
    # fifth of them, each counted five times, keeps the fit quick.
    cont = LABELS.index("C")
    keep = (y != cont) | (np.random.default_rng(seed).random(len(y)) < 0.2)
    weight = np.where(y == cont, 5.0, 1.0)[keep]
    first = softmax_fit(x[keep], y[keep], weight)
    # The second pass reads the first pass's headline odds of each line's neighbours.
    x2 = np.vstack([stacked(e.x, first) for e in data if e.y])
    w = softmax_fit(x2[keep], y[keep], weight)
    start, trans = transition_logs([e.y for e in data])
    return LineModel(FEATURES, first, w, start, trans)


def main() -> None:
    pages = real_pages()
    data = dataset(pages)
    m = fit(data)
    out = resource_path("parser", "line_model.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(m.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"trained on {len(pages)} dev pages + {len(data) - len(pages)} relaid-out pages -> {out.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
