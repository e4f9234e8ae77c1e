"""Where the checker's recall is lost, on the FIRST half of news-dev (the half thresholds are set on).

For every gold error the checker does not flag, one of:

- (a) candidate coverage: is the right character among the candidates the checker
  generates at that position (as the best one, or at all)? If not, does it make a
  dictionary word there (so a wider candidate pool could offer it)?
- (b) for the covered ones: the right candidate's substitution log-odds and the
  position's log-odds against the two thresholds (both must be missed for no flag);
- (c) whether the character as read and the right one stand in no dictionary word either way.

    python tools/checker_misses.py [--examples 30]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.proofreading.checker import Checker, _logit  # noqa: E402
from models.proofreading.language import MAX_PATTERN, Language, is_han  # noqa: E402
from models.proofreading.positions import position_features  # noqa: E402
from tools.choose_threshold import first_half  # noqa: E402


def in_word(language: Language, text: str, i: int) -> bool:
    """Whether a dictionary word of 2-4 characters (seen more than once) covers ``text[i]``."""
    for length in range(2, MAX_PATTERN + 1):
        for start in range(max(0, i - length + 1), min(i, len(text) - length) + 1):
            if language.words.get(text[start : start + length], 0) > 1:
                return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=30)
    args = ap.parse_args()
    checker = Checker()
    language, model = checker.language, checker.model
    flag_cut, sub_cut = _logit(model.flag_threshold), _logit(model.substitution_threshold)
    counts: Counter[str] = Counter()
    examples: list[str] = []
    for item in first_half():
        text, gold = item["text"], item["gold"]
        flags = checker.check(text)
        covered = language.covering_words(text)
        scored = list(checker.scored_candidates(text, covered))
        best: dict[int, tuple[float, str]] = {}
        for cand, score in scored:
            if cand.position not in best or score > best[cand.position][0]:
                best[cand.position] = (score, cand.suggestion)
        for start, end, right in item["errors"]:
            counts["errors"] += 1
            if end - start != 1 or len(right) != 1 or not is_han(text[start]):
                counts["other errors (punctuation, spaces, longer)"] += 1
                continue
            counts["Han substitutions"] += 1
            if any(f.start <= start < f.end for f in flags):
                counts["Han substitutions flagged"] += 1
                continue
            counts["missed"] += 1
            mine = [score for cand, score in scored if cand.position == start and cand.suggestion == right]
            here = best.get(start)
            position = model.position.log_odds(
                position_features(language, text, covered, start, here[0] if here else None)
            )
            read_in, right_in = in_word(language, text, start), in_word(language, gold, start)
            context = f"{text[max(0, start - 5) : start]}[{text[start]}→{right}]{text[start + 1 : start + 6]}"
            if mine:
                counts["(a) right character among the candidates"] += 1
                counts["(a)   ... and the best candidate there"] += here is not None and here[1] == right
                counts["(b)   substitution under its threshold"] += mine[0] < sub_cut
                counts["(b)   position under its threshold"] += position < flag_cut
                examples.append(f"covered  sub {mine[0]:+.2f} pos {position:+.2f}  {context}")
            else:
                counts["(a) right character not among the candidates"] += 1
                counts["(a)   ... no candidate at all at the position"] += here is None
                counts["(a)   ... though it makes a dictionary word there"] += right_in
            counts["(c) in no dictionary word either way"] += not read_in and not right_in
            counts["(c) as read in no dictionary word"] += not read_in
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        print(f"{key:{width}s} {value}")
    print(f"thresholds: position log-odds {flag_cut:+.2f}, substitution log-odds {sub_cut:+.2f}")
    for line in random.Random(1).sample(examples, min(args.examples, len(examples))):
        print(" ", line)


if __name__ == "__main__":
    main()
