"""A team library on PostgreSQL against a library file: import time, and two writers at once.

    .venv/bin/python bench/server_bench.py [--url postgresql://…] [--highlights 1000] [--repeat 2]

- Import of 100 pages (../shared's pages-dev, pages-dev-column and pages-dev-engine: three
  issues) into a new library file and into a new server library (a fresh schema each run);
  goal: the server at most 2× the file.
- Two processes making ``--highlights`` highlights each on one page of the server library at
  once; goal: all 2 × N present, none duplicated (each carries a note naming its writer and number).

The URL defaults to $DUBAO_TEST_PG_URL (.ci/postgres.sh starts a throwaway server:
``source .ci/postgres.sh && pg_test_start``).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

IMPORT_GOAL = 2.0
SETS = ("pages-dev", "pages-dev-column", "pages-dev-engine")


def _fresh_schema(base: str) -> str:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


def _pages(folder: Path, wanted: int) -> list[Path]:
    """Up to ``wanted`` pages copied into one folder per set (each an issue)."""
    folders, count = [], 0
    for name in SETS:
        source = ROOT.parent / "shared" / "data" / name
        target = folder / name
        target.mkdir(parents=True)
        for page in sorted(source.glob("*.txt")):
            if count == wanted:
                break
            shutil.copy(page, target / page.name)
            count += 1
        folders.append(target)
    return folders


def _import_seconds(target: str, folders: list[Path]) -> tuple[float, int]:
    from models.library.service import Library

    library = Library.open(target)
    try:
        start = time.perf_counter()
        report = library.import_paths(folders)
        return time.perf_counter() - start, report.pages_added
    finally:
        library.close()


def _writer(url: str, page_id: int, name: str, count: int, ready, go) -> None:  # noqa: ANN001
    from models.annotations.service import Annotations
    from models.library.service import Library

    annotations = Annotations(Library.open(url))
    page = annotations.open_page(page_id)
    category = annotations.categories()[0].id
    sections = [i for i, text in enumerate(page.texts) if len(text) > 4]
    ready.set()
    go.wait()
    for number in range(count):
        section = sections[number % len(sections)]
        length = len(page.texts[section])
        start = (number * 7) % (length - 2)
        annotations.create(page, section, start, start + 2, category, note=f"{name}-{number}")
    annotations.library.close()


def concurrent_highlights(base: str, count: int) -> tuple[int, int, int, float]:
    """Two processes making ``count`` highlights each at once: (rows, distinct notes, distinct uuids, seconds)."""
    from models.annotations.service import Annotations
    from models.library.service import Library

    url = _fresh_schema(base)
    with tempfile.TemporaryDirectory() as folder:
        issue = Path(folder) / "issue"
        issue.mkdir()
        shutil.copy(ROOT / "resources" / "sample-page.txt", issue / "sample.txt")
        library = Library.open(url)
        page_id = library.import_paths([issue]).page_ids[0]
        Annotations(library)  # the default categories, made once before the writers start
        library.close()
    context = multiprocessing.get_context("spawn")
    go = context.Event()
    ready = [context.Event(), context.Event()]
    writers = [
        context.Process(target=_writer, args=(url, page_id, name, count, ready[i], go))
        for i, name in enumerate(("first", "second"))
    ]
    for writer in writers:
        writer.start()
    for event in ready:
        event.wait(120)
    start = time.perf_counter()
    go.set()
    for writer in writers:
        writer.join()
    seconds = time.perf_counter() - start
    if any(w.exitcode != 0 for w in writers):
        raise SystemExit("a writer failed")
    with Library.open(url) as library:
        rows = library.database.execute_sql(
            "SELECT count(*), count(DISTINCT n.text), count(DISTINCT h.uuid) FROM highlight h "
            "JOIN note n ON n.highlight_id = h.id"
        ).fetchone()
    return int(rows[0]), int(rows[1]), int(rows[2]), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("DUBAO_TEST_PG_URL"), help="a PostgreSQL database")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=2, help="imports to time on each engine (0: skip)")
    parser.add_argument(
        "--highlights", type=int, default=1000, help="highlights each of the two writers makes"
    )
    args = parser.parse_args()
    if not args.url:
        print("give --url postgresql://… or set DUBAO_TEST_PG_URL", file=sys.stderr)
        return 2

    ratio = 0.0
    file_times, server_times = [], []
    with tempfile.TemporaryDirectory() as folder:
        folders = _pages(Path(folder) / "pages", args.pages)
        for run in range(args.repeat):
            seconds, added = _import_seconds(str(Path(folder) / f"library-{run}.sqlite3"), folders)
            file_times.append(seconds)
            seconds, added_server = _import_seconds(_fresh_schema(args.url), folders)
            server_times.append(seconds)
            assert added == added_server, (added, added_server)
    if file_times:
        file_s, server_s = statistics.median(file_times), statistics.median(server_times)
        ratio = server_s / file_s
        print(f"import {added} pages: file {file_s:.2f} s, server {server_s:.2f} s (median of {args.repeat})")
        print(
            f"  server / file: {ratio:.2f}x   goal <= {IMPORT_GOAL:.0f}x   {'ok' if ratio <= IMPORT_GOAL else 'MISSED'}"
        )

    rows, notes, uuids, seconds = concurrent_highlights(args.url, args.highlights)
    wanted = 2 * args.highlights
    good = rows == notes == uuids == wanted
    print(
        f"two writers x {args.highlights} highlights at once: {rows} rows, {notes} distinct notes, "
        f"{uuids} distinct uuids in {seconds:.1f} s   goal: {wanted}, none duplicated   {'ok' if good else 'MISSED'}"
    )
    return 0 if good and ratio <= IMPORT_GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
