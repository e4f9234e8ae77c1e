"""Candidate substitutions for a line and the features the checker scores them by.

A candidate says "the character at ``position`` may be an OCR misreading of
``suggestion``". Candidates come from two places: the character's look-alikes that make
a dictionary word with their neighbours (千 in 若千 -> 若干), and any character that
completes a three- or four-character word the line almost spells (服路员 -> 服务员).
Each candidate is described by features comparing the line with and without the
substitution; :mod:`models.proofreading.checker` weighs them with a fitted logistic
regression.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from models.proofreading.language import MAX_PATTERN, Language, is_han

#: Context either side of a position that the segmentation feature looks at.
WINDOW = 4
#: A candidate whose best word is this much (natural log of counts) rarer than the
#: original's best word is not considered at all.
WORD_MARGIN = 1.0
#: A pattern with at most this many fillers offers all of them, look-alikes or not
#: (two-character patterns only where the character as read is in no word).
FEW_FILLERS = 8

FEATURES = (
    "segmentation_gain",  # log P(window with the suggestion) - log P(window as read), word unigram model
    "new_word",  # log count of the best word (2+ chars) covering the position after substitution
    "old_word",  # the same, as read (0 when no word covers it)
    "old_in_word",  # 1 when a 2+ character word covers the position as read
    "new_word_length",  # length of the longest word the suggestion makes
    "pair_gain",  # character-pair log-probability gain with both neighbours
    "similarity",  # glyph similarity of the two characters (0 if not look-alikes)
    "lookalike",  # 1 when the pair is in the look-alike table
    "read_char",  # log count of the character as read, alone
    "suggested_char",  # log count of the suggested character, alone
    "read_common",  # 1 when the character as read is among the common characters
    "neighbours_in_words",  # how many of the two neighbours (as read) are in a 2-4 character word
    "read_pairs",  # log P(character as read | before) + log P(after | character as read)
    "suggested_pairs",  # the same for the suggestion
    "read_freedom",  # how often the character as read stands alone rather than inside words
)


@dataclass(frozen=True)
class Candidate:
    position: int
    read: str
    suggestion: str
    features: tuple[float, ...]


def _suggestions(
    language: Language, text: str, i: int, extra: Mapping[str, float], in_word: bool
) -> dict[str, tuple[float, int]]:
    """Characters that make a word at ``i`` -> (log count of the best word made, longest length)."""
    fillers = language.fillers()
    words = language.words
    ch = text[i]
    neighbours = language.lookalikes.get(ch, {})
    found: dict[str, tuple[float, int]] = {}
    n = len(text)
    for length in range(2, MAX_PATTERN + 1):
        for start in range(max(0, i - length + 1), min(i, n - length) + 1):
            before, after = text[start:i], text[i + 1 : start + length]
            chars = fillers.get(before + "?" + after)
            if chars is None:
                continue
            if len(chars) <= FEW_FILLERS and (length >= 3 or not in_word):
                pool = list(chars)
            elif len(chars) < len(neighbours):
                pool = [x for x in chars if x in neighbours or x in extra]
            else:
                pool = [x for x in neighbours if x in chars]
                pool += [x for x in extra if x in chars]
            for x in pool:
                if x == ch:
                    continue
                value = math.log(words[before + x + after])
                old = found.get(x)
                if old is None:
                    found[x] = (value, length)
                else:
                    found[x] = (max(old[0], value), max(old[1], length))
    return found


def line_candidates(
    language: Language,
    text: str,
    extra_pairs: Mapping[str, Mapping[str, float]] | None = None,
    covered: list[float] | None = None,
) -> list[Candidate]:
    """Every candidate substitution in ``text`` with its features.

    ``extra_pairs`` maps a character as read to characters editors corrected it to
    (a library's corrections): those are offered like look-alikes.
    """
    out: list[Candidate] = []
    n = len(text)
    if covered is None:
        covered = language.covering_words(text)
    for i, ch in enumerate(text):
        if not is_han(ch):
            continue
        extra = extra_pairs.get(ch, {}) if extra_pairs else {}
        old_word = covered[i]
        found = _suggestions(language, text, i, extra, old_word > 0)
        found = {x: v for x, v in found.items() if v[0] >= old_word - WORD_MARGIN}
        if not found:
            continue
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        window = text[lo:hi]
        at = i - lo
        base = language.segment_logp(window)
        left = text[i - 1] if i > 0 else "^"
        right = text[i + 1] if i + 1 < n else "$"
        base_pair = language.pair_logp(left, ch) + language.pair_logp(ch, right)
        read_char = language.char_logp(ch) + language.log_total
        neighbours = language.lookalikes.get(ch, {})
        freedom = language.freedom(ch)
        neighbours_in_words = sum(
            1.0 for k in (i - 1, i + 1) if 0 <= k < n and (covered[k] > 0 or not is_han(text[k]))
        )
        for x, (new_word, length) in found.items():
            changed = window[:at] + x + window[at + 1 :]
            similarity = max(neighbours.get(x, 0.0), language.lookalikes.get(x, {}).get(ch, 0.0))
            pair = language.pair_logp(left, x) + language.pair_logp(x, right)
            features = (
                max(-30.0, min(30.0, language.segment_logp(changed) - base)),
                new_word,
                old_word,
                1.0 if old_word > 0 else 0.0,
                float(length),
                pair - base_pair,
                similarity,
                1.0 if similarity > 0 else 0.0,
                read_char,
                language.char_logp(x) + language.log_total,
                1.0 if neighbours else 0.0,
                neighbours_in_words,
                base_pair,
                pair,
                freedom,
            )
            out.append(Candidate(i, ch, x, features))
    return out
