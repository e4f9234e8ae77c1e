"""Print every reading rule's firings and precision on labelled data, with its Wilson 95% lower bound.

    .venv/bin/python tools/rule_precision.py [--shared ../shared/data] [--wrong]

Each rule of ``models.language.context_rules`` (one per character of a rule module, named
module.character, and the name rules) is asked about every labelled polyphone of the data that
the engine asks the rules about (no word of the table decided it), as ``context_rules.apply``
does. Labelled data, each its own column:

- ``cpp-a`` / ``cpp-b``: the CPP dev split (../shared, Apache-2.0) in two halves (a fixed shuffle);
- ``news``: the hand-labelled news dev set (../shared).

Caveat: main's rules were written while looking at these dev sets, so these are not held-out
figures; a rule under the bar here is certainly under it on new text.

The bar (issue 12): at least ``MIN_FIRINGS`` firings and a Wilson lower bound of at least
``MIN_LOWER_BOUND``. Carried over from the ``pinyin`` branch, adapted to main's rule modules.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.language import context_rules  # noqa: E402
from models.language import readings as engine  # noqa: E402
from models.language.rules.context import Context  # noqa: E402
from models.language.syllables import numbered  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
MIN_FIRINGS = 30
MIN_LOWER_BOUND = 0.95
SOURCES = ("cpp-a", "cpp-b", "news")


def wilson_lower(ok: int, n: int, z: float = 1.96) -> float:
    """The Wilson score interval's lower bound for ok successes in n trials (0 when n is 0)."""
    if n == 0 or ok == 0:
        return 0.0  # exactly, not a rounding error either side of it
    p = ok / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n)


@dataclass
class RuleCount:
    firings: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    wrong: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.firings.values())

    @property
    def right(self) -> int:
        return sum(self.correct.values())

    @property
    def lower_bound(self) -> float:
        return wilson_lower(self.right, self.total)

    def passes(self) -> bool:
        return self.total >= MIN_FIRINGS and self.lower_bound >= MIN_LOWER_BOUND


def _clause_at(sentence: str, index: int) -> tuple[str, int]:
    offset = 0
    for part in engine._clauses(sentence):
        if offset <= index < offset + len(part):
            return part, index - offset
        offset += len(part)
    raise ValueError("index past the sentence")


def _label(gold: str) -> str:
    return numbered(gold)


def cpp_items(shared: Path) -> tuple[list, list]:
    base = shared / "cpp-dev" / "dev"
    sents = Path(f"{base}.sent").read_text(encoding="utf-8").splitlines()
    labels = Path(f"{base}.lb").read_text(encoding="utf-8").splitlines()
    items = [(s.replace("\u2581", ""), s.index("\u2581"), _label(lb)) for s, lb in zip(sents, labels)]
    order = list(range(len(items)))
    random.Random(12).shuffle(order)
    half = len(order) // 2
    return [items[i] for i in sorted(order[:half])], [items[i] for i in sorted(order[half:])]


def news_items(shared: Path) -> list:
    out = []
    for line in (shared / "polyphones-news-dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append((d["sentence"], d["index"], _label(d["pinyin"])))
    return out


def measure(shared: Path = SHARED) -> dict[str, RuleCount]:
    """Every rule's firings and correct answers, per source."""
    counts: dict[str, RuleCount] = defaultdict(RuleCount)
    cpp_a, cpp_b = cpp_items(shared)
    for source, items in (("cpp-a", cpp_a), ("cpp-b", cpp_b), ("news", news_items(shared))):
        for sentence, index, gold in items:
            text, pos = _clause_at(sentence, index)
            clause = engine._read_words(text)
            if pos not in clause.open:
                continue  # the word table decided it: the engine never asks a rule there
            reading, name = context_rules.decide(Context(text, clause.words), pos)
            if reading is None or name is None:
                continue
            count = counts[name]
            count.firings[source] += 1
            if numbered(reading) == gold:
                count.correct[source] += 1
            elif len(count.wrong) < 12:
                count.wrong.append(
                    f"{text[:pos]}【{text[pos]}】{text[pos + 1 :]} {gold} not {numbered(reading)}"
                )
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument(
        "--wrong", action="store_true", help="show up to 12 wrong firings of each rule under the bar"
    )
    args = parser.parse_args()
    counts = measure(args.shared)
    print(f"{'rule':24} " + " ".join(f"{s:>7}" for s in SOURCES) + "  firings  precision  lower95  bar")
    failing = 0
    for name, c in sorted(counts.items(), key=lambda kv: (kv[1].passes(), kv[1].lower_bound)):
        cols = " ".join(f"{c.correct[s]:>3}/{c.firings[s]:<3}" for s in SOURCES)
        ok = c.passes()
        failing += not ok
        print(
            f"{name:24} {cols}  {c.total:7}  {c.right / c.total:9.3f}  {c.lower_bound:7.3f}  {'ok' if ok else 'UNDER'}"
        )
        if args.wrong and not ok:
            for w in c.wrong:
                print("    ", w)
    print(
        f"{len(counts)} rules fired, {failing} under the bar "
        f"({MIN_FIRINGS} firings, Wilson lower bound {MIN_LOWER_BOUND})"
    )


if __name__ == "__main__":
    main()
