"""Lay gold articles out again the ways OCR'd pages come, with every line's label known.

Training data for the parser's line model (tools/train_parser.py) and a second test
set: the gold articles of the dev pages (../shared/data/pages-dev*/*.gold.json, their
real text and boundaries) are set into new pages:

- column pages: column widths 10–40 characters, dropped indents (a paragraph's first
  line two characters short), blank lines at column breaks and before opening quotes
  (or none at all), spaces around digits, letter-spaced (justified) lines, punctuation
  hanging past the edge, headlines (kicker, heading, subheading) wrapped at their own
  width and printed before or after their article, with or without blank lines;
- engine pages: one printed line per text line, no blank lines; each title field on a
  line of its own (a long one sometimes wrapped at the title's width), mostly before its
  article, sometimes after it; column widths 10–44 characters, as OCR engines print
  pages of every column width;
- pages as Tesseract prints them (``ocr_blanks``, ``lay_out_page(tesseract=...)``, off by
  default): either layout with a blank line after most paragraphs' and headline lines' last
  line and after some first lines, the page's own blank lines kept.

Every raw line comes with (label, article): T a line of a headline, P a paragraph's
first line, C a line that continues a paragraph. Seeded, so a run is reproducible.

    python tools/relayout.py OUT_DIR [--pages N] [--seed S]   # writes NAME.txt + NAME.gold.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from models.parser.lines import HANGING, OPENERS, SENTENCE_END  # noqa: E402

DEV_SETS = ("pages-dev", "pages-dev-column", "pages-dev-engine")
TITLE_FIELDS = ("kicker", "heading", "subheading")


@dataclass
class Layout:
    raw_lines: list[str] = field(default_factory=list)
    labels: list[tuple[str, int] | None] = field(default_factory=list)
    printed: list[dict] = field(default_factory=list)  # the articles as printed (the page's gold)
    added: set[int] = field(
        default_factory=set
    )  # raw lines that are Tesseract's blank lines (``ocr_blanks``)

    def add(self, text: str, label: tuple[str, int] | None) -> None:
        self.raw_lines.append(text)
        self.labels.append(label)

    def blank(self) -> None:
        if self.raw_lines and self.raw_lines[-1] != "":
            self.add("", None)

    @property
    def raw(self) -> str:
        return "\n".join(self.raw_lines) + "\n"


def load_articles(sets: tuple[str, ...] = DEV_SETS) -> list[dict]:
    """Every gold article of the dev sets, once (the same article may sit on several pages)."""
    seen: set[str] = set()
    out = []
    for name in sets:
        for gp in sorted((SHARED / "data" / name).glob("*.gold.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            for sec in gold["sections"]:
                if not sec.get("heading") or not sec.get("paragraphs"):
                    continue
                key = sec["heading"] + "".join(sec["paragraphs"])[:50]
                if key in seen:
                    continue
                seen.add(key)
                out.append(dict(sec, source=gold.get("source", gp.name)))
    return out


def _unit(ch: str) -> float:
    return 0.5 if ord(ch) < 128 else 1.0


def space_digits(text: str, rng: random.Random, p: float) -> str:
    """OCR's spaces around runs of digits and Latin letters set among Chinese characters."""
    if p <= 0:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i
            while j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] in ".%"):
                j += 1
            run = text[i:j]
            before = out and not out[-1].isascii()
            after = j < len(text) and not text[j].isascii()
            if before and rng.random() < p:
                out.append(" ")
            out.append(run)
            if after and rng.random() < p:
                out.append(" ")
            i = j
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def wrap(text: str, width: int, indent: int, rng: random.Random, spread: float) -> list[str]:
    """Hard-wrap a paragraph at ``width`` (ASCII half-width), its first line ``indent`` short.

    A punctuation mark may hang past the edge; an opening quote never ends a line; a line
    may be set a character or two short and letter-spaced to fill the column.
    """
    lines: list[str] = []
    cur: list[str] = []
    used = 0.0
    cap = width - indent
    for ch in text:
        u = 0.0 if ch == " " and not cur else _unit(ch)
        if used + u > cap and cur:
            if ch in HANGING and cur[-1] not in HANGING:
                cur.append(ch)
                continue
            carry: list[str] = []
            while cur and cur[-1] in OPENERS:
                carry.insert(0, cur.pop())
            if cur:
                lines.append("".join(cur).rstrip())
            cur, used, cap = carry, sum(_unit(c) for c in carry), width
            if ch == " " and not cur:
                continue
        cur.append(ch)
        used += u
    if cur:
        lines.append("".join(cur).rstrip())
    if spread > 0:
        lines = [
            _letter_space(ln) if k < len(lines) - 1 and rng.random() < spread else ln
            for k, ln in enumerate(lines)
        ]
    return [ln for ln in lines if ln.strip()]


def _letter_space(line: str) -> str:
    chars = [c for c in line if not c.isspace()]
    if len(chars) < 6 or any(c.isascii() for c in chars):
        return line
    # A justified line holds a character fewer than the column; the next line takes it.
    return " ".join(chars)


def _title_lines(text: str, width: int, engine: bool, rng: random.Random | None = None) -> list[str]:
    if len(text) <= width or (engine and (rng is None or rng.random() < 0.8)):
        return [text]
    n = -(-len(text) // width)
    size = -(-len(text) // n)
    return [text[k : k + size] for k in range(0, len(text), size)]


#: How list items are numbered when ``as_list`` sets a paragraph's sentences apart (None: not at all).
LIST_MARKS = (
    None,
    None,
    lambda i: f"{i}. ",
    lambda i: f"{i}．",
    lambda i: f"（{i}）",
    lambda i: "一二三四五六七八九十"[i - 1] + "、" if i <= 10 else None,
    lambda i: "（" + "一二三四五六七八九十"[i - 1] + "）" if i <= 10 else None,
    lambda i: chr(0x2460 + i - 1) if i <= 20 else None,
    lambda i: "●",
)
_ENDS = set("。！？；…")
_CLOSE = set("”’」』）)")


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, each with its closing marks (none cut inside a quotation)."""
    out: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(text):
        ch = text[i]
        depth += ch in "“‘（(" and 1 or 0
        depth -= ch in "”’）)" and depth > 0 and 1 or 0
        i += 1
        if ch in _ENDS and depth == 0:
            while i < len(text) and (text[i] in _ENDS or text[i] in _CLOSE):
                i += 1
            out.append(text[start:i])
            start = i
    tail = text[start:]
    if out and not tail.strip():
        out[-1] += tail  # spaces after the last sentence stay with it (none lost)
    elif tail:
        out.append(tail)
    return out


def as_list(article: dict, rng: random.Random) -> dict:
    """The article with one of its paragraphs of three or more sentences printed as a list:
    each sentence a paragraph of its own, numbered in one style or not at all (as print sets
    lists, dialogue and series of short statements: runs of short paragraphs)."""
    paras = list(article["paragraphs"])
    choices = [j for j, p in enumerate(paras) if 3 <= len(sentences(p)) <= 12]
    if not choices:
        return article
    j = rng.choice(choices)
    mark = rng.choice(LIST_MARKS)
    items = [x.strip() for x in sentences(paras[j])]
    if mark is not None:
        items = [(mark(i) or "") + x for i, x in enumerate(items, 1)]
    return dict(article, paragraphs=paras[:j] + items + paras[j + 1 :])


#: On a page with blank lines, the share of body lines with a blank line above them, by
#: whether the line opens a paragraph (P) or carries one on (C) and opens with a quote (q):
#: the printed dev pages' (pages-dev, pages-dev-column: 29%, 1.2%, 65%, 54% of such
#: lines), where three blank lines in four inside an article stand before a paragraph;
#: the old layout's fell every 8–40 lines, 43% of them before a paragraph.
PRINT_BLANKS = {"P": 0.29, "C": 0.012, "Pq": 0.65, "Cq": 0.54}

#: Share of pages that open inside an article carried over from an earlier column or page.
CARRIED_OVER = 0.25


def _carried_over(article: dict, rng: random.Random) -> dict:
    """The end of an article, as a page shows it when the article began on an earlier one:
    no headline, from one of its paragraphs on, often from the middle of that paragraph."""
    paras = article["paragraphs"]
    start = rng.randrange(len(paras))
    first = paras[start]
    cut = rng.randrange(len(first) // 2 + 1) if rng.random() < 0.7 else 0
    while 0 < cut < len(first) and first[cut].isspace():
        cut += 1
    kept = [first[cut:]] if first[cut:].strip() else []
    return {
        "kicker": None,
        "heading": None,
        "subheading": None,
        "paragraphs": kept + paras[start + 1 :],
        "cut": cut > 0,
    }


def lay_out_page(
    articles: list[dict],
    rng: random.Random,
    engine: bool | None = None,
    after_p: float | None = None,
    lists: float = 0.0,
    apart: float = 0.0,
    print_blanks: bool = False,
    tesseract: float = 0.0,
) -> Layout:
    """One page holding these articles in this order, in a style drawn from ``rng``; the
    first may be carried over from an earlier page (see ``Layout.printed``). ``after_p``:
    the share of headlines printed after their article (drawn from ``rng`` when None);
    ``lists``: the share of articles with a paragraph printed as a list (``as_list``);
    ``apart``: on a page with blank lines, the share of one-line paragraphs that end no
    sentence (小标题, labels, bylines) set apart by a blank line above and below, as print
    sets them (drawn from a generator of their own: the page is otherwise as without);
    ``print_blanks``: on a page with blank lines, the blank lines inside an article fall
    where the printed dev pages' do (``PRINT_BLANKS``: mostly before a paragraph, seldom
    inside one, often before a line opening with a quote) instead of every 8–40 lines
    wherever that falls (drawn from a generator of their own, as ``apart``); ``tesseract``:
    the share of pages laid out with Tesseract's blank lines too (``ocr_blanks``, from a
    generator of their own: the page is otherwise as without)."""
    if engine is None:
        engine = rng.random() < 0.4
    page = Layout()
    articles = list(articles)
    if lists > 0:
        articles = [as_list(a, rng) if rng.random() < lists else a for a in articles]
    if len(articles) > 1 and rng.random() < CARRIED_OVER:
        articles[0] = _carried_over(articles[0], rng)
    page.printed = articles
    if engine:
        base = rng.randint(10, 44) if rng.random() < 0.5 else rng.randint(14, 30)
    else:
        base = rng.randint(10, 40) if rng.random() < 0.3 else rng.randint(12, 28)
    digit_p = rng.choice([0.0, 0.5, 0.9])
    spread = 0.0 if engine else rng.choice([0.0, 0.01, 0.03])
    blank_breaks = not engine and rng.random() < 0.8
    blank_quotes = blank_breaks and rng.random() < 0.5
    titles_blank = not engine and rng.random() < 0.75
    drawn = rng.choice([0.0, 0.0, 0.0, 0.2]) if engine else rng.choice([0.0, 0.3, 0.6])
    after_p = drawn if after_p is None else after_p
    since_break = 0
    break_every = rng.randint(8, 40)
    # Its own generator, seeded from rng's state without drawing from it.
    arng = random.Random(repr(rng.getstate()[1][:8])) if apart > 0 or print_blanks else None
    for a, art in enumerate(articles):
        width = max(10, min(44, base + rng.choice([0, 0, 0, -2, 2, -4, 4, -1, 1])))
        title_width = rng.randint(max(8, width - 4), max(12, width + 8))
        head: list[tuple[str, tuple[str, int]]] = []
        for name in TITLE_FIELDS:
            if art.get(name):
                for ln in _title_lines(art[name], title_width, engine, rng):
                    head.append((ln, ("T", a)))
        body: list[tuple[str, tuple[str, int], bool]] = []
        for j, para in enumerate(art["paragraphs"]):
            text = space_digits(para, rng, digit_p)
            cut = j == 0 and art.get("cut", False)  # the page opens in the middle of this paragraph
            rows = wrap(text, width, 0 if cut else 2, rng, spread)
            alone = (
                arng is not None
                and blank_breaks
                and apart > 0
                and len(rows) == 1
                and not cut
                and len(para.strip()) <= 20
                and para.strip()[-1:] not in SENTENCE_END
                and arng.random() < apart
            )
            for k, ln in enumerate(rows):
                body.append((ln, ("P" if k == 0 and not cut else "C", a), alone))
        after = rng.random() < after_p

        def put_head(head: list[tuple[str, tuple[str, int]]] = head) -> None:
            if titles_blank:
                page.blank()
            for ln, lab in head:
                page.add(ln, lab)
                if titles_blank and rng.random() < 0.15:
                    page.blank()
            if titles_blank:
                page.blank()

        if not after:
            put_head()
        for j, (ln, lab, alone) in enumerate(body):
            nonlocal_break = blank_breaks and since_break >= break_every
            old = nonlocal_break or (blank_quotes and ln[:1] in OPENERS and rng.random() < 0.5)
            if old:
                since_break = 0
                break_every = rng.randint(8, 40)
            if print_blanks and blank_breaks and arng is not None:
                if j > 0:
                    kind = ("P" if lab[0] == "P" else "C") + ("q" if ln[:1] == "“" else "")
                    if arng.random() < PRINT_BLANKS[kind]:
                        page.blank()
            elif old:
                page.blank()
            if alone:
                page.blank()
            page.add(ln, lab)
            since_break += 1
            if alone:
                page.blank()
        if after:
            put_head()
        if blank_breaks and rng.random() < 0.5:
            page.blank()
    if tesseract > 0:
        trng = random.Random(repr(rng.getstate()[1][:8]) + "tesseract")
        if trng.random() < tesseract:
            page = ocr_blanks(page, trng)
    return page


#: Tesseract-like blank lines (``ocr_blanks``): Tesseract 5 (chi_sim, ``--psm 6``) read a
#: rendered dev page with a blank line after most paragraphs' last line and after some
#: paragraphs' first line (docs/parser.md). Each page draws its own rates from these ranges:
#: after a paragraph's (or a headline line's) last line, after a paragraph's first line, after
#: any other line.
OCR_END = (0.5, 0.9)
OCR_FIRST = (0.1, 0.35)
OCR_OTHER = (0.0, 0.03)


def ocr_blanks(page: Layout, rng: random.Random) -> Layout:
    """The page as Tesseract prints it: its own blank lines kept (column breaks, around
    titles), and a blank line after a line that ends a paragraph or a headline's line (at a
    rate drawn from ``OCR_END``), after a paragraph's first line (``OCR_FIRST``), seldom
    after another line (``OCR_OTHER``). Labels and printed articles as before."""
    end_p, first_p, other_p = (rng.uniform(*r) for r in (OCR_END, OCR_FIRST, OCR_OTHER))
    out = Layout(printed=page.printed)
    rows = list(zip(page.raw_lines, page.labels))
    for k, (text, lab) in enumerate(rows):
        out.add(text, lab)
        nxt = rows[k + 1][1] if k + 1 < len(rows) else None
        if lab is None or nxt is None:
            continue  # a blank line follows already (or the page ends)
        if nxt[0] in "PT":
            p = end_p
        elif lab[0] == "P":
            p = first_p
        else:
            p = other_p
        if rng.random() < p:
            out.blank()
            out.added.add(len(out.raw_lines) - 1)
    return out


def wrapped_gold(gold: dict, width: int, between: str, rng: random.Random) -> str:
    """A gold page hard-wrapped wider than a newspaper column (a PDF's or a text file's lines):
    its titles and byline a line each, each paragraph wrapped at ``width`` (first line two
    short), sections apart by ``between``."""
    sections = []
    for sec in gold["sections"]:
        rows = [sec[k] for k in (*TITLE_FIELDS, "byline") if sec.get(k)]
        for para in sec.get("paragraphs") or []:
            rows += wrap(para, width, 2, rng, 0.0)
        sections.append("\n".join(rows))
    return between.join(x for x in sections if x) + "\n"


def make_pages(articles: list[dict], n_pages: int, seed: int) -> list[tuple[Layout, list[dict]]]:
    """``n_pages`` pages of 2–8 articles each drawn from ``articles``."""
    rng = random.Random(seed)
    out = []
    for _ in range(n_pages):
        k = min(len(articles), rng.randint(2, 8))
        chosen = rng.sample(articles, k)
        out.append((lay_out_page(chosen, rng), chosen))
    return out


def gold_of(printed: list[dict]) -> dict:
    keys = ("kicker", "heading", "subheading", "paragraphs")
    return {"sections": [{k: art.get(k) for k in keys} for art in printed]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for i, (page, _chosen) in enumerate(make_pages(load_articles(), args.pages, args.seed)):
        (args.out / f"synth-{i:03d}.txt").write_text(page.raw, encoding="utf-8")
        (args.out / f"synth-{i:03d}.gold.json").write_text(
            json.dumps(gold_of(page.printed), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    print(f"{args.pages} pages in {args.out}")


if __name__ == "__main__":
    main()
