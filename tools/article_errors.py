"""What the parser gets wrong on pages with blank lines, article by article, by kind
(measuring only; reads ../shared).

Every gold article with a headline and paragraphs that is not read whole is put in one
kind, and told apart by where its headline is printed (before its body, or after it):

- headline missed: its lines left in a body paragraph, or joined to another title unit
  (two stacked titles read as one, or a kicker taken for the article above's);
- headline found, but its kicker or subheading is another title's (stacked titles split
  wrongly: the title text differs although the headline matches);
- paragraphs split wrongly (the article's text is right);
- wrong paragraphs: runs on into the next article, cut short, or other paragraphs
  altogether (a headline printed after its article placed over the wrong one).

Made-up headlines (output headlines that are no gold headline) are counted beside them.

    python tools/article_errors.py [-v]                   # the shipped weights on pages-dev, pages-dev-column
    python tools/article_errors.py --folds DIR [-v]       # each page read by its held-out fold's models
                                                          # (tools/train_articles.py --kfold K --save-folds DIR)
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from engine_errors import _s, _title  # noqa: E402
from gold_lines import label_lines  # noqa: E402
from structure_score import SHARED, scorer  # noqa: E402

import models.parser as parser  # noqa: E402
from models.parser import article_model  # noqa: E402

SETS = ("pages-dev", "pages-dev-column")


def late_articles(raw: str, gold: dict) -> set[int]:
    """Gold articles whose headline is printed after their first paragraph."""
    first_t: dict[int, int] = {}
    first_b: dict[int, int] = {}
    for i, lab in enumerate(label_lines(raw, gold)):
        if not lab or lab[1] is None:
            continue
        (first_t if lab[0] == "T" else first_b).setdefault(lab[1], i)
    return {a for a in first_t if a in first_b and first_t[a] > first_b[a]}


def page_errors(raw: str, gold: dict, out: dict, ev) -> list[tuple[str, str, str]]:
    """(kind, where the headline is printed, headline) for every gold article with a
    headline and paragraphs, and (made up …, '', headline) for every made-up headline."""
    gsec, osec = gold["sections"], out["sections"]
    late = late_articles(raw, gold)
    gold_keys = set().union(*[ev.head_keys(g) for g in gsec if g.get("heading")] or [set()])
    paras = {_s(p) for g in gsec for p in g["paragraphs"]}
    titles = "".join(_title(g) for g in gsec)
    found = []
    for o in osec:
        if _s(o.get("heading")) and not (ev.head_keys(o) & gold_keys):
            head = _s(o.get("heading"))
            if head in paras:
                kind = "made up: a 小标题 or body paragraph"
            elif _title(o) in titles or head in titles:
                kind = "made up: a piece of a title"
            elif any(_s(g.get("heading")) in _title(o) for g in gsec if g.get("heading")):
                kind = "made up: two titles joined"
            else:
                kind = "made up: other"
            found.append((kind, "", o.get("heading") or ""))
    for a, g in enumerate(gsec):
        if not g.get("heading") or not g["paragraphs"]:
            continue
        where = "after" if a in late else "before"
        match = [o for o in osec if ev.head_keys(o) & ev.head_keys(g)]
        if not match:
            head = _s(g["heading"])
            joined = any(head in _title(o) for o in osec)
            kind = (
                "headline missed: joined to another title" if joined else "headline missed: left in the body"
            )
            found.append((kind, where, g["heading"]))
            continue
        want = [_s(p) for p in g["paragraphs"]]
        o = match[0]
        got = [_s(p) for p in o.get("paragraphs") or []]
        if ev.para_keys(o) == want or got == want:
            found.append(("whole", where, g["heading"]))
            continue
        w, t, t2 = "".join(want), _s(o.get("byline")) + "".join(got), "".join(got)
        if w in (t, t2):
            kind = "paragraphs split wrongly"
        elif t.startswith(w) or t2.startswith(w):
            kind = "wrong paragraphs: runs on into the next"
        elif w.startswith(t) or w.startswith(t2):
            kind = "wrong paragraphs: cut short"
        elif t.endswith(w) or t2.endswith(w):
            kind = "wrong paragraphs: takes the end of the one before"
        elif w.endswith(t2) and t2:
            kind = "wrong paragraphs: loses its opening"
        elif not set(want) & set(got):
            kind = "wrong paragraphs: another article's"
        else:
            kind = "wrong paragraphs: other"
        found.append((kind, where, g["heading"]))
    return found


def _use(models: dict | None) -> None:
    if models is None:
        article_model.set_title_weights(None)
        article_model.set_paragraph_weights(None)
    else:
        article_model.set_title_weights(models["title_blocks"])
        article_model.set_paragraph_weights(models["paragraph_breaks"])


def _fold_of(folds: int) -> dict[str, int]:
    """The printed sources' folds as tools/train_articles.py deals them."""
    import train_articles as ta

    pages = ta.real_pages()
    ta.FOLDS = folds
    sources = sorted({p.source for p in pages})
    random.Random(ta.SEED).shuffle(sources)
    return {src: i % folds for i, src in enumerate(sources)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=Path, metavar="DIR", help="each page read by its fold's models in DIR")
    ap.add_argument("-v", action="store_true", help="list the articles of every kind")
    ap.add_argument("sets", nargs="*", default=list(SETS))
    args = ap.parse_args()
    ev = scorer()
    fold_models: list[dict] = []
    fold_of: dict[str, int] = {}
    if args.folds:
        files = sorted(args.folds.glob("fold*.json"))
        fold_models = [json.loads(f.read_text(encoding="utf-8")) for f in files]
        fold_of = _fold_of(len(fold_models))
    real = parser.decode_learned
    for name in args.sets:
        kinds: collections.Counter = collections.Counter()
        examples = collections.defaultdict(list)
        for gp in sorted((SHARED / "data" / name).glob("*.gold.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            raw = gp.with_name(gp.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
            models = None
            if fold_models:
                models = fold_models[fold_of[gold.get("source", gp.name)]]
            _use(models)
            if models is not None:
                parser.decode_learned = lambda items, _w=None, m=models: real(items, m["weights"])
            try:
                out = parser.parse_page(raw).to_json()
            finally:
                parser.decode_learned = real
            for kind, where, head in page_errors(raw, gold, out, ev):
                key = f"{kind} [headline {where}]" if where and kind != "whole" else kind
                kinds[key] += 1
                examples[key].append(f"{gp.name.split('.')[0]}: {head}")
        _use(None)
        print(f"{name} ({'held out' if fold_models else 'shipped weights'})")
        for kind, n in sorted(
            kinds.items(), key=lambda kv: (kv[0] != "whole", kv[0].startswith("made"), -kv[1])
        ):
            print(f"{n:5d}  {kind}")
            if args.v and kind != "whole":
                for e in examples[kind]:
                    print(f"         {e}")


if __name__ == "__main__":
    main()
