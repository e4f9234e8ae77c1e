"""Fit the parser's line model and write resources/parser/line_model.json.

Training pages, all without blank lines (the only pages the model reads): the engine dev
pages, the other dev pages with their blank lines taken out (../shared/data/pages-dev*,
every line labelled from its gold by tools/gold_lines.py), and the same gold articles
laid out again in the engine's style (tools/relayout.py). The decoder's two weights
(label prior, transitions) are then chosen by parsing one fold held out of a second fit
and scoring it as ../shared/eval/structure_eval.py does. Deterministic: fixed seeds.

    python tools/train_parser.py            # train on every dev page, write the shipped model
    python tools/kfold_parser.py            # the honest figures: each page scored by a model that never saw it

Measuring and training only: the app never reads ../shared.
"""

from __future__ import annotations

import os

# One BLAS thread: the fit is many small products, which threads only slow down on a shared machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import json
import random
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from engine_print import without_blanks  # noqa: E402
from gold_lines import label_lines  # noqa: E402
from relayout import DEV_SETS, lay_out_page  # noqa: E402
from structure_score import scorer  # noqa: E402

from models.parser import _engine_layout  # noqa: E402
from models.parser.engine import engine_sections  # noqa: E402
from models.parser.headlines import ARTICLE_FEATURES, SHORT, article_features, candidates, rescore  # noqa: E402
from models.parser.layout import (  # noqa: E402
    FEATURES,
    LABELS,
    LineModel,
    line_texts,
    page_features,
    softmax_fit,
    stacked,
    transition_logs,
)
from models.parser.lines import ends_sentence, split_lines  # noqa: E402
from models.parser.placement import placement_features, stretches  # noqa: E402
from models.resources import resource_path  # noqa: E402
from models.section import ParsedPage  # noqa: E402

SYNTH_PAGES = 240  # relaid-out pages in all
#: Relaid-out pages that set some of their articles as one column of briefs, in all (env BRIEF_PAGES).
BRIEF_PAGES = int(os.environ.get("BRIEF_PAGES", "60"))
#: Half the brief pages print every headline after its text, the briefs' own too (env LATE_BRIEFS=1;
#: measured, not shipped: see README, "Columns of briefs").
LATE_BRIEFS = os.environ.get("LATE_BRIEFS", "0") == "1"
#: Relaid-out pages of labelled briefs (a unit's name ending in a colon over a short headline), in all
#: (env LABEL_PAGES; 0: none).
LABEL_PAGES = int(os.environ.get("LABEL_PAGES", "0"))
#: The share of those pieces printed under a label (env LABEL_SHARE); the others under their headline alone.
LABEL_SHARE = float(os.environ.get("LABEL_SHARE", "1.0"))
#: The share of labelled pieces whose label and headline share one line (env LABEL_INLINE).
LABEL_INLINE = float(os.environ.get("LABEL_INLINE", "0.0"))
#: The share of those pages that set their labelled pieces as sections of one article (env LABEL_COLUMNS).
LABEL_COLUMNS = float(os.environ.get("LABEL_COLUMNS", "0.0"))
FOLDS = 5
SEED = 7
#: The share of training pages the fit also reads as Tesseract printed them (env TESS_SHARE; 0:
#: none): a copy of the page with ``tools/ocr_noise.py``'s ``tesseract`` noise, the same lines and labels.
TESS_SHARE = float(os.environ.get("TESS_SHARE", "0"))


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
    train: bool = True  # False: a page with blank lines, scored only (the line model never reads it)
    emit: np.ndarray | None = None  # a model's label log-probabilities of the lines, while choosing a decoder
    arts: list[int | None] | None = None  # each non-blank line's gold article


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


def synthetic(
    articles: list[dict],
    n_pages: int,
    seed: int,
    fold: int,
    after_p: float | None = None,
    name: str = "relaid-out",
) -> list[tuple[Page, list]]:
    """Relaid-out pages of these articles in the engine's style, with every raw line's label
    (``after_p``: the share of headlines printed after their article; None: drawn per page)."""
    rng = random.Random(seed * 1000 + fold + (0 if after_p is None else 500))
    out = []
    keys = ("kicker", "heading", "subheading", "paragraphs")
    for i in range(n_pages):
        chosen = rng.sample(articles, min(len(articles), rng.randint(2, 8)))
        layout = lay_out_page(chosen, rng, engine=True, after_p=after_p)
        gold = {"sections": [{k: a.get(k) for k in keys} for a in layout.printed]}
        page = Page(name, None, f"fold{fold}-{i}", layout.raw, gold)
        out.append((page, layout.labels + [None]))
    return out


def column_of(items: list[dict], name: str, late: bool = False) -> dict:
    """Short articles printed as one column of briefs under a column head (财经短波,
    国际回声): the column is one article headed ``name``; each brief's own headline is a
    paragraph of it, as the dev pages' gold reads such columns (``late``: printed after
    its brief, on a page that prints every headline after its text)."""
    paragraphs: list[str] = []
    for item in items:
        title = item.get("heading") or item.get("kicker")
        if title and not late:
            paragraphs.append(title)
        paragraphs.extend(item["paragraphs"])
        if title and late:
            paragraphs.append(title)
    return {"kicker": None, "heading": name, "subheading": None, "paragraphs": paragraphs}


def brief_pages(articles: list[dict], n_pages: int, seed: int, fold: int) -> list[tuple[Page, list]]:
    """Engine-style relaid-out pages each holding one column of two to four briefs (the
    shortest of the page's articles) among whole articles: a page of many short pieces,
    whose pieces' headlines are not the page's headlines. The column head is a few
    characters of another article's headline (a short label that ends no sentence). With
    ``LATE_BRIEFS`` every other page prints each headline after its text, the briefs' too (as
    relayout.py's late-headline pages do), so that a short line after a finished piece is not
    learned to be a brief's inner headline whatever the page (measured, not shipped)."""
    rng = random.Random(seed * 1000 + fold + 900)
    out = []
    keys = ("kicker", "heading", "subheading", "paragraphs")
    for i in range(n_pages):
        chosen = rng.sample(articles, min(len(articles), rng.randint(4, 8)))
        k = rng.randint(2, min(4, len(chosen) - 1))
        size = sorted(range(len(chosen)), key=lambda j: sum(map(len, chosen[j]["paragraphs"])))
        brief = set(size[:k])
        others = [a for a in articles if a not in chosen and a.get("heading")]
        label = "".join(ch for ch in rng.choice(others)["heading"] if ch.isalnum())[: rng.randint(2, 4)]
        late = LATE_BRIEFS and i % 2 == 1
        column = column_of([chosen[j] for j in sorted(brief)], label or "短讯", late)
        rest = [a for j, a in enumerate(chosen) if j not in brief]
        at = rng.randint(0, len(rest))
        page_articles = rest[:at] + [column] + rest[at:]
        layout = lay_out_page(page_articles, rng, engine=True, after_p=1.0 if late else None)
        gold = {"sections": [{k: a.get(k) for k in keys} for a in layout.printed]}
        page = Page("briefs", None, f"briefs{fold}-{i}", layout.raw, gold)
        out.append((page, layout.labels + [None]))
    return out


#: A lead's dateline, bylines and bracketed notes, skipped when a brief's label is read from its lead.
_LEAD_NOISE = re.compile(
    r"^\s*(本报讯|(据)?(本报|新华社|中新社)\s*\S{0,12}?\s*\d*\s*月?\s*\d*\s*日\s*电)|[（(][^）)]*[）)]"
)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def unit_label(article: dict, others: list[dict], rng: random.Random) -> str:
    """A brief's label (the unit or person it reports on, 区组织人社局：, 蒋德成：): its own short
    kicker, else the subject opening its lead (the first run of Han characters of its first
    clause, dateline and brackets skipped), else a few characters of another headline."""
    kicker = (article.get("kicker") or "").strip().rstrip("：:—- ")
    if kicker and len(kicker) <= 14 and rng.random() < 0.7:
        return kicker + "："
    lead = _LEAD_NOISE.sub("", article["paragraphs"][0] if article["paragraphs"] else "")
    runs = _HAN_RUN.findall(re.split(r"[，。：；！？]", lead, maxsplit=1)[0]) if len(lead) >= 30 else []
    if runs and rng.random() < 0.6:
        run = runs[0]
        return (run if len(run) <= 9 else run[: rng.randint(3, 9)]) + "："
    head = "".join(ch for ch in rng.choice(others)["heading"] if ch.isalnum())
    return head[: rng.randint(3, 8)] + "："


def label_pages(articles: list[dict], n_pages: int, seed: int, fold: int) -> list[tuple[Page, list]]:
    """Engine-style relaid-out pages of labelled briefs, as local papers print a round-up of
    units' work: four to ten short pieces (an article's first one to three paragraphs), most
    under a label line ending in a colon (``unit_label``) over a short headline, the whole
    page one piece after another with no column head; each piece is an article of the gold
    (label as kicker). A short line ending in a colon over a short line, then body text,
    opens an article here, as on the real page of this kind (the seed page, never a
    training page)."""
    rng = random.Random(seed * 1000 + fold + 700)
    out = []
    keys = ("kicker", "heading", "subheading", "paragraphs")
    shortest = sorted(
        (a for a in articles if a.get("heading") and a.get("paragraphs")),
        key=lambda a: sum(map(len, a["paragraphs"][:3])),
    )
    pool = shortest[: max(8, len(shortest) * 2 // 3)]
    for i in range(n_pages):
        chosen = rng.sample(pool, min(len(pool), rng.randint(4, 10)))
        units = []
        for a in chosen:
            paragraphs = a["paragraphs"][: rng.randint(1, 3)]
            label = unit_label(a, articles, rng) if rng.random() < LABEL_SHARE else None
            sub = a.get("subheading") if rng.random() < 0.2 else None
            if label and rng.random() < LABEL_INLINE:
                # 苏家作乡：突破常规促发展 — the label and the headline on one line (split_title's _label_split).
                units.append(
                    {
                        "kicker": None,
                        "heading": label + a["heading"],
                        "subheading": sub,
                        "paragraphs": paragraphs,
                    }
                )
            else:
                units.append(
                    {"kicker": label, "heading": a["heading"], "subheading": sub, "paragraphs": paragraphs}
                )
        if rng.random() < LABEL_COLUMNS:
            # The same pieces as sections of one article under its headline (a series of accounts,
            # 刘丽（军队支援湖北医疗队护士）： over 在这里，大家都是战斗员): label and headline lines
            # are one-line paragraphs of it, as the dev pages' gold reads them.
            # As the dev gold's one such article prints them (pages-dev-engine page-000): an
            # intro paragraph under the headline, then a few accounts.
            head = rng.choice([a for a in articles if a.get("heading")])
            paragraphs = list(head["paragraphs"][:1]) if head.get("paragraphs") and rng.random() < 0.7 else []
            for u in units[: rng.randint(2, 5)]:
                heads = [u[f] for f in ("kicker", "heading", "subheading") if u.get(f)]
                paragraphs.extend(heads + u["paragraphs"])
            others = [a for a in articles if a not in chosen and a.get("paragraphs")]
            around = rng.sample(others, min(len(others), rng.randint(1, 3)))
            column = {
                "kicker": None,
                "heading": head["heading"],
                "subheading": None,
                "paragraphs": paragraphs,
            }
            at = rng.randint(0, len(around))
            units = around[:at] + [column] + around[at:]
        layout = lay_out_page(units, rng, engine=True, after_p=0.0 if rng.random() < 0.8 else None)
        gold = {"sections": [{k: a.get(k) for k in keys} for a in layout.printed]}
        page = Page("labelled", None, f"labelled{fold}-{i}", layout.raw, gold)
        out.append((page, layout.labels + [None]))
    return out


def fine_labels(lines: list, coarse: list) -> list[str]:
    """The model's label of each non-blank line from its (T/P/C, article) label: a title
    line opening its block (B) or going on with it (I), a one-line paragraph that ends no
    sentence (S), a paragraph's first line (P), a continuation (C)."""
    body = [(ln, lab) for ln, lab in zip(lines, coarse) if not ln.blank]
    out = []
    for k, (ln, lab) in enumerate(body):
        kind, art = (lab[0], lab[1]) if lab else ("C", None)
        prev = body[k - 1][1] if k > 0 else None
        nxt = body[k + 1][1] if k + 1 < len(body) else None
        if kind == "T":
            out.append("I" if prev and prev[0] == "T" and prev[1] == art else "B")
        elif kind == "P":
            alone = not (nxt and nxt[0] == "C")
            out.append("S" if alone and not ends_sentence(ln.stripped) and len(ln.stripped) <= 30 else "P")
        else:
            out.append("C")
    return out


def examples(raw: str, coarse: list) -> tuple[np.ndarray, list[int], list[int | None]]:
    lines = split_lines(raw)
    x = page_features(lines)
    coarse = list(coarse) + [None] * (len(lines) - len(coarse))
    arts = [lab[1] if lab else None for ln, lab in zip(lines, coarse) if not ln.blank]
    return x, [LABELS.index(lab) for lab in fine_labels(lines, coarse)], arts


def engine_layout(raw: str) -> bool:
    """The page is printed as an OCR engine prints it (the parser runs the line model)."""
    return _engine_layout(split_lines(raw))


def dataset(pages: list[Page], k: int = FOLDS, seed: int = SEED, n_synth: int = SYNTH_PAGES) -> list[Example]:
    """Every dev page (lines labelled from its gold) and relaid-out pages of each fold's articles.

    The line model runs only on pages without blank lines, so it learns only from such
    pages: the engine dev pages, the other dev pages with their blank lines taken out
    (set "no-blanks"), and relaid-out pages in the engine's style. The dev pages with
    blank lines are kept, unlearned, to be scored."""
    fold_of = fold_of_sources(pages, k, seed)
    out = []
    for page in pages:
        fold = fold_of[page.source]
        if engine_layout(page.raw):
            out.append(Example(fold, page, *_xy(page.raw, label_lines(page.raw, page.gold))))
            continue
        out.append(Example(fold, page, np.zeros((0, len(FEATURES))), [], train=False))
        raw = without_blanks(page.raw)
        flat = Page("no-blanks", None, page.source, raw, page.gold)
        out.append(Example(fold, flat, *_xy(raw, label_lines(raw, page.gold))))
    for f in range(k):
        arts = articles_of([p for p in pages if fold_of[p.source] == f])
        for page, labels in synthetic(arts, n_synth // k, seed, f):
            out.append(Example(f, page, *_xy(page.raw, labels)))
        for page, labels in brief_pages(arts, BRIEF_PAGES // k, seed, f):
            out.append(Example(f, page, *_xy(page.raw, labels)))
        for page, labels in label_pages(arts, LABEL_PAGES // k, seed, f):
            out.append(Example(f, page, *_xy(page.raw, labels)))
    return out + tesseract_copies(out, TESS_SHARE, seed)


def tesseract_copies(data: list[Example], share: float, seed: int = SEED) -> list[Example]:
    """A ``share`` of the training pages read again with Tesseract's noise as measured on real
    reads (``ocr_noise.py``'s ``tesseract``: its marks, its lost letter spacing, added characters,
    lost end marks, look-alikes): the same lines, so each line keeps its label and article; set
    "tesseract", in its page's fold."""
    if share <= 0:
        return []
    from ocr_noise import lookalikes, noisy_page

    rng = random.Random(seed * 1000 + 77)
    table = lookalikes()
    out = []
    for e in data:
        if not e.train or not e.y or rng.random() >= share:
            continue
        raw, gold = noisy_page(e.page.raw, e.page.gold, ("tesseract",), rng.randrange(1 << 30), table)
        lines = split_lines(raw)
        if sum(not ln.blank for ln in lines) != len(e.y):
            continue  # a line read as nothing: the labels no longer line up
        page = Page("tesseract", None, e.page.source, raw, gold)
        out.append(Example(e.fold, page, page_features(lines), list(e.y), True, None, e.arts))
    return out


def _xy(raw: str, coarse: list) -> tuple[np.ndarray, list[int], None, list[int | None]]:
    x, y, arts = examples(raw, coarse)
    return x, y, True, None, arts


def _majority(values: list) -> int | None:
    known = [v for v in values if v is not None]
    return max(set(known), key=known.count) if known else None


def placement_examples(data: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every gold headline of the pages that stands between two articles, its placement
    features, whether it heads the stretch of text below it (1) or above it (0), and its
    page's fold (gold lines, so the choice is learned apart from the line model's mistakes)."""
    xs, ys, folds = [], [], []
    for e in data:
        if not e.arts:
            continue
        blocks, body = stretches([LABELS[v] for v in e.y])
        if not blocks:
            continue
        x = placement_features(texts_of(e), blocks, body)
        for i, block in enumerate(blocks):
            art = _majority([e.arts[k] for k in block])
            above = _majority([e.arts[k] for k in body[i]])
            below = _majority([e.arts[k] for k in body[i + 1]])
            if art is None or (art == above) == (art == below):
                continue
            xs.append(x[i])
            ys.append(0 if art == above else 1)
            folds.append(e.fold)
    return np.asarray(xs), np.asarray(ys), np.asarray(folds)


def fit_placement(data: list[Example]) -> np.ndarray:
    """The placement weights, their ridge penalty chosen on the training pages alone: the
    headlines of each inner fold scored (log-likelihood) by weights fitted without it."""
    x, y, folds = placement_examples(data)

    def held_out_loglik(l2: float) -> float:
        total = 0.0
        for f in np.unique(folds):
            w = softmax_fit(x[folds != f], y[folds != f], l2=l2, steps=25, k=2)[0]
            z = x[folds == f] @ w
            total += float(-np.logaddexp(0.0, np.where(y[folds == f] == 0, -z, z)).sum())
        return total

    l2 = max(PLACEMENT_L2_GRID, key=held_out_loglik)
    print(f"placement: ridge {l2}", file=sys.stderr)
    return softmax_fit(x, y, l2=l2, steps=25, k=2)[0]


#: Ridge penalties of the placement fit tried (a few hundred headlines; the strongest first;
#: env PLACEMENT_L2_GRID="30 3 0.3" to try several).
PLACEMENT_L2_GRID = tuple(float(v) for v in os.environ.get("PLACEMENT_L2_GRID", "1").split())


def fit_weights(
    data: list[Example], seed: int = SEED, l2: float = 1.0, init: LineModel | None = None
) -> LineModel:
    """The two passes of weights (ridge penalty ``l2``; ``init``: a fit to start from) and
    the label transitions, fitted on ``data``."""
    data = [e for e in data if e.train and e.y]
    xs = [e.x for e in data]
    y = np.asarray([v for e in data for v in e.y])
    x = np.vstack(xs)
    # Lines that carry a paragraph on are most of a page and the easiest to tell: a
    # fifth of them, each counted five times, keeps the fit quick.
    cont = LABELS.index("C")
    keep = (y != cont) | (np.random.default_rng(seed).random(len(y)) < 0.2)
    weight = np.where(y == cont, 5.0, 1.0)[keep]
    first = softmax_fit(x[keep], y[keep], weight, l2=l2, init=None if init is None else init.first)
    # The second pass reads the first pass's headline odds of each line's neighbours.
    x2 = np.vstack([stacked(e.x, first) for e in data])
    w = softmax_fit(x2[keep], y[keep], weight, l2=l2, init=None if init is None else init.weights)
    return LineModel(FEATURES, first, w, *decoder_counts(data))


def decoder_counts(data: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The label transitions and each label's share of the lines, counted on ``data``."""
    data = [e for e in data if e.train and e.y]
    y = np.asarray([v for e in data for v in e.y])
    start, trans = transition_logs([e.y for e in data])
    prior = np.log(np.bincount(y, minlength=len(LABELS)) / len(y))
    return start, trans, prior


#: The decoder's weights tried (prior_weight, transition_weight).
DECODER_GRID = [(a, b) for a in (0.0, 0.3, 0.6, 0.9) for b in (1.0, 0.6, 0.3)]


class _Text:
    """A page's raw text where the scorer reads a file (it counts the characters kept)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.raw


def decoding_score(m: LineModel, data: list[Example], ev, emit: np.ndarray | None = None) -> int:
    """Headlines found and articles whole, less headlines made up, over these pages parsed
    with the decoder's reading (as ../shared/eval/structure_eval.py counts them); ``emit``:
    the one page's label log-probabilities after a second pass."""
    total = 0
    for e in data:
        page_emit = e.emit if emit is None else emit
        if emit is None and m.article is not None:
            page_emit = rescore(texts_of(e), page_emit, m.viterbi(page_emit), m.article, LABELS)
        reading = tuple(m.viterbi(page_emit))
        key = (id(e), reading)
        if key not in _SCORES:
            lines = split_lines(e.page.raw)
            labels = dict(zip((ln.index for ln in lines if not ln.blank), reading))
            sections = engine_sections(lines, labels, m.placement, cache=_SECTIONS.setdefault(id(e), {}))
            out = ParsedPage(raw=e.page.raw, sections=sections).to_json()
            s = ev.score_page(_Text(e.page.raw), e.page.gold, out)
            _SCORES[key] = s["hit_art"] + s["hit_head"] - (s["n_out_head"] - s["true_head"])
        total += _SCORES[key]
    return total


#: A page's score by its reading, while one fit chooses its weights (the same reading
#: comes back for most of the weights tried; emptied at each fit, whose placement and
#: paragraph weights may differ).
_SCORES: dict[tuple[int, tuple[str, ...]], int] = {}
#: Each page's articles by their lines, while one fit chooses its weights (two readings of
#: a page mostly differ in a few of its articles).
_SECTIONS: dict[int, dict] = {}


def cross_fit(data: list[Example], seed: int = SEED, l2: float = 1.0, warm: dict | None = None) -> dict:
    """Give every page the line model's log-probabilities from a fit without its fold
    (ridge ``l2``), so the penalty, the second pass and the decoder's weights are chosen on
    readings of unseen lines. Returns the inner fits, to start the next penalty's from."""
    fits = {}
    for f in sorted({e.fold for e in data}):
        inner = fit_weights([e for e in data if e.fold != f], seed, l2, (warm or {}).get(f))
        fits[f] = inner
        for e in data:
            if e.fold == f:
                e.emit = inner.log_probs(e.x)
    return fits


def texts_of(e: Example) -> list[str]:
    return line_texts([ln for ln in split_lines(e.page.raw) if not ln.blank])


def _short_rows(m: LineModel, e: Example) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """The candidate short lines of a page's first-pass reading (``e.emit`` from a model that
    never saw it, decoded with ``m``'s decoder weights), their article features, and the
    gold label (an index of SHORT, -1 for a body line) of each."""
    first = m.viterbi(e.emit)
    rows = candidates(e.emit, LABELS)
    if not len(rows):
        return rows, np.zeros((0, len(ARTICLE_FEATURES))), []
    x = article_features(texts_of(e), e.emit, first, rows, LABELS)
    y = [SHORT.index(LABELS[e.y[r]]) if LABELS[e.y[r]] in SHORT else -1 for r in rows]
    return rows, x, y


def _page_weight(e: Example) -> float:
    return REAL_WEIGHT if e.page.set == "pages-dev-engine" else 1.0


def fit_article(pages: list[tuple[Example, np.ndarray, list[int]]], l2: float) -> np.ndarray:
    """The second pass's weights: for every candidate short line of these pages whose gold
    label is B, I or S, which one."""
    xs, ys, ws = [], [], []
    for e, x, y in pages:
        keep = [i for i, v in enumerate(y) if v >= 0]
        if not keep:
            continue
        xs.append(x[keep])
        ys.extend(y[i] for i in keep)
        ws.extend([_page_weight(e)] * len(keep))
    return softmax_fit(np.vstack(xs), np.asarray(ys), np.asarray(ws), l2=l2, steps=25, k=len(SHORT))


def _shared_out(emit: np.ndarray, rows: np.ndarray, z: np.ndarray) -> np.ndarray:
    """``emit`` with the title-like mass of ``rows`` shared out by the second pass's logits ``z``
    (as ``headlines.rescore`` does)."""
    if not len(rows):
        return emit
    idx = [LABELS.index(x) for x in SHORT]
    z = z - z.max(axis=1, keepdims=True)
    q = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    mass = np.log(np.exp(emit[np.ix_(rows, idx)]).sum(axis=1))
    out = emit.copy()
    out[np.ix_(rows, idx)] = mass[:, None] + q
    return out


def choose_article(m: LineModel, data: list[Example], ev) -> tuple[np.ndarray, float, float]:
    """The second pass's weights, with its ridge penalty and a shift of the headline's odds
    (a headline missed costs two articles, a 小标题 made a headline one or two) chosen on
    the training pages alone: each inner fold's short lines are shared out by weights fitted
    without that fold, the page decoded again and scored as structure_eval.py counts."""
    pages = [(e, *_short_rows(m, e)) for e in data]
    folds = sorted({e.fold for e in data})
    best, best_score = (ARTICLE_L2_GRID[0], 0.0), None
    for l2 in ARTICLE_L2_GRID:
        logits = {}
        for f in folds:
            w = fit_article([(e, x, y) for e, _, x, y in pages if e.fold != f], l2)
            for i, (e, rows, x, _y) in enumerate(pages):
                if e.fold == f:
                    logits[i] = x @ w.T if len(rows) else np.zeros((0, len(SHORT)))
        for shift in HEADLINE_SHIFTS:
            total = 0.0
            for i, (e, rows, _x, _y) in enumerate(pages):
                z = logits[i].copy()
                z[:, 0] += shift
                total += _page_weight(e) * decoding_score(m, [e], ev, _shared_out(e.emit, rows, z))
            if best_score is None or total > best_score:
                best, best_score = (l2, shift), total
    l2, shift = best
    w = fit_article([(e, x, y) for e, _, x, y in pages], l2)
    w[0, ARTICLE_FEATURES.index("bias")] += shift
    return w, l2, shift


#: How much a real engine page's short line counts in the second pass's fit against a
#: relaid-out or blank-less page's (real pages set neighbouring articles on related topics).
REAL_WEIGHT = float(os.environ.get("REAL_WEIGHT", "4"))
#: Ridge penalties of the second pass's fit tried (a few thousand short lines).
ARTICLE_L2_GRID = (3.0, 30.0, 300.0)
#: Shifts of a short line's headline log-odds tried in the second pass.
HEADLINE_SHIFTS = (0.0, 0.5, 1.0, 1.5, -0.5)


def fit(data: list[Example], seed: int = SEED, second_pass: bool = True) -> LineModel:
    """Fit the weights on ``data``: the line model's ridge penalty and the decoder's weights
    chosen together on readings of each fold by a model fitted without it (headlines found
    and articles whole, as structure_eval.py counts), then the second pass fitted on those
    readings."""
    data = [e for e in data if e.train and e.y]
    _SCORES.clear()
    _SECTIONS.clear()
    ev = scorer()
    placement = fit_placement(data)
    # Viterbi and placement read only the counts, the decoder's weights and the placement.
    template = LineModel(FEATURES, np.zeros(0), np.zeros(0), *decoder_counts(data), placement=placement)
    best, best_score, best_emit = None, None, None
    warm = None
    for l2 in LINE_L2_GRID:
        warm = cross_fit(data, seed, l2, warm)
        for ab in DECODER_GRID:
            total = decoding_score(replace(template, prior_weight=ab[0], transition_weight=ab[1]), data, ev)
            if best_score is None or total > best_score:
                best, best_score, best_emit = (l2, *ab), total, [e.emit for e in data]
        print(f"line model ridge {l2}: best so far {best} ({best_score})", file=sys.stderr)
    for e, emit in zip(data, best_emit):
        e.emit = emit
    l2, prior_weight, transition_weight = best
    m = fit_weights(data, seed, l2)
    m.placement = placement
    m.prior_weight, m.transition_weight = prior_weight, transition_weight
    m.ridge = l2
    if second_pass:
        m.article, a_l2, shift = choose_article(m, data, ev)
        print(f"second pass: ridge {a_l2}, headline shift {shift}", file=sys.stderr)
    return m


#: Ridge penalties of the line model's two passes tried (summed log-likelihood over some
#: tens of thousands of lines; the strongest first, so a tie goes to the simpler fit; env
#: LINE_L2_GRID="100 10 1" to try several).
LINE_L2_GRID = tuple(float(v) for v in os.environ.get("LINE_L2_GRID", "1").split())


def main() -> None:
    pages = real_pages()
    data = dataset(pages)
    m = fit(data)
    out = resource_path("parser", "line_model.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(m.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"trained on {len(pages)} dev pages + {len(data) - len(pages)} relaid-out pages -> {out.relative_to(ROOT)} "
        f"(decoder: prior weight {m.prior_weight}, transition weight {m.transition_weight})"
    )


if __name__ == "__main__":
    main()
