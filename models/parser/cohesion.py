"""Lexical cohesion on a page: how much a paragraph goes on with the words of those near it.

An article's paragraphs keep coming back to its own names and terms (王琼, 野生动物,
松山隧道); the next article brings others. Words every article of the page uses (疫情,
防控) say little, so each character bigram is weighed by how few of the page's
paragraphs hold it (an inverse document frequency over the page). The article decoder
(``article_model``) reads two figures from it at a possible article boundary: how much
the paragraph shares with the last paragraphs of the article it would leave, and how
much the paragraphs before the gap share with those after it (a topic shift).
"""

from __future__ import annotations

import math
from collections import Counter

from models.parser.articles import _bigrams

#: Paragraphs of the article so far that a paragraph is compared with.
WINDOW = 8
#: Paragraphs on each side of a gap that the topic-shift figure compares.
SIDE = 3


class Cohesion:
    """Weighted bigram overlaps between a page's paragraphs (``None``: not a paragraph)."""

    def __init__(self, texts: list[str | None]) -> None:
        #: Every paragraph's character bigrams (``sets``: only those another paragraph holds too).
        self.every = every = [_bigrams(t) if t else frozenset() for t in texts]
        self.paras = [i for i, t in enumerate(texts) if t]
        self.rank = {j: k for k, j in enumerate(self.paras)}
        df: Counter[str] = Counter()
        for s in every:
            df.update(s)
        n = len(self.paras)
        # Only bigrams found in two paragraphs or more can be shared at all.
        self.idf = {b: math.log((n + 1) / c) for b, c in df.items() if c >= 2}
        self._idf2 = {b: w * w for b, w in self.idf.items()}
        shareable = self.idf.keys()
        self.sets = [s & shareable for s in every]
        self.mass = [sum(map(self.idf.__getitem__, s)) for s in self.sets]
        self._pair: dict[tuple[int, int], float] = {}
        self._back: dict[int, list[float]] = {}

    def share(self, i: int, j: int) -> float:
        """Share of paragraph ``i``'s shareable weight found in paragraph ``j``."""
        key = (i, j)
        got = self._pair.get(key)
        if got is None:
            mass = self.mass[i]
            if mass <= 0.0:
                got = 0.0
            else:
                got = sum(map(self.idf.__getitem__, self.sets[i] & self.sets[j])) / mass
            self._pair[key] = got
        return got

    def back(self, i: int, start: int) -> float:
        """The most paragraph ``i`` shares with one of the last paragraphs from ``start`` on."""
        base = max(0, i - WINDOW)
        lo = max(start, base)
        if lo >= i:
            return 0.0
        most = self._back.get(i)
        if most is None:
            # The most it shares with a paragraph from each place of its window on (so every
            # ``start`` the decoder tries is one lookup).
            most = [0.0] * (i - base)
            best = 0.0
            for j in range(i - 1, base - 1, -1):
                if self.sets[j]:
                    best = max(best, self.share(i, j))
                most[j - base] = best
            self._back[i] = most
        return most[lo - base]

    def shift(self, i: int) -> float:
        """Cosine of the weighted bigrams of the paragraphs before item ``i`` and from it on
        (up to ``SIDE`` each side): low where the topic changes."""
        at = self.rank.get(i)
        if at is None:
            at = next((k for k, j in enumerate(self.paras) if j >= i), len(self.paras))
        if at == 0 or at >= len(self.paras):
            return 0.0
        left: set[str] = set().union(*(self.sets[j] for j in self.paras[max(0, at - SIDE) : at]))
        right: set[str] = set().union(*(self.sets[j] for j in self.paras[at : at + SIDE]))
        weight = self._idf2.__getitem__
        num = sum(map(weight, left & right))
        den = math.sqrt(sum(map(weight, left)) * sum(map(weight, right)))
        return num / den if den > 0 else 0.0


__all__ = ["Cohesion"]
