"""``main.py import PATH... [--db FILE]``: store page files in the library."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="store page files in the library (a folder is one issue, its *.txt files its pages)",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="page text files or folders of them")
    p.add_argument("--db", metavar="FILE", help="library database file (default: in the app-data folder)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from models.library.service import Library

    with Library.open(args.db) as library:
        report = library.import_paths(args.paths)
        where = library.path
    line = report.summary() + (f" (library: {where})" if where else "")
    out = sys.stdout.buffer
    out.write(line.encode("utf-8") + b"\n")
    out.flush()
    return 0
