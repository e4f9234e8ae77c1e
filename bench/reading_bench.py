"""Reading at scale (issue 11): a page with 1,000 highlights painted, and a reading session's memory.

    .venv/bin/python bench/reading_bench.py [paint|session|all] [--highlights N] [--pages N]
        [--viewed N] [--profile] [--tracemalloc]

``paint``: the bundled sample page in an offscreen window with N highlights (default 1,000);
the time from asking for the page to the window repainted with every highlight painted
(goal ≤ 100 ms), as wall time and as this process's CPU time (the machine is shared: the CPU
time is the steadier figure). ``--profile`` prints cProfile's top functions of that path.

``session``: a library of ``--pages`` pages (default 1,200; the dev pages re-laid out into
12-page issues, every page's text different) is built in a child process; a fresh process
then opens the window on it, turns the language layer and pinyin above characters on, views
``--viewed`` pages (default 40) one after another, each until its words are read and it is
painted, and prints the peak RSS (goal ≤ 350 MB) and the RSS after the session.
``--tracemalloc`` prints what holds the Python memory at the end (slow). ``session --db FILE``
measures a copy of a library built before instead (the 5,000-page library of
``bench/library_scale.py``: ``--db /tmp/dubao-bench-cache/library-5000p-100000h.sqlite3``).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotation_bench import scatter_highlights  # noqa: E402 - the page with many highlights, made alike

SAMPLE = ROOT / "resources" / "sample-page.txt"
DEV_PAGES = ROOT.parent / "shared" / "data" / "pages-dev"
PAINT_GOAL_MS = 100.0
SESSION_GOAL_MB = 350.0


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _rss_parts() -> str:
    """Resident memory split: anonymous (heaps) and file-backed (fonts, libraries mapped)."""
    parts = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("RssAnon:", "RssFile:")):
                parts[line.split(":")[0]] = int(line.split()[1]) / 1024
    return f"anon {parts.get('RssAnon', 0):.0f} + file {parts.get('RssFile', 0):.0f} MB"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _verdict(value: float, goal: float, unit: str) -> str:
    return f"goal ≤ {goal:g} {unit}: " + ("met" if value <= goal else "MISSED")


def _window(folder: Path, db: Path):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = Settings(QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, db=str(db))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    window.open_library()
    return app, window


# --- a page with many highlights -------------------------------------------------------------------
def bench_paint(count: int, repeat: int, profile: bool) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "issue").mkdir()
        (folder / "issue" / "page.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
        app, window = _window(folder, folder / "library.sqlite3")
        window.library.import_paths([folder / "issue"])
        page_id = window.library.pages(window.library.issues()[0].id)[0].id
        window.open_library_page(page_id)
        session = window.annotation_session
        scatter_highlights(session, count)

        def open_and_paint() -> None:
            window.open_library_page(page_id)
            app.processEvents()
            window.repaint()
            # The app's event loop deletes the columns of the page left; processEvents alone does not.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        open_and_paint()
        painted = sum(len(p._painted) for p in session.painters)
        wall, cpu = [], []
        for _ in range(repeat):
            w0, c0 = time.perf_counter(), time.process_time()
            open_and_paint()
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        load = os.getloadavg()[0]
        print(
            f"page with {count} highlights ({painted} painted stretches, "
            f"{len(window.page_view.columns)} columns), offscreen, load {load:.1f}:"
        )
        for name, ms in (("wall", wall), ("CPU", cpu)):
            median = statistics.median(ms)
            print(
                f"  open + paint, {name:<4} median {median:7.1f} ms  min {min(ms):7.1f} ms  (n={repeat})  "
                + _verdict(median, PAINT_GOAL_MS, "ms")
            )
        if profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
            profiler.enable()
            for _ in range(5):
                open_and_paint()
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        window.close()
        window.library.close()


# --- a reading session -----------------------------------------------------------------------------
def build_library(db: Path, pages: int, per_page: int = 20) -> None:
    """Import ``pages`` pages in 12-page issues (the dev pages with their paragraphs shuffled), then
    give each page ``per_page`` highlights (20 a page: 100,000 in a 5,000-page library)."""
    import uuid
    from datetime import datetime

    from models.annotations.service import Annotations
    from models.annotations.texts import section_hashes, section_text
    from models.library.service import Library

    sources = sorted(DEV_PAGES.glob("*.txt")) or [SAMPLE]
    texts = [p.read_text(encoding="utf-8") for p in sources]
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp, Library.open(db) as library:
        made = 0
        issue = 0
        while made < pages:
            folder = Path(tmp) / f"2024-01-{issue % 28 + 1:02d}-{issue:04d}"
            folder.mkdir()
            for n in range(min(12, pages - made)):
                blocks = texts[(made + n) % len(texts)].split("\n\n")
                head, body = blocks[:2], blocks[2:]
                rng.shuffle(body)  # same kinds of text, a different page every time
                (folder / f"page-{n + 1:02d}.txt").write_text("\n\n".join(head + body), encoding="utf-8")
            library.import_paths([folder])
            made += min(12, pages - made)
            issue += 1
        cats = [c.id for c in Annotations(library).categories()]
        when = datetime(2026, 1, 1)
        rows = []
        for info in (p for i in library.issues() for p in library.pages(i.id)):
            content = library.page(info.id)
            shown = [section_text(s) for s in content.current_sections]
            hashes = section_hashes(shown)
            for _ in range(per_page):
                k = rng.randrange(len(shown))
                text = shown[k]
                if len(text) < 4:
                    continue
                start = rng.randrange(len(text) - 3)
                end = start + rng.randint(2, 6)
                rows.append(
                    (str(uuid.uuid4()), info.id, content.section_ids[k], start, end, text[start:end],
                     text[max(0, start - 32):start], text[end:end + 32], hashes[k], rng.choice(cats),
                     when, when, 0, "anchored")
                )  # fmt: skip
        with library.database.atomic():
            library.database.connection().executemany(
                'INSERT INTO highlight (uuid, page_id, section_id, start, "end", exact, prefix, suffix, '
                "text_hash, category_id, created, updated, deleted, anchor_state) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )


def measure_session(db: Path, viewed: int, trace: bool) -> None:
    """The session runs inside the application's event loop (``app.exec``), as in the app: Qt
    deletes the columns of a page left (``deleteLater``) only from an event loop."""
    from PySide6.QtCore import QTimer

    with tempfile.TemporaryDirectory() as tmp:
        app, window = _window(Path(tmp), db)
        figures: dict[str, float] = {"base": _rss_mb()}
        ids = [p.id for i in window.library.issues() for p in window.library.pages(i.id)]
        step = max(1, len(ids) // viewed)
        snapshots: list = []
        curve: list[str] = []

        def session():
            window.language.set_ruby(True)  # starts the language layer's load too
            while window.language.dictionary is None:
                yield
            figures["loaded"] = _rss_mb()
            figures["loaded_parts"] = _rss_parts()
            if trace:  # from here on: what the pages viewed leave behind, not the language tables
                import tracemalloc

                tracemalloc.start(12)
            figures["t0"] = time.perf_counter()
            for n, page_id in enumerate(ids[::step][:viewed]):
                if trace and n == 5:
                    snapshots.append(tracemalloc.take_snapshot())
                window.open_library_page(page_id)
                while not window.language.ready:
                    yield
                window.repaint()
                yield
                if n == 0 or (n + 1) % 10 == 0:
                    curve.append(f"{n + 1}: {_rss_mb():.0f}")
                if n == 0:
                    figures["one"] = _rss_parts()
            figures["took"] = time.perf_counter() - figures["t0"]
            for _ in range(5):
                yield  # the last page's left-overs deleted
            figures["after"] = _rss_mb()
            if trace:
                snapshots.append(tracemalloc.take_snapshot())

        steps = session()
        timer = QTimer()
        timer.setInterval(2)

        def advance() -> None:
            try:
                next(steps)
            except StopIteration:
                timer.stop()
                app.quit()

        timer.timeout.connect(advance)
        timer.start()
        app.exec()
        peak = _peak_mb()
        import sqlite3

        with sqlite3.connect(db) as counting:
            highlights = counting.execute("SELECT id FROM highlight").fetchall()
        print(
            f"reading session: {len(ids)}-page library with {len(highlights)} highlights, language layer on, "
            "pinyin above characters, the annotations panel shown"
        )
        print(f"  RSS: window open {figures['base']:.0f} MB, language loaded {figures['loaded']:.0f} MB, "
              f"after {viewed} pages viewed {figures['after']:.0f} MB ({figures['took']:.1f} s)")  # fmt: skip
        print(
            f"  RSS after pages viewed (MB): {', '.join(curve)}; widgets alive at the end: {len(app.allWidgets())}"
        )
        print(f"  language loaded: {figures['loaded_parts']}; one page viewed: {figures['one']}; "
              f"the end: {_rss_parts()}")  # fmt: skip
        print(f"  peak RSS {peak:.0f} MB  " + _verdict(peak, SESSION_GOAL_MB, "MB"))
        if trace:
            first, last = snapshots
            print(f"  Python memory grown from page 5 to page {viewed}, by place (top 15):")
            for stat in last.compare_to(first, "traceback")[:15]:
                print(f"    {stat.size_diff / 2**20:+7.1f} MB {stat.count_diff:+9d}")
                for frame in stat.traceback.format()[-8:]:
                    print("        " + frame)
        window.close()
        window.library.close()


def bench_session(pages: int, viewed: int, trace: bool, library: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.sqlite3"
        t0 = time.perf_counter()
        if library is not None:
            # A library built before (e.g. library_scale.py's 5,000 pages): a copy, so it stays as it was.
            import shutil

            shutil.copyfile(library, db)
            print(f"(a copy of {library})")
            from library_scale import stale_pages

            if stale := stale_pages(db):
                print(
                    f"NOTE: an older parser stored {stale:,} of its pages: each viewed is parsed again as it "
                    "opens, and the session's figures count that (library_scale.py brings its library up to date)"
                )
        else:
            # Built in a child process, so the import's own memory is not counted in the session's.
            subprocess.run(
                [sys.executable, __file__, "_build", "--db", str(db), "--pages", str(pages)], check=True
            )
            print(f"(library of {pages} pages built in {time.perf_counter() - t0:.0f} s)")
        cmd = [sys.executable, __file__, "_session", "--db", str(db), "--viewed", str(viewed)]
        subprocess.run(cmd + (["--tracemalloc"] if trace else []), check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what", nargs="?", default="all", choices=["all", "paint", "session", "_build", "_session"]
    )
    parser.add_argument("--highlights", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--pages", type=int, default=1200)
    parser.add_argument("--viewed", type=int, default=40)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args()
    run: dict[str, Callable[[], None]] = {
        "paint": lambda: bench_paint(args.highlights, args.repeat, args.profile),
        "session": lambda: bench_session(args.pages, args.viewed, args.tracemalloc, args.db),
        "_build": lambda: build_library(args.db, args.pages),
        "_session": lambda: measure_session(args.db, args.viewed, args.tracemalloc),
    }
    for name in ("paint", "session") if args.what == "all" else (args.what,):
        run[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
