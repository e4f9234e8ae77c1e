"""Time the annotation exchange at scale: export (W3C, CSV, Markdown) of 10,000 and 100,000
highlights, and W3C import of 10,000.

    .venv/bin/python bench/exchange_bench.py [--sizes 10000 100000] [--import-size 10000]
        [--formats w3c csv md] [--repeat 3] [--against ../main-copy]

Builds a library from the dev pages (../shared/data/pages-dev*/) with N highlights inserted
in bulk (tags on a third, notes on a fifth), then runs the CLI in a subprocess —
``main.py export --format F`` and ``main.py import-annotations`` into a second library
holding the same pages — and prints wall time (start-up included), CPU time (user + system:
steadier than wall time on a shared machine) and the child's peak RSS beside the goals of
issue 11: import of 10,000 ≤ 3 s; export of 10,000 ≤ 1 s, of 100,000 ≤ 8 s with ≤ 300 MB peak
("CSV and Markdown likewise"; the goals are wall times). Each figure is the median of
``--repeat`` runs, printed with the 1-minute load average seen over its runs (the machine is
shared). Every command is started once before timing so that it runs from cached bytecode,
as an installed copy does (the cache is kept in the temporary folder: PYTHONDONTWRITEBYTECODE
would have every run compile the modules again; ``--cold`` keeps the environment as it is).

``--against DIR`` runs the same commands from another checkout (e.g. main, unpacked with
``git archive main | tar -x -C DIR``) on the same libraries and files, alternated with this
one run by run, and prints both figures side by side. The import always reads the file this
checkout exported, and each import run starts from a fresh copy of the second library.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
FORMATS = ("w3c", "csv", "md")
EXTENSIONS = {"w3c": "json", "csv": "csv", "md": "md"}


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


_TIMER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "w = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(r.returncode, w, u.ru_maxrss / 1024, u.ru_utime + u.ru_stime)\n"
)


class Checkout:
    """A copy of Dubao whose ``main.py`` the bench runs (this one, or ``--against``'s)."""

    def __init__(self, root: Path, name: str, env: dict[str, str]) -> None:
        self.root = root
        self.name = name
        self.env = dict(env, PYTHONPATH=str(root))

    def run(self, args: list[str]) -> tuple[float, float, float]:
        """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of one CLI run in a fresh process."""
        out = subprocess.run(
            [sys.executable, "-c", _TIMER, sys.executable, str(self.root / "main.py"), *args],
            capture_output=True,
            text=True,
            check=True,
            env=self.env,
        ).stdout.split()
        if out[0] != "0":
            raise SystemExit(f"{self.name}: main.py {' '.join(args)} failed (exit {out[0]})")
        return float(out[1]), float(out[2]), float(out[3])


class Figure:
    """The runs of one figure for each checkout, and the load averages seen during them."""

    def __init__(self, name: str, goal_s: float | None, goal_mb: float | None = None) -> None:
        self.name, self.goal_s, self.goal_mb = name, goal_s, goal_mb
        self.runs: dict[str, list[tuple[float, float, float]]] = {}
        self.loads: list[float] = []

    def add(self, checkout: Checkout, result: tuple[float, float, float]) -> None:
        self.runs.setdefault(checkout.name, []).append(result)
        self.loads.append(os.getloadavg()[0])

    def print(self) -> None:
        parts = []
        for name, runs in self.runs.items():
            seconds = statistics.median(r[0] for r in runs)
            rss = statistics.median(r[1] for r in runs)
            cpu = statistics.median(r[2] for r in runs)
            verdict = []
            if self.goal_s is not None:
                verdict.append(
                    f"goal ≤ {self.goal_s:g} s: " + ("met" if seconds <= self.goal_s else "MISSED")
                )
            if self.goal_mb is not None:
                verdict.append(f"≤ {self.goal_mb:g} MB: " + ("met" if rss <= self.goal_mb else "MISSED"))
            spread = "/".join(f"{r[0]:.2f}" for r in runs)
            parts.append(
                f"{name}: {seconds:6.2f} s ({spread}) CPU {cpu:.2f} s peak {rss:4.0f} MB "
                + "; ".join(verdict)
            )
        load = f"load {min(self.loads):.1f}–{max(self.loads):.1f}"
        print(f"{self.name:<32} " + " | ".join(parts) + f"  [{load}]", flush=True)


def _measure(figure: Figure, checkouts: list[Checkout], repeat: int, run) -> None:
    for _ in range(repeat):
        for checkout in checkouts:  # alternated: a busy moment hurts both alike
            figure.add(checkout, run(checkout))
    figure.print()


def _env(tmp: Path, cold: bool) -> dict[str, str]:
    env = dict(os.environ)
    if not cold:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--import-size", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=40, help="dev pages in the library")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the median is printed)")
    parser.add_argument("--against", type=Path, metavar="DIR", help="another checkout to time alongside")
    parser.add_argument("--cold", action="store_true", help="leave PYTHONDONTWRITEBYTECODE as it is")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = _env(folder, args.cold)
        checkouts = [Checkout(ROOT, "this", env)]
        if args.against is not None:
            checkouts.append(Checkout(args.against.resolve(), args.against.name, env))
        pages = _pages(folder, args.pages)
        print(
            f"library: {args.pages} dev pages; highlights in bulk; CLI in a subprocess; "
            f"median of {args.repeat}" + (", alternated" if len(checkouts) > 1 else ""),
            flush=True,
        )
        exported: dict[int, Path] = {}
        for size in sorted(set(args.sizes) | {args.import_size}):
            db = folder / f"lib-{size}.sqlite3"
            annotations = _library(db, pages)
            t = time.perf_counter()
            _fill(annotations, size)
            annotations.library.close()
            print(f"  (built {size:,} highlights in {time.perf_counter() - t:.1f} s)", flush=True)
            formats = list(args.formats) if size in args.sizes else []
            if size == args.import_size and "w3c" not in formats:
                formats.append("w3c")  # the file the import reads (untimed when not asked for)
            for fmt in formats:
                out = folder / f"export-{size}.{EXTENSIONS[fmt]}"
                command = ["export", "--format", fmt, "--db", str(db), "-o", str(out)]
                for checkout in checkouts:
                    checkout.run(command)  # the bytecode cache, and the file the import reads
                if fmt == "w3c":
                    exported[size] = folder / f"import-{size}.json"
                    shutil.copyfile(out, exported[size])
                if size in args.sizes and fmt in args.formats:
                    goal = 1.0 if size <= 10_000 else 8.0
                    figure = Figure(f"export {fmt}, {size:,} highlights", goal, 300.0)
                    _measure(figure, checkouts, args.repeat, lambda c, command=command: c.run(command))
        empty = folder / "second.sqlite3"
        _library(empty, pages).library.close()
        source = exported[args.import_size]
        first = Figure(f"import w3c, {args.import_size:,} highlights", 3.0)
        again = Figure("  again (all merged)", None)
        for checkout in checkouts:  # the bytecode cache of the import's own modules
            shutil.copyfile(empty, folder / "warm.sqlite3")
            checkout.run(["import-annotations", str(source), "--db", str(folder / "warm.sqlite3")])
        for _ in range(args.repeat):
            for checkout in checkouts:
                target = folder / f"second-{checkout.name}.sqlite3"
                shutil.copyfile(empty, target)
                command = ["import-annotations", str(source), "--db", str(target)]
                first.add(checkout, checkout.run(command))
                again.add(checkout, checkout.run(command))
        first.print()
        again.print()


if __name__ == "__main__":
    main()
