"""Parse speed: the sample page, a 10,000-character page with blank lines, one as an OCR
engine prints it, no blank lines, where the line model runs, and one whose paragraphs are a
line each (as copied from a web page: the dev pages' gold written so, ``models.parser.unwrapped``)
(goal: at most 50 ms each).

Run: .venv/bin/python bench/parse_bench.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.parser import parse_page  # noqa: E402


def _time(raw: str, runs: int = 20) -> tuple[float, float, float]:
    """Median and worst wall time, and median CPU time (what a busy machine does not inflate)."""
    parse_page(raw)  # warm-up (imports, regex compilation, the line model)
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        parse_page(raw)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(times), max(times), statistics.median(cpu)


def main() -> None:
    sample = (ROOT / "resources" / "sample-page.txt").read_text(encoding="utf-8")
    dev = sorted((ROOT.parent / "shared" / "data" / "pages-dev").glob("*.txt"))
    big = "\n\n".join(p.read_text(encoding="utf-8") for p in dev) if dev else sample * 4
    ten_k = big[:10_000]
    ten_k = ten_k[: ten_k.rfind("\n") + 1]
    engine = sorted((ROOT.parent / "shared" / "data" / "pages-dev-engine").glob("*.txt"))
    eng = "".join(p.read_text(encoding="utf-8") for p in engine) if engine else ten_k.replace("\n\n", "\n")
    eng = eng[:10_000]
    eng = eng[: eng.rfind("\n") + 1]
    pages = [("sample page", sample), ("10k-character page", ten_k), ("10k engine page", eng)]
    golds = sorted((ROOT.parent / "shared" / "data" / "pages-dev").glob("*.gold.json"))
    if golds:
        pages.append(("10k unwrapped page", _unwrapped(golds)))
    for name, raw in pages:
        med, worst, cpu = _time(raw)
        chars = sum(not c.isspace() for c in raw)
        print(
            f"parse {name:20s} {chars:6d} chars  median {med:6.1f} ms  max {worst:6.1f} ms  "
            f"cpu {cpu:6.1f} ms  (goal <= 50 ms)"
        )


def _unwrapped(golds: list[Path]) -> str:
    """The pages' gold, a line a title and a line a paragraph, a blank line between sections
    (``tools/unwrapped_score.py``'s writer); cut at 10,000 characters (at a line's end)."""
    from tools.unwrapped_score import unwrapped

    sections = [s for p in golds for s in json.loads(p.read_text(encoding="utf-8"))["sections"]]
    raw = unwrapped({"sections": sections}, "\n\n")[:10_000]
    return raw[: raw.rfind("\n") + 1]


if __name__ == "__main__":
    main()
