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
from collections.abc import Sequence
from functools import lru_cache
from operator import add
from typing import TYPE_CHECKING, Protocol

from models.language import context_rules
from models.language.phrase_table import char_readings
from models.language.syllables import marked, numbered

if TYPE_CHECKING:
    from models.language.polyphone_classifier import Scores
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


def _apply_rules(clauses: Sequence[Clause]) -> None:
    for clause in clauses:
        if not clause.open and not clause.options:
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
    only where its answer matters.
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
    asks: list[list[int]] = []
    scored: list[dict[int, Scores]] = []  # the classifier's scores without g2pM
    for clause in pending:
        ask = set(clause.options) | set(clause.names)
        base: dict[int, Scores] = {}
        view = None
        for pos in clause.open:
            ch = clause.text[pos]
            if learned is None or not learned.knows(ch):
                ask.add(pos)  # g2pM alone
                continue
            if view is None:
                view = ClauseView(clause.text, clause.words)
            found = learned.scores(ch, view.features(pos))
            if found is None:
                ask.add(pos)
                continue
            allowed = _numbered_readings(ch)
            answers = _answers(g2pm, ch)
            if not answers:  # g2pM has no choice to make here: the classifier decides alone
                reading = _classified(found, allowed, g2p_features(None, None), None, 0.0)
                if reading is not None:
                    clause.readings[pos] = reading
                continue
            if settle:
                settled, reading = _settled(ch, found, allowed, answers, polyphone_classifier.SWITCH)
                if settled:
                    if reading is not None:
                        clause.readings[pos] = reading
                    continue
            base[pos] = found
            ask.add(pos)
        asks.append(sorted(ask))
        scored.append(base)
    named = [{p: (r, char_readings(c.text[p])[0]) for p, r in c.names.items()} for c in pending]
    sure: list[dict[int, float]] = []
    chosen = g2pm.choose([c.text for c in pending], asks, [c.options for c in pending], named, sure)
    for clause, positions, picks, confidence, base in zip(pending, asks, chosen, sure, scored):
        for pos, reading in zip(positions, picks):
            found = base.get(pos)
            if found is not None:
                g2p = numbered(reading) if reading is not None else None
                feats = g2p_features(g2p, confidence.get(pos))
                reading = _classified(
                    found, _numbered_readings(clause.text[pos]), feats, reading, confidence.get(pos, 0.0)
                )
            if reading is not None:
                clause.readings[pos] = reading


def _classified(
    found: Scores, allowed: Sequence[str], g2p_feats: Sequence[str], g2p_reading: str | None, sure_g2p: float
) -> str | None:
    """The reading given where the classifier (its scores from the other features) meets g2pM's answer."""
    pick = found.pick(g2p_feats, allowed)
    g2p = numbered(g2p_reading) if g2p_reading is not None else None
    if pick is not None and (g2p is None or _overrules(pick, g2p, sure_g2p)):
        return marked(pick[0])
    return g2p_reading


#: Per character: its weights, the readings it may take, and per answer g2pM could give (its
#: reading as given, numbered) the weights of that answer and of it at each confidence bucket.
_ANSWER_WEIGHTS: dict[str, tuple[object, list[int], list[tuple[str, str, object, list[object]]]]] = {}


def _answer_weights(
    ch: str, found: Scores, allowed: Sequence[str], answers: Sequence[str]
) -> tuple[list[int], list[tuple[str, str, object, list[object]]]]:
    weights = found.weights
    known = _ANSWER_WEIGHTS.get(ch)
    if known is not None and known[0] is weights:
        return known[1], known[2]
    from models.language.polyphone_classifier import BUCKETS

    kept_at = [j for j, r in enumerate(found.readings) if r in allowed]
    by_answer = []
    for answer in answers:
        given = marked(answer)
        g2p = numbered(given)
        # Buckets without a weight of their own all score alike: each distinct weight is tried once.
        buckets = list({id(w): w for w in (weights.get("gq:" + g2p + b) for b in BUCKETS)}.values())
        by_answer.append((given, g2p, weights.get("g:" + g2p), buckets))
    _ANSWER_WEIGHTS[ch] = (weights, kept_at, by_answer)
    return kept_at, by_answer


def _settled(
    ch: str, found: Scores, allowed: Sequence[str], answers: Sequence[str], switch: float
) -> tuple[bool, str | None]:
    """Whether the reading given is the same whichever of ``answers`` g2pM gives, however sure
    (True and that reading), else (False, None).

    The same sums as ``_classified`` for every answer and confidence bucket, in one loop that
    stops at the first two outcomes that differ.
    """
    kept_at, by_answer = _answer_weights(ch, found, allowed, answers)
    readings, base = found.readings, found.values
    outcome: str | None = None
    first = True
    exp = math.exp
    for given, g2p, w_g, w_buckets in by_answer:
        with_g = base if w_g is None else list(map(add, base, w_g))  # type: ignore[call-overload]
        for w in w_buckets:
            values = with_g if w is None else list(map(add, with_g, w))  # type: ignore[call-overload]
            got = given
            if kept_at:
                top = float("-inf")
                best = -1
                for j in kept_at:
                    if values[j] > top:
                        best, top = j, values[j]
                pick = readings[best]
                if pick != g2p and 1.0 / sum(exp(values[j] - top) for j in kept_at) >= switch:
                    got = marked(pick)
            if first:
                outcome, first = got, False
            elif got != outcome:
                return False, None
    return True, outcome
