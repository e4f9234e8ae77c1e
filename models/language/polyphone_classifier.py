"""The polyphone classifier: where no word of the table and no rule decided a character.

One multinomial logistic regression per polyphonic character, over what stands around it
(``polyphone_features``: its jieba word, the words and characters near it, their tags, whether a
person's name starts there) and over what g2pM's BiLSTM (``polyphone_model``) picked there and how
sure it was: the classifier learns where g2pM is right and where its habits mislead it (adverbial
地 read dì, a surname read as a common word). The weights (``resources/language/polyphones.tsv``)
are trained by ``tools/train_polyphones.py``, which names their sources. It chooses only among
the character's own readings; a character it has no weights for is left to g2pM.
"""

from __future__ import annotations

import math
import sys
import threading
from collections.abc import Sequence
from functools import reduce
from operator import add
from pathlib import Path

import numpy as np

from models.resources import resource_path

WEIGHTS_FILE = resource_path("language", "polyphones.tsv")

_lock = threading.Lock()
_classifier: Classifier | None = None

#: How sure the classifier must be to overrule g2pM's answer, chosen by ``tools/sweep_switch.py``:
#: the highest threshold that reads half A of the news dev set best (0.7 and below: 98/101; 0.8:
#: 97/101). What it costs on CPP (5-fold): 0.9736 at 0.7 against 0.9744 at 0.8; half B, which did
#: not choose, reads 96/101 at 0.7 against 95/101 at 0.8 (weights trained with the asked-like copies
#: and the evidence gate of 5, pinyin-acc4). g2pM was trained on Wikipedia sentences like CPP's;
#: news, the text Dubao reads, is where the classifier's contexts help.
SWITCH = 0.7

#: Overrule only where the classifier is also surer of its reading than g2pM is of its own.
SURER = False

#: g2pM's confidence in buckets, as the classifier's features see it.
_SURE = ((0.99, "99"), (0.9, "90"), (0.7, "70"), (0.0, "00"))

#: The buckets' names, every confidence g2pM could have.
BUCKETS = tuple(name for _, name in _SURE)


def g2p_features(reading: str | None, probability: float | None) -> list[str]:
    """What g2pM said, as features: its reading, and its reading with how sure it was."""
    if reading is None:
        return ["g:-"]
    bucket = next(name for floor, name in _SURE if (probability or 0.0) >= floor)
    return ["g:" + reading, "gq:" + reading + bucket]


class Scores:
    """A character's scores (one per reading) from some of its features; more may be added."""

    __slots__ = ("readings", "weights", "values")

    def __init__(
        self, readings: list[str], weights: dict[str, tuple[float, ...]], values: list[float]
    ) -> None:
        self.readings = readings
        self.weights = weights
        self.values = values

    def plus(self, features: Sequence[str]) -> list[float]:
        """The scores with these features' weights added too (in order, as ``Classifier.pick`` adds them)."""
        get = self.weights.get
        found = [w for w in map(get, features) if w is not None]
        if not found:
            return self.values
        # Each reading's sum taken in the features' order, one addition after another (as before).
        return [reduce(add, column, total) for total, column in zip(self.values, zip(*found))]

    def plus_into(self, features: Sequence[str]) -> Scores:
        """These scores with the features' weights added (in place)."""
        self.values = self.plus(features)
        return self

    def pick(self, features: Sequence[str], allowed: Sequence[str]) -> tuple[str, float] | None:
        """``Classifier.pick`` with these features added to the ones scored already."""
        return pick_scored(self.readings, self.plus(features), allowed)


def pick_scored(
    readings: Sequence[str], values: Sequence[float], allowed: Sequence[str]
) -> tuple[str, float] | None:
    """The likeliest allowed reading of scores already summed, and its probability among the
    allowed ones (None when none is allowed)."""
    best: str | None = None
    top = float("-inf")
    kept = []
    for reading, score in zip(readings, values):
        if reading in allowed:
            kept.append(score)
            if score > top:
                best, top = reading, score
    if best is None:
        return None
    return best, 1.0 / sum(math.exp(score - top) for score in kept)


class Classifier:
    """Character -> (its readings, numbered; feature -> one weight per reading)."""

    def __init__(
        self,
        table: dict[str, tuple[list[str], dict[str, tuple[float, ...]]]],
        unread: dict[str, str] | None = None,
    ) -> None:
        self.table = table
        #: Characters whose weights are still the file's text: read on first use (start-up stays fast).
        self._unread = unread or {}
        #: Per character read into ``matrix`` (``rows``): its readings, feature -> its row counted
        #: from 1 within the character's (the same int objects for every character: a row number
        #: each was ~2.5 MB of a reading session), and the character's first row less one.
        self._rows: dict[str, tuple[list[str], dict[str, int], int]] = {}
        #: Every weight read by ``rows``, a row per feature of a character (row 0 is all zeros: a
        #: feature the character has no weight for), as many columns as a character has readings at most.
        self.matrix = np.zeros((1, 0))
        self._filled = 1

    #: The weights file it was loaded from (None: made from a table, in training).
    source: Path | None = None

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> Classifier:
        text = path.read_text(encoding="utf-8")
        unread: dict[str, str] = {}
        for block in text.split("\n@")[1:]:
            unread[block[0]] = block
        found = cls({}, unread)
        found.source = path
        return found

    def _room(self, rows: int, width: int) -> None:
        """Make ``matrix`` hold ``rows`` more rows of ``width`` columns (zeros beyond a character's readings)."""
        have, columns = self.matrix.shape
        if self._filled + rows <= have and width <= columns:
            return
        if columns == 0:  # first use: room for every character's weights (pages never touched stay unmapped)
            rows += sum(block.count("\n") for block in self._unread.values())
            rows += sum(len(w) for _, w in self.table.values())
            width = max([width, *(len(r) for r, _ in self.table.values())])
            width = max([width, *(block.split("\n", 1)[0].count(" ") + 1 for block in self._unread.values())])
        grown = np.zeros((max(2 * have, self._filled + rows), max(columns, width)))
        grown[: self._filled, :columns] = self.matrix[: self._filled]
        self.matrix = grown

    def rows(self, ch: str) -> tuple[list[str], dict[str, int], int] | None:
        """``ch``'s readings, per feature its row of weights counted from 1 within the character's,
        and the base its rows are counted from: the row in ``matrix`` is base + row (None if it has
        no weights)."""
        found = self._rows.get(ch)
        if found is not None:
            return found
        known = self.table.get(ch)
        if known is not None:
            readings, weights = known
            keys = list(weights)
            values = [w for key in keys for w in weights[key]]
        else:
            block = self._unread.pop(ch, None)
            if block is None:
                return None
            readings, lines = _read_block(block)
            keys = [key for key, _ in lines]
            values = [float(w) for _, text in lines for w in text.split(" ")]
        n = len(readings)
        self._room(len(keys), n)
        at = self._filled
        self.matrix[at : at + len(keys), :n] = np.array(values, dtype=float).reshape(len(keys), n)
        self._filled += len(keys)
        while len(_NUMBERS) < len(keys):
            _NUMBERS.extend(range(len(_NUMBERS) + 1, 2 * len(_NUMBERS) + 1))
        found = self._rows[ch] = (readings, dict(zip(keys, _NUMBERS)), at - 1)
        return found

    def sums(self, rows: Sequence[int], counts: Sequence[int], bases: Sequence[int]) -> np.ndarray:
        """Per position, its features' rows (``rows``: every position's one after another, ``counts``
        of them each, as ``rows`` numbers them: 0 for none) and the base of its character's: its rows
        of ``matrix`` added one after another, from 0.0, in order, as ``Scores.plus`` adds a
        feature's weights (the same floats)."""
        n = len(counts)
        lengths = np.fromiter(counts, np.intp, n)
        width = int(lengths.max())
        # The rows padded with 0 to the width, position by position (a mask fills in row-major order).
        index = np.zeros((n, width), np.intp)
        index[np.arange(width) < lengths[:, None]] = np.fromiter(rows, np.intp, len(rows))
        index = np.where(index > 0, index + np.fromiter(bases, np.intp, n)[:, None], 0)
        weights = self.matrix
        total = np.zeros((n, weights.shape[1]))
        for j in range(width):  # row 0 is zeros: adding it leaves a sum as it was
            total += weights[index[:, j]]
        return total

    def _weights(self, ch: str) -> tuple[list[str], dict[str, tuple[float, ...]]] | None:
        found = self.table.get(ch)
        if found is None and ch in self._rows:  # read into the matrix already: the same floats back
            readings, rows, base = self._rows[ch]
            n = len(readings)
            found = self.table[ch] = (
                readings,
                {k: tuple(self.matrix[base + r, :n].tolist()) for k, r in rows.items()},
            )
        if found is None:
            block = self._unread.pop(ch, None)
            if block is None:
                return None
            readings, lines = _read_block(block)
            found = self.table[ch] = (
                readings,
                {key: tuple(map(float, text.split(" "))) for key, text in lines},
            )
        return found

    def knows(self, ch: str) -> bool:
        return ch in self.table or ch in self._unread or ch in self._rows

    def scores(self, ch: str, features: Sequence[str]) -> Scores | None:
        """The scores of ``ch``'s readings from these features (None if it has no weights)."""
        found = self._weights(ch)
        if found is None:
            return None
        readings, weights = found
        return Scores(readings, weights, [0.0] * len(readings)).plus_into(features)

    def pick(self, ch: str, features: Sequence[str], allowed: Sequence[str]) -> tuple[str, float] | None:
        """The likeliest of ``allowed`` (numbered readings) for ``ch`` with these features and its
        probability among them, or None."""
        found = self._weights(ch)
        if found is None:
            return None
        readings, weights = found
        return Scores(readings, weights, [0.0] * len(readings)).pick(features, allowed)


#: 1, 2, 3…: the row numbers within a character's, shared by every character's features.
_NUMBERS: list[int] = list(range(1, 1025))


def _read_block(block: str) -> tuple[list[str], list[tuple[str, str]]]:
    """A character's block of the weights file: its readings, and per line a feature and its
    weights as text (one per reading, space separated)."""
    lines = block.rstrip("\n").split("\n")
    readings = lines[0].split("\t", 1)[1].split(" ")
    # The features' names are interned: most of them (l1:的, w:发展…) recur under many characters,
    # and every character read keeps its names (91,000 names, 33,000 distinct: about 3.5 MB).
    intern = sys.intern
    return readings, [(intern(key), text) for key, _, text in (line.partition("\t") for line in lines[1:])]


def classifier() -> Classifier | None:
    """The shipped classifier, loaded on first use; None if its weights are not there."""
    global _classifier
    if _classifier is None:
        with _lock:
            if _classifier is None:
                if not WEIGHTS_FILE.is_file():
                    return None
                _classifier = Classifier.load()
    return _classifier


#: A classifier that knows no character: g2pM decides everything (for comparisons).
OFF = Classifier({})


def use(replacement: Classifier | None) -> None:
    """Use another classifier (training and cross-validation), or None to load the shipped one again."""
    global _classifier
    _classifier = replacement
