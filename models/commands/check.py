"""``main.py check [--db FILE]``: flag likely OCR errors, one JSON array per line.

Reads UTF-8 text on stdin, split on ``\\n`` only (a trailing ``\\r`` dropped), and prints
for each line a JSON array of flags ``{"start", "end", "suggestion", "kind"}`` in code
points of that line, end exclusive. A line over a few thousand characters (a page whose line
ends were lost) is checked in pieces cut at sentence ends, the flags offset back into the
line; only a line over 10,000,000 characters is refused, before any output. Without
``--db`` only what ships is used; with it, the library's word list, corrections and
dismissed flags too.
"""

from __future__ import annotations

import argparse
import json
import sys

from models.commands import check_line_length, existing_library
from models.errors import DubaoError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="flag likely OCR errors in each line of stdin (JSON array per line)")
    p.add_argument("--db", metavar="FILE", help="also use what this library taught (words, corrections)")
    p.set_defaults(run=run)


def read_lines(data: bytes) -> list[str]:
    """stdin's lines: split on \\n only, a trailing \\r dropped; undecodable bytes refused."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DubaoError(f"stdin is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    text = text.removeprefix("\ufeff")
    if not text:
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _empty_file(db: str) -> bool:
    """``--db`` names a regular file of no bytes (not a server URL, not a missing path)."""
    import os
    import stat

    try:
        info = os.stat(db)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


def run(args: argparse.Namespace) -> int:
    from models.proofreading.checker import Checker

    # An empty file (a harness's fresh temporary file) is a library that taught nothing: checked
    # with what ships, and left empty (opening it would write a whole library into it).
    taught = args.db is not None and not _empty_file(args.db)
    if taught:
        existing_library(args.db)  # said before stdin is read (a terminal's stdin waits for typing)
    lines = read_lines(sys.stdin.buffer.read())
    for number, line in enumerate(lines, start=1):
        check_line_length(line, number)  # before any output: all or nothing
    knowledge = None
    if taught:
        from models.library.proofreading import proofreading_knowledge

        knowledge = proofreading_knowledge(args.db)
    checker = Checker(knowledge=knowledge)
    out = sys.stdout.buffer
    for line in lines:
        flags = checker.check(line)
        out.write(json.dumps([f.as_json() for f in flags], ensure_ascii=False).encode("utf-8") + b"\n")
        out.flush()
    return 0
