"""Score the parser on pages whose paragraphs are not wrapped: one line a paragraph, as text
copied from a web page or some PDF extractions comes (measured only; no such page trains).

Run: .venv/bin/python tools/unwrapped_score.py [DIR ...]   (default: pages-dev and pages-dev-column)

Each gold page is written again from its gold: every section's kicker, heading, subheading
and byline on a line each, then each paragraph on one line; sections apart by a blank line
("blank lines") or not ("no blank lines"). Counted as ../shared/eval/structure_eval.py
does. Measuring only: the app never reads ../shared.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from structure_score import figures, score_pages  # noqa: E402

TITLE_KEYS = ("kicker", "heading", "subheading", "byline")


def unwrapped(gold: dict, between: str) -> str:
    """The gold page's text with one line a title and one line a paragraph."""
    sections = []
    for section in gold["sections"]:
        lines = [section[k] for k in TITLE_KEYS if section.get(k)]
        lines += list(section.get("paragraphs") or [])
        sections.append("\n".join(lines))
    return between.join(s for s in sections if s) + "\n"


def score_set(d: Path, between: str):
    """The set's pages written unwrapped (sections apart by ``between``), scored."""
    with tempfile.TemporaryDirectory() as tmp:
        golds = []
        for gp in sorted(d.glob("*.gold.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            (Path(tmp) / gp.name.replace(".gold.json", ".txt")).write_text(
                unwrapped(gold, between), encoding="utf-8"
            )
            golds.append(Path(shutil.copy(gp, tmp)))
        return score_pages(golds)


def main() -> None:
    names = sys.argv[1:] or ["pages-dev", "pages-dev-column"]
    for name in names:
        d = Path(name) if "/" in name else SHARED / "data" / name
        for label, between in (("blank lines", "\n\n"), ("no blank lines", "\n")):
            print(f"{d.name + ' unwrapped, ' + label:40s} {figures(score_set(d, between))}")


if __name__ == "__main__":
    main()
