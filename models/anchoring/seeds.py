"""Where the highlight's neighbourhood still occurs in the new text: shared 4-character seeds.

The old neighbourhood is prefix + quote + suffix. Every 4-character piece of it that occurs in
the new text says "the neighbourhood starts here, if nothing was inserted or cut in between":
a diagonal. Pieces of an intact stretch all vote for one diagonal; text inserted or cut splits
the votes between two diagonals a few characters apart. Chinese 4-grams are rare enough that
a handful of agreeing votes is strong evidence, and finding them costs a few str.find calls
(C speed) instead of an edit-distance table over the whole article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Length of a seed. Three characters collide too often in news Chinese (的, 、, 在...); five
#: would miss stretches between two corrections that are only a few characters apart.
SEED_LENGTH = 4

#: A piece that occurs more often than this says nothing about where the passage is.
MAX_OCCURRENCES = 40


@dataclass
class Diagonal:
    """The seeds of one part of the neighbourhood that agree on one alignment."""

    votes: int = 0
    first: int = 1 << 62  # where the earliest matching seed starts in the new text
    last: int = -1  # where the latest matching seed ends in the new text

    def add(self, start: int, length: int) -> None:
        self.votes += 1
        if start < self.first:
            self.first = start
        if start + length > self.last:
            self.last = start + length


@dataclass
class Seeds:
    """Votes per diagonal (new-text position of the prefix's first character), per part."""

    prefix: dict[int, Diagonal] = field(default_factory=dict)
    quote: dict[int, Diagonal] = field(default_factory=dict)
    suffix: dict[int, Diagonal] = field(default_factory=dict)

    def totals(self) -> dict[int, int]:
        """All votes per diagonal, whichever part they came from."""
        total: dict[int, int] = {}
        for part in (self.prefix, self.quote, self.suffix):
            for diagonal, entry in part.items():
                total[diagonal] = total.get(diagonal, 0) + entry.votes
        return total


def find_all(text: str, piece: str, limit: int) -> list[int]:
    """Start offsets of piece in text, at most limit + 1 of them (so callers can tell 'too many')."""
    hits: list[int] = []
    at = text.find(piece)
    while at >= 0 and len(hits) <= limit:
        hits.append(at)
        at = text.find(piece, at + 1)
    return hits


def sow(text: str, prefix: str, exact: str, suffix: str) -> Seeds:
    """Vote for diagonals with every seed of prefix + exact + suffix found in text."""
    neighbourhood = prefix + exact + suffix
    k = min(SEED_LENGTH, len(neighbourhood))
    quote_start, suffix_start = len(prefix), len(prefix) + len(exact)
    seeds = Seeds()
    found: dict[str, list[int]] = {}
    for i in range(len(neighbourhood) - k + 1):
        piece = neighbourhood[i : i + k]
        hits = found.get(piece)
        if hits is None:
            hits = found[piece] = find_all(text, piece, MAX_OCCURRENCES)
        if len(hits) > MAX_OCCURRENCES:
            continue
        if i + k <= quote_start:
            part = seeds.prefix
        elif i >= suffix_start:
            part = seeds.suffix
        else:
            part = seeds.quote
        for start in hits:
            diagonal = start - i
            entry = part.get(diagonal)
            if entry is None:
                entry = part[diagonal] = Diagonal()
            entry.add(start, k)
    return seeds
