"""``main.py pinyin [TEXT]``: context-correct pinyin, one JSON array per line.

Reads UTF-8 lines on stdin (or takes one TEXT argument) and prints, for each line, a
JSON array with one entry per code point: the tone-marked syllable of a Han character
("zhòng", "lǜ", neutral "le") or null for anything else.
"""

from __future__ import annotations

import argparse
import json
import sys

from models.errors import DubaoError

#: Lines read per batch: the polyphone model runs much faster over many lines at once.
_BATCH = 2000


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pinyin", help="print context-correct pinyin of each line as a JSON array")
    p.add_argument("text", nargs="?", help="text to read (default: UTF-8 lines on stdin)")
    p.set_defaults(run=run)


def _stdin_lines():
    """stdin as text lines without their line ends; bad UTF-8 is the user's to fix."""
    data = sys.stdin.buffer
    while True:
        raw = data.readline()
        if not raw:
            return
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DubaoError(f"stdin is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        yield line.rstrip("\r\n").removeprefix("\ufeff")


def run(args: argparse.Namespace) -> int:
    from models.language.readings import readings_for_lines

    out = sys.stdout.buffer
    if args.text is not None:
        lines = args.text.splitlines() or [""]
        for readings in readings_for_lines(lines):
            out.write(json.dumps(readings, ensure_ascii=False).encode("utf-8") + b"\n")
        out.flush()
        return 0
    batch: list[str] = []
    for line in _stdin_lines():
        batch.append(line)
        if len(batch) >= _BATCH:
            _write(out, readings_for_lines(batch))
            batch = []
    if batch:
        _write(out, readings_for_lines(batch))
    out.flush()
    return 0


def _write(out, results: list[list[str | None]]) -> None:
    out.write(b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in results))
