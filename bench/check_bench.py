"""The checker's figures beside their goals, and its speed.

Runs the shared scorer (``../shared/eval/flags_eval.py``) on ``python main.py check`` for:

- news-dev, whole and in halves: the first half (paragraphs 1–750) is the only data the
  substitution threshold was decided on (tools/choose_threshold.py); the second half
  was never looked at while building, so it is the honest held-out figure;
- the FASPell OCR sentences (measured only: GPL data, nothing derived from it ships).

Speed: CPU time of ``main.py check`` on news-dev's 1,500 paragraphs, start-up included
(goal < 20 s; the scorer's limit is 300 s), that time per 1,000 characters with the
start-up taken off, and the start-up alone (an empty stdin; goal <= 0.6 s of CPU), each
run twice so the second start reads the tables' quick copy. CPU time, not wall time:
on a shared machine the wall time is mostly waiting for a core.

Run: .venv/bin/python bench/check_bench.py
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ocr-errors"
SCORER = ROOT.parent / "shared" / "eval" / "flags_eval.py"
CHECK = [sys.executable, "main.py", "check"]

GOALS = {
    "news-dev": {"precision": (">=", 0.80), "recall": (">=", 0.50), "false_per_1k": ("<=", 0.5)},
    "faspell-ocr-train": {"precision": (">=", 0.70), "recall": (">=", 0.30)},
}


def score(path: Path) -> tuple[str, dict[str, float]]:
    out = subprocess.run(
        [sys.executable, str(SCORER), str(path), *CHECK], cwd=ROOT, capture_output=True, text=True
    )
    last = out.stdout.strip().splitlines()[-1]
    return last, {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", last)}


def show(name: str, path: Path, goals: dict) -> None:
    last, figures = score(path)
    marks = []
    for key, (op, goal) in goals.items():
        value = figures.get(key, float("nan"))
        ok = value >= goal if op == ">=" else value <= goal
        marks.append(f"{key} {value:.3f} (goal {op} {goal}{'' if ok else ', MISSED'})")
    print(f"{name:34s} " + "  ".join(marks))
    print(f"{'':34s} {last}")


def main() -> None:
    if not SCORER.exists():
        raise SystemExit(f"{SCORER} not found")
    news = DATA / "news-dev.jsonl"
    items = [line for line in news.read_text(encoding="utf-8").splitlines() if line.strip()]
    half = len(items) // 2
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "news-first.jsonl", Path(tmp) / "news-second.jsonl"
        first.write_text("\n".join(items[:half]) + "\n", encoding="utf-8")
        second.write_text("\n".join(items[half:]) + "\n", encoding="utf-8")
        show("news-dev (all 1,500)", news, GOALS["news-dev"])
        show("news-dev 1st half (threshold set)", first, GOALS["news-dev"])
        show("news-dev 2nd half (held out)", second, GOALS["news-dev"])
    show("faspell-ocr-train (measure only)", DATA / "faspell-ocr-train.jsonl", GOALS["faspell-ocr-train"])
    stdin = "".join(json.loads(line)["text"] + "\n" for line in items)
    chars = sum(len(json.loads(line)["text"]) for line in items)
    start_up = min(cpu_seconds("") for _ in range(2))
    whole = cpu_seconds(stdin)
    print(f"check start-up (empty stdin): {start_up:.2f} s of CPU (goal <= 0.6 s)")
    print(
        f"check on {len(items)} paragraphs, start-up included: {whole:.1f} s of CPU (goal < 20 s; limit 300 s);"
        f" {(whole - start_up) / chars * 1000 * 1000:.0f} ms per 1,000 characters"
    )


def cpu_seconds(stdin: str) -> float:
    """User + system CPU time of one ``main.py check`` run on ``stdin``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(CHECK, cwd=ROOT, input=stdin, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


if __name__ == "__main__":
    main()
