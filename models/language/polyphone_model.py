"""Context model for polyphonic characters: g2pM's BiLSTM weights, run in batches with numpy.

The g2pM package (Apache-2.0, Park & Lee 2020) ships a small character BiLSTM trained
on the CPP benchmark's training split, as numpy arrays inside its wheel (1.6 MB), so it
works offline. Its own ``G2pM`` class runs one sentence at a time and picks from all
876 classes; here the same weights run over many sentences at once, and the choice is
restricted to the readings a character really has.
"""

from __future__ import annotations

import math
import pickle
import threading
from collections.abc import Mapping, Sequence
from importlib import resources
from itertools import repeat
from typing import Any

# The model's matrices are tiny (32 hidden units): BLAS threads only add overhead, and on a
# busy machine they made a page's pinyin take 5x longer now and then. ``models/__init__.py`` sets
# numpy's BLAS to one thread before anything in the core loads numpy (the parser does first in
# the window).
import numpy as np

from models.language.syllables import marked, numbered

_BOS = "시"  # g2pM's start and end markers (its vocabulary has them as characters)
_EOS = "끝"
_UNK = "<UNK>"

#: How sure the model must be to overrule the word table's first reading where the
#: table holds two (pypinyin's and CC-CEDICT's): 0.9 lost nothing on either dev set.
_SWITCH = 0.9

#: How sure the model must be to overrule the word table inside a proper noun. It may only
#: move a character away from its most common reading: falling back to that reading is
#: this model's known failure (g2pM reads 于都 yú dōu), and in names, places and
#: transliterations the dictionaries print a character's common reading where the name
#: has another (勃艮第 gèn, 塞尔维亚 sài, 帖木儿 tiě). Never for common words: there the
#: tables beat the model (checked on both dev sets: ~30 fixes on CPP, 0 breaks on news).
_NAME_SWITCH = 0.999

_lock = threading.Lock()
_model: PolyphoneModel | None = None


def _load_pickle(name: str) -> Any:
    with resources.files("g2pM").joinpath(name).open("rb") as f:
        return pickle.load(f)


class PolyphoneModel:
    """Scores the readings of chosen characters of sentences, in context."""

    def __init__(self) -> None:
        weights = _load_pickle("np_ckpt.pkl")
        self.char_ids: dict[str, int] = _load_pickle("char2idx.pkl")
        classes: dict[str, int] = _load_pickle("class2idx.pkl")
        # g2pM writes ü as "u:" (nu:3); the rest of the core writes "v" (nv3).
        self.class_ids = {name.replace("u:", "v"): idx for name, idx in classes.items()}
        #: Character -> readings the model was trained to choose between (CC-CEDICT's, numbered).
        self.choices: dict[str, list[str]] = {
            ch: [r.replace("u:", "v") for r in readings]
            for ch, readings in _load_pickle("digest_cedict.pkl").items()
        }
        self.embedding = np.asarray(weights["embedding.weight"], dtype=np.float32)
        self.fw = self._direction(weights, "")
        self.bw = self._direction(weights, "_reverse")
        self.hidden_w = weights["logit_layer.0.weight"].T.copy()
        self.hidden_b = weights["logit_layer.0.bias"]
        self.out_w = weights["logit_layer.2.weight"].T.copy()
        self.out_b = weights["logit_layer.2.bias"]
        n = self.hidden_size = self.fw[1].shape[0]
        # The gates' columns in the order input, forget, output, cell (PyTorch's is input, forget,
        # cell, output): the three gates that go through the sigmoid are then the first 3n columns.
        order = np.r_[0 : 2 * n, 3 * n : 4 * n, 2 * n : 3 * n]
        self.w_hh = np.stack([self.fw[1], self.bw[1]])[..., order]  # [direction, hidden, 4 hidden]
        # Each character's input to the gates, for both directions, worked out once for the whole
        # vocabulary (5,400 characters, 5.5 MB): a batch then looks its rows up instead of
        # multiplying every padded step of it again. One table, the backward direction's rows
        # after the forward's (a character's backward row is its id + the vocabulary's size).
        projected = np.stack([self.embedding @ w_ih + bias for w_ih, _, bias in (self.fw, self.bw)])
        self.projected = np.ascontiguousarray(projected[..., order].reshape(-1, 4 * n))
        self.vocabulary = projected.shape[1]

    @staticmethod
    def _direction(w: dict[str, Any], suffix: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        w_ih = w[f"lstm.weight_ih_l0{suffix}"].T.copy()
        w_hh = w[f"lstm.weight_hh_l0{suffix}"].T.copy()
        bias = w[f"lstm.bias_ih_l0{suffix}"] + w[f"lstm.bias_hh_l0{suffix}"]
        return w_ih, w_hh, bias

    def readings_of(self, ch: str) -> list[str]:
        """The readings (numbered) the model chooses between for ``ch`` outside a table word; [] if
        fewer than two (then it gives no answer there)."""
        allowed = [c for c in self.choices.get(ch, []) if c in self.class_ids]
        return allowed if len(allowed) >= 2 else []

    def knows(self, numbered_reading: str) -> bool:
        """Whether the model has a class for this reading ('hang2')."""
        return numbered_reading in self.class_ids

    def _states(
        self, ids: np.ndarray, lengths: np.ndarray, asked: Sequence[Sequence[int]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Both LSTM directions' hidden states at the asked steps of each sequence: [positions,
        hidden] forward and backward, the positions in order, sequence by sequence. ``ids`` holds the
        sequences one after another (``lengths`` long), and one id more (any) for padding.

        The forward direction runs each sequence only up to its last asked step, the backward one
        (each sequence reversed) only down to its first: nothing after them changes the states asked
        for. Each direction's rows are sorted by the steps they need, longest first, so each step runs
        the rows still needed (as many in both directions: the one needing fewer runs a few rows
        more, whose states are not read), both directions in one product.
        """
        batch = len(lengths)
        n = self.hidden_size
        first = np.fromiter(map(min, asked), np.intp, batch)
        last = np.fromiter(map(max, asked), np.intp, batch)
        need = np.stack([last + 1, lengths - first])  # [direction, row]: steps each row needs
        order = np.argsort(-need, axis=1, kind="stable")  # [direction, sorted row] -> row
        needs = np.take_along_axis(need, order, axis=1)
        steps = int(needs[:, 0].max())
        # Per step, the rows to run: in each direction the rows still needed, the same count in both.
        active = np.maximum(*(np.searchsorted(-needs[d], -np.arange(steps), side="left") for d in (0, 1)))
        # Each step's ids [step, direction, sorted row]: the backward direction reads each sequence
        # reversed; past a sequence's end, the padding id (its states are never read). The backward
        # direction's rows of ``projected`` follow the forward's.
        starts = np.cumsum(lengths) - lengths
        t = np.arange(steps)[:, None]
        at = np.stack([starts[order[0]] + t, (starts + lengths - 1)[order[1]] - t], axis=1)
        inside = t[:, None] < lengths[order][None]
        step_ids = ids[np.where(inside, at, len(ids) - 1)]
        step_ids[:, 1] += self.vocabulary
        # states[t + 1]: the hidden states after step t (states[0]: zeros, before the first step).
        states = np.empty((steps + 1, 2, batch, n), dtype=np.float32)
        states[0] = 0.0
        c = np.zeros((2, batch, n), dtype=np.float32)
        projected, w_hh = self.projected, self.w_hh
        for t, a in enumerate(active.tolist()):
            g = np.matmul(states[t, :, :a], w_hh)
            g += projected.take(step_ids[t, :, :a], axis=0)
            s = np.negative(g[..., : 3 * n])  # input, forget and output gates: 1 / (1 + exp(-g))
            np.exp(s, out=s)
            s += 1.0
            np.divide(1.0, s, out=s)
            cell = np.tanh(g[..., 3 * n :])
            cell *= s[..., :n]
            c_a = c[:, :a]
            c_a *= s[..., n : 2 * n]
            c_a += cell
            np.multiply(s[..., 2 * n :], np.tanh(c_a), out=states[t + 1, :, :a])
        # Where each asked step's state is: its sorted row in each direction, and its step there.
        sorted_at = np.empty_like(order)
        sorted_at[0, order[0]] = np.arange(batch)
        sorted_at[1, order[1]] = np.arange(batch)
        rows = np.fromiter((r for r, a in enumerate(asked) for _ in a), np.intp)
        at_step = np.fromiter((p for a in asked for p in a), np.intp, len(rows))
        forward = states[at_step + 1, 0, sorted_at[0, rows]]
        backward = states[lengths[rows] - at_step, 1, sorted_at[1, rows]]
        return forward, backward

    def logits(self, sentences: Sequence[str], positions: Sequence[Sequence[int]]) -> list[np.ndarray]:
        """For each sentence, class logits [len(positions), classes] at the given code-point positions."""
        found = self._logits_at(sentences, positions)
        empty = np.empty((0, len(self.class_ids)), np.float32)
        return [np.stack([found[k, p] for p in pos]) if pos else empty for k, pos in enumerate(positions)]

    def _logits_at(
        self, sentences: Sequence[str], positions: Sequence[Sequence[int]]
    ) -> dict[tuple[int, int], np.ndarray]:
        """(sentence, code-point position) -> class logits there, for the given positions."""
        # Long sentences are read in segments (cut after a comma where possible): the LSTM
        # runs one step per character of the longest sequence in a batch, and context from
        # beyond the next comma or two changes next to nothing.
        segments: list[tuple[int, int, str, list[int]]] = []  # sentence, offset, text, positions
        for k, (sentence, pos) in enumerate(zip(sentences, positions)):
            if not pos:
                continue
            for offset, piece in _segments(sentence):
                inside = [p - offset for p in pos if offset <= p < offset + len(piece)]
                if inside:
                    segments.append((k, offset, piece, inside))
        found: dict[tuple[int, int], np.ndarray] = {}
        segments.sort(key=lambda seg: -len(seg[2]))
        unk = self.char_ids[_UNK]
        bos, eos = self.char_ids[_BOS], self.char_ids[_EOS]
        get = self.char_ids.get
        for start in range(0, len(segments), CHUNK):
            group = segments[start : start + CHUNK]
            flat: list[int] = []
            for _, _, piece, _ in group:
                flat.append(bos)
                flat.extend(map(get, piece, repeat(unk)))
                flat.append(eos)
            flat.append(0)  # the padding id
            lengths = np.fromiter((len(piece) + 2 for _, _, piece, _ in group), np.intp, len(group))
            asked = [[p + 1 for p in inside] for _, _, _, inside in group]  # +1: the start marker
            forward, backward = self._states(np.fromiter(flat, np.intp, len(flat)), lengths, asked)
            feats = np.concatenate([forward, backward], axis=1)
            hidden = np.maximum(feats @ self.hidden_w + self.hidden_b, 0.0)
            scores = hidden @ self.out_w + self.out_b
            found.update(zip(((k, p + offset) for k, offset, _, inside in group for p in inside), scores))
        return found

    def choose(
        self,
        sentences: Sequence[str],
        positions: Sequence[Sequence[int]],
        options: Sequence[Mapping[int, Sequence[str]]] | None = None,
        names: Sequence[Mapping[int, tuple[str, str]]] | None = None,
        confidence: list[dict[int, float]] | None = None,
    ) -> list[list[str | None]]:
        """For each sentence, the tone-marked reading picked at each position (None: no opinion).

        ``options`` narrows the choice at some positions (tone-marked readings); elsewhere the
        model chooses among the character's CC-CEDICT readings. ``names`` marks positions inside
        proper nouns, with the table's reading and the character's most common one: there the
        model answers only when it overrules the table (see ``_NAME_SWITCH``), else None.
        ``confidence``, if given, receives per sentence the probability of each answer given.
        """
        # The readings to choose from at each position; positions with fewer than two are not run.
        allowed_at: list[dict[int, list[str]]] = []
        for k, (sentence, pos) in enumerate(zip(sentences, positions)):
            narrowed = options[k] if options is not None else {}
            allowed_here: dict[int, list[str]] = {}
            for p in pos:
                if p in narrowed:
                    allowed = [numbered(r) for r in narrowed[p]]
                else:
                    allowed = self.choices.get(sentence[p], [])
                allowed = [c for c in allowed if c in self.class_ids]
                if len(allowed) >= 2:
                    allowed_here[p] = allowed
            allowed_at.append(allowed_here)
        run_at = [list(a) for a in allowed_at]
        all_logits = self._logits_at(sentences, run_at)
        picks: list[list[str | None]] = []
        if confidence is not None:
            confidence[:] = [{} for _ in positions]
        for k, pos in enumerate(positions):
            narrowed = options[k] if options is not None else {}
            named = names[k] if names is not None else {}
            chosen: dict[int, str] = {}
            for p in run_at[k]:
                scores = all_logits[k, p]
                allowed = allowed_at[k][p]
                values = [float(scores[self.class_ids[c]]) for c in allowed]  # as .tolist() gives them
                top = max(values)
                weights = [math.exp(v - top) for v in values]
                best = weights.index(1.0)
                if p in named:
                    table, common = (numbered(r) for r in named[p])
                    if table in allowed and allowed[best] not in (table, common):
                        if 1.0 / sum(weights) >= _NAME_SWITCH:
                            chosen[p] = marked(allowed[best])
                    continue
                if p in narrowed and best != 0 and 1.0 / sum(weights) < _SWITCH:
                    # The word table's first reading (pypinyin's) stands unless the model is sure.
                    best = 0
                chosen[p] = marked(allowed[best])
                if confidence is not None:
                    confidence[k][p] = weights[best] / sum(weights)
            picks.append([chosen.get(p) for p in pos])
        return picks


#: Longest segment the model reads at once (CPP's sentences are mostly shorter).
SEGMENT = 80

#: Sequences per batch. Each step runs only the sequences not yet ended, so a batch pads
#: nothing and bigger batches mean fewer steps; this bounds the batch's memory (about 20 MB).
CHUNK = 256

_BREAKS = "，、；：,;:"


def _segments(sentence: str) -> list[tuple[int, str]]:
    """The sentence cut into pieces of at most SEGMENT characters, after a comma where possible."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(sentence) - start > SEGMENT:
        cut = max(sentence.rfind(b, start + SEGMENT // 2, start + SEGMENT) for b in _BREAKS)
        end = cut + 1 if cut >= 0 else start + SEGMENT
        out.append((start, sentence[start:end]))
        start = end
    out.append((start, sentence[start:]))
    return out


def model() -> PolyphoneModel:
    """The shared model, loaded on first use (about 50 ms)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = PolyphoneModel()
    return _model
