"""Is a short block between blank lines a title (headline, kicker, label) or body text?

On a page with blank lines a block of one to four lines may be a title or a piece of
body text cut off by a column break or a blank line before a quote. Instead of one rule
after another, the block is scored by a logistic model over features of its lines and
its neighbours (length against the column, how it ends and starts, brackets and quotes,
digits and Latin, datelines and credits, whether the body before it ended a sentence,
whether the line after it is indented, what the grid rules say); the weights are fitted
on the dev pages and relaid-out pages by ``tools/train_articles.py`` and ship in
``resources/parser/article_model.json`` (``title_blocks``).
"""

from __future__ import annotations

import math

from models.parser.lines import CLOSERS, OPENERS, Line, ends_sentence
from models.parser.titles import is_byline, is_credit, is_label, is_note, is_title_line, starts_with_dateline

#: Blocks longer than this are body text.
MAX_LINES = 4


def block_features(
    blocks: list, i: int, columns: dict[int, float], prev_body: Line | None, rules: dict[str, bool]
) -> dict[str, float]:
    """Features of block ``i``; ``rules`` are the grid rules' verdicts on it."""
    block = blocks[i]
    lines = block.lines
    texts = [ln.stripped for ln in lines]
    joined = "".join("".join(t.split()) for t in texts)
    col = columns.get(lines[0].index, 0.0)
    f: dict[str, float] = {"bias": 1.0, f"lines{min(len(lines), 4)}": 1.0}
    f["len"] = min(len(joined), 60) / 30
    if all(is_title_line(t) for t in texts):
        f["all_title_lines"] = 1.0
    if ends_sentence(texts[-1]):
        f["ends_sentence"] = 1.0
    if joined[:1] in OPENERS and joined[-1:] in CLOSERS:
        f["quoted"] = 1.0
    if texts[-1].endswith(("，", "、", ",")):
        f["ends_comma"] = 1.0
    if texts[-1].endswith(("：", ":")):
        f["ends_colon"] = 1.0
    if joined.endswith(("——", "—")):
        f["ends_dash"] = 1.0
    if joined.startswith(("——", "—")):
        f["starts_dash"] = 1.0
    if joined.endswith(("）", ")")):
        f["ends_paren"] = 1.0
    if is_note(joined):
        f["note"] = 1.0
    if is_label(joined):
        f["label"] = 1.0
    if starts_with_dateline(joined):
        f["dateline"] = 1.0
    if is_credit(joined):
        f["credit"] = 1.0
    if any(c in joined for c in "，。；"):
        f["inner_punct"] = 1.0
    if any(c.isascii() and c.isalnum() for c in joined):
        f["latin_digits"] = 1.0
    if any(ln.letter_spaced for ln in lines):
        f["letter_spaced"] = 1.0
    widest = max(ln.width for ln in lines)
    if col:
        f["wider"] = max(min(widest - col, 10), 0) / 5
        f["short"] = max(min(col - widest, 10), 0) / 5
        f["near_full"] = 1.0 if abs(col - widest) <= 1 else 0.0
        f["indent_short"] = 1.0 if 1.5 <= col - lines[0].width <= 3 else 0.0
    if i == 0:
        f["first"] = 1.0
    if prev_body is not None:
        pt = prev_body.stripped
        if ends_sentence(pt) or is_credit(pt) or is_byline(pt) or pt.endswith(("）", ")")):
            f["prev_ended"] = 1.0
        f["prev_short"] = max(min(columns.get(prev_body.index, 0.0) - prev_body.width, 10), 0) / 5
    else:
        f["no_prev_body"] = 1.0
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if nxt is None:
        f["last"] = 1.0
    else:
        first = nxt.lines[0]
        ncol = columns.get(first.index, 0.0)
        if 1.5 <= ncol - first.width <= 3:
            f["next_indented"] = 1.0
        if abs(ncol - first.width) <= 1:
            f["next_full"] = 1.0
        if starts_with_dateline(first.stripped):
            f["next_dateline"] = 1.0
        if is_byline(first.stripped):
            f["next_byline"] = 1.0
        if len(nxt.lines) <= MAX_LINES and all(is_title_line(ln.stripped) for ln in nxt.lines):
            f["next_short_block"] = 1.0
    for name, value in rules.items():
        if value:
            f[f"rule.{name}"] = 1.0
    return f


def title_logit(features: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in features.items())


def title_probability(features: dict[str, float], weights: dict[str, float]) -> float:
    z = title_logit(features, weights)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
