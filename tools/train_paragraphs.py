"""Fit the paragraph-break model (models/parser/paragraph_breaks.py) on labelled pages.

Every gap between two body lines the parser hands its paragraph splitter is one example:
its features (``gap_features``; the "opened its paragraph" ones as the gold says the line
above did) and whether the gold starts a paragraph (or another article) below it. Gaps
next to a headline line or a line the gold does not place are left out. The fit is a
ridge-penalised logistic regression (L-BFGS over sparse binary features, deterministic).

tools/train_articles.py calls ``gap_examples`` and ``fit`` and writes the weights with
the title-block and article weights. Run alone, this prints the gaps' error counts by
kind, on the dev pages and held out (folds by printed source page):

    python tools/train_paragraphs.py [--folds 3] [--errors] [--engine-gaps]

Measuring and training only: the app never reads ../shared.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import models.parser as parser  # noqa: E402
from models.parser import engine  # noqa: E402
from models.parser.paragraph_breaks import BodyRun, gap_features  # noqa: E402
from models.parser.paragraphs import local_widths  # noqa: E402

L2 = 1.0

Example = tuple[list[str], int]


def body_runs(raw: str) -> list[tuple[list, list[float]]]:
    """The runs of body lines (and their column widths) the parser splits on this page:
    the body runs of a page with blank lines, or each article's body on a page the line
    model reads (no blank lines)."""
    got: list = []
    real = parser._split_body
    real_engine = engine.split_body

    def spy(body, columns):
        got.append((list(body), list(columns)))
        return real(body, columns)

    def spy_engine(body):
        got.append((list(body), local_widths(body)))
        return real_engine(body)

    parser._split_body = spy
    engine.split_body = spy_engine
    try:
        parser.parse_page(raw)
    finally:
        parser._split_body = real
        engine.split_body = real_engine
    return got


def gold_opens(labels: list, lines: list) -> list[bool | None]:
    """For each line of a run: does the gold open a paragraph there (None: not known)."""
    out: list[bool | None] = []
    prev = None
    for ln in lines:
        lab = labels[ln.index] if ln.index < len(labels) else None
        if not lab or lab[0] in "T?" or lab[1] is None:
            out.append(None)
        else:
            out.append(lab[0] == "P" or (prev is not None and prev[1] != lab[1]))
        prev = lab
    return out


def gap_examples(raw: str, labels: list) -> list[tuple[Example, list, int]]:
    """((features, label), run, k) for every gap of the page whose two lines the gold places."""
    out = []
    for lines, columns in body_runs(raw):
        opens = gold_opens(labels, lines)
        run = BodyRun(lines, columns)
        for k in range(len(lines) - 1):
            if opens[k] is None or opens[k + 1] is None:
                continue
            always, first, later = gap_features(run, k)
            opened = opens[k] or k == 0
            out.append(((always + (first if opened else later), int(opens[k + 1])), lines, k))
    return out


def fit(examples: list[Example], l2: float = L2, iters: int = 300) -> dict[str, float]:
    """Ridge logistic regression over binary features (L-BFGS); the bias is not penalised."""
    names = sorted({n for f, _ in examples for n in f})
    index = {n: i for i, n in enumerate(names)}
    rows = [sorted({index[n] for n in f}) for f, _ in examples]
    cols = np.fromiter((i for r in rows for i in r), dtype=np.int64)
    starts = np.cumsum([0] + [len(r) for r in rows[:-1]])
    row_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    y = np.array([lab for _, lab in examples], dtype=float)
    pen = np.full(len(names), l2)
    pen[index["bias"]] = 0.0

    def loss_grad(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = np.add.reduceat(w[cols], starts)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        loss = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.sum(pen * w * w)
        grad = np.bincount(cols, weights=(p - y)[row_of], minlength=len(names)) + pen * w
        return float(loss), grad

    w = np.zeros(len(names))
    loss, grad = loss_grad(w)
    hist: list[tuple[np.ndarray, np.ndarray]] = []
    for _ in range(iters):
        # Two-loop recursion: the L-BFGS direction from the last few steps.
        q = grad.copy()
        alphas = []
        for s, t in reversed(hist):
            a = s @ q / (t @ s)
            alphas.append(a)
            q -= a * t
        if hist:
            s, t = hist[-1]
            q *= (s @ t) / (t @ t)
        for (s, t), a in zip(hist, reversed(alphas)):
            q += s * (a - t @ q / (t @ s))
        step = 1.0
        while True:
            w_new = w - step * q
            loss_new, grad_new = loss_grad(w_new)
            if loss_new <= loss - 1e-4 * step * (grad @ q) or step < 1e-8:
                break
            step *= 0.5
        s, t = w_new - w, grad_new - grad
        if t @ s > 1e-10:
            hist = (hist + [(s, t)])[-10:]
        done = abs(loss - loss_new) < 1e-7 * max(1.0, abs(loss))
        w, loss, grad = w_new, loss_new, grad_new
        if done:
            break
    return {n: round(float(v), 4) for n, v in zip(names, w) if abs(v) >= 1e-4}


L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)


def choose_l2(
    groups: dict[int, list[tuple[list[Example], bool]]], always: list[Example] = (), grid=L2_GRID
) -> float:
    """The ridge penalty chosen on the training gaps alone: each group (a fold of printed
    source pages, with every page made from its articles: relaid-out, blank lines taken
    out) fitted without it (``always``: gaps every inner fit trains on) and scored by the
    log-loss of its printed pages' gaps (each page's gaps with whether they are scored);
    the penalty with the least summed loss (the larger on a tie)."""
    loss = {}
    for l2 in grid:
        total = 0.0
        for g, held in groups.items():
            train = [ex for h, pages in groups.items() if h != g for exs, _ in pages for ex in exs]
            w = fit(train + list(always), l2)
            for exs, scored in held:
                if scored:
                    for names, y in exs:
                        z = sum(w.get(n, 0.0) for n in names)
                        total += float(np.logaddexp(0, z) - y * z)
        loss[l2] = round(total, 2)
    best = min(grid, key=lambda l2: (loss[l2], -l2))
    print(f"paragraph-break ridge chosen on the training gaps: {best} (log-loss {loss})", flush=True)
    return best


def error_kinds(pages, weights: dict[str, float]) -> collections.Counter:
    """Gaps read wrong on these pages by the parser with ``weights``: missed and false
    breaks, by how the line above ends and the line below starts."""
    from models.parser import article_model
    from models.parser.paragraph_breaks import _end, _start

    article_model.set_paragraph_weights(weights)
    tot: collections.Counter = collections.Counter()
    try:
        for page in pages:
            for lines, _columns in body_runs(page.raw):
                opens = gold_opens(page.labels, lines)
                got = {p[0].index for p in parser._split_body(lines, local_widths(lines))}
                for k in range(len(lines) - 1):
                    if opens[k] is None or opens[k + 1] is None:
                        continue
                    want, have = opens[k + 1], lines[k + 1].index in got
                    tot["gaps"] += 1
                    tot["breaks"] += want
                    if want != have:
                        a, b = lines[k].stripped, lines[k + 1].stripped
                        tot[("missed" if want else "false", _end(a), _start(b))] += 1
                        tot["missed" if want else "false"] += 1
    finally:
        article_model.set_paragraph_weights(None)
    return tot


def main() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import train_articles as ta

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--errors", action="store_true", help="list the held-out errors by kind")
    ap.add_argument(
        "--engine-gaps",
        action="store_true",
        help="fit on the gaps of the pages without blank lines too, dealt into the folds (as train_articles.py)",
    )
    args = ap.parse_args()
    ta.FOLDS = args.folds
    data = ta.dataset()
    for p in data:
        p.gaps = [ex for ex, _, _ in gap_examples(p.raw, p.labels)]
    extra = ta.engine_gaps_by_fold(data, args.folds) if args.engine_gaps else []
    sets = list(ta.SETS) + ["relaid-out"]
    dev_w = fit([ex for p in data for ex in p.gaps] + [ex for _, g, _ in extra for ex in g])
    rules = {s: error_kinds([p for p in data if p.set == s], {}) for s in sets}
    dev = {s: error_kinds([p for p in data if p.set == s], dev_w) for s in sets}
    held = {s: collections.Counter() for s in sets}
    for f in range(args.folds):
        w = fit(
            [ex for p in data if p.fold != f for ex in p.gaps]
            + [ex for g_f, g, _ in extra if g_f != f for ex in g]
        )
        for s in sets:
            held[s] += error_kinds([p for p in data if p.fold == f and p.set == s], w)
    for s in sets:
        for name, c in (("rules", rules[s]), ("dev", dev[s]), ("held-out", held[s])):
            print(
                f"{s:18s} {name:9s} gaps {c['gaps']} breaks {c['breaks']} missed {c['missed']} false {c['false']}"
            )
        if args.errors:
            kinds = [(k, v) for k, v in held[s].items() if isinstance(k, tuple)]
            for k, v in sorted(kinds, key=lambda kv: -kv[1])[:15]:
                print(f"    {v:4d} {k}")


if __name__ == "__main__":
    main()
