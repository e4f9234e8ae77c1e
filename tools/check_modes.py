"""``main.py check`` with other evidence from the rest of the input, for measuring only.

The shipped ``check`` judges each line with what the rest of its input says, the line's
near-copies left out (:mod:`models.proofreading.recurrence`). This one can instead:

- ``--keep-near-copies``: leave out only the line itself (how much a copy of a line leaks);
- ``--alone``: check each line alone, with no rest at all (a single line, as a caller
  without the rest of the issue would).

    python tools/check_modes.py (--keep-near-copies | --alone) < lines.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.commands.check import read_lines  # noqa: E402
from models.proofreading.checker import Checker  # noqa: E402


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] not in ("--keep-near-copies", "--alone"):
        sys.stderr.write("usage: check_modes.py (--keep-near-copies | --alone) < lines.txt\n")
        raise SystemExit(2)
    lines = read_lines(sys.stdin.buffer.read())
    checker = Checker()
    if sys.argv[1] == "--alone":
        results = (checker.check(line) for line in lines)
    else:
        results = checker.check_lines(lines, near_copies=False)
    out = sys.stdout.buffer
    for flags in results:
        out.write(json.dumps([f.as_json() for f in flags], ensure_ascii=False).encode("utf-8") + b"\n")


if __name__ == "__main__":
    main()
