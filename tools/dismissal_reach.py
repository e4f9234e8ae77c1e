"""How far one dismissal reaches: simulated editors on news-dev (measuring only, not shipped).

An editor proofreads one half of ``../shared/data/ocr-errors/news-dev.jsonl`` (odd or even
rows) and dismisses every flag there that is on no error; the library then knows those
dismissals as the window and ``check --db`` read them (``Library.learnt_knowledge``: the flagged
text, whatever the suggestion; a punctuation or space flag's text with the classes of the
characters around it, ``checker_knowledge.surroundings`` on the line checked: what
``Library.dismiss_flag`` stores with the row since schema v8, read from the block the window
shows, so the simulation keys a dismissal as the library does; rows written before v8 have no
classes and are keyed by their text alone, the ``--wide`` figures). Printed for the half proofread and
the other one: the errors the checker catches and the false flags it raises, without and with
the dismissals; with ``--wide``, also with every dismissal keyed by its text alone (as before
2026-12-08, ux14's third round), and the texts whose dismissal cost a catch.

    PYTHONPATH=. .venv/bin/python tools/dismissal_reach.py [--wide] [ROWS]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from models.proofreading.checker import Checker
from models.proofreading.checker_knowledge import KEYED_BY_SURROUNDINGS, LibraryKnowledge, surroundings

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ocr-errors" / "news-dev.jsonl"


def score(checker: Checker, rows: list[dict]) -> tuple[int, int, int, Counter[tuple], Counter[str]]:
    """Errors caught, false flags, errors in all, the false flags' keys ((text, before, after)
    for punctuation and space, else (text,)), and the texts of the errors caught."""
    caught = false = 0
    keys: Counter[tuple] = Counter()
    hits: Counter[str] = Counter()
    for row in rows:
        errors = [(start, end) for start, end, _right in row["errors"]]
        for flag in checker.check(row["text"]):
            text = row["text"][flag.start : flag.end]
            if any(flag.start < end and start < flag.end for start, end in errors):
                caught += 1
                hits[text] += 1
            elif text:
                false += 1
                if flag.kind in KEYED_BY_SURROUNDINGS:
                    keys[(text, *surroundings(row["text"], flag.start, flag.end))] += 1
                else:
                    keys[(text,)] += 1
    return caught, false, sum(len(row["errors"]) for row in rows), keys, hits


def taught(keys: Counter[tuple], wide: bool) -> Checker:
    dismissed: Counter[tuple[str, None]] = Counter()
    around: Counter[tuple[str, str, str]] = Counter()
    for key, times in keys.items():
        if wide or len(key) == 1:
            dismissed[(key[0], None)] += times
        else:
            around[key] += times  # type: ignore[index]
    return Checker(knowledge=LibraryKnowledge(dismissed=dict(dismissed), dismissed_around=dict(around)))


def main(argv: list[str]) -> int:
    wide = "--wide" in argv
    argv = [a for a in argv if a != "--wide"]
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    if argv:
        rows = rows[: int(argv[0])]
    base = Checker()
    for fold in (0, 1):
        started = time.process_time()
        proofread = [row for i, row in enumerate(rows) if i % 2 == fold]
        other = [row for i, row in enumerate(rows) if i % 2 != fold]
        keys = score(base, proofread)[3]
        ways = [("by surroundings", taught(keys, False))] + (
            [("by text alone", taught(keys, True))] if wide else []
        )
        for name, part in (("proofread", proofread), ("held-out", other)):
            before = score(base, part)
            for way, checker in ways:
                after = score(checker, part)
                lost = {t: n - after[4][t] for t, n in before[4].items() if after[4][t] < n}
                print(
                    f"half {fold} {name}, {way}: {before[2]} errors; caught {before[0]} -> {after[0]}; "
                    f"false flags {before[1]} -> {after[1]}; catches lost {lost}"
                )
        print(
            f"  {len(keys)} keys dismissed: {sorted(keys)}; {time.process_time() - started:.0f} s CPU",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
