"""The pinyin engine's layer 3 done the plain way, against which the fast one is tested.

``models.language.polyphone_step.decide`` runs g2pM only where its answer could change the
reading; this runs it at every open polyphone, then the classifier, as the engine did before.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.language.phrase_table import char_readings
from models.language.polyphone_step import Clause, _apply_rules, _numbered_readings, _overrules
from models.language.syllables import marked, numbered


def decide_reference(clauses: Sequence[Clause]) -> None:
    """Layer 3 the plain way: g2pM at every open polyphone, then the classifier."""
    _apply_rules(clauses)
    pending = [c for c in clauses if c.open or c.options or c.names]
    if not pending:
        return
    from models.language.polyphone_classifier import classifier, g2p_features
    from models.language.polyphone_features import ClauseView
    from models.language.polyphone_model import model

    asks = [sorted(set(c.open) | set(c.options) | set(c.names)) for c in pending]
    named = [{p: (r, char_readings(c.text[p])[0]) for p, r in c.names.items()} for c in pending]
    sure: list[dict[int, float]] = []
    chosen = model().choose([c.text for c in pending], asks, [c.options for c in pending], named, sure)
    learned = classifier()
    for clause, positions, picks, confidence in zip(pending, asks, chosen, sure):
        view = None
        for pos, reading in zip(positions, picks):
            ch = clause.text[pos]
            if learned is not None and pos in clause.open and learned.knows(ch):
                # No word and no rule: the classifier, with g2pM's answer among its features.
                if view is None:
                    view = ClauseView(clause.text, clause.words)
                g2p = numbered(reading) if reading is not None else None
                feats = view.features(pos) + g2p_features(g2p, confidence.get(pos))
                pick = learned.pick(ch, feats, _numbered_readings(ch))
                sure_g2p = confidence.get(pos, 0.0)
                if pick is not None and (g2p is None or _overrules(pick, g2p, sure_g2p)):
                    reading = marked(pick[0])
            if reading is not None:
                clause.readings[pos] = reading
