"""The review's probes of clean text (08 Dec): parses that a reading of OCR's noise must leave
as they were, written once and compared after a change (as tools/parse_snapshot.py does).

    python tools/clean_probes.py --write FILE     # on main (or before the change)
    python tools/clean_probes.py --compare FILE   # after it: every parse the same? (exit 1 if not)

Every page of tools/parse_snapshot.py's ``real_pages`` (the dev pages, the sample page, the
bench's two pages) with one clean line appended — a contact line with half-width colons and a
telephone number, and a line of English with quotes and a bracket — and the seed page without
its blank lines. Measuring only: the app never reads ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from engine_print import without_blanks  # noqa: E402
from parse_snapshot import SHARED, parse_record, real_pages  # noqa: E402

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path)
    mode.add_argument("--compare", type=Path)
    args = ap.parse_args()
    now = probes()
    if args.write:
        args.write.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"written: {len(now)} parses")
        return
    try:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
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
