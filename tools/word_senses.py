"""How the word table chooses a word's reading where its sources give several, and how each choice fares.

    .venv/bin/python tools/word_senses.py [--show]

Two kinds of table word have more than one reading (``models.language.build_tables``):

- **alternatives**: pypinyin's phrase table and CC-CEDICT disagree at a syllable ("láng|làng"); the
  table keeps both, pypinyin's first, and g2pM picks one in context (``clause.options``);
- **senses**: CC-CEDICT lists the word under two readings (大夫 dàfū "senior official (in imperial
  China)", dàifu "doctor") and pypinyin's is one of them: pypinyin's stands alone.

For every labelled polyphone (CPP dev; the news dev set in ``tools/sweep_switch.py``'s halves A and
B) that falls inside such a word as the engine cuts the clause, it counts how often each way of
choosing would be right: for alternatives, g2pM's pick (the engine), the first (pypinyin's) and the
second; for senses, pypinyin's (the table, as shipped), CC-CEDICT's first and last entry, and the
current sense (pypinyin's reading replaced where CC-CEDICT gives it only senses marked old, archaic,
classical, literary, ancient, imperial or obsolete and another entry has a current one). A neutral
tone in the label counts as right for the same syllable in any tone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.language import readings as engine  # noqa: E402
from models.language.syllables import numbered  # noqa: E402
from tools import train_polyphones as tp  # noqa: E402
from tools.rule_precision import _clause_at  # noqa: E402
from tools.sweep_switch import news_halves  # noqa: E402

#: A sense CC-CEDICT marks as no longer current.
DATED = re.compile(r"\b(?:old|archaic|classical|literary|ancient|imperial|obsolete)\b", re.IGNORECASE)
#: A "sense" that only points elsewhere (another reading, a variant).
POINTER = re.compile(r"^(?:also pr\.|also written|variant of|old variant of|see |Taiwan pr\.|CL:)")


def cedict_senses() -> dict[str, dict[tuple[str, ...], list[str]]]:
    """Simplified headword -> each of its common (not proper-noun) readings, numbered -> its senses."""
    from models.language.dictionary import _read_source, bundled_source, tone_marked
    from models.language.phrase_table import is_han

    found: dict[str, dict[tuple[str, ...], list[str]]] = {}
    for _trad, simp, pinyin, senses in _read_source(bundled_source()):
        if pinyin[:1].isupper():
            continue
        syllables = tuple(
            numbered(s.lower()) for s in tone_marked(pinyin.replace(" ,", "").replace(" ·", ""))
        )
        if len(simp) < 2 or len(syllables) != len(simp) or not all(is_han(c) for c in simp):
            continue
        meant = [x for x in json.loads(senses) if x and not POINTER.match(x)]
        found.setdefault(simp, {}).setdefault(syllables, []).extend(meant)
    return {w: rs for w, rs in found.items() if len(rs) > 1}


def current(reading: tuple[str, ...], entries: dict[tuple[str, ...], list[str]]) -> tuple[str, ...]:
    """The current sense's reading where ``reading`` is only a dated sense's, else ``reading``."""
    mine = entries.get(reading)
    if not mine or not all(DATED.search(s) for s in mine):
        return reading
    said = [r[:-1] for r in reading]
    for syllables, senses in entries.items():
        if [r[:-1] for r in syllables] != said and any(not DATED.search(s) for s in senses):
            return syllables
    return reading


def right(guess: str | None, gold: str) -> bool:
    return guess is not None and (guess == gold or (gold.endswith("5") and guess[:-1] == gold[:-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each labelled item")
    args = parser.parse_args()
    table = engine.word_table()
    senses = {w: rs for w, rs in cedict_senses().items() if w in table}
    alternatives = sum("|" in v for v in table.values())
    changed = [
        w
        for w, rs in senses.items()
        if current(tuple(numbered(s.split("|")[0]) for s in table[w].split()), rs)
        != tuple(numbered(s.split("|")[0]) for s in table[w].split())
    ]
    print(
        f"table words: {len(table)}; with alternatives (g2pM picks): {alternatives}; "
        f"CC-CEDICT lists several readings: {len(senses)}; the current sense would change: {len(changed)} {changed}"
    )
    half_a, half_b = news_halves(tp.news_items())
    sets = (("CPP dev", tp.cpp_items(tp.SHARED / "cpp-dev" / "dev")), ("news A", half_a), ("news B", half_b))
    for name, items in sets:
        got = engine.readings_for_lines([s for s, _, _ in items])
        alt: Counter = Counter()
        sen: Counter = Counter()
        for (sentence, index, gold), readings in zip(items, got):
            text, pos = _clause_at(sentence, index)
            clause = engine._read_words(text)
            said = readings[index]
            if pos in clause.options:
                opts = [numbered(x) for x in clause.options[pos]]
                alt["n"] += 1
                alt["g2pM"] += right(numbered(said) if said else None, gold)
                alt["first"] += right(opts[0], gold)
                alt["second"] += right(opts[1], gold)
                if args.show:
                    print(
                        f"  {name} alternatives {text[max(0, pos - 8) : pos]}【{text[pos]}】{text[pos + 1 : pos + 6]} "
                        f"{gold} {opts} engine {said}"
                    )
                continue
            start = 0
            for piece in clause.pieces:
                if start <= pos < start + len(piece):
                    break
                start += len(piece)
            entries = senses.get(piece)
            if not entries or len({r[pos - start] for r in entries}) < 2:
                continue
            k = pos - start
            ours = tuple(numbered(s.split("|")[0]) for s in table[piece].split())
            order = list(entries)
            guesses = {
                "pypinyin (shipped)": ours[k],
                "CEDICT first": order[0][k],
                "CEDICT last": order[-1][k],
                "current sense": current(ours, entries)[k],
            }
            sen["n"] += 1
            for key, guess in guesses.items():
                sen[key] += right(guess, gold)
            if args.show:
                print(
                    f"  {name} senses {piece} {text[max(0, pos - 8) : pos]}【{text[pos]}】{text[pos + 1 : pos + 6]} "
                    f"{gold} " + " ".join(f"{k}={v}" for k, v in guesses.items())
                )
        print(f"{name}: alternatives {dict(alt)}; senses {dict(sen)}")


if __name__ == "__main__":
    main()
