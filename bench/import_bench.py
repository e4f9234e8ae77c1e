"""Time importing the 20 dev pages into a fresh library (goal: at most 2 s).

    .venv/bin/python bench/import_bench.py [FOLDER] [--repeat N]

Each run imports the folder into a new database file in a temporary folder, the way
``python main.py import FOLDER --db FILE`` does, and prints the time of the whole import
(read, parse, write in one transaction) and, separately, of reading and parsing alone,
so a slower figure shows whether the parser or the library moved.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 2.0


def _reads(path: Path) -> tuple[list[float], dict[str, list[float]]]:
    """Times of reading every page back and of a few searches, in milliseconds."""
    from models.library.service import Library

    library = Library.open(path)
    page_ms = []
    for issue in library.issues():
        for page in library.pages(issue.id):
            start = time.perf_counter()
            library.page(page.id)
            page_ms.append((time.perf_counter() - start) * 1000)
    search_ms: dict[str, list[float]] = {}
    for query in ("的", "春耕", "重要农产品"):
        for _ in range(5):
            start = time.perf_counter()
            library.search(query)
            search_ms.setdefault(query, []).append((time.perf_counter() - start) * 1000)
    library.close()
    return page_ms, search_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "data" / "pages-dev"))
    parser.add_argument("--repeat", type=int, default=3, help="fresh imports to time (default 3)")
    args = parser.parse_args()

    from models.library.service import Library
    from models.page_file import read_page_file
    from models.parser import parse_page

    folder = Path(args.folder)
    files = sorted(folder.glob("*.txt"))
    if not files:
        print(f"no *.txt pages in {folder}", file=sys.stderr)
        return 2
    chars = sum(len(read_page_file(f).raw) for f in files)

    parse_times = []
    import_times = []
    write_times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for f in files:
            parse_page(read_page_file(f).raw)
        parse_times.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            library = Library.open(Path(tmp) / "library.sqlite3")
            parsed_at: list[float] = []

            def progress(done: int, total: int, name: str, mark: list[float] = parsed_at) -> None:
                if done == total:  # every file read and parsed; the transaction starts now
                    mark.append(time.perf_counter())

            report = library.import_paths([folder], progress)
            library.close()
            end = time.perf_counter()
            import_times.append(end - start)
            write_times.append(end - parsed_at[-1])
            size = (Path(tmp) / "library.sqlite3").stat().st_size
            page_ms, search_ms = _reads(Path(tmp) / "library.sqlite3")
        assert report.pages_added == len(files), report

    best, median = min(import_times), statistics.median(import_times)
    print(f"pages: {len(files)} files, {chars} characters, from {folder}")
    print(f"read + parse only: median {statistics.median(parse_times):.3f} s, best {min(parse_times):.3f} s")
    print(
        f"library write only (one transaction, after parsing): median {statistics.median(write_times):.3f} s, "
        f"best {min(write_times):.3f} s"
    )
    print(f"library file after import: {size / 1024:.0f} KiB")
    print(
        f"open a page from the library (raw + sections + maps): median {statistics.median(page_ms):.1f} ms, worst {max(page_ms):.1f} ms"
    )
    for query, times in search_ms.items():
        print(f"library search {query!r} ({len(query)} chars): median {statistics.median(times):.1f} ms")
    verdict = "ok" if median <= GOAL_SECONDS else "OVER GOAL"
    print(
        f"import {len(files)} pages into a fresh library: median {median:.3f} s, best {best:.3f} s "
        f"over {args.repeat} runs (goal <= {GOAL_SECONDS:.0f} s: {verdict})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
