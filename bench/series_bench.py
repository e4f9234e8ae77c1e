"""Two editors correcting different error series at once (``main.py correct``): both kept.

    .venv/bin/python bench/series_bench.py [--url postgresql://…] [--pages 20] [--rounds 3]

Imports ``--pages`` pages of ../shared's pages-dev into a new library file and a new server
library (a fresh schema), picks two series from the text itself (the two most frequent pairs
of Han characters that share no character, so their occurrences never overlap; each is
"corrected" to itself with a mark added, which lengthens the text and so moves every offset
after it), and starts two ``main.py correct OLD NEW`` processes at the same moment, round
after round. Goal: both processes succeed, each corrects every occurrence its dry run listed,
and every section's current text is the text before with both series replaced (nothing of
either lost, nothing misplaced). The server URL defaults to $DUBAO_TEST_PG_URL.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from server_bench import _fresh_schema  # noqa: E402 - a schema of its own on the server

HAN = re.compile(r"[\u4e00-\u9fff]{2}")


def _texts(target: str) -> dict[tuple[int, int], str]:
    from models.annotations.texts import section_text
    from models.library.service import Library

    with Library.open(target) as library:
        return {
            (page.id, n): section_text(section)
            for issue in library.issues()
            for page in library.pages(issue.id)
            for n, section in enumerate(library.page(page.id).current_sections)
        }


def _series(texts: dict[tuple[int, int], str], used: set[str]) -> list[tuple[str, str]]:
    """The two most frequent pairs of Han characters sharing no character with each other nor
    with earlier rounds' pairs (whose corrected words a series correction rightly skips)."""
    counts = Counter(
        text[i : i + 2]
        for text in texts.values()
        for i in range(len(text) - 1)
        if HAN.fullmatch(text[i : i + 2])
    )
    chosen: list[str] = []
    for pair, _ in counts.most_common():
        if not set(pair) & used:
            chosen.append(pair)
            used |= set(pair)
            if len(chosen) == 2:
                break
    return [(chosen[0], f"{chosen[0]}〔一〕"), (chosen[1], f"{chosen[1]}〔二〕")]


def _dubao(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _round(target: str, used: set[str]) -> tuple[bool, str]:
    before = _texts(target)
    series = _series(before, used)
    planned = []
    for old, _new in series:
        dry = _dubao("correct", old, "x", "--db", target, "--dry-run")
        out, err = dry.communicate(timeout=300)
        planned.append(len(out.splitlines()))
    runs = [
        _dubao("correct", old, new, "--db", target, "--author", f"editor-{n}")
        for n, (old, new) in enumerate(series)
    ]
    outs = [run.communicate(timeout=600) for run in runs]
    if any(run.returncode != 0 for run in runs):
        return False, f"a process failed: {[o[1].decode()[-200:] for o in outs]}"
    corrected = [json.loads(out.decode().strip().splitlines()[-1])["corrected"] for out, _ in outs]
    after = _texts(target)
    want = {}
    for key, text in before.items():
        for old, new in series:
            text = text.replace(old, new)
        want[key] = text
    wrong = sum(after.get(key) != text for key, text in want.items())
    ok = corrected == planned and wrong == 0
    return ok, (
        f"{series[0][0]}→{series[0][1]} and {series[1][0]}→{series[1][1]}: corrected {corrected} "
        f"(dry runs {planned}), {wrong} of {len(want)} sections differ from the expected text"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("DUBAO_TEST_PG_URL"), help="a PostgreSQL database")
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    source = ROOT.parent / "shared" / "data" / "pages-dev"
    all_good = True
    with tempfile.TemporaryDirectory() as folder:
        issue = Path(folder) / "pages-dev"
        issue.mkdir()
        for page in sorted(source.glob("*.txt"))[: args.pages]:
            shutil.copy(page, issue / page.name)
        targets = [("file", str(Path(folder) / "library.sqlite3"))]
        if args.url:
            targets.append(("server", _fresh_schema(args.url)))
        else:
            print("no server: give --url postgresql://… or set DUBAO_TEST_PG_URL (file only)")
        for name, target in targets:
            imported = _dubao("import", str(issue), "--db", target)
            _, err = imported.communicate(timeout=600)
            if imported.returncode != 0:
                print(f"{name}: import failed: {err.decode()[-300:]}")
                return 1
            kept = 0
            start = time.perf_counter()
            used: set[str] = set()
            for round_ in range(args.rounds):
                ok, detail = _round(target, used)
                kept += ok
                print(f"  {name} round {round_ + 1}: {'both kept' if ok else 'LOST'}: {detail}")
            seconds = time.perf_counter() - start
            good = kept == args.rounds
            all_good &= good
            print(
                f"{name}: two `main.py correct` processes at once, {args.pages} pages: both series kept in "
                f"{kept} of {args.rounds} rounds ({seconds:.1f} s)   goal: both kept every round   "
                f"{'ok' if good else 'MISSED'}"
            )
    return 0 if all_good else 1


if __name__ == "__main__":
    raise SystemExit(main())
