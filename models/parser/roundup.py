"""Round-ups: whether a page's labelled runs head briefs of their own or stand inside one article.

Local papers print a round-up of units' work as briefs, each under a label ending in a colon
over a short headline (区组织人社局： / 补齐短板提成效, or 苏家作乡：突破常规促发展 on one line);
other pages print a series of accounts inside one article in the same shape (刘丽（…）： over
在这里，大家都是战斗员). The line model reads each line with its neighbours, and its second look
(``headlines``) reads counts made on its own first reading, so neither can tell the two apart:
what does lies on the page as a whole.

This stage reads the page more than one whole way — the decoder's reading and the reading with
every labelled run a title block (the label line opening it, its headline going on with it), the
best Viterbi path of the same line scores under that constraint (``READINGS``: a reading with
every run lines of the text was measured, not shipped) — and picks one by page-level features of the articles each makes
(how many, their lengths and spread, whether the labels' names open the leads below them, the
headlines' words in their bodies, a headline just above the first labelled run, whether every
run is read alike, and how much the line model loses by the change), weighed by a small
conditional-logit re-ranker whose weights ``tools/train_roundup.py`` fits on many pages
(``resources/parser/roundup_model.json``; none shipped or ``"on": false``: the decoder's reading).
"""

from __future__ import annotations

import collections
import contextlib
import functools
import json
import math
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass

import numpy as np

from models.parser.lines import ends_sentence
from models.parser.placement import han_of
from models.parser.titles import LABEL_SPLIT, is_byline, is_credit, is_note, starts_with_dateline
from models.resources import resource_digest, resource_path

MODEL_FILE = ("parser", "roundup_model.json")

#: A labelled run's lines are at most this share of the page's column.
SHORT_LINE = 0.85
#: A label or an inline label's name: two to fourteen characters before the colon.
_LABEL = re.compile(r"^([^：:，。；！？“”]{2,14})[：:]$")

#: The readings tried beside the decoder's: every run a title block (True); every run lines of
#: the text (False) was measured too and lost real headlines held out (docs/parser.md).
READINGS: tuple[bool, ...] = (True,)

FEATURES = (
    "lm_delta",
    "lm_delta_per_run",
    "runs_title",
    "runs_title_many",
    "title_label_in_lead",
    "title_label_not_in_lead",
    "title_head_above",
    "mixed",
    "n_articles",
    "mean_chars",
    "spread",
    "short_articles",
    "head_in_body",
    "title_other_heads",
    "title_repeated_label",
    "title_head_length",
    "title_head_comma",
    "title_person_label",
    "title_intro_above",
)


@dataclass
class Run:
    """A labelled run: its lines' places among the page's text lines, the label's name, and
    the headline's text after the label."""

    rows: tuple[int, ...]
    name: str
    head: str = ""


_han = han_of


def _plain(text: str) -> str:
    return "".join(text.split())


@functools.lru_cache(maxsize=4096)
def is_person(name: str) -> bool:
    """The label names a person (王芳, 护士王芳, 刘丽（护士）) as jieba tags its words: one of
    them a person's name; a unit or a place (区组织人社局, 苏家作乡) is not."""
    if not name:
        return False
    import jieba.posseg

    words = list(jieba.posseg.cut(name))
    return any(w.flag == "nr" for w in words)


def labelled_runs(texts: Sequence[str], widths: Sequence[float]) -> list[Run]:
    """The page's label-shaped runs (by place among its text lines): a short line ending in a
    colon over a short line that ends no sentence, or one short line of a label, a colon and a
    headline; never a credit, byline, note or dateline (制图：蔡华伟, 记者：…)."""
    if not texts:
        return []
    column = float(np.median(widths)) if len(widths) else 0.0
    if column <= 0:
        return []
    out: list[Run] = []
    k = 0
    n = len(texts)

    def plain_title(t: str) -> bool:
        return (
            bool(t)
            and not t.endswith(("，", "、", "；", ","))
            and not (
                ends_sentence(t) or is_credit(t) or is_byline(t) or is_note(t) or starts_with_dateline(t)
            )
        )

    while k < n:
        t = _plain(texts[k])
        short = widths[k] <= SHORT_LINE * column
        m = _LABEL.match(t) if short and plain_title(t) else None
        if m and k + 1 < n:
            nxt = _plain(texts[k + 1])
            if (
                widths[k + 1] <= SHORT_LINE * column
                and plain_title(nxt)
                and not _LABEL.match(nxt)
                and len(_han(nxt)) >= 3
            ):
                out.append(Run((k, k + 1), _han(m.group(1)), nxt))
                k += 2
                continue
        # The label and its headline on one line, as titles.split_title reads it (LABEL_SPLIT).
        m = LABEL_SPLIT.match(t) if short and plain_title(t) else None
        if m and len(_han(m.group(1))) >= 2 and len(_han(m.group(2))) >= 3 and k + 1 < n:
            out.append(Run((k,), _han(m.group(1)), m.group(2)))
        k += 1
    return out


@dataclass
class RoundupModel:
    weights: np.ndarray
    on: bool = True

    @classmethod
    def from_json(cls, data: dict) -> RoundupModel:
        if tuple(data.get("features", ())) != FEATURES:
            raise ValueError("round-up model was trained on other features; run tools/train_roundup.py")
        return cls(np.asarray(data["weights"], dtype=float), bool(data.get("on", True)))


_MODEL: RoundupModel | None | bool = False  # False: not read yet


def model() -> RoundupModel | None:
    """The shipped re-ranker (None if none ships)."""
    global _MODEL
    if _MODEL is False:
        path = resource_path(*MODEL_FILE)
        _MODEL = (
            RoundupModel.from_json(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else None
        )
    return _MODEL  # type: ignore[return-value]


def set_model(new: RoundupModel | None | bool) -> None:
    """Use another re-ranker (training tools); None: none; False: the shipped one again."""
    global _MODEL
    _MODEL = new


def model_digest() -> str:
    """A short digest of the shipped re-ranker's weights when it ships switched on ("" if not:
    the parse is the decoder's, as without this stage). Read without checking its features, so
    that tools/train_roundup.py can replace a model fitted on other ones."""
    path = resource_path(*MODEL_FILE)
    if not path.exists() or not json.loads(path.read_text(encoding="utf-8")).get("on", True):
        return ""
    return resource_digest(*MODEL_FILE)


_PROBE: ContextVar[tuple[int, list[np.ndarray]] | None] = ContextVar("roundup_probe", default=None)


@contextlib.contextmanager
def probe(reading: int) -> Iterator[list[np.ndarray]]:
    """Training only (tools/train_roundup.py): inside it, a page with labelled runs is read as
    its candidate reading of this number (0: the decoder's) whatever the re-ranker, and every
    reading's features are added to the list it yields. The app never enters it."""
    seen: list[np.ndarray] = []
    token = _PROBE.set((reading, seen))
    try:
        yield seen
    finally:
        _PROBE.reset(token)


def probing() -> tuple[int, list[np.ndarray]] | None:
    """The reading asked for and the features seen, inside ``probe``; None outside it."""
    return _PROBE.get()


def constrained(emit: np.ndarray, runs: Sequence[Run], as_title: bool) -> np.ndarray:
    """The line scores with every run forced to a title block (its first line B, the next I,
    the line after it not I) or to lines of the text (no B, no I)."""
    from models.parser.layout import LABELS

    out = emit.copy()
    b, i = LABELS.index("B"), LABELS.index("I")
    for run in runs:
        if as_title:
            for k, lab in zip(run.rows, (b, i)):
                keep = out[k, lab]
                out[k, :] = -np.inf
                out[k, lab] = keep
            after = run.rows[-1] + 1
            if after < len(out):
                out[after, i] = -np.inf
        else:
            for k in run.rows:
                out[k, b] = out[k, i] = -np.inf
    return out


def path_score(m, emit: np.ndarray, seq: Sequence[str]) -> float:
    """The decoder's score of a whole reading (emissions less the prior, with transitions)."""
    from models.parser.layout import LABELS

    idx = np.fromiter((LABELS.index(s) for s in seq), dtype=int, count=len(seq))
    rows = emit[np.arange(len(idx)), idx] - m.prior_weight * m.prior[idx]
    steps = m.transition_weight * m.transitions[idx[:-1], idx[1:]]
    return float(m.start[idx[0]] + rows.sum() + steps.sum())


def readings(m, emit: np.ndarray, base: list[str], runs: Sequence[Run]) -> list[list[str]]:
    """The candidate readings, each once: the decoder's, every run a title, every run text."""
    out = [base]
    for as_title in READINGS:
        seq = m.viterbi(constrained(emit, runs, as_title))
        if seq not in out:
            out.append(seq)
    return out


def features(
    texts: Sequence[str],
    seq: Sequence[str],
    base: Sequence[str],
    runs: Sequence[Run],
    lm_delta: float,
    articles: Sequence[tuple[str, str]],
) -> np.ndarray:
    """A reading's page-level features; ``articles``: each article's (headline, body text)."""
    n_runs = len(runs)
    titled = [seq[r.rows[0]] == "B" for r in runs]
    share = sum(titled) / n_runs if n_runs else 0.0
    in_lead = []
    for r in runs:
        lead = _han("".join(texts[r.rows[-1] + 1 : r.rows[-1] + 4]))[:60]
        in_lead.append(bool(r.name) and (r.name in lead or (len(r.name) >= 4 and r.name[-3:] in lead)))
    t_lead = sum(t and i for t, i in zip(titled, in_lead)) / n_runs if n_runs else 0.0
    t_nolead = sum(t and not i for t, i in zip(titled, in_lead)) / n_runs if n_runs else 0.0
    head_above = 0.0
    if runs:
        first = runs[0].rows[0]
        head_above = float(titled[0] and any(base[k] == "B" for k in range(max(0, first - 3), first)))
    intro_above = 0.0
    if runs and titled[0]:
        # A headline of the decoder's, then a stretch of text (an intro), just above the first run.
        first = runs[0].rows[0]
        heads = [k for k in range(max(0, first - 15), first - 1) if base[k] == "B"]
        if heads:
            k = heads[-1] + 1
            while k < first and base[k] == "I":
                k += 1
            intro_above = float(k < first and all(base[j] not in "BI" for j in range(k, first)))
    person = sum(1 for t, r in zip(titled, runs) if t and is_person(r.name)) / n_runs if n_runs else 0.0
    run_rows = {k for r in runs for k in r.rows}
    others = sum(1 for k, s in enumerate(base) if s == "B" and k not in run_rows and k > 1)
    names = collections.Counter(r.name for r in runs)
    repeated = sum(1 for r in runs if names[r.name] > 1) / n_runs if n_runs else 0.0
    head_len = sum(len(_han(r.head)) for r in runs) / n_runs if n_runs else 0.0
    comma = sum(1 for r in runs if re.search(r"[，,、；]", r.head)) / n_runs if n_runs else 0.0
    lengths = [len(_han(body)) for _h, body in articles] or [0]
    mean = sum(lengths) / len(lengths)
    spread = float(np.std(lengths) / mean) if mean > 0 else 0.0
    sims = []
    for head, body in articles:
        h = _han(head)
        pairs = {h[i : i + 2] for i in range(len(h) - 1)}
        if pairs and body:
            b = _han(body)
            sims.append(sum(1 for p in pairs if p in b) / len(pairs))
    return np.array(
        [
            lm_delta / 10.0,
            lm_delta / 10.0 / max(1, n_runs),
            share,
            share * min(n_runs, 10) / 10.0,
            t_lead,
            t_nolead,
            head_above,
            float(0 < sum(titled) < n_runs),
            math.log1p(len(articles)) / 4.0,
            math.log1p(mean) / 8.0,
            min(spread, 3.0),
            sum(1 for x in lengths if x < 120) / len(lengths),
            sum(sims) / len(sims) if sims else 0.0,
            share * min(others, 10) / 10.0,
            share * repeated,
            share * min(head_len, 30.0) / 10.0,
            share * comma,
            person,
            intro_above,
        ]
    )


__all__ = ["FEATURES", "RoundupModel", "Run", "features", "labelled_runs", "model", "probe", "readings", "set_model"]
