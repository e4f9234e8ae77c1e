"""The reviews' probes of clean text (08 Dec): parses that a reading of OCR's noise must leave
as they were, written once and compared after a change (as tools/parse_snapshot.py does).

    python tools/clean_probes.py --write FILE     # on main (or before the change)
    python tools/clean_probes.py --compare FILE   # after it: every parse the same? (exit 1 if not)

Every page of tools/parse_snapshot.py's ``real_pages`` (the dev pages, the sample page, the
bench's two pages) with one clean line appended — a contact line with half-width colons and a
telephone number, and a line of English with quotes and a bracket — and the seed page without
its blank lines; and (the second review) what clean text writes with a hyphen beside a 一 or
with a 〈: on three body lines of each dev and sample page (drawn with a fixed seed), a line opening
with a numeral range (一-三季度，), a grade range (一-二年级学生), a hyphen bullet (- 一是), an
interval (〈0,1) 区间内), a line closing with a word split whose next line goes on (…一- / 三季度…,
…统一- / 协调…) and one closing with a score (…二-一). Measuring only: the app never reads ../shared.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from engine_print import without_blanks  # noqa: E402
from parse_snapshot import SHARED, parse_record, real_pages  # noqa: E402
from snapshot_files import read_snapshot, snapshot_arguments, write_snapshot  # noqa: E402

CONTACT = "报名时间:2月1日 咨询电话:0391-1234567"
ENGLISH = '"Hello," he said (sic).'


def probes() -> dict[str, list]:
    out: dict[str, list] = {}
    for name, raw in sorted(real_pages().items()):
        out[name + "+contact"] = parse_record(raw.rstrip("\n") + "\n" + CONTACT + "\n")
        out[name + "+english"] = parse_record(raw.rstrip("\n") + "\n" + ENGLISH + "\n")
    for path in sorted((SHARED / "seed").glob("*.txt")):
        out[f"seed/{path.name} without blank lines"] = parse_record(
            without_blanks(path.read_text(encoding="utf-8"))
        )
    return out


#: Clean lines' openings that hold a hyphen beside a 一 or a 〈 (second review, 08 Dec).
OPENINGS = ("一-三季度，", "一-二年级学生", "- 一是", "〈0,1) 区间内")


def hyphen_probes() -> dict[str, list]:
    """The second review's probes: clean lines with a hyphen beside a 一 or a 〈 (the module's doc)."""
    rnd = random.Random(7)
    variants: dict[str, str] = {}
    pages = {k: v for k, v in real_pages().items() if not k.startswith("bench")}
    for name, raw in sorted(pages.items()):
        lines = raw.split("\n")
        body = [i for i, ln in enumerate(lines[:-1]) if len(ln.strip()) > 14 and len(lines[i + 1].strip()) > 5]
        for i in rnd.sample(body, min(3, len(body))):
            for k, opening in enumerate(OPENINGS):
                ls = list(lines)
                ls[i] = opening + ls[i].lstrip()
                variants[f"{name}|{i}|opening{k}"] = "\n".join(ls)
            for kind, end, goes_on in (("split1", "一-", "三季度"), ("score", "比分定格为二-一", ""), ("split2", "统一-", "协调")):
                ls = list(lines)
                ls[i] = ls[i].rstrip() + end
                ls[i + 1] = goes_on + ls[i + 1]
                variants[f"{name}|{i}|{kind}"] = "\n".join(ls)
    return {k: parse_record(v) for k, v in variants.items()}


def main() -> None:
    args = snapshot_arguments(__doc__.splitlines()[0])
    now = probes() | hyphen_probes()
    if args.write:
        write_snapshot(args.write, now)
        print(f"written: {len(now)} parses")
        return
    try:
        before = read_snapshot(args.compare)
    except (OSError, ValueError) as e:
        print(f"cannot read {args.compare}: {e}", file=sys.stderr)
        sys.exit(2)
    differ = [k for k in before if before[k] != now.get(k)]
    for k in differ[:10]:
        print("differs:", k)
    print(f"{len(before) - len(differ)}/{len(before)} parses identical")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
