"""Proofreading speed: one keystroke's correction, its undo, a paragraph split, a series correction.

Each figure is printed beside its goal. A keystroke is committed (WAL, synchronous=FULL) before
the column shows it, so it must stay well under a typist's pace (goal: median at most 100 ms
on a 5,000-character page with a highlight every 50 characters). Uses the sample page and, if
present, ../shared/data/pages-dev (measurement only).

Run: .venv/bin/python bench/proofreading_bench.py
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.annotations.service import Annotations  # noqa: E402
from models.library.service import Library  # noqa: E402


def _ms(seconds: list[float]) -> tuple[float, float]:
    return statistics.median(seconds) * 1000, max(seconds) * 1000


def main() -> None:
    dev = sorted((ROOT.parent / "shared" / "data" / "pages-dev").glob("*.txt"))
    pages = [p.read_text(encoding="utf-8") for p in dev[:20]] or [
        (ROOT / "resources" / "sample-page.txt").read_text(encoding="utf-8")
    ]
    with tempfile.TemporaryDirectory() as folder:
        issue = Path(folder) / "issue"
        issue.mkdir()
        for n, text in enumerate(pages):
            (issue / f"page-{n:03d}.txt").write_text(text, encoding="utf-8")
        library = Library.open(Path(folder) / "library.sqlite3")
        library.import_paths([issue])
        annotations = Annotations(library)
        page_ids = [p.id for p in library.pages(library.issues()[0].id)]
        page_id = max(page_ids, key=lambda p: len(library.page(p).raw))
        page = annotations.open_page(page_id)
        category = annotations.categories()[0].id
        for s, text in enumerate(page.texts):
            for k in range(0, len(text) - 5, 50):
                annotations.create(page, s, k, k + 3, category)
        chars = sum(len(t) for t in page.texts)
        highlights = len(annotations.page_highlights(page_id))
        rng = random.Random(8)
        typed, undone, cpu = [], [], []
        for _ in range(30):
            texts = library.layout(page_id).texts()
            s = rng.choice([i for i, t in enumerate(texts) if t])
            k = rng.randrange(len(texts[s]))
            t0, c0 = time.perf_counter(), time.process_time()
            library.correct(page_id, s, k, k + 1, "字")
            typed.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        for _ in range(10):
            t0 = time.perf_counter()
            library.undo()
            undone.append(time.perf_counter() - t0)
        texts = library.layout(page_id).texts()
        s = max(range(len(texts)), key=lambda i: len(texts[i]))
        t0 = time.perf_counter()
        library.split_paragraph(page_id, s, len(texts[s]) - 5)
        split = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = library.correct_all("的", "的")
        dry = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = library.correct_all("发展", "發展")
        series = time.perf_counter() - t0
        library.close()
    med, worst = _ms(typed)
    print(f"page: {chars} characters, {highlights} highlights; library: {len(pages)} pages")
    print(f"correct one character   median {med:6.1f} ms  max {worst:6.1f} ms  (goal: median <= 100 ms)")
    med, worst = _ms(cpu)
    print(
        f"  of which CPU time     median {med:6.1f} ms  max {worst:6.1f} ms  (the rest: waiting for the disk, other processes)"
    )
    med, worst = _ms(undone)
    print(f"undo a correction       median {med:6.1f} ms  max {worst:6.1f} ms  (goal: median <= 100 ms)")
    print(f"split a paragraph       {split * 1000:6.1f} ms  (re-parse + structure edits; goal <= 300 ms)")
    print(f"find a series (的), {len(pages)} pages {dry * 1000:6.1f} ms  (goal <= 2,000 ms)")
    print(
        f"correct a series        {series * 1000:6.1f} ms  for {result.occurrences} occurrences on "
        f"{len(result.page_ids)} pages (goal <= 5,000 ms)"
    )


if __name__ == "__main__":
    main()
