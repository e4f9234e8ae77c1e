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


def name_spans_reference(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """``segmenter._name_spans`` the plain way: every word looked at, the HMM run over every run
    of one-character words of the clause (the fast one looks only at words that start with a
    surname, and runs the HMM only where a given-name character stands alone after one)."""
    from models.language.phrase_table import is_han, proper_nouns, word_table
    from models.language.segmenter import (
        _NOT_A_NAME_TAGS,
        _NOT_GIVEN,
        _RARE,
        _load,
        _load_person_names,
        in_dictionary,
        name_lists,
        tag_of,
    )

    surnames, given = name_lists()
    spans: list[tuple[int, int]] = []
    hmm: dict[int, int] | None = None
    pos = 0
    ends = set()
    acc = 0
    for w in words:
        acc += len(w)
        ends.add(acc)
    for w in words:
        start = pos
        pos += len(w)
        if w[0] not in surnames:
            continue
        if len(w) in (2, 3):
            if (
                w in _load_person_names()
                and not any(c in _NOT_GIVEN for c in w[1:])
                and (w not in word_table() or w in proper_nouns())
            ):
                spans.append((start, pos))
            continue
        if len(w) != 1:
            continue
        if hmm is None:
            hmm = _hmm_words_reference(words)
        end = hmm.get(start)
        if end is None or end - start < 2:
            continue
        end = min(end, start + 3)
        if end not in ends:
            continue
        rest = text[start + 1 : end]
        if (
            all(is_han(c) and c not in _NOT_GIVEN for c in rest)
            and any(c in given or _load().FREQ.get(c, 0) < _RARE for c in rest)
            and not in_dictionary(text[start:end])
            and not (len(rest) == 1 and tag_of(rest).startswith(_NOT_A_NAME_TAGS))
        ):
            if end - start == 2 and end < len(text) and end + 1 in ends:
                third = text[end]
                if (
                    third in given
                    and third not in _NOT_GIVEN
                    and not (end + 1 < len(text) and is_han(text[end + 1]) and end + 2 not in ends)
                ):
                    end += 1
            spans.append((start, end))
    return spans


def _hmm_words_reference(words: tuple[str, ...]) -> dict[int, int]:
    """Start -> end of each word jieba's HMM makes of a run of one-character words, every run."""
    import jieba
    from jieba import finalseg

    from models.language.segmenter import _load

    tokenizer = _load()
    found: dict[int, int] = {}
    run = ""
    pos = 0

    def flush(end: int) -> None:
        start = end - len(run)
        if len(run) > 1 and not tokenizer.FREQ.get(run):
            at = start
            for piece in finalseg.cut(run):
                found[at] = at + len(piece)
                at += len(piece)

    for w in words:
        if len(w) == 1 and jieba.re_han_default.match(w):
            run += w
        else:
            flush(pos)
            run = ""
        pos += len(w)
    flush(pos)
    return found
