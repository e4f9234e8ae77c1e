"""The pinyin engine's layer 3 done the plain way, against which the fast one is tested.

``models.language.polyphone_step.decide`` runs g2pM only where its answer could change the
reading; this runs it at every open polyphone, then the classifier, as the engine did before.
The classifier's features made the plain way (``ClauseViewReference``) are here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from pathlib import Path

from models.language import segmenter
from models.language.phrase_table import char_readings
from models.language.polyphone_classifier import Classifier
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
    learned = _plain(classifier())
    named = [{p: (r, char_readings(c.text[p])[0]) for p, r in c.names.items()} for c in pending]
    sure: list[dict[int, float]] = []
    chosen = model().choose([c.text for c in pending], asks, [c.options for c in pending], named, sure)
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


#: The shipped weights read again, the plain way only (per character into dicts of tuples).
_PLAIN: dict[Path, Classifier] = {}


def _plain(learned: Classifier | None) -> Classifier | None:
    """A classifier loaded from a file, as its own copy that only ``pick`` reads: the fast step's
    matrix of the same weights is then checked against the file, not against itself."""
    if learned is None or learned.source is None:
        return learned  # made from a table (training): nothing to read again
    if learned.source not in _PLAIN:
        _PLAIN[learned.source] = Classifier.load(learned.source)
    return _PLAIN[learned.source]


def reading_view_reference(text: str) -> tuple[str, list[int] | None]:
    """``readings._reading_view`` the plain way: a flag per code point, the gaps' cleared."""
    from models.language.readings import _GAP

    gaps = list(_GAP.finditer(text))
    if not gaps:
        return text, None
    keep = [True] * len(text)
    for gap in gaps:
        for i in range(gap.start(), gap.end()):
            keep[i] = False
    index = [i for i, k in enumerate(keep) if k]
    return "".join(text[i] for i in index), index


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


_START, _END = "^", "$"
_BREAKS = set("，。；：！？、,;:!?（）()“”")


def _norm_reference(ch: str) -> str:
    from models.language.polyphone_features import _norm

    return _norm(ch)


class ClauseViewReference:
    """``polyphone_features.ClauseView`` the plain way: each character, word and tag worked out as a
    feature asks for it. The features must be the same strings, in the same order."""

    __slots__ = ("text", "words", "starts", "word_at", "chars", "_tags", "_names")

    def __init__(self, text: str, words: Sequence[str]) -> None:
        self.text = text
        self.words = list(words)
        lengths = list(map(len, self.words))
        self.starts: list[int] = [0, *accumulate(lengths)][:-1]
        self.word_at: list[int] = list(chain.from_iterable(map(repeat, range(len(lengths)), lengths)))
        self.chars: dict[int, str] = {}  # filled on demand: a page's clauses ask about few characters
        self._tags: dict[int, str] = {}
        self._names: dict[int, str] | None = None

    def _name_places(self) -> dict[int, str]:
        """Positions inside person names the segmenter found: 'head3' for a three-character name's surname."""
        if self._names is None:
            self._names = {}
            for start, end in segmenter.names(self.text):
                self._names[start] = f"head{end - start}"
                for p in range(start + 1, end):
                    self._names[p] = "given"
        return self._names

    def _word(self, k: int) -> str:
        """Word k, skipping blanks; ^ or $ past the clause's ends."""
        if k < 0:
            return _START
        if k >= len(self.words):
            return _END
        return self.words[k]

    def _tag(self, k: int) -> str:
        """jieba's tag of word k ('?' if its dictionary lacks the word); 'nr' for a person's name."""
        found = self._tags.get(k)
        if found is None:
            if k < 0:
                found = _START
            elif k >= len(self.words):
                found = _END
            else:
                word = self.words[k]
                if word == _START or word == _END:
                    found = word
                elif len(word) > 1 and self._name_places().get(self.starts[k], "").startswith("head"):
                    found = "nr"
                else:
                    found = segmenter.tag_of(word) or "?"
            self._tags[k] = found
        return found

    def _char(self, i: int) -> str:
        """Character i of the clause as the features see it; ^ and $ past its ends."""
        found = self.chars.get(i)
        if found is None:
            if i < 0:
                found = _START
            elif i >= len(self.text):
                found = _END
            else:
                ch = self.text[i]
                found = _norm_reference(ch)
            self.chars[i] = found
        return found

    def _verb_ahead(self, k: int) -> str:
        """How many words after word k the next verb stands, within the phrase: '1'…'4', or '-' for none."""
        for step in range(1, 5):
            j = k + step
            if j >= len(self.words):
                break
            word = self.words[j]
            if word[:1] in _BREAKS:
                break
            if self._tag(j).startswith("v"):
                return str(step)
        return "-"

    def features(self, pos: int) -> list[str]:
        """The features of the character at ``pos``."""
        c = self._char
        i = pos
        ch = c(i)
        k = self.word_at[pos]
        word = self.words[k]
        offset = pos - self.starts[k]
        if len(word) == 1:
            place = "S"
        elif offset == 0:
            place = "B"
        elif offset == len(word) - 1:
            place = "E"
        else:
            place = "M"
        name = self._name_places().get(pos)
        if name is not None and name != "given":
            # A surname opening a person's name: the name decides, whatever stands before it. The
            # clause's start or the words before (解缙 at a clause's start is no verb 解) would
            # outweigh the name's few examples, so only the word, the name and its next character count.
            return ["b", "w:" + word, "p:" + place, "r1:" + c(i + 1), "nm:" + name, "nm:head"]
        l1, l2, l3, r1, r2, r3 = c(i - 1), c(i - 2), c(i - 3), c(i + 1), c(i + 2), c(i + 3)
        prev, nxt = self._word(k - 1), self._word(k + 1)
        feats = [
            "b",
            "w:" + word,
            "p:" + place,
            "l1:" + l1,
            "r1:" + r1,
            "l2:" + l2,
            "r2:" + r2,
            "l3:" + l3,
            "r3:" + r3,
            "l21:" + l2 + l1,
            "r12:" + r1 + r2,
            "lr:" + l1 + r1,
            "pw:" + prev,
            "nw:" + nxt,
            "pt:" + self._tag(k - 1),
            "nt:" + self._tag(k + 1),
            "wt:" + self._tag(k) + place,
            "pnw:" + self._word(k - 2) + "|" + prev,
            "nnw:" + nxt + "|" + self._word(k + 2),
            "pt_nt:" + self._tag(k - 1) + "|" + self._tag(k + 1),
        ]
        feats.append("nv:" + self._verb_ahead(k))
        if name is not None:
            feats.append("nm:" + name)  # a given name's character
        # Reduplication: 数一数, 看了看 (a verb said twice); 数数, 慢慢 (AA).
        if r2 == ch and r1 in "一了":
            feats.append("rep:A" + r1 + "A")
        elif l2 == ch and l1 in "一了":
            feats.append("rep:A" + l1 + "A-2")
        elif r1 == ch or l1 == ch:
            feats.append("rep:AA")
        return feats


def logits_reference(sentences: Sequence[str], positions: Sequence[Sequence[int]]) -> list[list[list[float]]]:
    """g2pM's class logits at the given positions, each segment read alone, every step of both
    directions run, with g2pM's weights as it ships them (gates in PyTorch's order)."""
    import numpy as np

    from models.language.polyphone_model import _BOS, _EOS, _UNK, _segments, model

    g2pm = model()
    ids_of = g2pm.char_ids
    n = g2pm.hidden_size

    def direction(
        xs: list[np.ndarray], weights: tuple[np.ndarray, np.ndarray, np.ndarray]
    ) -> list[np.ndarray]:
        w_ih, w_hh, bias = weights
        h = np.zeros(n, dtype=np.float32)
        c = np.zeros(n, dtype=np.float32)
        out = []
        for x in xs:
            g = x @ w_ih + bias + h @ w_hh
            i, f, cell, o = (g[k * n : (k + 1) * n] for k in range(4))
            i, f, o = (1.0 / (1.0 + np.exp(-v)) for v in (i, f, o))
            c = f * c + i * np.tanh(cell)
            h = o * np.tanh(c)
            out.append(h)
        return out

    found: list[list[list[float]]] = []
    for sentence, pos in zip(sentences, positions):
        at: dict[int, list[float]] = {}
        for offset, piece in _segments(sentence):
            inside = [p - offset for p in pos if offset <= p < offset + len(piece)]
            if not inside:
                continue
            chars = [_BOS, *(ch if ch in ids_of else _UNK for ch in piece), _EOS]
            xs = [g2pm.embedding[ids_of[ch]] for ch in chars]
            forward = direction(xs, g2pm.fw)
            backward = direction(xs[::-1], g2pm.bw)[::-1]
            for p in inside:
                feats = np.concatenate([forward[p + 1], backward[p + 1]])
                hidden = np.maximum(feats @ g2pm.hidden_w + g2pm.hidden_b, 0.0)
                at[p + offset] = (hidden @ g2pm.out_w + g2pm.out_b).tolist()
        found.append([at[p] for p in pos])
    return found
