"""``main.py pinyin [TEXT]``: context-correct pinyin, one JSON array per line.

Reads UTF-8 lines on stdin (or takes one TEXT argument) and prints, for each line, a
JSON array with one entry per code point: the tone-marked syllable of a Han character
("zhòng", "lǜ", neutral "le") or null for anything else. Time and memory grow in proportion
to a line's length (1,000,000 characters: ~3 s, ~400 MB); only a line over 10,000,000
characters is refused (exit 2).
"""

from __future__ import annotations

import argparse
import json
import sys

from models.commands import MAX_LINE_CHARS, check_line_length, line_too_long
from models.errors import DubaoError

#: Lines read per batch: the polyphone model runs much faster over many lines at once.
_BATCH = 2000
#: ...and at most this many characters per batch (2,000 long lines would be 40 million).
_BATCH_CHARS = 200_000


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pinyin", help="print context-correct pinyin of each line as a JSON array")
    p.add_argument("text", nargs="?", help="text to read (default: UTF-8 lines on stdin)")
    p.set_defaults(run=run)


def _stdin_lines():
    """stdin as text lines without their line ends; bad UTF-8 is the user's to fix."""
    data = sys.stdin.buffer
    number = 0
    while True:
        # Read no more than a line over the limit can hold (4 bytes a code point), so a 50 MB
        # line is refused without being held whole.
        raw = data.readline(4 * MAX_LINE_CHARS + 5)
        if not raw:
            return
        number += 1
        if len(raw) == 4 * MAX_LINE_CHARS + 5 and not raw.endswith(b"\n"):
            raise line_too_long(number)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DubaoError(f"stdin is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        line = line.rstrip("\r\n").removeprefix("\ufeff")
        check_line_length(line, number)
        yield line


def run(args: argparse.Namespace) -> int:
    from models.language.readings import readings_for_lines

    out = sys.stdout.buffer
    if args.text is not None:
        lines = args.text.splitlines() or [""]
        for line in lines:
            check_line_length(line, None)
        for readings in readings_for_lines(lines):
            out.write(json.dumps(readings, ensure_ascii=False).encode("utf-8") + b"\n")
        out.flush()
        return 0
    batch: list[str] = []
    chars = 0
    for line in _stdin_lines():
        batch.append(line)
        chars += len(line)
        if len(batch) >= _BATCH or chars >= _BATCH_CHARS:
            _write(out, readings_for_lines(batch))
            batch, chars = [], 0
    if batch:
        _write(out, readings_for_lines(batch))
    out.flush()
    return 0


def _write(out, results: list[list[str | None]]) -> None:
    out.write(b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in results))
