"""Which article each headline of a page without blank lines belongs to: the one printed
below it (as most pages set them) or the one printed above it (a page that sets its
headlines after their articles).

The page, as the line model read it, is a run of title blocks with stretches of body
text between them: S0 T1 S1 T2 S2 … Each title block Ti heads either the stretch after
it (down) or the stretch before it (up), and no stretch takes two headlines. Each choice
is scored by a logistic model over the evidence an editor would weigh — the words the
headline shares with the lead of the text below against that of the text above, a
dateline (本报北京2月12日电) or byline opening either stretch, how long the stretches are, a
closing note or credit ending the text above, how the page's other headlines read — with
weights fitted by ``tools/train_parser.py`` on pages whose headlines stand before and
after their articles (shipped in ``resources/parser/line_model.json``); a two-state
Viterbi picks the best consistent placement of the page's headlines.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from models.parser.titles import is_byline, is_closing_note, is_credit, is_note, starts_with_dateline

PLACEMENT_FEATURES = (
    "bias",
    "lead_below",
    "lead_above",
    "lead_diff",
    "text_below",
    "text_above",
    "dateline_below",
    "dateline_above",
    "byline_below",
    "byline_above",
    "length_below",
    "length_above",
    "page_start_above",
    "note_above",
    "note_below",
    "page_lean",
)

_HAN = re.compile("[\u3400-\u9fff]")


def han_of(text: str) -> str:
    """The text's Han characters alone."""
    return "".join(_HAN.findall(text))


def _pairs(text: str) -> set[str]:
    han = han_of(text)
    return {han[i : i + 2] for i in range(len(han) - 1)}


def _share(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a) if a else 0.0


def stretches(labels: Sequence[str]) -> tuple[list[list[int]], list[list[int]]]:
    """The title blocks (a headline's first line B and the lines I that go on with it) and
    the stretches of body lines around them, by position in ``labels``:
    ``len(body) == len(blocks) + 1``, stretch i lying before block i."""
    blocks: list[list[int]] = []
    body: list[list[int]] = [[]]
    for k, lab in enumerate(labels):
        if lab == "B" or (lab == "I" and (not blocks or body[-1])):
            blocks.append([k])
            body.append([])
        elif lab == "I":
            blocks[-1].append(k)
        else:
            body[-1].append(k)
    return blocks, body


def placement_features(
    texts: Sequence[str], blocks: Sequence[Sequence[int]], body: Sequence[Sequence[int]]
) -> np.ndarray:
    """One row of PLACEMENT_FEATURES per title block."""

    def lead(rows: Sequence[int], chars: int) -> str:
        out, n = [], 0
        for r in rows:
            out.append(texts[r])
            n += len(texts[r])
            if n >= chars:
                break
        return "".join(out)

    heads = [_pairs("".join(texts[r] for r in b)) for b in blocks]
    leads = [(_pairs(lead(rows, 120)), _pairs(lead(rows, 800))) for rows in body]
    diffs = []
    raw = []
    for i in range(len(blocks)):
        above, below = body[i], body[i + 1]
        h = heads[i]
        lb, la = _share(h, leads[i + 1][0]), _share(h, leads[i][0])
        tb, ta = _share(h, leads[i + 1][1]), _share(h, leads[i][1])
        diffs.append(la - lb)
        raw.append(
            [
                1.0,
                lb,
                la,
                la - lb,
                tb,
                ta,
                float(bool(below) and starts_with_dateline(texts[below[0]])),
                float(bool(above) and starts_with_dateline(texts[above[0]])),
                float(bool(below) and is_byline(texts[below[0]])),
                float(bool(above) and is_byline(texts[above[0]])),
                math.log1p(sum(len(texts[r]) for r in below)) / 8.0,
                math.log1p(sum(len(texts[r]) for r in above)) / 8.0,
                float(i == 0),
                float(bool(above) and _closing(texts[above[-1]])),
                float(bool(below) and _closing(texts[below[-1]])),
            ]
        )
    total = sum(diffs)
    for i, row in enumerate(raw):
        others = len(diffs) - 1
        row.append((total - diffs[i]) / others if others else 0.0)
    return np.asarray(raw, dtype=float).reshape(len(raw), len(PLACEMENT_FEATURES))


def _closing(text: str) -> bool:
    return is_closing_note(text) or is_note(text) or is_credit(text)


def place(
    texts: Sequence[str], blocks: Sequence[Sequence[int]], body: Sequence[Sequence[int]], weights: np.ndarray
) -> list[bool]:
    """For each title block, whether it heads the stretch above it (True) or below it."""
    if not blocks:
        return []
    z = placement_features(texts, blocks, body) @ weights
    up = -np.logaddexp(0.0, -z)  # log P(up)
    down = -np.logaddexp(0.0, z)
    # State after block i: 0 = stretch i+1 still has no headline (block i went up),
    # 1 = block i heads stretch i+1.
    neg = -1e9
    score = np.array([up[0] if body[0] else neg, down[0]])
    back = []
    for i in range(1, len(blocks)):
        can_up = bool(body[i])
        new = np.array([score[0] + up[i] if can_up else neg, max(score) + down[i]])
        back.append(int(score[1] > score[0]))
        score = new
    state = int(score.argmax())
    out = [state == 0]
    for i in range(len(blocks) - 1, 0, -1):
        state = 0 if out[-1] else back[i - 1]
        out.append(state == 0)
    return out[::-1]


__all__ = ["PLACEMENT_FEATURES", "place", "placement_features", "stretches"]
