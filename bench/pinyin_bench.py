"""Speed and memory of the pinyin engine (goals from issues 9 and 12).

    .venv/bin/python bench/pinyin_bench.py [--sentences N] [--repeat N]

Prints:
- the whole ``python main.py pinyin`` run over N sentences (default 10,254, the size of
  CPP's test split; CPP dev sentences repeated to that count), start-up included
  (goal: at most 10 s), wall clock and the child's CPU time (the machine may be shared);
- the CLI's start-up: ``python main.py --help`` (nothing heavy loads before a command needs it;
  goal: at most 0.6 s), and ``python main.py pinyin 你好`` (start-up, every table, one line);
- the time to load jieba, the word table and the models (``warm_up``), in-process;
- pinyin for a 10,000-character page once loaded (goal: at most 60 ms), median and worst of
  the repeats, with every cache emptied before each (jieba's cuts, the words read, the page),
  and again with the caches warm from other pages (a reading session); per-word readings for
  the same page (the popup's data);
- resident memory with everything loaded (goal for the whole app incl. the dictionary:
  at most 350 MB);
- the CC-CEDICT index: build time, and the popup's lookups (entries, or sub-words when the
  word is not in the dictionary) for every word of the page, p99 (goal: at most 10 ms);
- where the page's CPU time goes, median per stage (jieba's cut, the word table, names, the
  classifier's features, sums and g2pM's answers tried, g2pM), caches emptied;
- with ``--profile``: cProfile's top functions by their own time over a few reads of the page;
- with ``--instructions``: the instructions one read of the page takes (every cache emptied
  before it), counted by valgrind's callgrind with a fixed hash seed: unlike CPU time, the count
  does not move with the machine's load, so two commits compare within a fraction of a percent
  (needs ``valgrind`` and ``callgrind_control`` on the PATH; about two minutes).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def _sentences(count: int) -> list[str]:
    cpp = SHARED / "cpp-dev" / "dev.sent"
    if cpp.exists():
        base = [s.replace("\u2581", "") for s in cpp.read_text(encoding="utf-8").splitlines() if s]
    else:  # without ../shared, the bundled sample page's lines stand in
        base = [
            s for s in (ROOT / "resources" / "sample-page.txt").read_text(encoding="utf-8").splitlines() if s
        ]
    return [base[i % len(base)] for i in range(count)]


def _page(chars: int) -> str:
    pages = sorted((SHARED / "pages-dev").glob("page-*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pages] or [
        (ROOT / "resources" / "sample-page.txt").read_text(encoding="utf-8")
    ]
    text = ""
    k = 0
    while len(text) < chars:
        text += texts[k % len(texts)]
        k += 1
    return text[:chars]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10254)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions for the page")
    parser.add_argument("--page-only", action="store_true", help="skip the CLI runs and the dictionary")
    parser.add_argument(
        "--instructions", action="store_true", help="only count the instructions of a page's read (callgrind)"
    )
    parser.add_argument("--instructions-child", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.instructions_child:
        _instructions_child(Path(args.instructions_child))
        return
    if args.instructions:
        _instructions()
        return
    if not args.page_only:
        _cli(args)
    _page_figures(args)


def _cli(args: argparse.Namespace) -> None:
    lines = _sentences(args.sentences)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    before = os.times()
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "pinyin"], input=data, capture_output=True, cwd=ROOT
    )
    cli = time.perf_counter() - start
    after = os.times()
    child_cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    printed = out.stdout.count(b"\n")
    print(
        f"cli: {len(lines)} sentences in {cli:.2f} s, CPU {child_cpu:.2f} s (goal <= 10 s), "
        f"exit {out.returncode}, {printed} lines out (load average {os.getloadavg()[0]:.1f})"
    )
    for argv, goal in (
        (["--help"], "goal <= 0.6 s"),
        (["pinyin", "你好"], "start-up + every table + one line"),
    ):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, cwd=ROOT)
            runs.append(time.perf_counter() - start)
        print(f"cli start-up, main.py {' '.join(argv)}: best of 3 {min(runs):.2f} s ({goal})")


def _page_figures(args: argparse.Namespace) -> None:
    from models.language import readings_for, warm_up, words_with_readings

    rss_before = _rss_mb()
    start = time.perf_counter()
    warm_up()
    print(f"warm_up: {time.perf_counter() - start:.2f} s (jieba + word table + model)")

    page = _page(10_000)
    readings_for(page)  # first call also loads what warm_up leaves lazy
    from models.language.readings import clear_caches

    for label, warm in (("every cache emptied", False), ("caches warm from other pages", True)):
        times, cpu = [], []
        for k in range(args.repeat):
            clear_caches()  # a fresh read, not the cache of the last pages
            if warm:
                readings_for(_page(30_000 + 10_000 * k)[10_000:])  # other text read before
            start, start_cpu = time.perf_counter(), time.process_time()
            readings_for(page)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        print(
            f"page of {len(page)} chars, {label}: median {statistics.median(times):.1f} ms, "
            f"worst {max(times):.1f} ms (goal <= 60 ms); CPU time median {statistics.median(cpu):.1f} ms "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
    times = []
    for _ in range(args.repeat):
        clear_caches()
        start = time.perf_counter()
        words_with_readings(page)
        times.append((time.perf_counter() - start) * 1000)
    print(f"words with readings, same page: median {statistics.median(times):.1f} ms")
    start = time.perf_counter()
    words_with_readings(page)
    print(f"words with readings again (page cached): {(time.perf_counter() - start) * 1000:.1f} ms")
    print(
        f"memory: {_rss_mb():.0f} MB resident with jieba + pinyin engine loaded (python alone {rss_before:.0f} MB)"
    )
    _stages(page, args.repeat)
    if args.profile:
        _profile(page)
    if not args.page_only:
        _dictionary(page)


#: Where a page's time goes: (module, function, label), timed wherever they are called from.
#: A stage called inside another counts in both (names inside the features, the cut inside the table's reading).
_STAGES = (
    ("models.language.segmenter", "dictionary_cut", "jieba's cut"),
    ("models.language.readings", "_read_clauses", "the word table's reading (jieba's cut included)"),
    ("models.language.segmenter", "names", "names (inside the features)"),
    ("models.language.polyphone_features", "ClauseView.features", "the classifier's features"),
    ("models.language.polyphone_classifier", "Classifier.sums", "the classifier's sums"),
    ("models.language.polyphone_step", "_settle", "g2pM's answers tried"),
    ("models.language.polyphone_model", "PolyphoneModel.choose", "g2pM"),
    ("models.language.polyphone_step", "decide", "the model step (rules, classifier, g2pM)"),
)


def _stages(page: str, repeat: int) -> None:
    """Median CPU time per stage over ``repeat`` reads of the page, every cache emptied."""
    import importlib

    from models.language import readings_for
    from models.language.readings import clear_caches

    spent: dict[str, float] = dict.fromkeys((label for _, _, label in _STAGES), 0.0)
    undo = []
    for module_name, name, label in _STAGES:
        owner = importlib.import_module(module_name)
        *path, attr = name.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, attr)

        def timed(*a, _f=original, _label=label, **k):
            start = time.process_time()
            try:
                return _f(*a, **k)
            finally:
                spent[_label] += time.process_time() - start

        setattr(owner, attr, timed)
        undo.append((owner, attr, original))
    totals = []
    per_read: dict[str, list[float]] = {label: [] for label in spent}
    try:
        for _ in range(repeat):
            clear_caches()
            for label in spent:
                spent[label] = 0.0
            start = time.process_time()
            readings_for(page)
            totals.append((time.process_time() - start) * 1000)
            for label, seconds in spent.items():
                per_read[label].append(seconds * 1000)
    finally:
        for owner, attr, original in undo:
            setattr(owner, attr, original)
    print(
        f"where a page's CPU time goes (median of {repeat}, every cache emptied, timers on: {statistics.median(totals):.1f} ms):"
    )
    for label, values in per_read.items():
        print(f"  {label}: {statistics.median(values):.1f} ms")


def _profile(page: str, reads: int = 5, top: int = 15) -> None:
    import cProfile
    import pstats

    from models.language import readings_for
    from models.language.readings import clear_caches

    profiler = cProfile.Profile()
    for _ in range(reads):
        clear_caches()
        profiler.enable()
        readings_for(page)
        profiler.disable()
    print(f"cProfile, {reads} reads of the page, caches emptied, top {top} by own time:")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)


#: Reads of the page counted by ``--instructions`` (each after every cache is emptied).
_COUNTED_READS = 3


def _instructions() -> None:
    """Instructions per read of the 10,000-character page, every cache emptied, by callgrind.

    The child loads everything and reads the page once with counting off; counting is switched on
    (``callgrind_control -i on``) only for the reads measured, and the child leaves with
    ``os._exit`` so the interpreter's shutdown is not counted.
    """
    import shutil
    import tempfile

    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("instructions: valgrind and callgrind_control are needed (apt-get install valgrind)")
        return
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        child = subprocess.Popen(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                str(Path(__file__).resolve()),
                "--instructions-child",
                folder,
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": "0"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        ready = Path(folder) / "ready"
        while not ready.exists():
            if child.poll() is not None:
                print(f"instructions: the child stopped (exit {child.returncode})")
                return
            time.sleep(0.2)
        subprocess.run(["callgrind_control", "-i", "on", str(child.pid)], capture_output=True)
        (Path(folder) / "go").touch()
        child.wait()
        total = next(
            int(line.split()[1]) for line in out.read_text().splitlines() if line.startswith("summary:")
        )
    print(
        f"instructions per read of the page, every cache emptied: {total / _COUNTED_READS / 1e6:.1f} M "
        f"(callgrind, {_COUNTED_READS} reads, PYTHONHASHSEED=0; the count does not depend on the load)"
    )


def _instructions_child(folder: Path) -> None:
    from models.language import readings_for, warm_up
    from models.language.readings import clear_caches

    warm_up()
    page = _page(10_000)
    readings_for(page)  # loads what warm_up leaves lazy, not counted
    (folder / "ready").touch()
    while not (folder / "go").exists():
        time.sleep(0.05)
    for _ in range(_COUNTED_READS):
        clear_caches()
        readings_for(page)
    sys.stdout.flush()
    os._exit(0)  # the interpreter's shutdown is not counted


def _dictionary(page: str) -> None:
    """CC-CEDICT index: build time, and a popup's lookups for every word of the page."""
    import tempfile

    from models.language import words_with_readings
    from models.language.dictionary import Dictionary

    with tempfile.TemporaryDirectory() as folder:
        dictionary = Dictionary(folder)
        start = time.perf_counter()
        dictionary.ensure_built()
        print(f"dictionary index build: {time.perf_counter() - start:.2f} s")
        times = []
        for word in words_with_readings(page):
            start = time.perf_counter()
            entries = dictionary.lookup(word.word)
            if not entries:
                for piece in dictionary.sub_words(word.word):
                    dictionary.lookup(piece)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p99 = times[int(len(times) * 0.99)]
        print(
            f"popup lookups for {len(times)} words: p99 {p99:.2f} ms, worst {times[-1]:.2f} ms (goal p99 <= 10 ms)"
        )
        print(f"memory: {_rss_mb():.0f} MB resident with the dictionary open too (goal <= 350 MB)")
        dictionary.close()


if __name__ == "__main__":
    main()
