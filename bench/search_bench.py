"""Library search at scale (issue 11): a library of N pages (default 5,000, 12-page issues),
each query's first 100 hits in process (goal: at most 30 ms, median), and the ``search``
CLI for 的 against a long query at the same --limit (goal: 的 costs no more).

Pages are made from the dev pages' sections, drawn at random and laid out afresh (so pages
and hit counts vary): each page's raw text is its sections' raw text one after another,
with their source maps moved along. Rows go in through the library's own write path
(sections, paragraphs, search index) in one transaction, without re-parsing every page.

Run: .venv/bin/python bench/search_bench.py [--pages N] [--db FILE] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.library import search_index  # noqa: E402
from models.library import sections as stored  # noqa: E402
from models.library.schema import Issue, Page  # noqa: E402
from models.library.service import Library  # noqa: E402
from models.parser import parse_page  # noqa: E402
from models.section import HEAD_FIELDS, ParsedPage, Section  # noqa: E402
from models.text import MappedText  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
GOAL_MS = 30.0
PAGES_PER_ISSUE = 12
#: A long query that the dev pages hold (so it has hits), of common characters.
LONG_QUERY = "在做好疫情防控工作的同时"
QUERIES = ("的", "发展", "熊猫", "囧", "疫情防控", LONG_QUERY)


def _pool() -> tuple[list[tuple[str, Section]], list[int]]:
    """Every section of the dev pages with the raw text it was parsed from, and the pages' lengths."""
    pool = []
    lengths = []
    for folder in ("pages-dev", "pages-dev-column", "pages-dev-engine"):
        for path in sorted((DATA / folder).glob("*.txt")):
            raw = path.read_text(encoding="utf-8")
            lengths.append(len(raw))
            for section in parse_page(raw).sections:
                pool.append((raw, section))
    return pool, lengths


def _moved(text: MappedText | None, shift: int) -> MappedText | None:
    if text is None:
        return None
    return MappedText(text.text, [offset + shift for offset in text.source])


def _page(rng: random.Random, pool: list[tuple[str, Section]], lengths: list[int]) -> ParsedPage:
    """Sections drawn from the pool, each with its own raw text, until the page is as long as a dev page."""
    parts: list[str] = []
    sections = []
    length = 0
    target = rng.choice(lengths)
    while length < target:
        raw, section = rng.choice(pool)
        span = [o for t in section.all_texts() for o in t.source]
        if not span:
            continue
        low, high = min(span), max(span) + 1
        shift = length - low
        moved = Section(kind=section.kind, paragraphs=[_moved(p, shift) for p in section.paragraphs])
        for name in ("kicker", "heading", "subheading", "byline"):
            setattr(moved, name, _moved(getattr(section, name), shift))
        sections.append(moved)
        parts.append(raw[low:high] + "\n\n")
        length += high - low + 2
    return ParsedPage(raw="".join(parts), sections=sections)


def _insert_sections(conn, page_id: int, rows: list[stored.StoredSection]) -> None:
    """What models.library.sections.insert writes, in plain SQL (peewee's SQL building would be
    most of the build time)."""
    for ordinal, row in enumerate(rows):
        heads = [value for name in HEAD_FIELDS for value in (row.heads[name] or (None, None))]
        cursor = conn.execute(
            'INSERT INTO "section" ("page_id", "ordinal", "kind", "kicker", "kicker_map", "heading",'
            ' "heading_map", "subheading", "subheading_map", "byline", "byline_map")'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (page_id, ordinal, row.kind, *heads),
        )
        conn.executemany(
            'INSERT INTO "paragraph" ("section_id", "ordinal", "text", "source_map", "raw_start", "raw_end")'
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(cursor.lastrowid, p_ordinal, *paragraph) for p_ordinal, paragraph in enumerate(row.paragraphs)],
        )


def build(path: Path, pages: int, seed: int = 1) -> float:
    """Fill a new library with ``pages`` pages; return the seconds it took."""
    rng = random.Random(seed)
    pool, lengths = _pool()
    t0 = time.perf_counter()
    with Library.open(path) as library:
        db = library.database
        with db.atomic():
            conn = db.connection()
            issue_id = 0
            for number in range(pages):
                if number % PAGES_PER_ISSUE == 0:
                    day = number // PAGES_PER_ISSUE
                    issue_id = Issue.create(
                        paper="人民日报",
                        date=f"2020-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}",
                        title=f"bench {day}",
                    ).id
                parsed = _page(rng, pool, lengths)
                page_id = Page.insert(
                    issue=issue_id,
                    number=number % PAGES_PER_ISSUE + 1,
                    name=f"page {number % PAGES_PER_ISSUE + 1}",
                    position=number % PAGES_PER_ISSUE,
                    raw_text=parsed.raw,
                    sha256=f"bench-{number}",
                ).execute()
                _insert_sections(conn, page_id, stored.to_rows(parsed))
                entries = search_index.section_entries(parsed.sections)
                search_index.add_page(conn, issue_id, page_id, parsed.raw, entries)
                if number % 500 == 499:
                    print(f"  built {number + 1} pages, {time.perf_counter() - t0:.0f} s", flush=True)
    return time.perf_counter() - t0


def _median_ms(library: Library, query: str, raw: bool, runs: int = 15) -> tuple[float, float, int]:
    """Median wall and CPU milliseconds of the first 100 hits, and how many there were."""
    library.search(query, limit=100, raw=raw)  # warm (page cache, folding table)
    walls, cpus = [], []
    hits = 0
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        hits = len(library.search(query, limit=100, raw=raw))
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    return statistics.median(walls), statistics.median(cpus), hits


def _cli_ms(db: Path, queries: tuple[str, str], limit: int, runs: int = 11) -> tuple[float, float]:
    """Median wall milliseconds of ``main.py search`` for two queries, run in turn (so load drifts alike)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for query, out in zip(queries, times):
            command = [
                sys.executable,
                str(ROOT / "main.py"),
                "search",
                query,
                "--db",
                str(db),
                "--limit",
                str(limit),
            ]
            t0 = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--db", type=Path, help="library file to build (or reuse, if it exists)")
    parser.add_argument("--keep", action="store_true", help="keep the library file")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dubao-search-bench-"))
    db = args.db or folder / "library.sqlite3"
    if not db.exists():
        print(f"building {args.pages} pages in {db} ...", flush=True)
        seconds = build(db, args.pages)
        print(f"built in {seconds:.1f} s ({seconds / args.pages * 1000:.1f} ms/page, rows written directly)")
    size = sum(f.stat().st_size for f in db.parent.glob(db.name + "*"))
    with Library.open(db) as library:
        pages = library.database.execute_sql("SELECT count(*) FROM page").fetchone()[0]
        chars = library.database.execute_sql("SELECT sum(length(raw_text)) FROM page").fetchone()[0]
        print(f"library: {pages} pages, {chars / 1e6:.1f} M raw characters, {size / 1e6:.0f} MB on disk")
        print(
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall time; CPU time beside it)"
        )
        print(f"{'query':14s} {'text':8s} {'hits':>5s} {'median':>9s} {'(cpu)':>10s}  goal")
        for query in QUERIES:
            for raw in (False, True):
                ms, cpu, hits = _median_ms(library, query, raw)
                ok = "ok" if ms <= GOAL_MS else "OVER"
                label = query if len(query) <= 6 else query[:5] + "…"
                label += " " * max(0, 14 - 2 * len(label))
                print(
                    f"{label} {'raw' if raw else 'current':8s} {hits:5d} {ms:6.1f} ms ({cpu:5.1f} ms)"
                    f"  <= {GOAL_MS:.0f} ms {ok}"
                )
        tracemalloc.start()
        library.search("的", limit=100)
        small = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        library.search("的", limit=100, offset=20_000)
        deep = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"memory: 的 first 100 hits peak {small / 1e6:.2f} MB; hits 20,000–20,100 peak {deep / 1e6:.2f} MB "
            "(goal: bounded, not growing with the hits passed)"
        )
    for limit in (10, 100):
        common, long = _cli_ms(db, ("的", LONG_QUERY), limit)
        verdict = "ok" if common <= long * 1.05 else "OVER"
        print(
            f"CLI --limit {limit:5d}: 的 {common:6.0f} ms, long query {long:6.0f} ms, "
            f"ratio {common / long:.2f} (goal <= 1.00, 5% noise allowed) {verdict}"
        )
    if not args.keep and args.db is None:
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
