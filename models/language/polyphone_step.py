"""Layer 3 of the reading engine: rules, then the models, for polyphones no table word decided.

``decide`` is what the engine runs; the same step done the plain way is kept with the tests
(``tests/pinyin_reference.py``), which check that the fast one gives the same readings.

The plain way runs g2pM's BiLSTM (``polyphone_model``) at every open polyphone, then the
classifier (``polyphone_classifier``), which takes g2pM's answer and confidence among its
features. But the classifier's answer often does not hang on g2pM's: whatever g2pM would say
there (any of the character's readings, sure or not), the classifier picks the same reading
and is sure enough to overrule g2pM (or agrees with it). ``decide`` scores the classifier's
other features first, tries each answer g2pM could give, and runs g2pM only where the outcome
differs between them (and where the table's own alternatives or a proper noun ask for it).
g2pM reads a clause in segments between commas; a segment none of whose characters is asked
about is not run at all, which on news text is about half of them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import repeat
from operator import add
from typing import TYPE_CHECKING, NamedTuple, Protocol

from models.language import context_rules
from models.language.phrase_table import char_readings
from models.language.syllables import marked, numbered

if TYPE_CHECKING:
    import numpy as np

    from models.language.polyphone_classifier import Classifier
    from models.language.polyphone_model import PolyphoneModel


class Clause(Protocol):
    """What this step reads and writes of a clause (``readings._Clause``)."""

    text: str
    words: list[str]
    readings: list[str | None]
    open: list[int]
    options: dict[int, tuple[str, ...]]
    names: dict[int, str]


@lru_cache(maxsize=8192)
def _numbered_readings(ch: str) -> tuple[str, ...]:
    return tuple(numbered(r) for r in char_readings(ch))


@lru_cache(maxsize=8192)
def _answers(g2pm: PolyphoneModel, ch: str) -> tuple[str, ...]:
    """``g2pm.readings_of(ch)``, worked out once per character."""
    return tuple(g2pm.readings_of(ch))


#: The characters some rule may decide: a clause holding none of them has nothing for the rules.
_RULED = re.compile("[" + re.escape("".join(sorted(context_rules.ruled_characters()))) + "]")


def _apply_rules(clauses: Sequence[Clause]) -> None:
    for clause in clauses:
        if (not clause.open and not clause.options) or _RULED.search(clause.text) is None:
            continue
        asked = sorted(set(clause.open) | set(clause.options))
        still = set(context_rules.apply(clause.text, clause.words, clause.readings, asked))
        for pos in [p for p in clause.options if p not in still]:
            del clause.options[pos]  # a rule decided it
        clause.open = [p for p in clause.open if p in still]


def _overrules(pick: tuple[str, float], g2p: str, sure_g2p: float) -> bool:
    """Whether the classifier's pick (reading, probability) replaces g2pM's answer (``polyphone_classifier.SWITCH``)."""
    from models.language import polyphone_classifier as learned

    if pick[0] == g2p or pick[1] < learned.SWITCH:
        return False
    return not learned.SURER or pick[1] > sure_g2p


def decide(clauses: Sequence[Clause]) -> None:
    """Layer 3: rules, then the models, for the polyphones the word table left open.

    Gives the same readings as the plain step (``tests/pinyin_reference.py``); g2pM runs
    only where its answer matters. The classifier scores every open polyphone of the clauses at
    once: each position's features become rows of the classifier's weight matrix, summed in the
    features' order (``Classifier.sums``: the same additions as one by one), and every answer
    g2pM could give is tried for all positions together (``_settle``).
    """
    _apply_rules(clauses)
    pending = [c for c in clauses if c.open or c.options or c.names]
    if not pending:
        return
    from models.language import polyphone_classifier
    from models.language.polyphone_classifier import classifier, g2p_features
    from models.language.polyphone_features import ClauseView
    from models.language.polyphone_model import model

    g2pm = model()
    learned = classifier()
    # SURER weighs the classifier against g2pM's exact confidence: no answer can be settled early.
    settle = not polyphone_classifier.SURER
    asked: list[set[int]] = []
    at: list[tuple[int, int, str]] = []  # (clause, position, character) the classifier scores
    feature_rows: list[int] = []  # the scored positions' features as rows, one position after another
    counts: list[int] = []  # per scored position: how many of feature_rows are its
    bases: list[int] = []  # per scored position: its character's base (Classifier.rows)
    gets: dict[str, tuple[Callable[[str, int], int], int] | None] = {}  # per character: feature -> row, base
    for n, clause in enumerate(pending):
        ask = set(clause.options)
        if clause.names:
            ask.update(clause.names)
        view = None
        for pos in clause.open:
            ch = clause.text[pos]
            lookup = gets.get(ch, _UNSEEN)
            if lookup is _UNSEEN:
                known = learned.rows(ch) if learned is not None and learned.knows(ch) else None
                lookup = gets[ch] = None if known is None else (known[1].get, known[2])
            if lookup is None:
                ask.add(pos)  # g2pM alone
                continue
            if view is None:
                view = ClauseView(clause.text, clause.words)
            feats = view.features(pos)
            feature_rows += map(lookup[0], feats, _NONE)
            counts.append(len(feats))
            bases.append(lookup[1])
            at.append((n, pos, ch))
        asked.append(ask)
    scored: list[dict[int, tuple[_Char, int]]] = [{} for _ in pending]  # the classifier's sums without g2pM
    if at:
        assert learned is not None
        totals = learned.sums(feature_rows, counts, bases)
        per_char = {ch: _char_info(learned, g2pm, ch) for ch in {ch for _, _, ch in at}}
        infos = [per_char[ch] for _, _, ch in at]
        to_settle: list[int] = []
        for k, ((n, pos, _ch), info) in enumerate(zip(at, infos)):
            if not info.answers:  # g2pM has no choice to make here: the classifier decides alone
                reading = _classified(learned, info, totals[k], g2p_features(None, None), None, 0.0)
                if reading is not None:
                    pending[n].readings[pos] = reading
            elif settle:
                to_settle.append(k)
            else:
                scored[n][pos] = (info, k)
                asked[n].add(pos)
        if to_settle:
            outcomes = _settle(
                learned, totals, [infos[k] for k in to_settle], to_settle, polyphone_classifier.SWITCH
            )
            for k, reading in zip(to_settle, outcomes):
                n, pos, _ch = at[k]
                if reading is not None:
                    pending[n].readings[pos] = reading
                else:
                    scored[n][pos] = (infos[k], k)
                    asked[n].add(pos)
    else:
        totals = None
    asks = [sorted(ask) for ask in asked]
    named = [
        {p: (r, char_readings(c.text[p])[0]) for p, r in c.names.items()} if c.names else {} for c in pending
    ]
    sure: list[dict[int, float]] = []
    chosen = g2pm.choose([c.text for c in pending], asks, [c.options for c in pending], named, sure)
    for clause, positions, picks, confidence, base in zip(pending, asks, chosen, sure, scored):
        for pos, reading in zip(positions, picks):
            found = base.get(pos)
            if found is not None:
                assert learned is not None and totals is not None
                info, k = found
                g2p = numbered(reading) if reading is not None else None
                feats = g2p_features(g2p, confidence.get(pos))
                reading = _classified(learned, info, totals[k], feats, reading, confidence.get(pos, 0.0))
            if reading is not None:
                clause.readings[pos] = reading


class _Char(NamedTuple):
    """What the step needs of a character the classifier scores, worked out once per character."""

    readings: list[str]  # the classifier's readings (numbered), one per column of its weights
    rows: dict[str, int]  # feature -> its row within the character's (Classifier.rows)
    base: int  # the row in the classifier's matrix is base + row
    allowed: tuple[str, ...]  # the character's own readings (numbered): the classifier picks among them
    answers: tuple[str, ...]  # what g2pM could answer there
    kept_at: list[int]  # the columns of readings allowed
    kept: np.ndarray  # the same, as a mask over the matrix's columns
    picked: np.ndarray  # per column, the code (``_code``) of its reading tone-marked
    #: Per answer g2pM could give and each of its confidence buckets that weighs differently: the
    #: rows of "g:answer" and "gq:answer+bucket" (0: no weight), the answer's column (-1: none),
    #: and the code of the answer as given.
    g_rows: list[int]
    b_rows: list[int]
    answer_at: list[int]
    given: list[int]


#: ``gets``' answer for a character not looked at yet (None: the classifier does not know it).
_UNSEEN = (len, 0)

#: Row 0 (no weight) for any feature the character lacks: ``map(get, features, _NONE)`` (endless).
_NONE = repeat(0)

#: Outcomes (tone-marked readings) as small integers, so the step can compare them in arrays.
_CODES: dict[str, int] = {}
_OUTCOMES: list[str] = []


def _code(reading: str) -> int:
    found = _CODES.get(reading)
    if found is None:
        found = _CODES[reading] = len(_OUTCOMES)
        _OUTCOMES.append(reading)
    return found


#: Per character: (classifier, g2pM, matrix width) it was worked out for, and what was worked out.
_CHARS: dict[str, tuple[object, object, int, _Char]] = {}


def _char_info(learned: Classifier, g2pm: PolyphoneModel, ch: str) -> _Char:
    width = learned.matrix.shape[1]
    known = _CHARS.get(ch)
    if known is not None and known[0] is learned and known[1] is g2pm and known[2] == width:
        return known[3]
    import numpy as np

    from models.language.polyphone_classifier import BUCKETS

    found = learned.rows(ch)
    assert found is not None
    readings, rows, base = found
    allowed = _numbered_readings(ch)
    kept_at = [j for j, r in enumerate(readings) if r in allowed]
    kept = np.zeros(width, dtype=bool)
    kept[kept_at] = True
    picked = np.zeros(width, dtype=np.intp)
    picked[: len(readings)] = [_code(marked(r)) for r in readings]
    g_rows, b_rows, answer_at, given_codes = [], [], [], []
    answers = _answers(g2pm, ch)
    for answer in answers:
        given = marked(answer)
        g2p = numbered(given)
        # Buckets without a weight of their own all score alike: each distinct row is tried once.
        g_row = rows.get("g:" + g2p, 0)
        for row in dict.fromkeys(rows.get("gq:" + g2p + b, 0) for b in BUCKETS):
            g_rows.append(g_row and base + g_row)  # 0 (no weight) stays 0
            b_rows.append(row and base + row)
            answer_at.append(readings.index(g2p) if g2p in readings else -1)
            given_codes.append(_code(given))
    info = _Char(
        readings, rows, base, allowed, answers, kept_at, kept, picked, g_rows, b_rows, answer_at, given_codes
    )
    _CHARS[ch] = (learned, g2pm, width, info)
    return info


def _classified(
    learned: Classifier,
    info: _Char,
    base: np.ndarray,
    g2p_feats: Sequence[str],
    g2p_reading: str | None,
    sure_g2p: float,
) -> str | None:
    """The reading given where the classifier (its sums from the other features) meets g2pM's answer."""
    values = base[: len(info.readings)].tolist()
    for feature in g2p_feats:  # added one after another, as ``Scores.plus`` adds them
        row = info.rows.get(feature)
        if row is not None:
            values = list(map(add, values, learned.matrix[info.base + row, : len(values)].tolist()))
    from models.language.polyphone_classifier import pick_scored

    pick = pick_scored(info.readings, values, info.allowed)
    g2p = numbered(g2p_reading) if g2p_reading is not None else None
    if pick is not None and (g2p is None or _overrules(pick, g2p, sure_g2p)):
        return marked(pick[0])
    return g2p_reading


#: How near the switch a probability made with numpy's exp is worked out again with ``math.exp``
#: (the two may differ in the last bit; this is a million million times that).
_NEAR = 1e-9


def _settle(
    learned: Classifier, totals: np.ndarray, infos: Sequence[_Char], at: Sequence[int], switch: float
) -> list[str | None]:
    """Per position (``totals[at[k]]``, the classifier's sums without g2pM): the reading given if it
    is the same whichever answer g2pM gives, however sure; else None.

    Every answer and confidence bucket of every position is one row of arrays: the sums
    ``(base + g) + bucket`` as ``Classifier.pick`` adds them, the likeliest allowed reading, its
    probability, and the outcome (the classifier's reading where it overrules the answer, else the
    answer); a position is settled where all of its rows' outcomes are the same.
    """
    import numpy as np

    combo_pos: list[int] = []
    combo_info: list[int] = []
    g_rows: list[int] = []
    b_rows: list[int] = []
    answer_at: list[int] = []
    given: list[int] = []
    starts: list[int] = []
    # Each character's masks once: the positions' rows index them (the same values as a row per position).
    chars: list[_Char] = []
    numbered_as: dict[int, int] = {}  # id of a _Char -> its place in chars
    for info, k in zip(infos, at):
        starts.append(len(g_rows))
        m = len(info.g_rows)
        combo_pos += [k] * m
        n = numbered_as.get(id(info))
        if n is None:
            n = numbered_as[id(info)] = len(chars)
            chars.append(info)
        combo_info += [n] * m
        g_rows += info.g_rows
        b_rows += info.b_rows
        answer_at += info.answer_at
        given += info.given

    def ints(values: list[int]) -> np.ndarray:
        return np.fromiter(values, np.intp, len(values))

    weights = learned.matrix
    values = totals[ints(combo_pos)] + weights[ints(g_rows)]
    values += weights[ints(b_rows)]
    where = ints(combo_info)
    kept = np.array([info.kept for info in chars])[where]
    picked = np.array([info.picked for info in chars])[where]
    masked = np.where(kept, values, -np.inf)
    best = masked.argmax(axis=1)
    rows = np.arange(len(best))
    any_kept = kept.any(axis=1)
    top = np.where(any_kept, masked[rows, best], 0.0)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        e = np.exp(masked - top[:, None])
        total = e[:, 0].copy()
        for j in range(1, e.shape[1]):  # column by column, as the plain sum adds them
            total += e[:, j]
        probability = 1.0 / total
    other = any_kept & (best != ints(answer_at))
    overrule = other & (probability >= switch)
    for c in np.flatnonzero(other & (np.abs(probability - switch) < _NEAR)).tolist():
        info = chars[combo_info[c]]
        exact = values[c, : len(info.readings)].tolist()
        overrule[c] = 1.0 / sum(math.exp(exact[j] - exact[best[c]]) for j in info.kept_at) >= switch
    outcome = np.where(overrule, picked[rows, best], ints(given))
    lo = np.minimum.reduceat(outcome, starts).tolist()
    hi = np.maximum.reduceat(outcome, starts).tolist()
    return [_OUTCOMES[a] if a == b else None for a, b in zip(lo, hi)]
