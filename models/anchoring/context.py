"""What the words on one side of a candidate place say about it.

A highlight's prefix (the 32 characters before it) and suffix (the 32 after) were its
neighbours. At the right place in a corrected text they are still there, in one of a few
recognisable states: intact; intact up to a paragraph break (the paragraph beyond was moved);
pushed a few characters away (text added between); cut (text removed next to the highlight);
or corrected here and there (OCR lookalikes fixed: 己/已, 戌/戍). At a wrong place the
neighbours are absent, or they agree for a few characters and then go on differently — the same
words used again elsewhere in the article, which is what a lead or a headline repeating the
body looks like.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.anchoring.seeds import SEED_LENGTH, Diagonal

#: Neighbours agreeing for this many characters next to a place are real evidence for it.
ADJACENT = 4

#: How far text added or cut next to a highlight may push its neighbours (a sentence or so).
SHIFT = 45

#: A stretch of the old neighbours found elsewhere counts from this many agreeing seeds.
MIN_VOTES = 2


@dataclass(frozen=True)
class Side:
    """The evidence from one side (prefix or suffix) of a candidate place."""

    empty: bool = False  # no context was recorded on this side (the span was at the text's edge)
    matches: int = 0  # characters agreeing, walking outwards from the edge
    reach: int = 0  # how far the agreement goes before the text goes on differently
    adjacent: bool = False  # enough of it right next to the place
    full: bool = False  # all of it, or all up to the edge of the text
    paragraph: bool = False  # the agreement runs into a paragraph break (beyond it may have moved)
    pushed: bool = False  # the old neighbours occur a little further out (text added between)
    cut: bool = False  # the old neighbours, less the part next to the highlight, adjoin it
    overlaps: bool = False  # the old neighbours run on into the candidate's own characters
    moved: int = 0  # characters of the old neighbours found pushed away or beyond a cut
    gap: int = 0  # how far the nearest pushed-away stretch is from the place (0: none)
    at_text_edge: bool = False  # the agreement runs up to the start (end) of the new text

    @property
    def intact(self) -> bool:
        """The neighbours are accounted for: there, or moved or cut in a way edits explain."""
        return self.empty or self.full or self.cut or self.pushed or (self.adjacent and self.paragraph)

    @property
    def absent(self) -> bool:
        """Nothing of the old neighbours next to the place and no edit that explains it."""
        return not (
            self.empty
            or self.reach
            or self.adjacent
            or self.cut
            or self.pushed
            or self.paragraph
            or self.full
        )


def _nothing_recorded(at_text_edge: bool) -> Side:
    """A side with no recorded context: the highlight touched the start (end) of the text.

    A place touching the same end of the new text agrees with that; elsewhere the side says
    nothing either way (text may have been added there).
    """
    return Side(empty=True, adjacent=at_text_edge, full=at_text_edge)


def _walk_before(context: str, text: str, edge: int) -> tuple[int, int]:
    """Agreement of context (right-aligned) with text ending at edge: (matches, reach)."""
    return _walk(zip(reversed(context), reversed(text[max(0, edge - len(context)) : edge])))


def _walk_after(context: str, text: str, edge: int) -> tuple[int, int]:
    """Agreement of context (left-aligned) with text starting at edge: (matches, reach)."""
    return _walk(zip(context, text[edge : edge + len(context)]))


def _walk(pairs: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """(matches, reach) of a walk away from the edge, one (context, text) character pair a step.

    Tolerates corrected characters (one at a time, three in all); stops where the two go on
    differently, i.e. at two disagreeing characters in a row.
    """
    matches = reach = misses = 0
    in_a_row = 0
    for step, (ours, theirs) in enumerate(pairs, start=1):
        if ours == theirs:
            matches += 1
            reach = step
            in_a_row = 0
        else:
            misses += 1
            in_a_row += 1
            if in_a_row >= 2 or misses >= 3:
                break
    return matches, reach


def _stretch_is_real(run: int, rest: int, at_text_edge: bool) -> bool:
    """A stretch of old neighbours adjoining the place is evidence if long, or all that was left."""
    return run >= 6 or (run == rest and (run >= 3 or (run >= 1 and at_text_edge)))


def _cut_before(prefix: str, text: str, edge: int) -> int:
    """Does the text before edge end with the prefix less its last characters (they were cut)?

    Returns the length of the adjoining stretch (0: no cut). The place's own first character
    must not be the prefix's next one: otherwise the prefix
    simply runs on into the place, which is what a deleted passage looks like.
    """
    if edge == 0:
        return 0
    next_char = text[edge] if edge < len(text) else ""
    for keep in range(len(prefix) - 1, 0, -1):
        if prefix[keep] == next_char:
            continue
        run = 0
        while run < keep and run < edge and prefix[keep - 1 - run] == text[edge - 1 - run]:
            run += 1
        if run and _stretch_is_real(run, keep, edge - run == 0):
            return run
    return 0


def _cut_after(suffix: str, text: str, edge: int) -> int:
    """Does the text from edge start with the suffix less its first characters? (run, or 0)"""
    if edge >= len(text):
        return 0
    last_char = text[edge - 1] if edge > 0 else ""
    n = len(suffix)
    for drop in range(1, n):
        if suffix[drop - 1] == last_char:
            continue
        run = 0
        while drop + run < n and edge + run < len(text) and suffix[drop + run] == text[edge + run]:
            run += 1
        if run and _stretch_is_real(run, n - drop, edge + run == len(text)):
            return run
    return 0


#: Shortest context that leaves MIN_VOTES seeds.
SEEDED = SEED_LENGTH + MIN_VOTES - 1


def _seeded_chars(votes: int) -> int:
    """Characters in a stretch that carries this many seeds (n characters carry n - 3)."""
    return votes + SEED_LENGTH - 1 if votes else 0


def _side(
    matches: int,
    reach: int,
    adjacent: bool,
    full: bool,
    paragraph: bool,
    pushed_chars: int,
    cut: int,
    overlaps: bool,
    at_text_edge: bool,
    gap: int,
) -> Side:
    return Side(
        empty=False,
        matches=matches,
        reach=reach,
        adjacent=adjacent,
        full=full,
        paragraph=paragraph,
        pushed=pushed_chars > 0,
        cut=cut > 0,
        overlaps=overlaps,
        moved=max(pushed_chars, cut),
        gap=gap,
        at_text_edge=at_text_edge,
    )


def before(prefix: str, text: str, start: int, span: int, diagonal: int, votes: dict[int, Diagonal]) -> Side:
    """Evidence from the prefix for a place starting at start (span characters long)."""
    if not prefix:
        return _nothing_recorded(start == 0)
    n = len(prefix)
    matches, reach = _walk_before(prefix, text, start)
    adjacent = reach >= min(ADJACENT, n)
    at_text_edge = start - reach <= 0
    full = reach >= n - 1 or at_text_edge
    paragraph = "\n" in prefix[n - reach :] or (reach < n and prefix[n - reach - 1] == "\n")
    pushed_votes = 0
    gap = 1 << 30
    overlaps = False
    for other, entry in votes.items():
        if entry.votes < MIN_VOTES or other == diagonal or abs(other - diagonal) > SHIFT:
            continue
        if entry.last <= start - reach:
            pushed_votes = max(pushed_votes, entry.votes)
            gap = min(gap, start - entry.last)
        elif entry.first < start < entry.last < start + span + 4:
            overlaps = True
    pushed = _seeded_chars(pushed_votes)
    if not pushed and n < SEEDED:
        # Too short to leave seeds: look for it whole, a little further back.
        found = text.rfind(prefix, max(0, start - reach - SHIFT - n), start - reach)
        if found >= 0:
            pushed, gap = n, start - found - n
    cut = 0 if adjacent else _cut_before(prefix, text, start)
    return _side(
        matches, reach, adjacent, full, paragraph, pushed, cut, overlaps, at_text_edge, gap if pushed else 0
    )


def after(suffix: str, text: str, end: int, span: int, diagonal: int, votes: dict[int, Diagonal]) -> Side:
    """Evidence from the suffix for a place ending at end (span characters long)."""
    if not suffix:
        return _nothing_recorded(end == len(text))
    n = len(suffix)
    matches, reach = _walk_after(suffix, text, end)
    adjacent = reach >= min(ADJACENT, n)
    at_text_edge = end + reach >= len(text)
    full = reach >= n - 1 or at_text_edge
    paragraph = "\n" in suffix[:reach] or (reach < n and suffix[reach] == "\n")
    pushed_votes = 0
    gap = 1 << 30
    overlaps = False
    for other, entry in votes.items():
        if entry.votes < MIN_VOTES or other == diagonal or abs(other - diagonal) > SHIFT:
            continue
        if entry.first >= end + reach:
            pushed_votes = max(pushed_votes, entry.votes)
            gap = min(gap, entry.first - end)
        elif end - span <= entry.first < end < entry.last:
            overlaps = True
    pushed = _seeded_chars(pushed_votes)
    if not pushed and n < SEEDED:
        found = text.find(suffix, end + reach, end + reach + SHIFT + n)
        if found >= 0:
            pushed, gap = n, found - end
    cut = 0 if adjacent else _cut_after(suffix, text, end)
    return _side(
        matches, reach, adjacent, full, paragraph, pushed, cut, overlaps, at_text_edge, gap if pushed else 0
    )
