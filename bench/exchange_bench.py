"""Time the W3C exchange at scale: export of 10,000 and 100,000 highlights, import of 10,000.

    .venv/bin/python bench/exchange_bench.py [--sizes 10000 100000] [--import-size 10000]

Builds a library from the dev pages (../shared/data/pages-dev*/) with N highlights inserted
in bulk (tags on a third, notes on a fifth), then runs the CLI in a subprocess —
``main.py export --format w3c`` and ``main.py import-annotations`` into a second library
holding the same pages — and prints wall time and the child's peak RSS beside the goals of
issue 11: import of 10,000 ≤ 3 s; export of 10,000 ≤ 1 s, of 100,000 ≤ 8 s with ≤ 300 MB peak.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"


def _pages(folder: Path, count: int) -> list[Path]:
    texts = sorted(p for d in sorted(DATA.glob("pages-dev*")) for p in d.glob("*.txt"))[:count]
    issue = folder / "issue"
    issue.mkdir()
    out = []
    for n, src in enumerate(texts):
        dst = issue / f"page-{n:03d}.txt"
        dst.write_bytes(src.read_bytes())
        out.append(dst)
    return [issue]


def _library(path: Path, pages: list[Path]):
    from models.annotations.service import Annotations
    from models.library.service import Library

    library = Library.open(path)
    library.import_paths(pages)
    return Annotations(library)


def _fill(annotations, count: int) -> None:
    """``count`` highlights spread over every page, inserted in bulk (one transaction)."""
    from models.anchoring import make_anchor
    from models.annotations.placing import anchor_columns
    from models.library.schema import Highlight, HighlightTag, Note, Tag, utc_now

    library = annotations.library
    pages = [annotations.open_page(p.id) for i in library.issues() for p in library.pages(i.id)]
    cats = [c.id for c in annotations.categories()]
    rng = random.Random(11)
    now = utc_now()
    db = library._db
    with db.atomic():
        tag_ids = [Tag.create(name=f"标签{n}").id for n in range(30)]
        rows, tags, notes = [], [], []
        for n in range(count):
            page = pages[n % len(pages)]
            section = rng.randrange(len(page.texts))
            text = page.texts[section]
            if len(text) < 8:
                section = max(range(len(page.texts)), key=lambda i: len(page.texts[i]))
                text = page.texts[section]
            start = rng.randrange(len(text) - 6)
            anchor = make_anchor(text, start, start + rng.randint(2, 6))
            row = {"uuid": str(uuid.uuid4()), "page": page.page_id, "category": cats[n % len(cats)]}
            row.update(anchor_columns(page.section_ids[section], anchor))
            row.update(created=now, updated=now, deleted=False, anchor_state="anchored")
            rows.append(row)
        for i in range(0, len(rows), 2000):
            Highlight.insert_many(rows[i : i + 2000]).execute()
        ids = [h for (h,) in Highlight.select(Highlight.id).order_by(Highlight.id).tuples()]
        for n, hid in enumerate(ids):
            if n % 3 == 0:
                tags.append({"highlight": hid, "tag": tag_ids[n % len(tag_ids)]})
            if n % 5 == 0:
                notes.append(
                    {"highlight": hid, "text": f"笔记 {n}：值得再读。", "created": now, "updated": now}
                )
        for i in range(0, len(tags), 2000):
            HighlightTag.insert_many(tags[i : i + 2000]).execute()
        for i in range(0, len(notes), 2000):
            Note.insert_many(notes[i : i + 2000]).execute()


def _run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one CLI run in a fresh process."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "w = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(r.returncode, w, rss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if out[0] != "0":
        raise SystemExit(f"main.py {' '.join(args)} failed (exit {out[0]})")
    return float(out[1]), float(out[2])


def _line(name: str, seconds: float, goal_s: float | None, rss: float, goal_mb: float | None = None) -> None:
    verdict = []
    if goal_s is not None:
        verdict.append(f"goal ≤ {goal_s:g} s: " + ("met" if seconds <= goal_s else "MISSED"))
    if goal_mb is not None:
        verdict.append(f"goal ≤ {goal_mb:g} MB: " + ("met" if rss <= goal_mb else "MISSED"))
    print(f"{name:<36} {seconds:7.2f} s  peak {rss:6.0f} MB  " + "; ".join(verdict), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--import-size", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=40, help="dev pages in the library")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pages = _pages(folder, args.pages)
        print(f"library: {args.pages} dev pages; highlights in bulk; CLI in a subprocess", flush=True)
        exported: dict[int, Path] = {}
        for size in sorted(set(args.sizes) | {args.import_size}):
            db = folder / f"lib-{size}.sqlite3"
            annotations = _library(db, pages)
            t = time.perf_counter()
            _fill(annotations, size)
            annotations.library.close()
            print(f"  (built {size:,} highlights in {time.perf_counter() - t:.1f} s)", flush=True)
            out = folder / f"export-{size}.json"
            seconds, rss = _run(["export", "--format", "w3c", "--db", str(db), "-o", str(out)])
            exported[size] = out
            if size in args.sizes:
                goal = 1.0 if size <= 10_000 else 8.0
                _line(f"export w3c, {size:,} highlights", seconds, goal, rss, 300.0)
        second = folder / "second.sqlite3"
        _library(second, pages).library.close()
        seconds, rss = _run(["import-annotations", str(exported[args.import_size]), "--db", str(second)])
        _line(f"import w3c, {args.import_size:,} highlights", seconds, 3.0, rss)
        seconds, rss = _run(["import-annotations", str(exported[args.import_size]), "--db", str(second)])
        _line("  again (all merged)", seconds, None, rss)


if __name__ == "__main__":
    main()
