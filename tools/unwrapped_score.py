"""Score the parser on pages whose paragraphs are not wrapped: one line a paragraph, as text
copied from a web page or some PDF extractions comes (the shipped weights of
``models.parser.unwrapped`` were fitted on these sets written so: a training page's figure;
``tools/train_unwrapped.py --folds`` gives the held-out ones).

Run: .venv/bin/python tools/unwrapped_score.py [DIR ...]   (default: pages-dev and pages-dev-column)

Each gold page is written again from its gold: every section's kicker, heading, subheading
and byline on a line each, then each paragraph on one line; three layouts (``LAYOUTS``):
sections apart by a blank line ("blank lines"), by none ("no blank lines"), or a blank line
after every line ("blank after every line", as much web copy pastes). Counted as
../shared/eval/structure_eval.py does. Measuring only: the app never reads ../shared.

``unwrapped_page`` is the one writer of this layout (the trainer, the tests and the parse
bench import it).
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

from structure_score import figures, page_set, score_pages  # noqa: E402

from models.parser.unwrapped import title_like  # noqa: E402

TITLE_KEYS = ("kicker", "heading", "subheading")
#: How the sections (or the lines) stand apart: a blank line between sections, none, or a
#: blank line after every line (None).
LAYOUTS: dict[str, str | None] = {
    "blank lines": "\n\n",
    "no blank lines": "\n",
    "blank after every line": None,
}


def unwrapped_page(
    gold: dict, between: str | None, leave_out: set[str] | frozenset[str] = frozenset()
) -> tuple[str, list[int]]:
    """The gold page's text with one line a title and one line a paragraph (sections apart
    by ``between``; None: a blank line after every line), and each non-blank line's label:
    1 a line of a headline (kicker, heading, subheading), 2 a short paragraph that ends no
    sentence (an in-article 小标题), else 0. Sections headed by ``leave_out`` are left out."""
    sections: list[list[tuple[str, int]]] = []
    for sec in gold["sections"]:
        if sec.get("heading") and sec["heading"] in leave_out:
            continue
        rows = [(sec[k], 1) for k in TITLE_KEYS if sec.get(k)]
        if sec.get("byline"):
            rows.append((sec["byline"], 0))
        rows += [(p, 2 * title_like("".join(p.split()))) for p in sec.get("paragraphs") or []]
        rows = [(t, lab) for t, lab in rows if t.strip()]
        if rows:
            sections.append(rows)
    lines: list[str] = []
    labels: list[int] = []
    for s, rows in enumerate(sections):
        if s and between == "\n\n":
            lines.append("")
        for text, lab in rows:
            lines.append(text)
            labels.append(lab)
            if between is None:
                lines.append("")
    return "\n".join(lines) + "\n", labels


def unwrapped(gold: dict, between: str | None) -> str:
    """The gold page's text with one line a title and one line a paragraph."""
    return unwrapped_page(gold, between)[0]


def score_set(d: Path, between: str | None):
    """The set's pages written unwrapped (``between`` as in ``LAYOUTS``), scored."""
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
        d = page_set(name, __doc__)
        for label, between in LAYOUTS.items():
            print(f"{d.name + ' unwrapped, ' + label:48s} {figures(score_set(d, between))}")


if __name__ == "__main__":
    main()
