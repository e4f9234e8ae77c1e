"""How long the checker's reading of a library's dismissals takes (``Library.learnt_knowledge``,
what every page opened in proofreading and every ``check --db`` start reads first), and one
dismissal (``Library.dismiss_flag``, which now reads the page's current blocks once).

A library of 20 pages of ../shared/data/pages-dev gets ROWS dismissals (default 5,000) by plain
SQL: two in three punctuation flags with their classes kept (schema v8), a third with none (rows
of earlier versions). Printed: CPU seconds, best of three, beside the figures the reviewer measured
on the same machine for 5,000 rows: 0.017 s before ux14's third round (one read of the rows, the
text alone) and 1.13 s on it (two queries a row to find the classes in the raw text).

    PYTHONPATH=. .venv/bin/python bench/dismissal_bench.py [ROWS]
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from models.library.service import Library

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pages-dev"
EARLIER = {"before the third round": 0.017, "third round (classes read per row)": 1.13}


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    folder = Path(tempfile.mkdtemp())
    issue = folder / "issue"
    issue.mkdir()
    for page in sorted(PAGES.glob("*.txt"))[:20]:
        (issue / page.name).write_bytes(page.read_bytes())
    db = folder / "library.sqlite3"
    library = Library.open(db)
    library.import_paths([issue])
    library.close()
    conn = sqlite3.connect(db, isolation_level=None)
    pages = conn.execute("SELECT id, length(raw_text) FROM page").fetchall()
    random.seed(1)
    spans: set[tuple[int, int, int, str]] = set()
    while len(spans) < rows:
        page_id, length = random.choice(pages)
        start = random.randrange(length - 1)
        spans.add((page_id, start, start + 1, random.choice(["punctuation", "punctuation", "unknown"])))
    conn.executemany(
        "INSERT INTO flag_dismissal (page_id, raw_start, raw_end, kind, text, created, class_before, class_after)"
        " VALUES (?, ?, ?, ?, '.', '2026-11-01 08:00:00', ?, ?)",
        [(*span, *(("han", "edge") if span[3] == "punctuation" else (None, None))) for span in spans],
    )
    conn.close()
    with Library.open(db) as library:
        times = []
        for _ in range(3):
            began = time.process_time()
            library.learnt_knowledge()
            times.append(time.process_time() - began)
        print(f"learnt_knowledge, {rows} rows: {min(times):.3f} s CPU (best of 3)")
        for name, seconds in EARLIER.items():
            print(f"  {name}: {seconds:.3f} s (5,000 rows, the reviewer's figure)")
        page_id = pages[0][0]
        raw = conn_raw(db, page_id)
        at = next(i for i, ch in enumerate(raw) if ch in "，。,.")
        began = time.process_time()
        library.dismiss_flag(page_id, at, at + 1, "space", raw[at])
        print(f"one dismiss_flag (reads the page's blocks): {time.process_time() - began:.3f} s CPU")


def conn_raw(db: Path, page_id: int) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT raw_text FROM page WHERE id = ?", (page_id,)).fetchone()[0]
    finally:
        conn.close()


if __name__ == "__main__":
    main()
