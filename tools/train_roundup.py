"""Fit the round-up re-ranker (models/parser/roundup.py) and measure it held out.

Run:
    .venv/bin/python tools/train_roundup.py                 # fit on every page, write resources/parser/roundup_model.json
    .venv/bin/python tools/train_roundup.py --off           # the same, shipped with "on": false
    .venv/bin/python tools/train_roundup.py --kfold DIR     # held out: fold N's pages read by DIR/fold-N.json
                                                            # (tools/kfold_parser.py --fold N --save DIR), the
                                                            # re-ranker fitted on the other folds' pages

Training pages: every engine-path page of tools/train_parser.py's data set (pages-dev-engine, the
dev pages with blank lines taken out, relaid-out engine pages, brief pages) and its label pages
(LABEL_PAGES, default here 60; LABEL_INLINE 0.3; LABEL_COLUMNS 0.4: their counter-examples, the
same pieces as sections of one article), plus the late-headline pages kfold_parser.py scores. Only
pages with a labelled run teach anything: each is read every candidate way (roundup.probe) and scored
as ../shared/eval/structure_eval.py counts; the re-ranker is a conditional logit over a page's
readings, its target the readings that score best (articles whole, then headlines found less made
up), ridge chosen by leave-one-fold-out on the training pages. The seed page is never a training
page: --kfold scores it without blank lines with each fold's models.

ROUNDUP_READINGS=titles,text: the readings tried beside the decoder's (default: roundup.READINGS,
titles alone; titles,text was measured and not shipped).

Re-runnable after tools/train_parser.py (it reads the line model in resources/, or the fold models);
measuring only: it reads ../shared, the app never does.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("LABEL_PAGES", "60")
os.environ.setdefault("LABEL_INLINE", "0.3")
os.environ.setdefault("LABEL_COLUMNS", "0.4")

import argparse
import collections
import dataclasses
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from engine_print import without_blanks  # noqa: E402
from relayout import lay_out_page  # noqa: E402
from structure_score import SHARED, _Text, figures, scorer  # noqa: E402
from train_parser import (  # noqa: E402
    FOLDS,
    SEED,
    Example,
    Page,
    articles_of,
    dataset,
    fold_of_sources,
    real_pages,
    synthetic,
)

from models.parser import article_model, layout, parse_page, roundup  # noqa: E402
from models.resources import resource_path  # noqa: E402

RIDGE_GRID = (0.1, 1.0, 10.0)
LATE_PAGES = 60  # as tools/kfold_parser.py
#: Pages of accounts inside one article (env ACCOUNT_PAGES; the counter-examples of the round-ups).
ACCOUNT_PAGES = int(os.environ.get("ACCOUNT_PAGES", "60"))


@dataclass
class Read:
    """One page read every candidate way: the readings' features and each reading's counts."""

    set: str
    fold: int
    name: str
    x: np.ndarray | None  # None: no labelled run (read as the decoder reads it)
    counts: list[collections.Counter]


def target(c: collections.Counter) -> float:
    return c["hit_art"] + 0.5 * (c["true_head"] - (c["n_out_head"] - c["true_head"]))


def read_page(raw: str, gold: dict, path, ev) -> tuple[np.ndarray | None, list[collections.Counter]]:
    out = []
    x = None
    k = 0
    while True:
        with roundup.probe(k) as seen:
            parsed = parse_page(raw).to_json()
        out.append(collections.Counter({a: int(b) for a, b in ev.score_page(path, gold, parsed).items()}))
        if not seen:
            break
        x = seen[0]
        k += 1
        if k >= len(x):
            break
    return x, out


def people(articles: list[dict]) -> tuple[list[str], list[str]]:
    """The person names jieba tags in these articles' text, and the words (nouns) printed just
    before one of them (记者, 院长, 人大代表: a role), each only where the name goes on with a
    word of speech (说, 表示) or follows a noun, to keep jieba's stray tags out."""
    import jieba.posseg

    names: set[str] = set()
    roles: set[str] = set()
    speech = {"说", "表示", "介绍", "认为", "告诉", "坦言", "说道"}
    for a in articles:
        words = list(jieba.posseg.cut("".join(a["paragraphs"])[:400]))
        for k, w in enumerate(words):
            if w.flag != "nr" or not 2 <= len(w.word) <= 3:
                continue
            prev = words[k - 1] if k else None
            role = prev is not None and prev.flag in ("n", "nz", "nt") and 2 <= len(prev.word) <= 6
            if role or (k + 1 < len(words) and words[k + 1].word in speech):
                names.add(w.word)
            if role and k + 1 < len(words) and words[k + 1].word in speech:
                roles.add(prev.word)
    return sorted(names), sorted(roles)


def _words(article: dict, rng: random.Random) -> str:
    """A short line of words an account prints under its label (我们一定能打赢): a short
    headline, or the first clause of a paragraph."""
    head = article.get("heading") or ""
    if 4 <= len(head) <= 16 and rng.random() < 0.5:
        return head
    para = rng.choice(article["paragraphs"])
    clause = re.split(r"[，。；！？：]", para)[0]
    return clause[: rng.randint(6, 16)] if len(clause) >= 4 else head[:16] or "记者手记"


def account_pages(articles: list[dict], n_pages: int, seed: int, fold: int) -> list[Example]:
    """Engine-style relaid-out pages of one article of labelled accounts (the round-ups'
    counter-examples): a headline and an intro, then two to six accounts, each a label (a person
    name of the fold's text, with or without a role before it, or 名字（role）： as the dev gold's
    accounts print it) over a short line of its words and a paragraph or two (or the label and
    its words on one line, or the label straight over the text), among zero to three other
    articles. The gold reads the accounts as paragraphs of the one article."""
    rng = random.Random(seed * 1000 + fold + 1300)
    names, roles = people(articles)
    keys = ("kicker", "heading", "subheading", "paragraphs")
    with_text = [a for a in articles if a.get("heading") and a.get("paragraphs")]
    out = []
    for i in range(n_pages):
        host = rng.choice(with_text)
        paragraphs = list(host["paragraphs"][:1]) if rng.random() < 0.9 else []
        style = rng.random()
        for src in rng.sample(with_text, min(len(with_text), rng.randint(2, 6))):
            name = rng.choice(names) if names else "记者"
            kind = rng.random()
            if roles and kind < 0.3:
                label = rng.choice(roles) + name
            elif roles and kind < 0.45:
                label = f"{name}（{rng.choice(roles)}）"
            else:
                label = name
            words = _words(src, rng)
            text = src["paragraphs"][: rng.randint(1, 2)]
            if style < 0.3:
                paragraphs.extend([f"{label}：{words}", *text])
            elif style < 0.85:
                paragraphs.extend([f"{label}：", words, *text])
            else:
                paragraphs.extend([f"{label}：", *text])
        article = {"kicker": None, "heading": host["heading"], "subheading": None, "paragraphs": paragraphs}
        others = [a for a in with_text if a is not host]
        around = rng.sample(others, min(len(others), rng.randint(0, 3)))
        at = rng.randint(0, len(around))
        units = around[:at] + [article] + around[at:]
        layout = lay_out_page(units, rng, engine=True, after_p=0.0 if rng.random() < 0.8 else None)
        gold = {"sections": [{k: a.get(k) for k in keys} for a in layout.printed]}
        out.append(Example(fold, Page("accounts", None, f"accounts{fold}-{i}", layout.raw, gold), None, [], train=False))
    return out


def all_pages() -> list[Example]:
    pages = real_pages()
    data = []
    for e in dataset(pages):
        if not e.train:
            continue
        if e.page.set == "labelled" and any(
            s.get("kicker") is None and any(p.endswith("：") for p in s.get("paragraphs") or []) for s in e.page.gold["sections"]
        ):
            # The label pages' counter-examples (their pieces as sections of one article), scored apart.
            e = dataclasses.replace(e, page=dataclasses.replace(e.page, set="label-columns"))
        data.append(e)
    fold_of = fold_of_sources(pages)
    for f in range(FOLDS):
        arts = articles_of([p for p in pages if fold_of[p.source] == f])
        for page, _labels in synthetic(arts, LATE_PAGES // FOLDS, 11, f, after_p=0.5, name="late-headlines"):
            data.append(Example(f, page, None, [], train=False))
        data.extend(account_pages(arts, ACCOUNT_PAGES // FOLDS, SEED, f))
    return data


def read_all(data: list[Example], ev) -> list[Read]:
    out = []
    for e in data:
        path = e.page.path.with_name(e.page.path.name.replace(".gold.json", ".txt")) if e.page.path else None
        if path is None or e.page.set == "no-blanks":
            path = _Text(e.page.raw)
        x, counts = read_page(e.page.raw, e.page.gold, path, ev)
        out.append(Read(e.page.set, e.fold, e.page.path.name if e.page.path else e.page.source, x, counts))
    return out


def fit(reads: list[Read], l2: float) -> np.ndarray:
    """Conditional-logit weights (Newton's method, ridge ``l2``): each page's readings, its target
    spread evenly over the readings that score best."""
    pages = []
    for r in reads:
        if r.x is None or len(r.counts) < 2:
            continue
        t = np.array([target(c) for c in r.counts[: len(r.x)]])
        if t.max() == t.min():
            continue
        pages.append((r.x, (t == t.max()) / (t == t.max()).sum()))
    d = len(roundup.FEATURES)
    w = np.zeros(d)
    for _ in range(30):
        grad = l2 * w
        hess = l2 * np.eye(d)
        for x, y in pages:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            grad += x.T @ (p - y)
            hess += x.T @ (np.diag(p) - np.outer(p, p)) @ x
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-5:
            break
    return w


def picked(reads: list[Read], w: np.ndarray | None) -> dict[str, collections.Counter]:
    """Each set's counts with every page read as ``w`` picks (None: the decoder's reading)."""
    out: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in reads:
        k = 0 if w is None or r.x is None else int(np.argmax(r.x @ w))
        out[r.set] += r.counts[k]
        out[r.set]["pages"] += 1
    return out


def changes(reads: list[Read], w: np.ndarray) -> None:
    """The pages whose reading the re-ranker changes, with the counts it moves."""
    for r in reads:
        if r.x is None:
            continue
        k = int(np.argmax(r.x @ w))
        if k:
            a, b = r.counts[0], r.counts[k]
            print(
                f"    {r.set}/{r.name}: reading {k} of {len(r.x)}, articles {a['hit_art']} -> {b['hit_art']},"
                f" heads {a['true_head']} -> {b['true_head']}, made up {a['n_out_head'] - a['true_head']}"
                f" -> {b['n_out_head'] - b['true_head']}"
            )


def choose_ridge(reads: list[Read]) -> float:
    """The ridge whose leave-one-fold-out picks score best on these (training) pages."""
    best, best_l2 = None, RIDGE_GRID[0]
    folds = sorted({r.fold for r in reads})
    for l2 in RIDGE_GRID:
        total = 0.0
        for f in folds:
            w = fit([r for r in reads if r.fold != f], l2)
            for r in reads:
                if r.fold == f and r.x is not None:
                    total += target(r.counts[int(np.argmax(r.x @ w))])
        if best is None or total > best:
            best, best_l2 = total, l2
    return best_l2


def seed_reads(ev) -> list[Read]:
    out = []
    for gp in sorted((SHARED / "data" / "seed").glob("*.gold.json")):
        raw = gp.with_name(gp.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        raw = without_blanks(raw)
        x, counts = read_page(raw, json.loads(gp.read_text(encoding="utf-8")), _Text(raw), ev)
        out.append(Read("seed no blanks", -1, gp.name, x, counts))
    return out


SETS = (
    "pages-dev-engine",
    "no-blanks",
    "relaid-out",
    "briefs",
    "labelled",
    "label-columns",
    "accounts",
    "late-headlines",
    "seed no blanks",
)


def report(title: str, base: dict, new: dict) -> None:
    print(title)
    for s in SETS:
        if s in base:
            print(f"  {s:16s} main   {figures(base[s])}")
            print(f"  {'':16s} stage  {figures(new[s])}")


def kfold(folder: Path, data: list[Example], ev) -> None:
    base_all: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    new_all: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for f in range(FOLDS):
        t0 = time.process_time()
        path = folder / f"fold-{f + 1}.json"
        layout.set_model(layout.LineModel.from_json(json.loads(path.read_text(encoding="utf-8"))))
        paras = folder / f"fold-{f + 1}-paragraphs.json"
        article_model.set_paragraph_weights(json.loads(paras.read_text(encoding="utf-8")) or None)
        reads = read_all(data, ev)
        train = [r for r in reads if r.fold != f]
        l2 = choose_ridge(train)
        w = fit(train, l2)
        held = [r for r in reads if r.fold == f] + seed_reads(ev)
        base, new = picked(held, None), picked(held, w)
        report(f"fold {f + 1} (ridge {l2}, {time.process_time() - t0:.0f} s CPU)", base, new)
        changes([r for r in held if r.set != "labelled"], w)
        print("  weights " + " ".join(f"{n}={v:.2f}" for n, v in zip(roundup.FEATURES, w)), flush=True)
        for s in base:
            if s != "seed no blanks":
                base_all[s] += base[s]
                new_all[s] += new[s]
    report("5-fold held out (seed: per fold above)", base_all, new_all)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kfold", metavar="DIR", help="fold models of tools/kfold_parser.py --save")
    ap.add_argument("--off", action="store_true", help="ship the weights switched off")
    args = ap.parse_args()
    ev = scorer()
    roundup.set_model(None)
    if os.environ.get("ROUNDUP_READINGS"):
        # e.g. ROUNDUP_READINGS=titles: only the reading with every run a title block beside the decoder's.
        roundup.READINGS = tuple(k == "titles" for k in os.environ["ROUNDUP_READINGS"].split(","))
    t0 = time.process_time()
    data = all_pages()
    if args.kfold:
        kfold(Path(args.kfold), data, ev)
        return
    reads = read_all(data, ev)
    l2 = choose_ridge(reads)
    w = fit(reads, l2)
    seed = seed_reads(ev)
    dev_base, dev_new = picked(reads + seed, None), picked(reads + seed, w)
    report(f"dev (training pages; ridge {l2}; seed never trained on)", dev_base, dev_new)
    changes([r for r in reads + seed if r.set != "labelled"], w)
    out = {
        "features": list(roundup.FEATURES),
        "weights": [round(float(v), 4) for v in w],
        "ridge": l2,
        "on": not args.off,
    }
    path = resource_path(*roundup.MODEL_FILE)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path} ({time.process_time() - t0:.0f} s CPU)")


if __name__ == "__main__":
    main()
