"""What a library teaches the checker, as plain data.

The checker takes it as a :class:`LibraryKnowledge` value, so it does not care where it
came from: ``check --db`` reads it from a library (:func:`models.library.proofreading.proofreading_knowledge`),
a test builds one by hand.

- ``words``: the library's own word list ("add to dictionary": names, places). A flag of
  the ``unknown`` kind never falls on them, and substitutions are judged knowing them.
- ``corrected``: (as read, corrected to) -> how many times editors made that correction.
  The pair becomes a candidate even when the look-alike table lacks it, and weighs more.
- ``dismissed``: (flagged text, suggestion or None) -> how many times editors dismissed
  such a flag. It weighs less next time, wherever the text stands (a name, a character).
- ``dismissed_around``: (flagged text, class of the character before, class of the character
  after) -> how many times editors dismissed a punctuation or space flag standing so (see
  :func:`surroundings`). It weighs less only where the same classes stand around it: a "."
  dismissed after a list's number (``4.大学``, digit before, Han after) leaves a "." after a
  Han character (``增加.``, ``马克.洛克``) flagged.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from models.proofreading.language import is_han

#: Log-odds added per unit of log(1 + times corrected), and taken per log(1 + times dismissed).
#: Set by hand, not fitted (no library data to fit them on yet): one correction of a pair
#: is worth about a 2x odds gain; each dismissal weighs more, so a flag dismissed a few
#: times stops coming back unless the evidence for it is overwhelming.
CORRECTED_WEIGHT = 1.0
DISMISSED_WEIGHT = 3.0


#: Flag kinds whose dismissal is keyed by what stands around the flagged text.
KEYED_BY_SURROUNDINGS = ("punctuation", "space")


def character_class(ch: str) -> str:
    """The class of a character beside a flagged mark: edge (none), digit, latin, han, space,
    letter (another script) or mark."""
    if not ch:
        return "edge"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if is_han(ch):
        return "han"
    if ch.isspace():
        return "space"
    if ch.isalpha():
        return "letter"
    return "mark"


def surroundings(text: str, start: int, end: int) -> tuple[str, str]:
    """The classes of the characters before and after ``text[start:end]`` (edge at either end)."""
    before = text[start - 1] if 0 < start <= len(text) else ""
    after = text[end] if 0 <= end < len(text) else ""
    return character_class(before), character_class(after)


@dataclass(frozen=True)
class LibraryKnowledge:
    words: frozenset[str] = frozenset()
    corrected: Mapping[tuple[str, str], int] = field(default_factory=dict)
    dismissed: Mapping[tuple[str, str | None], int] = field(default_factory=dict)
    dismissed_around: Mapping[tuple[str, str, str], int] = field(default_factory=dict)

    def extra_pairs(self) -> dict[str, dict[str, float]]:
        """Character as read -> characters editors corrected it to (single characters only)."""
        out: dict[str, dict[str, float]] = {}
        for (read, right), times in self.corrected.items():
            if len(read) == 1 and len(right) == 1 and times > 0:
                out.setdefault(read, {})[right] = float(times)
        return out

    def adjustment(self, read: str, suggestion: str | None, around: tuple[str, str] | None = None) -> float:
        """Log-odds to add to a flag on ``read`` suggesting ``suggestion``; ``around``: the
        classes before and after it (:func:`surroundings`), for a punctuation or space flag."""
        score = 0.0
        if suggestion is not None:
            score += CORRECTED_WEIGHT * math.log1p(self.corrected.get((read, suggestion), 0))
        dismissed = self.dismissed.get((read, suggestion), 0) + (
            self.dismissed.get((read, None), 0) if suggestion is not None else 0
        )
        if around is not None:
            dismissed += self.dismissed_around.get((read, *around), 0)
        return score - DISMISSED_WEIGHT * math.log1p(dismissed)

    @property
    def empty(self) -> bool:
        return not (self.words or self.corrected or self.dismissed or self.dismissed_around)
