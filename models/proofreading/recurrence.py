"""What the rest of the text being checked says: the strings that recur across an issue.

An editor checks an issue, not a sentence: its names, places and the year's words (复工复产,
中小微企业, a reporter's name) recur across its pages, while an OCR misreading is rare where
it lands. :class:`Recurrence` counts the character pairs and triples of a body of text (the
lines being checked, and any other text of the library) and answers, for one line, how often
a string occurs in the *rest* of it.

A copy of the line is not evidence: the rest leaves out the line itself and every near-copy
of it, a line sharing at least half of the line's distinct character 4-grams (the same
sentence imported twice, an OCR'd sentence beside its clean form). Its errors would
otherwise vouch for themselves, or its clean copy give the answer away.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from models.proofreading.language import Language, is_han

#: Lengths of the strings counted.
LENGTHS = (2, 3)
#: A line sharing at least this share of a line's distinct 4-grams is a near-copy of it.
NEAR_COPY_SHARE = 0.5
#: A 4-gram in more lines than this is not used to find near-copies (too common to tell).
COMMON_GRAM_LINES = 200


def _grams(text: str, n: int) -> list[str]:
    return [text[k : k + n] for k in range(len(text) - n + 1)]


def _counted(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for n in LENGTHS:
        out.update(g for g in _grams(text, n) if any(is_han(ch) for ch in g))
    return out


class Recurrence:
    """Counts of the pairs and triples in ``lines`` (the lines checked come first, then any
    other text that is only evidence); :meth:`rest` gives one line's view of the others."""

    def __init__(self, lines: Sequence[str], near_copies: bool = True) -> None:
        self.lines = list(lines)
        self.counts: Counter[str] = Counter()
        for line in self.lines:
            self.counts.update(_counted(line))
        self.near_copies = near_copies
        self._postings: dict[str, list[int]] | None = None
        self._fillers: dict[str, Counter[str]] | None = None
        self._expected: dict[str, float] = {}

    @property
    def size(self) -> int:
        return sum(len(line) for line in self.lines)

    def copies_of(self, index: int) -> list[int]:
        """The other lines that are near-copies of line ``index``."""
        grams = set(_grams(self.lines[index], 4))
        if not grams:
            return []
        if self._postings is None:
            postings: dict[str, list[int]] = {}
            for k, line in enumerate(self.lines):
                for g in set(_grams(line, 4)):
                    postings.setdefault(g, []).append(k)
            self._postings = postings
        shared: Counter[int] = Counter()
        for g in grams:
            holders = self._postings.get(g, ())
            if len(holders) <= COMMON_GRAM_LINES:
                shared.update(holders)
        need = NEAR_COPY_SHARE * len(grams)
        return [k for k, c in shared.items() if k != index and c >= need]

    def rest(self, index: int) -> RestOfText:
        """Line ``index``'s view: counts in every other line but its near-copies."""
        left_out = [index] + (self.copies_of(index) if self.near_copies else [])
        own: Counter[str] = Counter()
        for k in left_out:
            own.update(_counted(self.lines[k]))
        return RestOfText(self, own, self.size - sum(len(self.lines[k]) for k in left_out))

    def fillers(self) -> dict[str, Counter[str]]:
        """Triples with their middle character left out ('复?复') -> the characters filling them."""
        if self._fillers is None:
            index: dict[str, Counter[str]] = {}
            for gram, count in self.counts.items():
                if len(gram) == 3 and is_han(gram[1]):
                    index.setdefault(gram[0] + "?" + gram[2], Counter())[gram[1]] += count
            self._fillers = index
        return self._fillers


class RestOfText:
    """The counts of the text outside one line and its near-copies (``size`` characters)."""

    def __init__(
        self, recurrence: Recurrence | None = None, own: Counter[str] | None = None, size: int = 0
    ) -> None:
        self._all: Counter[str] = recurrence.counts if recurrence is not None else Counter()
        self._own: Counter[str] = own or Counter()
        self._recurrence = recurrence
        self.size = size
        #: log P(string) under the language's pair model (the language is the checker's, one per text)
        self._expected: dict[str, float] = recurrence._expected if recurrence is not None else {}

    def count(self, gram: str) -> int:
        return self._all.get(gram, 0) - self._own.get(gram, 0)

    def surprise(self, language: Language, text: str, i: int, n: int, ch: str | None = None) -> float:
        """How much more often than the language predicts the rest holds a string of ``n``
        characters through position ``i`` (with ``ch`` there, if given): the largest
        log((times seen + 0.5) / (times expected + 0.5)) over those strings, never below 0:
        positive for a name or a word of the day that recurs, 0 when the rest is empty or
        holds them no more often than the language predicts (a string not seen is no evidence:
        how often that happens depends on how much text there is)."""
        if ch is not None:
            text = text[:i] + ch + text[i + 1 :]
        if self.size <= 0:
            return 0.0
        best = -math.inf
        log_size = math.log(self.size)
        known = self._expected
        for start in range(max(0, i - n + 1), min(i, len(text) - n) + 1):
            gram = text[start : start + n]
            logp = known.get(gram)
            if logp is None:
                logp = language.first_logp(gram[0])
                for k in range(1, n):
                    logp += language.pair_logp(gram[k - 1], gram[k])
                known[gram] = logp
            expected = math.exp(min(30.0, logp + log_size))
            best = max(best, math.log((self.count(gram) + 0.5) / (expected + 0.5)))
        return max(0.0, best)

    def centred(self, language: Language, text: str, i: int, ch: str | None = None) -> float:
        """:meth:`surprise` of the one triple centred on ``i`` (0 at either end of the line):
        evidence that both neighbours agree with the character there."""
        if i <= 0 or i + 1 >= len(text) or self.size <= 0:
            return 0.0
        return self.surprise(language, text[i - 1 : i + 2], 1, 3, ch)

    def recurring(self, text: str, i: int, limit: int = 3) -> dict[str, int]:
        """Characters other than ``text[i]`` that make, between its two neighbours, a triple the
        rest holds at least twice -> how many times (the ``limit`` most frequent)."""
        if self._recurrence is None or i <= 0 or i + 1 >= len(text):
            return {}
        before, after = text[i - 1], text[i + 1]
        found: Counter[str] = Counter()
        for x in self._recurrence.fillers().get(before + "?" + after, ()):
            if x != text[i]:
                c = self.count(before + x + after)
                if c >= 2:
                    found[x] = c
        return dict(found.most_common(limit))


NOTHING = RestOfText()
