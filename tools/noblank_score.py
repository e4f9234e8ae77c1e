"""Score the parser on page sets with their blank lines taken out, as an OCR engine prints a page.

Run: .venv/bin/python tools/noblank_score.py [-v] [DIR ...]   (default: the seed page)

The seed page (../shared/data/seed, the one real OCR'd page) without blank lines is the
held-out check of the line model on a real page whose titles sit at the top of each
piece: it is never a training page (tools/train_parser.py does not read it). Counts as
../shared/eval/structure_eval.py does. Measuring only: the app never reads ../shared.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from structure_score import figures, scorer  # noqa: E402

from models.parser import parse_page  # noqa: E402


def without_blanks(raw: str) -> str:
    """The page's lines with every blank line taken out (no other character changed)."""
    return "\n".join(line for line in raw.split("\n") if line.strip()) + "\n"


class _Text:
    """A page's text where the scorer expects a path (it reads the text to check conservation)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.raw


def score_dir(d: Path, verbose: bool = False) -> collections.Counter:
    ev = scorer()
    tot: collections.Counter = collections.Counter()
    for gp in sorted(d.glob("*.gold.json")):
        raw = without_blanks(gp.with_name(gp.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8"))
        gold = json.loads(gp.read_text(encoding="utf-8"))
        out = parse_page(raw).to_json()
        m = ev.score_page(_Text(raw), gold, out)
        if verbose:
            print(
                f"{d.name}/{gp.name}: para {m['hit_para']}/{m['n_para']} head {m['hit_head']}/{m['n_head']} "
                f"false {m['n_out_head'] - m['true_head']} art {m['hit_art']}/{m['n_art']} conserve={m['conserve']}"
            )
        for k, v in m.items():
            tot[k] += int(v)
        tot["pages"] += 1
    return tot


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv
    for name in args or ["seed"]:
        d = Path(name) if "/" in name else SHARED / "data" / name
        print(f"{d.name + ' no blanks':24s} {figures(score_dir(d, verbose))}")


if __name__ == "__main__":
    main()
