"""How far one dismissal reaches: simulated editors on news-dev (measuring only, not shipped).

An editor proofreads one half of ``../shared/data/ocr-errors/news-dev.jsonl`` (odd or even
rows) and dismisses every flag there that is on no error; the library then knows those
dismissals as the window and ``check --db`` read them (``Library.learnt_knowledge``: the flagged
text, whatever the suggestion). Printed for the half proofread and the other one: the errors the
checker catches and the false flags it raises, without and with the dismissals.

    PYTHONPATH=. .venv/bin/python tools/dismissal_reach.py [ROWS]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from models.proofreading.checker import Checker
from models.proofreading.checker_knowledge import LibraryKnowledge

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ocr-errors" / "news-dev.jsonl"


def score(checker: Checker, rows: list[dict]) -> tuple[int, int, int, Counter[str]]:
    """Errors caught, false flags, errors in all, and the texts the false flags were on."""
    caught = false = 0
    texts: Counter[str] = Counter()
    for row in rows:
        errors = [(start, end) for start, end, _right in row["errors"]]
        for flag in checker.check(row["text"]):
            if any(flag.start < end and start < flag.end for start, end in errors):
                caught += 1
            else:
                false += 1
                texts[row["text"][flag.start : flag.end]] += 1
    return caught, false, sum(len(row["errors"]) for row in rows), texts


def main(argv: list[str]) -> int:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    if argv:
        rows = rows[: int(argv[0])]
    base = Checker()
    for fold in (0, 1):
        started = time.process_time()
        proofread = [row for i, row in enumerate(rows) if i % 2 == fold]
        other = [row for i, row in enumerate(rows) if i % 2 != fold]
        texts = score(base, proofread)[3]
        taught = Checker(knowledge=LibraryKnowledge(dismissed={(t, None): n for t, n in texts.items() if t}))
        for name, part in (("proofread", proofread), ("held-out", other)):
            before, after = score(base, part), score(taught, part)
            print(
                f"half {fold} {name}: {before[2]} errors; caught {before[0]} -> {after[0]}; "
                f"false flags {before[1]} -> {after[1]}"
            )
        print(f"  {len(texts)} texts dismissed; {time.process_time() - started:.0f} s CPU", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
