"""Highlights whose words changed shape: a quote lengthened or shortened by a correction, or
split in two by paragraphs moved between its parts.

Both start from the same evidence: places where the old prefix ends (heads) and places where
the old suffix starts (tails), each with its neighbours right there. A head and a tail a few
characters more or fewer than the quote apart, with the quote's first and last characters in
place, bracket a corrected quote (a character restored inside it, a stray one removed). A quote
running over a paragraph break can be found as its part up to the break after a head and the
rest before a tail, with whole paragraphs between them (or in the other order).
"""

from __future__ import annotations

from dataclasses import dataclass

from models.anchoring.context import Side


@dataclass(frozen=True)
class Edge:
    """Where the old prefix ends (a head) or the old suffix starts (a tail), and its evidence."""

    at: int
    side: Side
    touching: bool  # the neighbour's nearest character itself is there, not a corrected one


#: A corrected quote may have gained or lost this share of its length (at least one character).
STRETCH_SHARE = 0.2

#: ...but never more than this many characters: a correction is local.
MAX_STRETCH = 8

#: A quote split by moved paragraphs is less likely than a whole one; this much evidence less.
SPLIT_PENALTY = 2.0


def edit_distance(a: str, b: str, limit: int) -> int | None:
    """Levenshtein distance of a and b if it is at most limit, else None (banded, O(len * limit))."""
    if abs(len(a) - len(b)) > limit:
        return None
    big = limit + 1
    previous = {j: j for j in range(min(len(b), limit) + 1)}
    for i in range(1, len(a) + 1):
        current: dict[int, int] = {}
        low, high = max(0, i - limit), min(len(b), i + limit)
        for j in range(low, high + 1):
            if j == 0:
                current[j] = i
                continue
            best = previous.get(j - 1, big) + (a[i - 1] != b[j - 1])
            best = min(best, previous.get(j, big) + 1, current.get(j - 1, big) + 1)
            current[j] = best
        if min(current.values()) > limit:
            return None
        previous = current
    distance = previous.get(len(b), big)
    return distance if distance <= limit else None


#: Neighbours agreeing for this long next to a corrected quote hold its edge (a quarter of a
#: context; another edit may have touched the rest).
HOLDING = 8


def _whole_enough(side: Side) -> bool:
    return side.full or side.reach >= HOLDING


def stretched(text: str, exact: str, heads: list[Edge], tails: list[Edge]) -> list[tuple[int, int, float]]:
    """Places (start, end, score) where a head and a tail bracket the quote with a few characters
    added or removed inside it. The correction is inside the quote, so both neighbours must be
    there; an edit exactly at an edge is taken to be outside the quote, so the bracketed text
    must begin and end with the quote's own first and last characters."""
    length = len(exact)
    slack = min(MAX_STRETCH, max(1, int(length * STRETCH_SHARE)))
    places = []
    for head in heads:
        if not (_whole_enough(head.side) and head.touching) or text[head.at : head.at + 1] != exact[0]:
            continue
        for tail in tails:
            size = tail.at - head.at
            if size == length or abs(size - length) > slack or size <= 0:
                continue
            if not (_whole_enough(tail.side) and tail.touching) or text[tail.at - 1] != exact[-1]:
                continue
            distance = edit_distance(exact, text[head.at : tail.at], slack)
            if distance is None or 2 * distance > length:
                continue
            score = length - distance + head.side.matches + tail.side.matches
            places.append((head.at, tail.at, float(score)))
    return places


def split(text: str, exact: str, heads: list[Edge], tails: list[Edge]) -> list[tuple[int, int, float]]:
    """Places (start, end, score) for a quote over a paragraph break whose paragraphs moved apart.

    The span runs from the first part's start to the last part's end, as a highlight over both
    paragraphs would.
    """
    length = len(exact)
    places = []
    for cut_at in range(length - 1):
        if exact[cut_at] != "\n":
            continue
        first, rest = exact[: cut_at + 1], exact[cut_at + 1 :]
        for head in heads:
            start = head.at
            first_end = start + len(first)
            if text[first_end - 1 : first_end] != "\n":
                continue
            agree_first = sum(1 for a, b in zip(first, text[start:first_end]) if a == b)
            if 2 * agree_first < len(first):
                continue
            for tail in tails:
                end = tail.at
                rest_start = end - len(rest)
                if rest_start < 0 or end - length == start:
                    continue
                if not (rest_start >= first_end or end <= start):
                    continue
                if rest_start > 0 and text[rest_start - 1] != "\n":
                    continue
                agree_rest = sum(1 for a, b in zip(rest, text[rest_start:end]) if a == b)
                if 2 * agree_rest < len(rest):
                    continue
                score = agree_first + agree_rest + head.side.matches + tail.side.matches - SPLIT_PENALTY
                places.append((min(start, rest_start), max(first_end, end), score))
    return places
