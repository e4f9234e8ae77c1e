"""Time the annotation core: opening a page with 1,000 highlights, filtering 100,000, saving one.

    .venv/bin/python bench/annotation_bench.py [--highlights N] [--library-size N]

Goals from issue 5: opening a page with 1,000 highlights ≤ 150 ms *including painting* (this
script measures the core's part: reading the page, its section texts and hashes, and the
highlight records the view paints from), filtering the panel over 100,000 highlights ≤ 50 ms,
and one highlight committed (``synchronous=FULL``) — the part of "highlight to painted" that
is the core's. Library files go to a temporary folder on the same disk as /tmp.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "sample-page.txt"


def scatter_highlights(session, count: int) -> None:
    """``count`` short highlights at seeded random places of the open page, categories in turn."""
    rng = random.Random(4)
    cats = [c.id for c in session.annotations.categories()]
    page = session.page
    for n in range(count):
        section = rng.randrange(len(page.texts))
        text = page.texts[section]
        start = rng.randrange(max(1, len(text) - 6))
        session.annotations.create(page, section, start, start + rng.randint(1, 6), cats[n % len(cats)])


def _times(action: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _line(name: str, ms: list[float], goal: float | None = None) -> None:
    median = statistics.median(ms)
    worst = max(ms)
    verdict = "" if goal is None else (f"  goal ≤ {goal:g} ms: " + ("met" if median <= goal else "MISSED"))
    print(f"{name:<58} median {median:8.2f} ms  max {worst:8.2f} ms  (n={len(ms)}){verdict}")


def _library(folder: Path):
    from models.annotations.service import Annotations
    from models.library.service import Library

    issue = folder / "issue"
    issue.mkdir()
    (issue / "page.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    library = Library.open(folder / "library.sqlite3")
    library.import_paths([issue])
    page_id = library.pages(library.issues()[0].id)[0].id
    return Annotations(library), page_id


def bench_page(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        annotations, page_id = _library(Path(tmp))
        page = annotations.open_page(page_id)
        cats = [c.id for c in annotations.categories()]
        rng = random.Random(1)
        create_ms = []
        for n in range(count):
            section = rng.randrange(len(page.texts))
            text = page.texts[section]
            start = rng.randrange(max(1, len(text) - 6))
            tags = [f"标签{rng.randrange(20)}"] if n % 3 == 0 else []
            t0 = time.perf_counter()
            annotations.create(
                page, section, start, start + rng.randint(1, 6), cats[n % len(cats)], tags=tags
            )
            create_ms.append((time.perf_counter() - t0) * 1000)
        print(f"page: the sample page ({len(page.texts)} sections), {count} highlights")
        _line("create one highlight (committed, with undo snapshot)", create_ms)
        content = annotations.library.page(page_id)
        _line(
            f"open page: load page + {count} highlights (core part)",
            _times(lambda: annotations.open_page(page_id), 30),
            150,
        )
        _line(
            f"open page: {count} highlights for an already loaded page",
            _times(lambda: annotations.open_page(page_id, content), 30),
        )
        _line("undo + redo of one highlight", _times(lambda: (annotations.undo(), annotations.redo()), 30))
        # A correction near the top of the page: every highlight of that section re-anchors once.
        raw = content.raw
        at = raw.index("示范区")
        annotations.library.add_correction(page_id, at, at, "（补）")
        t0 = time.perf_counter()
        after = annotations.open_page(page_id)
        moved = len(after.placing.moved)
        _line(
            f"open page after a correction ({moved} highlights re-anchored)",
            [(time.perf_counter() - t0) * 1000],
        )
        annotations.library.close()


def bench_filter(size: int) -> None:
    from models.annotations.finder import Filter
    from models.page_file import text_hash

    with tempfile.TemporaryDirectory() as tmp:
        annotations, page_id = _library(Path(tmp))
        page = annotations.open_page(page_id)
        db = annotations.library.database
        cats = [c.id for c in annotations.categories()]
        rng = random.Random(2)
        words = ["示范区", "金融", "许昌", "扬州", "发展", "会议", "企业", "学习"]
        base = datetime(2026, 1, 1)
        t0 = time.perf_counter()
        with db.atomic():
            tag_ids = [
                db.execute_sql("INSERT INTO tag (name, created) VALUES (?, ?)", (f"tag{i}", base)).lastrowid
                for i in range(50)
            ]
            rows, links, notes = [], [], []
            for n in range(size):
                section = rng.randrange(len(page.texts))
                text = page.texts[section]
                start = rng.randrange(max(1, len(text) - 8))
                end = start + rng.randint(1, 8)
                when = base + timedelta(minutes=n * 3)
                rows.append(
                    (str(uuid.uuid4()), page_id, page.section_ids[section], start, end, text[start:end],
                     text[max(0, start - 32):start], text[end:end + 32], text_hash(text), cats[n % len(cats)],
                     when, when, 0, "anchored")
                )  # fmt: skip
            db.connection().executemany(
                'INSERT INTO highlight (uuid, page_id, section_id, start, "end", exact, prefix, suffix, text_hash, '
                "category_id, created, updated, deleted, anchor_state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            ids = [r[0] for r in db.execute_sql("SELECT id FROM highlight ORDER BY id").fetchall()]
            for n, hid in enumerate(ids):
                if n % 4 == 0:
                    links.append((hid, tag_ids[n % 50]))
                if n % 10 == 0:
                    notes.append((hid, f"注{n} {rng.choice(words)}", base, base))
            db.connection().executemany(
                "INSERT INTO highlight_tag (highlight_id, tag_id) VALUES (?, ?)", links
            )
            db.connection().executemany(
                "INSERT INTO note (highlight_id, text, created, updated) VALUES (?, ?, ?, ?)", notes
            )
        db.execute_sql("ANALYZE")
        print(f"\nlibrary: {size} highlights on one page, 50 tags, a note on every tenth (built in "
              f"{time.perf_counter() - t0:.1f} s)")  # fmt: skip
        queries = {
            "filter: one category": Filter(category_ids=frozenset({cats[2]})),
            "filter: one tag": Filter(tag_ids=frozenset({tag_ids[8]})),
            "filter: text in quote or note (金融)": Filter(text="金融"),
            "filter: a week of dates": Filter(since=(base + timedelta(days=30)).date(), until=(base + timedelta(days=36)).date()),
            "filter: category + tag + text": Filter(category_ids=frozenset({cats[0]}), tag_ids=frozenset({tag_ids[0]}), text="发展"),
            "filter: whole library, reading order (no filter)": Filter(),
            "filter: whole library, newest first": Filter(sort="created", descending=True),
            "filter: current page, reading order": Filter(page_id=page_id),
        }  # fmt: skip
        t0 = time.perf_counter()
        index = annotations.panel_index()
        _line("panel index built (once per session)", [(time.perf_counter() - t0) * 1000])
        for sort in ("position", "created"):
            index.find(Filter(sort=sort, descending=sort == "created"))  # orderings are kept once made
        print("the panel (in-memory index, what the panel uses):")
        for name, query in queries.items():
            found = index.find(query)
            _line(f"  {name} ({len(found)} hits)", _times(lambda q=query: index.find(q), 10), 50)
        print("the same filters in SQL (finder.find_ids, used by export and tests):")
        for name, query in queries.items():
            _line(f"  {name}", _times(lambda q=query: annotations.find(q), 5))
        page = annotations.open_page(page_id)
        extra = annotations.create(page, 1, 0, 2, cats[0])
        _line("panel index after one new highlight: refresh + re-sort + filter",
              _times(lambda: (annotations.set_note(extra.id, "x" + str(time.time())), index.find(Filter())), 5))  # fmt: skip
        ids = annotations.find(Filter(category_ids=frozenset({cats[2]})))
        _line(
            "records for the first 200 rows the panel shows",
            _times(lambda: annotations.records(ids[:200]), 10),
        )
        annotations.library.close()


def bench_window(count: int) -> None:
    """The whole path in an offscreen window: page open with highlights painted, one mark painted."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.common.settings import Settings
    from ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "issue").mkdir()
        (folder / "issue" / "page.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
        settings = Settings(QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, db=str(folder / "library.sqlite3"))
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        window.open_library()
        window.library.import_paths([folder / "issue"])
        page_id = window.library.pages(window.library.issues()[0].id)[0].id
        window.open_library_page(page_id)
        session = window.annotation_session
        scatter_highlights(session, count)

        def open_and_paint() -> None:
            window.open_library_page(page_id)
            app.processEvents()
            window.repaint()

        open_and_paint()
        print(f"\nwindow (offscreen, {count} highlights on the page; includes the reader's own layout):")
        _line("open page, highlights painted, window repainted", _times(open_and_paint, 10), 150)
        _line(
            "  of which the core: open_page (records, anchors checked)",
            _times(lambda: session.annotations.open_page(page_id), 10),
        )

        column_index = max(range(len(session.page.texts)), key=lambda i: len(session.page.texts[i]))
        column = window.page_view.columns[column_index]
        spots = iter(range(0, len(session.page.texts[column_index]) - 3, 3))

        def mark_and_paint() -> None:
            start = next(spots)
            session.mark(column_index, start, start + 2, 1 + start % 6)
            column.viewport().repaint()

        _line("highlight to painted: create + commit + repaint", _times(mark_and_paint, 30), 16)
        _line("  of which the column's own repaint, nothing changed", _times(column.viewport().repaint, 30))
        _line("  of which create + commit + formats, no repaint", _times(lambda: session.mark(
            column_index, (start := next(spots)), start + 2, 1 + start % 6), 30))  # fmt: skip
        # The same open with the painters switched off: the difference is what painting costs.
        from ui.annotations.highlight_painter import HighlightPainter

        painting = HighlightPainter.paint
        HighlightPainter.paint = lambda self: None  # type: ignore[method-assign]
        try:
            _line("open page, the same, highlights not painted", _times(open_and_paint, 10))
        finally:
            HighlightPainter.paint = painting  # type: ignore[method-assign]
        window.close()
        window.library.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--highlights", type=int, default=1000, help="highlights on the opened page")
    parser.add_argument(
        "--library-size", type=int, default=100_000, help="highlights in the filtered library"
    )
    parser.add_argument("--no-window", action="store_true", help="skip the offscreen window figures")
    args = parser.parse_args()
    bench_page(args.highlights)
    bench_filter(args.library_size)
    if not args.no_window:
        bench_window(args.highlights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
