"""Features of a character position: does the character as read fit where it stands?

The second stage of the checker. A misread character usually breaks the word it belongs
to (its neighbours stop making words too) and stands in an unlikely character pair on
both sides; a substitution that mends it scores well in the first stage. The checker
weighs these with a second fitted logistic regression, so a position can be flagged even
when no suggestion is clear (the right character is no look-alike the table knows).
"""

from __future__ import annotations

from models.proofreading.language import Language, is_han

#: Log-odds given to a position with no candidate substitution.
NO_CANDIDATE = -15.0

POSITION_FEATURES = (
    "in_word",  # 1 when a 2-4 character word covers the position
    "word",  # log count of that word (0 if none)
    "left_in_word",  # the same for the character before (1 when it is not Han: nothing to say)
    "right_in_word",  # and for the character after
    "pair_left",  # log P(character | character before)
    "pair_right",  # log P(character after | character)
    "read_char",  # log count of the character alone
    "read_common",  # 1 when the character is among the common characters
    "read_freedom",  # how often the character stands alone rather than inside words (log ratio)
    "best_substitution",  # log-odds of the best candidate substitution here (first stage)
    "has_candidate",  # 1 when there is one
)


def position_features(
    language: Language, text: str, covered: list[float], i: int, best: float | None
) -> tuple[float, ...]:
    ch = text[i]
    n = len(text)

    def in_word(k: int) -> float:
        if k < 0 or k >= n or not is_han(text[k]):
            return 1.0
        return 1.0 if covered[k] > 0 else 0.0

    left = text[i - 1] if i > 0 else "^"
    right = text[i + 1] if i + 1 < n else "$"
    return (
        1.0 if covered[i] > 0 else 0.0,
        covered[i],
        in_word(i - 1),
        in_word(i + 1),
        language.pair_logp(left, ch),
        language.pair_logp(ch, right),
        language.char_logp(ch) + language.log_total,
        1.0 if ch in language.lookalikes else 0.0,
        language.freedom(ch),
        NO_CANDIDATE if best is None else max(NO_CANDIDATE, min(-NO_CANDIDATE, best)),
        0.0 if best is None else 1.0,
    )
