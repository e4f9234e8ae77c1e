"""Print every reading rule's firings and precision on labelled data, with its Wilson 95% lower bound.

    .venv/bin/python tools/rule_precision.py [--shared ../shared/data] [--wrong]

Each rule of ``models.language.context_rules`` (named module.rule; one rule may serve several
characters) is asked about every labelled polyphone that the engine would ask the rules about
(no word of the table decided it), as ``context_rules.apply`` does. Labelled data, each its own
column:

- ``cpp-a`` / ``cpp-b``: the CPP dev split (../shared, Apache-2.0) in two halves (a fixed shuffle);
  the rules were written looking at half A only: B is held out;
- ``news``: the hand-labelled news dev set (../shared), held out;
- ``w-cpp-a`` / ``w-cpp-b`` / ``w-news`` (word contexts): a polyphone inside a word of the word
  table, in a real sentence (CPP dev's halves; People's Daily paragraphs, the ``gold`` side of
  ../shared's ocr-errors/news-dev.jsonl), labelled by that word's reading, and asked as if the
  table lacked the word (the rules see what they would see in text where the table knows no word
  there). The word's known reading labels its polyphone in context; the table is about 99.7% right;
- ``phrases``: a word of three to eight characters of the table on its own, asked the same way.

The bar (issue 12): at least ``MIN_FIRINGS`` firings over all of it and a Wilson lower bound of
at least ``MIN_LOWER_BOUND``; ``tests/test_rule_precision.py`` keeps every rule above it.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.language import context_rules  # noqa: E402
from models.language import readings as engine  # noqa: E402
from models.language.phrase_table import char_readings, word_table  # noqa: E402
from models.language.rules.context import Context  # noqa: E402
from models.language.syllables import numbered  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
MIN_FIRINGS = 30
MIN_LOWER_BOUND = 0.95
SOURCES = ("cpp-a", "cpp-b", "news", "w-cpp-a", "w-cpp-b", "w-news", "phrases")
#: What the bar counts: running text (labelled by hand, or by a word's known reading).
BAR_SOURCES = SOURCES[:-1]
#: What the rules were written from; every other column is held out.
WRITTEN_FROM = ("cpp-a", "w-cpp-a")


def wilson_lower(ok: int, n: int, z: float = 1.96) -> float:
    """The Wilson score interval's lower bound for ok successes in n trials (0 when n is 0)."""
    if n == 0 or ok == 0:
        return 0.0  # exactly, not a rounding error either side of it
    p = ok / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n)


def wilson_interval(ok: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score 95% interval for ok successes in n trials."""
    if n == 0:
        return 0.0, 1.0
    p = ok / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


@dataclass
class RuleCount:
    firings: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    wrong: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(n for s, n in self.firings.items() if s in BAR_SOURCES)

    @property
    def right(self) -> int:
        return sum(n for s, n in self.correct.items() if s in BAR_SOURCES)

    @property
    def lower_bound(self) -> float:
        return wilson_lower(self.right, self.total)

    def held_out(self) -> tuple[int, int]:
        """Correct and firings on the data the rules were not written from."""
        keys = [s for s in BAR_SOURCES if s not in WRITTEN_FROM]
        return sum(self.correct[s] for s in keys), sum(self.firings[s] for s in keys)

    def passes(self) -> bool:
        return self.total >= MIN_FIRINGS and self.lower_bound >= MIN_LOWER_BOUND


def _clause_at(sentence: str, index: int) -> tuple[str, int]:
    offset = 0
    for part in engine._clauses(sentence):
        if offset <= index < offset + len(part):
            return part, index - offset
        offset += len(part)
    raise ValueError("index past the sentence")


def cpp_items(shared: Path) -> tuple[list, list]:
    base = shared / "cpp-dev" / "dev"
    sents = Path(f"{base}.sent").read_text(encoding="utf-8").splitlines()
    labels = Path(f"{base}.lb").read_text(encoding="utf-8").splitlines()
    items = [(s.replace("\u2581", ""), s.index("\u2581"), numbered(lb)) for s, lb in zip(sents, labels)]
    order = list(range(len(items)))
    random.Random(12).shuffle(order)
    half = len(order) // 2
    return [items[i] for i in sorted(order[:half])], [items[i] for i in sorted(order[half:])]


def news_items(shared: Path) -> list:
    out = []
    for line in (shared / "polyphones-news-dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append((d["sentence"], d["index"], numbered(d["pinyin"])))
    return out


def news_paragraphs(shared: Path) -> list[str]:
    path = shared / "ocr-errors" / "news-dev.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["gold"] for line in lines if line.strip()]


class _Without(Mapping):
    """The word table without one word (as if the table lacked it)."""

    def __init__(self, base: dict[str, str], hidden: str) -> None:
        self.base, self.hidden = base, hidden

    def __getitem__(self, key: str) -> str:
        if key == self.hidden:
            raise KeyError(key)
        return self.base[key]

    def __contains__(self, key: object) -> bool:
        return key != self.hidden and key in self.base

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return default if key == self.hidden else self.base.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self.base)

    def __len__(self) -> int:
        return len(self.base) - 1


@lru_cache(maxsize=1)
def _ruled_characters() -> frozenset[str]:
    """Characters some rule may decide."""
    return frozenset(context_rules.ruled_characters())


def word_contexts(text: str) -> list[tuple[str, int, str]]:
    """(clause, position, label) for each polyphone inside a table word of ``text``'s clauses,
    where the engine would ask the rules if the table lacked that word."""
    table = word_table()
    ruled = _ruled_characters()
    out: list[tuple[str, int, str]] = []
    for clause_text in engine._clauses(text):
        clause = engine._read_words(clause_text)
        start = 0
        for piece in clause.pieces:
            a = start
            start += len(piece)
            if len(piece) < 2 or piece not in table or not any(ch in ruled for ch in piece):
                continue
            syllables = table[piece].split(" ")
            for j, ch in enumerate(piece):
                if ch not in ruled or "|" in syllables[j] or len(char_readings(ch)) < 2:
                    continue
                label = numbered(engine._citation(ch, syllables[j]))
                out.append((clause_text, a + j, label, piece))  # type: ignore[arg-type]
    return out  # type: ignore[return-value]


def _ask(text: str, pos: int, hidden: str | None = None) -> tuple[str | None, str | None]:
    """The rule's reading at ``pos`` and its name, as the engine asks (None where it does not)."""
    if hidden is None:
        clause = engine._read_words(text)
        if pos not in clause.open:
            return None, None  # the word table decided it: the engine never asks a rule there
        return context_rules.decide(Context(text, clause.words), pos)  # as the engine asks
    real = engine.word_table
    without = _Without(word_table(), hidden)
    engine.word_table = lambda: without  # type: ignore[assignment]
    try:
        clause = engine._read_words(text)
    finally:
        engine.word_table = real  # type: ignore[assignment]
    if pos not in clause.open:
        return None, None
    return context_rules.decide(Context(text, clause.words), pos)  # as the engine asks


def _phrases() -> list[tuple[str, int, str, str]]:
    table = word_table()
    ruled = _ruled_characters()
    out = []
    for word, syllables in table.items():
        if not 3 <= len(word) <= 8 or not any(ch in ruled for ch in word):
            continue
        parts = syllables.split(" ")
        for j, ch in enumerate(word):
            if ch in ruled and "|" not in parts[j] and len(char_readings(ch)) > 1:
                out.append((word, j, numbered(engine._citation(ch, parts[j])), word))
    return out


def labelled(shared: Path) -> Iterator[tuple[str, str, int, str, str | None]]:
    """(source, clause, position, label, word hidden from the table or None) for every item."""
    cpp_a, cpp_b = cpp_items(shared)
    for source, items in (("cpp-a", cpp_a), ("cpp-b", cpp_b), ("news", news_items(shared))):
        for sentence, index, gold in items:
            text, pos = _clause_at(sentence, index)
            yield source, text, pos, gold, None
    for source, texts in (
        ("w-cpp-a", [s for s, _, _ in cpp_a]),
        ("w-cpp-b", [s for s, _, _ in cpp_b]),
        ("w-news", news_paragraphs(shared)),
    ):
        for text in texts:
            for clause, pos, gold, word in word_contexts(text):
                yield source, clause, pos, gold, word
    for word, pos, gold, hidden in _phrases():
        yield "phrases", word, pos, gold, hidden


def measure(shared: Path = SHARED) -> dict[str, RuleCount]:
    """Every rule's firings and correct answers, per source."""
    counts: dict[str, RuleCount] = defaultdict(RuleCount)
    for source, text, pos, gold, hidden in labelled(shared):
        reading, name = _ask(text, pos, hidden)
        if reading is None or name is None:
            continue
        count = counts[name]
        count.firings[source] += 1
        if numbered(reading) == gold:
            count.correct[source] += 1
        elif len(count.wrong) < 400:
            count.wrong.append(
                f"{source}: {text[:pos]}【{text[pos]}】{text[pos + 1 :]} {gold} not {numbered(reading)}"
                + (f" [{hidden}]" if hidden else "")
            )
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--wrong", type=int, default=0, help="show up to N wrong firings of each rule")
    args = parser.parse_args()
    counts = measure(args.shared)
    print(
        f"{'rule':22} " + " ".join(f"{s:>9}" for s in SOURCES) + "  firings precision lower95 held-out  bar"
    )
    failing = 0
    for name, c in sorted(counts.items(), key=lambda kv: (kv[1].passes(), kv[1].lower_bound)):
        cols = " ".join(f"{f'{c.correct[s]}/{c.firings[s]}':>9}" for s in SOURCES)
        ok = c.passes()
        failing += not ok
        h_ok, h_n = c.held_out()
        held = f"{h_ok / h_n:.3f}" if h_n else "-"
        print(
            f"{name:22} {cols}  {c.total:7} {c.right / c.total:9.3f} {c.lower_bound:7.3f} {held:>8}  "
            f"{'ok' if ok else 'UNDER'}"
        )
        for w in c.wrong[: args.wrong]:
            print("    ", w)
    print(
        f"{len(counts)} rules fired, {failing} under the bar "
        f"({MIN_FIRINGS} firings, Wilson lower bound {MIN_LOWER_BOUND})"
    )


if __name__ == "__main__":
    main()
