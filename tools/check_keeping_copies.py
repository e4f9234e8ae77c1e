"""``main.py check`` with only each line itself left out of its evidence, near-copies kept.

For measuring how much a copy of a line would leak (docs/checker.md): the shipped ``check``
leaves a line's near-copies out of what the rest of the text says
(:mod:`models.proofreading.recurrence`); this one does not. Not for use.

    python tools/check_keeping_copies.py < lines.txt
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
    lines = read_lines(sys.stdin.buffer.read())
    out = sys.stdout.buffer
    for flags in Checker().check_lines(lines, near_copies=False):
        out.write(json.dumps([f.as_json() for f in flags], ensure_ascii=False).encode("utf-8") + b"\n")


if __name__ == "__main__":
    main()
