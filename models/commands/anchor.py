"""``main.py anchor``: re-anchor W3C selectors in changed texts, one JSON line in, one out.

Each input line is ``{"text": str, "selector": [W3C selectors]}``; each output line is
``{"start": int, "end": int}`` (code points, end exclusive) or ``null`` when the selector cannot
be placed with confidence. Blank lines are skipped. A line that is not such an object stops the
run with a one-line reason naming the line (exit 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "anchor",
        help="re-anchor highlights: JSON Lines {text, selector} on stdin -> {start, end} or null",
    )
    p.set_defaults(run=run)


def _read_case(line: bytes, number: int) -> tuple[str, Any]:
    from models.errors import DubaoError

    try:
        case = json.loads(line)
    except (UnicodeDecodeError, ValueError) as exc:
        raise DubaoError(f"line {number}: not JSON ({exc})") from None
    except RecursionError:  # [[[[… a hundred thousand deep: Python's decoder gives up
        raise DubaoError(f"line {number}: JSON nested far too deeply") from None
    if not isinstance(case, dict):
        raise DubaoError(f"line {number}: expected an object with 'text' and 'selector'")
    text, selector = case.get("text"), case.get("selector")
    if not isinstance(text, str):
        raise DubaoError(f"line {number}: 'text' must be a string")
    if selector is None:
        raise DubaoError(f"line {number}: no 'selector'")
    return text, selector


def run(args: argparse.Namespace) -> int:
    from models.anchoring import resolve
    from models.errors import DubaoError

    out = sys.stdout.buffer
    for number, line in enumerate(sys.stdin.buffer, start=1):
        if not line.strip():
            continue
        text, selector = _read_case(line, number)
        try:
            place = resolve(text, selector)
        except DubaoError as exc:
            raise DubaoError(f"line {number}: {exc}") from None
        answer = None if place is None else {"start": place[0], "end": place[1]}
        out.write(json.dumps(answer).encode("utf-8") + b"\n")
    out.flush()
    return 0
