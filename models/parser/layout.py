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

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import add

import numpy as np

from models.parser.blocks import classify_blocks, cut_blocks
from models.parser.headlines import ARTICLE_FEATURES, SHORT, rescore
from models.parser.line_features import FEATURES, PageText, line_features
from models.parser.lines import Line
from models.parser.paragraphs import split_paragraphs
from models.parser.placement import PLACEMENT_FEATURES
from models.resources import resource_digest, resource_path

LABELS = ("B", "I", "S", "P", "C")
#: The labels of a headline's lines.
TITLE = ("B", "I")

#: Second pass: the first pass's headline probability of the line and of its neighbours
#: (a kicker above a headline, a headline under a kicker).
STACKED = ("prev_head", "head", "next_head", "prev2_head", "next2_head", "open", "next_open", "next_cont")


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
    #: The ridge penalty the two passes were fitted with (chosen on inner folds; a record only).
    ridge: float = 1.0

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
            float(data.get("ridge", 1.0)),
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
            "ridge": self.ridge,
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

    def emissions(self, x: np.ndarray, texts: Sequence[str] | PageText) -> np.ndarray:
        """Each line's label log-probabilities: the line model's, with the short lines' odds
        read again from article-level evidence (``headlines``) when the model has a second pass."""
        emit = self.log_probs(x)
        if self.article is None or len(x) == 0:
            return emit
        return rescore(texts, emit, self.viterbi(emit), self.article, LABELS)

    def decode(self, x: np.ndarray, texts: Sequence[str] | PageText | None = None) -> list[str]:
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
                vals = list(map(add, score, trans[cur]))
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
    return resource_digest(*MODEL_FILE)


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
    emit, breaks = line_scores(lines)
    return dict(zip((ln.index for ln in body), model().viterbi(emit))), breaks


def line_scores(lines: Sequence[Line]) -> tuple[np.ndarray, set[int]]:
    """Each non-blank line's label log-probabilities as the decoder reads them (after the
    second look), and the lines the column-grid rules start a paragraph at."""
    body = [ln for ln in lines if not ln.blank]
    titles, breaks = rule_cues(lines)
    page = PageText(line_texts(body))  # read once, by the line features and the second pass
    x = line_features(lines, titles, breaks, page)
    return model().emissions(x, page), breaks


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
    init: np.ndarray | None = None,
) -> np.ndarray:
    """Fit multinomial logistic weights over ``k`` labels by Newton's method (the last
    label is the reference).

    ``l2`` is the ridge penalty on the summed log-likelihood; ``init``: weights to start
    from (a fit under another penalty, so a grid of penalties costs a few steps each).
    Deterministic.
    """
    d = x.shape[1]
    sw = np.ones(len(x)) if sample_weight is None else sample_weight
    onehot = np.eye(k)[y]
    free = k - 1
    w = np.zeros((free, d)) if init is None else np.array(init[:free], dtype=float)
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
