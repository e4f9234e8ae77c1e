"""Pages whose paragraphs are not wrapped: one line a paragraph (text copied from a web page,
some PDF extractions).

Small logistic models, fitted by ``tools/train_unwrapped.py`` and shipped in
``resources/parser/unwrapped_model.json``, read such a page:

- ``page``: is the page laid out this way? Scored from the shape of all its lines at once
  (how many are wider than any printed column, how many end a sentence, how widely their
  lengths spread, how many share the page's commonest width), never from one line;
- ``shape``: is a line shaped like a title (a headline's line or an in-article 小标题)?
- ``line``: is a title-shaped line a headline's (kicker, heading, subheading) rather than a
  小标题 or a short paragraph? From its own text (length, how it ends and starts, quotes,
  brackets, datelines, credits, bylines) and its neighbours (does a paragraph follow, did
  the line before end a sentence, the words it shares with the lead below it and with the
  text above it, how far the title-shaped lines around it stand and what they share with
  it). On a page whose blank lines tell nothing (none, or one after every line) every
  feature has a weight of its own;
- ``run``: a second look from the ``line`` scores of the title-shaped lines next to it (a
  heading under a kicker).

Every other line is a paragraph of its own. The page's paragraphs and title units then go
to the same article decoder as a printed page with blank lines: each paragraph is given a
virtual wrap at ``WRAP`` characters (its lines are slices of its one raw line, so every
character keeps its raw offset; the raw text is never modified), so the decoder's column
cues (how short a paragraph's last line is, a headline's width against the column) read as
on a printed page.
"""

from __future__ import annotations

import json
import statistics
from functools import lru_cache

from models.parser.articles import Item, make_para_item, similarity
from models.parser.lines import Line, ends_sentence
from models.parser.reflow import reflow
from models.parser.titles import (
    is_byline,
    is_credit,
    is_label,
    is_note,
    is_title_line,
    starts_with_dateline,
)
from models.resources import resource_digest, resource_path

MODEL_FILE = ("parser", "unwrapped_model.json")
#: The column a paragraph is virtually wrapped at for the article decoder (characters;
#: chosen on pages-dev-column held out among 14, 20, 28 and 40: the figures move by 1–3
#: articles of 208).
WRAP = 40
#: No printed column is wider than this (relayout draws 10–44): a wider line is not wrapped.
WIDE = 46


@lru_cache(maxsize=1)
def _shipped() -> dict:
    path = resource_path(*MODEL_FILE)
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


#: Weights in use (the shipped ones unless a trainer sets others).
_OVERRIDE: dict | None = None


def weights() -> dict:
    return _OVERRIDE if _OVERRIDE is not None else _shipped()


def set_weights(w: dict | None) -> None:
    """Training and measuring only: read pages with these weights (None: the shipped)."""
    global _OVERRIDE
    _OVERRIDE = w


def model_digest() -> str:
    return resource_digest(*MODEL_FILE)


def logit(features: dict[str, float], w: dict[str, float]) -> float:
    return sum(w.get(k, 0.0) * v for k, v in features.items())


# --- the page ---------------------------------------------------------------------------


def page_features(lines: list[Line]) -> dict[str, float]:
    """The shape of the page's lines taken together."""
    text = [ln for ln in lines if not ln.blank]
    f: dict[str, float] = {"bias": 1.0}
    if not text:
        return f
    widths = [ln.width for ln in text]
    n = len(widths)
    f["wide"] = sum(w > WIDE for w in widths) / n
    f["very_wide"] = sum(w > 2 * WIDE for w in widths) / n
    longer = [ln for ln in text if ln.width > 10]
    if longer:
        f["long_end"] = sum(ends_sentence(ln.stripped) for ln in longer) / len(longer)
        rounded = [round(ln.width) for ln in longer]
        common = statistics.mode(rounded)
        f["common"] = sum(abs(w - common) <= 1 for w in rounded) / len(rounded)
    mean = sum(widths) / n
    if n > 1 and mean > 0:
        f["spread"] = min(statistics.pstdev(widths) / mean, 3.0)
    f["median"] = min(statistics.median(widths), 200) / 50
    return f


def is_unwrapped(lines: list[Line]) -> bool:
    """Are the page's paragraphs one line each? (The fitted page model's verdict.)"""
    w = weights().get("page")
    if not w:
        return False
    text = [ln for ln in lines if not ln.blank]
    # A page none of whose lines is wider than a printed column is printed.
    if not any(ln.width > WIDE for ln in text):
        return False
    return logit(page_features(lines), w) > 0


# --- the lines --------------------------------------------------------------------------


def _shape(t: str) -> dict[str, float]:
    """Features of a line's own text (white space left out)."""
    f: dict[str, float] = {}
    n = len(t)
    f["len"] = min(n, 80) / 40
    for lo, hi in ((0, 4), (5, 8), (9, 16), (17, 24), (25, 40), (41, 60), (61, 10**9)):
        if lo <= n <= hi:
            f[f"len{lo}"] = 1.0
    if ends_sentence(t):
        f["ends_sentence"] = 1.0
    if is_title_line(t):
        f["title_line"] = 1.0
    if t.endswith(("，", "、", ",")):
        f["ends_comma"] = 1.0
    if t.endswith(("：", ":")):
        f["ends_colon"] = 1.0
    if t.endswith(("——", "—")):
        f["ends_dash"] = 1.0
    if t.startswith(("——", "—")):
        f["starts_dash"] = 1.0
    if t.endswith(("）", ")")):
        f["ends_paren"] = 1.0
    if t[:1] in "“‘「『" and t[-1:] in "”’」』":
        f["quoted"] = 1.0
    if any(c in t for c in "。；"):
        f["inner_stop"] = 1.0
    if any(c in t for c in "，、"):
        f["inner_comma"] = 1.0
    if any(c.isascii() and c.isalnum() for c in t):
        f["latin_digits"] = 1.0
    if is_note(t):
        f["note"] = 1.0
    if is_label(t):
        f["label"] = 1.0
    if starts_with_dateline(t):
        f["dateline"] = 1.0
    if is_credit(t):
        f["credit"] = 1.0
    if is_byline(t):
        f["byline"] = 1.0
    if t[:1].isdigit() or t[:1] in "一二三四五六七八九十（(":
        f["numbered"] = 1.0
    return f


def title_like(t: str) -> bool:
    """A line (white space left out) short and shaped like a title."""
    return len(t) <= 40 and is_title_line(t)


def blanks_tell(lines: list[Line]) -> bool:
    """Do the page's blank lines set some lines apart (not none of them, not all)?"""
    gaps = [b.index - a.index > 1 for a, b in zip(lines, lines[1:])]
    share = sum(gaps) / len(gaps) if gaps else 0.0
    return 0.0 < share < 0.6


def line_features(
    lines: list[Line],
    i: int,
    texts: list[str] | None = None,
    like: list[bool] | None = None,
    blanks: bool | None = None,
) -> dict[str, float]:
    """Features of non-blank line ``i`` of ``lines`` (the page's lines without blank ones,
    each with its raw index) for the title models. On a page whose blank lines tell nothing
    (none, or one after every line) each feature has a weight of its own (named ``nb.``)."""
    if blanks is None:
        blanks = blanks_tell(lines)
    f = _line_features(lines, i, texts, like)
    if not blanks:
        return {"nb." + k: v for k, v in f.items() if not k.startswith("blank_")}
    return f


def _line_features(
    lines: list[Line], i: int, texts: list[str] | None = None, like: list[bool] | None = None
) -> dict[str, float]:
    if texts is None:
        texts = ["".join(ln.stripped.split()) for ln in lines]
    if like is None:
        like = [title_like(t) for t in texts]
    t = texts[i]
    f = {"bias": 1.0}
    f.update(_shape(t))
    n = len(lines)
    # The run of title-like lines this one stands in (a kicker over a heading: a run of two).
    a = i
    while a > 0 and like[a - 1] and like[i]:
        a -= 1
    b = i + 1
    while b < n and like[b] and like[i]:
        b += 1
    if like[i]:
        f[f"run{min(b - a, 3)}"] = 1.0
        if a < i:
            f["run_not_first"] = 1.0
    if i == 0:
        f["first"] = 1.0
    else:
        p = texts[i - 1]
        if lines[i].index > lines[i - 1].index + 1:
            f["blank_before"] = 1.0
        if ends_sentence(p) or is_credit(p) or is_note(p):
            f["prev_ended"] = 1.0
        if like[i - 1]:
            f["prev_title_like"] = 1.0
        if len(p) > 60:
            f["prev_long"] = 1.0
        if p.endswith(("——", "—", "：", ":")):
            f["prev_lead_in"] = 1.0
    if i + 1 >= n:
        f["last"] = 1.0
    else:
        q = texts[i + 1]
        if lines[i + 1].index > lines[i].index + 1:
            f["blank_after"] = 1.0
        if len(q) > 60:
            f["next_long"] = 1.0
        if ends_sentence(q):
            f["next_sentence"] = 1.0
        if starts_with_dateline(q):
            f["next_dateline"] = 1.0
        if is_byline(q):
            f["next_byline"] = 1.0
        if like[i + 1]:
            f["next_title_like"] = 1.0
    # The words it shares with the lead below its run and with the text above its run (a
    # 小标题 goes on with its story), and how much the text below the run goes on with the
    # text above it (the same story across a 小标题, another one across a headline).
    start, stop = (a, b) if like[i] else (i, i + 1)
    # Where the title-like lines around it stand, and what they share with it: 小标题 come
    # in a series, spaced through one story and often worded alike (镜头一, 镜头二…).
    up = next((k for k in range(start - 1, -1, -1) if like[k]), None)
    down = next((k for k in range(stop, n) if like[k]), None)
    since = start - up - 1 if up is not None else None
    until = down - stop if down is not None else None
    for name, gap in (("since", since), ("until", until)):
        if gap is None:
            f[name + "_none"] = 1.0
        else:
            f[f"{name}{min(gap, 1) if gap < 2 else 2 if gap < 4 else 4 if gap < 8 else 8}"] = 1.0
    sibs = [texts[k] for k in (up, down) if k is not None]
    if sibs and like[i]:
        f["sib_sim"] = max(max(similarity(t, x), similarity(x, t)) for x in sibs)
        if any(abs(len(x) - len(t)) <= 1 for x in sibs):
            f["sib_same_len"] = 1.0
    if any(starts_with_dateline(x) for x in texts[stop : stop + 3]):
        f["dateline_below"] = 1.0
    if i > 0 and len(texts[i - 1]) < 40 and not like[i - 1]:
        f["prev_short"] = 1.0
    lead = "".join(texts[stop : stop + 3])[:300]
    before = "".join(texts[max(0, start - 3) : start])[-300:]
    if lead:
        f["sim_next"] = similarity(t, lead)
    if before:
        f["sim_prev"] = similarity(t, before)
    if lead and before:
        f["across"] = similarity(lead[:100], before)
    else:
        f["no_across"] = 1.0
    return f


def title_lines(lines: list[Line]) -> list[bool]:
    """For each non-blank line of ``lines``: is it a headline's line? A line shaped like a
    title (the ``shape`` model) is read as a headline when the ``line`` model, fitted on
    such lines alone, says so from its context, and the ``run`` model's second look (the
    scores of the title-shaped lines next to it) agrees."""
    w = weights()
    texts = ["".join(ln.stripped.split()) for ln in lines]
    like = [title_like(t) for t in texts]
    blanks = blanks_tell(lines)
    shape_w, line_w = w.get("shape"), w.get("line", {})
    cand, score = [], []
    for i in range(len(lines)):
        f = line_features(lines, i, texts, like, blanks)
        cand.append(shape_w is None or logit(f, shape_w) > 0)
        score.append(logit(f, line_w))
    second = w.get("run")
    if second is not None:
        score = [logit(f, second) for f in run_features(cand, score)]
    return [c and z > 0 for c, z in zip(cand, score)]


def run_features(cand: list[bool], score: list[float]) -> list[dict[str, float]]:
    """The second look: each line's first-look score and those of the title-shaped lines
    next to it (a heading under a kicker the first look read as a headline's)."""
    out = []
    for i, z in enumerate(score):
        f = {"bias": 1.0, "z": max(min(z, 10.0), -10.0) / 5}
        if i > 0 and cand[i - 1] and cand[i]:
            f["prev_z"] = max(min(score[i - 1], 10.0), -10.0) / 5
        if i + 1 < len(score) and cand[i + 1] and cand[i]:
            f["next_z"] = max(min(score[i + 1], 10.0), -10.0) / 5
        out.append(f)
    return out


# --- the items --------------------------------------------------------------------------


def _virtual(line: Line, index: int, width: int = WRAP) -> list[Line]:
    """A paragraph's one raw line as lines of about ``width`` characters: slices of the raw
    line (their offsets the raw text's); the first indented by two, as printed."""
    text, start = line.text, line.start
    out: list[Line] = []
    pos, k = 0, 0
    size = max(1, width - 2)
    while pos < len(text):
        piece = text[pos : pos + size]
        out.append(Line(index + k, start + pos, start + pos + len(piece), piece))
        pos += len(piece)
        k += 1
        size = width
    return out or [Line(index, start, line.end, text)]


def unwrapped_items(lines: list[Line]) -> tuple[Line | None, list[Item]]:
    """The page's masthead line (if its first line is one) and its items: each run of
    headline lines one title unit, every other line one paragraph."""
    from models.parser.blocks import Block, looks_like_masthead

    text = [ln for ln in lines if not ln.blank]
    masthead = None
    if len(text) > 1:
        block = Block([text[0]])
        if looks_like_masthead(block, [block, Block(text[1:2])]):
            masthead, text = text[0], text[1:]
    titles = title_lines(text)
    # On a page whose blank lines tell nothing (a blank line after every line, as much web
    # copy pastes) a kicker and its heading stand apart by a blank line like any two lines:
    # consecutive headline lines join across it.
    blanks = blanks_tell(text)
    items: list[Item] = []
    index = 0
    prev_raw = text[0].index - 1 if text else 0
    for ln, is_title in zip(text, titles):
        index += 1 + (ln.index - prev_raw - 1)  # a real blank line stays a blank line
        prev_raw = ln.index
        if is_title:
            last = items[-1] if items and items[-1].kind == "title" else None
            if last is not None and not blanks:
                index = last.lines[-1].index + 1  # one title unit: its lines consecutive
            virtual = Line(index, ln.start, ln.end, ln.text, ln.ocr)
            if last is not None and last.lines[-1].index == index - 1:
                items[-1].lines.append(virtual)
                items[-1].text += ln.stripped
            else:
                items.append(Item("title", [virtual], text=ln.stripped))
            continue
        parts = _virtual(ln, index)
        index = parts[-1].index
        mapped = reflow([ln])
        item = make_para_item(parts, mapped.text, float(WRAP), mapped.source, raw=[ln])
        item.own_column, item.mapped = (float(WRAP) if len(parts) > 3 else None), mapped
        items.append(item)
    return masthead, items
