"""What the parser gets wrong on a page set, by kind (measuring only; reads ../shared).

For every gold article with a headline: whole, headline missed (its text left in a body
paragraph, or joined to another title), or found with the wrong text — paragraphs split
wrongly but the text right, the article running on into the next one (that one's headline
missed, or printed after its article), cut short (a 小标题 or a credit taken as a headline),
or other. For every output headline that is no gold headline: a 小标题 or byline taken as a
headline, a piece of a longer title, or other.

    python tools/engine_errors.py [DIR] [-v]     # default: ../shared/data/pages-dev-engine
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from structure_score import SHARED, scorer  # noqa: E402

from models.parser import parse_page  # noqa: E402

WS = re.compile(r"\s+")


def _s(text: str | None) -> str:
    return WS.sub("", text or "")


def _title(sec: dict) -> str:
    return _s(sec.get("kicker")) + _s(sec.get("heading")) + _s(sec.get("subheading"))


def page_errors(gold: dict, out: dict, ev) -> list[tuple[str, str]]:
    """(kind, headline) for each gold headline's article and each made-up headline."""
    gsec, osec = gold["sections"], out["sections"]
    gold_keys = set().union(*[ev.head_keys(g) for g in gsec if g.get("heading")] or [set()])
    paras = {_s(p) for g in gsec for p in g["paragraphs"]}
    titles = "".join(_title(g) for g in gsec)
    found = []
    for o in osec:
        if _s(o.get("heading")) and not (ev.head_keys(o) & gold_keys):
            head = _s(o.get("heading"))
            kind = (
                "made up: 小标题/byline"
                if head in paras
                else "made up: piece of a title"
                if head in titles
                else "made up: other"
            )
            found.append((kind, o.get("heading") or ""))
    for g in gsec:
        if not g.get("heading"):
            continue
        match = [o for o in osec if ev.head_keys(o) & ev.head_keys(g)]
        if not match:
            head = _s(g["heading"])
            in_title = any(head in _title(o) for o in osec)
            found.append(
                ("missed: joined to another title" if in_title else "missed: left in the body", g["heading"])
            )
            continue
        if not g["paragraphs"]:
            continue
        want = [_s(p) for p in g["paragraphs"]]
        o = match[0]
        got = [_s(p) for p in o.get("paragraphs") or []]
        if ev.para_keys(o) == want or got == want:
            found.append(("whole", g["heading"]))
            continue
        w, t = "".join(want), _s(o.get("byline")) + "".join(got)
        t2 = "".join(got)
        if w in (t, t2):
            kind = "paragraphs split wrongly"
        elif t.startswith(w) or t2.startswith(w):
            kind = "runs on into the next article"
        elif w.startswith(t) or w.startswith(t2):
            kind = "cut short"
        else:
            kind = "other"
        found.append((kind, g["heading"]))
    return found


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    d = Path(args[0]) if args else SHARED / "data" / "pages-dev-engine"
    ev = scorer()
    kinds: collections.Counter = collections.Counter()
    examples = collections.defaultdict(list)
    for gp in sorted(d.glob("*.gold.json")):
        raw = gp.with_name(gp.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        for kind, head in page_errors(
            json.loads(gp.read_text(encoding="utf-8")), parse_page(raw).to_json(), ev
        ):
            kinds[kind] += 1
            examples[kind].append(f"{gp.name.split('.')[0]}: {head}")
    for kind, n in kinds.most_common():
        print(f"{n:5d}  {kind}")
        if "-v" in sys.argv and kind != "whole":
            for e in examples[kind]:
                print(f"         {e}")


if __name__ == "__main__":
    main()
