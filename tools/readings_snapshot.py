"""Every reading the pinyin engine gives on the dev data, written once and compared after a change.

    python tools/readings_snapshot.py --write FILE     # before a speed change
    python tools/readings_snapshot.py --compare FILE   # after it: every reading the same?

What is read (all from ../shared, for measuring only): CPP dev (9,893 sentences) and news dev
(202) through ``readings_for_lines`` in the CLI's batches of 2,000; the 1,500 news paragraphs of
``ocr-errors/news-dev.jsonl`` likewise; every page of ``pages-dev*`` and ``seed`` through
``readings_for`` and ``words_with_readings`` (the reader's calls), each page with every cache
emptied and again after the other pages (caches warm). A speed change must leave every one
of them as it was; ``--compare`` prints the first differences and exits 1 if any.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from tools.snapshot_files import read_snapshot, snapshot_arguments, write_snapshot  # noqa: E402

_BATCH = 2000


def _line_sets() -> dict[str, list[str]]:
    cpp = [
        s.replace("\u2581", "")
        for s in (SHARED / "cpp-dev" / "dev.sent").read_text(encoding="utf-8").splitlines()
    ]
    news = [
        json.loads(line)["sentence"]
        for line in (SHARED / "polyphones-news-dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    paragraphs = [
        json.loads(line)["text"]
        for line in (SHARED / "ocr-errors" / "news-dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return {"cpp-dev": cpp, "news-dev": news, "ocr-errors-news-dev": paragraphs}


def _pages() -> list[Path]:
    found: list[Path] = []
    for folder in ("pages-dev", "pages-dev-column", "pages-dev-engine", "seed"):
        found.extend(sorted((SHARED / folder).glob("*.txt")))
    return found


def snapshot() -> dict[str, list]:
    from models.language.readings import clear_caches, readings_for, readings_for_lines, words_with_readings

    out: dict[str, list] = {}
    for name, lines in _line_sets().items():
        clear_caches()
        got: list = []
        for k in range(0, len(lines), _BATCH):
            got.extend(readings_for_lines(lines[k : k + _BATCH]))
        out[name] = got
    pages = [p.read_text(encoding="utf-8") for p in _pages()]
    for warm in (False, True):
        got = []
        for text in pages:
            if not warm:
                clear_caches()
            readings = readings_for(text)
            words = [(w.word, w.start, w.end, list(w.syllables)) for w in words_with_readings(text)]
            got.append([readings, words])
        out["pages-warm" if warm else "pages-cold"] = got
    return out


def main() -> None:
    args = snapshot_arguments(__doc__.splitlines()[0])
    now = snapshot()
    if args.write:
        write_snapshot(args.write, now)
        print(f"written: {', '.join(f'{k} {len(v)}' for k, v in now.items())}")
        return
    before = read_snapshot(args.compare)
    differences = 0
    for name, items in before.items():
        got = json.loads(json.dumps(now.get(name), ensure_ascii=False))
        same = sum(1 for a, b in zip(items, got or []) if a == b)
        if got is None or len(got) != len(items) or same != len(items):
            differences += len(items) - same
            for k, (a, b) in enumerate(zip(items, got or [])):
                if a != b:
                    print(f"{name} #{k} differs: {str(a)[:200]} / {str(b)[:200]}")
                    break
        print(f"{name}: {same}/{len(items)} items identical")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
