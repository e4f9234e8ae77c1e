"""Re-anchoring speed: time per resolve over the dev cases, and the whole ``anchor`` CLI run.

    .venv/bin/python bench/anchor_bench.py [CASES.jsonl] [--repeat N]

CASES defaults to ../shared/data/anchors-dev.jsonl (articles of a few thousand characters,
each after 1-3 proofreading edits). Each resolve is timed on its own, N rounds, keeping each
case's fastest round (the machine is shared; the minimum is the resolver's own cost). The CLI
run is timed end to end, interpreter start-up included, as the held-out check runs it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.anchoring import resolve  # noqa: E402

DEFAULT_CASES = ROOT.parent / "shared" / "data" / "anchors-dev.jsonl"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", default=str(DEFAULT_CASES))
    parser.add_argument("--repeat", type=int, default=3, help="timing rounds per case (default 3)")
    args = parser.parse_args()
    path = Path(args.cases)
    if not path.is_file():
        print(f"anchor_bench: no cases at {path}", file=sys.stderr)
        return 2
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    cases = [json.loads(x) for x in lines]

    best = [float("inf")] * len(cases)
    for _ in range(max(1, args.repeat)):
        for k, case in enumerate(cases):
            t0 = time.perf_counter()
            resolve(case["text"], case["selector"])
            best[k] = min(best[k], time.perf_counter() - t0)
    ms = [t * 1000 for t in best]
    chars = statistics.median(len(c["text"]) for c in cases)
    print(f"cases: {len(cases)} (median text {chars:.0f} characters)")
    print(
        f"resolve: median {statistics.median(ms):.3f} ms, p99 {_percentile(ms, 0.99):.3f} ms, "
        f"max {max(ms):.3f} ms, total {sum(ms):.0f} ms"
    )

    stdin = "".join(
        json.dumps({"text": c["text"], "selector": c["selector"]}, ensure_ascii=False) + "\n" for c in cases
    )
    t0 = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "anchor"], input=stdin.encode("utf-8"), capture_output=True
    )
    elapsed = time.perf_counter() - t0
    if result.returncode:
        print(f"anchor CLI failed: {result.stderr.decode('utf-8', 'replace').strip()}", file=sys.stderr)
        return 1
    print(f"CLI: {elapsed:.2f} s for {len(cases)} cases, start-up included")
    return 0


if __name__ == "__main__":
    sys.exit(main())
