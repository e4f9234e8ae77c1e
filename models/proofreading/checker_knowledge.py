"""What a library teaches the checker, as plain data.

The checker takes it as a :class:`LibraryKnowledge` value, so it does not care where it
came from: ``check --db`` reads it from a library (:func:`models.library.proofreading.proofreading_knowledge`),
a test builds one by hand.

- ``words``: the library's own word list ("add to dictionary": names, places). A flag of
  the ``unknown`` kind never falls on them, and substitutions are judged knowing them.
- ``corrected``: (as read, corrected to) -> how many times editors made that correction.
  The pair becomes a candidate even when the look-alike table lacks it, and weighs more.
- ``dismissed``: (flagged text, suggestion or None) -> how many times editors dismissed
  such a flag. It weighs less next time.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

#: Log-odds added per unit of log(1 + times corrected), and taken per log(1 + times dismissed).
#: Set by hand, not fitted (no library data to fit them on yet): one correction of a pair
#: is worth about a 2x odds gain; each dismissal weighs more, so a flag dismissed a few
#: times stops coming back unless the evidence for it is overwhelming.
CORRECTED_WEIGHT = 1.0
DISMISSED_WEIGHT = 3.0


@dataclass(frozen=True)
class LibraryKnowledge:
    words: frozenset[str] = frozenset()
    corrected: Mapping[tuple[str, str], int] = field(default_factory=dict)
    dismissed: Mapping[tuple[str, str | None], int] = field(default_factory=dict)

    def extra_pairs(self) -> dict[str, dict[str, float]]:
        """Character as read -> characters editors corrected it to (single characters only)."""
        out: dict[str, dict[str, float]] = {}
        for (read, right), times in self.corrected.items():
            if len(read) == 1 and len(right) == 1 and times > 0:
                out.setdefault(read, {})[right] = float(times)
        return out

    def adjustment(self, read: str, suggestion: str | None) -> float:
        """Log-odds to add to a flag on ``read`` suggesting ``suggestion``."""
        score = 0.0
        if suggestion is not None:
            score += CORRECTED_WEIGHT * math.log1p(self.corrected.get((read, suggestion), 0))
        dismissed = self.dismissed.get((read, suggestion), 0) + (
            self.dismissed.get((read, None), 0) if suggestion is not None else 0
        )
        return score - DISMISSED_WEIGHT * math.log1p(dismissed)

    @property
    def empty(self) -> bool:
        return not (self.words or self.corrected or self.dismissed)
