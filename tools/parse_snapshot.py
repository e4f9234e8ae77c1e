"""Every parse of the dev pages and of generated text, written once and compared after a change.

    python tools/parse_snapshot.py --write FILE     # before a speed change
    python tools/parse_snapshot.py --compare FILE   # after it: every parse the same?

What is parsed (pages from ../shared, for measuring only): every page of ``seed``,
``pages-dev``, ``pages-dev-column`` and ``pages-dev-engine``, the sample page, the parse
bench's two 10,000-character pages (all dev pages run together, with and without blank
lines), and 400 generated pages (random lines of CJK, punctuation, Latin, digits and
spaces, title-like lines, blank lines and cut real lines; a fixed seed, so the same pages
each run; half of them with no blank line, read by the line model). For each page the
whole parse is kept: every section's kind, every field (kicker, heading, subheading,
byline) and every paragraph with its text and every character's raw offset. A speed
change must leave every one of them as it was; ``--compare`` prints the first differences
and exits 1 if any.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from tools.snapshot_files import read_snapshot, snapshot_arguments, write_snapshot  # noqa: E402

#: The alphabets and title-like lines of generated pages (tests/test_parser_invariants.py draws from them too).
CJK = "中国人民日报记者本社区疫情防控工作发展农业生产的了是在和有一二三𠀀𠀁"
PUNCT = "，。、：；！？“”‘’（）《》——…·"
LATIN = "abcXYZ0123456789.%"
SPACE = "  　\t"
TITLES = (
    "区招商局：",
    "本报记者 付凯明",
    "图为工作人员在调试设备。",
    "新华社发",
    "（本报北京2月1日电）",
    "本报北京 2 月 12 日电 （记者",
    "——记者手记",
    "刻苦训练",
    "李晓红摄（人民视觉）",
)


def real_pages() -> dict[str, str]:
    """Every dev page by its name (folder/file), the sample page, the bench's 10k pages."""
    pages: dict[str, str] = {
        "sample-page": (ROOT / "resources" / "sample-page.txt").read_text(encoding="utf-8")
    }
    for folder in ("seed", "pages-dev", "pages-dev-column", "pages-dev-engine"):
        for path in sorted((SHARED / folder).glob("*.txt")):
            pages[f"{folder}/{path.name}"] = path.read_text(encoding="utf-8")
    dev = [v for k, v in pages.items() if k.startswith("pages-dev/")]
    big = "\n\n".join(dev)[:10_000]
    pages["bench-10k"] = big[: big.rfind("\n") + 1]
    eng = "".join(v for k, v in pages.items() if k.startswith("pages-dev-engine/"))[:10_000]
    pages["bench-10k-engine"] = eng[: eng.rfind("\n") + 1]
    return pages


def generated_pages(count: int = 400, seed: int = 20261206) -> dict[str, str]:
    """Random pages: mixed alphabets, title-like lines, blank lines, lines cut from real pages."""
    rng = random.Random(seed)
    real_lines = [ln for text in real_pages().values() for ln in text.splitlines() if ln.strip()]
    alphabet = CJK + PUNCT + LATIN + SPACE
    pages: dict[str, str] = {}
    for k in range(count):
        blanks = k % 2 == 0
        lines: list[str] = []
        for _ in range(rng.randint(0, 80)):
            pick = rng.random()
            if pick < 0.35:
                lines.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))))
            elif pick < 0.45:
                lines.append(rng.choice(TITLES))
            elif pick < 0.55 and blanks:
                lines.append("")
            else:
                line = rng.choice(real_lines)
                if rng.random() < 0.3:
                    a, b = sorted(rng.randint(0, len(line)) for _ in range(2))
                    line = line[a:b]
                lines.append(line)
        pages[f"generated-{k:03d}"] = "\n".join(lines)
    return pages


def _runs(source: list[int]) -> list[list[int]]:
    """Raw offsets as runs [first, count] of consecutive offsets (lossless, smaller)."""
    runs: list[list[int]] = []
    for off in source:
        if runs and runs[-1][0] + runs[-1][1] == off:
            runs[-1][1] += 1
        else:
            runs.append([off, 1])
    return runs


def _mapped(value) -> list | None:
    return None if value is None else [value.text, _runs(value.source)]


def parse_record(raw: str) -> list:
    """The whole parse of a page as plain lists: sections, fields, paragraphs, offsets."""
    from models.parser import parse_page
    from models.section import HEAD_FIELDS

    page = parse_page(raw)
    return [
        [s.kind, [_mapped(getattr(s, name)) for name in HEAD_FIELDS], [_mapped(p) for p in s.paragraphs]]
        for s in page.sections
    ]


def snapshot() -> dict[str, list]:
    from models.parser import PARSER_VERSION

    pages = real_pages() | generated_pages()
    return {"parser-version": [PARSER_VERSION]} | {name: parse_record(raw) for name, raw in pages.items()}


def main() -> None:
    args = snapshot_arguments(__doc__.splitlines()[0])
    now = json.loads(json.dumps(snapshot(), ensure_ascii=False))
    if args.write:
        write_snapshot(args.write, now)
        print(f"written: {len(now) - 1} pages, {sum(len(v) for v in now.values()) - 1} sections")
        return
    before = read_snapshot(args.compare)
    differ = [name for name in before if now.get(name) != before[name]]
    differ += [name for name in now if name not in before]
    for name in differ[:10]:
        a, b = before.get(name), now.get(name)
        if a is None or b is None:
            print(f"{name}: only in {'now' if a is None else 'before'}")
            continue
        k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        print(
            f"{name}: {len(a)} / {len(b)} sections; #{k} differs: {str(a[k : k + 1])[:300]} / {str(b[k : k + 1])[:300]}"
        )
    print(
        f"{len(before) - len(differ)}/{len(before)} parses identical ({len(before) - 1} pages and the parser version)"
    )
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
