"""Label every line of a page: the first line of a title block (B: a kicker or headline
that opens an article), a title block's later line (I), a short one-line paragraph that
ends no sentence (S: a 小标题 or a label inside an article), a paragraph's first line (P),
or a line that carries a paragraph on (C).

Each line is described by features a reader's eye uses — its length against the column,
how it ends and starts, datelines, bylines, credits, blank lines around it, the words it
shares with the text after or before it, the same for its neighbours, and what the
column-grid rules say of it. A multinomial logistic model with weights fitted on many
pages (``tools/train_parser.py``, shipped as ``resources/parser/line_model.json``) scores
each label; a Viterbi decoder over the page's lines with learned label transitions picks
the best consistent reading (no line carries on a headline's paragraph, and so on).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from models.parser.blocks import classify_blocks, cut_blocks
from models.parser.headlines import ARTICLE_FEATURES, SHORT, rescore
from models.parser.lines import CLOSERS, OPENERS, Line, ends_sentence
from models.parser.paragraphs import BULLETS, DATELINE_END, local_widths, split_paragraphs
from models.parser.placement import PLACEMENT_FEATURES
from models.parser.titles import is_byline, is_credit, is_label, is_note, starts_with_dateline
from models.resources import resource_path

LABELS = ("B", "I", "S", "P", "C")
#: The labels of a headline's lines.
TITLE = ("B", "I")

#: Features of a line on its own, also read off its neighbours.
BASE = (
    "short",
    "full",
    "indent_short",
    "very_short",
    "overlong",
    "ends_sentence",
    "ends_comma",
    "ends_colon",
    "ends_dash",
    "starts_dash",
    "ends_tag",
    "note",
    "byline",
    "credit",
    "dateline",
    "dateline_end",
    "label",
    "bullet",
    "opener",
    "phrase_gap",
    "letter_spaced",
    "length",
    "tiny",
    "ascii_share",
    "inner_stop",
    "blank_before",
    "blank_after",
    "rule_title",
    "rule_break",
)
#: Features of the line's place among its neighbours.
EXTRA = (
    "bias",
    "first",
    "last",
    "sim_next",
    "sim_prev",
    "width_jump",
    "page_blanks",  # the share of the page's lines that are blank (none on an engine's page)
    "blanks_around_on_blank_page",
    "no_blank_on_blank_page",
    "col_change",  # the column width of the lines just before differs from that just after
    "col_change_size",
    "over_after",  # the line is wider than the column after it (a kicker, a long headline)
    "short_after",  # how much narrower than the column after it
    "cohesion",  # share of the next lines' word pairs found in the lines before this one
    "cohesion_next",  # the same, one line on (across the line after this one)
    "in_bracket",  # a bracket opened in the last lines is still open: the line goes on with it
    "in_quote",  # the same for a quotation mark
    "split_word",  # the line ends in a number or Latin word that the next line goes on with
)
FEATURES = EXTRA + BASE + tuple("prev_" + f for f in BASE) + tuple("next_" + f for f in BASE)
#: Second pass: the first pass's headline probability of the line and of its neighbours
#: (a kicker above a headline, a headline under a kicker).
STACKED = ("prev_head", "head", "next_head", "prev2_head", "next2_head", "open", "next_open", "next_cont")


_HAN = re.compile("[\u3400-\u9fff]")
_HAN_ANY = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_PHRASE_GAP = re.compile(f"[{_HAN_ANY}] [{_HAN_ANY}]")
_ASCII = re.compile("[\x00-\x7f]")
_STOP = re.compile("[。！？；]")


def _overlap(texts: Sequence[str], size: int, reach: int = 300) -> tuple[np.ndarray, ...]:
    """Share of each line's Han bigrams found in the ``size`` characters just after it, and
    in those just before it (the page's Han characters read as one string); and the share
    of the bigrams of the ``size`` characters after each line found in the ``reach``
    characters before it (how much the text after the line goes on with the text before:
    little across an article boundary, much across a 小标题).

    Every bigram occurrence knows the next and the previous occurrence of the same
    bigram, so each line's question is a look-up, not a rebuilt set.
    """
    han: list[str] = []
    starts, ends = [], []
    for text in texts:
        starts.append(len(han))
        han.extend(_HAN.findall(text))
        ends.append(len(han))
    n_lines = len(texts)
    if len(han) < 2:
        return np.zeros(n_lines), np.zeros(n_lines), np.zeros(n_lines)
    codes = np.fromiter(map(ord, han), dtype=np.int64, count=len(han))
    pairs = codes[:-1] * 0x110000 + codes[1:]
    m = len(pairs)
    order = np.lexsort((np.arange(m), pairs))
    same = pairs[order[1:]] == pairs[order[:-1]]
    nxt = np.full(m, 1 << 40, dtype=np.int64)
    prv = np.full(m, -(1 << 40), dtype=np.int64)
    nxt[order[:-1][same]] = order[1:][same]
    prv[order[1:][same]] = order[:-1][same]
    # The line each bigram lies wholly inside (-1 for one that spans two lines).
    line_of = np.full(m, -1, dtype=np.int64)
    s_arr, e_arr = np.asarray(starts), np.asarray(ends)
    for k in range(n_lines):
        if e_arr[k] - s_arr[k] >= 2:
            line_of[s_arr[k] : e_arr[k] - 1] = k
    inside = np.nonzero(line_of >= 0)[0]
    line = line_of[inside]
    s_i, e_i = s_arr[line], e_arr[line]
    # One occurrence per distinct bigram of a line: its last in the line looks ahead,
    # its first looks back; the bigram straddling the line's edge is skipped.
    last = nxt[inside] >= e_i - 1
    ahead = nxt[inside]
    edge = ahead == e_i - 1
    ahead = np.where(edge, nxt[np.clip(ahead, 0, m - 1)], ahead)
    hit_after = last & (ahead >= e_i) & (ahead < e_i + size)
    first = prv[inside] < s_i
    back = prv[inside]
    edge = back == s_i - 1
    back = np.where(edge, prv[np.clip(back, 0, m - 1)], back)
    hit_before = first & (back >= s_i - size) & (back < s_i - 1)
    own = np.bincount(line[last], minlength=n_lines)
    after = np.bincount(line[hit_after], minlength=n_lines)
    before = np.bincount(line[hit_before], minlength=n_lines)
    ok = own >= 2
    share_after = np.where(ok, after / np.maximum(own, 1), 0.0)
    share_before = np.where(ok, before / np.maximum(own, 1), 0.0)
    # Cohesion across each line: the bigrams at [end, end + size) whose latest earlier
    # occurrence before the line's start lies within ``reach`` of it.
    pos = e_arr[:, None] + np.arange(min(size, m))[None, :]
    valid = pos < m
    pos = np.minimum(pos, m - 1)
    p = prv[pos]
    start = s_arr[:, None]
    for _ in range(4):  # step back past occurrences in the line or after it
        later = p >= start - 1
        if not later.any():
            break
        p = np.where(later & (p >= 0), prv[np.clip(p, 0, m - 1)], p)
    hit = valid & (p >= start - reach) & (p < start - 1)
    count = valid.sum(axis=1)
    cohesion = np.where(count >= 8, hit.sum(axis=1) / np.maximum(count, 1), 0.0)
    return share_after, share_before, cohesion


def _base(
    line: Line, col: float, blank_before: bool, blank_after: bool, rule_title: bool, rule_break: bool
) -> list[float]:
    s = line.stripped
    compact = "".join(s.split())
    short = col - line.width
    tail = compact.rstrip(CLOSERS) or compact
    n = len(compact)
    ascii_n = len(_ASCII.findall(compact))
    # A gap between two Han characters in a line that is not letter-spaced: a heading's
    # phrases (一手抓防控 一手抓发展).
    gap = not line.letter_spaced and bool(_PHRASE_GAP.search(s))
    inner = compact[:-1]
    return [
        max(-1.0, min(1.0, short / max(col, 1.0))),
        float(abs(short) <= 1.0),
        float(1.5 <= short <= 3.0),
        float(short > 3.5),
        float(short < -1.5),
        float(ends_sentence(s)),
        float(tail[-1:] in "，、,"),
        float(tail[-1:] in "：:"),
        float(compact.endswith(("——", "—"))),
        float(compact.startswith(("——", "—"))),
        float(compact.endswith(("）", ")")) and ("（" in compact or "(" in compact)),
        float(is_note(s)),
        float(is_byline(s)),
        float(is_credit(s)),
        float(starts_with_dateline(s)),
        float(bool(DATELINE_END.search(s))),
        float(is_label(s)),
        float(compact[:1] in BULLETS),
        float(compact[:1] in OPENERS),
        float(gap),
        float(line.letter_spaced),
        min(n, 60) / 30.0,
        float(n <= 4),
        ascii_n / max(n, 1),
        float(bool(_STOP.search(inner))),
        float(blank_before),
        float(blank_after),
        float(rule_title),
        float(rule_break),
    ]


def _still_open(texts: Sequence[str], openers: str, closers: str, reach: int = 3) -> list[bool]:
    """Whether a mark opened in the ``reach`` lines before each line is still open at its
    start (a bracket or quotation is rarely left open longer than that, and a title
    line never opens inside one)."""
    net = [sum(t.count(c) for c in openers) - sum(t.count(c) for c in closers) for t in texts]
    out = []
    for k in range(len(texts)):
        depth, open_ = 0, False
        for j in range(k - 1, max(-1, k - 1 - reach), -1):
            depth += net[j]
            if depth > 0:
                open_ = True
                break
        out.append(open_)
    return out


def line_features(lines: Sequence[Line], rule_titles: set[int], rule_breaks: set[int]) -> np.ndarray:
    """One row of FEATURES per non-blank line of ``lines`` (in order)."""
    body = [ln for ln in lines if not ln.blank]
    if not body:
        return np.zeros((0, len(FEATURES)))
    columns = local_widths(body, radius=12)
    texts = ["".join(ln.stripped.split()) for ln in body]
    n = len(body)
    base = []
    for k, ln in enumerate(body):
        before = k == 0 or body[k - 1].index < ln.index - 1
        after = k == n - 1 or body[k + 1].index > ln.index + 1
        base.append(_base(ln, columns[k], before, after, ln.index in rule_titles, ln.index in rule_breaks))
    zero = [0.0] * len(BASE)
    blanks = min(1.0, 5.0 * sum(1 for ln in lines if ln.blank) / max(1, len(lines)))
    bb, ba = BASE.index("blank_before"), BASE.index("blank_after")
    sim_after, sim_before, cohesion = _overlap(texts, 150)
    # The column of the few lines just before each line, and of those just after it.
    upto = local_widths(body, radius=0, before=7)
    bracket = _still_open(texts, "（(", "）)")
    quote = _still_open(texts, "“", "”")
    fromk = local_widths(body[::-1], radius=0, before=7)[::-1]
    rows = []
    for k in range(n):
        jump = 0.0
        if 0 < k < n - 1:
            jump = min(abs(columns[k + 1] - columns[k - 1]), 6.0) / 6.0
        around = base[k][bb] + base[k][ba]
        w_before = upto[k - 1] if k > 0 else 0.0
        w_after = fromk[k + 1] if k < n - 1 else 0.0
        change = abs(w_before - w_after) if k > 0 and k < n - 1 else 0.0
        width = body[k].width
        extra = [
            1.0,
            float(k == 0),
            float(k == n - 1),
            float(sim_after[k]),
            float(sim_before[k]),
            jump,
            blanks,
            blanks * around,
            blanks * float(around == 0),
            float(change >= 1.0),
            min(change, 6.0) / 6.0,
            float(w_after > 0 and width > w_after + 1.0),
            max(-1.0, min(1.0, (w_after - width) / max(w_after, 1.0))) if w_after else 0.0,
            float(cohesion[k]),
            float(cohesion[k + 1]) if k < n - 1 else 0.0,
            float(bracket[k]),
            float(quote[k]),
            float(
                k < n - 1
                and texts[k][-1:].isascii()
                and texts[k][-1:].isalnum()
                and texts[k + 1][:1].isascii()
                and texts[k + 1][:1].isalnum()
            ),
        ]
        rows.append(extra + base[k] + (base[k - 1] if k > 0 else zero) + (base[k + 1] if k < n - 1 else zero))
    return np.asarray(rows, dtype=float)


def _article_weights(data: dict) -> np.ndarray | None:
    if "article" not in data:
        return None
    if tuple(data.get("article_features", ())) != ARTICLE_FEATURES:
        raise ValueError("line model's second pass was trained on other features; run tools/train_parser.py")
    return np.asarray(data["article"], dtype=float).reshape(len(SHORT), len(ARTICLE_FEATURES))


def _placement_weights(data: dict) -> np.ndarray | None:
    if "placement" not in data:
        return None
    if tuple(data.get("placement_features", ())) != PLACEMENT_FEATURES:
        raise ValueError("line model's placement was trained on other features; run tools/train_parser.py")
    return np.asarray(data["placement"], dtype=float)


def _softmax_logs(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def title_probs(lp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each line's probability of being a headline's line, and of opening a title block."""
    p = np.exp(lp)
    return p[:, LABELS.index("B")] + p[:, LABELS.index("I")], p[:, LABELS.index("B")]


def stacked(x: np.ndarray, first: np.ndarray) -> np.ndarray:
    """``x`` with the first pass's headline probabilities of the line and its neighbours."""
    lp = _softmax_logs(x @ first.T)
    head, opening = title_probs(lp)
    pad = np.concatenate([[0.0, 0.0], head, [0.0, 0.0]])
    opad = np.concatenate([opening, [0.0]])
    # A line that carries a paragraph on follows no headline line.
    cont = np.concatenate([np.exp(lp[:, LABELS.index("C")]), [0.0]])
    n = len(head)
    cols = [
        pad[1 : n + 1],
        pad[2 : n + 2],
        pad[3 : n + 3],
        pad[0:n],
        pad[4 : n + 4],
        opad[:n],
        opad[1 : n + 1],
        cont[1:],
    ]
    return np.hstack([x, np.stack(cols, axis=1)])


@dataclass
class LineModel:
    """Two passes of weights (labels × features), label transition log-probabilities, and
    how the decoder weighs them.

    The model's scores are each line's label probabilities given its features; the
    decoder reads them as evidence, less ``prior_weight`` × the label's share of all lines
    (a rare label, such as a headline's first line, is not held back by its rarity
    twice), plus ``transition_weight`` × the transition log-probabilities. Both weights
    are chosen by tools/train_parser.py on pages its fit never saw.
    """

    features: tuple[str, ...]
    first: np.ndarray  # (len(LABELS), len(FEATURES))
    weights: np.ndarray  # (len(LABELS), len(FEATURES) + len(STACKED))
    start: np.ndarray  # (len(LABELS),) log P(first label)
    transitions: np.ndarray  # (len(LABELS), len(LABELS)) log P(label | previous label)
    prior: np.ndarray = field(default_factory=lambda: np.zeros(len(LABELS)))  # log share of each label
    prior_weight: float = 0.0
    transition_weight: float = 1.0
    #: The second pass's weights (len(headlines.SHORT) × len(headlines.ARTICLE_FEATURES)):
    #: article-level evidence shares out each short line's title-like odds; None: no second pass.
    article: np.ndarray | None = None
    #: Weights of ``placement``'s choice of the article a headline heads (len(PLACEMENT_FEATURES));
    #: None: every headline heads the text below it.
    placement: np.ndarray | None = None

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        feats = tuple(data["features"])
        if feats != FEATURES:
            raise ValueError("line model was trained on other features; run tools/train_parser.py")
        return cls(
            feats,
            np.asarray(data["first"], dtype=float),
            np.asarray(data["weights"], dtype=float),
            np.asarray(data["start"], dtype=float),
            np.asarray(data["transitions"], dtype=float),
            np.asarray(data.get("prior", [0.0] * len(LABELS)), dtype=float),
            float(data.get("prior_weight", 0.0)),
            float(data.get("transition_weight", 1.0)),
            _article_weights(data),
            _placement_weights(data),
        )

    def to_json(self) -> dict:
        return {
            "labels": list(LABELS),
            "features": list(self.features),
            "stacked": list(STACKED),
            "first": [[round(float(w), 4) for w in row] for row in self.first],
            "weights": [[round(float(w), 4) for w in row] for row in self.weights],
            "start": [round(float(x), 4) for x in self.start],
            "transitions": [[round(float(x), 4) for x in row] for row in self.transitions],
            "prior": [round(float(x), 4) for x in self.prior],
            "prior_weight": self.prior_weight,
            "transition_weight": self.transition_weight,
            **(
                {}
                if self.article is None
                else {
                    "article_features": list(ARTICLE_FEATURES),
                    "article": [[round(float(w), 4) for w in row] for row in self.article],
                }
            ),
            **(
                {}
                if self.placement is None
                else {
                    "placement_features": list(PLACEMENT_FEATURES),
                    "placement": [round(float(w), 4) for w in self.placement],
                }
            ),
        }

    def log_probs(self, x: np.ndarray) -> np.ndarray:
        return _softmax_logs(stacked(x, self.first) @ self.weights.T)

    def emissions(self, x: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """Each line's label log-probabilities: the line model's, with the short lines' odds
        read again from article-level evidence (``headlines``) when the model has a second pass."""
        emit = self.log_probs(x)
        if self.article is None or len(x) == 0:
            return emit
        return rescore(texts, emit, self.viterbi(emit), self.article, LABELS)

    def decode(self, x: np.ndarray, texts: Sequence[str] | None = None) -> list[str]:
        """The best label sequence (Viterbi over emission + transition log-probabilities);
        with the lines' ``texts``, after the second pass."""
        if len(x) == 0:
            return []
        return self.viterbi(self.log_probs(x) if texts is None else self.emissions(x, texts))

    def viterbi(self, emit: np.ndarray) -> list[str]:
        # Plain floats: for five labels a step in numpy costs more than the arithmetic.
        n, m = emit.shape
        rows = (emit - self.prior_weight * self.prior).tolist()
        trans = (self.transition_weight * self.transitions).T.tolist()  # current × previous
        labels = range(m)
        score = [a + b for a, b in zip(self.start.tolist(), rows[0])]
        back = []
        for k in range(1, n):
            step, new = [], []
            row = rows[k]
            for cur in labels:
                vals = [a + b for a, b in zip(score, trans[cur])]
                top = max(vals)
                step.append(vals.index(top))  # the first best, as argmax
                new.append(top + row[cur])
            back.append(step)
            score = new
        path = [score.index(max(score))]
        for k in range(n - 2, -1, -1):
            path.append(back[k][path[-1]])
        return [LABELS[i] for i in reversed(path)]


_MODEL: LineModel | None = None
MODEL_FILE = ("parser", "line_model.json")


def model_digest() -> str:
    """A short digest of the shipped weights, part of the parser's version."""
    return hashlib.sha1(resource_path(*MODEL_FILE).read_bytes()).hexdigest()[:8]


def model() -> LineModel:
    """The shipped model (loaded once)."""
    global _MODEL
    if _MODEL is None:
        path = resource_path(*MODEL_FILE)
        _MODEL = LineModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    return _MODEL


def set_model(new: LineModel | None) -> None:
    """Use another model (training and cross-validation tools); None goes back to the shipped one."""
    global _MODEL
    _MODEL = new


def rule_cues(lines: Sequence[Line], titles: set[int] | None = None) -> tuple[set[int], set[int]]:
    """What the column-grid rules say: the lines of title blocks (given when the caller
    has classified the blocks already; none on a page without blank lines, where no
    block stands apart), the lines that start a paragraph."""
    text = [k for k, ln in enumerate(lines) if not ln.blank]
    if titles is None and text and any(ln.blank for ln in lines[text[0] : text[-1] + 1]):
        blocks = cut_blocks(list(lines))
        classify_blocks(blocks)
        titles = {ln.index for b in blocks if b.kind in ("title", "masthead") for ln in b.lines}
    body = [ln for ln in lines if not ln.blank]
    breaks = {para[0].index for para in split_paragraphs(body)} if body else set()
    return titles or set(), breaks


def page_features(lines: Sequence[Line], titles: set[int] | None = None) -> np.ndarray:
    return line_features(lines, *rule_cues(lines, titles))


def read_lines(lines: Sequence[Line]) -> tuple[dict[int, str], set[int]]:
    """Each non-blank line's label in the decoder's reading of the page (by line index),
    and the lines the column-grid rules start a paragraph at."""
    body = [ln for ln in lines if not ln.blank]
    if not body:
        return {}, set()
    titles, breaks = rule_cues(lines)
    x = line_features(lines, titles, breaks)
    return dict(zip((ln.index for ln in body), model().decode(x, line_texts(body)))), breaks


def line_texts(body: Sequence[Line]) -> list[str]:
    """The lines' text without spaces, as the second pass reads it."""
    return ["".join(ln.stripped.split()) for ln in body]


def label_page(lines: Sequence[Line]) -> dict[int, str]:
    """Each non-blank line's label (by line index)."""
    return read_lines(lines)[0]


def softmax_fit(
    x: np.ndarray,
    y: np.ndarray,
    sample_weight: np.ndarray | None = None,
    l2: float = 1.0,
    steps: int = 12,
    k: int = len(LABELS),
) -> np.ndarray:
    """Fit multinomial logistic weights over ``k`` labels by Newton's method (the last
    label is the reference).

    ``l2`` is the ridge penalty on the summed log-likelihood. Deterministic.
    """
    d = x.shape[1]
    sw = np.ones(len(x)) if sample_weight is None else sample_weight
    onehot = np.eye(k)[y]
    free = k - 1
    w = np.zeros((free, d))
    for _ in range(steps):
        z = np.hstack([x @ w.T, np.zeros((len(x), 1))])
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = ((p[:, :free] - onehot[:, :free]) * sw[:, None]).T @ x + l2 * w
        hess = np.zeros((free * d, free * d))
        for a in range(free):
            for b in range(a, free):
                v = sw * p[:, a] * ((a == b) - p[:, b])
                block = x.T @ (x * v[:, None])
                hess[a * d : (a + 1) * d, b * d : (b + 1) * d] = block
                hess[b * d : (b + 1) * d, a * d : (a + 1) * d] = block
        hess += l2 * np.eye(free * d)
        step = np.linalg.solve(hess, grad.reshape(-1))
        w -= step.reshape(free, d)
        if np.abs(step).max() < 1e-4:
            break
    return np.vstack([w, np.zeros((1, d))])


def transition_logs(sequences: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Label transition log-probabilities counted on the training pages (add-one smoothed).

    The first label is left uniform: the first line's own features (``first``) say how a
    page opens, and training pages all open with a headline where real ones may open
    inside an article carried over from an earlier page."""
    k = len(LABELS)
    start = np.ones(k)
    trans = np.ones((k, k))
    for seq in sequences:
        for a, b in zip(seq, seq[1:]):
            trans[a, b] += 1
    return np.log(start / start.sum()), np.log(trans / trans.sum(axis=1, keepdims=True))


__all__ = [
    "FEATURES",
    "LABELS",
    "LineModel",
    "read_lines",
    "label_page",
    "line_features",
    "model",
    "page_features",
    "set_model",
]
