"""Import speed beside issue 11's goal, and where an imported page's CPU goes.

    .venv/bin/python bench/import_scale_bench.py [--pages 240] [--sample 40] [--compare OTHER/main.py]

1. ``main.py import`` of ``--pages`` pages (12-page issues of the dev pages' articles laid out
   again, the pages ``library_scale.py --import-pages`` imports; kept in the temporary folder's
   ``dubao-bench-cache``) into a new library file: wall ms a page beside the goal (≤ 25 ms a
   page on 2 cores, search index included), and the CPU of the process and its parsing
   workers. ``--compare`` times another checkout's ``main.py`` on the same pages in the same
   run (alternated with this one).
2. Where a page's CPU goes, in this process on ``--sample`` of those pages: reading and
   parsing (what the workers do), the rows and index tokens made beside it, and the writer
   (the library's rows, and the search index's FTS5 inserts apart).
3. The bound this gives: the CPU of a page over the cores is the best wall time an idle
   machine could give, however the work is spread.

The machine may be shared: the CPU figures are the steadier ones; the load average is printed.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GOAL_MS = 25.0
SEED = 2  # library_scale.py's IMPORT_SEED: other pages than the 5,000-page library's
CACHE = Path(tempfile.gettempdir()) / "dubao-bench-cache"

#: Runs a command; prints its wall seconds and the CPU seconds of it and its children.
_TIMED = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "w = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(r.returncode, w, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024)\n"
    "sys.stdout.write(r.stderr[-400:])\n"
)


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} on {os.cpu_count()} cores"


def _issues(pages: int) -> list[Path]:
    from scale_pages import write_issues

    return write_issues(CACHE / f"pages-{pages}-seed{SEED}", pages, SEED, date(2021, 1, 1))


def _cli_import(main_py: Path, issues: list[Path]) -> tuple[float, float, float]:
    """(wall s, CPU s of all processes, largest process MB) of ``main_py import`` into a new file."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.sqlite3"
        args = [sys.executable, str(main_py), "import", *map(str, issues), "--db", str(db)]
        done = subprocess.run(
            [sys.executable, "-c", _TIMED, *args], capture_output=True, text=True, check=True
        )
        status, wall, cpu, rss = done.stdout.split("\n", 1)[0].split()
        if status != "0":
            raise SystemExit(f"{main_py} import failed (exit {status}): {done.stdout.split(chr(10), 1)[1]}")
    return float(wall), float(cpu), float(rss)


def figure_import(pages: int, compare: Path | None, repeat: int) -> None:
    issues = _issues(pages)
    runs: dict[str, list[tuple[float, float, float]]] = {"this": []}
    mains = {"this": ROOT / "main.py"}
    if compare is not None:
        runs["other"], mains["other"] = [], compare
    for _ in range(repeat):
        for name, main_py in mains.items():
            runs[name].append(_cli_import(main_py, issues))
    print(f"import {pages} pages (main.py import, index included), median of {repeat}; {_load()}")
    for name, results in runs.items():
        wall = statistics.median(r[0] for r in results) / pages * 1000
        cpu = statistics.median(r[1] for r in results) / pages * 1000
        rss = max(r[2] for r in results)
        verdict = "met" if wall <= GOAL_MS else "MISSED"
        label = "this checkout" if name == "this" else str(compare)
        print(
            f"  {label}: wall {wall:.1f} ms/page (goal ≤ {GOAL_MS:g}: {verdict}), CPU of all its processes "
            f"{cpu:.1f} ms/page, largest process {rss:.0f} MB"
        )


def breakdown(pages: int, sample: int) -> None:
    """CPU a page in this process: parse, rows and tokens, then the writer with and without FTS5."""
    import models.library.importer as importer
    from models.library import import_pages, search_index
    from models.library import sections as stored
    from models.library.import_pages import prepare
    from models.library.service import Library
    from models.page_file import read_page_file
    from models.parser import parse_page

    issues = _issues(pages)[: max(1, round(sample / 12))]  # whole issues, as they are imported
    files = sorted(f for issue in issues for f in issue.glob("*.txt"))
    parse_page(read_page_file(files[0]).raw)  # the parser's tables load once, not per page
    clock = time.process_time
    spent = {"read + parse": 0.0, "rows + index tokens": 0.0}
    threshold = gc.get_threshold()
    # Parsed with a worker's garbage-collection threshold, as the workers parse.
    gc.set_threshold(getattr(import_pages, "WORKER_GC_THRESHOLD", threshold[0]), *threshold[1:])
    try:
        for path in files:
            start = clock()
            page = read_page_file(path)
            parsed = parse_page(page.raw)
            middle = clock()
            stored.to_rows(parsed)
            search_index.prepare_page(page.raw, search_index.section_entries(parsed.sections))
            spent["read + parse"] += middle - start
            spent["rows + index tokens"] += clock() - middle
    finally:
        gc.set_threshold(*threshold)
    prepared = {path: prepare(path, parse_page) for path in files}
    transfer_start = clock()
    for page in prepared.values():
        pickle.loads(pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
    spent["a page sent from a worker (pickled both ends)"] = clock() - transfer_start
    folders = sorted({path.parent for path in files})
    real_pool, real_add = importer.prepared_pages, search_index.add_prepared
    importer.prepared_pages = lambda wanted, _parse: (prepared[path] for path in wanted)
    try:
        for label, add in (
            ("writer: rows and FTS5 index", real_add),
            ("writer without FTS5", lambda *a: None),
        ):
            search_index.add_prepared = add
            with tempfile.TemporaryDirectory() as tmp:
                library = Library.open(Path(tmp) / "library.sqlite3")
                start = clock()
                report = library.import_paths(folders)
                spent[label] = clock() - start
                library.close()
            assert report.pages_added == len(files)
    finally:
        importer.prepared_pages, search_index.add_prepared = real_pool, real_add
    per_page = {label: seconds / len(files) * 1000 for label, seconds in spent.items()}
    print(f"where a page's CPU goes, {len(files)} of those pages in this process; {_load()}")
    for label, ms in per_page.items():
        print(f"  {label}: {ms:.1f} ms")
    fts = per_page["writer: rows and FTS5 index"] - per_page["writer without FTS5"]
    print(f"  of which the FTS5 index inserts: {fts:.1f} ms")
    total = sum(v for k, v in per_page.items() if k != "writer without FTS5")
    cores = os.cpu_count() or 1
    print(
        f"  a page's CPU in all: {total:.1f} ms, over {cores} cores at best {total / cores:.1f} ms/page wall "
        f"(goal ≤ {GOAL_MS:g}; worker start-up, about 0.4 s of CPU each, not counted)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=240)
    parser.add_argument(
        "--sample", type=int, default=40, help="pages for the CPU breakdown (whole 12-page issues)"
    )
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--compare", type=Path, help="another checkout's main.py, timed alternately")
    parser.add_argument("--only", choices=["import", "breakdown"])
    args = parser.parse_args()
    if args.only != "breakdown":
        figure_import(args.pages, args.compare, args.repeat)
    if args.only != "import":
        breakdown(args.pages, args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
