"""Re-anchoring: find a highlight again after its section's text was corrected or re-parsed.

In order of cost: the old position, if the quote and both neighbours are still there; else every
place that the old neighbourhood (prefix + quote + suffix) points to — exact occurrences of the
quote, and places the shared 4-character seeds agree on, which also finds a quote whose own
characters were corrected (the fuzzy case) and a quote found only by its prefix and suffix.
Each place is judged on its quote and on what its two sides say (models.anchoring.context);
the best credible one wins unless another is about as good (ambiguous). When nothing is
credible the highlight is unanchored: None, never a guess.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from models.anchoring.context import ADJACENT, Side, after, before
from models.anchoring.reshape import MAX_STRETCH, Edge, split, stretched
from models.anchoring.seeds import Seeds, sow
from models.anchoring.selectors import CONTEXT_LENGTH, Anchor, SelectorError, read_selectors, text_hash

#: Diagonals (alignments) the seeds agree on most that are examined as places.
TOP_DIAGONALS = 12

#: Exact occurrences of the quote examined; a 1-character quote may occur hundreds of times, and
#: an occurrence with any real neighbours is among the top diagonals anyway.
MAX_OCCURRENCES = 50

#: Characters of the old neighbourhood (quote and neighbours) that must agree at a place, half
#: of one side's recorded context: fewer can be chance in an article that reuses its phrases
#: (疫情防控, 新华社北京…电), a headline that repeats the lead, a dateline used twice.
MIN_EVIDENCE = 16

#: Weight of neighbours found pushed aside or beyond a cut, against neighbours found in place.
MOVED_WEIGHT = 0.5

#: Two credible places closer than this in score are ambiguous: better unanchored than wrong.
MARGIN = 1.0

#: Score lost per doubling of the distance from the old position (in units of 64 characters):
#: only decides between places with nearly equal evidence, e.g. a headline repeating the body.
DISTANCE_WEIGHT = 2.0


@dataclass(frozen=True)
class Place:
    """A candidate span in the new text with its evidence."""

    start: int
    end: int
    score: float


def resolve(text: str, selectors: Any) -> tuple[int, int] | None:
    """Where the selected words are in text now, as code-point (start, end), or None.

    selectors: W3C selectors (a list of TextQuoteSelector/TextPositionSelector objects) or an
    Anchor. With an Anchor made on this very text (same hash) its offsets are returned as they
    are. With only a position there is nothing to check it against: it is returned if it fits.
    """
    if not isinstance(text, str):
        raise SelectorError(f"text must be a string, got {type(text).__name__}")
    if isinstance(selectors, Anchor) and selectors.text_hash == text_hash(text):
        return selectors.start, selectors.end
    sel = read_selectors(selectors)
    if sel.exact is not None:
        return reanchor(text, sel.exact, sel.prefix, sel.suffix, sel.start)
    if sel.start is not None and sel.end is not None and sel.start < sel.end <= len(text):
        return sel.start, sel.end
    return None


def reanchor(
    text: str, exact: str, prefix: str, suffix: str, old: int | None = None
) -> tuple[int, int] | None:
    """Place exact (recorded between prefix and suffix, formerly at old) in text, or None."""
    length = len(exact)
    if not exact or length > len(text):
        return None
    if (
        old is not None
        and text.startswith(exact, old)
        and _neighbours_unchanged(text, prefix, suffix, old, length)
    ):
        return old, old + length

    seeds = sow(text, prefix, exact, suffix)
    totals = seeds.totals()
    starts: set[int] = set()
    for diagonal in sorted(totals, key=totals.__getitem__, reverse=True)[:TOP_DIAGONALS]:
        starts.add(diagonal + len(prefix))
    at = text.find(exact)
    while at >= 0 and len(starts) < TOP_DIAGONALS + MAX_OCCURRENCES:
        starts.add(at)
        at = text.find(exact, at + 1)
    if old is not None:
        starts.add(old)

    needed = min(MIN_EVIDENCE, len(prefix) + length + len(suffix))
    places: list[Place] = []
    prefix_sides: dict[int, Side] = {}
    for start in starts:
        if start < 0 or start + length > len(text):
            continue
        end = start + length
        diagonal = start - len(prefix)
        left = before(prefix, text, start, length, diagonal, seeds.prefix)
        right = after(suffix, text, end, length, diagonal, seeds.suffix)
        prefix_sides[start] = left
        agree, head, tail = _agreement(exact, text, start)
        if not _credible(exact, left, right, agree, head, tail):
            continue
        if agree + _in_place(left, len(prefix)) + _in_place(right, len(suffix)) < needed:
            continue
        score = agree + left.matches + right.matches + MOVED_WEIGHT * (left.moved + right.moved)
        if old is not None:
            score -= DISTANCE_WEIGHT * math.log2(1 + abs(start - old) / 64)
        places.append(Place(start, end, score))

    heads = [
        Edge(start, side, text[start - 1 : start] == prefix[-1:])
        for start, side in prefix_sides.items()
        if not side.empty and side.reach >= min(ADJACENT, len(prefix))
    ]
    tails = _tails(text, suffix, length, len(prefix), totals, seeds)
    reshaped = stretched(text, exact, heads, tails)
    if "\n" in exact:
        reshaped += split(text, exact, heads, tails)
    for start, end, score in reshaped:
        if old is not None:
            score -= DISTANCE_WEIGHT * math.log2(1 + abs(start - old) / 64)
        places.append(Place(start, end, score))
    if not places:
        return None
    places.sort(key=lambda place: place.score, reverse=True)
    if len(places) > 1 and places[0].score - places[1].score < MARGIN:
        return None
    return places[0].start, places[0].end


def _in_place(side: Side, recorded: int) -> int:
    """Neighbours agreeing in place; all of a context that the text's start or end cut short,
    still there up to the new text's start or end, is as good as a whole one."""
    if (side.empty and side.full) or (side.at_text_edge and 0 < recorded == side.reach < CONTEXT_LENGTH):
        return CONTEXT_LENGTH
    return side.matches


def _neighbours_unchanged(text: str, prefix: str, suffix: str, start: int, length: int) -> bool:
    """Are prefix and suffix still right around text[start:start + length] (as far as text goes)?"""
    end = start + length
    return text[max(0, start - len(prefix)) : start] == prefix[len(prefix) - min(start, len(prefix)) :] and (
        text[end : end + len(suffix)] == suffix[: len(text) - end]
    )


def _agreement(exact: str, text: str, start: int) -> tuple[int, int, int]:
    """Characters of the quote found in place, and the unbroken runs at its head and tail."""
    found = text[start : start + len(exact)]
    agree = sum(1 for a, b in zip(exact, found) if a == b)
    head = 0
    while head < len(exact) and exact[head] == found[head]:
        head += 1
    tail = 0
    while tail < len(exact) and exact[-1 - tail] == found[-1 - tail]:
        tail += 1
    return agree, head, tail


def _credible(exact: str, left: Side, right: Side, agree: int, head: int, tail: int) -> bool:
    """Would a proofreader agree that these are the highlighted words? The rules, in order:

    - a quote that starts (ends) a paragraph, found starting (ending) one, has that edge pinned
      by the paragraph break itself: the neighbouring paragraph may have moved;
    - neighbours that run on into the candidate's own characters mean the words between them
      were deleted: the candidate is the neighbourhood, not the passage;
    - a side whose old neighbours vanished without a trace (not there, not pushed, not cut,
      no paragraph break) is a different passage using the same words;
    - each edge must be pinned, by its neighbours, by the quote's own characters at that end,
      or by the quote's length when the other edge is held by intact neighbours;
    - at least one side must be accounted for and at least one right next to the place;
    - and the quote itself must mostly agree, or else both neighbours must adjoin.
    """
    length = len(exact)
    left_break = exact[0] == "\n" and head >= 1
    right_break = exact[-1] == "\n" and tail >= 1
    left_next = left.adjacent or left_break
    right_next = right.adjacent or right_break
    if (left.overlaps and not left_next) or (right.overlaps and not right_next):
        return False
    if (left.absent and not left_next) or (right.absent and not right_next):
        return False
    pinned_by_quote = min(3, length)
    left_pinned = (
        left_next
        or left.cut
        or (left.full and left.reach > 0)
        or head >= pinned_by_quote
        or (left.reach > 0 and left.paragraph)
    )
    right_pinned = (
        right_next
        or right.cut
        or (right.full and right.reach > 0)
        or tail >= pinned_by_quote
        or (right.reach > 0 and right.paragraph)
    )
    # OCR corrections replace characters one for one: with one edge held by intact neighbours
    # and the quote agreeing but for a character or two, its length fixes the other edge.
    # Not when the neighbours on that side were pushed aside by no more than a correction
    # inside the quote could add: then the quote may have grown there instead.
    mostly = 2 * agree >= length and agree >= length - 2
    if mostly and right_next and right.full and not 0 < left.gap <= MAX_STRETCH:
        left_pinned = True
    if mostly and left_next and left.full and not 0 < right.gap <= MAX_STRETCH:
        right_pinned = True
    if not (left_pinned and right_pinned):
        return False
    if not (left.intact or left_break or right.intact or right_break):
        return False
    if not (left.adjacent or left.cut or right.adjacent or right.cut):
        return False
    if 2 * agree >= length:
        return True
    return (left_next or left.cut) and (right_next or right.cut)


def _tails(
    text: str, suffix: str, length: int, prefix_length: int, totals: dict[int, int], seeds: Seeds
) -> list[Edge]:
    """Places where the old suffix starts, with its neighbours right there."""
    tails = []
    for diagonal in sorted(totals, key=totals.__getitem__, reverse=True)[:TOP_DIAGONALS]:
        end = diagonal + prefix_length + length
        if 0 < end <= len(text):
            side = after(suffix, text, end, length, diagonal, seeds.suffix)
            if not side.empty and side.reach >= min(ADJACENT, len(suffix)):
                tails.append(Edge(end, side, text[end : end + 1] == suffix[:1]))
    return tails
