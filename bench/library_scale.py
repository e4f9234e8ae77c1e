"""A year of a daily (issue 11): every scale figure at 5,000 pages with 100,000 highlights, beside its goal.

    .venv/bin/python bench/library_scale.py [--pages 5000] [--highlights 100000] [--import-pages 1200]
                                            [--cache DIR] [--only NAME ...]

The library: ``--pages`` pages in 12-page issues, each page 2–8 gold articles of the dev
pages laid out again (``bench/scale_pages.py``, ``tools/relayout.py``: widths, blank lines,
headlines before/after, engine style), so pages and hit counts vary; imported through the
library's own import, then ``--highlights`` highlights added in bulk (``bench/exchange_bench.py``).
Page files and the built library are kept in ``--cache`` (default: the temporary folder's
``dubao-bench-cache``), so a rerun starts at once; a quick run: ``--pages 500 --highlights 10000
--import-pages 240``.

Figures (goal beside each; medians; the machine's load average is printed, as the machine
may be shared):

- import: ``main.py import`` of ``--import-pages`` other pages into a new library, wall ms a
  page (search index included) and the largest process's peak RSS (goal ≤ 25 ms/page);
- search: each query's first 100 hits in process (goal ≤ 30 ms), memory, and the ``search``
  CLI for 的 against a long query at the same ``--limit`` (``bench/search_bench.py``'s code);
- library panel: filling it from the library (goal ≤ 50 ms), and start to a usable window —
  the page painted and the panel filled — against a bare Qt window (goal ≤ 2×);
- W3C: ``bench/exchange_bench.py`` for 10,000 (its own library) and export of every
  highlight of this library (goals: import 10k ≤ 3 s, export 10k ≤ 1 s, 100k ≤ 8 s, ≤ 300 MB);
- reading: the lines of ``bench/annotation_bench.py`` (a page with 1,000 highlights
  painted, goal ≤ 100 ms) and ``bench/popup_bench.py`` (page pinyin, memory).
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

LIBRARY_SEED = 1
IMPORT_SEED = 2  # other pages than the library's
IMPORT_GOAL_MS = 25.0
PANEL_GOAL_MS = 50.0
START_GOAL_RATIO = 2.0
SEARCH_GOAL_MS = 30.0
FIGURES = ("import", "search", "panel", "startup", "exchange", "reading")


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _run(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, the largest process's peak RSS (MB) and stdout of one command in a fresh process."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, text=True)\n"
        "w = time.perf_counter() - t\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(r.returncode, w, u.ru_maxrss / 1024, u.ru_utime + u.ru_stime)\n"
        "sys.stdout.write(r.stdout)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    first, _, rest = done.stdout.partition("\n")
    status, wall, rss, cpu = first.split()
    if status != "0":
        raise SystemExit(f"{' '.join(args)} failed (exit {status}): {done.stderr.strip()[-400:]}")
    _run.cpu = float(cpu)  # type: ignore[attr-defined]  # CPU seconds of the process and its workers
    return float(wall), float(rss), rest


# --- the library ------------------------------------------------------------------------------------


def build_library(cache: Path, pages: int, highlights: int) -> Path:
    """The cached library of ``pages`` pages and ``highlights`` highlights, built if not there."""
    from scale_pages import write_issues

    db = cache / f"library-{pages}p-{highlights}h.sqlite3"
    if db.exists():
        return brought_to_this_parser(db)
    folder = cache / f"pages-{pages}-seed{LIBRARY_SEED}"
    print(f"writing {pages} page files to {folder} …", flush=True)
    issues = write_issues(folder, pages, LIBRARY_SEED)
    partial = db.with_name(db.name + ".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    print(f"importing them into {partial.name} …", flush=True)
    wall, rss, _ = _run(
        [sys.executable, str(ROOT / "main.py"), "import", *map(str, issues), "--db", str(partial)]
    )
    print(
        f"  built by import: {wall:.1f} s, {wall / pages * 1000:.1f} ms/page, peak {rss:.0f} MB", flush=True
    )
    if highlights:
        from exchange_bench import _fill

        from models.annotations.service import Annotations
        from models.library.service import Library

        started = time.perf_counter()
        library = Library.open(partial)
        _fill(Annotations(library), highlights)
        library.close()
        print(f"  {highlights:,} highlights in {time.perf_counter() - started:.1f} s", flush=True)
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.rename(db)
    return db


def stale_pages(db: Path) -> int:
    """How many of the library's pages an older parser stored (the reader parses those again as
    they are opened, and a session's memory and time would count that)."""
    from models.library.service import parser_version

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT count(*) FROM page WHERE parser_version != ?", (parser_version(),)
        ).fetchone()[0]
    finally:
        conn.close()


def brought_to_this_parser(db: Path) -> Path:
    """The cached library with every page as this parser reads it (Library ▸ Re-parse)."""
    stale = stale_pages(db)
    if stale:
        print(f"re-parsing the {stale:,} pages an older parser stored in {db.name} …", flush=True)
        wall, rss, _ = _run(
            [sys.executable, str(ROOT / "main.py"), "library", "reparse", "--quiet", "--db", str(db)]
        )
        print(f"  re-parsed in {wall:.0f} s, peak {rss:.0f} MB", flush=True)
    return db


def describe(db: Path) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    pages, chars = conn.execute("SELECT count(*), sum(length(raw_text)) FROM page").fetchone()
    issues = conn.execute("SELECT count(*) FROM issue").fetchone()[0]
    highlights = conn.execute("SELECT count(*) FROM highlight").fetchone()[0]
    conn.close()
    size = db.stat().st_size
    print(
        f"library: {pages:,} pages in {issues:,} issues, {chars / 1e6:.1f} M raw characters, "
        f"{highlights:,} highlights, {size / 1e6:.0f} MB ({db})"
    )


# --- figures ----------------------------------------------------------------------------------------


def figure_import(cache: Path, pages: int, main_py: Path = ROOT / "main.py", label: str = "") -> None:
    """``main_py import`` of other pages into a new library (``main_py``: this checkout's, or another's)."""
    from scale_pages import write_issues

    issues = write_issues(cache / f"pages-{pages}-seed{IMPORT_SEED}", pages, IMPORT_SEED, date(2021, 1, 1))
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        db = Path(tmp) / "library.sqlite3"
        wall, rss, _ = _run([sys.executable, str(main_py), "import", *map(str, issues), "--db", str(db)])
        size = sum(f.stat().st_size for f in Path(tmp).iterdir())
    ms = wall / pages * 1000
    cpu = _run.cpu / pages * 1000  # type: ignore[attr-defined]
    print(
        f"import {pages:,} pages{label} (main.py import, index included): {wall:.1f} s = {ms:.1f} ms/page "
        f"(CPU of all its processes {cpu:.1f} ms/page), largest process peak {rss:.0f} MB, "
        f"{size / 1e6:.0f} MB written  goal ≤ {IMPORT_GOAL_MS:g} ms/page: {_verdict(ms <= IMPORT_GOAL_MS)}  "
        f"({_load()})",
        flush=True,
    )


def figure_search(db: Path) -> None:
    import tracemalloc

    from search_bench import LONG_QUERY, QUERIES, _cli_ms, _median_ms

    from models.library.service import Library

    with Library.open(db) as library:
        print(f"search, first 100 hits in process (median of 15; {_load()}):")
        for query in QUERIES:
            for raw in (False, True):
                ms, cpu, hits = _median_ms(library, query, raw)
                label = query if len(query) <= 6 else query[:5] + "…"
                print(
                    f"  {label}{' ' * max(0, 12 - 2 * len(label))} {'raw' if raw else 'current':8s} {hits:4d} hits "
                    f"{ms:6.1f} ms (cpu {cpu:5.1f})  goal ≤ {SEARCH_GOAL_MS:g} ms: {_verdict(ms <= SEARCH_GOAL_MS)}",
                    flush=True,
                )
        tracemalloc.start()
        library.search("的", limit=100, offset=20_000)
        deep = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  的, hits 20,000–20,100: peak {deep / 1e6:.2f} MB of Python memory (goal: bounded)")
    for limit in (10, 100):
        common, long = _cli_ms(db, ("的", LONG_QUERY), limit, runs=7)
        print(
            f"  search CLI --limit {limit}: 的 {common:.0f} ms, long query {long:.0f} ms, ratio {common / long:.2f} "
            f"(goal ≤ 1, 5% noise allowed): {_verdict(common <= long * 1.05)}",
            flush=True,
        )


def figure_panel(db: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from models.library.service import Library
    from ui.library.library_panel import LibraryPanel

    app = QApplication.instance() or QApplication([])
    panel = LibraryPanel()
    panel.resize(320, 900)
    panel.show()
    with Library.open(db) as library:
        times, cpus = [], []
        for _ in range(9):
            started, cpu = time.perf_counter(), time.process_time()
            panel.fill(library)
            app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        issues = panel.tree.topLevelItemCount()
        started = time.perf_counter()
        panel.tree.expandItem(panel.tree.topLevelItem(issues // 2))
        app.processEvents()
        expand = (time.perf_counter() - started) * 1000
        started, cpu = time.perf_counter(), time.process_time()
        panel.set_issues(library.issues(), library.pages)  # no progress given: every issue's pages read
        panel.tree.expandAll()  # as the panel was filled before issue 11
        app.processEvents()
        eager = ((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
    panel.close()
    ms = statistics.median(times)
    print(
        f"library panel filled ({issues} issues): median {ms:.1f} ms (CPU {statistics.median(cpus):.1f} ms), "
        f"max {max(times):.1f} ms  "
        f"goal ≤ {PANEL_GOAL_MS:g} ms: {_verdict(ms <= PANEL_GOAL_MS)}; an issue expanded: {expand:.1f} ms  "
        f"({_load()})\n  the same tree filled whole and expanded, as before issue 11: {eager[0]:.0f} ms "
        f"(CPU {eager[1]:.0f} ms)",
        flush=True,
    )


def figure_startup(db: Path, repeat: int = 5) -> None:
    """Start to a usable window (page painted, library panel filled) against a bare Qt window's
    first paint, alternated run by run: this library with the last page read one of its pages,
    the same after another program wrote the library since the window last closed (a copy of
    it, written before each run), and an empty library.

    Each library has its own settings and app-data folders, as a reader of one library has: one
    app-data folder holds the view kept for one library file, so two libraries alternated in one
    folder would each find the other's view and always start as after a write (this figure's
    2.37× of 07 Dec 09:15 was that case)."""
    from startup_bench import BARE, _copy_library, _env, _last_page_settings, _write_since

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        probe = tmp / "probe.txt"
        env = _env(tmp)
        probe_env = {"DUBAO_STARTUP_PROBE": str(probe), "DUBAO_STARTUP_PROBE_LIBRARY": "1"}

        def case_env(name: str) -> dict[str, str]:
            found = dict(
                env, XDG_CONFIG_HOME=str(tmp / name / "config"), XDG_DATA_HOME=str(tmp / name / "data")
            )
            return dict(found, **probe_env)

        big_env, written_env, empty_env = case_env("big"), case_env("written"), case_env("empty")
        # The library written since the last exit: a copy of it (the writes leave the big case's
        # kept view valid), written by another program before each run.
        copy = tmp / "written.sqlite3"
        _copy_library(db, copy)
        _last_page_settings(tmp / "big" / "config", db)
        _last_page_settings(tmp / "written" / "config", copy)
        bare_cmd = [sys.executable, "-c", BARE, str(probe)]
        big_cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
        written_cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(copy)]
        empty_cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(tmp / "empty.sqlite3")]

        def timed(cmd: list[str], environment: dict[str, str]) -> list[float]:
            probe.unlink(missing_ok=True)
            start = time.time()
            subprocess.run(cmd, cwd=ROOT, env=environment, check=True, timeout=300, capture_output=True)
            return [float(x) - start for x in probe.read_text().split("\n")[0].split()]

        timed(bare_cmd, env)  # bytecode cached, and each library's view kept
        for cmd, environment in ((big_cmd, big_env), (written_cmd, written_env), (empty_cmd, empty_env)):
            timed(cmd, environment)
        bare, usable, painted, written, empty = [], [], [], [], []
        for _ in range(repeat):
            bare.append(timed(bare_cmd, env)[0])
            marks = timed(big_cmd, big_env)
            painted.append(marks[1])
            usable.append(marks[2])  # then the capabilities built after it (marks[3])
            _write_since(copy)  # as the command line or another program does: the file's stamp differs
            written.append(timed(written_cmd, written_env)[2])
            empty.append(timed(empty_cmd, empty_env)[2])
    b, p, u, w, e = (statistics.median(x) for x in (bare, painted, usable, written, empty))
    print(
        f"start-up (median of {repeat}, alternated): bare Qt window {b:.2f} s; Dubao, the last page read a page "
        f"of this library: page painted {p:.2f} s, usable (page painted, library panel filled) {u:.2f} s = "
        f"{u / b:.2f}× bare  goal ≤ {START_GOAL_RATIO:g}×: {_verdict(u / b <= START_GOAL_RATIO)}; the same "
        f"with the library written since the last exit {w:.2f} s = {w / b:.2f}×; an empty library "
        f"{e:.2f} s = {e / b:.2f}× bare  ({_load()})",
        flush=True,
    )


def figure_exchange(db: Path) -> None:
    wall, rss, out = _run([sys.executable, str(BENCH / "exchange_bench.py"), "--sizes", "10000"])
    for line in out.splitlines():
        if "w3c" in line or "again" in line:
            print("  " + line.strip() + "  (exchange_bench.py: 40 dev pages)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        out_file = Path(tmp) / "export.json"
        wall, rss, _ = _run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "export",
                "--format",
                "w3c",
                "--db",
                str(db),
                "-o",
                str(out_file),
            ]
        )
        size = out_file.stat().st_size
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    count = conn.execute("SELECT count(*) FROM highlight").fetchone()[0]
    conn.close()
    goal = 1.0 if count <= 10_000 else 8.0
    print(
        f"  export w3c, {count:,} highlights of this library: {wall:.2f} s, peak {rss:.0f} MB, "
        f"{size / 1e6:.0f} MB written  goal ≤ {goal:g} s: {_verdict(wall <= goal)}; "
        f"≤ 300 MB: {_verdict(rss <= 300)}",
        flush=True,
    )


#: Other engineers' benches whose figures issue 11 names, and the words of the lines to show.
READING_BENCHES = (
    ("annotation_bench.py", [], ("open page, highlights painted",)),
    ("popup_bench.py", ["--hovers", "200"], ("page pinyin", "memory:")),
    ("reading_bench.py", [], ("goal",)),  # the paint/memory work's own bench, once merged
)


def figure_reading() -> None:
    for script, options, words in READING_BENCHES:
        if not (BENCH / script).exists():
            continue
        try:
            _, _, out = _run([sys.executable, str(BENCH / script), *options])
        except (SystemExit, subprocess.CalledProcessError) as exc:
            print(f"  {script}: failed ({exc})")
            continue
        for line in out.splitlines():
            if any(word in line for word in words):
                print(f"  {line.strip()}  ({script})", flush=True)
    print(
        "  goals (issue 11): a page with 1,000 highlights painted ≤ 100 ms; page pinyin ≤ 60 ms; session ≤ 350 MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--highlights", type=int, default=100_000)
    parser.add_argument("--import-pages", type=int, default=1200)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "dubao-bench-cache")
    parser.add_argument("--only", nargs="*", choices=FIGURES, default=list(FIGURES))
    parser.add_argument("--rebuild", action="store_true", help="build the cached library again")
    parser.add_argument(
        "--compare-import",
        type=Path,
        metavar="MAIN_PY",
        help="also time the import with another checkout's main.py",
    )
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.rebuild:
        for old in args.cache.glob(f"library-{args.pages}p-{args.highlights}h.sqlite3*"):
            old.unlink()
    cpu = platform.processor() or platform.machine()
    print(
        f"{date.today()}, {platform.node()}: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}; {_load()}",
        flush=True,
    )
    needs_library = set(args.only) - {"import", "reading"}
    db = build_library(args.cache, args.pages, args.highlights) if needs_library else Path()
    if needs_library:
        describe(db)
    if "import" in args.only:
        if args.compare_import:
            figure_import(args.cache, args.import_pages, args.compare_import, f" with {args.compare_import}")
        figure_import(args.cache, args.import_pages)
    if "search" in args.only:
        figure_search(db)
    if "panel" in args.only:
        figure_panel(db)
    if "startup" in args.only:
        figure_startup(db)
    if "exchange" in args.only:
        print(f"W3C exchange ({_load()}):", flush=True)
        figure_exchange(db)
    if "reading" in args.only:
        print(f"reading (other engineers' benches; {_load()}):", flush=True)
        figure_reading()
    print(f"done; {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
