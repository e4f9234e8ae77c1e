"""Fit the article model's weights and write resources/parser/article_model.json.

Three models, each fitted on the readings the ones before it give: the title-block
model (models/parser/title_blocks.py, a logistic regression over short blocks), the
paragraph-break model (models/parser/paragraph_breaks.py, a logistic regression over the
gaps between body lines, fitted by tools/train_paragraphs.py), then the article decoder.

The article decoder (models/parser/article_model.py) scores every reading of a page with
blank lines as the dot product of its features and weights. The weights are fitted by an
averaged structured perceptron: each training page is decoded with the current weights,
and again forced to its gold reading (every paragraph and title unit in its gold article,
as headline or paragraph); where the two differ, the weights move towards the gold.

Training pages: the dev pages with blank lines (../shared/data/pages-dev and
pages-dev-column; lines labelled from their gold by tools/gold_lines.py) and the dev
gold articles laid out again as column pages with blank lines (tools/relayout.py).
Deterministic: fixed seeds throughout.

    ART_EPOCHS=10 python tools/train_articles.py  # train on every dev page -> the shipped weights
    python tools/train_articles.py --kfold 3  # the shipped weights' dev figures beside 3-fold held-out ones
    python tools/train_articles.py --articles-only  # refit the article decoder alone (the shipped title-block
                                                    # and paragraph-break weights, shared with engine pages, stay)

Measuring and training only: the app never reads ../shared.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import os
import random
import sys
import tempfile
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from gold_lines import label_lines  # noqa: E402
from ocr_noise import kinds_of, noisy_page, page_seed, training_gaps  # noqa: E402
from relayout import Layout, lay_out_page, ocr_blanks  # noqa: E402
from structure_score import figures, scorer  # noqa: E402
from train_paragraphs import choose_l2, gap_examples  # noqa: E402
from train_paragraphs import fit as fit_paragraphs  # noqa: E402
from train_parser import articles_of  # noqa: E402

import models.parser as parser  # noqa: E402
from models.parser import article_model  # noqa: E402
from models.parser.blocks import classify_blocks, cut_blocks  # noqa: E402
from models.parser.lines import split_lines  # noqa: E402
from models.resources import resource_path  # noqa: E402

SETS = ("pages-dev", "pages-dev-column")
FOLDS = 5
SEED = 11
SYNTH_PAGES = 200  # relaid-out column pages in all
#: More relaid-out column pages (ART_MORE, in all), trained on and never scored (set
#: "relaid-more"; the scored relaid-out pages stay the same).
MORE_PAGES = int(os.environ.get("ART_MORE", "0"))
#: Relaid-out column pages with lists (ART_LISTS, in all): in about half their articles a
#: paragraph of three or more sentences is printed as a list, a paragraph a sentence
#: (``relayout.as_list``), numbered or not. They train the paragraph-break model alone
#: (set "relaid-lists"; never scored): runs of short paragraphs, which print sets for
#: lists, dialogue and series of statements, are few among the gold articles.
LIST_PAGES = int(os.environ.get("ART_LISTS", "0"))
LIST_SHARE = float(os.environ.get("ART_LIST_SHARE", "0.5"))
#: On the relaid-out column pages, the share of one-line paragraphs that end no sentence
#: (小标题, labels) set apart by blank lines, as print sets them (ART_APART; relayout's ``apart``).
APART = float(os.environ.get("ART_APART", "0"))
#: Blank lines inside the relaid-out column pages' articles where print sets them
#: (ART_PRINT_BLANKS=1; relayout's ``print_blanks``). ART_PRINT_BLANKS=titles: the title-block
#: model alone fitted on such pages (set "relaid-titles", the same articles and draws), the
#: paragraph breaks and the article decoder on the relaid-out pages as before.
PRINT_BLANKS = os.environ.get("ART_PRINT_BLANKS", "0") == "1"
TITLES_PRINT_BLANKS = os.environ.get("ART_PRINT_BLANKS", "0") == "titles"
#: Passes of the perceptron: a number, or "auto" to choose it on the training pages (``choose_epochs``).
EPOCHS = None if os.environ.get("ART_EPOCHS", "auto") == "auto" else int(os.environ["ART_EPOCHS"])
MAX_EPOCHS = 10  # the most passes choose_epochs tries
STEP = float(os.environ.get("ART_STEP", "0.1"))  # the perceptron's step (against START's costs: its pull)
MARGIN = float(os.environ.get("ART_MARGIN", "1"))  # cost-augmented decoding's margin per item read wrongly
DECAY = float(os.environ.get("ART_DECAY", "0"))  # how far the weights are drawn back to START after a page
#: Train the decoder with the article-level evidence (Decoder.closing, a late headline's words
#: before its body); ART_EVIDENCE=0 trains without it.
EVIDENCE = os.environ.get("ART_EVIDENCE", "1") == "1"
#: The title-block model's ridge penalty (ART_TITLE_L2: a number, or "auto", the default since the
#: 07 Dec refit, to choose it on the training pages' folds, ``choose_title_l2``).
L2 = None if os.environ.get("ART_TITLE_L2", "auto") == "auto" else float(os.environ["ART_TITLE_L2"])
TITLE_L2_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
#: Copies of each printed page's short blocks (dev pages, not relaid-out ones) in the title-block fit.
TITLE_REAL = int(os.environ.get("ART_TITLE_REAL", "1"))
#: Copies of each printed page's gaps (dev pages, not relaid-out ones) in the paragraph-break fit.
PARA_REAL = int(os.environ.get("ART_PARA_REAL", "1"))
#: The paragraph-break model's ridge penalty (ART_PARA_L2: a number, or "auto" to choose it
#: on the training pages' folds, ``train_paragraphs.choose_l2``).
PARA_L2 = None if os.environ.get("ART_PARA_L2", "1") == "auto" else float(os.environ.get("ART_PARA_L2", "1"))
#: ART_NOISE=halfwidth,spaces,... (kinds of tools/ocr_noise.py; "" none, the default): each printed
#: page's gaps (with blank lines and without) are fitted on a second time, read with that OCR noise
#: (its own seed, not the one the noisy figures are scored with), so that the paragraph-break
#: model learns breaks whose line lost its last mark (kfold_parser.py reads it too).
TRAIN_NOISE = kinds_of(os.environ["ART_NOISE"]) if os.environ.get("ART_NOISE") else ()
#: Pages with Tesseract's blank lines (ART_OCR: relaid-out pages in all, column and engine
#: layouts with relayout's ``ocr_blanks``; 0: none, no ``ocr_blanks`` model written and every
#: page parsed as before): with every printed dev page (pages-dev, pages-dev-column,
#: pages-dev-engine) read so too (``ocr_blanks`` on its own lines, its own draw; ART_OCR_REAL
#: copies each) they fit, against the pages with blank lines of their own, the page model that
#: tells a page whose blank lines are all Tesseract's (``models/parser/ocr_blanks.py``;
#: ``article_model.json``'s ``ocr_blanks``). The other models are fitted without them.
OCR_PAGES = int(os.environ.get("ART_OCR", "0"))
OCR_REAL = int(os.environ.get("ART_OCR_REAL", "3"))
OCR_SETS = tuple(f"ocr:{s}" for s in (*SETS, "pages-dev-engine"))


def noisy_gaps(set_name: str, name: str, raw: str, gold: dict) -> list:
    """The page's gaps read with ``TRAIN_NOISE`` (none without it)."""
    return training_gaps(set_name, name, raw, gold, TRAIN_NOISE) if TRAIN_NOISE else []


#: Copies of the seed page (a real OCR'd page, labelled by hand) among the article decoder's
#: training pages (0: not trained on). It is in no fold: k-fold runs train on it in every
#: fold and score it as a training page. With stacked title units (ART_STACK=1) 53 more
#: relaid-out pages train, and 14 copies keep its share of the items (2.3%; 10 copies with
#: stacking: 1.7%, and the full fit read the seed page 17 of 18 articles).
SEED_COPIES = int(os.environ.get("ART_SEED", "10"))
#: Copies of each printed dev page (pages-dev, pages-dev-column) among the article decoder's
#: training pages (ART_REAL; the 200 relaid-out pages hold three times their items, and
#: read less like printed pages: one copy each let them outweigh the printed ones). With
#: stacked title units (ART_STACK=1) the relaid-out pages' reachable items grow 7,622 ->
#: 11,333, and four copies keep the printed pages' items 1.3 times theirs (1.4 with three).
REAL_COPIES = int(os.environ.get("ART_REAL", "3"))
#: Bounds on single weights' magnitude, e.g. ART_CAP="b.width_change:1" (the perceptron's
#: steps are clipped there): evidence that may be fitted to the layout script kept small.
#: Perceptrons averaged (ART_BAGS): each trained on the same pages in another order (its
#: own shuffling seed); the shipped weights are their mean (bagging over orders).
BAGS = int(os.environ.get("ART_BAGS", "3"))
#: Features left out of the fit (ART_DROP="b.width_change,b.width_delta": their weights stay 0), to
#: measure what a feature adds.
DROP = {k.strip() for k in os.environ.get("ART_DROP", "").split(",") if k.strip()}
CAPS = {k: float(v) for k, v in (c.split(":") for c in os.environ.get("ART_CAP", "").split(",") if c.strip())}

#: The title-block model starts from the grid rules' verdict.
START_TITLES = {"bias": -0.5, "rule.legacy": 1.0}

#: The weights the perceptron starts from: the hand-set costs of the rule decoder.
START = {
    "h.never": 5.0,
    "h.multiline": -1.5,
    "h.paren_end": -3.0,
    "h.long": -1.5,
    "h.lead_in": 1.5,
    "h.dash_start": 2.0,
    "h.same_column": 1.0,
    "h.same_column_byline": 1.5,
    "u.bias": 0.6,
    "u.sim": -4.0,
    "u.caption": -0.6,
    "headless": 2.5,
    "i.inside": 2.0,
    "i.opens": 3.0,
    "i.under_head": 2.0,
    "i.label": -5.0,
    "b.bias": 2.5,
    "b.dateline": -6.0,
    "b.caption": -4.0,
    "b.byline": -1.0,
    "b.note_closes": -5.0,
    "b.width_change": -1.5,
    "b.caption_ended": -5.0,
    "d.bias": 0.6,
    "d.sim": -4.0,
    "d.label": -1.0,
    "heading_only": 4.0,
}
if os.environ.get("ART_STACK", "0") == "1":
    # A title unit stacked under the one before it (one title set apart by blank lines):
    # dearer than a new headline, as the rule that joins units leaves few to join.
    # Measured, not shipped (docs/parser.md, "Stacked title units").
    START["s.bias"] = 3.0
    START["s.after"] = 3.0  # the same, the title printed after its article
if os.environ.get("ART_ORPHAN", "1") == "1":
    START["orphan"] = 4.0  # a headline heading nothing where it is printed: as dear as heading_only


@dataclass
class Page:
    set: str
    source: str
    name: str
    raw: str
    gold: dict
    labels: list  # per raw line: (label, article) or None
    fold: int = 0
    items: list | None = None
    item_gold: list | None = None
    blocks: list | None = None
    gaps: list | None = None  # the gaps between its body lines: (features, break?)
    clean_raw: str | None = None  # a page read with Tesseract's blank lines: its text without them
    added: set | None = None  # and the raw lines that are Tesseract's blank lines


def real_pages() -> list[Page]:
    out = []
    for name in SETS:
        for gp in sorted((SHARED / "data" / name).glob("*.gold.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            raw = gp.with_name(gp.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
            out.append(Page(name, gold.get("source", gp.name), gp.name, raw, gold, label_lines(raw, gold)))
    return out


def seed_page() -> Page:
    """The seed page (../shared/data/seed), fold -1: in no fold."""
    gp = SHARED / "data" / "seed" / "jiaozuo-2016-11-page.gold.json"
    gold = json.loads(gp.read_text(encoding="utf-8"))
    raw = gp.with_name(gp.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    return Page("seed", "seed", gp.name, raw, gold, label_lines(raw, gold), fold=-1)


def article_pages(pages: list[Page]) -> list[Page]:
    """The article decoder's training pages: the seed page SEED_COPIES times, each printed
    dev page REAL_COPIES times."""
    printed = [p for p in pages if p.set in SETS]
    return (
        [p for p in pages if p.set != "seed"]
        + printed * (REAL_COPIES - 1)
        + [p for p in pages if p.set == "seed"] * SEED_COPIES
    )


def fold_of_sources(pages: list[Page]) -> dict[str, int]:
    """Printed source pages dealt into folds: one source never spans two folds."""
    sources = sorted({p.source for p in pages})
    random.Random(SEED).shuffle(sources)
    return {src: i % FOLDS for i, src in enumerate(sources)}


def relaid_out(articles: list[dict], n: int, fold: int, name: str = "relaid-out") -> list[Page]:
    """Column pages with blank lines laid out from these articles."""
    rng = random.Random(
        SEED * 1000
        + fold
        + {"relaid-out": 0, "relaid-titles": 0, "relaid-lists": 700, "relaid-ocr": 900}.get(name, 500)
    )
    keys = ("kicker", "heading", "subheading", "paragraphs")
    out: list[Page] = []
    while len(out) < n:
        chosen = rng.sample(articles, min(len(articles), rng.randint(2, 8)))
        layout = lay_out_page(
            chosen,
            rng,
            engine=None if name == "relaid-ocr" else False,
            lists=LIST_SHARE if name == "relaid-lists" else 0.0,
            apart=APART,
            print_blanks=PRINT_BLANKS or name == "relaid-titles",
            tesseract=1.0 if name == "relaid-ocr" else 0.0,
        )
        if parser._engine_layout(split_lines(layout.raw)):
            continue  # laid out without blank lines: the line model's pages
        if name in ("relaid-lists", "relaid-ocr"):
            chosen = layout.printed
        gold = {"sections": [{k: a.get(k) for k in keys} for a in chosen]}
        labels = list(layout.labels) + [None]
        out.append(
            Page(
                name,
                f"{'' if name == 'relaid-out' else name}fold{fold}-{len(out)}",
                f"{'relaid' if name == 'relaid-out' else name}-{fold}-{len(out)}",
                layout.raw,
                gold,
                labels,
                fold,
                added=layout.added,
            )
        )
    return out


def ocr_printed(pages: list[Page]) -> list[Page]:
    """Every printed dev page (pages-dev, pages-dev-column, pages-dev-engine) read with
    Tesseract's blank lines (``relayout.ocr_blanks`` on its own lines, a draw of its own), in
    its printed source's fold (an engine page whose source no other page shares: its sources
    dealt into folds by themselves)."""
    import train_parser as tp

    fold_of = {p.source: p.fold for p in pages if p.set in SETS}
    engine = [p for p in tp.real_pages() if p.set == "pages-dev-engine"]
    own = sorted({p.source for p in engine if p.source not in fold_of})
    random.Random(SEED + 2).shuffle(own)
    fold_of.update({src: i % FOLDS for i, src in enumerate(own)})
    printed = [(p.set, p.name, p.source, p.raw, p.gold, p.labels) for p in pages if p.set in SETS]
    printed += [(p.set, p.path.name, p.source, p.raw, p.gold, label_lines(p.raw, p.gold)) for p in engine]
    out = []
    for set_name, name, source, raw, gold, labels in printed:
        rows = raw.rstrip("\n").split("\n")
        layout = Layout(raw_lines=rows, labels=list(labels[: len(rows)]))
        read = ocr_blanks(layout, random.Random(f"ocr/{set_name}/{name}"))
        out.append(
            Page(
                f"ocr:{set_name}",
                source,
                name,
                read.raw,
                gold,
                list(read.labels) + [None],
                fold_of[source],
                clean_raw=raw,
                added=read.added,
            )
        )
    return out


def block_examples(page: Page) -> list[tuple[dict[str, float], int]]:
    """Every short block of the page, its features and whether its lines are a headline's."""
    seen: list = []
    classify_blocks(cut_blocks(split_lines(page.raw)), START_TITLES, seen)
    out = []
    for block, feats in seen:
        labs = [page.labels[ln.index] for ln in block.lines if ln.index < len(page.labels)]
        kinds = {lab[0] for lab in labs if lab}
        if kinds == {"T"}:
            out.append((feats, 1))
        elif kinds and "T" not in kinds and "?" not in kinds:
            out.append((feats, 0))
    return out


def choose_title_l2(pages: list[Page], grid=TITLE_L2_GRID) -> float:
    """The title-block ridge penalty chosen on the training pages alone: each fold of
    printed source pages (with the relaid-out pages made from its articles) fitted without
    it and scored by the log-loss of its printed pages' short blocks; the penalty with the
    least summed loss (the larger on a tie)."""
    import numpy as np

    folds = sorted({p.fold for p in pages})
    loss = {}
    for l2 in grid:
        total = 0.0
        for f in folds:
            w = fit_titles([p for p in pages if p.fold != f], l2)
            for p in pages:
                if p.fold == f and p.set in SETS:
                    for feats, y in p.blocks or []:
                        z = sum(w.get(k, 0.0) * v for k, v in feats.items())
                        total += float(np.logaddexp(0, z) - y * z)
        loss[l2] = round(total, 2)
    best = min(grid, key=lambda l2: (loss[l2], -l2))
    print(f"title-block ridge chosen on the training pages: {best} (log-loss {loss})", flush=True)
    return best


def fit_titles(pages: list[Page], l2: float | None = None) -> dict[str, float]:
    """Logistic regression (ridge ``l2``, by default L2 or chosen on the pages' folds;
    Newton's method) over the pages' short blocks."""
    import numpy as np

    if l2 is None:
        l2 = L2 if L2 is not None else choose_title_l2(pages)
    examples = [ex for p in pages for ex in (p.blocks or []) * (TITLE_REAL if p.set in SETS else 1)]
    names = sorted({k for f, _ in examples for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f, _ in examples])
    y = np.array([lab for _, lab in examples], dtype=float)
    w = np.zeros(len(names))
    penalty = l2 * np.eye(len(names))
    penalty[names.index("bias"), names.index("bias")] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty + 1e-6 * np.eye(len(names))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {k: round(float(v), 4) for k, v in zip(names, w) if abs(v) > 1e-6 and math.isfinite(v)}


def capture_items(page: Page) -> None:
    """The items the parser hands its article decoder on this page, and their gold."""
    got: list = []
    real = parser.decode_learned

    def spy(items, weights=None):
        got.append(items)
        return real(items, weights)

    parser.decode_learned = spy
    try:
        parser.parse_page(page.raw)
    finally:
        parser.decode_learned = real
    page.items = got[0] if got else []
    page.item_gold = _far_headlines([_item_gold(it, page.labels) for it in page.items])


def _far_headlines(gold: list) -> list:
    """A headline printed away from its article (neither above its first paragraph nor
    right after its last) heads nothing where it stands: the decoder reads it as an orphan
    (a key of its own) and ``_rehome_headlines`` takes it to its article."""
    out = list(gold)
    seen: set = set()
    prev = None
    for i, g in enumerate(gold):
        if g is not None and g[1] == "head" and g[0] in seen and prev != g[0]:
            out[i] = (("far", g[0]), "head")
        if g is not None:
            seen.add(g[0])
            prev = g[0]
    return out


def _item_gold(item, labels) -> tuple | None:
    labs = [labels[ln.index] for ln in item.lines if ln.index < len(labels) and labels[ln.index]]
    labs = [lab for lab in labs if lab[1] is not None and lab[0] != "?"]
    if not labs or len({lab[1] for lab in labs}) > 1:
        return None
    kinds = {lab[0] for lab in labs}
    if item.kind == "title":
        if kinds == {"T"}:
            return (labs[0][1], "head")
        if "T" not in kinds:
            return (labs[0][1], "para")
        return None
    return None if "T" in kinds else (labs[0][1], "para")


def passes(pages: list[Page], epochs: int, seed: int = SEED, margin: float = MARGIN, decay: float = DECAY):
    """Averaged structured perceptron from the rule decoder's costs: the averaged weights
    after each pass over ``pages``. ``margin``: each training page is decoded with every
    move that disagrees with its gold made that much cheaper (the gold must win by a
    margin); ``decay``: after every page the weights are drawn that share of the way back
    to the starting costs (an L2 penalty on how far they move)."""
    w = dict(START)
    for k, cap in CAPS.items():
        w[k] = max(-cap, min(cap, w.get(k, 0.0)))
    total = collections.defaultdict(float)  # the sum of the weights after every step
    steps = 0
    rng = random.Random(seed)
    order = [p for p in pages if p.items]
    article_model.Decoder.evidence = EVIDENCE
    dec = article_model.Decoder(w, track=True)
    for _ in range(epochs):
        rng.shuffle(order)
        for page in order:
            augment = (page.item_gold, margin) if margin else None
            pred = dec.decode(page.items, augment=augment)
            forced = dec.decode(page.items, page.item_gold)
            steps += 1
            if forced is not None:
                fp, fg = pred[1], forced[1]
                for k in (set(fp) | set(fg)) - DROP:
                    d = fp.get(k, 0.0) - fg.get(k, 0.0)
                    if abs(d) > 1e-9:
                        w[k] = w.get(k, 0.0) + STEP * d
                        if k in CAPS:
                            w[k] = max(-CAPS[k], min(CAPS[k], w[k]))
            if decay:
                for k, v in w.items():
                    w[k] = v - decay * (v - START.get(k, 0.0))
            for k, v in w.items():
                total[k] += v
        yield {k: round(v / steps, 4) for k, v in sorted(total.items()) if abs(v / steps) > 1e-6}


def whole_articles(pages: list[Page], weights: dict[str, float]) -> int:
    """How many gold articles (headline and paragraphs) the weights read whole from the
    pages' items: the inner measure that chooses the number of passes."""
    dec = article_model.Decoder(weights)
    hits = 0
    for page in pages:
        if not page.items:
            continue
        arts = dec.decode(page.items)[0]
        known = {id(it) for it, g in zip(page.items, page.item_gold) if g is not None}
        read = {
            (
                frozenset(id(h) for h in (a.heading.parts or (a.heading,))) if a.heading else None,
                frozenset(id(i) for i in a.items if id(i) in known),
            )
            for a in arts
        }
        gold: dict = collections.defaultdict(lambda: [set(), set()])
        for it, g in zip(page.items, page.item_gold):
            if g is not None:
                gold[g[0]][g[1] != "head"].add(id(it))
        hits += sum((frozenset(h), frozenset(ps)) in read for h, ps in gold.values() if h and ps)
    return hits


def choose_epochs(pages: list[Page]) -> int:
    """The number of passes (the perceptron's only regularisation: fewer passes stay nearer
    the rule decoder's costs), chosen on the training pages alone: their printed sources
    dealt into two halves, the perceptron trained on each half and its averaged weights
    after every pass scored on the other; the count reading most articles whole over both
    (the fewest on a tie)."""
    sources = sorted({p.source for p in pages})
    random.Random(SEED + 1).shuffle(sources)
    half = {src: i % 2 for i, src in enumerate(sources)}
    whole = [0] * MAX_EPOCHS
    for part in (0, 1):
        train_on = [p for p in pages if half[p.source] == part]
        other = [p for p in pages if half[p.source] != part]
        for e, weights in enumerate(passes(train_on, MAX_EPOCHS)):
            whole[e] += whole_articles(other, weights)
    best = max(range(MAX_EPOCHS), key=lambda e: (whole[e], -e))
    print(f"passes chosen on the training pages: {best + 1} (articles whole by pass: {whole})", flush=True)
    return best + 1


def train(pages: list[Page], epochs: int | None = EPOCHS) -> dict[str, float]:
    """The article weights fitted on ``pages`` (``epochs`` None: the number of passes
    chosen on them by ``choose_epochs``)."""
    if epochs is None:
        epochs = choose_epochs(pages)
    fits = []
    for b in range(BAGS):
        *_, weights = passes(pages, epochs, seed=SEED + 97 * b)
        fits.append(weights)
    if len(fits) == 1:
        return fits[0]
    keys = sorted({k for w in fits for k in w})
    mean = {k: round(sum(w.get(k, 0.0) for w in fits) / len(fits), 4) for k in keys}
    return {k: v for k, v in mean.items() if abs(v) > 1e-6}


#: OCR_NOISE=all (or kinds apart by commas): with --kfold, the dev sets scored again read with
#: that OCR noise (tools/ocr_noise.py), as "SET +noise".
NOISE = kinds_of(os.environ["OCR_NOISE"]) if os.environ.get("OCR_NOISE") else ()


def score(
    pages: list[Page], weights: dict[str, float] | None, ev, noise: tuple[str, ...] = ()
) -> collections.Counter:
    """The scorer's counts over these pages (``noise``: each read with these kinds of OCR noise first)."""
    tot: collections.Counter = collections.Counter()
    real = parser.decode_learned
    if weights is not None:
        parser.decode_learned = lambda items, _w=None: real(items, weights if _w is None else _w)
    # The scorer reads the page's text from a file: one of this process's own (two runs at once
    # must not read each other's pages).
    tmp = tempfile.TemporaryDirectory(prefix="train_articles_")
    try:
        for page in pages:
            raw, gold = page.raw, page.gold
            if noise:
                raw, gold = noisy_page(raw, gold, noise, page_seed(page.set, page.name))
            path = Path(tmp.name) / "page.txt"
            path.write_text(raw, encoding="utf-8")
            m = ev.score_page(path, gold, parser.parse_page(raw).to_json())
            for k, v in m.items():
                tot[k] += int(v)
            tot["pages"] += 1
    finally:
        parser.decode_learned = real
        tmp.cleanup()
    return tot


def dataset() -> list[Page]:
    pages = real_pages()
    fold_of = fold_of_sources(pages)
    for p in pages:
        p.fold = fold_of[p.source]
    synth: list[Page] = []
    for f in range(FOLDS):
        arts = articles_of([p for p in pages if p.fold == f])
        synth += relaid_out(arts, SYNTH_PAGES // FOLDS, f)
        if MORE_PAGES:
            synth += relaid_out(arts, MORE_PAGES // FOLDS, f, "relaid-more")
        if LIST_PAGES:
            synth += relaid_out(arts, LIST_PAGES // FOLDS, f, "relaid-lists")
        if TITLES_PRINT_BLANKS:
            synth += relaid_out(arts, SYNTH_PAGES // FOLDS, f, "relaid-titles")
        if OCR_PAGES:
            synth += relaid_out(arts, OCR_PAGES // FOLDS, f, "relaid-ocr")
    if OCR_PAGES:
        synth += ocr_printed(pages)
    allp = pages + synth + ([seed_page()] if SEED_COPIES else [])
    for p in allp:
        p.blocks = (
            []
            if p.set == "relaid-lists" or (TITLES_PRINT_BLANKS and p.set == "relaid-out")
            else block_examples(p)
        )
    return allp


def engine_gaps() -> list[tuple[int, list, bool]]:
    """The gaps between body lines of the pages without blank lines (pages-dev-engine, the
    dev pages with their blank lines taken out, relaid-out engine-style pages of
    tools/train_parser.py), each article's body as the shipped line model cuts it: the same
    splitter serves both kinds of page, so it is fitted on both. The shipped fit's (as
    (fold, gaps, printed page?) with the folds unknown, -1); ``engine_gaps_by_fold`` deals
    such pages into this script's folds for a k-fold run."""
    import train_parser as tp

    out = []
    for e in tp.dataset(tp.real_pages()):
        if e.train:
            gaps = [ex for ex, _, _ in gap_examples(e.page.raw, label_lines(e.page.raw, e.page.gold))]
            out.append((-1, gaps, e.page.set != "relaid-out"))
            if TRAIN_NOISE and e.page.set != "relaid-out" and e.page.path is not None:
                out.append((-1, noisy_gaps(e.page.set, e.page.path.name, e.page.raw, e.page.gold), True))
    return out


def engine_gaps_by_fold(pages: list[Page], folds: int) -> list[tuple[int, list, bool]]:
    """The gaps between body lines of the pages without blank lines, each article's body as
    the shipped line model cuts it: the same splitter serves both kinds of page, so it is
    fitted on both. Each page (pages-dev-engine, the dev pages with their blank lines taken
    out) in the fold of its printed source page (-1, every fold's training: a source no page
    with blank lines shares), and engine-style relaid-out pages (tools/train_parser.py's)
    made from each fold's articles alone, so that a k-fold run refits the paragraph-break
    model as the shipped fit does. Returns (fold, gaps of one page, a printed page?)."""
    import train_parser as tp

    fold_of = {p.source: p.fold for p in pages if p.set in SETS}
    out: list[tuple[int, list, bool]] = []
    for page in tp.real_pages():
        raw = page.raw if parser._engine_layout(split_lines(page.raw)) else tp.without_blanks(page.raw)
        gaps = [ex for ex, _, _ in gap_examples(raw, label_lines(raw, page.gold))]
        out.append((fold_of.get(page.source, -1), gaps, True))
        if TRAIN_NOISE:
            out.append(
                (fold_of.get(page.source, -1), noisy_gaps(page.set, page.path.name, raw, page.gold), True)
            )
    for f in range(folds):
        arts = articles_of([p for p in pages if p.set in SETS and p.fold == f])
        for page, labels in tp.synthetic(arts, tp.SYNTH_PAGES // folds, tp.SEED, f):
            out.append((f, [ex for ex, _, _ in gap_examples(page.raw, labels)], False))
    return out


def fit_all(pages: list[Page], everything: list[Page], extra: list = ()) -> tuple[dict, dict, dict]:
    """Title-block weights, then (with them) the paragraph-break weights (on ``pages``'
    gaps and ``extra``'s: (fold, gaps, printed page?) of pages without blank lines), then
    the article decoder's, fitted on ``pages``; every page of ``everything`` is left parsed
    into items with those title and paragraph weights (which stay set for scoring)."""
    pages = [p for p in pages if not is_ocr(p)]  # pages with Tesseract's blank lines: ``fit_ocr``
    everything = [p for p in everything if not is_ocr(p)]
    laid_out = [p for p in pages if p.set != "seed"]  # the seed page trains the article decoder alone
    titles = fit_titles([p for p in laid_out if p.set != "relaid-lists"])
    article_model.set_title_weights(titles)
    laid_out = [p for p in laid_out if p.set != "relaid-titles"]  # the title-block fit's alone
    for p in laid_out:
        p.gaps = [ex for ex, _, _ in gap_examples(p.raw, p.labels)]
        if p.set in SETS:
            p.gaps += noisy_gaps(p.set, p.name, p.raw, p.gold)
    l2 = PARA_L2
    if l2 is None:
        groups: dict[int, list] = collections.defaultdict(list)
        for p in laid_out:
            groups[p.fold].append((p.gaps, p.set in SETS))
        for f, gaps, printed in extra:
            if f >= 0:
                groups[f].append((gaps, printed))
        l2 = choose_l2(dict(groups), [ex for f, gaps, _ in extra if f < 0 for ex in gaps])
    # Printed pages' gaps (ART_PARA_REAL copies each) beside the laid-out ones.
    gaps = [ex for p in laid_out for ex in p.gaps * (PARA_REAL if p.set in SETS else 1)]
    gaps += [ex for _, g, printed in extra for ex in g * (PARA_REAL if printed else 1)]
    paragraphs = fit_paragraphs(gaps, l2)
    article_model.set_paragraph_weights(paragraphs)
    for p in everything:
        if p.set not in ("relaid-lists", "relaid-titles"):  # pages that train one model alone
            capture_items(p)
    return (
        titles,
        paragraphs,
        train(article_pages([p for p in pages if p.set not in ("relaid-lists", "relaid-titles")])),
    )


def is_ocr(page: Page) -> bool:
    return page.set == "relaid-ocr" or page.set in OCR_SETS


def clean_blank_layouts(page: Page, rng: random.Random) -> list[str]:
    """Clean pages laid out with a blank line after every paragraph (a text file's, a web
    page's or a PDF extraction's layout; none of them Tesseract's): the page's own lines with a
    blank line after each paragraph's end (and, in one of them, after its titles), and its
    gold re-wrapped at a width drawn from 30-80 with a blank line after each paragraph, its
    first line set short, opened with "\u3000\u3000", or neither, titles set apart by a blank
    line or not. The page model's negatives (``fit_gate``)."""
    from relayout import TITLE_FIELDS, wrap

    out = []
    if page.set in SETS and page.labels:
        rows = page.raw.rstrip("\n").split("\n")
        for titles in (False, True):
            lay = []
            for k, r in enumerate(rows):
                lay.append(r)
                here, nxt = page.labels[k], page.labels[k + 1] if k + 1 < len(rows) else None
                if here is None or nxt is None:
                    continue
                if (nxt[0] == "P" and here[0] != "T") or (titles and here[0] == "T" and nxt[0] != "T"):
                    lay.append("")
            out.append("\n".join(lay) + "\n")
    for indent in ("short", "none", "ideographic"):
        width = rng.randint(30, 80)
        titles_apart = rng.random() < 0.5
        secs = []
        for sec in page.gold.get("sections") or []:
            rows = [sec[k] for k in (*TITLE_FIELDS, "byline") if sec.get(k)]
            if titles_apart and rows:
                rows.append("")
            for para in sec.get("paragraphs") or []:
                text = "\u3000\u3000" + para if indent == "ideographic" else para
                rows += wrap(text, width, 2 if indent == "short" else 0, rng, 0.0)
                rows.append("")
            secs.append("\n".join(rows).rstrip("\n"))
        out.append("\n\n".join(x for x in secs if x) + "\n")
    return out


#: The page model's ridge penalties tried; the one with the least k-fold log-loss (folds of
#: the training pages' printed sources) is fitted (ART_OCR_GATE_L2 fixes one instead).
OCR_GATE_L2S = (0.001, 0.01, 0.1, 1.0, 10.0)


def _fit_logistic(x, y, l2: float, bias: int):
    import numpy as np

    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    penalty[bias, bias] = 0.0
    for _ in range(50):
        prob = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (prob - y) + penalty @ w
        hess = (x * (prob * (1 - prob))[:, None]).T @ x + penalty + 1e-6 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def fit_gate(pages: list[Page]) -> dict[str, float]:
    """The page model that tells a page whose blank lines are all Tesseract's
    (``ocr_blanks.page_features``; ``all_tesseract``) from one with blank lines of its own: a
    logistic regression over the pages with blank lines, those against the printed and
    relaid-out column pages, the pages with Tesseract's blank lines beside their own, and the
    clean layouts with a blank line after every paragraph made from the training pages
    (``clean_blank_layouts``). The seed page is kept out (it is scored held out); the ridge
    penalty is the one of ``OCR_GATE_L2S`` with the least 3-fold log-loss."""
    import zlib

    import numpy as np

    from models.parser.ocr_blanks import gate_logit, page_features

    examples = []  # (features, label, group)
    made = set()
    for p in pages:
        if p.set == "seed":
            continue
        lines = split_lines(p.raw)
        group = zlib.crc32(p.source.encode()) % 3
        if p.set not in ("relaid-lists", "relaid-titles") and not parser._engine_layout(lines):
            copies = REAL_COPIES if p.set in SETS else OCR_REAL if p.set in OCR_SETS else 1
            examples += [(page_features(lines), int(all_tesseract(p)), group)] * max(copies, 1)
        if (p.set in SETS or p.set in OCR_SETS) and (p.source, p.name) not in made:
            made.add((p.source, p.name))
            rng = random.Random(zlib.crc32(f"clean {p.source} {p.name}".encode()))
            for raw in clean_blank_layouts(p, rng):
                examples.append((page_features(split_lines(raw)), 0, group))
    names = sorted({k for f, _, _ in examples for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f, _, _ in examples])
    y = np.array([lab for _, lab, _ in examples], dtype=float)
    g = np.array([grp for _, _, grp in examples])
    bias = names.index("bias")
    l2s = (float(os.environ["ART_OCR_GATE_L2"]),) if os.environ.get("ART_OCR_GATE_L2") else OCR_GATE_L2S
    losses = {}
    for l2 in l2s:
        loss = 0.0
        for k in range(3):
            w = _fit_logistic(x[g != k], y[g != k], l2, bias)
            prob = np.clip(1.0 / (1.0 + np.exp(-np.clip(x[g == k] @ w, -30, 30))), 1e-9, 1 - 1e-9)
            yk = y[g == k]
            loss -= float(np.sum(yk * np.log(prob) + (1 - yk) * np.log(1 - prob)))
        losses[l2] = loss / len(y)
    l2 = min(losses, key=losses.get)
    w = _fit_logistic(x, y, l2, bias)
    weights = {k: round(float(v), 4) for k, v in zip(names, w)}
    by_set = collections.Counter(
        p.set
        for p in pages
        if p.set not in ("relaid-lists", "relaid-titles", "seed")
        and not parser._engine_layout(lines := split_lines(p.raw))
        and (gate_logit(page_features(lines), dict(zip(names, w))) > 0) != all_tesseract(p)
    )
    clean_told = int(np.sum(x[y == 0] @ w > 0))
    wrong = sum(by_set.values())
    print(f"page model ridge: 3-fold log-loss {losses} -> {l2}", flush=True)
    print(
        f"page model misreads by set: {dict(by_set)}; weights {dict(zip(names, np.round(w, 2)))}", flush=True
    )
    print(
        f"page model: {len(y)} examples ({int(y.sum())} whose blank lines are all Tesseract's), "
        f"{wrong} pages misread, {clean_told} of {int((y == 0).sum())} negatives told",
        flush=True,
    )
    return weights


def all_tesseract(page: Page) -> bool:
    """A page whose blank lines are all Tesseract's: laid out with them (``is_ocr``) and, less
    them, as an OCR engine prints a page (hardly a blank line of its own)."""
    if not is_ocr(page):
        return False
    rows = page.raw.rstrip("\n").split("\n")
    own = "\n".join(r for k, r in enumerate(rows) if k not in (page.added or set())) + "\n"
    return parser._engine_layout(split_lines(own))


def fit_ocr(pages: list[Page]) -> dict:
    """The model of pages whose blank lines are all Tesseract's (``article_model.json``'s
    ``ocr_blanks``: the page model, ``fit_gate``); set for scoring (``article_model.set_ocr_model``)."""
    model = {"gate": fit_gate(pages)}
    article_model.set_ocr_model(model)
    return model


def kfold(
    folds: int,
    save: Path | None = None,
    articles_only: bool = False,
    engine: bool = True,
    ocr_only: bool = False,
) -> None:
    """Dev figures of the shipped weights beside held-out figures: the pages' printed
    sources are dealt into ``folds`` folds; each fold is scored by weights fitted without
    any of its pages or of the relaid-out pages made from its articles (``save``: each
    fold's three models written there as foldN.json, for tools/article_errors.py;
    ``articles_only``: the article decoder alone refitted, the shipped title-block and
    paragraph-break weights, which saw every page, kept; ``engine``: each fold's
    paragraph-break weights fitted on the training folds' pages without blank lines too, as
    the shipped ones are on every page's). The seed page, when trained on, is in every
    fold's training pages: its figure is a training figure. ``ocr_only``: the models of pages
    with Tesseract's blank lines alone refitted per fold (the shipped others kept: a page
    without such blank lines reads as shipped), the dev sets scored clean and read with
    ``blanks`` and ``blanks2`` noise (tools/ocr_noise.py; pages-dev-engine too), and the
    relaid-out pages with Tesseract's blank lines held out."""
    global FOLDS
    FOLDS = folds
    data = dataset()
    ev = scorer()
    sets = (
        list(SETS)
        + ["relaid-out"]
        + (["seed"] if SEED_COPIES else [])
        + [f"{s} +noise" for s in SETS if NOISE]
    )

    if ocr_only:
        sets = [*SETS, "pages-dev-engine", "relaid-ocr"] + [
            f"{s} +{k}" for k in ("blanks", "blanks2") for s in (*SETS, "pages-dev-engine")
        ]

    def score_set(pages: list[Page], s: str, weights: dict[str, float] | None) -> collections.Counter:
        name, _, kind = s.partition(" +")
        noise = NOISE if kind == "noise" else (kind,) if kind else ()
        if name == "pages-dev-engine":  # its clean pages, those read with Tesseract's blank lines
            chosen = [p for p in pages if p.set == "ocr:pages-dev-engine"]
            chosen = [dataclass_replace(p, set=name, raw=p.clean_raw) for p in chosen]
        else:
            chosen = [p for p in pages if p.set == name]
        return score(chosen, weights, ev, noise)

    article_model.set_title_weights(None)
    article_model.set_paragraph_weights(None)
    # (``ocr_only``: the dev figures are tools/ocr_noise.py's, with the shipped models)
    dev = {} if ocr_only else {s: score_set(data, s, article_model.shipped_weights()) for s in sets}
    for s in dev:
        print(f"{s:18s} dev    {figures(dev[s])}", flush=True)
    held = {s: collections.Counter() for s in sets}
    if ocr_only:
        shipped = article_model.shipped_weights()
        for f in range(FOLDS):
            test = [p for p in data if p.fold == f]
            fit_ocr([p for p in data if p.fold != f])
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"ocr-fold{f}.json").write_text(
                    json.dumps(article_model.ocr_model(), ensure_ascii=False), encoding="utf-8"
                )
            for s in sets:
                part = score_set(test, s, shipped)
                held[s] += part
                print(f"fold {f + 1}/{FOLDS} {s:26s} {figures(part)}", flush=True)
        article_model.set_ocr_model(None)
        for s in sets:
            print(f"{s:26s} k-fold {figures(held[s])}")
        return
    if articles_only:
        for p in data:
            capture_items(p)
    by_fold = engine_gaps_by_fold(data, FOLDS) if engine and not articles_only else []
    for f in range(FOLDS):
        test = [p for p in data if p.fold in (f, -1)]
        if articles_only:
            t_f, p_f = article_model.title_weights(), article_model.paragraph_weights()
            w_f = train(article_pages([p for p in data if p.fold != f]))
        else:
            extra = [e for e in by_fold if e[0] != f]
            t_f, p_f, w_f = fit_all([p for p in data if p.fold != f], data, extra)
        if save is not None:
            save.mkdir(parents=True, exist_ok=True)
            model = {"title_blocks": t_f, "paragraph_breaks": p_f, "weights": w_f, "folds": FOLDS}
            (save / f"fold{f}.json").write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
        for s in sets:
            part = score_set(test, s, w_f)
            held[s] += part
            print(f"fold {f + 1}/{FOLDS} {s:18s} {figures(part)}", flush=True)
    article_model.set_title_weights(None)
    article_model.set_paragraph_weights(None)
    for s in sets:
        print(f"{s:18s} dev    {figures(dev[s])}")
        print(f"{'':18s} {'trained' if s == 'seed' else 'k-fold'} {figures(held[s])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--kfold", type=int, metavar="K", help="score the shipped weights and K-fold held-out weights"
    )
    ap.add_argument(
        "--save-folds", type=Path, metavar="DIR", help="with --kfold: write each fold's models there"
    )
    ap.add_argument(
        "--articles-only",
        action="store_true",
        help="refit only the article decoder's weights, keeping the shipped title-block and paragraph-break ones",
    )
    ap.add_argument(
        "--no-engine-gaps",
        action="store_true",
        help="with --kfold: fit each fold's paragraph-break weights on the pages with blank lines alone",
    )
    ap.add_argument(
        "--ocr-only",
        action="store_true",
        help="fit only the models of pages with Tesseract's blank lines (ocr_blanks), keeping the shipped others",
    )
    args = ap.parse_args()
    if args.kfold:
        kfold(args.kfold, args.save_folds, args.articles_only, not args.no_engine_gaps, args.ocr_only)
        return
    data = dataset()
    if args.articles_only:
        # The shipped title-block and paragraph-break weights stay (the pages' items are
        # cut by them, as a full fit that makes the same ones would cut them).
        titles, paragraphs = article_model.title_weights(), article_model.paragraph_weights()
        for p in data:
            capture_items(p)
        weights = train(article_pages(data))
    elif args.ocr_only:
        titles, paragraphs = article_model.title_weights(), article_model.paragraph_weights()
        weights = article_model.shipped_weights()
    else:
        titles, paragraphs, weights = fit_all(data, data, engine_gaps())
    out = resource_path(*article_model.MODEL_FILE)
    model = {"title_blocks": titles, "paragraph_breaks": paragraphs, "weights": weights}
    if OCR_PAGES:
        model["ocr_blanks"] = fit_ocr(data)
    out.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"trained on {sum(p.set != 'relaid-out' for p in data)} dev pages + "
        f"{sum(p.set == 'relaid-out' for p in data)} relaid-out pages -> {out.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
