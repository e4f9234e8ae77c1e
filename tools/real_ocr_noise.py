"""What Tesseract did to the pages tools/real_ocr.py had it read, by kind of noise, beside the
kinds tools/ocr_noise.py simulates (is the simulation like the real thing?).

Run: .venv/bin/python tools/real_ocr_noise.py [--out DIR] [--first N] [--examples K] [SET ...]
(after tools/real_ocr.py with the same --out, --first, --size, --degrade and --lines: the reads
come from its cache; a page not in the cache is read by Tesseract)

For each image the printed and read non-space characters are aligned (difflib, as real_ocr.py
carries the gold) and every difference counted:

- marks read half-width (，→ ,  ：→ : …) or as another mark (（ → 〈), per mark;
- Han characters read as other Han characters (look-alikes), as marks or other characters;
- characters dropped (marks: at a line's end or inside it; Han characters) or added;
- spaces inside a line: printed and kept, printed and lost (in a letter-spaced line, beside a
  digit or Latin letter, elsewhere), added where none was printed;
- blank lines: the page's own kept or lost, and those the engine added, by where they fall (after
  a paragraph's last line, after its first line, inside it, after a title line: kicker, heading,
  subheading, byline), with how many such places the page has;
- line breaks: printed lines read as one line, or one printed line read as two;
- indents: printed lines that begin with a space, read lines that do.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from ocr_noise import _gold_fields, gold_positions  # noqa: E402
from real_ocr import (  # noqa: E402
    LINES,
    OUT,
    SETS,
    SHARED,
    SIZE,
    Reader,
    _nonspace,
    page_names,
    read_page,
    without_blanks,
)

from models.parser.lines import is_han  # noqa: E402

HALF = {
    "，": ",",
    "。": ".",
    "：": ":",
    "；": ";",
    "！": "!",
    "？": "?",
    "（": "(",
    "）": ")",
    "“": '"',
    "”": '"',
}
MARKS = set("，。、；：！？（）“”‘’《》〈〉—…·,.;:!?()\"'-")


def _kind(c: str) -> str:
    if is_han(c):
        return "han"
    if c in MARKS:
        return "mark"
    if c.isdigit():
        return "digit"
    if c.isascii() and c.isalpha():
        return "latin"
    return "other"


class Tally:
    def __init__(self, examples: int) -> None:
        self.n: collections.Counter = collections.Counter()
        self.pairs: collections.Counter = collections.Counter()
        self.marks: collections.Counter = collections.Counter()  # (printed mark, how read)
        self.ex: dict[str, list[str]] = collections.defaultdict(list)
        self.k = examples

    def add(self, key: str, example: str | None = None, by: int = 1) -> None:
        self.n[key] += by
        if example is not None and len(self.ex[key]) < self.k:
            self.ex[key].append(example)


def _line_of(text: str) -> list[int]:
    out, n = [], 0
    for c in text:
        out.append(n)
        n += c == "\n"
    return out + [n]


def page_noise(raw: str, gold: dict, parts: list[tuple[str, str, int]], t: Tally) -> None:
    own = gold_positions(raw, gold)
    fields = list(_gold_fields(gold))
    first_at: dict[int, int] = {}
    last_at: dict[int, int] = {}
    for at, (f, _j) in own.items():
        first_at[f] = min(first_at.get(f, at), at)
        last_at[f] = max(last_at.get(f, at), at)
    raw_line = _line_of(raw)
    for printed, read, base in parts:
        p, p_at = _nonspace(printed, base)
        r, r_at = _nonspace(read)
        r_line = _line_of(read)
        t.add("printed characters", by=len(p))
        t.add("read characters", by=len(r))
        match: dict[int, int] = {}  # read index -> printed index, characters read right
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, p, r, autojunk=False).get_opcodes():
            lo, hi = p_at[max(0, i1 - 4)], p_at[min(len(p) - 1, max(i1, i2 - 1) + 4)]
            ctx = raw[lo : hi + 1].replace("\n", "/")
            if op == "equal":
                for k in range(i2 - i1):
                    match[j1 + k] = i1 + k
                    t.add(f"right {_kind(p[i1 + k])}")
                    if p[i1 + k] in HALF or p[i1 + k] in "、—":
                        t.marks[p[i1 + k], "right"] += 1
            elif op == "replace" and i2 - i1 == j2 - j1:
                for a, b in zip(p[i1:i2], r[j1:j2]):
                    t.marks[a, "half" if HALF.get(a) == b or (a == "。" and b == "o") else "other"] += 1
                    if HALF.get(a) == b or (a == "。" and b == "o"):
                        t.add(f"half-width {a}", f"{a}→{b}")
                    elif _kind(a) == "mark" and _kind(b) == "mark":
                        t.add(f"mark read as another mark {a}", f"{a}→{b} ({ctx})")
                    elif _kind(a) == "han" and _kind(b) == "han":
                        t.add("Han read as another Han (look-alike)", f"{a}→{b}")
                        t.pairs[a, b] += 1
                    else:
                        t.add(f"{_kind(a)} read as {_kind(b)}", f"{a}→{b} ({ctx})")
            else:
                if i2 > i1 and j2 > j1:
                    t.add("uneven replacement (chars printed)", f"{p[i1:i2]}→{r[j1:j2]} ({ctx})", by=i2 - i1)
                    continue
                for i in range(i1, i2):
                    c = p[i]
                    t.marks[c, "dropped" if j2 == j1 else "other"] += 1
                    if _kind(c) == "mark":
                        end = i + 1 == len(p) or raw_line[p_at[i + 1]] != raw_line[p_at[i]]
                        t.add(f"mark dropped {'at a line end' if end else 'inside a line'}", f"{c} ({ctx})")
                    else:
                        t.add(f"{_kind(c)} dropped", f"{c} ({ctx})")
                for j in range(j1, j2):
                    start = j == 0 or r_line[r_at[j - 1]] != r_line[r_at[j]]
                    t.add(f"{_kind(r[j])} added{' at a line start' if start else ''}", f"+{r[j]} ({ctx})")
        _spaces(printed, read, p, p_at, r_at, base, match, t)
        _blanks(raw, read, r, r_at, p_at, base, printed, match, own, fields, first_at, last_at, raw_line, t)
        _lines(printed, read, r_at, p_at, match, raw_line, t)


def _spaces(printed, read, p, p_at, r_at, base, match, t: Tally) -> None:
    for j in range(len(r_at) - 1):
        i = match.get(j)
        if i is None or match.get(j + 1) != i + 1:
            continue
        pg = printed[p_at[i] - base + 1 : p_at[i + 1] - base]
        rg = read[r_at[j] + 1 : r_at[j + 1]]
        if "\n" in pg or "\n" in rg:
            continue
        a, b = p[i], p[i + 1]
        pair = f"{a}{pg}{b}"
        if pg and rg:
            t.add("space printed and kept")
        elif pg:
            line = printed[: p_at[i] - base].rsplit("\n", 1)[-1] + printed[p_at[i] - base :].split("\n", 1)[0]
            spaced = sum(c == " " for c in line) >= max(3, len(line.replace(" ", "")) // 3)
            where = (
                "in a letter-spaced line"
                if spaced
                else "beside a digit or Latin letter"
                if _kind(a) in ("digit", "latin") or _kind(b) in ("digit", "latin")
                else "elsewhere"
            )
            t.add(f"space printed and lost {where}", pair)
        elif rg:
            t.add(f"space added between {_kind(a)} and {_kind(b)}", f"{a}{rg}{b}")
        else:
            t.add("no space printed, none read")


def _blanks(
    raw, read, r, r_at, p_at, base, printed, match, own, fields, first_at, last_at, raw_line, t
) -> None:
    # the page's places, for rates: each printed line end of a field's last / first line, and others
    for k in range(len(p_at) - 1):
        if raw_line[p_at[k]] == raw_line[p_at[k + 1]]:
            continue
        t.add(f"places: {_place(p_at[k], own, fields, first_at, last_at, raw_line)}")
        if "\n\n" in raw[p_at[k] : p_at[k + 1]].replace(" ", "").replace("\u3000", ""):
            t.add("page's own blank lines")
    for j in range(len(r_at) - 1):
        gap = read[r_at[j] : r_at[j + 1]]
        if gap.count("\n") < 1:
            continue
        blank = gap.replace(" ", "").count("\n") >= 2
        i, i2 = match.get(j), match.get(j + 1)
        if i is None or i2 is None or i2 != i + 1:
            if blank:
                t.add("blank lines read where the alignment is unsure")
            continue
        own_blank = "\n\n" in raw[p_at[i] : p_at[i2]].replace(" ", "").replace("\u3000", "")
        place = _place(p_at[i], own, fields, first_at, last_at, raw_line)
        if own_blank and blank:
            t.add("page's blank line kept")
        elif own_blank:
            t.add("page's blank line lost", f"{place}: …{r[max(0, j - 6) : j + 1]}/{r[j + 1 : j + 7]}…")
        elif blank:
            same = raw_line[p_at[i]] == raw_line[p_at[i2]]
            t.add(
                f"blank line added {'inside a printed line' if same else place}",
                f"…{r[max(0, j - 8) : j + 1]}/ /{r[j + 1 : j + 5]}…",
            )


def _place(at: int, own, fields, first_at, last_at, raw_line) -> str:
    f, _j = own[at]
    _sec, key, i = fields[f]
    if key != "paragraphs":
        return f"after a {key} line"
    if last_at[f] == at:
        return "after a paragraph's last line"
    if raw_line[first_at[f]] == raw_line[at]:
        return "after a paragraph's first line"
    return "after a paragraph's inner line"


def _lines(printed, read, r_at, p_at, match, raw_line, t: Tally) -> None:
    plines = [x for x in printed.split("\n") if x.strip()]
    rlines = [x for x in read.split("\n") if x.strip()]
    t.add("printed lines", by=len(plines))
    t.add("read lines", by=len(rlines))
    t.add("printed lines beginning with a space", by=sum(x[:1].isspace() for x in plines))
    t.add("read lines beginning with a space", by=sum(x[:1].isspace() for x in rlines))
    for j in range(len(r_at) - 1):
        i, i2 = match.get(j), match.get(j + 1)
        if i is None or i2 != i + 1:
            continue
        pbreak = raw_line[p_at[i]] != raw_line[p_at[i2]]
        rbreak = "\n" in read[r_at[j] : r_at[j + 1]]
        if pbreak and not rbreak:
            t.add("printed lines joined into one read line", read[max(0, r_at[j] - 8) : r_at[j + 1] + 8])
        elif rbreak and not pbreak:
            t.add("printed line split in two", read[max(0, r_at[j] - 8) : r_at[j + 1] + 8].replace("\n", "/"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--first", type=int, default=20)
    ap.add_argument("--size", type=int, default=SIZE)
    ap.add_argument("--degrade", choices=("none", "mild"), default="mild")
    ap.add_argument("--lines", type=int, default=LINES)
    ap.add_argument("--examples", type=int, default=6)
    ap.add_argument("--cache", type=Path, help="the engine's reads (default OUT/.cache)")
    ap.add_argument("--indent", action="store_true", help="as real_ocr.py --indent")
    ap.add_argument(
        "--mixes",
        action="store_true",
        help="score the parser on each kind of real noise alone (only-K) and on the read pages with "
        "each kind undone (but-K), pages under OUT/mixes/SET/",
    )
    ap.add_argument(
        "--noblank",
        action="store_true",
        help="with --mixes: every page written with its blank lines taken out (under OUT/mixes-noblank/SET/), "
        "as the held-out real pages come: the cost of each kind on the parser's engine path",
    )
    args = ap.parse_args()
    reader = Reader(args.cache or args.out / ".cache", args.size, args.degrade, args.indent)
    if args.mixes:
        from structure_score import figures, score_pages

        modes = (
            ["only-none"]
            + [f"only-{k}" for k in DIFF_KINDS]
            + [f"but-{k}" for k in DIFF_KINDS]
            + ["but-none"]
        )
        for name in args.sets:
            src = Path(name) if "/" in name else SHARED / "data" / name
            dest = args.out / ("mixes-noblank" if args.noblank else "mixes") / src.name
            write_mixes(src, dest, reader, args.first, args.lines, modes, args.noblank)
            for mode in modes:
                tot = score_pages(sorted((dest / mode).glob("*.gold.json")))
                print(f"{src.name:18s} {mode:16s} {figures(tot)}", flush=True)
        return
    for name in args.sets:
        src = Path(name) if "/" in name else SHARED / "data" / name
        t = Tally(args.examples)
        with ThreadPoolExecutor(1) as pool:
            for gp in page_names(src, args.first):
                page = gp.name.replace(".gold.json", "")
                raw = (src / f"{page}.txt").read_text(encoding="utf-8")
                gold = json.loads(gp.read_text(encoding="utf-8"))
                parts, _text = read_page(raw, reader, pool, f"{src.name}/{page}", args.lines, gold)
                page_noise(raw, gold, parts, t)
        print(f"== {src.name} ({len(page_names(src, args.first))} pages)")
        for key in sorted(t.n):
            ex = "; ".join(t.ex.get(key, []))
            print(f"  {key}: {t.n[key]}" + (f"   e.g. {ex}" if ex else ""))
        top = ", ".join(f"{a}→{b} {n}" for (a, b), n in t.pairs.most_common(15))
        print(f"  commonest look-alikes: {top}")
        print("  marks as read (printed: right / half-width / other / dropped):")
        for m in "，。、：；！？（）“”—":
            n = [t.marks[m, k] for k in ("right", "half", "other", "dropped")]
            if sum(n):
                print(f"    {m} {sum(n)}: " + " / ".join(f"{x / sum(n):.0%}" for x in n))
    if reader.read_now:
        print(f"(Tesseract read {reader.read_now} printed characters not in the cache)")


#: The kinds of difference ``mixed`` can keep or undo.
DIFF_KINDS = ("blanks", "lines", "spaces", "halfwidth", "marks", "lookalikes", "dropped", "added", "other")


def _region_kind(a: str, b: str) -> str:
    """The kind of an aligned difference: printed ``a`` read as ``b`` (either may be empty)."""
    if not b:
        return "dropped" if all(_kind(c) == "mark" for c in a) else "other"
    if not a:
        return "added"
    if len(a) != len(b):
        return "other"
    kinds = set()
    for x, y in zip(a, b):
        if HALF.get(x) == y or (x == "。" and y == "o"):
            kinds.add("halfwidth")
        elif _kind(x) == "mark" or _kind(y) == "mark":
            kinds.add("marks")
        elif _kind(x) == "han" and _kind(y) == "han":
            kinds.add("lookalikes")
        else:
            kinds.add("other")
    return kinds.pop() if len(kinds) == 1 else "other"


def _gap_kind(pg: str, rg: str) -> str | None:
    pn, rn = pg.count("\n"), rg.count("\n")
    if (pn == 0) != (rn == 0):
        return "lines"
    if pn or rn:
        if (pn >= 2) != (rn >= 2):
            return "blanks"
        ends = (pg.split("\n")[0], pg.split("\n")[-1]) != (rg.split("\n")[0], rg.split("\n")[-1])
        return "spaces" if ends else None  # a space at a line's end, an indent
    return "spaces" if pg != rg else None


def mixed(printed: str, read: str, base: int, keep: set[str]) -> str:
    """The read text of one image with the differences of kinds not in ``keep`` undone (the
    printed text put back there)."""
    p, p_at = _nonspace(printed, base)
    r, r_at = _nonspace(read)
    p_at = [x - base for x in p_at]
    edits: list[tuple[int, int, str]] = []  # (start, end, text) in ``read``
    gaps: dict[int, int] = {}  # read gap before character j -> printed gap before character i
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, p, r, autojunk=False).get_opcodes():
        if op == "insert":  # the gaps around added characters are left as read
            gaps.pop(j1, None)
        else:
            if op == "equal" or i2 - i1 == j2 - j1:
                for k in range(1, i2 - i1):
                    gaps[j1 + k] = i1 + k  # one read character for one printed: the gaps compare
            gaps[j2] = i2  # after a dropped one, the gap after it
        if op == "equal" or _region_kind(p[i1:i2], r[j1:j2]) in keep:
            continue
        if i2 - i1 == j2 - j1:  # character for character (the gaps between them are the gaps')
            edits += [(r_at[j1 + k], r_at[j1 + k] + 1, p[i1 + k]) for k in range(i2 - i1)]
            continue
        new = printed[p_at[i1] : p_at[i2 - 1] + 1] if i2 > i1 else ""
        if j2 > j1:
            edits.append((r_at[j1], r_at[j2 - 1] + 1, new))
        else:
            at = r_at[j1 - 1] + 1 if j1 > 0 else 0
            edits.append((at, at, new))
    for j, i in gaps.items():
        if not (0 < j < len(r) and 0 < i < len(p)):
            continue
        pg, rg = printed[p_at[i - 1] + 1 : p_at[i]], read[r_at[j - 1] + 1 : r_at[j]]
        kind = _gap_kind(pg, rg)
        if kind is not None and kind not in keep:
            edits.append((r_at[j - 1] + 1, r_at[j], pg))
    out = read
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:start] + text + out[end:]
    return out


def write_mixes(
    src: Path, out: Path, reader: Reader, first: int, per: int, modes: list[str], noblank: bool = False
) -> None:
    """For each mode (``only-K``: the printed page with only K's real noise; ``but-K``: the read
    page with K's undone), the pages and their carried gold under ``out/MODE/`` (``noblank``:
    each page's blank lines taken out, the gold as carried)."""
    from real_ocr import carry_gold

    with ThreadPoolExecutor(1) as pool:
        for gp in page_names(src, first):
            page = gp.name.replace(".gold.json", "")
            raw = (src / f"{page}.txt").read_text(encoding="utf-8")
            gold = json.loads(gp.read_text(encoding="utf-8"))
            parts, _text = read_page(raw, reader, pool, f"{src.name}/{page}", per, gold)
            lines = raw.split("\n")
            for mode in modes:
                how, kind = mode.split("-", 1)
                keep = {kind} if how == "only" else set(DIFF_KINDS) - {kind}
                new = [(pr, mixed(pr, rd, base, keep), base) for pr, rd, base in parts]
                text = ""
                for _pr, rd, base in new:
                    if text:
                        at = raw.count("\n", 0, base)  # the part's first line
                        text += "\n\n" if at > 0 and not lines[at - 1].strip() else "\n"
                    text += rd.strip("\n")
                text += "\n"
                d = out / mode
                d.mkdir(parents=True, exist_ok=True)
                carried = carry_gold(raw, gold, new, text)
                if noblank:
                    text = without_blanks(text)
                (d / f"{page}.txt").write_text(text, encoding="utf-8")
                (d / f"{page}.gold.json").write_text(
                    json.dumps(carried, ensure_ascii=False), encoding="utf-8"
                )


if __name__ == "__main__":
    main()
