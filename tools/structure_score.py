"""Score the parser in-process on page sets, as ../shared/eval/structure_eval.py counts.

Run: .venv/bin/python tools/structure_score.py [DIR ...]   (default: the four dev sets)

Measuring only: it reads ../shared (gold and the scorer); the app never does.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from models.parser import parse_page  # noqa: E402

SETS = ("seed", "pages-dev", "pages-dev-column", "pages-dev-engine")


def page_set(name: str, doc: str | None = None) -> Path:
    """The folder of a page set named on a tool's command line: a path (with a "/") or a set of
    ../shared/data. ``-h``/``--help`` prints the tool's ``doc`` and exits; a folder that is not
    there is told in one line, exit 2 (it was scored as an empty set: 0/0 and no word said)."""
    if name in ("-h", "--help"):
        print((doc or "").strip())
        raise SystemExit(0)
    d = Path(name) if "/" in name else SHARED / "data" / name
    if not d.is_dir():
        print(
            f"{Path(sys.argv[0]).name}: no page set {name!r} (a folder, or one of {', '.join(SETS)})",
            file=sys.stderr,
        )
        raise SystemExit(2)
    return d


def scorer():
    spec = importlib.util.spec_from_file_location("structure_eval", SHARED / "eval" / "structure_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class _Text:
    """A page's text where the scorer expects a path (it reads the text to check conservation)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.raw


def score_pages(
    pages: list[Path], parse=parse_page, verbose: bool = False, prepare=None
) -> collections.Counter:
    """``prepare``: what is done to each page's text before it is parsed and scored (e.g. its blank
    lines taken out); the page file as it is if None."""
    ev = scorer()
    tot: collections.Counter = collections.Counter()
    for gp in pages:
        txt = gp.with_name(gp.name.replace(".gold.json", ".txt"))
        gold = json.loads(gp.read_text(encoding="utf-8"))
        page = txt if prepare is None else _Text(prepare(txt.read_text(encoding="utf-8")))
        out = parse(page.read_text(encoding="utf-8")).to_json()
        m = ev.score_page(page, gold, out)
        if verbose:
            print(
                f"{txt.parent.name}/{txt.name}: para {m['hit_para']}/{m['n_para']} head {m['hit_head']}/{m['n_head']} "
                f"false {m['n_out_head'] - m['true_head']} art {m['hit_art']}/{m['n_art']} conserve={m['conserve']}"
            )
        for k, v in m.items():
            tot[k] += int(v)
        tot["pages"] += 1
    return tot


def figures(tot: collections.Counter) -> str:
    p = tot["hit_para"] / max(1, tot["n_para"])
    h = tot["hit_head"] / max(1, tot["n_head"])
    hp = tot["true_head"] / max(1, tot["n_out_head"])
    a = tot["hit_art"] / max(1, tot["n_art"])
    return (
        f"para={p:.3f} head={h:.3f} headprec={hp:.3f} article={a:.3f} "
        f"({tot['hit_art']}/{tot['n_art']}) conserve={tot['conserve']}/{tot['pages']} spaces={tot['gaps']}"
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv
    for name in args or SETS:
        d = Path(name) if "/" in name else SHARED / "data" / name
        tot = score_pages(sorted(d.glob("*.gold.json")), verbose=verbose)
        print(f"{d.name:18s} {figures(tot)}")


if __name__ == "__main__":
    main()
